"""A cable page's Text section: every paragraph a link of its own, another cable in the file
shown apart, and an empty text explained."""

from __future__ import annotations

import re
from collections import Counter

from cable2md.build import build

HEADER = """\
O 101200Z JUN 09
FM AMEMBASSY BERLIN
TO SECSTATE WASHDC 1234
C O N F I D E N T I A L BERLIN 001626

E.O. 12958: DECL: 06/10/2019
TAGS: PREL GM
SUBJECT: COALITION TALKS

"""
EXPORT = (
    "\n51234  2006-02-10  06OSLO200  Embassy Oslo  UNCLASSIFIED  UNCLAS OSLO 000200\n"
    "TAGS: ECON NO\nSUBJECT: NORWAY: OIL FUND REPORT\n1. (U) The oil fund grew by ten percent.\n"
)


def _page(tmp_path, text: str) -> str:
    cables = tmp_path / "cables" / "2009"
    cables.mkdir(parents=True)
    (cables / "09BERLIN1626.txt").write_text(text, encoding="utf-8")
    build(tmp_path / "cables", tmp_path / "docs")
    return (tmp_path / "docs" / "cables" / "2009" / "09BERLIN1626.md").read_text(encoding="utf-8")


def _anchors(page: str) -> list[str]:
    return re.findall(r"\{: #([\w-]+) \}|id=\"([\w-]+)\"", page)


def test_a_number_the_cable_gives_twice_gets_a_link_of_its_own(tmp_path):
    # A press summary lists its stories by number, then gives them under the same numbers.
    page = _page(tmp_path, HEADER + "¶1. Lead stories\n¶2. (U.S.) Attack\n\n¶1. Lead stories told.\n\n"
                 "¶2. (U.S.) The attack was foiled.\n\n¶1. A third one.\n")  # fmt: skip
    anchors = ["".join(pair) for pair in _anchors(page)]
    assert anchors == ["p1", "p2", "p1-2", "p2-2", "p1-3"]
    assert [n for n, k in Counter(anchors).items() if k > 1] == []
    assert "[1.](#p1-2) " in page


def test_another_cable_in_the_file_is_shown_apart_with_its_own_links(tmp_path):
    page = _page(tmp_path, HEADER + "1. (C) The coalition talks went on.\n" + EXPORT)
    text, also = page.split("## Also in this file")
    assert "The coalition talks went on." in text and "oil fund" not in text
    assert "### 06OSLO200: NORWAY: OIL FUND REPORT" in also
    assert "goes on with the text of another cable, 06OSLO200" in also
    assert "The oil fund grew by ten percent." in also and "{: #a1-p1 }" in also
    front = page.split("---\n")[1]
    assert "ECON" not in front  # its TAGS are not this page's


def test_an_empty_text_says_why(tmp_path):
    page = _page(tmp_path, HEADER + EXPORT)
    text = page.split("## Text")[1].split("## Also in this file")[0]
    assert "The file holds no text for this cable after its header." in text
    assert "another cable" in text
