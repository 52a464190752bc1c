"""The lexicon of a search index in parts: which part holds which word (cable2md.search.lexicon)."""

from __future__ import annotations

import json
from pathlib import Path

from cable2md.search import index_search
from cable2md.search.lexicon import file_key

PAGES = {
    "cables/2005/05AAA1": "The Bandung conference of 1955 and its heirs.",
    "cables/2005/05BBB2": "A military band played at the reception; bands of protesters.",
    "cables/2005/05CCC3": "Nothing of either here: agencies, hoping, universities.",
}


def page(text: str) -> str:
    return f'<html lang="en"><body><main data-pagefind-body><p>{text}</p></main></body></html>'


def site_of(folder: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        (folder / path).mkdir(parents=True)
        (folder / path / "index.html").write_text(page(text), encoding="utf-8")
    return folder


def lexicon(site: Path) -> dict[str, int]:
    words = {}
    for path in (site / "pagefind" / "lexicon").glob("*.json"):
        entries = json.loads(path.read_text(encoding="utf-8"))
        assert all(file_key(word) == path.stem for word in entries), path.name
        words.update({word: int(mask, 16) for word, mask in entries.items()})
    return words


def test_each_word_is_listed_with_the_parts_that_hold_it(tmp_path):
    site = site_of(tmp_path / "site", PAGES)
    index_search(site, pages_per_index=1)
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == ["parts/1/", "parts/2/"]
    words = lexicon(site)
    # Pagefind's stems, each with the bit of the one part (page) holding it
    assert words["bandung"] == 0b001
    assert words["band"] == 0b010  # "band" and "bands"
    assert words["agenc"] == words["hope"] == words["universiti"] == 0b100
    assert words["the"] == 0b011
    assert "a" not in words and "of" not in words  # shorter than a file key: every part


def test_every_word_of_every_part_is_in_the_lexicon(tmp_path):
    texts = {f"cables/2006/06X{n}": f"word{n} common shared{n % 2}" for n in range(7)}
    site = site_of(tmp_path / "site", texts)
    index_search(site, pages_per_index=2)
    words = lexicon(site)
    for n in range(7):
        assert words[f"word{n}"] == 1 << (n // 2), n
    assert words["common"] == 0b1111
    assert (words["shared0"], words["shared1"]) == (0b1111, 0b0111)


def test_a_single_index_has_a_lexicon_that_says_which_words_no_cable_holds(tmp_path):
    site = site_of(tmp_path / "site", PAGES)
    index_search(site)
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == []
    lexicon = site / "pagefind" / "lexicon"
    # every letter has its list of word files, so a word no cable holds costs no failed fetch
    assert json.loads((lexicon / "keys" / "78.json").read_text()) == []  # "x"
    assert "62616e" in json.loads((lexicon / "keys" / "62.json").read_text())  # "ban", of band
    for first in (lexicon / "keys").glob("*.json"):
        for key in json.loads(first.read_text()):
            assert (lexicon / f"{key}.json").exists() and key.startswith(first.stem)


def test_coverage_gives_each_parts_years_and_cables(tmp_path):
    texts = {
        "cables/1989/89A1": "one",
        "cables/2005/05B2": "two",
        "cables/2006/06C3": "three",
        "cables/2010/10D4": "four",
        "cables/2010/10E5": "five",
    }
    site = site_of(tmp_path / "site", texts)
    index_search(site, pages_per_index=2)
    coverage = json.loads((site / "pagefind" / "coverage.json").read_text())
    assert coverage == [
        {"from": "1989", "to": "2005", "cables": 2},
        {"from": "2006", "to": "2010", "cables": 2},
        {"from": "2010", "to": "2010", "cables": 1},
    ]


def test_a_part_holds_its_index_and_the_engine_not_the_interfaces(tmp_path):
    site = site_of(tmp_path / "site", PAGES)
    index_search(site, pages_per_index=1)
    first = {path.name for path in (site / "pagefind").iterdir()}
    part = {path.name for path in (site / "pagefind" / "parts" / "1").iterdir()}
    assert {"pagefind-ui.js", "pagefind-ui.css", "pagefind.js"} <= first
    assert {"pagefind.js", "pagefind-entry.json", "fragment", "index"} <= part
    assert not {name for name in part if name.startswith(("pagefind-ui", "pagefind-highlight"))}
