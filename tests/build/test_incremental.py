"""Which cable pages a rebuild checks again: each way a change reaches another cable's page."""

from __future__ import annotations

from dataclasses import replace

from cable2md.archive import build_index
from cable2md.build import incremental
from cable2md.parse import IndexRow
from cable2md.render import browse, listings
from tests.helpers import index_row, index_state, with_related


def _to_key(before: list[IndexRow], after: list[IndexRow]) -> set[str]:
    previous = with_related(*index_state(before))
    index, now = index_state(after)
    now = with_related(index, now)
    found = incremental.cables_to_key(index, previous, now, incremental.compare(previous, now))
    assert found is not None
    return found


def test_a_changed_title_reaches_the_pages_of_its_neighbours_by_date():
    cables = [index_row(number) for number in range(30)]
    changed = [replace(c, subject="New") if c.id == "09POST10" else c for c in cables]
    assert _to_key(cables, changed) == {"09POST9", "09POST10", "09POST11"}


def test_a_cable_that_arrives_reaches_the_pages_of_its_neighbours_by_date():
    cables = [index_row(number) for number in range(30)]
    assert _to_key(cables, [*cables, index_row(100)]) == {"09POST29", "09POST100"}


def test_a_renamed_person_reaches_every_page_that_names_them():
    name = "Gordan Jandrokovic"
    cables = [index_row(number) for number in range(30)]
    cables[3] = index_row(3, names=[name])
    for number in range(20, 26):  # a person and a tag in common: 20's related are 21-25, not 3
        cables[number] = replace(index_row(number, names=[name]), tags=("KZZ",))
    renamed = [*cables[:3], index_row(3, names=["Gordan Jandroković"]), *cables[4:]]
    assert {"09POST20", "09POST25"} <= _to_key(cables, renamed)


def test_a_cable_that_arrives_reaches_the_pages_that_reference_it():
    cables = [index_row(number) for number in range(30)]
    cables[5] = index_row(5, references=["09POST300"])
    assert _to_key(cables, [*cables, index_row(300)]) == {"09POST5", "09POST29", "09POST300"}


def test_a_changed_title_reaches_the_pages_that_list_it_as_related():
    cables = [index_row(number) for number in range(30)]
    cables[20:26] = [replace(c, tags=("KZZ",)) for c in cables[20:26]]  # related to each other
    changed = [replace(c, subject="New") if c.id == "09POST21" else c for c in cables]
    assert _to_key(cables, changed) == {f"09POST{n}" for n in range(20, 26)}


def test_a_renamed_persons_listing_is_rendered_in_every_year(monkeypatch):
    monkeypatch.setattr(listings, "LISTING_LIMIT", 2)
    cables = [
        replace(index_row(number, names=["Gordan Jandrokovic"]), date=f"{year}-03-0{number}")
        for number, year in ((1, 2008), (2, 2008), (3, 2009), (4, 2009))
    ]
    index = build_index(cables)

    def pages(**only):
        return {path for path, _ in browse.person_pages(index, {"gordan-jandrokovic"}, **only)}

    assert pages(months={(2009, 3)}) == {
        "people/gordan-jandrokovic.md",
        "people/gordan-jandrokovic/2009.md",
    }
    assert "people/gordan-jandrokovic/2008.md" in pages(
        months={(2009, 3)}, renamed={"gordan-jandrokovic"}
    )
