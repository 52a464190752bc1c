"""Participant lists -> participants with their name, title, side and role.

A list is a paragraph that opens with ``Participants:`` (or stands under such a
heading). Its lines are side headers (``U.S.``, ``Japan``, ``Turkish Side:``)
or people (``POL Tandy Matsuda (notetaker)``, ``-- Ambassador John Smith``,
``Jane Doe, Director of ...``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from . import reference
from .body import Block
from .model import Participant
from .names import display_name, is_given_name, name_word, split_title_name
from .normalize import join_lines
from .officials import find_people

LIST_RE: Final = re.compile(
    r"^\W{0,3}(?:meeting\s+)?(?:participants|attendees|present|in attendance)\b\s*(?:were|included)?\s*[:.\-]?\s*",
    re.I,
)
_BULLET_RE: Final = re.compile(r"^\s*(?:-{1,2}|\*|•|o|\d{1,2}[.)]|[a-z][.)])\s+")
_ROLE_RE: Final = re.compile(r"\s*\((?P<role>[^()]{1,40})\)\s*$")
_SIDE_WORDS: Final = {
    "side",
    "delegation",
    "participants",
    "team",
    "officials",
    "attendees",
    "party",
}
_SIDE_NAMES: Final = {
    "u.s.",
    "us",
    "usg",
    "united states",
    "american",
    "americans",
    "u.s",
    "embassy",
    "mission",
}


@cache
def _places() -> frozenset[str]:
    names = {
        entry["name"].casefold()
        for entry in reference.tags().values()
        if entry.get("kind") == "geographic"
    }
    return frozenset(names | _SIDE_NAMES)


def _is_side(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or len(words) > 5:
        return False
    folded = text.rstrip(":").strip().casefold()
    if folded in _places() or (
        re.fullmatch(r"(?:for\s+(?:the\s+)?)?[a-z.]+(?:\s+[a-z.]+)?", folded)
        and folded.split()[-1] in _places()
    ):
        return True
    if {word.casefold() for word in words} & _SIDE_WORDS:
        return True
    if len(words) == 1 and not is_given_name(words[0]):
        return True
    return text.endswith(":") and len(words) <= 3 and not any(is_given_name(word) for word in words)


def _person(text: str) -> tuple[str | None, str | None, str | None]:
    """``POL Tandy Matsuda (notetaker)`` -> ``("Tandy Matsuda", "POL", "notetaker")``."""
    role = None
    match = _ROLE_RE.search(text)
    if match:
        role, text = match.group("role").strip(), text[: match.start()]
    head, _, rest = text.partition(",")
    rest = rest.strip(" ,;.")
    words = head.split()
    caps = not any(ch.islower() for ch in head)
    if rest and words and all(name_word(w, caps) for w in words) and len(words) <= 4:
        return display_name(head.strip()), rest, role
    title, name = split_title_name(head)
    if name is None:
        return None, None, role
    if rest:
        title = f"{title}, {rest}" if title else rest
    return name, title, role


def _lines(block: Block) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for line in block.lines:
        for piece in line.text.split(";"):
            if piece.strip():
                out.append((line.number, piece.strip()))
    return out


def _heading_lists(block: Block) -> bool:
    """Whether *block* stands under a ``Participants:`` heading."""
    return bool(block.heading and LIST_RE.match(block.heading))


def _opens_list(block: Block) -> bool:
    """Whether the first line of *block* opens with ``Participants:``."""
    first = next((line.stripped for line in block.lines if not line.blank), "")
    return bool(first and LIST_RE.match(first))


def is_list(block: Block) -> bool:
    """Whether *block* opens a participant list (its lines are then kept apart)."""
    return _heading_lists(block) or _opens_list(block)


def list_blocks(blocks: list[Block]) -> list[bool]:
    """Which of *blocks* are participant lists: those that open one, and an unnumbered block
    right after a list under the name of a side (``Colombia``, underlined), its second part."""
    lists: list[bool] = []
    for block in blocks:
        lists.append(
            is_list(block)
            or (
                bool(lists and lists[-1])
                and block.number is None
                and block.heading is not None
                and _is_side(block.heading)
            )
        )
    return lists


def list_text(block: Block) -> str:
    """A participant list's text: one line per entry, each de-noised."""
    return "\n".join(text for text in (join_lines([line.text]) for line in block.lines) if text)


def find_participants(blocks: list[Block], lists: list[bool]) -> list[Participant]:
    """The participants of every participant list in the cable, in order; *lists* says which
    blocks are lists (:func:`list_blocks`)."""
    found: list[Participant] = []
    for block, listed in zip(blocks, lists, strict=True):
        if not listed:
            continue
        heading_list = _heading_lists(block)
        opens = heading_list or _opens_list(block)
        lines = _lines(block)
        if not lines:
            continue
        # the second part of a list stands under its side's name
        side: str | None = None if opens else (block.heading or "").rstrip(":").strip()
        for index, (number, text) in enumerate(lines):
            if index == 0 and not heading_list and opens:
                text = LIST_RE.sub("", text, count=1)
            text = _BULLET_RE.sub("", text).strip()
            if not text:
                continue
            if _is_side(text):
                side = text.rstrip(":").strip()
                continue
            several = find_people(text)
            if len(several) > 1:  # a list run together on one line
                found += [Participant(name, title, side, None, number) for name, title in several]
                continue
            name, title, role = _person(text)
            if name:
                found.append(Participant(name, title, side, role, number))
    return found
