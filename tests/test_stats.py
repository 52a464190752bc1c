"""The home page's figures: the timeline drawn at build time, and the Atom feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from cable2md.archive import build_index
from cable2md.feed import atom_feed
from cable2md.parse import parse_file
from cable2md.stats import site_data, template_stats, timeline_svg
from cable2md.summary import summarize

from .conftest import FIXTURES, SEED


def test_timeline_has_a_bar_per_year_with_cables_and_links():
    svg = timeline_svg({1972: 3, 1974: 1, 2005: 12}, lambda year: f"dates/{year}/")
    root = ET.fromstring(svg)
    bars = root.findall(".//{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 2005 - 1972 + 1
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[0] > 0 and heights[1] == 0 and heights[-1] == max(heights)
    assert re.findall(r'href="(dates/\d+/)"', svg) == ["dates/1972/", "dates/1974/", "dates/2005/"]
    assert all(float(bar.get("width")) <= 36 for bar in bars)


def test_archive_stats_and_feed():
    cables = [
        parse_file(SEED),
        *(parse_file(p) for p in sorted((FIXTURES / "cables").glob("*.txt"))),
    ]
    index = build_index([summarize(c) for c in cables])
    stats = template_stats(site_data(index), lambda path: path.replace(".md", "/"))
    assert stats["cables"] == 8 and stats["first_date"] == "1973-03-10"
    assert stats["newest"][0]["id"] == "09ZAGREB102"
    assert stats["classification_pages"]["SECRET"] == "classifications/secret/"
    feed = ET.fromstring(
        atom_feed(
            site_data(index), "https://example.org/", "Archive", lambda p: p.replace(".md", "/")
        )
    )
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 8
    assert entries[0].find("{http://www.w3.org/2005/Atom}title").text.startswith("09ZAGREB102: ")
    assert entries[0].find("{http://www.w3.org/2005/Atom}updated").text == "2009-02-15T00:00:00Z"
