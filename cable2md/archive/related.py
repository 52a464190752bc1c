"""The archive index -> each cable's related cables: most people and rare tags shared, near in time.

A cable's candidates are, in the list of cables of each of its people and tags, the
:data:`NEIGHBOURS` cables on each side of it (nearest in time). Each shared person
scores :data:`PERSON_WEIGHT`, each shared tag its :func:`topic_weight`; the
:data:`LIMIT` best are kept, ties in the order the candidates came.

So the work per cable stays bounded however many cables a popular tag has, and a change
to one cable can only change the related cables of the cables near it in its lists (and,
seldom, of every cable of a tag whose weight it moved): :func:`stale` finds them, and a
rebuild scores those alone.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from .. import parallel
from .index import Index

LIMIT = 5
NEIGHBOURS = 20  # on each side, in each list
PERSON_WEIGHT = 3.0
# A tag's weight is its inverse document frequency, rounded: a cable added or removed moves
# every weight by about 1/total, its own tags' by about 1/count, so it seldom crosses a step,
# and a rebuild rescores the cables of the few tags whose weight did, not of all tags.
_STEP = 0.1
_CHUNK = 2000
_CHUNK_MIN = 50


@dataclass(frozen=True, slots=True)
class _Lists:
    """What the scoring workers share: the index, each person's and tag's cables by rank."""

    index: Index
    by_person: dict[str, list[int]]
    weights: dict[str, float]
    topic_ranks: dict[str, list[int]]


def topic_weight(count: int, total: int) -> float:
    """The weight of a tag that *count* of the archive's *total* cables carry."""
    return round(round(math.log(1 + total / count) / _STEP) * _STEP, 6)


def topic_weights(index: Index) -> dict[str, float]:
    total = max(len(index.order), 1)
    return {code: topic_weight(len(topic.cables), total) for code, topic in index.topics.items()}


def relate(
    index: Index, jobs: int | None = None, keep: dict[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """The related cables of every cable of *index*: those of *keep* as they are, the others
    scored, in chunks, on *jobs* cores (all)."""
    keep = keep or {}
    order = index.order
    by_person: dict[str, list[int]] = defaultdict(list)
    for rank, ident in enumerate(order):
        for slug in index.people_of(ident):
            by_person[slug].append(rank)
    lists = _Lists(
        index,
        by_person,
        topic_weights(index),
        {code: [index.position[c] for c in topic.cables] for code, topic in index.topics.items()},
    )
    todo = [rank for rank, ident in enumerate(order) if ident not in keep]
    size = max(_CHUNK_MIN, min(_CHUNK, len(todo) // 8))  # a few chunks for each core
    parts = parallel.fork_map(_score, parallel.chunks(todo, size), jobs, len(todo), lists)
    scored = [best for part in parts for best in part]
    found = dict(zip((order[rank] for rank in todo), scored, strict=True))
    return {ident: keep[ident] if ident in keep else found[ident] for ident in order}


def _nearest(ranks: list[int], here: int) -> list[int]:
    at = bisect_left(ranks, here)
    return ranks[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1]


def _score(lists: _Lists, ranks: list[int]) -> list[list[str]]:
    index, by_person, weights, topic_ranks = (
        lists.index, lists.by_person, lists.weights, lists.topic_ranks
    )  # fmt: skip
    order = index.order
    found = []
    for here in ranks:
        ident = order[here]
        scores: defaultdict[int, float] = defaultdict(float)
        for slug in index.people_of(ident):
            for rank in _nearest(by_person[slug], here):
                scores[rank] += PERSON_WEIGHT
        for code in index.cable_topics.get(ident, ()):
            weight = weights[code]
            for rank in _nearest(topic_ranks[code], here):
                scores[rank] += weight
        scores.pop(here, None)
        # A stable sort: ties keep the order the candidates came in, the same on every build.
        best = sorted(scores.items(), key=itemgetter(1), reverse=True)[:LIMIT]
        found.append([order[rank] for rank, _ in best])
    return found


def _keys(people: Iterable[str], topics: Iterable[str]) -> set[str]:
    return {f"p:{slug}" for slug in people} | {f"t:{code}" for code in topics}


def stale(
    index: Index,
    changed: set[str],
    before: dict[str, tuple[list[str], list[str]]],
    now: dict[str, tuple[list[str], list[str]]],
    weights_before: dict[str, float],
) -> set[str]:
    """The cables whose related cables may differ from the last build's.

    *changed* are the cables added, removed or changed since; *before* and *now* give, in
    the last build's order and in this one's, each cable's people and tags then and now;
    *weights_before* the tag weights then.
    """
    lists: set[str] = set()
    for ident in changed:
        for entry in (before.get(ident), now.get(ident)):
            if entry:
                lists |= _keys(*entry)
    found = {ident for ident in changed if ident in index.cables}
    for cables in (before, now):
        members: dict[str, list[str]] = defaultdict(list)
        for ident, entry in cables.items():
            for key in _keys(*entry) & lists:
                members[key].append(ident)
        for listed in members.values():
            for at, ident in enumerate(listed):
                if ident in changed:  # the cables whose window holds it (or held it)
                    found.update(listed[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1])
    weights = topic_weights(index)
    for code, topic in index.topics.items():
        if weights_before.get(code) != weights[code]:
            found.update(topic.cables)
    return found & index.cables.keys()
