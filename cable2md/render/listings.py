"""How a long listing of cables is split into pages: by year, then month, then day.

A listing of more than ``LISTING_LIMIT`` cables gets a page per year; a year
with more than ``SPLIT_LIMIT`` cables a page per month, and such a month a page
per day. At the scale of the release a topic such as PREL lists ~20,000 cables
a year: one page would weigh megabytes. A listing whose cables all share a year
(a month's page of the date index, say) is split at the next level on its own
page, once it holds more than ``SPLIT_LIMIT``. Every sub-page lives beside the listing's page, named by its whole period
(``topics/prel/2009-03.md``), and links back to the listing's page: a page's name
and text then depend only on its own cables, so a rebuild can keep it as it is even
when a level above it comes or goes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..archive import Index, cable_year
from . import paths

LISTING_LIMIT = 200  # cables listed on one page before the listing is split by year
SPLIT_LIMIT = 1_000  # cables on a year's (month's) page before it is split by month (day)
UNITS = ("Year", "Month", "Day")

Period = tuple[int | None, ...]  # (year,), (year, month) or (year, month, day); None: undated


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-page of a split listing: its page, period, cables and own sub-pages."""

    path: str
    period: Period
    cables: list[str]
    parts: list[Part]

    @property
    def label(self) -> str:
        year, *rest = self.period
        if None in rest:
            return f"{year}, undated"
        return "-".join([str(year), *(f"{value:02d}" for value in rest)])


def _period(index: Index, ident: str, depth: int) -> Period:
    cable = index.cables[ident]
    date = cable.date
    if depth == 1:
        return (cable_year(cable),)
    month = int(date[5:7]) if date else None
    if depth == 2:
        return (cable_year(cable), month)
    return (cable_year(cable), month, int(date[8:10]) if date else None)


def _name(period: Period) -> str:
    year, *rest = period
    return "-".join(
        [str(year), *("undated" if value is None else f"{value:02d}" for value in rest)]
    )


def _order(period: Period) -> tuple[int, ...]:
    return tuple(99 if value is None else value for value in period)


def split(index: Index, base: str, idents: list[str], depth: int = 1) -> list[Part]:
    """The sub-pages of the listing of *idents* on page *base* (nested as the listing is split
    further); none when it fits one page."""
    limit = LISTING_LIMIT if depth == 1 else SPLIT_LIMIT
    if len(idents) <= limit or depth > len(UNITS):
        return []
    groups: dict[Period, list[str]] = defaultdict(list)
    for ident in idents:
        groups[_period(index, ident, depth)].append(ident)
    if len(groups) == 1:  # one year (month): split by month (day) on this page
        return split(index, base, idents, depth + 1)
    parts = []
    for period in sorted(groups, key=_order):
        cables = groups[period]
        path = paths.split_page(base, _name(period))
        parts.append(Part(path, period, cables, split(index, base, cables, depth + 1)))
    return parts


def wanted(period: Period, months: set[tuple[int, int | None]] | None) -> bool:
    """Whether a sub-page lists a cable of *months* (all do when *months* is None)."""
    if months is None:
        return True
    if len(period) == 1:
        return any(year == period[0] for year, _ in months)
    return (period[0], period[1]) in months


def walk(parts: Iterable[Part]) -> Iterator[Part]:
    """Every sub-page, each before its own."""
    for part in parts:
        yield part
        yield from walk(part.parts)
