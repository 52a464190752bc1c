"""The built site as a reader sees it in a real browser (headless Chromium via Playwright).

Run: ``NO_MKDOCS_2_WARNING=1 .venv/bin/python -m pytest -q tests/browser``. Full-page
screenshots land in ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import gzip
import json
import re
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import SEED, expect, open_page, result_count

pytestmark = pytest.mark.browser

CABLE = "cables/2005/05TOKYO1349/"
PERSON = "people/tsuneo-nishida/"
SECRET_RED = "rgb(200, 16, 46)"


def test_cable_page_shows_the_secret_banner_top_and_bottom(page, base_url):
    open_page(page, base_url, CABLE)
    top = page.locator(".cable-banner--top")
    bottom = page.locator(".cable-banner--bottom")
    expect(top).to_be_visible()
    expect(top).to_have_text(re.compile(r"^\s*SECRET\b.*SIPDIS\s*$"))
    expect(bottom).to_have_text(re.compile(r"^\s*SECRET\b"))
    assert top.evaluate("e => getComputedStyle(e).backgroundColor") == SECRET_RED
    # The top banner comes before the title, the bottom one after the text.
    order = page.evaluate(
        """() => {
          const at = s => [...document.querySelectorAll('*')].indexOf(document.querySelector(s));
          return [at('.cable-banner--top'), at('.cable-body h1'), at('#p29'), at('.cable-banner--bottom')];
        }"""
    )
    assert order == sorted(order) and -1 not in order, order
    expect(page).to_have_title(re.compile(r"^05TOKYO1349: U\.S\.-JAPAN INFORMAL POLICY"))


def test_marking_badges_take_the_colour_of_their_level(page, base_url):
    open_page(page, base_url, CABLE)
    secret = page.locator("#p2 abbr")
    expect(secret).to_have_text("S")
    assert secret.evaluate("e => getComputedStyle(e).backgroundColor") == SECRET_RED
    confidential = page.locator("#p3 abbr")
    assert confidential.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(0, 51, 160)"


def test_paragraph_anchor_scrolls_paragraph_into_view(page, base_url):
    open_page(page, base_url, CABLE + "#p19")
    paragraph = page.locator("#p19")
    expect(paragraph).to_have_count(1)
    expect(paragraph).to_contain_text("19.")
    page.wait_for_function("() => window.scrollY > 0")
    box = paragraph.bounding_box()
    viewport = page.viewport_size
    assert box is not None
    assert 0 <= box["y"] < viewport["height"], box
    assert box["y"] + min(box["height"], 40) <= viewport["height"], box
    # The paragraph's number is its permalink.
    number = paragraph.locator("a[href^='#p']")
    expect(number).to_have_text("19.")
    expect(number).to_have_attribute("href", "#p19")


def test_participant_link_opens_the_person_page(page, base_url):
    open_page(page, base_url, CABLE)
    table = page.locator("table").filter(has=page.locator("th", has_text="Side"))
    link = table.get_by_role("link", name="Tsuneo Nishida", exact=True)
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_url(re.compile(re.escape(PERSON) + r"$"))
    expect(page.locator("article h1")).to_have_text("Tsuneo Nishida")
    cable_link = page.locator("article").get_by_role("link", name="05TOKYO1349", exact=True).first
    expect(cable_link).to_be_visible()
    cable_link.click()
    page.wait_for_url(re.compile(re.escape(CABLE) + r"$"))


@pytest.mark.parametrize("start", ["", "people/"])
def test_the_header_box_searches_the_cables_with_pagefind(page, base_url, start):
    """One search everywhere: the header's box opens the search page with its words."""
    open_page(page, base_url, start)
    query = page.locator("header input[name='query']")
    query.fill("Bandung")
    query.press("Enter")
    page.wait_for_url(re.compile(r"search/\?query=Bandung$"))
    expect(page.locator(".pagefind-ui__results")).to_contain_text("05TOKYO1349", timeout=30_000)


def test_the_home_box_searches_the_cables_with_pagefind(page, base_url, site_dir):
    assert not (site_dir / "search" / "search_index.json").exists()  # no lunr index to load
    open_page(page, base_url)
    query = page.locator("form.home-search input[name='query']")
    query.fill("Nishida")
    query.press("Enter")
    page.wait_for_url(re.compile(r"search/\?query=Nishida$"))
    expect(page.locator(".pagefind-ui__results")).to_contain_text("05TOKYO1349", timeout=30_000)


def test_cable_search_with_a_facet(page, base_url):
    open_page(page, base_url, "search/")
    page.locator("#cable-search-query").press_sequentially("Bandung", delay=30)
    results = page.locator(".pagefind-ui__results")
    expect(results).to_contain_text("05TOKYO1349", timeout=30_000)
    everything = result_count(page)
    page.locator(".pagefind-ui__filter-name", has_text="Classification").click()
    secret = page.locator("label.pagefind-ui__filter-label", has_text=re.compile(r"^SECRET \("))
    expect(secret).to_be_visible()
    secret.click()
    expect(page.locator("#classification-SECRET")).to_be_checked()
    expect(results).to_contain_text("05TOKYO1349", timeout=30_000)
    assert result_count(page) <= everything
    page.locator(".pagefind-ui__filter-name", has_text="Year").click()
    expect(page.locator("label.pagefind-ui__filter-label", has_text="2005")).to_be_visible()
    results.locator("a", has_text="05TOKYO1349").first.click()
    page.wait_for_url(re.compile(re.escape(CABLE) + r"#p\d+$"))
    expect(page.locator(".cable-banner").first).to_contain_text("SECRET")


def test_a_result_links_to_the_paragraph_that_holds_the_word(page, base_url, site_dir):
    html = (site_dir / CABLE / "index.html").read_text(encoding="utf-8")
    # A paragraph's end tag is left out where the next block's start ends it.
    paragraphs = re.findall(r'<p\b[^>]*\bid="?(p\d+)"?[^>]*>(.*?)(?=</p>|<p\b|</div>)', html, re.S)
    holding = [ident for ident, text in paragraphs if "Bandung" in text]
    assert holding, "the seed's page has no paragraph with Bandung"
    open_page(page, base_url, "search/?query=Bandung")
    title = page.locator(".pagefind-ui__result-title a").first
    expect(title).to_have_attribute("href", re.compile(rf"#{holding[0]}$"), timeout=30_000)
    # each matched section links to its paragraph too, named by its number
    for sub in page.locator(".pagefind-ui__result-nested a").all():
        assert re.search(r"#p\d+$", sub.get_attribute("href")), sub.get_attribute("href")
        assert sub.inner_text().startswith("\u00b6")
    title.click()
    page.wait_for_url(re.compile(rf"{re.escape(CABLE)}#{holding[0]}$"))
    expect(page.locator(f"#{holding[0]}")).to_be_in_viewport()


@pytest.mark.parametrize("word", ["Kissinger", "xyzzyq"])
def test_a_word_no_cable_holds_is_said_before_any_near_match(page, base_url, word):
    open_page(page, base_url, f"search/?query={word}")
    note = page.locator("#cable-search-note")
    expect(note).to_have_text(
        f"No cable contains \u201c{word}\u201d. The results below are near matches, not that word.",
        timeout=30_000,
    )


def test_a_word_cables_hold_gets_no_such_note(page, base_url):
    open_page(page, base_url, "search/?query=Nishida")
    expect(page.locator(".pagefind-ui__results")).to_contain_text("05TOKYO1349", timeout=30_000)
    expect(page.locator("#cable-search-note")).not_to_contain_text("No cable contains")


def test_a_ticked_filter_and_the_sort_survive_a_reload(page, base_url):
    open_page(page, base_url, "search/?query=Bandung")
    results = page.locator(".pagefind-ui__results")
    expect(results).to_contain_text("05TOKYO1349", timeout=30_000)
    # each result says when, from where and at what classification
    first = page.locator(".pagefind-ui__result").first
    expect(first).to_contain_text("Embassy Tokyo")
    expect(first).to_contain_text("SECRET")
    page.locator(".pagefind-ui__filter-name", has_text="Classification").click()
    page.locator("label.pagefind-ui__filter-label", has_text=re.compile(r"^SECRET \(")).click()
    page.select_option("#cable-search-sort", "newest")
    page.wait_for_url(re.compile(r"f\.classification=SECRET"))
    assert "sort=newest" in page.url
    page.reload()
    expect(page.locator("#classification-SECRET")).to_be_checked(timeout=30_000)
    expect(page.locator("#cable-search-sort")).to_have_value("newest")
    expect(results).to_contain_text("05TOKYO1349", timeout=30_000)


def test_search_page_takes_a_query_from_its_address(page, base_url):
    open_page(page, base_url, "search/?query=Nishida")
    expect(page.locator("#cable-search-query")).to_have_value("Nishida")
    expect(page.locator(".pagefind-ui__results")).to_contain_text("05TOKYO1349", timeout=30_000)


def _archive_rows(site_dir: Path) -> list[dict]:
    """The site's own data file: what the home page and the feed must show, for the repo's
    archive and for a prebuilt one (CABLE2MD_TEST_SITE) alike."""
    return json.loads(gzip.decompress((site_dir / "data" / "cables.json.gz").read_bytes()))


def test_home_timeline_renders_bars(page, base_url, site_dir):
    rows = _archive_rows(site_dir)
    open_page(page, base_url)
    timeline = page.locator("svg.cable-timeline")
    expect(timeline).to_be_visible()
    bars = timeline.locator(".timeline-bar")
    assert bars.count() >= 1
    heights = [bars.nth(i).bounding_box()["height"] for i in range(bars.count())]
    assert max(heights) > 10, heights
    expect(timeline.locator("a[href$='dates/2005/']")).to_have_count(1)
    cables = f"{len(rows):,} cable{'s' if len(rows) != 1 else ''}"
    expect(page.locator(".home-stats")).to_contain_text(cables)
    expect(page.locator(".home-newest")).to_contain_text(rows[-1]["id"])
    for way in ("By date", "By post", "By topic", "People", "By classification"):
        expect(page.locator(".home-ways")).to_contain_text(way)


def test_dark_mode_toggle_switches_scheme_and_back(page, base_url):
    open_page(page, base_url, CABLE)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle = page.locator("form[data-md-component='palette'] label:not([hidden])")

    def click_until(scheme: str) -> None:
        for _ in range(3):
            if body.get_attribute("data-md-color-scheme") == scheme:
                return
            toggle.first.click()
        expect(body).to_have_attribute("data-md-color-scheme", scheme)

    click_until("slate")
    background = page.locator(".md-main").evaluate(
        "e => getComputedStyle(document.body).backgroundColor"
    )
    assert background != "rgb(255, 255, 255)"
    click_until("default")


def test_dark_mode_follows_the_system(browser, base_url, errors):
    context = errors.context(browser, color_scheme="dark")
    try:
        page = context.new_page()
        errors.watch(page)
        open_page(page, base_url)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    finally:
        context.close()
    assert not errors, errors


def test_original_text_is_linked_viewable_and_downloadable(page, base_url):
    open_page(page, base_url, CABLE)
    view = page.locator(".cable-actions a", has_text="Original text")
    assert view.get_attribute("href") == "../../../original/?file=cables/2005/05TOKYO1349.txt"
    packed = page.locator(".cable-original a[type='application/gzip']")
    assert packed.get_attribute("href") == "../05TOKYO1349.txt.gz"
    with urllib.request.urlopen(base_url + "cables/2005/05TOKYO1349.txt.gz") as response:
        released = gzip.decompress(response.read())
    assert released == SEED.read_bytes()
    # the Download action saves the file as released, byte for byte, under its own name
    with page.expect_download() as saving:
        page.locator(".cable-actions a", has_text="Download").click()
    download = saving.value
    assert download.suggested_filename == "05TOKYO1349.txt"
    assert Path(download.path()).read_bytes() == released


def test_cite_and_correction(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page, base_url, CABLE)
    chicago = page.locator("#cite-chicago")
    expect(chicago).to_contain_text("Embassy Tokyo.")
    expect(chicago).to_contain_text("05TOKYO1349")
    expect(chicago).to_contain_text("cables/2005/05TOKYO1349/")
    expect(page.locator("#cite-bibtex")).to_contain_text("@misc{cable05TOKYO1349,")
    button = page.locator("button[data-copy='cite-bibtex']")
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("@misc{cable05TOKYO1349,") and copied.rstrip().endswith("}")
    correction = page.locator(".cable-actions a", has_text="Propose a correction")
    expect(correction).to_have_attribute(
        "href",
        re.compile(
            r"^https://github\.com/.+/issues/new\?template=transcription-error\.md"
            r"&title=Transcription%20error%20in%2005TOKYO1349$"
        ),
    )


def test_link_preview_metadata_and_feed(page, base_url, site_dir):
    open_page(page, base_url, CABLE)
    og_title = page.locator("meta[property='og:title']")
    expect(og_title).to_have_attribute("content", re.compile(r"^05TOKYO1349: "))
    assert page.locator("meta[property='og:description']").count() == 0  # the description serves
    description = page.locator("meta[name='description']")
    expect(description).to_have_attribute("content", re.compile(r"Tsuneo Nishida"))
    expect(page.locator("meta[name='twitter:card']")).to_have_attribute("content", "summary")
    assert page.locator("link[rel=alternate]").count() == 0  # feed readers look on the home page
    open_page(page, base_url)
    feed = page.locator("link[rel='alternate'][type='application/atom+xml']")
    href = feed.get_attribute("href")
    assert href and href.endswith("feed.xml")
    with urllib.request.urlopen(base_url + "feed.xml") as response:
        assert _archive_rows(site_dir)[-1]["id"].encode() in response.read()


def test_cable_pages_stay_out_of_the_sidebar(page, base_url):
    open_page(page, base_url)
    assert page.locator(".md-nav a[href*='cables/']").count() == 0


def test_print_hides_chrome_and_keeps_both_banners(page, base_url):
    open_page(page, base_url, CABLE)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".cable-actions"):
        assert page.locator(selector).first.is_hidden(), selector
    expect(page.locator(".cable-banner--top")).to_be_visible()
    expect(page.locator(".cable-banner--bottom")).to_be_visible()
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


def test_pages_log_no_errors(page, base_url, errors):
    for path in (
        "",
        CABLE,
        PERSON,
        "people/",
        "topics/",
        "topics/prel/",
        "posts/tokyo/",
        "dates/",
        "dates/2005/",
        "classifications/secret/",
        "about/",
        "404.html",
    ):
        open_page(page, base_url, path)
        page.wait_for_load_state("networkidle")
    assert not errors, errors


def test_screenshots(browser, base_url, screenshots, errors):
    """Full-page pictures of the home, cable, person and search pages, light and dark, for a
    human to look at."""
    for scheme in ("light", "dark"):
        context = errors.context(
            browser, viewport={"width": 1280, "height": 900}, color_scheme=scheme
        )
        try:
            page = context.new_page()
            errors.watch(page)
            pages = (("home", ""), ("cable", CABLE), ("person", PERSON),
                     ("search", "search/?query=Bandung"))  # fmt: skip
            for name, path in pages:
                open_page(page, base_url, path)
                if name == "search":
                    page.locator(".pagefind-ui__result").first.wait_for(timeout=30_000)
                page.wait_for_load_state("networkidle")
                suffix = "" if scheme == "light" else "-dark"
                target = screenshots / f"{name}{suffix}.png"
                page.screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 10_000
        finally:
            context.close()
    context = errors.context(browser, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        errors.watch(page)
        open_page(page, base_url, CABLE)
        page.screenshot(path=str(screenshots / "cable-mobile.png"), full_page=True)
    finally:
        context.close()
    assert not errors, errors


def test_markup_in_cable_text_is_shown_never_run(page, hostile_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("", "cables/2005/05TOKYO9999/", "posts/tokyo/", "topics/prel/"):
        open_page(page, hostile_url, path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("article img[src='x']").count() == 0, path
    assert not dialogs
    open_page(page, hostile_url, "cables/2005/05TOKYO9999/")
    expect(page.locator(".cable-body table").first).to_contain_text(
        "<script>window.__xss=1</script>"
    )
    expect(page.locator("#p1")).to_contain_text("</style><script>window.__xss=3</script> {{ 7*7 }}")
    expect(page.locator("#cite-chicago")).to_contain_text(
        '<script>window.__xss=1</script> "QUOTED" &'
    )
    expect(page.locator("#cite-bibtex")).to_contain_text(r"window.\_\_xss=1")
    expect(page.locator(".cable-banner--top")).to_have_text(re.compile(r"UNCLASSIFIED"))
    assert page.locator("script:not([src])", has_text="__xss").count() == 0


def test_the_original_text_reads_with_linkable_line_numbers(page, base_url):
    open_page(page, base_url, CABLE)
    page.locator("a.cable-action", has_text="Original text").click()
    page.wait_for_url(re.compile(r"original/\?file=cables(%2F|/)2005(%2F|/)05TOKYO1349\.txt$"))
    line = page.locator("#L3")
    expect(line).to_contain_text("SECRET  SECTION  01  OF  07  TOKYO  001349")
    expect(line.locator("a.original-number")).to_have_attribute("href", "#L3")
    expect(page.locator("#original-source")).to_contain_text("05TOKYO1349.txt")
    # the text is data: a line holding markup shows it as characters
    assert page.locator(".original-lines script, .original-lines b").count() == 0


def test_the_original_page_refuses_a_file_outside_the_cables(page, base_url):
    open_page(page, base_url, "original/?file=../../etc/passwd")
    expect(page.locator("#original-error")).to_contain_text("No cable named")
    assert page.locator(".original-lines li").count() == 0


def test_a_phone_first_screen_shows_the_subject_and_the_text(phone, page, base_url):
    open_page(phone, base_url, CABLE)
    subject = phone.locator(".cable-body h1").bounding_box()
    first = phone.locator("#p1").bounding_box()
    fields = phone.locator(".cable-body .md-typeset__scrollwrap").first.bounding_box()
    assert subject["y"] + subject["height"] <= 844
    assert first["y"] < 844, f"the text starts below the first screen, at {first['y']}"
    assert fields["y"] > first["y"], "the header fields come before the text on a phone"
    people = phone.locator("#participants")
    if people.count():  # the sections after the text follow the header fields
        assert people.bounding_box()["y"] > fields["y"]
    # on a wide screen the header fields stay above the text
    open_page(page, base_url, CABLE)
    fields = page.locator(".cable-body .md-typeset__scrollwrap").first.bounding_box()
    assert fields["y"] < page.locator("#p1").bounding_box()["y"]


def test_a_phrase_in_quotes_matches_those_words_in_that_order(page, base_url):
    open_page(page, base_url, 'search/?query="Bandung Conference"')
    expect(page.locator(".pagefind-ui__results")).to_contain_text("05TOKYO1349", timeout=30_000)
    assert result_count(page) == 1
    expect(page.locator("#cable-search-note")).not_to_contain_text("No cable contains")
    open_page(page, base_url, 'search/?query="Conference Bandung"')
    expect(page.locator(".pagefind-ui__message")).to_contain_text("No results", timeout=30_000)


def test_a_long_filter_list_can_be_searched_and_people_filter_the_results(page, parted_url):
    """The fixtures and the seed: "minister" is in five cables, which carry 20 TAGS; the
    person filter lists the people seen in more than one cable of the archive alone."""
    open_page(page, parted_url, "search/?query=minister&all=1")
    assert result_count(page) == 5
    page.locator(".pagefind-ui__filter-name", has_text="Tag").click()
    tags = page.locator(".pagefind-ui__filter-value:has(input[name=tag])")
    assert tags.count() >= 8
    find = page.locator(".cable-filter-find[placeholder='Find a tag']")
    find.fill("pgo")
    shown = page.locator(".pagefind-ui__filter-value:has(input[name=tag]):visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("PGOV")
    find.fill("")
    expect(shown).to_have_count(tags.count())  # an empty box shows the whole list again
    page.locator(".pagefind-ui__filter-name", has_text="Person").click()
    people = page.locator("input[name=person]")
    assert sorted(people.evaluate_all("els => els.map(e => e.value)")) == [
        "Gordan Jandrokovic", "Robert A. Bradtke",
    ]  # fmt: skip
    page.locator("label.pagefind-ui__filter-label", has_text="Gordan Jandrokovic").click()
    page.wait_for_url(re.compile(r"f\.person=Gordan\+Jandrokovic"))
    assert result_count(page) == 2
    expect(page.locator(".pagefind-ui__results")).to_contain_text("09ZAGREB10")
    page.reload()
    expect(page.locator("input[name=person][value='Gordan Jandrokovic']")).to_be_checked(
        timeout=30_000
    )


@pytest.mark.parametrize("path", ["topics/prel/", "people/tsuneo-nishida/", "posts/tokyo/"])
def test_lists_of_cables_fit_a_phone_without_sideways_scrolling(phone, base_url, path):
    open_page(phone, base_url, path)
    cables = phone.locator("article a[href*='cables/2005/05TOKYO1349']").first
    expect(cables).to_be_visible()
    box = cables.bounding_box()
    assert box["x"] + box["width"] <= 390
    wide = phone.evaluate(
        """() => [...document.querySelectorAll('article table, .md-typeset__scrollwrap')]
             .filter(el => el.scrollWidth > el.clientWidth + 1).length"""
    )
    assert wide == 0, f"{wide} tables scroll sideways on {path}"
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize(
    ("path", "way"), [("people/tsuneo-nishida/", "People"), ("topics/prel/", "By topic")]
)
def test_pages_under_a_way_in_keep_it_in_the_side_column(page, base_url, path, way):
    open_page(page, base_url, path)
    marked = page.locator(".md-sidebar--primary a[aria-current='true']")
    expect(marked).to_have_text(way)
    expect(marked).to_be_visible()
    # a cable's side column holds the ways in (no tabs repeat them), none of them marked
    open_page(page, base_url, CABLE)
    expect(page.locator(".md-sidebar--primary nav a", has_text=way)).to_be_visible()
    expect(page.locator(".md-sidebar--primary a[aria-current]")).to_have_count(0)
    expect(page.locator(".md-tabs")).to_have_count(0)


def test_the_home_page_figures_and_timeline_read_on_a_phone(phone, base_url):
    open_page(phone, base_url)
    figures = phone.locator("ul.home-stats > li")
    lefts = [figures.nth(n).bounding_box()["x"] for n in range(figures.count())]
    assert len(lefts) >= 4 and lefts[0] == lefts[2], f"rows start at {lefts}"
    label = phone.locator(".cable-timeline .timeline-label").last
    assert label.bounding_box()["height"] >= 9, "timeline labels too small to read"
    card, box = phone.locator(".home-timeline").bounding_box(), label.bounding_box()
    # the newest years are in the card's view, not scrolled off to its right
    assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"]
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
