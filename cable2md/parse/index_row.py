"""Record -> its index row: the few fields of a cable the archive index is built from.

At the scale of the whole release (251,000 cables) the full records do not fit
in memory together; the index needs only these few fields of each. Full records
stay in the parse cache and are read again one at a time, when a cable's own
page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from .model import Cable
from .sightings import Appearance, resolve, sightings

DESCRIPTION: Final = 600  # characters of summary or first paragraph kept for previews and the feed


@dataclass(frozen=True, slots=True)
class IndexRow:
    id: str
    source: str
    date: str | None
    dtg: str | None
    origin: str | None
    origin_code: str | None
    classification: str | None
    handling: tuple[str, ...]
    tags: tuple[str, ...]
    subject: str | None
    partial: bool
    reference_ids: tuple[str, ...]
    description: str
    sightings: tuple[tuple[str, Appearance], ...]
    # The cable's people as sightings.resolve finds them with no people file (each name with the
    # positions of its sightings): the index takes them as they are unless the people file
    # says that one of the cable's names is not a person's.
    people: tuple[tuple[str, tuple[int, ...]], ...] = ()
    filed_as: str | None = None  # the id the release files it under, when its text reads another

    def to_row(self) -> tuple[Any, ...]:
        """The row as plain tuples, strings and numbers (the parse cache stores it with
        :mod:`marshal`, which reads 20,000 of them several times faster than JSON)."""
        return (
            self.id, self.date, self.dtg, self.origin, self.origin_code, self.classification,
            tuple(self.handling), tuple(self.tags), self.subject, self.partial,
            tuple(self.reference_ids), self.description,
            tuple((n, a.role, a.title, a.side, a.form) for n, a in self.sightings),
            tuple((name, tuple(positions)) for name, positions in self.people), self.filed_as,
        )  # fmt: skip

    @classmethod
    def from_row(cls, row: tuple[Any, ...], source: str) -> IndexRow:
        ident, date, dtg, origin, code, classification, handling, tags, subject = row[:9]
        partial, reference_ids, description, sightings, people, filed_as = row[9:]
        return cls(
            ident, source, date, dtg, origin, code, classification, handling, tags, subject,
            partial, reference_ids, description,
            tuple((n, Appearance(ident, role, title, side, form)) for n, role, title, side, form in sightings),
            people, filed_as,
        )  # fmt: skip


def resolved(seen: tuple[tuple[str, Appearance], ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """:func:`~cable2md.parse.sightings.resolve` with no people file, as :attr:`IndexRow.people`
    holds it."""
    position = {id(appearance): at for at, (_, appearance) in enumerate(seen)}
    return tuple(
        (name, tuple(position[id(appearance)] for appearance in appearances))
        for name, appearances in resolve(seen).items()
    )


def index_row_of(cable: Cable) -> IndexRow:
    """The index row of a parsed cable that has an id."""
    text = cable.summary or next((p.text for p in cable.paragraphs if p.text), "")
    seen = tuple(sightings(cable))
    return IndexRow(
        cable.id or "", cable.source, cable.date, cable.dtg, cable.origin, cable.origin_code,
        cable.classification, cable.handling, cable.tags, cable.subject, cable.partial,
        tuple(r.id for r in cable.references if r.id), " ".join(text.split())[:DESCRIPTION],
        seen, resolved(seen), cable.filed_as,
    )  # fmt: skip
