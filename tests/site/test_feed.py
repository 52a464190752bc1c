"""The archive's figures for the home page (cable2md/render/site_data.py,
cable2md/site/home.py) and the Atom feed made from them (cable2md/site/feed.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cable2md.archive import build_index
from cable2md.parse import index_row_of, parse_file
from cable2md.render.site_data import site_data
from cable2md.site.feed import atom_feed
from cable2md.site.home import template_stats
from tests.helpers import FIXTURES, SEED


def test_archive_stats_and_feed():
    cables = [
        parse_file(SEED),
        *(parse_file(p) for p in sorted((FIXTURES / "cables").glob("*.txt"))),
    ]
    index = build_index([index_row_of(c) for c in cables])
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
