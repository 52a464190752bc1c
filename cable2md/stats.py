"""Index -> what the home page and the feed show: counts, a timeline drawn as SVG, the newest cables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from . import paths
from .archive import Index, cable_year
from .escape import html_text
from .render_cable import cable_path, title

_WIDTH, _HEIGHT, _AXIS = 720, 180, 22
_BAR_MAX = 36  # a bar is never wider than this, however few the years


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
        label = f"{year}: {count} cable{'s' if count != 1 else ''}"
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


def newest(index: Index, url: Callable[[str], str], limit: int = 10) -> list[dict[str, Any]]:
    out = []
    for ident in reversed(index.order[-limit:]):
        cable = index.cables[ident]
        out.append({
            "id": ident, "title": title(cable), "subject": cable.subject, "date": cable.date,
            "year": cable_year(cable), "origin": cable.origin, "classification": cable.classification,
            "url": url(cable_path(index, ident)), "description": cable.description[:400],
        })  # fmt: skip
    return out


def archive_stats(index: Index, url: Callable[[str], str]) -> dict[str, Any]:
    """The figures the home page shows; *url* turns a docs-relative page path into its site URL."""
    counts = year_counts(index)
    dates = sorted(cable.date for cable in index.cables.values() if cable.date)
    return {
        "cables": len(index.order),
        "posts": len(index.posts),
        "people": len(index.people),
        "topics": len(index.topics),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "years": counts,
        "timeline_svg": timeline_svg(counts, lambda year: url(paths.year(year))),
        "newest": newest(index, url),
        "classifications": {
            label: len(ids) for label, ids in sorted(index.classifications.items())
        },
        "classification_pages": {
            label: url(paths.classification(label)) for label in index.classifications
        },
        "browse": {
            kind: url(paths.index(kind))
            for kind in ("dates", "posts", "topics", "people", "classifications")
        },
    }
