"""Classification lines (``S E C R E T SECTION 01 OF 02 BEIJING 002963``) and labels.

A classification line gives the level, the section and the post and number that
make the cable's id. :func:`label` turns a level and its caveats into the
publisher's label (``SECRET//NOFORN``), using ``data/caveats.yaml``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from . import reference

LEVELS: Final = {
    "TOPSECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE",
}
_QUALIFIERS: Final = {
    "EFTO",
    "SENSITIVE",
    "SBU",
    "NOFORN",
    "SIPDIS",
    "FOUO",
    "NODIS",
    "EXDIS",
    "LIMDIS",
}
_SECTION_RE: Final = re.compile(r"^SECTION (\d{1,3}) OF (\d{1,3})\b ?")
_POST_NUMBER_RE: Final = re.compile(
    r"^(?:\d\d )?(?P<post>[A-Z][A-Z.' -]{0,40}?) (?P<number>\d{1,7})$"
)
# A ZNY line's five letters say the level when the classification line is missing.
# A quick test: a classification line opens with the first letters of a level (maybe spaced out).
LEVEL_START_RE: Final = re.compile(
    r"\s*(?:S\s*S?\s*E\s*C|C\s*C?\s*O\s*N|U\s*U?\s*N\s*C|T\s*O\s*P|L\s*I\s*M)", re.I
)
_CAVEAT_MAX: Final = 60  # no caveat line is longer
_SPACES_RE: Final = re.compile(r"\s+")
ZNY_LEVELS: Final = {
    "SSSSS": "SECRET",
    "CCCCC": "CONFIDENTIAL",
    "UUUUU": "UNCLASSIFIED",
    "TTTTT": "TOP SECRET",
}


@dataclass(frozen=True, slots=True)
class ClassificationLine:
    level: str
    qualifiers: tuple[str, ...]
    section: tuple[int, int] | None
    post: str | None
    number: str | None


def _squeeze_letters(text: str) -> str:
    """``S E C R E T`` -> ``SECRET`` (also ``SS E C R E T``), leaving other words alone."""
    tokens = text.split()
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        run = [token]
        if len(token) <= 2:
            following = index + 1
            while (
                following < len(tokens)
                and len(tokens[following]) == 1
                and tokens[following].isalpha()
            ):
                run.append(tokens[following])
                following += 1
            if len(run) >= 3:
                out.append("".join(run))
                index = following
                continue
        out.append(token)
        index += 1
    return " ".join(out)


def _level(words: list[str]) -> tuple[str, int] | None:
    """The level the first words name and how many words it took."""
    for size in (3, 2, 1):
        key = "".join(words[:size])
        if len(key) > 1 and key[0] == key[1] and key[1:] in LEVELS:
            key = key[1:]  # a doubled first letter: "SS E C R E T", "UUNCLAS"
        if key in LEVELS and len(words) >= size:
            return LEVELS[key], size
    return None


_LEVEL_WORDS: Final = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")
_SERIAL_END_RE: Final = re.compile(r"\b[A-Z][A-Z .]+\s0*\d{1,6}\s*$")


def misspelled_level(text: str) -> tuple[str, str] | None:
    """``C O N F I D E N T A I L  TOKYO 000100`` -> (``CONFIDENTAIL``, ``CONFIDENTIAL``): a
    line shaped like a classification line (a word, then a post and a serial) whose first word
    is a level misspelled, with the level it is closest to; None for any other line."""
    words = _squeeze_letters(text.strip().upper()).split()
    if len(words) < 3 or not _SERIAL_END_RE.search(" ".join(words[1:])):
        return None
    word = words[0].strip(".:,")
    if word in _LEVEL_WORDS or not word.isalpha() or word.lower() in reference.common_words():
        return None  # a level, or a word (SECRETARY RICE 2005)
    for level in _LEVEL_WORDS:
        if difflib.SequenceMatcher(None, word, level).ratio() >= 0.8:
            return word, level
    return None


def parse_classification_line(text: str) -> ClassificationLine | None:
    """Read a classification line, or return None when *text* is not one."""
    if not LEVEL_START_RE.match(text):
        return None
    words = _squeeze_letters(text.upper()).split()
    found = _level(words)
    if found is None:
        return None
    level, used = found
    words = words[used:]
    qualifiers: list[str] = []
    while words and words[0].rstrip(",") in _QUALIFIERS:
        qualifiers.append(words.pop(0).rstrip(","))
    rest = " ".join(words)
    section = None
    section_match = _SECTION_RE.match(rest)
    if section_match:
        section = (int(section_match.group(1)), int(section_match.group(2)))
        rest = rest[section_match.end() :]
    if not rest:
        return ClassificationLine(level, tuple(qualifiers), section, None, None)
    post_match = _POST_NUMBER_RE.match(rest)
    if not post_match:
        return None
    post = post_match.group("post").strip()
    return ClassificationLine(level, tuple(qualifiers), section, post, post_match.group("number"))


def caveat_name(text: str) -> str | None:
    """The canonical caveat a header line stands for (``S I P D I S`` -> SIPDIS), or None."""
    # Most lines asked about are long: they are turned away before the cache, which keeps
    # the short ones.
    if len(text) > _CAVEAT_MAX:
        return None
    return _short_caveat_name(text)


@lru_cache(maxsize=1 << 14)
def _short_caveat_name(text: str) -> str | None:
    word = text.strip().strip(".").upper()
    # Most lines hold no white space but single spaces (every other white space character is
    # unprintable): they are spared the substitution.
    if not word.isprintable() or "  " in word:
        word = _SPACES_RE.sub(" ", word)
    aliases = reference.caveat_aliases()
    if word in reference.caveats():
        return word
    if word in aliases:
        return aliases[word]
    squeezed = word.replace(" ", "")
    if squeezed in reference.caveats():
        return squeezed
    return aliases.get(squeezed)


def label(level: str | None, handling: tuple[str, ...] | list[str]) -> str | None:
    """The publisher's label: level plus the suffixes header caveats add (``SECRET//NOFORN``)."""
    if level is None:
        return None
    if level == "LIMITED OFFICIAL USE":
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    caveats = reference.caveats()
    order = reference.caveat_rules().get("suffix_order") or []
    suffixes = {
        caveats[name]["classification_suffix"]
        for name in handling
        if name in caveats
        and caveats[name].get("classification_suffix")
        and level in (caveats[name].get("applies_to") or [level])
    }
    return "//".join([level, *(suffix for suffix in order if suffix in suffixes)])
