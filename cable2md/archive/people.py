"""Each cable's sightings -> the archive's people: who appears in which cable, merged.

A cable's own people come from :mod:`cable2md.parse.sightings` (a surname alone is the
full-named person of that cable with that surname). Across cables people merge on their
normalised full name (``Stephen Krasner`` joins ``Stephen D. Krasner`` when only one such person
exists). A maintainer's ``people.yml`` wins over all of this: aliases, notes,
names that are not people, and splits of one name into several people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..parse import Cable
from ..parse.names import display_name, name_key, unaccented
from ..parse.sightings import Appearance, Resolved, resolve, sightings, surname

# Each browse folder's own listing is its index.md: no person's page may take that name.
RESERVED_SLUGS = frozenset({"index"})


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


def resolve_cable(cable: Cable, curation: Curation) -> dict[str, list[Appearance]]:
    """:func:`~cable2md.parse.sightings.resolve` for the sightings of one parsed cable."""
    return resolve(sightings(cable), curation.not_people)


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
            found = list(resolve(seen, not_people).items())
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
                surnames[surname(form)].add(key)
        for family, keys in surnames.items():
            if len(keys) == 1 and family not in forms:  # "Dalic said": the only Dalic here
                forms[family] = next(iter(keys))
        per_cable[ident] = forms
    moved = _merge_initials(people)
    by_slug: dict[str, Person] = {}
    for key in sorted(people):
        person = people[key]
        person.note = curation.notes.get(key)
        slug = base = slugify(person.name)
        counter = 2
        while slug in by_slug or slug in RESERVED_SLUGS:
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
        return f"{words[0]} {surname(name)}".casefold() if len(words) > 1 else ""

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
