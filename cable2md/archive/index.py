"""Summaries -> the archive index: cables in order, people, topics, posts, dates, references.

:func:`build_index` takes every cable's summary once and computes what the pages
need: which cables each person, tag, post, month and classification lists, which
cables reference which and the neighbours by date (the related cables are
:mod:`cable2md.archive.related`'s).
:func:`name_spans` finds, when a cable's page is rendered, where in each paragraph
a person's name stands (for the links).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..parse import Cable, IndexRow, full_year, reference
from .glossary import identification
from .people import Curation, Person, build_people


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    name: str
    kind: str
    cables: tuple[str, ...]
    cooccurring: tuple[tuple[str, int], ...]


_CLERICAL = frozenset({"signer", "classifier"})


@dataclass
class Index:
    cables: dict[str, IndexRow]  # id -> summary, in date order
    order: list[str]
    people: dict[str, Person]
    cable_people: dict[str, dict[str, str]]  # cable -> name form -> person slug
    cable_roles: dict[str, dict[str, list[str]]]  # cable -> person slug -> roles there
    topics: dict[str, Topic]
    cable_topics: dict[str, list[str]]  # cable -> topic codes (canonical), in cable order
    posts: dict[str, list[str]]
    months: dict[tuple[int, int | None], list[str]]
    classifications: dict[str, list[str]]
    referenced_by: dict[str, list[str]]
    related: dict[str, list[str]] = field(default_factory=dict)  # set by related.relate
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)
    moved: dict[str, str] = field(default_factory=dict)  # old id -> new (cables/manifest.tsv)
    added: dict[str, str] = field(default_factory=dict)  # id -> day it entered the archive
    several: frozenset[str] = frozenset()  # the people seen in more than one cable

    def people_of(self, ident: str) -> list[str]:
        """The slugs of the people cable *ident* is about, sorted: its participants, the
        people it mentions or tags, not those who only sign or classify it (a Secretary
        signs the Department's routine traffic), which relate no cables."""
        roles = self.cable_roles.get(ident, {})
        return sorted(
            slug
            for slug in set(self.cable_people.get(ident, {}).values())
            if not _CLERICAL.issuperset(roles.get(slug, ()))
        )


def sort_key(cable: Cable | IndexRow) -> tuple[str, str]:
    year = cable.id[:2] if cable.id else "00"
    fallback = str(full_year(int(year))) if year.isdigit() else "0000"
    return (cable.date or fallback, cable.id or "")


def year_of(date: str | None, ident: str | None) -> int:
    """The year of a cable's *date*, or, when it has none, the year its id gives."""
    if date:
        return int(date[:4])
    return full_year(int(ident[:2]) if ident and ident[:2].isdigit() else 0)


def cable_year(cable: Cable | IndexRow) -> int:
    return year_of(cable.date, cable.id)


@lru_cache(maxsize=1 << 14)
def canonical_codes(tag: str) -> tuple[str, ...]:
    """A tag as topic codes: typos corrected, run-together codes split; persons and words
    (:func:`is_keyword`) give none."""
    if "," in tag or not tag.isupper() or " " in tag:
        return ()
    joined = reference.tag_joined().get(tag)
    if joined:
        return tuple(joined)
    return () if is_keyword(tag) else (reference.tag_typos().get(tag, tag),)


def is_keyword(tag: str) -> bool:
    """A TAGS entry that is a word, not a code (``ELECTIONS``, ``COUNTERTERRORISM``): no
    known code, and longer than codes are or an English word. Kept as the cable's keyword,
    never a topic page. A known typo of a code is the code."""
    tag = reference.tag_typos().get(tag, tag)
    if tag in reference.tags() or not tag.isalpha() or not tag.isupper():
        return False
    return len(tag) >= 6 or tag.lower() in reference.common_words()


def _topics(cables: list[IndexRow]) -> tuple[dict[str, Topic], dict[str, list[str]]]:
    members: dict[str, list[str]] = defaultdict(list)
    per_cable: dict[str, list[str]] = {}
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    known = reference.tags()
    for cable in cables:
        codes = list(dict.fromkeys(code for tag in cable.tags for code in canonical_codes(tag)))
        per_cable[cable.id or ""] = codes
        for code in codes:
            members[code].append(cable.id or "")
            pairs[code].update(codes)  # itself too (codes are distinct): removed below
    topics = {}
    for code, ids in members.items():
        del pairs[code][code]
        entry = known.get(code) or {}
        topics[code] = Topic(
            code,
            entry.get("name") or "Unknown code",
            entry.get("kind") or "unknown",
            tuple(ids),
            tuple(sorted(pairs[code].items(), key=lambda item: (-item[1], item[0]))[:10]),
        )
    return topics, per_cable


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Where *form* stands in *text* as whole words (as written, or in capitals)."""
    found = []
    for variant in {form, form.upper()}:
        position = text.find(variant)
        while position >= 0:
            end = position + len(variant)
            before = text[position - 1] if position else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
                found.append((position, end))
            position = text.find(variant, position + 1)
    return found


def name_spans(cable: Cable, forms: dict[str, str]) -> dict[int, list[tuple[int, int, str]]]:
    """Where each known name form stands in each paragraph: ``(start, end, slug)``."""
    if not forms:
        return {}
    ordered = sorted(forms, key=len, reverse=True)  # "Tsuneo Nishida" before "Nishida"
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for index, paragraph in enumerate(cable.paragraphs):
        taken: list[tuple[int, int, str]] = []
        for form in ordered:
            for start, end in _occurrences(paragraph.text, form):
                if all(end <= s or start >= e for s, e, _ in taken):
                    taken.append((start, end, forms[form]))
        if taken:
            spans[index] = sorted(taken)
    return spans


def _roles(people: dict[str, Person]) -> dict[str, dict[str, list[str]]]:
    roles: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for slug, person in people.items():
        for appearance in person.appearances:
            held = roles[appearance.cable].setdefault(slug, [])
            if appearance.role not in held:
                held.append(appearance.role)
    return dict(roles)


People = tuple[dict[str, Person], dict[str, dict[str, str]]]


def index_people(cables: list[IndexRow], curation: Curation | None = None) -> People:
    """The archive's people (by slug, each with their identification) and each cable's name
    forms -> slug: the part of :func:`build_index` that the same rows and curation always
    give alike, so a build may keep it between runs."""
    people, cable_people = build_people(
        ((c.id, c.sightings, c.people) for c in cables),
        curation or Curation(),
        {c.id: c.origin_code or "" for c in cables},
        {c.id: c.date for c in cables},
    )
    rows = {cable.id: cable for cable in cables}
    for person in people.values():
        person.who = identification(person, rows)
    return people, cable_people


def build_index(
    cables: list[IndexRow], curation: Curation | None = None, people: People | None = None
) -> Index:
    """Index the summaries of *cables* (distinct ids) for rendering; their related cables are
    :func:`cable2md.archive.related.relate`'s work. *people*: what :func:`index_people` gave
    for these cables and curation (computed when not given)."""
    cables = sorted(cables, key=sort_key)
    order = [cable.id for cable in cables]
    position = {cable: rank for rank, cable in enumerate(order)}
    people, cable_people = people or index_people(cables, curation)
    topics, cable_topics = _topics(cables)
    posts: dict[str, list[str]] = defaultdict(list)
    months: dict[tuple[int, int | None], list[str]] = defaultdict(list)
    classifications: dict[str, list[str]] = defaultdict(list)
    referenced_by: dict[str, list[str]] = defaultdict(list)
    for cable in cables:
        ident = cable.id
        posts[cable.origin_code or "UNKNOWN"].append(ident)
        months[(cable_year(cable), int(cable.date[5:7]) if cable.date else None)].append(ident)
        classifications[cable.classification or "UNKNOWN"].append(ident)
        for target in dict.fromkeys(cable.reference_ids):
            if target in position and target != ident:
                referenced_by[target].append(ident)
    index = Index(
        cables={cable.id: cable for cable in cables},
        order=order,
        people=people,
        cable_people=cable_people,
        cable_roles=_roles(people),
        topics=topics,
        cable_topics=cable_topics,
        posts=dict(posts),
        months=dict(months),
        classifications=dict(classifications),
        referenced_by=dict(referenced_by),
    )
    index.position = position
    index.several = frozenset(
        slug
        for slug, person in people.items()
        if len({appearance.cable for appearance in person.appearances}) > 1
    )
    for rank, ident in enumerate(order):
        index.neighbours[ident] = (
            order[rank - 1] if rank else None,
            order[rank + 1] if rank + 1 < len(order) else None,
        )
    return index
