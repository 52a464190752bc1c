"""Index -> the browse pages: people, topics, posts, dates, classifications and their indexes.

A listing of more cables than fit a page is split by period into sub-pages
(cable2md/render/listings.py), so every page stays small at the scale of the release.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ..archive import Index, cable_year
from . import paths
from .cable import cable_path, moved_page, redirect_page
from .escape import md, plain_title
from .front_matter import front_matter
from .listings import UNITS, Part, split, wanted

# Cables linked for each title a person held: an ambassador's title comes with thousands
# (the listing below has them all).
TITLE_LINKS = 10
CANDIDATES_SHOWN = 12  # a "Which person?" note lists the most cited; the people index has all
ROLE_NAMES = {
    "participant": "Participant", "mentioned": "Mentioned", "signer": "Signer",
    "classifier": "Classified the cable", "tag": "Named in TAGS",
}  # fmt: skip

GeneratedFile = tuple[str, str]  # docs-relative path, Markdown
GROUP_FROM = 20  # cables in a list on one page from which it is grouped by year


def make_page(path: str, meta: dict, parts: list[str]) -> GeneratedFile:
    return path, front_matter(meta) + "\n" + "\n\n".join(part for part in parts if part) + "\n"


def _table(index: Index, here: str, idents: list[str], extra: dict[str, str] | None = None) -> str:
    head = "| Date | Cable | Subject | From |" + (" Role |" if extra else "")
    rows = [head, "|---|---|---|---|" + ("---|" if extra else "")]
    for ident in idents:
        cable = index.cables[ident]
        date = cable.date or str(cable_year(cable))
        cells = [
            date,
            f"[{md(ident)}]({paths.link(here, cable_path(index, ident))})",
            md(cable.subject or ""),
            md(cable.origin or cable.origin_code or ""),
        ]
        if extra:
            cells.append(md(extra.get(ident, "")))
        rows.append("| " + " | ".join(cell.replace("|", "&#124;") for cell in cells) + " |")
    return "\n".join(rows)


def _by_year(index: Index, here: str, idents: list[str], extra: dict[str, str] | None) -> str:
    """The table of *idents*; a long one spanning years as a table a year under its heading,
    with a bar of the years first."""
    years: dict[int, list[str]] = defaultdict(list)
    for ident in idents:
        years[cable_year(index.cables[ident])].append(ident)
    if len(idents) < GROUP_FROM or len(years) < 2:
        return _table(index, here, idents, extra)
    bar = "Years: " + " · ".join(f"[{year}](#{year})" for year in years)
    groups = [f"### {year}\n\n{_table(index, here, held, extra)}" for year, held in years.items()]
    return "\n\n".join([bar, *groups])


def _sub_pages(
    index: Index,
    base: str,
    heading: str,
    here: str,
    parts: list[Part],
    extra: dict[str, str] | None,
    months: set[tuple[int, int | None]] | None,
    pages: list[GeneratedFile],
) -> str:
    """The table of *parts* on page *here* of the listing on *base*, adding their pages (those
    *months* wants) to *pages*."""
    rows = [f"| {UNITS[len(parts[0].period) - 1]} | Cables |", "|---|---|"]
    for part in parts:
        rows.append(f"| [{part.label}]({paths.link(here, part.path)}) | {len(part.cables):,} |")
        if not wanted(part.period, months):
            continue
        if part.parts:
            body = _sub_pages(index, base, heading, part.path, part.parts, extra, months, pages)
        else:
            body = _table(index, part.path, part.cables, extra)
        title = f"{heading}, {part.label}"
        back = f"[Back to {md(heading)}]({paths.link(part.path, base)})"
        pages.append(
            make_page(part.path, {"title": plain_title(title)}, [f"# {md(title)}", back, body])
        )
    return "\n".join(rows)


def listing(
    index: Index,
    base: str,
    heading: str,
    idents: list[str],
    extra: dict[str, str] | None = None,
    months: set[tuple[int, int | None]] | None = None,
) -> tuple[list[str], list[GeneratedFile]]:
    """A table of *idents* on page *base*, or, when long, a table of years with a page each,
    split again by month and day when long (with *months*, only the pages listing those)."""
    parts = split(index, base, idents)
    if not parts:
        return [_by_year(index, base, idents, extra)], []
    pages: list[GeneratedFile] = []
    return [_sub_pages(index, base, heading, base, parts, extra, months, pages)], pages


def person_pages(
    index: Index,
    only: set[str] | None = None,
    months: set[tuple[int, int | None]] | None = None,
    renamed: set[str] | None = None,
) -> Iterator[GeneratedFile]:
    """Each person's page; with *only*, theirs alone, and with *months*, only the sub-pages of a
    long listing that list those months (all of them for the *renamed*: their name changed)."""
    for slug, person in sorted(index.people.items()):
        if only is not None and slug not in only:
            continue
        here = paths.person(slug)
        roles: dict[str, list[str]] = defaultdict(list)
        titles: dict[str, list[str]] = defaultdict(list)
        for appearance in person.appearances:
            if appearance.role not in roles[appearance.cable]:
                roles[appearance.cable].append(appearance.role)
            if appearance.title:
                titles[appearance.title].append(appearance.cable)
        idents = sorted(roles, key=index.position.__getitem__)
        parts = [f"# {md(person.name)}"]
        if who := person.who:
            parts.append(f"**{md(who)}**")
        if person.note:
            parts.append(f"*{md(person.note)}*")
        if person.also:
            parts.append("Also written: " + ", ".join(md(name) for name in person.also) + ".")
        if person.evidence:
            parts.append(
                '!!! info "Why these names are one person"\n\n'
                + "\n".join(f"    - {md(line)}" for line in person.evidence)
            )
        if person.candidates:
            known = sorted(
                (c for c in person.candidates if c in index.people),
                key=lambda c: (-len(index.people[c].cables), c),
            )
            links = "\n".join(
                f"    - [{md(index.people[c].name)}]({paths.link(here, paths.person(c))})"
                f" ({md(index.people[c].who or 'no title in the cables')})"
                for c in known[:CANDIDATES_SHOWN]
            )
            if len(known) > CANDIDATES_SHOWN:
                links += (
                    f"\n    - and {len(known) - CANDIDATES_SHOWN:,} more, named in fewer cables:"
                    f" see the [people index]({paths.link(here, paths.index('people'))})"
                )
            if len(person.candidates) == 1:
                why = (
                    "The archive knows one person of that name by full name, but these cables do "
                    "not show it is them (a signature at a post where they are not seen, or "
                    "another office in the same years). It may be:"
                )
            else:
                why = "The archive knows several people of that name; nothing in these cables says which. They may be:"
            parts.append(
                '!!! note "Which person?"\n\n'
                f"    The cables below name {md(person.name)} alone. {why}\n\n{links}"
            )
        elif person.surname_only:
            parts.append(
                '!!! note "Known by surname only"\n\n    These cables name this person by surname alone; '
                "they may be more than one person."
            )
        # With one cable, the identification above already gives its title and year.
        if titles and len(idents) > 1:
            lines = []
            earliest_first = {
                name: sorted(set(cables), key=index.position.__getitem__)
                for name, cables in titles.items()
            }
            for name, distinct in sorted(
                earliest_first.items(), key=lambda item: index.position[item[1][0]]
            ):
                seen = ", ".join(
                    f"[{md(index.cables[c].date or c)}]({paths.link(here, cable_path(index, c))})"
                    for c in distinct[:TITLE_LINKS]
                )
                if len(distinct) > TITLE_LINKS:
                    seen += f" and {len(distinct) - TITLE_LINKS:,} more"
                lines.append(f"- {md(name)}: {seen}")
            parts += ["## Titles and posts", "\n".join(lines)]
        role_text = {c: ", ".join(ROLE_NAMES[r] for r in rs) for c, rs in roles.items()}
        extra_pages: list[GeneratedFile] = []
        if len(idents) == 1:
            parts += ["## Cable", _one_cable(index, here, idents[0], role_text[idents[0]])]
        else:
            table, extra_pages = listing(
                index, here, person.name, idents, role_text,
                None if renamed and slug in renamed else months,
            )  # fmt: skip
            parts += [f"## Cables ({len(idents):,})", *table]
        together: Counter[str] = Counter()
        for ident in idents:
            together.update(set(index.cable_people.get(ident, {}).values()) - {slug})
        if together:
            most = sorted(together.items(), key=lambda item: (-item[1], item[0]))[:10]
            names = ", ".join(
                f"[{md(index.people[other].name)}]({paths.link(here, paths.person(other))})"
                + (f" ({count:,})" if len(idents) > 1 else "")
                for other, count in most
            )
            if len(idents) > 1:
                parts += ["## Appears most with", names + " (cables together)."]
            else:
                parts += ["## In the same cable", names + "."]
        meta = {
            "title": plain_title(person.name),
            "description": plain_title(_described(index, person.who, idents)),
            "person": slug,
            "cables": len(idents),
            "hide": ["toc"],  # a few short sections: the column is worth more to the lists
        }
        yield make_page(here, meta, parts)
        yield from extra_pages


def _one_cable(index: Index, here: str, ident: str, role: str) -> str:
    """The cable of a person seen in one: a line, where a table would be most of the page."""
    cable = index.cables[ident]
    date = cable.date or str(cable_year(cable))
    origin = cable.origin or cable.origin_code or ""
    link = f"[{md(ident)}]({paths.link(here, cable_path(index, ident))})"
    return f"{link}, {md(date)}, {md(origin)} ({md(role.lower())}): {md(cable.subject or '')}"


def _described(index: Index, who: str | None, idents: list[str]) -> str:
    """A person page's description (search engines, link previews): who, and when."""
    dates = [index.cables[c].date or str(cable_year(index.cables[c])) for c in idents]
    # The page's title (the name) stands beside it wherever it is shown.
    if len(idents) == 1:
        when = f"in one cable, {dates[0]}."
    else:
        when = f"in {len(idents):,} cables, {min(dates)} to {max(dates)}."
    return f"{who}; {when}" if who else f"Named {when}"


def topic_pages(
    index: Index, only: set[str] | None = None, months: set[tuple[int, int | None]] | None = None
) -> Iterator[GeneratedFile]:
    for code, topic in sorted(index.topics.items()):
        if only is not None and code not in only:
            continue
        here = paths.topic(code)
        parts = [
            f"# {md(code)}: {md(topic.name)}",
            f"Kind: **{md(topic.kind)}** · {len(topic.cables):,} cables",
        ]
        if topic.cooccurring:
            chips = ", ".join(
                f"[{md(other)}]({paths.link(here, paths.topic(other))}) ({count:,})"
                for other, count in topic.cooccurring
            )
            parts.append(f"**Often with:** {chips}")
        table, extra_pages = listing(
            index, here, f"{code}: {topic.name}", list(topic.cables), months=months
        )
        parts += ["## Cables", *table]
        yield make_page(here, {"title": plain_title(f"{code}: {topic.name}"), "topic": code}, parts)
        yield from extra_pages


def post_pages(index: Index, only: set[str] | None = None) -> Iterator[GeneratedFile]:
    for code, idents in sorted(index.posts.items()):
        if only is not None and code not in only:
            continue
        here = paths.post(code)
        name = index.cables[idents[0]].origin or code
        table, extra_pages = listing(index, here, name, idents)
        parts = [
            f"# {md(name)}",
            f"Post code **{md(code)}** · {len(idents):,} cables · "
            f"[All posts]({paths.link(here, paths.index('posts'))})",
            *table,
        ]
        yield make_page(here, {"title": plain_title(name), "post": code}, parts)
        yield from extra_pages


def date_pages(
    index: Index, only: set[tuple[int, int | None]] | None = None
) -> Iterator[GeneratedFile]:
    """Year pages and their months; with *only*, the months named and the years they are in."""
    years: dict[int, list[tuple[int | None, list[str]]]] = defaultdict(list)
    for (year, month), idents in index.months.items():
        years[year].append((month, idents))
    only_years = None if only is None else {year for year, _ in only}
    order = sorted(index.months, key=lambda key: (key[0], key[1] or 13))
    for year, months in sorted(years.items()):
        if only_years is not None and year not in only_years:
            continue
        here = paths.year(year)
        rows = ["| Month | Cables |", "|---|---|"]
        for month, idents in sorted(months, key=lambda item: item[0] or 13):
            sub = paths.month(year, month)
            label = f"{year}-{month:02d}" if month else f"{year}, undated"
            rows.append(f"| [{label}]({paths.link(here, sub)}) | {len(idents):,} |")
            if only is not None and (year, month) not in only:
                continue
            table, extra_pages = listing(index, sub, label, idents)
            ways = _month_ways(order, (year, month), sub)
            yield make_page(sub, {"title": label}, [f"# Cables of {label}", ways, *table])
            yield from extra_pages
        yield make_page(here, {"title": str(year)}, [f"# Cables of {year}", "\n".join(rows)])


def _month_ways(order: list[tuple[int, int | None]], key: tuple[int, int | None], here: str) -> str:
    """The month before, the year, the month after: ``← 2009-02 · 2009 · 2009-04 →``."""
    at = order.index(key)

    def label(year: int, month: int | None) -> str:
        return f"{year}-{month:02d}" if month else f"{year}, undated"

    ways = [f"[{key[0]}]({paths.link(here, paths.year(key[0]))})"]
    if at:
        before = order[at - 1]
        ways.insert(0, f"[← {label(*before)}]({paths.link(here, paths.month(*before))})")
    if at + 1 < len(order):
        after = order[at + 1]
        ways.append(f"[{label(*after)} →]({paths.link(here, paths.month(*after))})")
    return " · ".join(ways)


def classification_pages(
    index: Index, only: set[str] | None = None, months: set[tuple[int, int | None]] | None = None
) -> Iterator[GeneratedFile]:
    for label, idents in sorted(index.classifications.items()):
        if only is not None and label not in only:
            continue
        here = paths.classification(label)
        table, extra_pages = listing(index, here, label, idents, months=months)
        yield make_page(
            here,
            {"title": plain_title(label)},
            [f"# {md(label)}", f"{len(idents):,} cables", *table],
        )
        yield from extra_pages


def redirect_pages(index: Index) -> Iterator[GeneratedFile]:
    """A page at each address the release files a cable under when its text reads another id,
    and at each address a cable had before its id changed (``cables/manifest.tsv``)."""
    for ident in index.order:
        page = redirect_page(index.cables[ident])
        if page is not None and index.cables[ident].filed_as not in index.cables:
            yield page  # (a cable of that id in the archive keeps its own page)
    filed = {row.filed_as for row in index.cables.values() if row.filed_as}
    for old, new in sorted(index.moved.items()):
        if new in index.cables and old not in index.cables and old not in filed:
            yield moved_page(old, index.cables[new])
