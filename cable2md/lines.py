"""Lines with their place in the source file: what every stage after ``read`` works on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """A piece of one source line: ``text`` starts at 1-based ``column`` of line ``number``."""

    number: int
    column: int
    text: str

    @property
    def blank(self) -> bool:
        return self.text.isspace() or not self.text

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def tail(self, offset: int) -> Line:
        """The rest of this line from character *offset* on."""
        return Line(self.number, self.column + offset, self.text[offset:])

    def head(self, end: int) -> Line:
        return Line(self.number, self.column, self.text[:end])


def number_lines(raw: Iterable[str]) -> list[Line]:
    return [Line(index, 1, text) for index, text in enumerate(raw, start=1)]


def texts(lines: Iterable[Line]) -> list[str]:
    return [line.text for line in lines]
