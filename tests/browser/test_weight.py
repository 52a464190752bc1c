"""The built test site holds the weight targets (tools/weight.py): a cable page's template, a
person page of one cable, and a cold load of a cable page in Chromium, with no other host."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import CABLE_PAGE
from tests.helpers import tool

weight = tool("weight")


def _over(site: Path, pages: list[Path], limit: int, size: Callable[[Path], int]) -> dict:
    """The pages of *site* whose *size* passes *limit*, with that size."""
    return {str(page.relative_to(site)): n for page in pages if (n := size(page)) > limit}


def test_cable_pages_carry_at_most_12_kb_outside_their_article(parted_site):
    pages = weight.cable_pages(parted_site)
    assert len(pages) >= 5
    heavy = _over(
        parted_site, pages, weight.OUTSIDE_ARTICLE,
        lambda page: weight.outside_article(page.read_bytes()),
    )  # fmt: skip
    assert not heavy, f"template bytes over {weight.OUTSIDE_ARTICLE:,}: {heavy}"


def test_a_person_page_of_one_cable_is_at_most_6_kb(parted_site):
    pages = weight.one_cable_person_pages(parted_site)
    assert len(pages) >= 10
    heavy = _over(parted_site, pages, weight.ONE_CABLE_PERSON, lambda page: page.stat().st_size)
    assert not heavy, f"one-cable person pages over {weight.ONE_CABLE_PERSON:,} bytes: {heavy}"


@pytest.mark.parametrize("path", [CABLE_PAGE, "404.html"])  # a page, and a static template
def test_the_template_has_no_inline_icon_and_no_whitespace_runs(parted_site, path):
    # The two things that made the template heavy: an SVG per icon, and indentation.
    html = (parted_site / path).read_bytes()
    if b"<article" in html:
        html = html.replace(html[html.index(b"<article") : html.index(b"</article>")], b"")
    assert b"<svg" not in html
    assert b"\n    " not in html


def test_a_cold_load_of_a_cable_page_is_at_most_150_kb_sent(browser, base_url):
    raw, sent, requested = weight.cold_load(browser, f"{base_url}{CABLE_PAGE}")
    others = [url for url in requested if not url.startswith(base_url)]
    assert not others, f"requests to other hosts: {others}"
    assert len(requested) >= 5  # the page, its stylesheets and scripts
    assert sent <= weight.COLD_LOAD, f"{sent:,} bytes sent ({raw:,} raw) for {requested}"


def test_a_cable_page_lists_its_people_once(parted_site):
    # The side column's copy of the people and topics was a tenth of a cable page.
    html = (parted_site / CABLE_PAGE).read_text(encoding="utf-8")
    named = re.search(r"id=\"?cable-people-title\"?.*?</ul>", html, re.S).group(0)
    people = re.findall(r"href=\"?([^\s\">]*people/[^\s\">]+)", named)
    assert len(people) > 12, "the seed names more than a dozen people"
    template = html.split("<article")[0]  # the header and the side columns
    assert [href for href in people if href in template] == []
