"""A parsed cable -> its sightings of people, and the people they make inside that cable.

Sources in a cable: participant lists, named officials, ``Classified By``, the signer
and person TAGS (:func:`sightings`). Inside one cable a surname alone is the full-named
person with that surname (:func:`resolve`). Merging across the archive is
:mod:`cable2md.archive.people`'s.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from .model import Cable
from .names import display_name, name_key, split_title_name, vocabulary

ROLES: Final = ("participant", "mentioned", "signer", "classifier", "tag")
Resolved = Sequence[tuple[str, Sequence[int]]]  # names, each with the positions of its sightings


@dataclass(frozen=True, slots=True)
class Appearance:
    cable: str
    role: str
    title: str | None
    side: str | None
    form: str  # the name as this cable writes it


@lru_cache(maxsize=1 << 14)
def surname(name: str) -> str:
    """The family name: the last word with the particles before it (``van Voorst``)."""
    words = name.split()
    particles = vocabulary().particles
    start = len(words) - 1
    while start > 0 and words[start - 1].casefold().rstrip("-") in particles:
        start -= 1
    return " ".join(words[start:])


def _tag_person(tag: str) -> str | None:
    """``STEINBERG, JAMES B.`` -> ``James B. Steinberg``."""
    if "," not in tag:
        return None
    family, _, given = tag.partition(",")
    return display_name(f"{given.strip()} {family.strip()}".strip()) or None


def sightings(cable: Cable) -> list[tuple[str, Appearance]]:
    """Every name the cable gives a person, with how it gives it."""
    found: list[tuple[str, Appearance]] = []
    for participant in cable.participants:
        found.append(
            (
                participant.name,
                Appearance(
                    cable.id or "",
                    "participant",
                    participant.title,
                    participant.side,
                    participant.name,
                ),
            )
        )
    for mention in cable.mentions:
        found.append(
            (
                mention.name,
                Appearance(cable.id or "", "mentioned", mention.title, None, mention.name),
            )
        )
    if cable.classified_by:
        head = cable.classified_by.split(",")[0]
        title, name = split_title_name(head)
        if name and "," in cable.classified_by and title is None:
            title = cable.classified_by.split(",", 1)[1].strip() or None
        if name:
            found.append((name, Appearance(cable.id or "", "classifier", title, None, name)))
    if cable.signer:
        signer = display_name(re.sub(r"[^\w' .-]", "", cable.signer))
        if signer:
            found.append((signer, Appearance(cable.id or "", "signer", None, None, signer)))
    for tag in cable.tags:
        person = _tag_person(tag)
        if person:
            found.append((person, Appearance(cable.id or "", "tag", None, None, tag)))
    return found


def resolve(
    seen: Iterable[tuple[str, Appearance]], not_people: Collection[str] = ()
) -> dict[str, list[Appearance]]:
    """One cable's people: display name -> appearances, a surname or any other word of a full
    name alone resolved inside the cable when one full name holds it;
    the names whose key is in *not_people* (``people.yml``) are left out."""
    seen = [(n, a) for n, a in seen if name_key(n) not in not_people] if not_people else list(seen)
    full = {name_key(n): n for n, _ in seen if len(n.split()) > 1}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key, name in full.items():
        by_surname[surname(name).casefold()].add(key)
    ending: dict[str, set[str]] = defaultdict(set)  # last words -> the full names they end
    holding: dict[str, set[str]] = defaultdict(set)  # a word -> the full names it is one of
    particles = vocabulary().particles
    for key, name in full.items():
        words = key.split(" ")
        for start in range(1, len(words)):
            ending[" ".join(words[start:])].add(key)
        for word in name.split():
            if len(word) > 2 and word.casefold().rstrip("-") not in particles:
                holding[word.casefold()].add(key)
    resolved: dict[str, list[Appearance]] = defaultdict(list)
    nothing: set[str] = set()
    for name, appearance in seen:
        key = name_key(name)
        if key in full:  # "Aboul Gheit" is "Ahmed Aboul Gheit" when he is the only one it ends
            matches = ending.get(key, nothing)
        else:  # a surname alone, else a given name alone ("Isaias" is Isaias Afwerki)
            matches = by_surname.get(name.casefold()) or holding.get(name.casefold(), nothing)
        if len(matches) == 1:
            key = next(iter(matches))
        resolved[full.get(key, name)].append(appearance)
    return resolved
