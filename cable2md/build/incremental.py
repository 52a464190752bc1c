"""Which browse pages a rebuild must render again: the ones that list a cable that changed.

After a few cables were added, changed or removed, a rebuild renders the person,
topic, post, date and classification pages that list one of them (before or
after the change), and keeps every other browse page as it is on disk. A person
page also shows the names of the people its person appears with, so when a
person is renamed, added or dropped, the pages of everyone who shares a cable
with them are rendered too. The indexes of each kind are always rendered.

What the previous build saw (each cable's key and where it is listed, each
person's name, the related cables and the tag weights they were scored with) is kept
beside the generated pages in ``.cable2md-state.json``; the related cables of the
cables a change cannot reach are taken from there instead of being scored again.
When anything global changed (the code, its data, the people file), or the
state is missing, every page is rendered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..archive import Index, cable_year, related
from ..render import listings, paths

STATE = ".cable2md-state.json"


@dataclass
class Listed:
    """The browse pages to render again, by what they list."""

    people: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    months: set[tuple[int, int | None]] = field(default_factory=set)
    classifications: set[str] = field(default_factory=set)
    renamed: set[str] = field(default_factory=set)  # people whose own name changed

    @property
    def years(self) -> set[int]:
        return {year for year, _ in self.months}

    def add(self, facets: list[Any]) -> None:
        _related_people, topics, post, year, month, label, people = facets
        self.people.update(people)
        self.topics.update(topics)
        self.posts.add(post)
        self.months.add((year, month))
        self.classifications.add(label)


def facets(index: Index, ident: str) -> list[Any]:
    """Where *ident* is listed: the people it relates by, its topics, post, year, month,
    classification, and every person whose page lists it (signers and classifiers too)."""
    cable = index.cables[ident]
    return [
        index.people_of(ident),  # as related.relate takes them: related.stale relies on it
        sorted(index.cable_topics.get(ident, ())),
        cable.origin_code or "UNKNOWN",
        cable_year(cable),
        int(cable.date[5:7]) if cable.date else None,
        cable.classification or "UNKNOWN",
        sorted(set(index.cable_people.get(ident, {}).values())),
    ]


def state(index: Index, keys: dict[str, str], inputs: str) -> dict[str, Any]:
    """This build's state: *inputs* (a digest of all that is global) and, for each cable, its
    record's key (from *keys*) and where it is listed."""
    return {
        "inputs": inputs,
        "cables": {ident: [keys[ident], facets(index, ident)] for ident in index.order},
        # what a person's page says of them beyond their cables: a change renders it again
        "names": {
            slug: [
                person.name,
                person.who,
                person.also,
                person.evidence,
                person.candidates,
            ]
            for slug, person in index.people.items()
        },
    }


@dataclass(frozen=True)
class Delta:
    """What changed since the last build: the cables added, removed, or changed in their
    record or in where they are listed, and the people (slugs) whose name changed, or who
    appeared or went."""

    changed: set[str]
    renamed: set[str]


def compare(previous: dict[str, Any] | None, current: dict[str, Any]) -> Delta | None:
    """What changed since the build whose state is *previous*, or None when that state cannot
    stand for what did not change (other code, data or people file, or a state that lacks
    something this one holds): then every page is rendered."""
    if not previous or previous.get("inputs") != current["inputs"]:
        return None
    if not all(key in previous for key in ("related", "weights", "referenced_by")):
        return None
    old, new = previous["cables"], current["cables"]
    old_names, new_names = previous["names"], current["names"]
    return Delta(
        {ident for ident in old.keys() | new.keys() if old.get(ident) != new.get(ident)},
        {s for s in old_names.keys() | new_names.keys() if old_names.get(s) != new_names.get(s)},
    )


def related_to_keep(
    index: Index, previous: dict[str, Any] | None, current: dict[str, Any], delta: Delta | None
) -> dict[str, list[str]]:
    """The last build's related cables that still hold: those of every cable not stale."""
    if previous is None or delta is None:
        return {}

    def lists(state: dict[str, Any]) -> dict[str, tuple[list[str], list[str]]]:
        return {ident: (entry[1][0], entry[1][1]) for ident, entry in state["cables"].items()}

    # The state's facets hold each cable's people and tags: not worked out again from the index.
    stale = related.stale(
        index, delta.changed, lists(previous), lists(current), previous["weights"]
    )
    kept = previous["related"]
    return {
        ident: kept[ident]
        for ident in index.order
        if ident not in stale and ident in kept and all(o in index.cables for o in kept[ident])
    }


def cables_to_key(
    index: Index, previous: dict[str, Any] | None, current: dict[str, Any], delta: Delta | None
) -> set[str] | None:
    """The cables whose page may show something new, or None for all of them: the cables
    that changed, and those whose page names one of them (as a neighbour by date, a related
    or a referencing cable), names a person renamed, or links a reference that came or went.
    The pages of the others have the inputs they had, and keep their key."""
    if previous is None or delta is None:
        return None
    changed, renamed = delta.changed, delta.renamed
    found = set(changed)
    old_order = list(previous["cables"])
    old_rank = {ident: rank for rank, ident in enumerate(old_order)}
    for ident in changed:
        found.update(index.neighbours.get(ident, ()))
        if ident in old_rank:
            found.update(old_order[max(0, old_rank[ident] - 1) : old_rank[ident] + 2])
    if renamed:
        for entries in (previous["cables"], current["cables"]):
            found.update(ident for ident, entry in entries.items() if renamed & set(entry[1][6]))
    for links, links_before in (
        (index.related, previous["related"]),
        (index.referenced_by, previous["referenced_by"]),
    ):
        for ident in links.keys() | links_before.keys():
            now = links.get(ident, [])
            if now != links_before.get(ident, []) or not changed.isdisjoint(now):
                found.add(ident)
    came_or_went = previous["cables"].keys() ^ current["cables"].keys()
    if came_or_went:
        found.update(
            ident
            for ident, cable in index.cables.items()
            if not came_or_went.isdisjoint(cable.reference_ids)
        )
    return found & index.cables.keys()


def load(docs: Path) -> dict[str, Any] | None:
    try:
        return json.loads((docs / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save(docs: Path, current: dict[str, Any]) -> None:
    (docs / STATE).write_text(json.dumps(current, separators=(",", ":")), encoding="utf-8")


def plan(
    previous: dict[str, Any] | None, current: dict[str, Any], delta: Delta | None
) -> Listed | None:
    """The pages to render again, or None for all of them."""
    if previous is None or delta is None:
        return None
    old, new = previous["cables"], current["cables"]
    listed = Listed()
    for ident in delta.changed:
        for entry in (old.get(ident), new.get(ident)):
            if entry:
                listed.add(entry[1])
    renamed = delta.renamed
    if renamed:
        for entries in (old.values(), new.values()):
            for entry in entries:
                if renamed.intersection(entry[1][6]):
                    listed.people.update(entry[1][6])
        # a page listing the candidates for a name alone shows who each candidate was
        listed.people.update(
            slug for slug, entry in current["names"].items() if renamed.intersection(entry[4])
        )
    listed.people &= current["names"].keys()
    listed.renamed = renamed & current["names"].keys()
    # a month page links the months beside it: a month that came or went changes theirs
    months_before = {(entry[1][3], entry[1][4]) for entry in old.values()}
    months_now = {(entry[1][3], entry[1][4]) for entry in new.values()}
    if months_before != months_now:
        order = sorted(months_before | months_now, key=lambda key: (key[0], key[1] or 13))
        for at, key in enumerate(order):
            if key in months_before ^ months_now:
                listed.months.update(order[max(0, at - 1) : at + 2])
    return listed


def kept_pages(index: Index, listed: Listed) -> Iterator[str]:
    """The browse pages *listed* leaves as they are: each listing not to render, with the
    sub-pages it is split into when long (the same as last time: its cables did not change),
    and the sub-pages of the person, topic and classification listings to render that list
    no cable of a changed month (their heading and rows are as they were)."""

    def listing(base: str, idents: list[str], rendered: bool) -> Iterator[str]:
        if not rendered:
            yield base
        for part in listings.walk(listings.split(index, base, idents)):
            if not rendered or not listings.wanted(part.period, listed.months):
                yield part.path

    for slug, person in index.people.items():
        # Most people appear a few times: no need to gather their cables to know the listing
        # is not split.
        short = len(person.appearances) <= listings.LISTING_LIMIT
        idents = [] if short else list(person.cables)
        if slug not in listed.people:
            yield from listing(paths.person(slug), idents, False)
        elif slug not in listed.renamed:
            yield from listing(paths.person(slug), idents, True)
    for code, topic in index.topics.items():
        yield from listing(paths.topic(code), list(topic.cables), code in listed.topics)
    for code, idents in index.posts.items():
        if code not in listed.posts:
            yield from listing(paths.post(code), idents, False)
    for (year, month), idents in index.months.items():
        if (year, month) not in listed.months:
            yield from listing(paths.month(year, month), idents, False)
    for year in {year for year, _ in index.months} - listed.years:
        yield paths.year(year)
    for label, idents in index.classifications.items():
        yield from listing(paths.classification(label), idents, label in listed.classifications)
