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

from ..archive import Index, cable_year, canonical_codes, is_keyword, name_spans, year_of
from ..parse import Cable, IndexRow, reference
from ..parse.model import Paragraph
from . import paths
from .escape import front_matter, md, md_inline, plain_title, safe_line_starts

MARKINGS = {
    "TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL", "U": "UNCLASSIFIED",
    "SBU": "SENSITIVE BUT UNCLASSIFIED", "LOU": "LIMITED OFFICIAL USE", "NF": "NOFORN",
    "FOUO": "FOR OFFICIAL USE ONLY",
}  # fmt: skip
_ITEM_RE = re.compile(r"^\s*(?:-{1,2}|\*|•|[A-Za-z]\.|\(?(?:[A-Za-z]|[ivx]{1,4}|\d{1,3})\))\s")
PARTIAL_NOTICE = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)


def cable_path(index: Index, ident: str) -> str:
    return paths.cable(ident, cable_year(index.cables[ident]))


def title(cable: Cable | IndexRow) -> str:
    return plain_title(f"{cable.id}: {cable.subject}" if cable.subject else cable.id or "Cable")


def tag_entries(cable: Cable) -> list[dict[str, Any]]:
    known = reference.tags()
    entries = []
    for tag in cable.tags:
        entry = known.get(reference.tag_typos().get(tag, tag)) or {}
        codes = canonical_codes(tag)
        if "," in tag:
            entries.append({"code": tag, "name": tag, "kind": "person", "page": None})
        elif not codes and is_keyword(reference.tag_typos().get(tag, tag)):
            entries.append({"code": tag, "name": None, "kind": "keyword", "page": None})
        else:
            page = paths.topic(codes[0]) if len(codes) == 1 else None
            entries.append(
                {"code": tag, "name": entry.get("name"), "kind": entry.get("kind"), "page": page}
            )
    return entries


def _marking_badge(marking: str) -> str:
    names = " / ".join(MARKINGS.get(part, part) for part in marking.replace("//", "/").split("/"))
    return f'<span class="cable-marking" title="{md(names)}">{md(marking)}</span>'


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
    lead = ""
    if paragraph.number is not None:
        lead = f'<span class="cable-para-number">{paragraph.number}.</span> '
    if paragraph.marking:
        lead += _marking_badge(paragraph.marking) + " "
    permalink = f' [¶](#{anchor} "Link to this paragraph"){{: .cable-permalink }}'
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
                else f"{blocks[-1]}\n{{: #{anchor} .cable-para }}"
            )
    return blocks


def _joined(cable: Cable) -> bool:
    """Whether the file holds the sections of a cable sent in several, joined: each section
    after the first repeats the header, which reading set aside."""
    return any(artifact.kind == "section-header" for artifact in cable.artifacts)


def _id_proof(cable: Cable) -> str:
    """Where the page's id comes from, in a reader's words."""
    ident = cable.id or ""
    if cable.filed_as:
        return f"{ident}, as its text reads; filed in the release as {cable.filed_as}"
    return {
        "text": f"{ident}, from the date and serial the text states",
        "file": f"{ident}, from the release (the text gives no date)",
        "guess": f"{ident}, inferred: the text gives no date, and the year is a guess",
    }.get(cable.id_source or "", ident)


def _metadata(cable: Cable, in_archive: dict[str, str], here: str) -> list[str]:
    rows: list[tuple[str, str]] = []
    year = cable_year(cable)
    when = f"[{year}]({paths.link(here, paths.year(year))})"
    if cable.date:
        when = f"[{cable.date}]({paths.link(here, paths.month(year, int(cable.date[5:7])))})"
    rows.append(
        (
            "Date",
            when
            + (
                f" ({md(cable.dtg)})"
                if cable.dtg
                else " (no date in the text)"
                if not cable.date
                else ""
            ),
        )
    )
    if cable.id_source:
        rows.append(("Id", md(_id_proof(cable))))
    if cable.origin_code:
        rows.append(
            (
                "From",
                f"[{md(cable.origin or cable.origin_code)}]({paths.link(here, paths.post(cable.origin_code))})",
            )
        )
    if cable.classification:
        label = f"[{md(cable.classification)}]({paths.link(here, paths.classification(cable.classification))})"
        shown = cable.classification.split("//")  # a caveat the label names is not repeated
        rows.append(
            (
                "Classification",
                " · ".join([label, *(md(h) for h in cable.handling if h not in shown)]),
            )
        )
    if cable.text_classification:
        rows.append(("Classification in the text", md(cable.text_classification)))
    if cable.section and cable.section.of > 1:
        if _joined(cable):
            rows.append(("Sections", f"all {cable.section.of}, joined in this text"))
        else:
            rows.append(("Section", f"{cable.section.number} of {cable.section.of}"))
    keywords = [tag for tag in cable.tags if is_keyword(reference.tag_typos().get(tag, tag))]
    if cable.tags:
        chips = []
        for entry in tag_entries(cable):
            if entry["code"] in keywords:
                continue
            codes = canonical_codes(entry["code"])
            hint = f' "{md(entry["name"])}"' if entry["name"] else ""
            if codes == (entry["code"],):
                chips.append(
                    f"[{md(entry['code'])}]({paths.link(here, paths.topic(entry['code']))}{hint})"
                )
            elif codes:
                linked = ", ".join(
                    f"[{md(code)}]({paths.link(here, paths.topic(code))})" for code in codes
                )
                chips.append(f"{md(entry['code'])} ({linked})")
            else:
                chips.append(md(entry["code"]))
        rows.append(("TAGS", " ".join(chips)))
    if keywords:  # words written in the TAGS line, not codes: no topic page
        rows.append(("Keywords", md(", ".join(keywords))))
    if cable.subject:
        marking = f"{_marking_badge(cable.subject_marking)} " if cable.subject_marking else ""
        rows.append(("Subject", marking + md(cable.subject)))
    if cable.references:
        refs = []
        for cited in cable.references:
            text = md(cited.text)
            if cited.id and cited.id in in_archive:
                text = f"[{text}]({paths.link(here, in_archive[cited.id])})"
            refs.append(f"{md(cited.label)}. {text}" if cited.label else text)
        rows.append(("References", "<br>".join(refs)))
    if cable.classified_by or cable.reasons:
        by = md(cable.classified_by or "")
        rows.append(
            ("Classified by", f"{by}{', reasons ' + md(cable.reasons) if cable.reasons else ''}")
        )
    if cable.declassify:
        rows.append(("Declassify", md(cable.declassify)))
    table = [
        "| | |",
        "|---|---|",
        *(f"| **{key}** | {value.replace('|', '&#124;')} |" for key, value in rows),
    ]
    return ["\n".join(table)]


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


def _page_of(ident: str, date: str | None) -> str:
    """The page of another cable, from its id and date as the page inputs give them."""
    return paths.cable(ident, year_of(date, ident))


def _front(cable: Cable, inputs: dict[str, Any], in_archive: dict[str, str]) -> dict[str, Any]:
    ident = cable.id or ""
    roles = dict(inputs["roles"])
    people = {
        slug: {"name": name, "page": paths.person(slug), "roles": roles.get(slug, [])}
        for _, slug, name in inputs["forms"]
    }
    forms = {form: slug for form, slug, _ in inputs["forms"]}
    previous, following = inputs["neighbours"]
    first_text = cable.summary or next((p.text for p in cable.paragraphs if p.text), "")

    def ref(brief: list[str | None] | None) -> dict[str, Any] | None:
        if brief is None:
            return None
        other, other_title, date = brief
        return {"id": other, "title": other_title, "date": date, "page": _page_of(other, date)}

    return {
        "template": "cable.html",
        "id": ident,
        "title": title(cable),
        "description": plain_title(first_text[:240]),
        "date": cable.date,
        "year": cable_year(cable),
        "dtg": cable.dtg,
        "classification": cable.classification,
        "handling": list(cable.handling),
        "origin": {
            "code": cable.origin_code,
            "name": cable.origin,
            "page": paths.post(cable.origin_code) if cable.origin_code else None,
        },
        "classification_page": paths.classification(cable.classification)
        if cable.classification
        else None,
        "tags": tag_entries(cable),
        "subject": cable.subject,
        "section": {
            "number": cable.section.number,
            "of": cable.section.of,
            "joined": _joined(cable),
        }
        if cable.section and cable.section.of > 1
        else None,
        "partial": cable.partial,
        "participants": [
            {
                "name": p.name,
                "title": p.title,
                "side": p.side,
                "role": p.role,
                "person": forms.get(p.name),
            }
            for p in cable.participants
        ],
        "people": sorted(people.values(), key=lambda entry: (entry["name"], entry["page"])),
        "references": [
            {
                "label": r.label,
                "text": r.text,
                "id": r.id,
                "in_archive": bool(r.id and r.id in in_archive),
            }
            for r in cable.references
        ],
        "referenced_by": [ref(brief) for brief in inputs["referenced_by"]],
        "related": [ref(brief) for brief in inputs["related"]],
        "previous": ref(previous),
        "next": ref(following),
        "classified_by": cable.classified_by,
        "reasons": cable.reasons,
        "signer": cable.signer,
        "source": cable.source,
        "original": f"{ident}.txt",
        "id_source": cable.id_source,
        "filed_as": cable.filed_as,
        "paragraphs": sum(1 for p in cable.paragraphs if p.number is not None),
    }


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
    here = paths.cable(cable.filed_as, year_of(None, cable.filed_as))
    front = {
        "template": "redirect.html",
        "id": cable.id,
        "filed_as": cable.filed_as,
        "title": title(cable),
        "target": paths.cable(cable.id, cable_year(cable)),
        "search": {"exclude": True},
    }
    note = f"The release files this cable as {md(cable.filed_as)}; its text reads {md(cable.id)}."
    return here, front_matter(front) + "\n" + note + "\n"


def render_cable(cable: Cable, inputs: dict[str, Any]) -> tuple[str, str]:
    """The docs-relative path and the Markdown of *cable*'s page, from its full record and
    its :func:`page_inputs`."""
    ident = cable.id or ""
    here = paths.cable(ident, cable_year(cable))
    forms = {form: slug for form, slug, _ in inputs["forms"]}
    in_archive = {other: _page_of(other, date) for other, date in inputs["in_archive"]}
    spans = name_spans(cable, forms)
    parts: list[str] = [f"# {md(title(cable))}"]
    if cable.partial:
        parts.append(f'!!! partial "Partial extract"\n\n    {PARTIAL_NOTICE}')
    if cable.text_classification:
        parts.append(
            '!!! warning "Two classifications"\n\n'
            f"    The message was sent as {md(cable.classification or '')}, as its routing header"
            f" marks it; the classification line of the text it carries reads"
            f" {md(cable.text_classification)}. The page follows the routing header."
        )
    parts += _metadata(cable, in_archive, here)
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
                f"- [{md(other_title or '')}]({paths.link(here, _page_of(other, date))})"
                for other, other_title, date in referencing
            )
        )
    front = _front(cable, inputs, in_archive)
    return here, front_matter(front) + "\n" + "\n\n".join(parts) + "\n"
