"""How a long listing is split into pages by year, month and day (cable2md/render/listings.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cable2md.archive import build_index
from cable2md.render import listings
from tests.helpers import index_row


def _index(dates: list[str | None]):
    cables = [replace(index_row(number), date=date) for number, date in enumerate(dates)]
    return build_index(cables), [cable.id for cable in cables]


def _tree(parts) -> dict[str, tuple[str, int]]:
    return {part.path: (part.label, len(part.cables)) for part in listings.walk(parts)}


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(listings, "LISTING_LIMIT", 4)
    monkeypatch.setattr(listings, "SPLIT_LIMIT", 2)


@pytest.mark.parametrize(
    ("dates", "tree"),
    [
        # Fits one page: no sub-pages.
        (["2008-01-01"] * 4, {}),
        # By year; a year of more than SPLIT_LIMIT cables by month, such a month by day.
        (
            ["2008-05-01", "2008-05-02", "2009-01-01", "2009-03-01", "2009-03-01", "2009-03-02"],
            {
                "t/x/2008.md": ("2008", 2),
                "t/x/2009.md": ("2009", 4),
                "t/x/2009-01.md": ("2009-01", 1),
                "t/x/2009-03.md": ("2009-03", 3),
                "t/x/2009-03-01.md": ("2009-03-01", 2),
                "t/x/2009-03-02.md": ("2009-03-02", 1),
            },
        ),
        # All in one month (a month of the date index): by day on the page itself.
        (
            ["2009-03-01", "2009-03-01", "2009-03-02", "2009-03-02", "2009-03-09"],
            {"t/x/2009-03-01.md": ("2009-03-01", 2), "t/x/2009-03-02.md": ("2009-03-02", 2),
             "t/x/2009-03-09.md": ("2009-03-09", 1)},
        ),
        # Undated cables (year from the id) come after the dated ones of their year.
        (
            [None, None, "2009-02-01", "2009-01-01", None],
            {"t/x/2009-01.md": ("2009-01", 1), "t/x/2009-02.md": ("2009-02", 1),
             "t/x/2009-undated.md": ("2009, undated", 3)},
        ),
    ],
)  # fmt: skip
def test_split(small_limits, dates, tree):
    index, idents = _index(dates)
    assert _tree(listings.split(index, "t/x.md", idents)) == tree


def test_a_page_keeps_its_name_and_text_when_a_level_above_it_goes(small_limits):
    """Removing January's only cable leaves 2009 split by day, not by month: each day page
    must be the page it was (same name, same text), so a rebuild may keep it as it is."""
    from cable2md.render.browse import listing

    dates = ["2009-01-05", "2009-03-01", "2009-03-01", "2009-03-03", "2008-01-01", "2008-01-02"]
    cables = [replace(index_row(number), date=date) for number, date in enumerate(dates)]
    idents = [cable.id for cable in cables]
    pages_before = dict(listing(build_index(cables), "t/x.md", "X", idents)[1])
    pages_after = dict(listing(build_index(cables[1:]), "t/x.md", "X", idents[1:])[1])
    assert "t/x/2009-03.md" in pages_before and "t/x/2009-03.md" not in pages_after
    for day in ("t/x/2009-03-01.md", "t/x/2009-03-03.md"):
        assert pages_after[day] == pages_before[day]


@pytest.mark.parametrize(
    ("period", "months", "expected"),
    [
        ((2009,), {(2009, 3)}, True),
        ((2008,), {(2009, 3)}, False),
        ((2009, 3), {(2009, 3)}, True),
        ((2009, 4), {(2009, 3)}, False),
        ((2009, 3, 14), {(2009, 3)}, True),  # the days of a changed month are all rendered
        ((2009, None, None), {(2009, None)}, True),
        ((2009, 4), None, True),
    ],
)
def test_wanted(period, months, expected):
    assert listings.wanted(period, months) is expected
