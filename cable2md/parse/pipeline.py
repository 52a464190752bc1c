"""One cable file -> one :class:`~cable2md.parse.model.Cable` record.

:func:`parse_source` is the pipeline; its steps, in order:

1. ``read``: bytes to text, newlines normalised, lines numbered as in the file;
2. ``furniture``: page headers, page markings, distribution lists and repeated
   section headers set aside as artifacts (text continuing after a page header
   is kept);
3. ``header``: routing, classification line, caveats, E.O., TAGS, SUBJECT, REF,
   Classified By, and where the body begins;
4. ``identity``: id, date, origin and classification label;
5. ``body``: signer and trailer, numbered paragraphs with their markings and
   headings, unnumbered text blocks;
6. ``passages``: the summary and the COMMENT spans;
7. ``participants`` and ``officials``: the people named in lists and with titles;
8. the record, with every defect found on the way.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import Final

from . import fields, refs
from .body import block_text, read_body, truncation
from .classification import label, misspelled_level
from .errors import CableError, Defect
from .furniture import remove_furniture, strip_body_routing
from .header import Header, read_header
from .identity import identify
from .lines import Line, number_lines
from .model import Artifact, Cable, Paragraph, Section
from .normalize import join_lines
from .officials import find_mentions
from .participants import find_participants, list_blocks, list_text
from .passages import find_summary, mark_comments
from .provenance import id_of_record
from .read import Source, decode, read_source


def _field_text(lines: list[Line] | None) -> str | None:
    if not lines:
        return None
    return join_lines(line.text for line in lines) or None


def _check_header(source: Source, header, identity, body_lines: list[Line]) -> list[Defect]:
    defects: list[Defect] = []
    first = header.classification_line
    where: tuple[int, int] = (first.number, first.column) if first else (1, 1)
    if not (header.classification or header.sender or header.fields or header.dtg):
        raise CableError(
            source.path,
            1,
            1,
            "not a cable: no routing header, classification line, TAGS or SUBJECT found",
        )
    misspelled = None
    if header.classification is None:
        misspelled = _misspelled_line(source)
        if misspelled:
            line, written, level = misspelled
            where = (line, 1)
            defects.append(
                Defect(
                    *where,
                    f"this looks like the classification line, but {written!r} is not a "
                    f"classification: correct it to {level} as the cable has it (UNCLASSIFIED, "
                    "CONFIDENTIAL or SECRET)",
                )
            )
        else:
            defects.append(Defect(*where, "no classification line"))
    if identity.id is None:
        missing = (
            "post and number" if identity.number is None or identity.origin_code is None else "year"
        )
        cause = (
            "they stand on the classification line, which could not be read"
            if misspelled and missing == "post and number"
            else "the text does not give them"
        )
        defects.append(
            Defect(
                *where,
                f"no id could be formed: the cable's {missing} could not be read ({cause}); "
                "give the id with `cable2md add FILE --id ID`",
            )
        )
    elif identity.origin is None:
        defects.append(
            Defect(
                *where, f"unknown post {identity.origin_code!r}: not in cable2md/data/posts.yaml"
            )
        )
    if identity.envelope:
        defects.append(
            Defect(
                *where,
                f"the classification line names {identity.envelope}, another cable than the"
                f" routing header's {header.sender} #{header.de_number}: the id, origin and"
                " classification follow the routing header",
            )
        )
    if "TAGS" not in header.fields:
        defects.append(Defect(*where, "no TAGS line"))
    if "SUBJECT" not in header.fields:
        defects.append(Defect(*where, "no SUBJECT line"))
    if not any(not line.blank for line in body_lines):
        defects.append(Defect(*where, "the cable has no body text"))
    return defects


def _locations(header) -> tuple[tuple[str, int, int], ...]:
    found = []
    if header.classification_line:
        found.append(
            ("classification", header.classification_line.number, header.classification_line.column)
        )
    names = {
        "EO": "declassify",
        "TAGS": "tags",
        "SUBJECT": "subject",
        "REF": "references",
        "CLASSIFIED": "classified_by",
    }
    for kind, name in names.items():
        lines = header.fields.get(kind)
        if lines:
            found.append((name, lines[0].number, lines[0].column))
    return tuple(found)


def parse_source(source: Source, *, strict: bool = False) -> Cable:
    """Parse a decoded cable; under *strict*, the first defect raises :class:`CableError`."""
    return _parse(source, strict, placed=True)


def _parse(source: Source, strict: bool, *, placed: bool) -> Cable:
    """:func:`parse_source`; *placed*: the file's place in the archive may give the id (not
    for another cable the file holds, whose id is never the file's)."""
    cleaned = remove_furniture(number_lines(source.lines))
    header, body_lines = read_header(cleaned.lines)
    subject_fields = fields.parse_subject(_field_text(header.fields.get("SUBJECT")) or "")
    ref_text = _field_text(header.fields.get("REF"))
    identity = identify(
        header, subject_fields["subject"] or "", source.text, refs.explicit_years(ref_text or "")
    )
    defects = [*source.defects, *cleaned.defects, *header.defects]
    defects += _check_header(source, header, identity, body_lines)
    routing_lines: list[Artifact] = []
    if any("VZCZC" in line.text for line in body_lines):
        body_lines, routing_lines = strip_body_routing(body_lines, header.classification)
        if any(artifact.kind == "section-header" for artifact in routing_lines):
            body_lines, routing_lines = _telegram_header(header, body_lines, routing_lines)

    body = read_body(body_lines)
    cut = truncation(body)
    if cut:
        defects.append(cut)
    lists = list_blocks(body.blocks)
    paragraphs = [
        Paragraph(
            block.number,
            block.marking,
            block.heading,
            list_text(block) if listed else block_text(block, body.ocr),
            block.line,
        )
        for block, listed in zip(body.blocks, lists, strict=True)
    ]
    paragraphs = mark_comments([p for p in paragraphs if p.text or p.heading])
    summary, summary_indexes = find_summary(paragraphs)
    paragraphs = [
        replace(p, in_summary=True) if i in summary_indexes else p for i, p in enumerate(paragraphs)
    ]
    participants = find_participants(body.blocks, lists)
    classified = fields.parse_classified_by(_field_text(header.fields.get("CLASSIFIED")) or "")
    eo = fields.parse_eo(_field_text(header.fields.get("EO")) or "")
    section = header.classification.section if header.classification else None
    artifacts = [*cleaned.artifacts, *header.artifacts, *routing_lines]
    artifacts += [Artifact(line.number, line.stripped, "caveat") for line in body.caveat_lines]
    handling = list(header.handling)
    cable = Cable(
        source=source.path,
        id=identity.id,
        date=identity.date,
        dtg=header.dtg,
        origin=identity.origin,
        origin_code=identity.origin_code,
        classification=identity.classification,
        handling=tuple(handling),
        section=Section(*section) if section else None,
        partial=header.partial,
        tags=_tags(header),
        subject=subject_fields["subject"],
        subject_marking=subject_fields["subject_marking"],
        references=tuple(refs.parse_references(ref_text, identity.year) if ref_text else ()),
        to=tuple(header.to),
        info=tuple(header.info),
        pass_to=tuple(header.pass_to),
        classified_by=classified["classified_by"],
        reasons=classified["reasons"],
        declassify=eo["declassify"] if "EO" in header.fields else None,
        executive_order=eo["executive_order"] if "EO" in header.fields else None,
        summary=summary,
        paragraphs=tuple(paragraphs),
        participants=tuple(participants),
        mentions=tuple(find_mentions(paragraphs)),
        signer=body.signer,
        trailer=tuple(header.trailer + body.trailer),
        artifacts=tuple(sorted(artifacts, key=lambda artifact: artifact.line)),
        year_source=identity.year_source,
        locations=_locations(header),
        defects=tuple(defects),
    )
    cable = id_of_record(cable, identity, source.path if placed else "")
    carried = identity.envelope or (identity.mixed[0] if identity.mixed else None)
    if carried:
        cable = replace(cable, carries=carried)
    line = header.classification
    stated = label(line.level, tuple(header.handling)) if line and line.level else None
    if (
        stated
        and identity.classification
        and stated.split("//")[0] != identity.classification.split("//")[0]
    ):
        cable = replace(cable, text_classification=stated)
    if cleaned.appended:
        cable = replace(cable, appended=_appended(source, cleaned.appended))
    if strict and cable.defects:
        raise CableError.from_defect(source.path, cable.defects[0])
    return cable


def _tags(header: Header) -> tuple[str, ...]:
    """The TAGS of the header, then those only the telegram's own header adds."""
    tags = fields.parse_tags(_field_text(header.fields.get("TAGS")) or "")
    if not header.telegram_tags:
        return tuple(tags)
    more = fields.parse_tags(_field_text(header.telegram_tags) or "")
    return tuple(dict.fromkeys([*tags, *more]))


def _telegram_header(
    header: Header, lines: list[Line], set_aside: list[Artifact]
) -> tuple[list[Line], list[Artifact]]:
    """The telegram's own header after a database's copy of it (its routing block and
    classification line were *set_aside*): its fields fill those the copy lacks, its TAGS
    join the copy's, and its lines are set aside as the header repeated."""
    telegram, rest = read_header(lines)
    if not ({"TAGS", "SUBJECT"} & telegram.fields.keys()):
        return lines, set_aside
    for key, field_lines in telegram.fields.items():
        header.fields.setdefault(key, field_lines)
    if "TAGS" in telegram.fields and header.fields["TAGS"] is not telegram.fields["TAGS"]:
        header.telegram_tags = telegram.fields["TAGS"]
    header.pass_to = header.pass_to or telegram.pass_to
    kept = {line.number for line in rest}
    noted = {artifact.line for artifact in telegram.artifacts}
    set_aside = [*set_aside, *telegram.artifacts]
    set_aside += [
        Artifact(line.number, line.stripped, "section-header")
        for line in lines
        if not line.blank and line.number not in kept and line.number not in noted
    ]
    return rest, set_aside


def _misspelled_line(source: Source) -> tuple[int, str, str] | None:
    """The first of the file's first lines that is a classification line with its level
    misspelled: its line number, the word written and the level meant."""
    for number, text in enumerate(source.lines[:60], 1):
        found = misspelled_level(text)
        if found:
            return number, *found
    return None


# A database export's row: "50133  2006-01-19  06THEHAGUE131  Embassy The Hague  CONFIDENTIAL"
# and the cable's first line after it.
_EXPORT_ROW_RE: Final = re.compile(
    r"^\s*\d{3,7}\s+(?P<date>\d{4}-\d\d-\d\d)(?:\s+\d\d:\d\d(?::\d\d)?)?\s+(?P<id>\d{2}[A-Z]{2,}\d+)\s+.*?"
    r"(?P<level>UNCLASSIFIED|CONFIDENTIAL|SECRET)(?://[A-Z ]+)?\s+(?=\S)"
)


def _appended(source: Source, lines: list[Line]) -> tuple[Cable, ...]:
    """The cable whose text *lines* hold, read on its own at its own lines; an export's row
    gives its id and date when its text does not."""
    row = _EXPORT_ROW_RE.match(lines[0].text)
    # Each piece at its own line and column of the file (lines set aside as furniture stay
    # blank), so the other cable's lines and defects are counted as the file's.
    numbered = [""] * lines[-1].number
    for at, line in enumerate(lines):
        text = line.text
        if at == 0 and row:  # the row's fields blanked out: the cable's line keeps its columns
            text = re.sub(r"\S", " ", text[: row.end()]) + text[row.end() :]
        before = numbered[line.number - 1]
        numbered[line.number - 1] = before.ljust(line.column - 1) + text
    text = "\n".join(numbered)
    try:
        other = _parse(
            Source(source.path, text, tuple(text.split("\n")), source.encoding), False, placed=False
        )
    except CableError:
        return ()
    if row and (other.id is None or other.classification is None):
        answered = ("no id could be formed", "no classification line")
        other = replace(
            other,
            id=other.id or row.group("id"),
            date=other.date or row.group("date"),
            classification=other.classification or row.group("level"),
            defects=tuple(d for d in other.defects if not d.message.startswith(answered)),
        )
    return (other,)


def parse_bytes(data: bytes, path: str = "<cable>", *, strict: bool = False) -> Cable:
    """Parse a cable given as bytes; *path* names it in errors."""
    return parse_source(decode(data, path), strict=strict)


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Cable:
    """Read and parse the cable file at *path*."""
    return parse_source(read_source(path), strict=strict)
