"""Summaries -> the archive index: cables in order, people, topics, posts, dates, references.

:func:`build_index` takes every cable's summary once and computes what the pages
need: which cables each person, tag, post, month and classification lists, which
cables reference which, the related cables and the neighbours by date.
:func:`name_spans` finds, when a cable's page is rendered, where in each paragraph
a person's name stands (for the links).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from . import cores, data
from .model import Cable
from .people import Curation, Person, build_people
from .summary import Summary

RELATED_LIMIT = 5
_NEIGHBOURS_PER_TAG = 40  # cables nearest in time taken from each tag as related candidates


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    name: str
    kind: str
    cables: tuple[str, ...]
    cooccurring: tuple[tuple[str, int], ...]


@dataclass
class Index:
    cables: dict[str, Summary]  # id -> summary, in date order
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
    related: dict[str, list[str]]
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)


def sort_key(cable: Cable | Summary) -> tuple[str, str]:
    year = cable.id[:2] if cable.id else "00"
    fallback = (
        f"{1900 + int(year) if int(year) >= 66 else 2000 + int(year)}" if year.isdigit() else "0000"
    )
    return (cable.date or fallback, cable.id or "")


def cable_year(cable: Cable | Summary) -> int:
    if cable.date:
        return int(cable.date[:4])
    value = int(cable.id[:2]) if cable.id and cable.id[:2].isdigit() else 0
    return 1900 + value if value >= 66 else 2000 + value


def canonical_codes(tag: str) -> list[str]:
    """A tag as topic codes: typos corrected, run-together codes split; persons give none."""
    if "," in tag or not tag.isupper() or " " in tag:
        return []
    joined = data.tag_joined().get(tag)
    if joined:
        return list(joined)
    return [data.tag_typos().get(tag, tag)]


def _topics(cables: list[Summary]) -> tuple[dict[str, Topic], dict[str, list[str]]]:
    members: dict[str, list[str]] = defaultdict(list)
    per_cable: dict[str, list[str]] = {}
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    known = data.tags()
    for cable in cables:
        codes = list(dict.fromkeys(code for tag in cable.tags for code in canonical_codes(tag)))
        per_cable[cable.id or ""] = codes
        for code in codes:
            members[code].append(cable.id or "")
            pairs[code].update(other for other in codes if other != code)
    topics = {}
    for code, ids in members.items():
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


def _nearest(ranks: list[int], here: int, count: int) -> list[int]:
    """The *count* entries of the sorted *ranks* nearest to *here*."""
    at = bisect_left(ranks, here)
    return ranks[max(0, at - count // 2) : at + count // 2 + 1]


_SHARED: dict[str, Any] = {}  # what forked workers read: set by _related before they fork
_RELATED_CHUNK = 2000
_RELATED_CHUNK_MIN = 50


def _related(
    order: list[str],
    cable_people: dict[str, set[str]],
    cable_topics: dict[str, list[str]],
    topics: dict[str, Topic],
    position: dict[str, int],
    jobs: int | None = None,
) -> dict[str, list[str]]:
    """For each cable, the cables sharing most people and (rare) tags, nearest in time first.

    Each person and tag contributes only its cables nearest in time, so the work per cable
    stays bounded however many cables a popular person or tag has. Cables are scored
    in chunks, on all cores.
    """
    by_person: dict[str, list[int]] = defaultdict(list)
    for cable in order:
        for slug in cable_people.get(cable, ()):
            by_person[slug].append(position[cable])
    total = max(len(order), 1)
    _SHARED.update(
        order=order,
        cable_people=cable_people,
        cable_topics=cable_topics,
        by_person=by_person,
        idf={code: math.log(1 + total / len(topic.cables)) for code, topic in topics.items()},
        topic_positions={
            code: [position[c] for c in topic.cables] for code, topic in topics.items()
        },
    )
    try:
        size = max(_RELATED_CHUNK_MIN, min(_RELATED_CHUNK, len(order) // 8))  # a few a core
        bounds = [(start, min(start + size, len(order))) for start in range(0, len(order), size)]
        ranked = [
            best
            for part in cores.fork_map(_related_ranks, bounds, jobs, len(order))
            for best in part
        ]
    finally:
        _SHARED.clear()
    return {
        cable: [order[rank] for rank in best] for cable, best in zip(order, ranked, strict=True)
    }


def _related_ranks(bounds: tuple[int, int]) -> list[list[int]]:
    """The ranks of the related cables of the cables ranked ``start`` to ``end``."""
    order, cable_people, cable_topics = (
        _SHARED["order"], _SHARED["cable_people"], _SHARED["cable_topics"]
    )  # fmt: skip
    by_person, idf, topic_positions = (
        _SHARED["by_person"], _SHARED["idf"], _SHARED["topic_positions"]
    )  # fmt: skip
    found = []
    for here in range(*bounds):
        cable = order[here]
        scores: defaultdict[int, float] = defaultdict(float)
        for slug in sorted(cable_people.get(cable, ())):
            for rank in _nearest(by_person[slug], here, _NEIGHBOURS_PER_TAG):
                scores[rank] += 3.0
        for code in cable_topics.get(cable, ()):
            weight = idf[code]
            for rank in _nearest(topic_positions[code], here, _NEIGHBOURS_PER_TAG):
                scores[rank] += weight
        scores.pop(here, None)
        # A stable sort: ties keep the order the candidates came in, the same on every build.
        best = sorted(scores.items(), key=itemgetter(1), reverse=True)[:RELATED_LIMIT]
        found.append([rank for rank, _ in best])
    return found


def _roles(people: dict[str, Person]) -> dict[str, dict[str, list[str]]]:
    roles: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for slug, person in people.items():
        for appearance in person.appearances:
            held = roles[appearance.cable].setdefault(slug, [])
            if appearance.role not in held:
                held.append(appearance.role)
    return dict(roles)


def build_index(
    cables: list[Summary], curation: Curation | None = None, jobs: int | None = None
) -> Index:
    """Index the summaries of *cables* (distinct ids) for rendering, on *jobs* cores (all)."""
    cables = sorted(cables, key=sort_key)
    order = [cable.id for cable in cables]
    position = {cable: rank for rank, cable in enumerate(order)}
    people, cable_people = build_people(
        ((c.id, c.sightings) for c in cables), curation or Curation()
    )
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
        related=_related(
            order,
            {c: set(f.values()) for c, f in cable_people.items()},
            cable_topics,
            topics,
            position,
            jobs,
        ),
    )
    index.position = position
    for rank, ident in enumerate(order):
        index.neighbours[ident] = (
            order[rank - 1] if rank else None,
            order[rank + 1] if rank + 1 < len(order) else None,
        )
    return index
