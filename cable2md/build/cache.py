"""Parsed records kept between builds, keyed by a file's bytes and the parser's own code.

A rebuild parses only files whose bytes (or whose parser) changed. The store is
one SQLite file holding, for each cable, the full record and its index row
(the index reads only rows; a cable page reads its full record). A record
parsed by other code is never returned: the key includes a fingerprint of the
parser's code and data files (:func:`~cable2md.build.fingerprints.parser_fingerprint`), and
a build drops such records (:meth:`RecordCache.prune`), so the store holds one parse of the
archive, not one per version of the parser.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from .fingerprints import parser_fingerprint


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pack(value: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode(), 1)


def _unpack(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


class RecordCache:
    """``digest -> (record, index row)`` for the current parser, in ``<folder>/records.sqlite``.

    *parser* is the parser's fingerprint (the current code's by default)."""

    def __init__(self, folder: Path, parser: str | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "records.sqlite"
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS parsed (key TEXT PRIMARY KEY, record BLOB, summary BLOB)"
        )
        self._prefix = (parser or parser_fingerprint()) + ":"

    def _rows(self, column: str, digests: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        keys = [self._prefix + d for d in digests]
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, {column} FROM parsed WHERE key IN ({marks})"
            for key, blob in self._db.execute(query, chunk):
                found[key[len(self._prefix) :]] = blob
        return found

    def index_rows(self, digests: list[str]) -> dict[str, tuple[Any, ...]]:
        """The index rows (:meth:`IndexRow.to_row <cable2md.parse.index_row.IndexRow.to_row>`, or
        ``(None, problem)`` for a cable without an id) held for *digests*; those not held are
        missing from the result."""
        rows = self._rows("summary", digests)
        return {key: marshal.loads(blob) for key, blob in rows.items() if blob}

    def known(self, digests: list[str]) -> set[str]:
        """Which of *digests* have a parsed record here (a file that failed has none)."""
        return set(self._rows("length(record)", digests))

    def record(self, key: str) -> dict[str, Any]:
        row = self._db.execute(
            "SELECT record FROM parsed WHERE key = ?", (self._prefix + key,)
        ).fetchone()
        if row is None:
            raise KeyError(key)
        return _unpack(row[0])

    def put_many(self, entries: list[tuple[str, dict[str, Any], tuple[Any, ...]]]) -> None:
        """Store ``(digest, record, index row)`` entries."""
        rows = [(self._prefix + d, _pack(r), marshal.dumps(s)) for d, r, s in entries]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO parsed VALUES (?, ?, ?)", rows)

    def prune(self) -> int:
        """Drop the records parsed by other code (never returned again); return how many.
        Their space is reused by the records stored next."""
        after = self._prefix[:-1] + chr(ord(":") + 1)  # the first key past this parser's
        with self._db:
            cursor = self._db.execute(
                "DELETE FROM parsed WHERE key < ? OR key >= ?", (self._prefix, after)
            )
        return cursor.rowcount

    def close(self) -> None:
        self._db.close()
