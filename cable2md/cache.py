"""Parsed records kept between builds, keyed by a file's bytes and the parser's own code.

A rebuild parses only files whose bytes (or whose parser) changed. The store is
one SQLite file holding, for each cable, the full record and its small summary
(the index reads only summaries; a cable page reads its full record). A record
parsed by other code is never returned: the key includes a fingerprint of the
parser's modules and data files, and a build drops such records (:meth:`RecordCache.prune`),
so the store holds one parse of the archive, not one per version of the parser.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
import zlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

# The modules whose code decides what a record holds and how it is stored; rendering code is
# not among them.
PARSER_MODULES = (
    "body", "cache", "classification", "data", "errors", "fields", "furniture", "header", "identity",
    "lines", "model", "names", "normalize", "officials", "paragraphs", "parse", "participants",
    "passages", "people", "read", "refs", "routing", "summary",
)  # fmt: skip


@cache
def fingerprint() -> str:
    """A digest of the parser's code and data: records parsed by other code do not match."""
    digest = hashlib.sha256()
    root = resources.files(__package__)
    names = [f"{module}.py" for module in PARSER_MODULES]
    names += sorted(
        f"data/{entry.name}" for entry in root.joinpath("data").iterdir() if entry.is_file()
    )
    for name in names:
        digest.update(name.encode())
        digest.update(root.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pack(value: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode(), 1)


def _unpack(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


class RecordCache:
    """``digest -> (record, summary)`` for the current parser, in ``<folder>/records.sqlite``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "records.sqlite"
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS parsed (key TEXT PRIMARY KEY, record BLOB, summary BLOB)"
        )
        self._prefix = fingerprint() + ":"

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

    def summaries(self, digests: list[str]) -> dict[str, tuple[Any, ...]]:
        """The summary rows (:meth:`Summary.to_row <cable2md.summary.Summary.to_row>`, or
        ``(None, problem)`` for a cable without an id) held for *digests*; those not held are
        missing from the result."""
        rows = self._rows("summary", digests)
        return {key: marshal.loads(blob) for key, blob in rows.items() if blob}

    def known(self, digests: list[str]) -> set[str]:
        """Which of *digests* have a parsed record here (a file that failed has none)."""
        return set(self._rows("length(record)", digests))

    def record(self, digest_: str) -> dict[str, Any]:
        row = self._db.execute(
            "SELECT record FROM parsed WHERE key = ?", (self._prefix + digest_,)
        ).fetchone()
        if row is None:
            raise KeyError(digest_)
        return _unpack(row[0])

    def put_many(self, entries: list[tuple[str, dict[str, Any], tuple[Any, ...]]]) -> None:
        """Store ``(digest, record, summary row)`` entries."""
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
