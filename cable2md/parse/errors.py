"""Errors and defects, each carrying the place in the source it is about.

A *defect* is a recoverable problem recorded on the parsed record (like
``email``'s defects); a :class:`CableError` is a problem that stops one file
from being read. Both print as ``path:line:col: message``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Defect:
    """A recoverable problem found while reading a cable (1-based line and column)."""

    line: int
    column: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.message}"

    def to_dict(self) -> dict[str, int | str]:
        return {"line": self.line, "column": self.column, "message": self.message}


class CableError(Exception):
    """A cable could not be read; ``str()`` gives ``path:line:col: message``."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message

    @classmethod
    def from_defect(cls, path: str, defect: Defect) -> CableError:
        return cls(path, defect.line, defect.column, defect.message)
