"""The typed record of one cable: frozen, slotted dataclasses and their dict form.

:meth:`Cable.to_dict` is the documented contract of ``cable2md parse`` (see
``docs/record.md``): other tools and the site read these keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import Defect


@dataclass(frozen=True, slots=True)
class Section:
    number: int
    of: int


@dataclass(frozen=True, slots=True)
class Reference:
    label: str | None
    text: str
    id: str | None


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into a paragraph's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph, or (``number`` None) a block of unnumbered text."""

    number: int | None
    marking: str | None
    heading: str | None
    text: str
    line: int
    comments: tuple[Span, ...] = ()
    in_summary: bool = False


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    title: str | None
    side: str | None
    role: str | None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """An official named with a title in the text (``Foreign Minister Machimura``)."""

    name: str
    title: str | None
    paragraph: int | None
    line: int


@dataclass(frozen=True, slots=True)
class Artifact:
    """A line of transmission furniture (page header, repeated section header) kept aside."""

    line: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Cable:
    source: str
    id: str | None
    date: str | None
    dtg: str | None
    origin: str | None
    origin_code: str | None
    classification: str | None
    handling: tuple[str, ...]
    section: Section | None
    partial: bool
    tags: tuple[str, ...]
    subject: str | None
    subject_marking: str | None
    references: tuple[Reference, ...]
    to: tuple[str, ...]
    info: tuple[str, ...]
    pass_to: tuple[str, ...]
    classified_by: str | None
    reasons: str | None
    declassify: str | None
    executive_order: str | None
    summary: str | None
    paragraphs: tuple[Paragraph, ...]
    participants: tuple[Participant, ...]
    mentions: tuple[Mention, ...]
    signer: str | None
    trailer: tuple[str, ...]
    artifacts: tuple[Artifact, ...]
    year_source: str | None = None
    locations: tuple[tuple[str, int, int], ...] = ()  # (field, line, column) of header fields
    defects: tuple[Defect, ...] = field(default=())
    # Other cables whose text the file holds after this one's, each read on its own.
    appended: tuple[Cable, ...] = ()
    # Where the id came from: "text" (a date and serial the text states), "file" (its place
    # in the archive, cables/<year>/<ID>.txt), "guess" (a year inferred, not stated).
    id_source: str | None = None
    # The id the file is filed under in the archive when its text reads another.
    filed_as: str | None = None
    # The classification line's own label when the routing header gives another level (the
    # line heads another cable's text carried inside): the page shows the conflict.
    text_classification: str | None = None
    # The cable the text's classification line names when the routing header is another's
    # ("ISLAMABAD 000416" under Mexico's header): the page says the text is that cable's.
    carries: str | None = None

    def location(self, name: str) -> tuple[int, int]:
        """Line and column where header field *name* starts (1, 1 when it is not there)."""
        return next(((line, column) for key, line, column in self.locations if key == name), (1, 1))

    @property
    def comments(self) -> tuple[dict[str, Any], ...]:
        """Each COMMENT passage: the paragraph it stands in and its text."""
        found = []
        for paragraph in self.paragraphs:
            for span in paragraph.comments:
                found.append(
                    {"paragraph": paragraph.number, "text": paragraph.text[span.start : span.end]}
                )
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain data, in the documented key order."""
        return {
            "source": self.source,
            "id": self.id,
            "date": self.date,
            "dtg": self.dtg,
            "origin": self.origin,
            "origin_code": self.origin_code,
            "classification": self.classification,
            "handling": list(self.handling),
            "section": (
                {"number": self.section.number, "of": self.section.of} if self.section else None
            ),
            "partial": self.partial,
            "tags": list(self.tags),
            "subject": self.subject,
            "subject_marking": self.subject_marking,
            "references": [{"label": r.label, "text": r.text, "id": r.id} for r in self.references],
            "to": list(self.to),
            "info": list(self.info),
            "pass_to": list(self.pass_to),
            "classified_by": self.classified_by,
            "reasons": self.reasons,
            "declassify": self.declassify,
            "executive_order": self.executive_order,
            "summary": self.summary,
            "paragraphs": [
                {
                    "number": p.number,
                    "marking": p.marking,
                    "heading": p.heading,
                    "text": p.text,
                    "line": p.line,
                    "comments": [[s.start, s.end] for s in p.comments],
                    "in_summary": p.in_summary,
                }
                for p in self.paragraphs
            ],
            "comments": list(self.comments),
            "participants": [
                {"name": p.name, "title": p.title, "side": p.side, "role": p.role, "line": p.line}
                for p in self.participants
            ],
            "mentions": [
                {"name": m.name, "title": m.title, "paragraph": m.paragraph, "line": m.line}
                for m in self.mentions
            ],
            "signer": self.signer,
            "trailer": list(self.trailer),
            "artifacts": [{"line": a.line, "text": a.text, "kind": a.kind} for a in self.artifacts],
            "year_source": self.year_source,
            "locations": {name: [line, column] for name, line, column in self.locations},
            "defects": [d.to_dict() for d in self.defects],
            "appended": [cable.to_dict() for cable in self.appended],
            "id_source": self.id_source,
            "filed_as": self.filed_as,
            "text_classification": self.text_classification,
            "carries": self.carries,
        }


def cable_from_dict(record: dict[str, Any]) -> Cable:
    """The inverse of :meth:`Cable.to_dict`."""
    section = record.get("section")
    return Cable(
        source=record["source"],
        id=record["id"],
        date=record["date"],
        dtg=record["dtg"],
        origin=record["origin"],
        origin_code=record["origin_code"],
        classification=record["classification"],
        handling=tuple(record["handling"]),
        section=Section(section["number"], section["of"]) if section else None,
        partial=record["partial"],
        tags=tuple(record["tags"]),
        subject=record["subject"],
        subject_marking=record["subject_marking"],
        references=tuple(Reference(r["label"], r["text"], r["id"]) for r in record["references"]),
        to=tuple(record["to"]),
        info=tuple(record["info"]),
        pass_to=tuple(record["pass_to"]),
        classified_by=record["classified_by"],
        reasons=record["reasons"],
        declassify=record["declassify"],
        executive_order=record["executive_order"],
        summary=record["summary"],
        paragraphs=tuple(
            Paragraph(
                p["number"],
                p["marking"],
                p["heading"],
                p["text"],
                p["line"],
                tuple(Span(start, end) for start, end in p["comments"]),
                p["in_summary"],
            )
            for p in record["paragraphs"]
        ),
        participants=tuple(
            Participant(p["name"], p["title"], p["side"], p["role"], p["line"])
            for p in record["participants"]
        ),
        mentions=tuple(
            Mention(m["name"], m["title"], m["paragraph"], m["line"]) for m in record["mentions"]
        ),
        signer=record["signer"],
        trailer=tuple(record["trailer"]),
        artifacts=tuple(Artifact(a["line"], a["text"], a["kind"]) for a in record["artifacts"]),
        year_source=record["year_source"],
        locations=tuple((name, lc[0], lc[1]) for name, lc in record.get("locations", {}).items()),
        defects=tuple(Defect(d["line"], d["column"], d["message"]) for d in record["defects"]),
        appended=tuple(cable_from_dict(other) for other in record.get("appended", ())),
        id_source=record.get("id_source"),
        filed_as=record.get("filed_as"),
        text_classification=record.get("text_classification"),
        carries=record.get("carries"),
    )
