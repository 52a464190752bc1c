"""Site data -> the home page's figures and timeline, with site URLs, for the templates.

The build saves the site data (:func:`cable2md.render.site_data`) with docs-relative page
paths; the plugin turns them into URLs here, as the ``archive`` global of the templates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..render import html_text, paths

_WIDTH, _HEIGHT, _AXIS = 720, 180, 22
_BAR_MAX = 36  # a bar is never wider than this, however few the years


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
        f'<svg class="cable-timeline" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="group" '
        f'aria-label="Cables per year, {first} to {last}" xmlns="http://www.w3.org/2000/svg">'
        f'<line class="timeline-axis" x1="0" y1="{_HEIGHT - _AXIS}" x2="{_WIDTH}" y2="{_HEIGHT - _AXIS}"/>'
        + "".join(bars)
        + "</svg>"
    )


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
