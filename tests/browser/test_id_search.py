"""Both ids of a cable the release files under another id than its text reads lead to it:
a search for the release's id finds the page, and the release id's address redirects to it."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.helpers import DATED_MADRID, SEED, build_site, expect, open_page, serve


@pytest.fixture(scope="module")
def filed_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("filed")
    cables = base / "cables"
    (cables / "2004").mkdir(parents=True)
    (cables / "2004" / "04MADRID2999.txt").write_text(DATED_MADRID, encoding="utf-8")
    (cables / "2005").mkdir()
    shutil.copy(SEED, cables / "2005" / SEED.name)
    site = base / "site"
    result = build_site(site, cables)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


def test_a_search_for_the_release_id_finds_the_cable(page, filed_url):
    open_page(page, filed_url, "search/?query=04MADRID2999")
    results = page.locator(".pagefind-ui__results")
    expect(results).to_contain_text("04MADRID2164", timeout=30_000)


def test_the_release_ids_address_leads_to_the_cable(page, filed_url):
    page.goto(filed_url + "cables/2004/04MADRID2999/", wait_until="load")
    page.wait_for_url(re.compile(r"cables/2004/04MADRID2164/$"), timeout=10_000)
    expect(page.locator(".cable-banner").first).to_contain_text("CONFIDENTIAL")
