"""Which cable pages a rebuild checks again: each way a change reaches another cable's page."""

from __future__ import annotations

from dataclasses import replace

from cable2md import incremental, listings, render_pages
from cable2md.archive import build_index
from cable2md.people import Appearance
from cable2md.summary import Summary, resolved

from .test_related import _state, _with_related


def _cable(number: int, *, names=(), references=(), subject="Subject") -> Summary:
    """Cable *number*, on day *number* of 2009, with a tag of its own: no cable is related
    to another, so only the way under test can reach a page."""
    ident = f"09POST{number}"
    seen = tuple((name, Appearance(ident, "mentioned", None, None, name)) for name in names)
    return Summary(
        ident, f"{ident}.txt", f"2009-{1 + number // 28:02d}-{1 + number % 28:02d}", None,
        "Embassy Post", "POST", "SECRET", (), (f"KY{number}",), subject, False,
        tuple(references), "",
        seen, resolved(seen),
    )  # fmt: skip


def _to_key(before: list[Summary], after: list[Summary]) -> set[str]:
    previous = _with_related(*_state(before))
    index, now = _state(after)
    now = _with_related(index, now)
    found = incremental.cables_to_key(index, previous, now, incremental.compare(previous, now))
    assert found is not None
    return found


def test_a_changed_title_reaches_the_pages_of_its_neighbours_by_date():
    cables = [_cable(number) for number in range(30)]
    changed = [replace(c, subject="New") if c.id == "09POST10" else c for c in cables]
    assert _to_key(cables, changed) == {"09POST9", "09POST10", "09POST11"}


def test_a_cable_that_arrives_reaches_the_pages_of_its_neighbours_by_date():
    cables = [_cable(number) for number in range(30)]
    assert _to_key(cables, [*cables, _cable(100)]) == {"09POST29", "09POST100"}


def test_a_renamed_person_reaches_every_page_that_names_them():
    name = "Gordan Jandrokovic"
    cables = [_cable(number) for number in range(30)]
    cables[3] = _cable(3, names=[name])
    for number in range(20, 26):  # a person and a tag in common: 20's related are 21-25, not 3
        cables[number] = replace(_cable(number, names=[name]), tags=("KZZ",))
    renamed = [*cables[:3], _cable(3, names=["Gordan Jandroković"]), *cables[4:]]
    assert {"09POST20", "09POST25"} <= _to_key(cables, renamed)


def test_a_cable_that_arrives_reaches_the_pages_that_reference_it():
    cables = [_cable(number) for number in range(30)]
    cables[5] = _cable(5, references=["09POST300"])
    assert _to_key(cables, [*cables, _cable(300)]) == {"09POST5", "09POST29", "09POST300"}


def test_a_changed_title_reaches_the_pages_that_list_it_as_related():
    cables = [_cable(number) for number in range(30)]
    cables[20:26] = [replace(c, tags=("KZZ",)) for c in cables[20:26]]  # related to each other
    changed = [replace(c, subject="New") if c.id == "09POST21" else c for c in cables]
    assert _to_key(cables, changed) == {f"09POST{n}" for n in range(20, 26)}


def test_a_renamed_persons_listing_is_rendered_in_every_year(monkeypatch):
    monkeypatch.setattr(listings, "LISTING_LIMIT", 2)
    cables = [
        replace(_cable(number, names=["Gordan Jandrokovic"]), date=f"{year}-03-0{number}")
        for number, year in ((1, 2008), (2, 2008), (3, 2009), (4, 2009))
    ]
    index = build_index(cables)

    def pages(**only):
        return {
            path for path, _ in render_pages.person_pages(index, {"gordan-jandrokovic"}, **only)
        }

    assert pages(months={(2009, 3)}) == {
        "people/gordan-jandrokovic.md",
        "people/gordan-jandrokovic/2009.md",
    }
    assert "people/gordan-jandrokovic/2008.md" in pages(
        months={(2009, 3)}, renamed={"gordan-jandrokovic"}
    )
