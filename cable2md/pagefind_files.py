"""Pagefind's index files: gzip-compressed CBOR behind a signature, named by their content."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def read_entry(bundle: Path) -> dict:
    """A bundle's ``pagefind-entry.json``: its version and, per language, its metadata file."""
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def load(path: Path) -> list:
    """The value stored in one Pagefind index file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise RuntimeError(f"{path}: not a Pagefind {SIGNATURE.decode()} file")
    return cbor2.loads(data[len(SIGNATURE) :])


def store(folder: Path, language: str, value: list, digits: int, pattern: str) -> str:
    """Write *value* as Pagefind does, named by its content; return the name's hash part."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    with gzip.GzipFile(folder / pattern.format(name), "wb", mtime=0) as handle:
        handle.write(data)
    return name
