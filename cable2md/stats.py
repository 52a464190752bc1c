"""Index -> what the home page and the feed show, kept as data beside the generated pages.

:func:`site_data` gathers it when the pages are generated (as plain data with
docs-relative page paths, saved as ``.cable2md-site.json``); the MkDocs plugin
reads it back, turns the paths into URLs (:func:`template_stats`) and draws the
timeline, so a site build never needs the index itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from . import paths
from .archive import Index, cable_year
from .escape import html_text
from .render_cable import cable_path, title

SITE_DATA = ".cable2md-site.json"
FEED_SIZE = 50
_WIDTH, _HEIGHT, _AXIS = 720, 180, 22
_BAR_MAX = 36  # a bar is never wider than this, however few the years
BROWSE = ("dates", "posts", "topics", "people", "classifications")


def year_counts(index: Index) -> dict[int, int]:
    counts: Counter[int] = Counter(cable_year(index.cables[ident]) for ident in index.order)
    return dict(sorted(counts.items()))


def timeline_svg(counts: dict[int, int], href: Callable[[int], str]) -> str:
    """Bars of cables per year, each a link to that year's page; years without cables shown empty."""
    if not counts:
        return ""
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    peak = max(counts.values())
    slot = _WIDTH / len(years)
    width = min(slot * 0.8, _BAR_MAX)
    bars = []
    for position, year in enumerate(years):
        count = counts.get(year, 0)
        height = 0 if not count else max(2.0, (_HEIGHT - _AXIS - 8) * count / peak)
        x = position * slot
        label = f"{year}: {count:,} cable{'s' if count != 1 else ''}"
        bar = (
            f'<rect class="timeline-bar" x="{x + (slot - width) / 2:.1f}" y="{_HEIGHT - _AXIS - height:.1f}" '
            f'width="{width:.1f}" height="{height:.1f}"><title>{label}</title></rect>'
        )
        if count:
            bar = f'<a href="{html_text(href(year))}" aria-label="{label}">{bar}</a>'
        bars.append(bar)
        if year % 5 == 0 or len(years) <= 12 or year in (first, last):
            bars.append(
                f'<text class="timeline-label" x="{x + slot / 2:.1f}" y="{_HEIGHT - 6}" '
                f'text-anchor="middle">{year}</text>'
            )
    return (
        f'<svg class="cable-timeline" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        f'aria-label="Cables per year, {first} to {last}" xmlns="http://www.w3.org/2000/svg">'
        f'<line class="timeline-axis" x1="0" y1="{_HEIGHT - _AXIS}" x2="{_WIDTH}" y2="{_HEIGHT - _AXIS}"/>'
        + "".join(bars)
        + "</svg>"
    )


def _brief(index: Index, ident: str) -> dict[str, Any]:
    cable = index.cables[ident]
    return {
        "id": ident, "title": title(cable), "subject": cable.subject, "date": cable.date,
        "year": cable_year(cable), "origin": cable.origin, "classification": cable.classification,
        "page": cable_path(index, ident), "description": cable.description,
    }  # fmt: skip


def site_data(index: Index) -> dict[str, Any]:
    """Everything the site build needs from the index, as JSON-ready data."""
    dates = sorted(cable.date for cable in index.cables.values() if cable.date)
    newest = [_brief(index, ident) for ident in reversed(index.order[-FEED_SIZE:])]
    days = [c.date or f"{cable_year(c)}-01-01" for c in index.cables.values()]
    return {
        "cables": len(index.order),
        "posts": len(index.posts),
        "people": len(index.people),
        "topics": len(index.topics),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "newest_day": max(days, default="1970-01-01"),
        "years": [[year, count] for year, count in year_counts(index).items()],
        "newest": newest,
        "classifications": [
            [label, len(ids), paths.classification(label)]
            for label, ids in sorted(index.classifications.items())
        ],
        "browse": {kind: paths.index(kind) for kind in BROWSE},
        "sources": {cable_path(index, ident): index.cables[ident].source for ident in index.order},
    }


def template_stats(data: dict[str, Any], url: Callable[[str], str]) -> dict[str, Any]:
    """The home page's figures, with site URLs, for the templates' ``archive`` global."""
    counts = {year: count for year, count in data["years"]}
    return {
        "cables": data["cables"],
        "posts": data["posts"],
        "people": data["people"],
        "topics": data["topics"],
        "first_date": data["first_date"],
        "last_date": data["last_date"],
        "years": counts,
        "timeline_svg": timeline_svg(counts, lambda year: url(paths.year(year))),
        "newest": [
            {
                **{k: v for k, v in item.items() if k != "page"},
                "url": url(item["page"]),
                "description": item["description"][:400],
            }
            for item in data["newest"][:10]
        ],
        "classifications": {label: count for label, count, _ in data["classifications"]},
        "classification_pages": {label: url(page) for label, _, page in data["classifications"]},
        "browse": {kind: url(page) for kind, page in data["browse"].items()},
    }
