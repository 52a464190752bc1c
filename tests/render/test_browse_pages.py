"""Browse pages that stay small at the release's scale: the people index (one page for a small
archive, pages by initial letters past a page's worth) and a person's titles."""

from __future__ import annotations

import re

import pytest

from cable2md.archive import build_index
from cable2md.parse import Appearance, IndexRow
from cable2md.parse.index_row import resolved
from cable2md.render import browse, indexes, paths
from tests.helpers import index_row

NAMES = ["Ann Adams", "Bob Abbott", "Carl Acre", "Dan Baker", "Eva Ölz", "Agent 51"]


def _index(names: list[str]):
    return build_index([index_row(number, names=[name]) for number, name in enumerate(names, 1)])


def _people_on(text: str) -> list[str]:
    return re.findall(r"^\| \[([^\]]+)\]\(\.\./", text, re.MULTILINE)


def test_a_small_archive_lists_everyone_on_the_index():
    pages = dict(indexes.people_index(_index(NAMES)))
    assert list(pages) == ["people/index.md"]
    assert "6 people, filed by family name" in pages["people/index.md"]
    assert pages["people/index.md"].count("](") == len(NAMES)


@pytest.mark.parametrize(
    ("page", "people"),
    [
        ("people/index/ab.md", ["Bob Abbott"]),
        ("people/index/ac.md", ["Carl Acre"]),
        ("people/index/ad.md", ["Ann Adams"]),
        ("people/index/b.md", ["Dan Baker"]),
        ("people/index/o.md", ["Eva Ölz"]),  # filed without its accent
        ("people/index/other-names.md", ["Agent 51"]),
    ],
)
def test_past_a_page_the_index_is_split_by_surname_letters(monkeypatch, page, people):
    monkeypatch.setattr(indexes, "PEOPLE_PER_PAGE", 2)
    pages = dict(indexes.people_index(_index(NAMES)))
    assert _people_on(pages[page]) == people
    assert "[All people](../index.md)" in pages[page]


def test_the_split_index_links_every_page_once_and_lists_no_person(monkeypatch):
    monkeypatch.setattr(indexes, "PEOPLE_PER_PAGE", 2)
    pages = dict(indexes.people_index(_index(NAMES)))
    index = pages.pop("people/index.md")
    linked = re.findall(r"\]\((index/[a-z-]+\.md)\)", index)
    assert sorted(f"people/{link}" for link in linked) == sorted(pages)
    assert linked[-1] == "index/other-names.md"  # names with no initial letter come last
    assert "Abbott" not in index and "6 people. By family name:" in index
    on_pages = [name for text in pages.values() for name in _people_on(text)]
    assert sorted(on_pages) == sorted(NAMES)


def test_a_prefix_with_more_names_than_a_page_takes_one_letter_more(monkeypatch):
    monkeypatch.setattr(indexes, "PEOPLE_PER_PAGE", 2)
    names = ["Al Abbott", "Bo Abel", "Cy Abner", "Di Ace", "Ed Ab"]
    pages = dict(indexes.people_index(_index(names)))
    assert sorted(pages) == [
        "people/index.md", "people/index/ab.md", "people/index/abb.md", "people/index/abe.md",
        "people/index/abn.md", "people/index/ac.md",
    ]  # fmt: skip
    assert _people_on(pages["people/index/ab.md"]) == ["Ed Ab"]  # no letter left to split by


@pytest.mark.parametrize(("count", "linked", "more"), [(3, 3, None), (12, 10, "and 2 more")])
def test_a_title_links_its_first_cables_only(count, linked, more):
    cables = []
    for number in range(1, count + 1):
        ident = f"09POST{number}"
        seen = (
            (
                "Carol Reynolds",
                Appearance(ident, "mentioned", "Ambassador", None, "Carol Reynolds"),
            ),
        )
        cables.append(
            IndexRow(
                ident, f"{ident}.txt", f"2009-01-{number:02d}", None, "Embassy Post", "POST",
                "SECRET", (), (), "Subject", False, (), "", seen, resolved(seen),
            )
        )  # fmt: skip
    ((_path, page),) = [
        p for p in browse.person_pages(build_index(cables)) if p[0].endswith("reynolds.md")
    ]
    row = next(line for line in page.splitlines() if line.startswith("- Ambassador: "))
    assert row.count("](") == linked
    assert (more in row) if more else "more" not in row


def test_each_index_page_has_a_bar_of_initials(monkeypatch):
    monkeypatch.setattr(indexes, "PEOPLE_PER_PAGE", 2)
    pages = dict(indexes.people_index(_index(NAMES)))
    bar = next(line for line in pages["people/index/b.md"].splitlines() if "**B**" in line)
    # Each initial links its first page; the page's own initial is not a link.
    assert bar == "[A](ab.md) · **B** · [O](o.md) · [other names](other-names.md)"


def test_a_person_or_topic_named_index_never_takes_the_index_page():
    index = _index(["Index", "Ann Adams"])
    assert sorted(index.people) == ["ann-adams", "index-2"]
    pages = dict(browse.person_pages(index)) | dict(indexes.people_index(index))
    assert "Index" in pages["people/index-2.md"] and "2 people, filed" in pages["people/index.md"]
    assert paths.topic("INDEX") == "topics/index-2.md" != paths.index("topics")


def test_counts_past_a_thousand_read_with_a_thousands_separator(monkeypatch):
    monkeypatch.setattr(indexes, "PEOPLE_PER_PAGE", 2_000)
    consonants = "bdfghjlmnprstxz"  # no c/k, v/w: names one spelling apart are one person
    names = [f"Ann {a.upper()}{b}{c}son" for a in consonants for b in "aeiou" for c in consonants]
    index = _index(names[:1_100])
    assert len(index.people) == 1_100
    assert "1,100 people, filed" in dict(indexes.people_index(index))["people/index.md"]


def _carol_in(dates: list[str]) -> str:
    cables = []
    for number, date in enumerate(dates, 1):
        ident = f"{date[2:4]}POST{number}"
        seen = (("Carol Reynolds", Appearance(ident, "mentioned", None, None, "Carol Reynolds")),)
        cables.append(
            IndexRow(
                ident, f"{ident}.txt", date, None, "Embassy Post", "POST",
                "SECRET", (), (), "Subject", False, (), "", seen, resolved(seen),
            )
        )  # fmt: skip
    ((_path, page),) = [
        p for p in browse.person_pages(build_index(cables)) if p[0].endswith("reynolds.md")
    ]
    return page


@pytest.mark.parametrize(
    ("dates", "grouped"),
    [
        ([f"2008-01-{day:02d}" for day in range(1, 11)] + [f"2009-01-{day:02d}" for day in range(1, 11)], True),
        ([f"2008-01-{day:02d}" for day in range(1, 10)] + [f"2009-01-{day:02d}" for day in range(1, 11)], False),
        ([f"2009-01-{day:02d}" for day in range(1, 26)], False),
    ],
)  # fmt: skip
def test_a_long_list_over_several_years_is_grouped_by_year(dates, grouped):
    page = _carol_in(dates)
    headings = re.findall(r"^### (\d{4})$", page, re.MULTILINE)
    if grouped:
        assert headings == ["2008", "2009"]
        assert "Years: [2008](#2008) · [2009](#2009)" in page
        year_2009 = page.split("### 2009", 1)[1]
        assert year_2009.count("| 2009-01-") == 10 and "| 2008-" not in year_2009
    else:
        assert headings == [] and "Years:" not in page


def test_a_which_person_note_lists_the_most_cited_namesakes_and_points_to_the_index():
    given = "Alice Bruno Carmen Dmitri Elena Farid Gustav Hiroshi Ingrid Jamal Kofi Lucia Mateo"
    names = [f"{first} Brown" for first in given.split()] + ["Nadia Brown", "Oskar Brown"]
    names += ["Brown", "Oskar Brown", "Nadia Brown", "Oskar Brown"]  # the most cited first
    index = _index(names)
    pages = dict(browse.person_pages(index))
    (slug,) = [slug for slug, person in index.people.items() if person.name == "Brown"]
    note = pages[paths.person(slug)].split('!!! note "Which person?"')[1]
    listed = re.findall(r"^    - \[([^\]]+)\]", note, re.MULTILINE)
    assert len(listed) == browse.CANDIDATES_SHOWN
    assert listed[:2] == ["Oskar Brown", "Nadia Brown"]
    assert f"and {15 - browse.CANDIDATES_SHOWN:,} more, named in fewer cables" in note
    assert "[people index](index.md)" in note
