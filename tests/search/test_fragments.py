"""A page's fragment in the search index: the text once, the paragraphs' places kept
(cable2md.search.pagefind_format.drop_paragraph_text)."""

from __future__ import annotations

import gzip
import json

from cable2md.search import index_search
from cable2md.search.pagefind_format import SIGNATURE

PAGE = (
    '<html lang="en"><body><main data-pagefind-body><h1 id="t">05AAA1: Bandung</h1>'
    '<h2 id="text">Text</h2><p id="p1">The Bandung conference of 1955.</p>'
    '<p id="p2">Its heirs met again in 2005.</p></main></body></html>'
)


def fragments(site):
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        yield json.loads(data[len(SIGNATURE) :])


def test_paragraph_anchors_keep_their_places_and_lose_their_second_copy_of_the_text(tmp_path):
    page = tmp_path / "site" / "cables" / "2005" / "05AAA1"
    page.mkdir(parents=True)
    (page / "index.html").write_text(PAGE, encoding="utf-8")
    index_search(tmp_path / "site")
    (fragment,) = fragments(tmp_path / "site")
    anchors = {anchor["id"]: anchor for anchor in fragment["anchors"]}
    assert anchors["t"]["text"] == "05AAA1: Bandung" and anchors["text"]["text"] == "Text"
    assert anchors["p1"]["text"] == anchors["p2"]["text"] == ""
    assert (
        anchors["p1"]["element"] == "p"
        and 0 < anchors["p1"]["location"] < anchors["p2"]["location"]
    )
    assert "The Bandung conference of 1955." in fragment["content"]
    assert "Its heirs met again in 2005." in fragment["content"]
