"""Lines with their place in the source file: what every stage after ``read`` works on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, init=False)
class Line:
    """A piece of one source line: ``text`` starts at 1-based ``column`` of line ``number``."""

    number: int
    column: int
    text: str
    # Every stage asks these of every line, many times over: they are computed once.
    stripped: str = field(repr=False, compare=False)
    blank: bool = field(repr=False, compare=False)

    def __init__(self, number: int, column: int, text: str) -> None:
        # How a frozen dataclass sets its fields; written out, quicker than in __post_init__.
        stripped = text.strip()
        setter = object.__setattr__
        setter(self, "number", number)
        setter(self, "column", column)
        setter(self, "text", text)
        setter(self, "stripped", stripped)
        setter(self, "blank", not stripped)

    def tail(self, offset: int) -> Line:
        """The rest of this line from character *offset* on."""
        return Line(self.number, self.column + offset, self.text[offset:])

    def head(self, end: int) -> Line:
        return Line(self.number, self.column, self.text[:end])


def number_lines(raw: Iterable[str]) -> list[Line]:
    return [Line(index, 1, text) for index, text in enumerate(raw, start=1)]


def texts(lines: Iterable[Line]) -> list[str]:
    return [line.text for line in lines]
