"""Pagefind's index files: gzip-compressed CBOR (a page's fragment: JSON) behind a signature,
named by their content."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def read_entry(bundle: Path) -> dict:
    """A bundle's ``pagefind-entry.json``: its version and, per language, its metadata file."""
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def _payload(path: Path) -> bytes:
    """What one Pagefind index file holds behind its signature."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise RuntimeError(f"{path}: not a Pagefind {SIGNATURE.decode()} file")
    return data[len(SIGNATURE) :]


def load(path: Path) -> list:
    """The value stored in one Pagefind index file."""
    return cbor2.loads(_payload(path))


def index_entries(bundle: Path) -> Iterator[list]:
    """Every word of a bundle's index as Pagefind stores it: ``[word, postings, ...]``, each
    posting ``[page, locations, ...]``, its locations word positions (a negative number sets a
    weight; the others count on from the one before)."""
    for info in read_entry(bundle)["languages"].values():
        meta = load(bundle / f"pagefind.{info['hash']}.pf_meta")
        for _first, _last, digest in meta[2]:
            for chunk in load(bundle / "index" / f"{digest}.pf_index"):
                yield from chunk


def store(folder: Path, language: str, value: list, digits: int, pattern: str) -> str:
    """Write *value* as Pagefind does, named by its content; return the name's hash part."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    with gzip.GzipFile(folder / pattern.format(name), "wb", mtime=0) as handle:
        handle.write(data)
    return name


def drop_paragraph_text(path: Path) -> None:
    """Rewrite a page's fragment without the text of its anchors that are not headings.

    Pagefind keeps every element with an id as an anchor, with its whole text: for a cable
    page, each paragraph (``#p3``) a second time beside the page's content. Its script reads
    the text of heading anchors only (a result's sections); the search page reads the other
    anchors' places, to link a result to its paragraph.
    """
    fragment = json.loads(_payload(path))
    for anchor in fragment.get("anchors", ()):
        if not (len(anchor.get("element", "")) == 2 and anchor["element"][0] in "hH"):
            anchor["text"] = ""
    text = json.dumps(fragment, ensure_ascii=False, separators=(",", ":"))
    path.write_bytes(gzip.compress(SIGNATURE + text.encode("utf-8"), 9, mtime=0))
