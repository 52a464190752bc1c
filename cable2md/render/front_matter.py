"""A page's metadata (dicts, lists, strings, numbers, booleans, None) -> its YAML front matter.

The front matter of every generated page. PyYAML's dumper, whose representer is Python even
with libyaml, was the largest part of a cold build's rendering (docs/performance.md). This
writer knows the few types a page's metadata holds and writes them in PyYAML's block style: a
string plain where no YAML reader can take it for anything else, double-quoted otherwise
(JSON's escapes, which are YAML's, and ``\\u`` for the characters YAML reads as line breaks or
refuses). Any other type goes to PyYAML. ``tests/render/test_front_matter.py`` loads what it
writes with ``yaml.safe_load`` and gets the metadata back.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import yaml

# A plain scalar that YAML 1.1 reads as this very string: it starts with a letter, holds no
# indicator (":", "#", quotes, brackets), and is not a boolean or null word; or it is a cable's
# id, digits then capitals (no number YAML reads has a capital letter after its digits).
_PLAIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()-]*[A-Za-z0-9._/)]|[A-Za-z]|[0-9]+[A-Z][A-Z0-9]*")
_WORDS = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
)  # fmt: skip
# Characters YAML reads as line breaks, or refuses unescaped, that JSON writes as they are.
_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


@lru_cache(maxsize=1 << 16)  # tags, kinds, posts and pages recur on every page
def _string(text: str) -> str:
    if _PLAIN_RE.fullmatch(text) and text.casefold() not in _WORDS and "  " not in text:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNSAFE_RE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", quoted)


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return None


def _block(value: Any, indent: str, out: list[str]) -> None:
    """*value* (a dict or a list, not empty) as block lines at *indent*."""
    if isinstance(value, dict):
        for key, item in value.items():
            _entry(f"{indent}{_key(key)}:", item, indent, out, in_list=False)
    else:
        for item in value:
            _entry(f"{indent}-", item, indent, out, in_list=True)


def _entry(lead: str, value: Any, indent: str, out: list[str], in_list: bool) -> None:
    scalar = _scalar(value)
    if scalar is not None:
        out.append(f"{lead} {scalar}")
    elif isinstance(value, (dict, list)) and not value:
        out.append(f"{lead} {'{}' if isinstance(value, dict) else '[]'}")
    elif isinstance(value, (dict, list)) and in_list:
        # "- key: value" (or "- - item") with the rest of the mapping or list under its first
        lines: list[str] = []
        _block(value, indent + "  ", lines)
        out.append(f"{lead} {lines[0][len(indent) + 2 :]}")
        out.extend(lines[1:])
    elif isinstance(value, dict):
        out.append(lead)
        _block(value, indent + "  ", out)
    elif isinstance(value, list):
        out.append(lead)  # PyYAML's style: a mapping's list at the key's own indent
        _block(value, indent, out)
    else:
        raise TypeError(type(value).__name__)


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(type(key).__name__)
    return _string(key)


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter that loads back to *meta* exactly (``yaml.safe_load``)."""
    out: list[str] = []
    try:
        _block(meta, "", out)
    except TypeError:  # a type this writer does not know: PyYAML's safe dumper
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
    return "---\n" + "\n".join(out) + "\n---\n" if out else "---\n{}\n---\n"
