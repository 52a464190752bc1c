"""Index -> an Atom feed of the newest cables (``feed.xml``)."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from .archive import Index, cable_year
from .render_cable import cable_path, title

FEED_SIZE = 50


def atom_feed(index: Index, site_url: str, site_name: str, url: Callable[[str], str]) -> str:
    """The Atom document; its time stamps are the cables' own dates, so builds are reproducible."""
    base = site_url.rstrip("/") + "/"
    idents = list(reversed(index.order[-FEED_SIZE:]))
    updated = max(
        (index.cables[i].date or f"{cable_year(index.cables[i])}-01-01" for i in idents),
        default="1970-01-01",
    )
    entries = []
    for ident in idents:
        cable = index.cables[ident]
        day = cable.date or f"{cable_year(cable)}-01-01"
        link = base + url(cable_path(index, ident))
        summary = cable.description
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(title(cable))}</title>\n"
            f'    <link href="{escape(link, {chr(34): "&quot;"})}"/>\n'
            f"    <id>{escape(link)}</id>\n"
            f"    <updated>{day}T00:00:00Z</updated>\n"
            f'    <category term="{escape(cable.classification or "UNKNOWN", {chr(34): "&quot;"})}"/>\n'
            f"    <summary>{escape(summary[:600])}</summary>\n"
            "  </entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(site_name)}: newest cables</title>\n"
        f'  <link href="{escape(base)}"/>\n'
        f'  <link rel="self" href="{escape(base)}feed.xml"/>\n'
        f"  <id>{escape(base)}</id>\n"
        f"  <updated>{updated}T00:00:00Z</updated>\n" + "\n".join(entries) + "\n</feed>\n"
    )
