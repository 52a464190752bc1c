"""Parsed records kept between builds, keyed by a file's bytes and the parser's own code.

A rebuild parses only files whose bytes (or whose parser) changed. The store is
one SQLite file; a record parsed by other code is never returned, because the
key includes a fingerprint of every module and data file of the package.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

# The modules whose code decides what a record holds; rendering code is not among them.
PARSER_MODULES = (
    "body", "classification", "data", "errors", "fields", "furniture", "header", "identity",
    "lines", "model", "names", "normalize", "officials", "paragraphs", "parse", "participants",
    "passages", "read", "refs", "routing",
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


class RecordCache:
    """``digest -> record dict`` for the current parser, in ``<folder>/records.sqlite``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / "records.sqlite")
        self._db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, record BLOB)")
        self._prefix = fingerprint() + ":"

    def get_many(self, digests: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        keys = [self._prefix + d for d in digests]
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(
                f"SELECT key, record FROM records WHERE key IN ({marks})", chunk
            ):
                found[key[len(self._prefix) :]] = json.loads(zlib.decompress(blob))
        return found

    def put_many(self, records: dict[str, dict[str, Any]]) -> None:
        rows = [
            (self._prefix + key, zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 1))
            for key, record in records.items()
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()
