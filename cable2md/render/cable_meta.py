"""One record and its page inputs -> what its page says about it: the metadata table, the
front matter the template reads, the TAGS entries, the id's proof and the markings' names."""

from __future__ import annotations

import re
from typing import Any

from ..archive import cable_year, canonical_codes, is_keyword, year_of
from ..parse import Cable, IndexRow, reference
from . import paths
from .escape import md, plain_title

MARKINGS = {
    "TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL", "U": "UNCLASSIFIED",
    "SBU": "SENSITIVE BUT UNCLASSIFIED", "LOU": "LIMITED OFFICIAL USE", "NF": "NOFORN",
    "FOUO": "FOR OFFICIAL USE ONLY",
}  # fmt: skip


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
        elif not codes and is_keyword(tag):
            entries.append({"code": tag, "name": None, "kind": "keyword", "page": None})
        else:
            page = paths.topic(codes[0]) if len(codes) == 1 else None
            entries.append(
                {"code": tag, "name": entry.get("name"), "kind": entry.get("kind"), "page": page}
            )
    return entries


def marking_badge(marking: str) -> str:
    names = " / ".join(MARKINGS.get(part, part) for part in marking.replace("//", "/").split("/"))
    return f'<abbr title="{md(names)}">{md(marking)}</abbr>'


def joined_sections(cable: Cable) -> bool:
    """Whether the file holds the sections of a cable sent in several, joined: each section
    after the first repeats the header, which reading set aside."""
    return any(artifact.kind == "section-header" for artifact in cable.artifacts)


def id_proof(cable: Cable) -> str:
    """Where the page's id comes from, in a reader's words."""
    ident = cable.id or ""
    if cable.filed_as:
        return f"{ident}, as its text reads; filed in the release as {cable.filed_as}"
    return {
        "text": f"{ident}, from the date and serial the text states",
        "file": f"{ident}, from the release (the text gives no date)",
        "guess": f"{ident}, inferred: the text gives no date, and the year is a guess",
    }.get(cable.id_source or "", ident)


def metadata_table(cable: Cable, in_archive: dict[str, str], here: str) -> list[str]:
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
        rows.append(("Id", md(id_proof(cable))))
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
        if joined_sections(cable):
            rows.append(("Sections", f"all {cable.section.of}, joined in this text"))
        else:
            rows.append(("Section", f"{cable.section.number} of {cable.section.of}"))
    keywords = [tag for tag in cable.tags if is_keyword(tag)]
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
        marking = f"{marking_badge(cable.subject_marking)} " if cable.subject_marking else ""
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


def summary_line(text: str, limit: int = 160) -> str:
    """*text* cut to *limit* characters for a page's description (search engines and link
    previews show about that much): at the last sentence that ends within it, else at the
    last word, "…" marking the cut."""
    if len(text) <= limit:
        return text
    sentence = text.rfind(". ", 0, limit)
    while sentence > limit // 2 and not text[sentence - 1].islower():
        sentence = text.rfind(". ", 0, sentence)  # "Stephen D. Krasner", "U.S. help"
    if sentence > limit // 2:
        return text[: sentence + 1]
    cut = text.rfind(" ", 0, limit)
    while cut > limit // 2 and re.fullmatch(r"[A-Z]\.", text[cut - 2 : cut]):
        cut = text.rfind(" ", 0, cut)  # not after an initial: "Stephen D.…"
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-") + "…"


def page_of(ident: str, date: str | None) -> str:
    """The page of another cable, from its id and date as the page inputs give them."""
    return paths.cable(ident, year_of(date, ident))


def front_of(cable: Cable, inputs: dict[str, Any], in_archive: dict[str, str]) -> dict[str, Any]:
    ident = cable.id or ""
    roles = dict(inputs["roles"])
    several = set(inputs["several"])
    people = {
        slug: {
            "name": name,
            "page": paths.person(slug),
            "roles": roles.get(slug, []),
            "filter": slug in several,
        }
        for _, slug, name in inputs["forms"]
    }
    forms = {form: slug for form, slug, _ in inputs["forms"]}
    previous, following = inputs["neighbours"]
    first_text = cable.summary or next((p.text for p in cable.paragraphs if p.text), "")

    def ref(brief: list[str | None] | None) -> dict[str, Any] | None:
        if brief is None:
            return None
        other, other_title, date = brief
        return {"id": other, "title": other_title, "date": date, "page": page_of(other, date)}

    return {
        "template": "cable.html",
        "id": ident,
        "title": title(cable),
        "description": summary_line(plain_title(first_text)),
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
            "joined": joined_sections(cable),
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
