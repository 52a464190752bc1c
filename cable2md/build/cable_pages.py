"""The index and the cached records -> the cable pages whose inputs changed (step 5 of the build).

A page's key is a digest of the rendering code, its record and what the index says about it
(:func:`~cable2md.render.page_inputs`): a page whose key the last build wrote is not even
rendered. The pages due are rendered on all cores, each worker reading the full records
from the cache itself; the index stays with this process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import parallel
from ..archive import Index, cable_year
from ..parse import IndexRow, cable_from_dict
from ..render import page_inputs, paths, render_cable
from .cache import RecordCache
from .fingerprints import render_fingerprint
from .writer import Writer, packed

Job = tuple[str, str, dict[str, Any], str]  # record key, source, page inputs, page key


@dataclass
class _Renderer:
    """What the render workers share: where pages go, and the record cache, which each
    process opens for itself (a database connection does not survive a fork)."""

    docs: Path
    cache_dir: Path
    store: RecordCache | None = None


def _render_batch(renderer: _Renderer, jobs: list[Job]) -> list[tuple[str, str]]:
    if renderer.store is None:
        renderer.store = RecordCache(renderer.cache_dir)
    written = []
    for key, source, inputs, page_key in jobs:
        cable = cable_from_dict({**renderer.store.record(key), "source": source})
        relative, text = render_cable(cable, inputs)
        target = renderer.docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append((relative, page_key))
    return written


def _pack_batch(docs: Path, part: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Write each source of *part* gzip-compressed (:func:`.writer.packed`) to its place under
    *docs*."""
    for relative, source, _key in part:
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(packed(Path(source).read_bytes()))
    return [(relative, key) for relative, _source, key in part]


def _page_key(record_key: str, inputs: dict[str, Any]) -> str:
    # repr, not JSON: the inputs are strings, numbers, None, lists and tuples in a set order,
    # whose repr is as stable and several times faster to write.
    text = repr([render_fingerprint(), record_key, inputs])
    return "page:" + hashlib.sha256(text.encode()).hexdigest()[:24]


def render_cables(
    index: Index,
    chosen: dict[str, tuple[Path, str, IndexRow]],
    writer: Writer,
    cache_dir: Path,
    jobs: int | None,
    to_key: set[str] | None = None,
) -> int:
    """Render the cable pages whose inputs changed; the pages of cables not in *to_key*
    (when given) are kept as they are if they are on disk. Returns how many were rendered."""
    todo = []
    to_pack: list[tuple[str, str, str]] = []  # (relative path, source, key) of originals
    titles: dict[str, str] = {}
    for ident in index.order:
        path, key, row = chosen[ident]
        relative = paths.cable(ident, cable_year(row))
        if to_key is None or ident in to_key or not writer.keep(relative):
            page_key = _page_key(key, page_inputs(index, ident, titles))
            if not writer.current(relative, page_key):
                todo.append((ident, page_key))
        # The file as released, compressed: the site's largest file kind after the pages
        # (docs/performance.md); assets/original.js shows it and saves it as .txt.
        packed, packed_key = relative[:-3] + ".txt.gz", "gz:" + key[:24]
        if not writer.current(packed, packed_key):
            to_pack.append((packed, str(path), packed_key))
    # Compressing is CPU work on every file of a cold build: it runs on all cores, as the pages do
    for part in parallel.fork_map(
        _pack_batch, parallel.chunks(to_pack, 200), jobs, len(to_pack), writer.docs
    ):
        for relative, packed_key in part:
            writer.written(relative, packed_key)

    def batches() -> Iterator[list[Job]]:
        # Each page's inputs are worked out again as its batch is due (not kept for all
        # pages at once): the workers get them with the job and never read the index.
        for part in parallel.chunks(todo, 100):
            yield [
                (chosen[ident][1], chosen[ident][2].source, page_inputs(index, ident, titles), page_key)
                for ident, page_key in part
            ]  # fmt: skip

    renderer = _Renderer(writer.docs, cache_dir)
    try:
        done = [
            pair
            for part in parallel.fork_map(_render_batch, batches(), jobs, len(todo), renderer)
            for pair in part
        ]
    finally:
        if renderer.store is not None:  # opened here when the pages were rendered here
            renderer.store.close()
    for relative, page_key in done:
        writer.written(relative, page_key)
    return len(done)
