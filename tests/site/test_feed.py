"""The archive's figures for the home page (cable2md/render/site_data.py,
cable2md/site/home.py) and the Atom feed made from them (cable2md/site/feed.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

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


# Reading keeps the control characters of a text file (NUL aside, which marks binary data):
# each must be kept out of feed.xml, where XML 1.0 allows none of them.
CONTROLS = [chr(code) for code in (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))]


@pytest.mark.parametrize("control", CONTROLS, ids=lambda control: f"U+{ord(control):04X}")
def test_the_feed_is_well_formed_whatever_control_character_a_cable_holds(tmp_path, control):
    text = SEED.read_text(encoding="utf-8")
    assert "Summary:  During  informal" in text
    text = text.replace("Summary:  During", f"Summary:  During{control}", 1)
    path = tmp_path / "05TOKYO1349.txt"
    path.write_text(text, encoding="utf-8")
    cable = parse_file(path)
    assert control in cable.summary  # reading lets it through to the record
    data = site_data(build_index([index_row_of(cable)]))
    feed = atom_feed(data, "https://example.org/", "Archive", lambda page: page[:-3] + "/")
    root = ET.fromstring(feed.encode("utf-8"))  # raises on a document not well-formed
    summary = root.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary")
    assert summary is not None
    assert summary.text.startswith("During informal policy planning talks")
    assert control not in feed


def test_the_feed_escapes_markup_in_titles_and_addresses():
    data = {
        "newest": [
            {
                "date": None, "year": 2005, "page": "cables/2005/X.md",
                "title": 'A <b>bold</b> & "quoted" title', "classification": None,
                "description": "</summary><script>alert(1)</script>",
            }
        ]
    }  # fmt: skip
    feed = atom_feed(data, 'https://example.org/"a&b/', "A & B", lambda page: page[:-3] + "/")
    root = ET.fromstring(feed.encode("utf-8"))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = root.find(f"{atom}entry")
    assert entry.find(f"{atom}title").text == 'A <b>bold</b> & "quoted" title'
    assert entry.find(f"{atom}summary").text == "</summary><script>alert(1)</script>"
    assert entry.find(f"{atom}category").get("term") == "UNKNOWN"
    assert entry.find(f"{atom}link").get("href") == 'https://example.org/"a&b/cables/2005/X/'
    assert entry.find(f"{atom}updated").text == "2005-01-01T00:00:00Z"
    assert root.find(f"{atom}title").text == "A & B: newly added cables"
