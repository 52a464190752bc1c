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


def related_to_keep(
    index: Index, previous: dict[str, Any] | None, current: dict[str, Any]
) -> dict[str, list[str]]:
    """The last build's related cables that still hold: those of every cable not stale."""
    if not previous or previous.get("inputs") != current["inputs"] or "related" not in previous:
        return {}
    old, new = previous["cables"], current["cables"]
    changed = {ident for ident in old.keys() | new.keys() if old.get(ident) != new.get(ident)}
    before = {ident: (entry[1][0], entry[1][1]) for ident, entry in old.items()}
    stale = related.stale(index, changed, before, previous["weights"])
    kept = previous["related"]
    return {
        ident: kept[ident]
        for ident in index.order
        if ident not in stale and ident in kept and all(o in index.cables for o in kept[ident])
    }


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
    for ident in old.keys() | new.keys():
        if old.get(ident) != new.get(ident):
            for entry in (old.get(ident), new.get(ident)):
                if entry:
                    listed.add(entry[1])
    old_names, new_names = previous["names"], current["names"]
    renamed = {
        s for s in old_names.keys() | new_names.keys() if old_names.get(s) != new_names.get(s)
    }
    if renamed:
        for entries in (old.values(), new.values()):
            for entry in entries:
                if renamed.intersection(entry[1][0]):
                    listed.people.update(entry[1][0])
    listed.people &= new_names.keys()
    return listed


def kept_pages(index: Index, listed: Listed) -> Iterator[str]:
    """The browse pages *listed* leaves as they are: each listing not to render, with the
    year pages it is split into when long (the same as last time: its cables did not change)."""

    def listing(base: str, idents: list[str]) -> Iterator[str]:
        yield base
        for year in sorted(split_by_year(index, idents)):
            yield paths.split_page(base, str(year))

    for slug, person in index.people.items():
        if slug not in listed.people:
            yield from listing(paths.person(slug), list({a.cable for a in person.appearances}))
    for code, topic in index.topics.items():
        if code not in listed.topics:
            yield from listing(paths.topic(code), list(topic.cables))
    for code, idents in index.posts.items():
        if code not in listed.posts:
            yield from listing(paths.post(code), idents)
    for (year, month), idents in index.months.items():
        if (year, month) not in listed.months:
            yield from listing(paths.month(year, month), idents)
    for year in {year for year, _ in index.months} - listed.years:
        yield paths.year(year)
    for label, idents in index.classifications.items():
        if label not in listed.classifications:
            yield from listing(paths.classification(label), idents)
