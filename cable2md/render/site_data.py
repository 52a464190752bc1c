"""Index -> what the home page and the feed show, kept as data beside the generated pages.

:func:`site_data` gathers it when the pages are generated (as plain data with
docs-relative page paths, saved as ``.cable2md-site.json``); the MkDocs plugin
reads it back, turns the paths into URLs and draws the timeline
(:func:`cable2md.site.home.template_stats`), so a site build never needs the index itself.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..archive import Index, cable_year
from . import paths
from .cable import cable_path
from .cable_meta import title

SITE_DATA = ".cable2md-site.json"
FEED_SIZE = 50
BROWSE = ("dates", "posts", "topics", "people", "classifications")


def year_counts(index: Index) -> dict[int, int]:
    counts: Counter[int] = Counter(cable_year(index.cables[ident]) for ident in index.order)
    return dict(sorted(counts.items()))


def _brief(index: Index, ident: str) -> dict[str, Any]:
    cable = index.cables[ident]
    return {
        "id": ident, "title": title(cable), "subject": cable.subject, "date": cable.date,
        "year": cable_year(cable), "origin": cable.origin, "classification": cable.classification,
        "page": cable_path(index, ident), "description": cable.description,
        "added": index.added.get(ident),
    }  # fmt: skip


def site_data(index: Index) -> dict[str, Any]:
    """Everything the site build needs from the index, as JSON-ready data."""
    dates = sorted(cable.date for cable in index.cables.values() if cable.date)
    # Newest first by the day a cable entered the archive (git history), then by its own date:
    # a cable of 1973 added today is news.
    by_arrival = sorted(
        index.order, key=lambda ident: (index.added.get(ident, ""), index.position[ident])
    )
    newest = [_brief(index, ident) for ident in reversed(by_arrival[-FEED_SIZE:])]
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
