"""Each cable's sightings -> the archive's people: who appears in which cable, merged.

A cable's own people come from :mod:`cable2md.parse.sightings` (a surname alone is the
full-named person of that cable with that surname). Names that are not a person's are set
aside (:mod:`.only_people`); then signatures, spellings and names alone are resolved across
the archive (:mod:`.resolution`). A maintainer's ``people.yml`` wins over all of this:
aliases, notes, names that are not people, and splits of one name into several people.
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
from .only_people import why_not_a_person
from .resolution import (
    People,
    Person,
    family_name,
    kept_apart,
    merge_variants,
    resolve_names_alone,
    sign_as_secretaries,
)

# Each browse folder's own listing is its index.md: no person's page may take that name.
RESERVED_SLUGS = frozenset({"index"})


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


def _family_names(names: Iterable[str]) -> set[str]:
    """The folded family names of the full names among *names* (``Zapateros`` is their plural)."""
    return {unaccented(surname(name)).casefold() for name in names if " " in name}


def one_cable(cable: Cable, curation: Curation) -> tuple[dict[str, Person], list[str]]:
    """The people the archive's rules make of one cable alone (by slug), and the names set
    aside as not a person's, each with the reason."""
    seen = sightings(cable)
    ident = cable.id or ""
    found = resolve(seen, curation.not_people)
    surnames = _family_names(found)
    set_aside = [
        f"{name} ({reason})"
        for name, appearances in found.items()
        if (reason := why_not_a_person(name, appearances, surnames))
    ]
    positions = [
        (name, [at for at, (_, appearance) in enumerate(seen) if appearance in appearances])
        for name, appearances in found.items()
    ]
    people, _ = build_people(
        [(ident, seen, positions)], curation, {ident: cable.origin_code or ""}, {ident: cable.date}
    )
    return people, set_aside


def decisions(cable: Cable, curation: Curation) -> tuple[list[str], list[str]]:
    """What the archive's rules make of one cable's names, for a contributor to check: each
    person with their roles and the other names joined to them, and each name set aside as
    not a person's, with the reason."""
    people, set_aside = one_cable(cable, curation)
    lines = []
    for person in sorted(people.values(), key=lambda p: p.name):
        roles = ", ".join(dict.fromkeys(a.role for a in person.appearances))
        also = f"; also written {', '.join(person.also)}" if person.also else ""
        lines.append(f"{person.name} ({roles}{also})")
    return lines, set_aside


def slugify(name: str) -> str:
    slug = re.sub(
        r"[^a-z0-9]+",
        "-",
        unaccented(display_name(name)).casefold().encode("ascii", "ignore").decode(),
    )
    return slug.strip("-") or "person"


def build_people(
    cables: Iterable[tuple[str, Sequence[tuple[str, Appearance]], Resolved]],
    curation: Curation,
    origins: dict[str, str] | None = None,
    dates: dict[str, str | None] | None = None,
) -> tuple[dict[str, Person], dict[str, dict[str, str]]]:
    """All people, by slug, and for each cable the slug of each name form it uses.

    *cables* gives each cable's id, its sightings (see :func:`sightings`) and what
    :func:`resolve` made of them without *curation* (each name with the positions of its
    sightings), which stands unless *curation* says one of the names is not a person's.
    *origins* and *dates* (cable -> post code, date) let a name alone be resolved at its post
    and a Department cable's signature be read as its Secretary's.
    """
    origins, dates = origins or {}, dates or {}
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
        per_cable[ident] = forms
    curated = kept_apart([*aliases.values(), *splits.values()], name_key) | set(curation.notes)
    _drop_non_people(people, per_cable, curated)
    archive = People(people, per_cable)
    department = {ident for ident, post in origins.items() if post == "STATE"}
    sign_as_secretaries(archive, department, dates, name_key)
    merge_variants(archive, curated)
    years = {ident: date[:4] for ident, date in dates.items() if date}
    resolve_names_alone(archive, origins, years, curated)
    for forms in per_cable.values():
        _surnames_alone(forms, people)
    return _by_slug(people, per_cable, curation)


def _drop_non_people(
    people: dict[str, Person], per_cable: dict[str, dict[str, str]], curated: set[str]
) -> None:
    surnames = _family_names(person.name for person in people.values())
    for key, person in list(people.items()):
        if key not in curated and why_not_a_person(person.name, person.appearances, surnames):
            del people[key]
    for forms in per_cable.values():
        for form in [form for form, key in forms.items() if key not in people]:
            del forms[form]


def _surnames_alone(forms: dict[str, str], people: dict[str, Person]) -> None:
    """ "Dalic said": the only Dalic of this cable is the one its text links a lone Dalic to."""
    families: dict[str, set[str]] = defaultdict(set)
    for form, key in forms.items():
        if len(form.split()) > 1:
            families[family_name(form)].add(key)
    for family, keys in families.items():
        if len(keys) == 1 and family not in forms:
            forms[family] = next(iter(keys))


def _by_slug(
    people: dict[str, Person], per_cable: dict[str, dict[str, str]], curation: Curation
) -> tuple[dict[str, Person], dict[str, dict[str, str]]]:
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
    for person in by_slug.values():
        person.candidates = [slugs[key] for key in person.candidates if key in slugs]
    return by_slug, {
        cable: {form: slugs[key] for form, key in forms.items() if key in slugs}
        for cable, forms in per_cable.items()
    }
