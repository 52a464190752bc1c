"""A parsed cable and its file's path -> the id of record and its proof.

The id comes from the text when it states a date (DTG or dateline); otherwise from the file's
place in the archive, ``cables/<year>/<ID>.txt``; a year inferred from the subject, the DECL
date or the years the text names is a guess, recorded as such with a defect at the line it came
from, as is an id that mixes a routing header with another cable's classification line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from .errors import Defect
from .identity import Identity
from .model import Cable

# A file at its place in the archive: cables/<year>/<ID>.txt, the id's two digits the year's.
_PLACE_RE: Final = re.compile(
    r"(?:^|[/\\])(?P<year>(?:19|20)\d\d)[/\\](?P<id>\d{2}[A-Z][A-Z0-9]*?\d+)\.txt$"
)


def place_id(path: str) -> str | None:
    """The id that a file's place in the archive gives it, if it is at such a place."""
    match = _PLACE_RE.search(path)
    if match is None or match.group("id")[:2] != match.group("year")[2:]:
        return None
    return match.group("id")


def id_of_record(cable: Cable, identity: Identity, path: str) -> Cable:
    """The id of record and where it came from: the text when it states a date, else the
    file's place in the archive; a year inferred is a guess, said so on the line it came from."""
    filed = place_id(path)
    if cable.id is None:  # the text gives no id at all: the archive's place still may
        return replace(cable, id=filed, id_source="file") if filed else cable
    if identity.mixed:  # the text's own line and its routing header name two cables
        if filed:
            return replace(cable, id=filed, id_source="file")
        line, column = cable.location("classification")
        named, sender = identity.mixed
        note = Defect(
            line,
            column,
            f"the id {cable.id} rests on a guess: the routing header is {sender}'s but the"
            f" classification line names {named}, so the text is another cable's and the id mixes"
            " the two. Give the release's id with `cable2md add FILE --id ID`",
        )
        return replace(cable, id_source="guess", defects=(*cable.defects, note))
    if identity.year_source in ("dtg", "dateline"):
        if filed and filed != cable.id:
            return replace(cable, id_source="text", filed_as=filed)
        return replace(cable, id_source="text")
    if filed:
        return replace(cable, id=filed, id_source="file")
    line, column = identity.year_evidence or cable.location("classification")
    note = Defect(
        line,
        column,
        f"the id {cable.id} rests on a guess: the text gives no date, and the year"
        f" {cable.id[:2]} comes from {_GUESSED_FROM[identity.year_source or 'text']}."
        " Give the id with `cable2md add FILE --id ID` (the release's id when you have it),"
        " or keep this one with `cable2md add FILE --accept-guess`",
    )
    return replace(cable, id_source="guess", defects=(*cable.defects, note))


_GUESSED_FROM: Final = {
    "subject": "the year the subject names",
    "decl": "the declassification date",
    "text": "the year the text names most often",
}
