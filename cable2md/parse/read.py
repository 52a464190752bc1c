"""Bytes -> text: decoding, newline normalisation and the map back to source lines.

Newlines are the only thing changed here (``\\r\\n`` and ``\\r`` become ``\\n``), so
line *n* of :attr:`Source.lines` is line *n* of the file and every later stage
can report positions against the file as it is on disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Final

from .errors import CableError, Defect

MAX_BYTES: Final = 5 * 1024 * 1024
_CONTROL_LIMIT: Final = 0.01  # share of control characters above which a file is not text
# Not tab, newline, vertical tab, form feed, carriage return. In UTF-8 and Windows-1252 alike
# each of these characters is the one byte of its value: they are counted in the bytes, quickly.
_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded cable file: its text, split into lines, with the decoding defects."""

    path: str
    text: str
    lines: tuple[str, ...]
    encoding: str
    defects: tuple[Defect, ...] = ()


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def decode(data: bytes, path: str) -> Source:
    """Decode one cable's bytes; raise :class:`CableError` for input that is not a cable text."""
    if len(data) > MAX_BYTES:
        raise CableError(
            path,
            1,
            1,
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for a cable",
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise CableError(path, line, column, "file holds a NUL byte: binary data, not a cable text")
    defects: list[Defect] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        defects.append(
            Defect(
                line,
                column,
                "text is not UTF-8 (first bad byte here); the file is read as Windows-1252",
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CableError(path, 1, 1, "file is empty: no cable text")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(8, _CONTROL_LIMIT * len(text)):
        raise CableError(
            path, 1, 1, f"file holds {controls} control characters: binary data, not a cable text"
        )
    return Source(path, text, tuple(text.split("\n")), encoding, tuple(defects))


def oversize(path: str | os.PathLike[str]) -> CableError | None:
    """The error for a file too large to be a cable, found without reading it."""
    size = os.path.getsize(path)
    if size <= MAX_BYTES:
        return None
    return CableError(
        os.fspath(path),
        1,
        1,
        f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a cable",
    )


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read and decode the cable file at *path*."""
    name = os.fspath(path)
    try:
        error = oversize(name)
        if error:
            raise error
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise CableError(name, 1, 1, f"cannot read file: {exc.strerror or exc}") from exc
    return decode(data, name)
