"""The cable search over an index in parts, as a large archive has it: the page merges only the
parts that hold the query's words (assets/cable-search.js, cable2md.search.lexicon)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cable2md.search.pagefind_format import index_entries
from tests.helpers import FIXTURE_CABLES, SEED, expect, open_page, result_count

pytestmark = pytest.mark.browser

CABLE = "cables/2005/05TOKYO1349/"
TRICKY = (
    "hoping happy agencies dying lying skies news gently early only generously sensational "
    "relational consolidated organization international universities evening added emergency"
)


def metadata_fetched(requests: list[str]) -> list[str]:
    return [url for url in requests if url.endswith(".pf_meta")]


def test_a_rare_word_is_answered_by_its_part_alone(page, parted_url):
    """Eight parts of one cable each: the seven without "Bandung" would answer with prefix
    matches ("b...") if merged; the page asks only the seed's part, and fetches only its
    metadata. The word arrives whole: typed key by key on a loaded machine, a pause after
    "Ba" would search that prefix first, in every part (a word under three letters is not in
    the lexicon)."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, parted_url, "search/")
    page.locator("#cable-search-query").fill("Bandung")
    results = page.locator(".pagefind-ui__results")
    expect(results).to_contain_text("05TOKYO1349", timeout=30_000)
    assert result_count(page) == 1
    assert len(metadata_fetched(requests)) == 1
    assert [url for url in requests if "/lexicon/" in url]
    assert page.url.endswith("search/?query=Bandung")


def test_a_common_word_is_first_searched_in_the_newest_part_holding_it(
    page, parted_url, screenshots
):
    """The seed and four fixtures say "minister" (or "ministers", "ministerial": one stem):
    the first answer merges no part, the note names the four others, and ticking "Search all
    parts" merges the five."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, parted_url, "search/?query=minister")
    expect(page.locator("#cable-search-query")).to_have_value("minister")
    assert result_count(page) == 1
    assert len(metadata_fetched(requests)) == 1
    note = page.locator("#cable-search-note")
    expect(note).to_contain_text(
        "newest part of the index that can hold your words (1 cable of 2009)"
    )
    expect(note).to_contain_text("4 older parts (4 cables of 1973\u20132009)")
    page.screenshot(path=str(screenshots / "search-in-parts.png"), full_page=True)
    page.locator("#cable-search-all").check()
    expect(page.locator(".pagefind-ui__message")).to_contain_text("5 results for minister")
    assert len(set(metadata_fetched(requests))) == 5
    expect(note).to_contain_text("Searched the 5 parts of the index that can hold your words")
    expect(note).to_contain_text("(5 cables of 1973\u20132009)")
    assert page.url.endswith("search/?query=minister&all=1")


def test_a_short_prefix_is_searched_in_one_part(page, parted_url):
    """Under three letters a word is not in the lexicon, so every part might hold it; as the
    reader types, the pause after two letters must not fetch every part."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, parted_url, "search/")
    page.locator("#cable-search-query").fill("mi")
    message = page.locator(".pagefind-ui__message")
    expect(message).to_contain_text(re.compile(r"results? for mi$"), timeout=30_000)
    assert len(metadata_fetched(requests)) == 1
    expect(page.locator("#cable-search-note")).to_contain_text("7 older parts")


def test_a_facet_stays_chosen_when_new_words_change_the_parts(page, parted_url):
    open_page(page, parted_url, "search/?all=1")
    expect(page.locator("#cable-search-all")).to_be_checked()
    query = page.locator("#cable-search-query")
    query.press_sequentially("minister", delay=30)
    assert result_count(page) == 5
    page.locator(".pagefind-ui__filter-name", has_text="Classification").click()
    page.locator("label.pagefind-ui__filter-label", has_text=re.compile(r"^SECRET \(")).click()
    expect(page.locator("#classification-SECRET")).to_be_checked()
    query.press("End")
    query.press_sequentially(" Bandung", delay=30)
    results = page.locator(".pagefind-ui__results")
    expect(results).to_contain_text("05TOKYO1349", timeout=30_000)
    expect(page.locator(".pagefind-ui__message")).to_contain_text("minister Bandung")
    assert result_count(page) == 1
    page.locator(".pagefind-ui__filter-name", has_text="Classification").click()
    expect(page.locator("#classification-SECRET")).to_be_checked()
    results.locator("a", has_text="05TOKYO1349").first.click()
    page.wait_for_url(re.compile(re.escape(CABLE) + r"#p\d+$"))


def pagefind_stems(folder: Path, words: list[str]) -> dict[str, str]:
    """What Pagefind indexes each word as: one page of the words in order, each word's stem
    found by its position in the index."""
    site = folder / "site"
    site.mkdir()
    body = " ".join(words)
    (site / "index.html").write_text(
        f'<html lang="en"><body><main data-pagefind-body><p>{body}</p></main></body></html>',
        encoding="utf-8",
    )
    bundle = folder / "bundle"
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
         "--silent"],
        check=True,
    )  # fmt: skip
    at: dict[int, str] = {}
    for stem, postings, *_ in index_entries(bundle):
        for _page, locations, *_ in postings:
            position = 0
            for location in locations:
                if location >= 0:  # negative numbers set a weight
                    position += location
                    at[position] = stem
    assert len(at) == len(words)
    return {word: at[position] for position, word in enumerate(words)}


def test_the_page_stems_words_as_pagefind_does(page, parted_url, tmp_path):
    """The lexicon holds Pagefind's stems; the page finds a query word by its own stem as a
    prefix of them, so that stem must be Pagefind's or a prefix of it, for every word."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURE_CABLES.glob("*.txt"))]
    texts.append((SEED).read_text(encoding="utf-8"))
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(texts) + TRICKY)})
    assert len(words) > 1000
    expected = pagefind_stems(tmp_path, words)
    open_page(page, parted_url, "search/")
    ours = page.evaluate(
        "words => { const s = new EnglishStemmer(); return words.map(w => s.stemWord(w)); }",
        words,
    )
    pairs = [(word, expected[word], stem) for word, stem in zip(words, ours, strict=True)]
    assert [pair for pair in pairs if not pair[1].startswith(pair[2])] == []
    same = sum(theirs == stem for _word, theirs, stem in pairs)
    assert same >= 0.99 * len(words), f"{len(words) - same} stems differ"
