"""Related cables: the same however they are chunked, and kept across a rebuild only where no
change can reach them."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from cable2md.archive import build_index, related
from cable2md.archive.related import relate
from cable2md.build import incremental
from cable2md.parse import Appearance, IndexRow
from cable2md.parse.index_row import resolved
from tests.helpers import index_state, with_related

TOPICS = [f"KX{chr(65 + i)}" for i in range(15)]  # ~120 cables each: longer than a window
PEOPLE = [f"Given{i} Surname{i}" for i in range(300)]


def _summary(number: int, rng: random.Random, tags: tuple[str, ...] | None = None) -> IndexRow:
    ident = f"09POST{number}"
    seen = tuple(
        (name, Appearance(ident, "mentioned", None, None, name)) for name in rng.sample(PEOPLE, 2)
    )
    return IndexRow(
        ident, f"{ident}.txt", f"2009-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", None,
        "Embassy Post", "POST", "SECRET", (), tags or tuple(rng.sample(TOPICS, 3)), "Subject",
        False, (), "",
        seen, resolved(seen),
    )  # fmt: skip


def _add(summaries, rng):
    return [*summaries, _summary(len(summaries), rng)]


def _remove(summaries, rng):
    return summaries[:100] + summaries[101:]


def _retag(summaries, rng):
    return [replace(s, tags=("KXA", "KXB")) if i == 200 else s for i, s in enumerate(summaries)]


def _redate(summaries, rng):
    return [replace(s, date="2009-06-15") if i == 300 else s for i, s in enumerate(summaries)]


def _rename(summaries, rng):
    renamed = (("Other Person", Appearance("09POST400", "mentioned", None, None, "Other Person")),)
    return [
        replace(s, sightings=renamed, people=resolved(renamed)) if i == 400 else s
        for i, s in enumerate(summaries)
    ]


@pytest.mark.parametrize("change", [_add, _remove, _retag, _redate, _rename])
def test_related_cables_kept_from_the_last_build_are_the_ones_scored_afresh(change):
    rng = random.Random(3)
    summaries = [_summary(number, rng) for number in range(600)]
    previous = json.loads(
        json.dumps(with_related(*index_state(summaries)))
    )  # as the next build reads it from disk
    after, now = index_state(change(summaries, rng))
    keep = incremental.related_to_keep(after, previous, now, incremental.compare(previous, now))
    assert relate(after, jobs=1, keep=keep) == relate(after, jobs=1)
    assert len(after.order) // 2 < len(keep) < len(after.order)


def test_nothing_is_kept_when_what_every_page_depends_on_changed():
    rng = random.Random(4)
    index, previous = index_state([_summary(number, rng) for number in range(60)])
    previous = with_related(index, previous)
    now = dict(previous, inputs="other code")
    assert incremental.compare(previous, now) is None
    assert incremental.related_to_keep(index, previous, now, None) == {}
    same = incremental.compare(previous, previous)
    assert len(incremental.related_to_keep(index, previous, previous, same)) == 60


def test_related_cables_do_not_depend_on_how_the_archive_is_chunked(monkeypatch):
    rng = random.Random(5)
    index = build_index([_summary(number, rng) for number in range(400)])
    chunked = relate(index, jobs=2)
    monkeypatch.setattr(related, "_CHUNK_MIN", len(index.order))
    whole = relate(index, jobs=1)
    assert chunked == whole
    assert all(len(found) == related.LIMIT for found in whole.values())
