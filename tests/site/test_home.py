"""The home page's figures: the timeline drawn at build time (cable2md/site/home.py; the figures
themselves and the feed: test_feed.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from cable2md.site.home import timeline_svg


def test_timeline_has_a_bar_per_year_with_cables_and_links():
    svg = timeline_svg({1972: 3, 1974: 1, 2005: 12}, lambda year: f"dates/{year}/")
    root = ET.fromstring(svg)
    bars = root.findall(".//{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 2005 - 1972 + 1
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[0] > 0 and heights[1] == 0 and heights[-1] == max(heights)
    assert re.findall(r'href="(dates/\d+/)"', svg) == ["dates/1972/", "dates/1974/", "dates/2005/"]
    assert all(float(bar.get("width")) <= 36 for bar in bars)
