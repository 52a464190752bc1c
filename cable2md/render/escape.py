"""Cable text -> Markdown and HTML that show it as text and never as syntax.

Cable text is data: ``*``, ``_``, ``<script>``, ``[x](y)``, ``#`` or ``|`` at a
line start must reach the reader as the characters they are. Markdown syntax
characters become numeric character references, which Python-Markdown leaves
alone and browsers show as the character, so no extension's syntax can fire.
"""

from __future__ import annotations

import re
from functools import lru_cache

_EVERYWHERE = {char: f"&#{ord(char)};" for char in "\\`*_{}[]<>&#|$^~"}
_TABLE = str.maketrans(_EVERYWHERE)
_LINE_START_RE = re.compile(r"^(\s*)([-+=.!:>%@]|\d+(?=[.)]))")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Direction overrides would reorder the text around them on screen: show them as what they are.
_BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> str:
    text = _CONTROL_RE.sub("\ufffd", text)
    return _BIDI_RE.sub(lambda match: f"[U+{ord(match.group(0)):04X}]", text)


def md_inline(text: str) -> str:
    """Escape *text* for use inside a Markdown line: syntax characters become references."""
    return _visible(text).translate(_TABLE)


def safe_line_starts(markdown: str) -> str:
    """Make every line start plain text: no indent (code), no list, quote or heading marker."""
    lines = []
    for line in markdown.split("\n"):
        line = line.lstrip()
        match = _LINE_START_RE.match(line)
        if match:
            lead = match.group(2)
            if lead.isdigit():
                marker = line[match.end()]
                line = f"{lead}&#{ord(marker)};{line[match.end() + 1 :]}"
            else:
                line = f"&#{ord(lead)};{line[match.end() :]}"
        lines.append(line)
    return "\n".join(lines)


# Text made only of these needs no escaping when it opens with a letter: no Markdown or HTML
# syntax can start from letters, digits, spaces and this punctuation.
_PLAIN_RE = re.compile(r"(?:[^\W_]|[ ,;:.'\"/()?-])*")


@lru_cache(maxsize=1 << 16)
def md(text: str) -> str:
    """Escape *text* for Markdown: it renders as the very characters it holds.

    Cached: a listing shows the same subjects and names on many pages.
    """
    stripped = text.strip()
    if _PLAIN_RE.fullmatch(stripped) and (not stripped or stripped[0].isalpha()):
        return stripped
    return safe_line_starts(md_inline(text).strip())


def html_text(text: str) -> str:
    """Escape *text* for an HTML text node or a double-quoted attribute."""
    return (
        _visible(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def plain_title(text: str) -> str:
    """A page title safe in any template: no angle brackets, no line breaks, no controls."""
    text = _visible(text).replace("\ufffd", "").replace("<", "‹").replace(">", "›")
    return " ".join(text.split())
