"""Records -> people: who appears in which cable, merged across the archive.

Sources in each cable: participant lists, named officials, ``Classified By``,
the signer and person TAGS. Inside one cable a surname alone is the full-named
person with that surname. Across cables people merge on their normalised full
name (``Stephen Krasner`` joins ``Stephen D. Krasner`` when only one such person
exists). A maintainer's ``people.yml`` wins over all of this: aliases, notes,
names that are not people, and splits of one name into several people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import yaml

from . import paths
from .model import Cable
from .names import display_name, name_key, split_title_name, unaccented, vocabulary

ROLES: Final = ("participant", "mentioned", "signer", "classifier", "tag")
Resolved = Sequence[tuple[str, Sequence[int]]]  # names, each with the positions of its sightings


@dataclass(frozen=True, slots=True)
class Appearance:
    cable: str
    role: str
    title: str | None
    side: str | None
    form: str  # the name as this cable writes it


@dataclass
class Person:
    key: str
    name: str
    slug: str = ""
    note: str | None = None
    surname_only: bool = False
    appearances: list[Appearance] = field(default_factory=list)


@dataclass
class Curation:
    """What a maintainer says in ``people.yml``."""

    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> canonical name
    notes: dict[str, str] = field(default_factory=dict)  # canonical key -> note
    not_people: set[str] = field(default_factory=set)
    splits: dict[tuple[str, str], str] = field(default_factory=dict)  # (name key, cable) -> name

    @classmethod
    def load(cls, path: Path | None) -> Curation:
        if path is None or not path.exists():
            return cls()
        raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        curation = cls(not_people={name_key(n) for n in raw.get("not_people") or ()})
        for entry in raw.get("people") or ():
            name = entry["name"]
            for alias in entry.get("aliases") or ():
                curation.aliases[name_key(alias)] = name
            if entry.get("note"):
                curation.notes[name_key(name)] = str(entry["note"])
            for part in entry.get("split") or ():
                for cable in part.get("cables") or ():
                    curation.splits[(name_key(name), cable)] = part["as"]
        return curation


@lru_cache(maxsize=1 << 16)
def _surname(name: str) -> str:
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
    surname, _, given = tag.partition(",")
    return display_name(f"{given.strip()} {surname.strip()}".strip()) or None


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
    seen: Iterable[tuple[str, Appearance]], curation: Curation
) -> dict[str, list[Appearance]]:
    """One cable's people: display name -> appearances, surnames resolved inside the cable."""
    seen = (
        [(n, a) for n, a in seen if name_key(n) not in curation.not_people]
        if curation.not_people
        else list(seen)
    )
    full = {name_key(n): n for n, _ in seen if len(n.split()) > 1}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key, name in full.items():
        by_surname[_surname(name).casefold()].add(key)
    ending: dict[str, set[str]] = defaultdict(set)  # last words -> the full names they end
    for key in full:
        words = key.split(" ")
        for start in range(1, len(words)):
            ending[" ".join(words[start:])].add(key)
    resolved: dict[str, list[Appearance]] = defaultdict(list)
    nothing: set[str] = set()
    for name, appearance in seen:
        key = name_key(name)
        if key in full:  # "Aboul Gheit" is "Ahmed Aboul Gheit" when he is the only one it ends
            matches = ending.get(key, nothing)
        else:
            matches = by_surname.get(name.casefold(), nothing)
        if len(matches) == 1:
            key = next(iter(matches))
        resolved[full.get(key, name)].append(appearance)
    return resolved


def resolve_cable(cable: Cable, curation: Curation) -> dict[str, list[Appearance]]:
    """:func:`resolve` for the sightings of one parsed cable."""
    return resolve(sightings(cable), curation)


def slugify(name: str) -> str:
    slug = re.sub(
        r"[^a-z0-9]+",
        "-",
        unaccented(display_name(name)).casefold().encode("ascii", "ignore").decode(),
    )
    return slug.strip("-") or "person"


def build_people(
    cables: Iterable[tuple[str, Sequence[tuple[str, Appearance]], Resolved]], curation: Curation
) -> tuple[dict[str, Person], dict[str, dict[str, str]]]:
    """All people, by slug, and for each cable the slug of each name form it uses.

    *cables* gives each cable's id, its sightings (see :func:`sightings`) and what
    :func:`resolve` made of them without *curation* (each name with the positions of its
    sightings), which stands unless *curation* says one of the names is not a person's.
    """
    people: dict[str, Person] = {}
    per_cable: dict[str, dict[str, str]] = {}
    not_people, aliases, splits = curation.not_people, curation.aliases, curation.splits
    for ident, seen, resolved in cables:
        if not_people and any(name_key(name) in not_people for name, _ in seen):
            found = list(resolve(seen, curation).items())
        else:
            found = [(name, [seen[at][1] for at in positions]) for name, positions in resolved]
        forms: dict[str, str] = {}
        for name, appearances in found:
            key = name_key(name)
            canonical = (splits and splits.get((key, ident))) or aliases.get(key)
            if canonical:
                key = name_key(canonical)
            else:
                canonical = name
            person = people.get(key)
            if person is None:
                person = people[key] = Person(
                    key, canonical, surname_only=len(canonical.split()) == 1
                )
            person.appearances.extend(appearances)
            for appearance in appearances:
                forms[appearance.form] = key
            forms[name] = key
        surnames: dict[str, set[str]] = defaultdict(set)
        for form, key in forms.items():
            if len(form.split()) > 1:
                surnames[_surname(form)].add(key)
        for surname, keys in surnames.items():
            if len(keys) == 1 and surname not in forms:  # "Dalic said": the only Dalic here
                forms[surname] = next(iter(keys))
        per_cable[ident] = forms
    moved = _merge_initials(people)
    by_slug: dict[str, Person] = {}
    for key in sorted(people):
        person = people[key]
        person.note = curation.notes.get(key)
        slug = base = slugify(person.name)
        counter = 2
        while slug in by_slug or slug in paths.RESERVED_SLUGS:
            slug, counter = f"{base}-{counter}", counter + 1
        person.slug = slug
        by_slug[slug] = person
    slugs = {person.key: person.slug for person in by_slug.values()}
    return by_slug, {
        cable: {form: slugs[moved.get(key, key)] for form, key in forms.items()}
        for cable, forms in per_cable.items()
    }


def _merge_initials(people: dict[str, Person]) -> dict[str, str]:
    """``Stephen Krasner`` joins ``Stephen D. Krasner`` when no other Stephen Krasner has initials.

    Returns the keys that were merged away and the key each now belongs to.
    """

    def first_last(name: str) -> str:
        words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+", w)]
        return f"{words[0]} {_surname(name)}".casefold() if len(words) > 1 else ""

    groups: dict[str, list[str]] = defaultdict(list)
    for key, person in people.items():
        if group := first_last(person.name):
            groups[group].append(key)
    moved: dict[str, str] = {}
    for keys in groups.values():
        with_initials = [k for k in keys if re.search(r"\b[A-Z]\.", people[k].name)]
        plain = [k for k in keys if k not in with_initials]
        if len(with_initials) == 1 and plain:
            target = people[with_initials[0]]
            for key in plain:
                target.appearances.extend(people.pop(key).appearances)
                moved[key] = target.key
    return moved
