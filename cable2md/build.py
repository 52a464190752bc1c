"""Cables folder -> the generated Markdown tree of the site (``cable2md build``).

Steps, in order:

1. find the cable files (``*.txt`` under the cables folder, sorted) and hash them;
2. parse the files not parsed before, on all cores; the cache keeps each
   record and its summary, keyed by the file's bytes and the parser's code (records parsed
   by other code are dropped);
3. keep one cable per id: identical copies are one cable, different texts
   under one id are rejected with an error naming both files;
4. index the archive from the summaries alone (memory stays small), and score the
   related cables of the cables a change can reach (all of them, the first time);
5. render the cable pages whose inputs changed (their record, or what the index
   says about them), on all cores, each from its full record in the cache; after a
   small change only the pages it can reach are checked;
6. render the listing pages (people, topics, posts, dates, classifications) and
   the data files, and write those whose content changed;
7. remove generated files that are no longer produced, and report how many
   cables were read, written and rejected.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import cores, incremental, paths
from .archive import Index, build_index, cable_year
from .cache import RecordCache, digest, fingerprint
from .collect import cable_files, one_per_id, parse_new
from .incremental import Listed
from .model import cable_from_dict
from .people import Curation
from .read import oversize
from .related import relate, topic_weights
from .render_cable import page_inputs, render_cable
from .render_indexes import index_pages
from .render_pages import (
    classification_pages,
    date_pages,
    person_pages,
    post_pages,
    topic_pages,
)
from .stats import SITE_DATA, site_data
from .summary import Summary
from .writer import Writer

RENDER_MODULES = (
    "archive", "escape", "paths", "render_cable", "render_pages", "render_indexes", "listings",
    "build", "stats", "incremental", "related", "collect",
)  # fmt: skip


@dataclass
class Report:
    files: int = 0
    cables: int = 0
    parsed: int = 0
    rendered: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    def summary(self) -> str:
        lines = [
            f"cable2md build: read {self.files} files, {self.cables} cables "
            f"({self.parsed} parsed, {self.rendered} cable pages rendered); "
            f"wrote {self.written} files, {self.unchanged} unchanged, {self.removed} removed; "
            f"{len(self.duplicates)} duplicate, {len(self.rejected)} rejected"
        ]
        lines += [
            f"  duplicate: {path} has the same text as {other}" for path, other in self.duplicates
        ]
        lines += [f"  rejected: {message}" for message in self.rejected]
        return "\n".join(lines)


@cache
def render_fingerprint() -> str:
    """A digest of the rendering code: a change to it renders every page again."""
    hasher = hashlib.sha256()
    root = resources.files(__package__)
    for module in RENDER_MODULES:
        hasher.update(root.joinpath(f"{module}.py").read_bytes())
    return hasher.hexdigest()[:16]


# --- rendering -----------------------------------------------------------------------------

_STATE: dict[str, Any] = {}  # what forked render workers share: the cache and the docs folder


def _render_batch(jobs: list[tuple[str, str, dict[str, Any], str]]) -> list[tuple[str, str]]:
    docs: Path = _STATE["docs"]
    store = _STATE.get("store")
    if store is None:
        store = _STATE["store"] = RecordCache(_STATE["cache_dir"])
    written = []
    for key, source, inputs, page_key in jobs:
        cable = cable_from_dict({**store.record(key), "source": source})
        relative, text = render_cable(cable, inputs)
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append((relative, page_key))
    return written


def data_files(index: Index) -> Iterator[tuple[str, str]]:
    rows = []
    for ident in index.order:
        cable = index.cables[ident]
        rows.append({
            "id": ident, "date": cable.date, "year": cable_year(cable), "origin": cable.origin,
            "origin_code": cable.origin_code, "classification": cable.classification,
            "handling": list(cable.handling), "tags": list(cable.tags), "subject": cable.subject,
            "references": list(cable.reference_ids), "partial": cable.partial,
            "source": cable.source, "page": paths.cable(ident, cable_year(cable)),
        })  # fmt: skip
    # One cable a line: readable, diffable, and written by the C encoder (indent= is not);
    # one encoder for all (json.dumps with options builds one per call).
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ",\n".join(encode(row) for row in rows)
    yield "data/cables.json", f"[\n{lines}\n]\n" if rows else "[]\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(rows[0]) if rows else ["id"])
    for row in rows:
        writer.writerow(
            [
                "|".join(map(str, v)) if isinstance(v, list) else "" if v is None else v
                for v in row.values()
            ]
        )
    yield "data/cables.csv", buffer.getvalue()


def listing_pages(index: Index, listed: Listed | None = None) -> Iterator[tuple[str, str]]:
    """The browse pages and data files; with *listed*, only the browse pages it names."""
    months = listed and listed.months  # a long listing's pages of other months list no change
    yield from person_pages(index, listed and listed.people, months, listed and listed.renamed)
    yield from topic_pages(index, listed and listed.topics, months)
    yield from post_pages(index, listed and listed.posts)
    yield from date_pages(index, months)
    yield from classification_pages(index, listed and listed.classifications, months)
    yield from index_pages(index)
    yield from data_files(index)


def _inputs(people_file: Path | None) -> str:
    """A digest of all that every page depends on: the code, its data, the people file."""
    curation = people_file.read_bytes() if people_file and people_file.exists() else b""
    return hashlib.sha256(
        f"{render_fingerprint()}:{fingerprint()}:".encode() + curation
    ).hexdigest()[:24]


def _page_key(record_key: str, inputs: dict[str, Any]) -> str:
    # repr, not JSON: the inputs are strings, numbers, None, lists and tuples in a set order,
    # whose repr is as stable and several times faster to write (20,000 keys a build).
    text = repr([render_fingerprint(), record_key, inputs])
    return "page:" + hashlib.sha256(text.encode()).hexdigest()[:24]


def render_cables(
    index: Index,
    chosen: dict[str, tuple[Path, str, Summary]],
    writer: Writer,
    cache_dir: Path,
    jobs: int | None,
    to_key: set[str] | None = None,
) -> int:
    """Render the cable pages whose inputs changed; the pages of cables not in *to_key*
    (when given) are kept as they are if they are on disk."""
    todo = []
    titles: dict[str, str] = {}
    for ident in index.order:
        path, key, summary = chosen[ident]
        relative = paths.cable(ident, cable_year(summary))
        if to_key is None or ident in to_key or not writer.keep(relative):
            page_key = _page_key(key, page_inputs(index, ident, titles))
            if not writer.current(relative, page_key):
                todo.append((ident, page_key))
        writer.copy(relative[:-3] + ".txt", path, "raw:" + key[:24])

    def batches() -> Iterator[list[tuple[str, str, dict[str, Any], str]]]:
        # Each page's inputs are worked out again as its batch is due (not kept for all
        # pages at once): the workers get them with the job and never read the index.
        for part in cores.chunks(todo, 100):
            yield [
                (
                    chosen[ident][1],
                    chosen[ident][2].source,
                    page_inputs(index, ident, titles),
                    page_key,
                )
                for ident, page_key in part
            ]

    _STATE.clear()
    _STATE.update(docs=writer.docs, cache_dir=cache_dir)
    try:
        done = [pair for part in cores.fork_map(_render_batch, batches(), jobs, len(todo)) for pair in part]  # fmt: skip
    finally:
        store = _STATE.get("store")
        if store is not None:
            store.close()
        _STATE.clear()
    for relative, page_key in done:
        writer.written(relative, page_key)
    return len(done)


def build(
    cables_dir: Path,
    docs_dir: Path,
    *,
    cache_dir: Path | None = None,
    people_file: Path | None = None,
    jobs: int | None = None,
) -> tuple[Report, Index]:
    """Build the generated pages of *docs_dir* from the cables in *cables_dir*."""
    report = Report()
    paths_ = cable_files(cables_dir)
    report.files = len(paths_)
    # A file too large to be a cable is rejected before it is read (or hashed).
    too_large = {path: error for path in paths_ if (error := oversize(path))}
    files = {path: digest(path.read_bytes()) for path in paths_ if path not in too_large}
    scratch = None
    collecting = gc.isenabled()
    if cache_dir is None:
        scratch = tempfile.TemporaryDirectory(prefix="cable2md-cache-")
        cache_dir = Path(scratch.name)
    try:
        store = RecordCache(cache_dir)
        try:
            store.prune()
            errors = parse_new(files, store, jobs, report)
            # From here on, millions of small objects and few cycles: the cyclic collector would
            # walk them all again and again (a third of an incremental build at 20,000 cables).
            gc.disable()
            summaries = store.summaries(sorted(set(files.values())))
        finally:
            store.close()
        for path in paths_:
            if path in too_large:
                report.rejected.append(str(too_large[path]))
            elif files[path] in errors:
                report.rejected.append(errors[files[path]])
        chosen = one_per_id(files, summaries, cables_dir, report)
        del summaries  # each summary keeps what it needs of its row; the rest is 22 MiB at 20k
        return _build_pages(docs_dir, chosen, report, cache_dir, people_file, jobs)
    finally:
        if collecting:
            gc.enable()
        if scratch is not None:
            scratch.cleanup()


def _build_pages(
    docs_dir: Path,
    chosen: dict[str, tuple[Path, str, Summary]],
    report: Report,
    cache_dir: Path,
    people_file: Path | None,
    jobs: int | None,
) -> tuple[Report, Index]:
    report.cables = len(chosen)
    index = build_index([summary for _, _, summary in chosen.values()], Curation.load(people_file))
    now = incremental.state(
        index, {ident: key for ident, (_, key, _) in chosen.items()}, _inputs(people_file)
    )
    previous = incremental.load(docs_dir)
    delta = incremental.compare(previous, now)
    if delta is None:
        previous = None  # of no use, and 3 KB a cable: the memory is better spent rendering
    index.related = relate(index, jobs, incremental.related_to_keep(index, previous, now, delta))
    now.update(
        related=index.related, weights=topic_weights(index), referenced_by=index.referenced_by
    )
    to_key = incremental.cables_to_key(index, previous, now, delta)
    listed = incremental.plan(previous, now, delta)
    del previous
    writer = Writer(docs_dir, report)
    report.rendered = render_cables(index, chosen, writer, cache_dir, jobs, to_key)
    if listed is not None and not all(
        [writer.keep(page) for page in incremental.kept_pages(index, listed)]
    ):
        listed = None  # a page to keep is gone from disk: render them all
    for relative, text in listing_pages(index, listed):
        writer.write(relative, text)
    writer.finish()
    incremental.save(docs_dir, now)
    (docs_dir / SITE_DATA).write_text(
        json.dumps(site_data(index), ensure_ascii=False), encoding="utf-8"
    )
    return report, index
