"""REF text -> references, each resolved to a canonical cable id where it names one.

``REF: A. STATE 12345 B. 05 TOKYO 1349`` gives two references; a reference
without a year is from the citing cable's own year (``TOKYO 1349`` in a 2005
cable is ``05TOKYO1349``). Emails, letters and meetings keep their text and get
no id.
"""

from __future__ import annotations

import re
from typing import Final

from . import reference
from .model import Reference
from .years import full_year

_LEADING_RE: Final = re.compile(r"^\s*(?:REFTELS?|REFERENCES?|REFS?)\s*[:.]?\s*", re.I)
# "B." or "(B)", also as the release's export writes it, "¶B.".
_LABEL_RE: Final = re.compile(r"(?:(?<=\s)|^)(?:¶\s*)?\(?([A-Ha-h])[.)](?=\s|$)")
_CABLE_RE: Final = re.compile(
    r"(?:(?P<year>\b(?:19|20)?\d\d)\s+)?(?P<post>\b[A-Z][A-Z.' -]{1,30}?)\s+0*(?P<number>[1-9]\d{0,6})\b"
)
_YEAR_IN_PARENS_RE: Final = re.compile(r"^\s*\((?P<year>\d\d)\)")


def _labelled_items(text: str) -> list[tuple[str | None, str]]:
    """Split at labels A., B., C. ... taken in order, so ``D.`` inside a name is not one."""
    items: list[tuple[str | None, str]] = []
    expected = "A"
    marks: list[tuple[str, int, int]] = []
    for match in _LABEL_RE.finditer(text):
        letter = match.group(1).upper()
        if letter == expected:
            marks.append((letter, match.start(), match.end()))
            expected = chr(ord(expected) + 1)
        elif marks and letter == marks[-1][0]:  # "A. A. STATE 99125": a doubled label
            marks[-1] = (letter, marks[-1][1], match.end())
    if len(marks) < 2 and not (marks and marks[0][1] == 0):
        return [(None, piece) for piece in _unlabelled_items(text)]
    if marks[0][1] > 0 and text[: marks[0][1]].strip():
        items.append((None, text[: marks[0][1]]))
    for index, (letter, _start, end) in enumerate(marks):
        stop = marks[index + 1][1] if index + 1 < len(marks) else len(text)
        items.append((letter, text[end:stop]))
    return items


def _unlabelled_items(text: str) -> list[str]:
    """One item per cable named (``TEHRAN 1091: TEHRAN 263``); other text stays with its cable."""
    starts = [match.start() for match in _cable_matches(text.upper())]
    if not starts:
        return [piece for piece in re.split(r"\s*;\s*", text) if piece.strip()]
    if text[: starts[0]].strip(" ;,:"):
        starts.insert(0, 0)
    else:
        starts[0] = 0
    return [text[start:stop] for start, stop in zip(starts, [*starts[1:], len(text)], strict=True)]


def _cable_matches(upper: str) -> list[re.Match[str]]:
    codes = reference.post_codes()
    found = []
    for match in _CABLE_RE.finditer(upper):
        words = match.group("post").split()
        if any(
            "".join(words[start:]) in codes or "".join(words[start:]).startswith("SECSTATE")
            for start in range(len(words))
        ):
            found.append(match)
    return found


def _resolve(text: str, year: int | None) -> str | None:
    codes = reference.post_codes()
    upper = text.upper()
    for match in _CABLE_RE.finditer(upper):
        words = match.group("post").split()
        # The post is the longest run of trailing words that names a known post.
        for start in range(len(words)):
            code = "".join(words[start:])
            code = {"SECSTATE": "STATE", "SECSTATEWASHDC": "STATE"}.get(code, code)
            if code in codes:
                ref_year = match.group("year") if start == 0 else None
                rest = upper[match.end() :]
                parens = _YEAR_IN_PARENS_RE.match(rest)
                if ref_year is None and parens:
                    ref_year = parens.group("year")
                if ref_year is not None:
                    yy = int(ref_year) % 100
                elif year is not None:
                    yy = year % 100
                else:
                    return None
                return f"{yy:02d}{codes[code]}{int(match.group('number'))}"
    return None


def parse_references(text: str, year: int | None) -> list[Reference]:
    """Read the joined REF field text of a cable written in *year*."""
    body = _LEADING_RE.sub("", text, count=1).strip()
    references = []
    for label, item in _labelled_items(body):
        item = item.strip(" ;,:")
        if item:
            references.append(Reference(label, item, _resolve(item, year)))
    return references


def explicit_years(text: str) -> list[int]:
    """The years REF text gives its cables (``05 VIENNA 1760`` -> 2005)."""
    years = []
    for match in _cable_matches(text.upper()):
        if match.group("year"):
            years.append(full_year(int(match.group("year")) % 100))
    return years
