"""Index -> the indexes of the browse pages: people A-Z, topics, posts, dates, classifications.

The release names hundreds of thousands of people: past ``PEOPLE_PER_PAGE`` the
people index is split by the first letter of the surname, a letter with more names
than that by its first two letters, and so on, so no index page grows with the archive.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..archive import Index, family_name, span
from ..parse.names import unaccented
from . import paths
from .browse import GeneratedFile, make_page
from .escape import md

PEOPLE_PER_PAGE = 1_000
PREFIX_LETTERS = 4  # the longest surname prefix a page of the index is named by
# family name key, slug, name, number of cables, identification, first and last cable dates
PersonEntry = tuple[str, str, str, int, str, str, str]
_LETTERS = re.compile(r"[a-z]+")
OTHER = "other-names"  # surnames that start with no letter a-z (a name no prefix can have)


def _family_key(name: str) -> str:
    """Filed by the family name's last word (``Voorst``, ``Attiyah``), an East Asian name by
    its first (``Kim Ok`` under K)."""
    family = family_name(name)
    word = family if name.startswith(family + " ") else name.split()[-1]
    return unaccented(word).casefold()


def _prefix(key: str, length: int) -> str:
    letters = _LETTERS.match(key)
    return letters.group()[:length] if letters else OTHER


def _initial(prefix: str) -> str:
    return prefix if prefix == OTHER else prefix[0]


def _label(prefix: str) -> str:
    return "other names" if prefix == OTHER else prefix.capitalize()


def _people_table(here: str, people: list[PersonEntry]) -> str:
    """The glossary of *people*: who each was, when the cables name them, in how many."""
    rows = ["| Person | Identification | First | Last | Cables |", "|---|---|---|---|--:|"]
    for _key, slug, name, cables, who, first, last in people:
        rows.append(
            f"| [{md(name)}]({paths.link(here, paths.person(slug))}) | {md(who)} "
            f"| {first} | {last} | {cables:,} |"
        )
    return "\n".join(rows)


def _groups(people: list[PersonEntry], length: int) -> list[tuple[str, list[PersonEntry]]]:
    """*people* (sorted) by the first *length* letters of their surnames, a group of more than
    fit a page split by one letter more (up to ``PREFIX_LETTERS``), in order, OTHER last."""
    by_prefix: dict[str, list[PersonEntry]] = defaultdict(list)
    for entry in people:
        by_prefix[_prefix(entry[0], length)].append(entry)
    groups = []
    for prefix, members in sorted(by_prefix.items(), key=lambda item: (item[0] == OTHER, item[0])):
        if len(members) > PEOPLE_PER_PAGE and len(prefix) == length < PREFIX_LETTERS:
            groups += _groups(members, length + 1)
        else:
            groups.append((prefix, members))
    return groups


def people_index(index: Index) -> Iterator[GeneratedFile]:
    """The people index, and past ``PEOPLE_PER_PAGE`` names its pages by initial letters."""
    here = paths.index("people")
    people = sorted(
        (
            _family_key(person.name),
            slug,
            person.name,
            len(person.cables),
            person.who,
            *span(person, index.cables),
        )
        for slug, person in index.people.items()
    )
    count = f"{len(people):,} people"
    total = (
        f"{count}, filed by family name: each with who the cables say they were and the dates "
        "of the first and last cable that names them. Sort by any column."
    )
    if len(people) <= PEOPLE_PER_PAGE:
        table = _people_table(here, people)
        yield make_page(here, {"title": "People"}, ["# People", total, table])
        return
    groups = [
        (prefix, paths.split_page(here, prefix), members) for prefix, members in _groups(people, 1)
    ]
    by_letter: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for prefix, page, members in groups:
        by_letter[_initial(prefix)].append((prefix, page, len(members)))

    def letters(source: str, current: str) -> str:
        """A bar of the initials, each linking its first page; the current one in bold."""
        return " · ".join(
            f"**{md(_label(letter))}**" if letter == current
            else f"[{md(_label(letter))}]({paths.link(source, pages[0][1])})"
            for letter, pages in by_letter.items()
        )  # fmt: skip

    for prefix, page, members in groups:
        heading = f"People: {_label(prefix)}"
        yield make_page(
            page,
            {"title": heading},
            [
                f"# {md(heading)}",
                letters(page, _initial(prefix)),
                f"[All people]({paths.link(page, here)}) · {len(members):,} people.",
                _people_table(page, members),
            ],
        )
    rows = ["| Surname | People |", "|---|---|"]
    for letter, pages in by_letter.items():
        if len(pages) == 1:
            rows.append(
                f"| [{md(_label(letter))}]({paths.link(here, pages[0][1])}) | {pages[0][2]:,} |"
            )
            continue
        links = " · ".join(
            f"[{md(_label(prefix))}]({paths.link(here, page)}) ({count:,})"
            for prefix, page, count in pages
        )
        rows.append(f"| {md(_label(letter))} | {links} |")
    yield make_page(
        here, {"title": "People"}, ["# People", f"{count}. By family name:", "\n".join(rows)]
    )


def index_pages(index: Index) -> Iterator[GeneratedFile]:
    """The index page of each kind of browse page."""
    yield from people_index(index)
    here = paths.index("topics")
    rows = ["| Code | Name | Kind | Cables |", "|---|---|---|---|"]
    for code, topic in sorted(index.topics.items()):
        rows.append(
            f"| [{md(code)}]({paths.link(here, paths.topic(code))}) | {md(topic.name)} | {md(topic.kind)} | {len(topic.cables):,} |"
        )
    yield make_page(here, {"title": "Topics (TAGS)"}, ["# Topics (TAGS)", "\n".join(rows)])
    here = paths.index("posts")
    rows = ["| Post | Code | Cables |", "|---|---|---|"]
    for code, idents in sorted(
        index.posts.items(), key=lambda item: index.cables[item[1][0]].origin or item[0]
    ):
        name = index.cables[idents[0]].origin or code
        rows.append(
            f"| [{md(name)}]({paths.link(here, paths.post(code))}) | {md(code)} | {len(idents):,} |"
        )
    yield make_page(here, {"title": "Posts"}, ["# Posts", "\n".join(rows)])
    here = paths.index("dates")
    counts: Counter[int] = Counter()
    for (year, _month), idents in index.months.items():
        counts[year] += len(idents)
    rows = ["| Year | Cables |", "|---|---|"] + [
        f"| [{year}]({paths.link(here, paths.year(year))}) | {count:,} |"
        for year, count in sorted(counts.items())
    ]
    yield make_page(here, {"title": "Dates"}, ["# Cables by date", "\n".join(rows)])
    here = paths.index("classifications")
    rows = ["| Classification | Cables |", "|---|---|"] + [
        f"| [{md(label)}]({paths.link(here, paths.classification(label))}) | {len(idents):,} |"
        for label, idents in sorted(index.classifications.items())
    ]
    yield make_page(here, {"title": "Classifications"}, ["# Classifications", "\n".join(rows)])
