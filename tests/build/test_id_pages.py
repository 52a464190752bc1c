"""A cable's id on its page: where it comes from, and a page at the release's id when the
text reads another, so both addresses (and both ids in search) lead to the cable."""

from __future__ import annotations

import re
import shutil

import yaml

from cable2md.build import build
from tests.helpers import DATED_MADRID, SEED, build_site


def _front(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def _archive(tmp_path):
    cables = tmp_path / "cables"
    (cables / "2004").mkdir(parents=True)
    (cables / "2004" / "04MADRID2999.txt").write_text(DATED_MADRID, encoding="utf-8")
    (cables / "2005").mkdir()
    shutil.copy(SEED, cables / "2005" / SEED.name)
    return cables


def test_the_page_says_where_its_id_comes_from_and_the_release_id_leads_to_it(tmp_path):
    docs = tmp_path / "docs"
    build(_archive(tmp_path), docs)
    page = (docs / "cables" / "2004" / "04MADRID2164.md").read_text(encoding="utf-8")
    front = _front(page)
    assert (front["id"], front["id_source"], front["filed_as"]) == ("04MADRID2164", "text", "04MADRID2999")  # fmt: skip
    assert (
        "| **Id** | 04MADRID2164, as its text reads; filed in the release as 04MADRID2999 |" in page
    )
    redirect = (docs / "cables" / "2004" / "04MADRID2999.md").read_text(encoding="utf-8")
    assert _front(redirect)["template"] == "redirect.html"
    assert _front(redirect)["target"] == "cables/2004/04MADRID2164.md"
    seed = (docs / "cables" / "2005" / "05TOKYO1349.md").read_text(encoding="utf-8")
    assert _front(seed)["id_source"] == "file"
    assert "| **Id** | 05TOKYO1349, from the release (the text gives no date) |" in seed


def test_the_site_sends_the_release_address_to_the_cable(tmp_path):
    site = tmp_path / "site"
    done = build_site(site, _archive(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    redirect = (site / "cables" / "2004" / "04MADRID2999" / "index.html").read_text()
    metas = re.findall(r"<meta\b[^>]*>", redirect)
    assert any(
        re.search(r'http-equiv="?refresh', meta) and '"0; url=../04MADRID2164/"' in meta
        for meta in metas
    ), metas
    assert "The release files this cable as 04MADRID2999; its text reads" in redirect
    assert (site / "cables" / "2004" / "04MADRID2164" / "index.html").exists()
