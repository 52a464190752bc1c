"""A generated page's Markdown -> the HTML Python-Markdown makes of it, without Python-Markdown.

MkDocs converts every page with a new Python-Markdown: on a cable page that is most of the
site's build time. A generated page uses a small, fixed part of Markdown: ATX headings of
plain text, pipe tables, paragraphs ending in an attribute list (``{: #p3 }``),
admonitions, ``markdown`` divs, one-line ``<p>`` blocks, and inline links (with a title and an
attribute list), bold, raw HTML tags and character references. The cable text in it has every
other syntax character escaped (:mod:`cable2md.render.escape`). :func:`convert` makes of exactly that
the HTML that Python-Markdown makes with the site's extensions, byte for byte, and returns
``None`` for anything else, which then goes through Python-Markdown as before.
``tests/site/test_page_html.py`` converts every page of the fixtures, the seed and the hostile
cables both ways, and the hostile fuzz test each page it renders.

Steps, in order:

1. split the page into blocks at blank lines (a ``markdown`` div and an admonition hold blocks);
2. convert each block: heading, table, raw ``<p>`` line or paragraph;
3. convert the inline text of each (:mod:`.inline_html`): links (their targets made by
   *link*, MkDocs' own rewriting and checking), bold, tags and references kept, other text
   escaped as the serializer does;
4. give the headings their ids (the table of contents' slugs, unique among every id of the page).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from .inline_html import (
    ATTR_LIST_RE,
    ENTITY,
    InlineHtml,
    Unsupported,
    attributes_into,
    escape_attribute,
    open_tag,
)


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: str
    name: str  # its text for the table of contents: entities kept, spaces collapsed


@dataclass(frozen=True)
class Converted:
    html: str
    headings: tuple[Heading, ...]
    ids: frozenset[str]  # every element id of the page: links to its anchors are checked


_HEADING_RE = re.compile(r"(#{1,6}) ((?:[^<>\[\]*_`\\{}\s][^<>\[\]*_`\\{}]*)?[^<>\[\]*_`\\{}#\s])")
_TABLE_RULE_RE = re.compile(r"\|(?:---\|)+")
# A raw <p> line: an ampersand only in a whole reference (an open one makes the rest raw HTML).
_RAW_P_RE = re.compile(rf'<p(?: class="[\w -]*")?>(?:[^<>&]|{ENTITY})*</p>')
_DIV_RE = re.compile(r'<div((?: (?:class|id)="[\w -]*")+) markdown>')
_ADMONITION_RE = re.compile(r'!!! ([a-z]+) "([A-Za-z ]+)"')
# What starts another block inside a paragraph, or makes one a list, quote, rule or code.
_BLOCK_START_RE = re.compile(
    r"\s|#|>|!!!|[-+*] |[-=_*][-=_*\s]*$|\d+[.)]|\|"
    r"|```|~~~|<(?!(?:span|/span|abbr|/abbr|br)[ >])|\{:"
)
# Characters Python-Markdown rewrites before it parses, or whose syntax this module leaves out.
_UNSUPPORTED_RE = re.compile(r"[\x00\t\r\x02\x03\\`_~]|[ ]\n|!\[|[ ]$")


class _Page(InlineHtml):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.headings: list[tuple[int, int, str]] = []  # output slot, level, text
        self.out: list[str] = []
        self.depth = 0  # of markdown divs

    # -- blocks ------------------------------------------------------------------------------
    def blocks(self, lines: list[str]) -> None:
        index = 0
        while index < len(lines):
            if not lines[index]:
                index += 1
                continue
            end = index
            while end < len(lines) and lines[end]:
                end += 1
            block = lines[index:end]
            first = block[0]
            if first.startswith("<div"):
                index = self.div(lines, index, end)
            elif first.startswith("!!!"):
                index = self.admonition(lines, index, end)
            else:
                self.block(block)
                index = end

    def div(self, lines: list[str], index: int, end: int) -> int:
        match = _DIV_RE.fullmatch(lines[index])
        if not match or end != index + 1:
            raise Unsupported(lines[index])
        close = lines.index("</div>", index)  # ValueError: a div not closed
        inner = lines[index + 1 : close]
        if any(line.startswith("<div") for line in inner) or inner[-1:] != [""] or not any(inner):
            raise Unsupported(lines[index])
        if close + 1 < len(lines) and lines[close + 1]:
            raise Unsupported(lines[close])
        attributes = dict(re.findall(r' (\w+)="([^"]*)"', match.group(1)))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        self.out.append(open_tag("div", attributes) + "\n")
        self.depth += 1
        self.blocks(inner)
        self.depth -= 1
        self.out.append("</div>\n")
        return close + 1

    def admonition(self, lines: list[str], index: int, end: int) -> int:
        match = _ADMONITION_RE.fullmatch(lines[index])
        if not match or end != index + 1:
            raise Unsupported(lines[index])
        stop = end
        while stop < len(lines) and (not lines[stop] or lines[stop].startswith("    ")):
            stop += 1
        while stop > end and not lines[stop - 1]:
            stop -= 1
        kind, title = match.groups()
        self.out.append(
            f'<div class="admonition {kind}">\n<p class="admonition-title">{title}</p>\n'
        )
        inner = [line[4:] for line in lines[end:stop]]
        if any(line.startswith((" ", "!!!", "<div", "<p")) for line in inner):
            raise Unsupported(lines[index])
        self.blocks(inner)
        self.out.append("</div>\n")
        return stop

    def block(self, block: list[str]) -> None:
        first = block[0]
        if first.startswith("#"):
            match = _HEADING_RE.fullmatch(first)
            if not match or len(block) > 1:
                raise Unsupported(first)
            level, text = len(match.group(1)), self.plain(match.group(2))
            self.headings.append((len(self.out), level, text))
            self.out.append(f"{text}</h{level}>\n")
        elif first.startswith("|"):
            self.table(block)
        elif first.startswith("- "):
            self.bullets(block)
        elif first.startswith("<p"):
            if not _RAW_P_RE.fullmatch(first) or len(block) > 1:
                raise Unsupported(first)
            # Python-Markdown keeps a blank line after a raw block outside a div.
            self.out.append(first + ("\n" if self.depth else "\n\n"))
        else:
            self.paragraph(block)

    def table(self, rows: list[str]) -> None:
        if len(rows) < 3 or not _TABLE_RULE_RE.fullmatch(rows[1]):
            raise Unsupported(rows[0])
        width = rows[1].count("|") - 1
        cells = []
        for row in (rows[0], *rows[2:]):
            if len(row) < 2 or row[0] != "|" or row[-1] != "|" or "{:" in row:
                raise Unsupported(row)
            split = row[1:-1].split("|")
            if len(split) != width:
                raise Unsupported(row)
            cells.append([self.inline(cell.strip(" ")) for cell in split])
        out = ["<table>\n<thead>\n<tr>\n"]
        out += [f"<th>{cell}</th>\n" for cell in cells[0]]
        out.append("</tr>\n</thead>\n<tbody>\n")
        for row in cells[1:]:
            out.append("<tr>\n")
            out += [f"<td>{cell}</td>\n" for cell in row]
            out.append("</tr>\n")
        out.append("</tbody>\n</table>\n")
        self.out.append("".join(out))

    def bullets(self, block: list[str]) -> None:
        """A tight list of one-line items (a list after a list would join it: not converted)."""
        if self.out and self.out[-1].endswith("</ul>\n"):
            raise Unsupported(block[0])
        items = []
        for line in block:
            if not line.startswith("- ") or _BLOCK_START_RE.match(line[2:]):
                raise Unsupported(line)
            items.append(f"<li>{self.inline(line[2:])}</li>\n")
        self.out.append(f"<ul>\n{''.join(items)}</ul>\n")

    def paragraph(self, block: list[str]) -> None:
        attributes: dict[str, str] = {}
        if len(block) > 1 and (match := ATTR_LIST_RE.fullmatch(block[-1])):
            attributes_into(match.group(1), attributes)
            block = block[:-1]
            if "id" in attributes:
                self.ids.add(attributes["id"])
        # A pipe anywhere may make a table of the paragraph (rows need not open with one).
        if any(_BLOCK_START_RE.match(line) or "|" in line for line in block):
            raise Unsupported(block[0])
        self.out.append(f"{open_tag('p', attributes)}{self.inline(chr(10).join(block))}</p>\n")

    # -- headings ----------------------------------------------------------------------------
    def finish(self, link: Callable[[str], str]) -> Converted:
        headings = []
        counters: dict[str, int] = {}
        for slot, level, text in self.headings:
            name = " ".join(text.split())
            anchor = unique(slugify(html.unescape(name), "-"), self.ids, counters)
            headings.append(Heading(level, anchor, text, name))
            self.out[slot] = f'<h{level} id="{escape_attribute(anchor)}">{self.out[slot]}'
        text = "".join(self.out).strip("\n")
        text = self.links(text, link)
        return Converted(text, tuple(headings), frozenset(self.ids))


def convert(markdown: str, link: Callable[[str], str]) -> Converted | None:
    """The HTML of *markdown* (a generated page's, front matter removed) as Python-Markdown
    makes it with the site's extensions, or ``None`` when the page holds Markdown outside the
    part this module converts. *link* turns each link target into its URL."""
    if _UNSUPPORTED_RE.search(markdown):
        return None
    page = _Page()
    try:
        page.blocks(markdown.split("\n"))
    except (Unsupported, ValueError):
        return None
    return page.finish(link)
