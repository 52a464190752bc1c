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

from . import paths, related
from .archive import Index, cable_year
from .render_pages import split_by_year

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
        people, topics, post, year, month, label = facets
        self.people.update(people)
        self.topics.update(topics)
        self.posts.add(post)
        self.months.add((year, month))
        self.classifications.add(label)


def facets(index: Index, ident: str) -> list[Any]:
    """Where *ident* is listed: its people, topics, post, year, month, classification."""
    cable = index.cables[ident]
    return [
        sorted(set(index.cable_people.get(ident, {}).values())),
        sorted(index.cable_topics.get(ident, ())),
        cable.origin_code or "UNKNOWN",
        cable_year(cable),
        int(cable.date[5:7]) if cable.date else None,
        cable.classification or "UNKNOWN",
    ]


def state(index: Index, keys: dict[str, str], inputs: str) -> dict[str, Any]:
    """This build's state: *inputs* (a digest of all that is global) and, for each cable, its
    record's key (from *keys*) and where it is listed."""
    return {
        "inputs": inputs,
        "cables": {ident: [keys[ident], facets(index, ident)] for ident in index.order},
        "names": {slug: person.name for slug, person in index.people.items()},
    }


def _comparable(previous: dict[str, Any] | None, current: dict[str, Any]) -> bool:
    """Whether the last build's state can stand for what did not change (same code, data and
    people file, and a state that holds everything this one does)."""
    return (
        bool(previous)
        and previous.get("inputs") == current["inputs"]
        and all(key in previous for key in ("related", "weights", "referenced_by"))
    )


def _changed(previous: dict[str, Any], current: dict[str, Any]) -> set[str]:
    """The cables added, removed, or changed in their record or in where they are listed."""
    old, new = previous["cables"], current["cables"]
    return {ident for ident in old.keys() | new.keys() if old.get(ident) != new.get(ident)}


def _renamed(previous: dict[str, Any], current: dict[str, Any]) -> set[str]:
    """The people (slugs) whose name changed, or who appeared or went."""
    old, new = previous["names"], current["names"]
    return {slug for slug in old.keys() | new.keys() if old.get(slug) != new.get(slug)}


def related_to_keep(
    index: Index, previous: dict[str, Any] | None, current: dict[str, Any]
) -> dict[str, list[str]]:
    """The last build's related cables that still hold: those of every cable not stale."""
    if not previous or not _comparable(previous, current):
        return {}
    changed = _changed(previous, current)

    def lists(state: dict[str, Any]) -> dict[str, tuple[list[str], list[str]]]:
        return {ident: (entry[1][0], entry[1][1]) for ident, entry in state["cables"].items()}

    # The state's facets hold each cable's people and tags: not worked out again from the index.
    stale = related.stale(index, changed, lists(previous), lists(current), previous["weights"])
    kept = previous["related"]
    return {
        ident: kept[ident]
        for ident in index.order
        if ident not in stale and ident in kept and all(o in index.cables for o in kept[ident])
    }


def cables_to_key(
    index: Index, previous: dict[str, Any] | None, current: dict[str, Any]
) -> set[str] | None:
    """The cables whose page may show something new, or None for all of them: the cables
    that changed, and those whose page names one of them (as a neighbour by date, a related
    or a referencing cable), names a person renamed, or links a reference that came or went.
    The pages of the others have the inputs they had, and keep their key."""
    if not previous or not _comparable(previous, current):
        return None
    changed = _changed(previous, current)
    found = set(changed)
    renamed = _renamed(previous, current)
    old_order = list(previous["cables"])
    old_rank = {ident: rank for rank, ident in enumerate(old_order)}
    for ident in changed:
        found.update(index.neighbours.get(ident, ()))
        if ident in old_rank:
            found.update(old_order[max(0, old_rank[ident] - 1) : old_rank[ident] + 2])
    if renamed:
        for entries in (previous["cables"], current["cables"]):
            found.update(ident for ident, entry in entries.items() if renamed & set(entry[1][0]))
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


def plan(previous: dict[str, Any] | None, current: dict[str, Any]) -> Listed | None:
    """The pages to render again, or None for all of them."""
    if not previous or previous.get("inputs") != current["inputs"]:
        return None
    old, new = previous["cables"], current["cables"]
    listed = Listed()
    for ident in _changed(previous, current):
        for entry in (old.get(ident), new.get(ident)):
            if entry:
                listed.add(entry[1])
    renamed = _renamed(previous, current)
    if renamed:
        for entries in (old.values(), new.values()):
            for entry in entries:
                if renamed.intersection(entry[1][0]):
                    listed.people.update(entry[1][0])
    listed.people &= current["names"].keys()
    listed.renamed = renamed & current["names"].keys()
    return listed


def kept_pages(index: Index, listed: Listed) -> Iterator[str]:
    """The browse pages *listed* leaves as they are: each listing not to render, with the
    year pages it is split into when long (the same as last time: its cables did not change),
    and the year pages of the person, topic and classification listings to render that list
    no changed cable (their heading and rows are as they were)."""

    def year_pages(base: str, idents: list[str], every: bool) -> Iterator[str]:
        for year in sorted(split_by_year(index, idents)):
            if every or year not in listed.years:
                yield paths.split_page(base, str(year))

    def listing(base: str, idents: list[str], rendered: bool) -> Iterator[str]:
        if not rendered:
            yield base
        yield from year_pages(base, idents, not rendered)

    for slug, person in index.people.items():
        idents = list({a.cable for a in person.appearances})
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
