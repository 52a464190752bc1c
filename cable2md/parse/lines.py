"""Lines with their place in the source file: what every stage after ``read`` works on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final


class Line:
    """A piece of one source line: ``text`` starts at 1-based ``column`` of line ``number``."""

    __slots__ = ("blank", "column", "number", "stripped", "text")

    def __init__(self, number: int, column: int, text: str) -> None:
        # Final: a line is never changed (mypy checks it; compiled, these are plain slots,
        # where a frozen dataclass would set each through object.__setattr__).
        self.number: Final = number
        self.column: Final = column
        self.text: Final = text
        # Every stage asks these of every line, many times over: they are computed once.
        self.stripped: Final = text.strip()
        self.blank: Final = not self.stripped

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.column}, {self.text!r})"

    def tail(self, offset: int) -> Line:
        """The rest of this line from character *offset* on."""
        return Line(self.number, self.column + offset, self.text[offset:])

    def head(self, end: int) -> Line:
        return Line(self.number, self.column, self.text[:end])


def number_lines(raw: Iterable[str]) -> list[Line]:
    return [Line(index, 1, text) for index, text in enumerate(raw, start=1)]


def texts(lines: Iterable[Line]) -> list[str]:
    return [line.text for line in lines]
