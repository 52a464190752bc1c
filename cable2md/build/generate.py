"""Cables folder -> the generated Markdown tree of the site (``cable2md build``).

Steps, in order:

1. find the cable files (``*.txt`` under the cables folder, sorted) and hash them;
2. parse the files not parsed before, on all cores; the cache keeps each
   record and its index row, keyed by the file's bytes and the parser's code (records parsed
   by other code are dropped) (``collect``, ``cache``);
3. keep one cable per id: identical copies are one cable, different texts
   under one id are rejected with an error naming both files (``collect``);
4. index the archive from the index rows alone (memory stays small), and score the
   related cables of the cables a change can reach (all of them, the first time)
   (``incremental``);
5. render the cable pages whose inputs changed (their record, or what the index
   says about them), on all cores, each from its full record in the cache; after a
   small change only the pages it can reach are checked (``cable_pages``);
6. render the listing pages (people, topics, posts, dates, classifications) and
   the data files, and write those whose content changed (``writer``);
7. remove generated files that are no longer produced, and report how many
   cables were read, written and rejected (``report``).
"""

from __future__ import annotations

import gc
import hashlib
import json
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..archive import (
    Curation,
    Index,
    Manifest,
    Person,
    build_index,
    index_people,
    relate,
    topic_weights,
)
from ..archive.manifest import NAME as MANIFEST
from ..parse import Appearance, IndexRow, oversize, place_id
from ..render import (
    SITE_DATA,
    classification_pages,
    data_files,
    date_pages,
    index_pages,
    person_pages,
    post_pages,
    redirect_pages,
    site_data,
    topic_pages,
)
from . import incremental
from .added import added_days
from .cable_pages import render_cables
from .cache import RecordCache, digest
from .collect import cable_files, one_per_id, parse_new
from .fingerprints import inputs_digest
from .incremental import Listed
from .report import Report
from .writer import Writer


def listing_pages(index: Index, listed: Listed | None = None) -> Iterator[tuple[str, str]]:
    """The browse pages and data files; with *listed*, only the browse pages it names."""
    months = listed and listed.months  # a long listing's pages of other months list no change
    yield from person_pages(index, listed and listed.people, months, listed and listed.renamed)
    yield from topic_pages(index, listed and listed.topics, months)
    yield from post_pages(index, listed and listed.posts)
    yield from date_pages(index, months)
    yield from classification_pages(index, listed and listed.classifications, months)
    yield from index_pages(index)
    yield from redirect_pages(index)
    yield from data_files(index)


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
    found = cable_files(cables_dir)
    report.files = len(found)
    # A file too large to be a cable is rejected before it is read (or hashed).
    too_large = {path: error for path in found if (error := oversize(path))}
    # A record depends on the bytes and, for a file at its place (cables/<year>/<ID>.txt), on
    # the id that place gives: the same text elsewhere reads another id of record.
    files = {
        path: _keyed(digest(path.read_bytes()), place_id(str(path)))
        for path in found
        if path not in too_large
    }
    scratch = None
    collecting = gc.isenabled()
    if cache_dir is None:
        scratch = tempfile.TemporaryDirectory(prefix="cable2md-cache-")
        cache_dir = Path(scratch.name)
    try:
        store = RecordCache(cache_dir)
        try:
            store.prune()
            report.parsed, errors = parse_new(files, store, jobs)
            # From here on, millions of small objects and few cycles: the cyclic collector would
            # walk them all again and again.
            gc.disable()
            rows = store.index_rows(sorted(set(files.values())))
        finally:
            store.close()
        for path in found:
            if path in too_large:
                report.rejected.append(str(too_large[path]))
            elif files[path] in errors:
                report.rejected.append(errors[files[path]])
        chosen = one_per_id(files, rows, cables_dir)
        report.duplicates += chosen.duplicates
        report.rejected += chosen.rejected
        del rows  # each index row keeps what it needs of its stored row
        moved = Manifest.read(cables_dir / MANIFEST).moved
        days = added_days(cables_dir)
        root = cables_dir.resolve()
        added = {
            ident: day
            for ident, (path, _, _) in chosen.cables.items()
            if (day := days.get(path.resolve().relative_to(root).as_posix()))
        }
        return _build_pages(
            docs_dir, chosen.cables, report, cache_dir, people_file, jobs, moved, added
        )
    finally:
        if collecting:
            gc.enable()
        if scratch is not None:
            scratch.cleanup()


PEOPLE_CACHE = "people.pickle"


def _people(rows: list[IndexRow], curation: Curation, cache_dir: Path, inputs: str):
    """:func:`index_people` of *rows*, kept in *cache_dir* for the next build: the same rows,
    code, data and people file give the same people, and a rebuild need not resolve them again
    (the whole archive's names, every build)."""
    hasher = hashlib.sha256(inputs.encode())
    for row in sorted(rows, key=lambda row: row.id or ""):
        hasher.update(repr((row.id, row.date, row.origin_code, row.sightings, row.people)).encode())
    key = hasher.hexdigest()
    path = cache_dir / PEOPLE_CACHE
    try:
        with path.open("rb") as handle:
            stored_key, people, cable_people = pickle.load(handle)
        if stored_key == key:
            return {slug: _person(entry) for slug, entry in people.items()}, cable_people
    except Exception:  # none yet, or of an older form: worked out again below
        pass
    people, cable_people = index_people(rows, curation)
    # Plain tuples: the compiled parser's appearances are not picklable as objects.
    plain = {slug: _plain(person) for slug, person in people.items()}
    with path.open("wb") as handle:
        pickle.dump((key, plain, cable_people), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return people, cable_people


def _plain(person: Person) -> tuple:
    appearances = [(a.cable, a.role, a.title, a.side, a.form) for a in person.appearances]
    return (person.key, person.name, person.slug, person.note, person.surname_only,
            appearances, person.also, person.evidence, person.candidates, person.who)  # fmt: skip


def _person(entry: tuple) -> Person:
    key, name, slug, note, surname_only, appearances, also, evidence, candidates, who = entry
    return Person(key, name, slug, note, surname_only, [Appearance(*a) for a in appearances],
                  also, evidence, candidates, who)  # fmt: skip


def _keyed(text_digest: str, place: str | None) -> str:
    return f"{text_digest}@{place}" if place else text_digest


def _build_pages(
    docs_dir: Path,
    chosen: dict[str, tuple[Path, str, IndexRow]],
    report: Report,
    cache_dir: Path,
    people_file: Path | None,
    jobs: int | None,
    moved: dict[str, str],
    added: dict[str, str],
) -> tuple[Report, Index]:
    report.cables = len(chosen)
    rows = [row for _, _, row in chosen.values()]
    people = _people(rows, Curation.load(people_file), cache_dir, inputs_digest(people_file))
    index = build_index(rows, people=people)
    index.moved, index.added = moved, added
    now = incremental.state(
        index, {ident: key for ident, (_, key, _) in chosen.items()}, inputs_digest(people_file)
    )
    previous = incremental.load(docs_dir)
    delta = incremental.compare(previous, now)
    if delta is None:
        previous = None  # of no use, and large: the memory is better spent rendering
    index.related = relate(index, jobs, incremental.related_to_keep(index, previous, now, delta))
    now.update(
        related=index.related, weights=topic_weights(index), referenced_by=index.referenced_by
    )
    to_key = incremental.cables_to_key(index, previous, now, delta)
    listed = incremental.plan(previous, now, delta)
    del previous
    writer = Writer(docs_dir)
    report.rendered = render_cables(index, chosen, writer, cache_dir, jobs, to_key)
    if listed is not None and not all(
        [writer.keep(page) for page in incremental.kept_pages(index, listed)]
    ):
        listed = None  # a page to keep is gone from disk: render them all
    for relative, text in listing_pages(index, listed):
        writer.write(relative, text)
    writer.finish()
    report.written += writer.files_written
    report.unchanged += writer.files_unchanged
    report.removed += writer.files_removed
    incremental.save(docs_dir, now)
    (docs_dir / SITE_DATA).write_text(
        json.dumps(site_data(index), ensure_ascii=False), encoding="utf-8"
    )
    return report, index
