"""Page inputs + one record -> the cable's Markdown page: front matter and a body that reads like the cable.

The front matter (documented in ``docs/record.md``) feeds the site's
template; the body alone reads well in any Markdown renderer: the title, a
metadata table, the summary set apart, section headings, numbered paragraphs
with their markings and ``#p<N>`` anchors, COMMENT passages as admonitions,
people linked to their pages, the participants, the signer.

:func:`page_inputs` takes from the archive index all that a cable's page shows of
other cables and people; :func:`render_cable` renders the page from them and the
record alone, so the workers that render pages never read the index (at the
scale of the whole release, workers reading it would each copy much of it).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..archive import Index, cable_year, name_spans
from ..parse import Cable, IndexRow
from ..parse.model import Paragraph
from . import paths
from .cable_meta import front_of, marking_badge, metadata_table, page_of, title
from .escape import md, md_inline, safe_line_starts
from .front_matter import front_matter

_ITEM_RE = re.compile(r"^\s*(?:-{1,2}|\*|•|[A-Za-z]\.|\(?(?:[A-Za-z]|[ivx]{1,4}|\d{1,3})\))\s")

PARTIAL_NOTICE = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)


def cable_path(index: Index, ident: str) -> str:
    return paths.cable(ident, cable_year(index.cables[ident]))


def _linked(text: str, spans: list[tuple[int, int, str]], start: int, end: int, here: str) -> str:
    """Escaped *text*[start:end] with the names in *spans* linked to their person pages."""
    out: list[str] = []
    position = start
    for span_start, span_end, slug in spans:
        if span_start < position or span_end > end:
            continue
        out.append(md_inline(text[position:span_start]))
        out.append(
            f"[{md_inline(text[span_start:span_end])}]({paths.link(here, paths.person(slug))})"
        )
        position = span_end
    out.append(md_inline(text[position:end]))
    lines = safe_line_starts("".join(out).strip()).split("\n")
    if len(lines) == 1:
        return lines[0]
    # A paragraph's own line breaks (lists of "--" items, sub-paragraphs A., B.) stay lines.
    return "\n".join(
        f'<span class="cable-line{" cable-item" if _ITEM_RE.match(text_line) else ""}">{line}</span>'
        for line, text_line in zip(lines, text[start:end].strip().split("\n"), strict=False)
    )


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


def _paragraph(
    paragraph: Paragraph, anchor: str, spans: list[tuple[int, int, str]], here: str
) -> list[str]:
    # A numbered paragraph's number is its permalink; any other paragraph ends with a "¶" one.
    # Neither the paragraph nor its number has a class: the stylesheet tells them by the id and
    # the "#" link (every other link of the text leads to another page), as the same classes
    # on every paragraph of every cable weigh on the site's size.
    lead = permalink = ""
    if paragraph.number is not None:
        lead = f"[{paragraph.number}.](#{anchor}) "
    else:
        permalink = f' [¶](#{anchor} "Link to this paragraph"){{: .cable-permalink }}'
    if paragraph.marking:
        lead += marking_badge(paragraph.marking) + " "
    text = paragraph.text
    pieces: list[tuple[bool, int, int]] = []
    cursor = 0
    for span in paragraph.comments:
        if span.start > cursor:
            pieces.append((False, cursor, span.start))
        pieces.append((True, span.start, span.end))
        cursor = span.end
    if cursor < len(text) or not pieces:
        pieces.append((False, cursor, len(text)))
    blocks: list[str] = []
    for number, (is_comment, start, end) in enumerate(pieces):
        body = _linked(text, spans, start, end, here).strip()
        if not body and not (number == 0 and lead):
            continue
        if number == 0:
            if body.startswith('<span class="cable-line'):  # the number opens the first line
                cut = body.index(">") + 1
                body = f"{body[:cut]}{lead}{body[cut:]}{permalink}"
            else:
                body = f"{lead}{body}{permalink}"
        if is_comment:
            blocks.append(f'!!! comment "Comment"\n\n{_indent(body)}')
        else:
            blocks.append(body)
        if number == 0:
            blocks[-1] = (
                f'<div class="cable-para" id="{anchor}" markdown>\n\n{blocks[-1]}\n\n</div>'
                if is_comment
                else f"{blocks[-1]}\n{{: #{anchor} }}"
            )
    return blocks


def _participants(cable: Cable, forms: dict[str, str], here: str) -> list[str]:
    if not cable.participants:
        return []
    rows = ["| Side | Name | Title | Role |", "|---|---|---|---|"]
    for participant in cable.participants:
        name = md(participant.name)
        slug = forms.get(participant.name)
        if slug:
            name = f"[{name}]({paths.link(here, paths.person(slug))})"
        cells = [
            md(participant.side or ""),
            name,
            md(participant.title or ""),
            md(participant.role or ""),
        ]
        rows.append("| " + " | ".join(cell.replace("|", "&#124;") for cell in cells) + " |")
    return ["## Participants", "\n".join(rows)]


def page_inputs(index: Index, ident: str, titles: dict[str, str] | None = None) -> dict[str, Any]:
    """What a cable page takes from the index (lists of plain values): with the record's
    digest, it decides the page.

    *titles*, kept across calls, saves working out again the title of a cable that many
    pages link to.
    """
    titles = {} if titles is None else titles

    def brief(other: str | None) -> list[str | None] | None:
        if other is None:
            return None
        if other not in titles:
            titles[other] = title(index.cables[other])
        return [other, titles[other], index.cables[other].date]

    forms = index.cable_people.get(ident, {})
    previous, following = index.neighbours.get(ident, (None, None))
    return {
        "forms": sorted((form, slug, index.people[slug].name) for form, slug in forms.items()),
        "roles": sorted((slug, roles) for slug, roles in index.cable_roles.get(ident, {}).items()),
        "in_archive": sorted(
            (r, index.cables[r].date)
            for r in index.cables[ident].reference_ids
            if r in index.cables
        ),
        "referenced_by": [brief(other) for other in index.referenced_by.get(ident, [])],
        "related": [brief(other) for other in index.related.get(ident, [])],
        "neighbours": [brief(previous), brief(following)],
        "topics": index.cable_topics.get(ident, []),
        # Its people seen in other cables too: the search's person filter lists only them
        # (a value for every person would be most of each index part's filters).
        "several": sorted(set(forms.values()) & index.several),
    }


def _text(
    cable: Cable, spans: dict[int, list[tuple[int, int, str]]], here: str, prefix: str = ""
) -> list[str]:
    """A cable's paragraphs, headings, summary box and signer; anchors begin with *prefix*."""
    parts: list[str] = []
    in_summary = False
    anchors: Counter[str] = Counter()
    for position, paragraph in enumerate(cable.paragraphs):
        anchor = prefix + (
            f"p{paragraph.number}" if paragraph.number is not None else f"t{position + 1}"
        )
        anchors[anchor] += 1
        if anchors[anchor] > 1:  # a number the cable gives twice: each copy its own link
            anchor = f"{anchor}-{anchors[anchor]}"
        if paragraph.heading:
            parts.append(f"### {md(paragraph.heading)}")
        if paragraph.in_summary and not in_summary:
            parts.append(
                '<div class="cable-summary" markdown>\n\n<p class="cable-summary-label">Summary</p>'
            )
        if in_summary and not paragraph.in_summary:
            parts.append("</div>")
        in_summary = paragraph.in_summary
        parts += _paragraph(paragraph, anchor, spans.get(position, []), here)
    if in_summary:
        parts.append("</div>")
    if cable.signer:
        parts.append(f'<p class="cable-signer">{md(cable.signer)}</p>')
    return parts


def _empty_text_note(cable: Cable) -> str:
    """Why a page shows no text of its own cable."""
    why = "The file holds no text for this cable after its header."
    if cable.partial:
        why = "The partial extract holds no text after the cable's header."
    if cable.appended:
        why += " What follows in the file is another cable's text, shown below under Also in this file."
    return f'<p class="cable-text-note">{md(why)}</p>'


def redirect_page(cable: Cable | IndexRow) -> tuple[str, str] | None:
    """The page at the address of the id the release files *cable* under, when its text reads
    another: it sends the reader on to the cable's page (template ``redirect.html``)."""
    if not cable.filed_as or not cable.id:
        return None
    note = f"The release files this cable as {md(cable.filed_as)}; its text reads {md(cable.id)}."
    return _sending_page(cable.filed_as, cable, note, moved=False)


def moved_page(old: str, cable: Cable | IndexRow) -> tuple[str, str]:
    """The page at the address cable *old* was published at before its id became *cable*'s:
    it sends the reader on (template ``redirect.html``)."""
    note = f"This cable was published here as {md(old)}; it is now read as {md(cable.id or '')}."
    return _sending_page(old, cable, note, moved=True)


def _sending_page(
    other: str, cable: Cable | IndexRow, note: str, *, moved: bool
) -> tuple[str, str]:
    """The page at *other*'s address that sends the reader on to *cable*'s page."""
    front = {
        "template": "redirect.html",
        "id": cable.id,
        "filed_as": other,
        **({"moved": True} if moved else {}),
        "title": title(cable),
        "target": paths.cable(cable.id or "", cable_year(cable)),
        "search": {"exclude": True},
    }
    return page_of(other, None), front_matter(front) + "\n" + note + "\n"


def render_cable(cable: Cable, inputs: dict[str, Any]) -> tuple[str, str]:
    """The docs-relative path and the Markdown of *cable*'s page, from its full record and
    its :func:`page_inputs`."""
    ident = cable.id or ""
    here = paths.cable(ident, cable_year(cable))
    forms = {form: slug for form, slug, _ in inputs["forms"]}
    in_archive = {other: page_of(other, date) for other, date in inputs["in_archive"]}
    spans = name_spans(cable, forms)
    parts: list[str] = [f"# {md(title(cable))}"]
    if cable.partial:
        parts.append(f'!!! partial "Partial extract"\n\n    {PARTIAL_NOTICE}')
    if cable.carries:
        parts.append(
            '!!! warning "Another cable\'s text"\n\n'
            f"    The routing header of this file is {md(cable.origin or 'another post')}'s;"
            f" the classification line of the text it carries names {md(cable.carries)}. The"
            " text is that cable's, sent on or filed under this one."
        )
    if cable.text_classification:
        parts.append(
            '!!! warning "Two classifications"\n\n'
            f"    The message was sent as {md(cable.classification or '')}, as its routing header"
            f" marks it; the classification line of the text it carries reads"
            f" {md(cable.text_classification)}. The page follows the routing header."
        )
    parts += metadata_table(cable, in_archive, here)
    parts.append("## Text")
    if not cable.paragraphs:
        parts.append(_empty_text_note(cable))
    parts += _text(cable, spans, here)
    parts += _participants(cable, forms, here)
    if cable.appended:
        parts.append("## Also in this file")
        for number, other in enumerate(cable.appended, start=1):
            parts.append(f"### {md(title(other))}")
            parts.append(
                f'<p class="cable-text-note">The file of {md(ident)} goes on with the text of'
                f" another cable, {md(other.id or 'whose id its text does not give')}, shown"
                f" here as the file holds it. It is not part of {md(ident)}: its people and TAGS"
                " are not this page's.</p>"
            )
            parts += _text(other, {}, here, prefix=f"a{number}-")
    referencing = inputs["referenced_by"]
    if referencing:
        parts.append("## Referenced by")
        parts.append(
            "\n".join(
                f"- [{md(other_title or '')}]({paths.link(here, page_of(other, date))})"
                for other, other_title, date in referencing
            )
        )
    front = front_of(cable, inputs, in_archive)
    return here, front_matter(front) + "\n" + "\n\n".join(parts) + "\n"
