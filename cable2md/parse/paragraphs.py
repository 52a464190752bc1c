"""Paragraph starts and their numbers, read through the scanner's garbling.

A clean cable marks paragraphs ``¶1. (C)``. A scanner reads that ``¶`` as ``1``,
``1.``, ``11.``, ``!!_``, ``1[``, ``1_`` or ``T``, so ``12.`` may be paragraph 2
and ``1124.`` paragraph 24. Paragraphs run 1, 2, 3 ..., so the expected number
decides: :func:`paragraph_number` returns the reading of a line's number that
fits the sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .fields import split_marking

PILCROW_RE: Final = re.compile(r"^\s*¶\s*(?P<number>\d{1,3})\s*(?:\.|\)|(?=\s))\s*(?P<rest>.*)$")
# A number, maybe behind garbled pilcrow characters, then a full stop and a space.
_CANDIDATE_RE: Final = re.compile(
    r"^\s*(?P<token>[¶T!|Il\[\]_]*[0-9](?:[0-9._\[\]!|]| {1,2}(?=[0-9]))*?)(?P<gap>\s{0,2})\.(?=\s|$|\()\s*(?P<rest>.*)$"
)
_GARBLE_RE: Final = re.compile(r"^[¶T!|Il\[\]_1.]*$")
# The first character of a start, garbled or not: a quick test before the patterns.
_FIRST_CHARACTERS: Final = frozenset("¶T!|Il[]_0123456789")
_MAX_SKIP: Final = 3  # paragraphs an extract may skip between two it keeps


@dataclass(frozen=True, slots=True)
class Start:
    number: int
    marking: str | None
    rest_offset: int  # where the paragraph's text starts in the line
    pilcrow: bool


def readings(token: str) -> list[int]:
    """Every number *token* can stand for once a garbled prefix is dropped, longest first."""
    squeezed = token.replace(" ", "")
    found: list[int] = []
    for cut in range(len(squeezed)):
        prefix, digits = squeezed[:cut], squeezed[cut:]
        if digits.isdigit() and _GARBLE_RE.match(prefix) and digits[0] != "0":
            found.append(int(digits))
    return found


def paragraph_number(token: str, expected: int | None) -> int | None:
    """The number *token* stands for, given the *expected* next paragraph number."""
    options = readings(token)
    if not options:
        return None
    if expected is None:
        return 1 if 1 in options else (options[0] if options[0] < 200 else None)
    for number in range(expected, expected + _MAX_SKIP + 1):
        if number in options:
            return number
    return None


def is_paragraph_start(text: str) -> bool:
    """A quick test used by the header scan: a ``¶N.`` line, or ``N. (C)`` with a marking."""
    if PILCROW_RE.match(text):
        return True
    match = _CANDIDATE_RE.match(text)
    return bool(match and readings(match.group("token")) and split_marking(match.group("rest"))[0])


def read_start(
    text: str, expected: int | None, *, pilcrow_mode: bool, after_blank: bool
) -> Start | None:
    """Read *text* as the first line of a numbered paragraph, or return None."""
    if text.lstrip()[:1] not in _FIRST_CHARACTERS:
        return None
    match = PILCROW_RE.match(text)
    if match:
        rest = match.group("rest")
        marking, remainder = split_marking(rest)
        return Start(int(match.group("number")), marking, len(text) - len(remainder), True)
    match = _CANDIDATE_RE.match(text)
    if not match:
        return None
    rest = match.group("rest")
    marking, remainder = split_marking(rest)
    if not rest or not (marking or rest[0].isupper() or rest[0] in "\"'("):
        return None
    if pilcrow_mode and not marking:
        return None
    if len(match.group("gap")) > 1 and not marking:
        return None  # "2  .  A.": a point two spaces off makes a paragraph number only with "(C)"
    if not after_blank and not marking:
        return None
    token = match.group("token")
    number = paragraph_number(token, expected)
    if number is None:
        return None
    # Where most marks read "¶", another reading of one is taken only as the paragraph the
    # sequence expects (the first: 1), with its marking: the scanner kept some pilcrows and
    # garbled others.
    if (
        pilcrow_mode
        and str(number) != token
        and not (marking and number == (1 if expected is None else expected))
    ):
        return None
    return Start(number, marking, len(text) - len(remainder), False)
