"""Site data -> an Atom feed of the newest cables (``feed.xml``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape


def _attribute(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def atom_feed(
    data: dict[str, Any], site_url: str, site_name: str, url: Callable[[str], str]
) -> str:
    """The Atom document; its time stamps are the cables' own dates, so builds are reproducible."""
    base = site_url.rstrip("/") + "/"
    entries = []
    days = [item["date"] or f"{item['year']}-01-01" for item in data["newest"]]
    for item, day in zip(data["newest"], days, strict=True):
        link = base + url(item["page"])
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(item['title'])}</title>\n"
            f'    <link href="{_attribute(link)}"/>\n'
            f"    <id>{escape(link)}</id>\n"
            f"    <updated>{day}T00:00:00Z</updated>\n"
            f'    <category term="{_attribute(item["classification"] or "UNKNOWN")}"/>\n'
            f"    <summary>{escape(item['description'])}</summary>\n"
            "  </entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(site_name)}: newest cables</title>\n"
        f'  <link href="{_attribute(base)}"/>\n'
        f'  <link rel="self" href="{_attribute(base)}feed.xml"/>\n'
        f"  <id>{escape(base)}</id>\n"
        f"  <updated>{max(days, default='1970-01-01')}T00:00:00Z</updated>\n"
        + "\n".join(entries)
        + "\n</feed>\n"
    )
