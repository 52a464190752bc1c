"""Cables folder -> the generated Markdown tree under ``docs/`` (``cable2md build``).

Steps, in order:

1. find the cable files (``*.txt`` under the cables folder, sorted);
2. parse them on all cores, through a cache keyed by each file's bytes and the
   parser's code, so a rebuild parses only what changed;
3. keep one cable per id: identical copies are one cable, different texts
   under one id are rejected with an error naming both files;
4. index the archive (people, topics, posts, dates, references);
5. render every page, write only those whose content changed, and remove
   generated pages that are no longer produced;
6. report how many cables were read, written and rejected.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import paths
from .archive import Index, build_index, cable_year
from .cache import RecordCache, digest
from .errors import CableError
from .model import Cable, cable_from_dict
from .parse import parse_bytes
from .people import Curation
from .render_cable import render_cable
from .render_pages import (
    classification_pages,
    date_pages,
    index_pages,
    person_pages,
    post_pages,
    topic_pages,
)

MANIFEST = ".cable2md-manifest.json"


@dataclass
class Report:
    files: int = 0
    cables: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    parsed: int = 0

    def summary(self) -> str:
        lines = [
            f"cable2md build: read {self.files} files, {self.cables} cables "
            f"({self.parsed} parsed, {self.files - self.parsed - len(self.rejected)} from cache); "
            f"wrote {self.written} files, {self.unchanged} unchanged, {self.removed} removed; "
            f"{len(self.duplicates)} duplicate, {len(self.rejected)} rejected"
        ]
        lines += [
            f"  duplicate: {path} has the same text as {other}" for path, other in self.duplicates
        ]
        lines += [f"  rejected: {message}" for message in self.rejected]
        return "\n".join(lines)


def cable_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.txt") if path.is_file())


def _parse_one(item: tuple[str, bytes]) -> tuple[str, dict[str, Any] | None, str | None]:
    path, data = item
    try:
        return path, parse_bytes(data, path).to_dict(), None
    except CableError as error:
        return path, None, str(error)


def parse_all(
    files: list[Path], root: Path, cache: RecordCache | None, jobs: int | None, report: Report
) -> tuple[list[tuple[Path, bytes, Cable]], list[str]]:
    """Parse *files*; return ``(path, bytes, record)`` for each readable one, and the errors."""
    contents = {path: path.read_bytes() for path in files}
    digests = {path: digest(data) for path, data in contents.items()}
    cached = cache.get_many(list(set(digests.values()))) if cache else {}
    todo = [(str(path), contents[path]) for path in files if digests[path] not in cached]
    fresh: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    workers = jobs or os.cpu_count() or 1
    if len(todo) > 50 and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results: Iterable = pool.map(
                _parse_one, todo, chunksize=max(1, len(todo) // (workers * 8))
            )
            results = list(results)
    else:
        results = [_parse_one(item) for item in todo]
    for path, record, error in results:
        if error:
            errors[path] = error
        else:
            fresh[digests[Path(path)]] = record
    report.parsed = len(fresh)
    if cache and fresh:
        cache.put_many(fresh)
    cached.update(fresh)
    parsed = []
    for path in files:
        record = cached.get(digests[path])
        if record is not None:
            record = {
                **record,
                "source": path.relative_to(root).as_posix()
                if path.is_relative_to(root)
                else str(path),
            }
            parsed.append((path, contents[path], cable_from_dict(record)))
    return parsed, [errors[str(p)] for p in files if str(p) in errors]


def one_per_id(
    parsed: list[tuple[Path, bytes, Cable]], report: Report
) -> dict[str, tuple[Path, bytes, Cable]]:
    chosen: dict[str, tuple[Path, bytes, Cable]] = {}
    for path, data, cable in parsed:
        if cable.id is None:
            report.rejected.append(f"{path}:1: no id could be formed: {_first_defect(cable)}")
            continue
        if cable.id in chosen:
            other_path, other_data, _ = chosen[cable.id]
            if hashlib.sha256(data).digest() == hashlib.sha256(other_data).digest():
                report.duplicates.append((str(path), str(other_path)))
            else:
                report.rejected.append(
                    f"{path}:1: cable {cable.id} is also in {other_path} with a different text"
                )
            continue
        chosen[cable.id] = (path, data, cable)
    return chosen


def _first_defect(cable: Cable) -> str:
    return next((d.message for d in cable.defects if "id" in d.message), "id not found")


def data_files(index: Index) -> Iterator[tuple[str, str]]:
    rows = []
    for ident in index.order:
        cable = index.cables[ident]
        rows.append({
            "id": ident, "date": cable.date, "year": cable_year(cable), "origin": cable.origin,
            "origin_code": cable.origin_code, "classification": cable.classification,
            "handling": list(cable.handling), "tags": list(cable.tags), "subject": cable.subject,
            "references": [r.id for r in cable.references if r.id], "partial": cable.partial,
            "source": cable.source, "page": paths.cable(ident, cable_year(cable)),
        })  # fmt: skip
    yield "data/cables.json", json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = list(rows[0]) if rows else ["id"]
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                "|".join(map(str, v)) if isinstance(v, list) else "" if v is None else v
                for v in row.values()
            ]
        )
    yield "data/cables.csv", buffer.getvalue()


def render_all(index: Index) -> Iterator[tuple[str, str]]:
    for ident in index.order:
        yield render_cable(index, ident)
    for pages in (
        person_pages,
        topic_pages,
        post_pages,
        date_pages,
        classification_pages,
        index_pages,
    ):
        yield from pages(index)
    yield from data_files(index)


class Writer:
    """Writes files under *docs* only when their content changed, and removes stale ones."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.manifest_path = docs / MANIFEST
        try:
            self.old: dict[str, str] = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.old = {}
        self.new: dict[str, str] = {}

    def write(self, relative: str, content: bytes | str, report: Report) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        key = hashlib.sha256(data).hexdigest()[:24]
        self.new[relative] = key
        target = self.docs / relative
        if self.old.get(relative) == key and target.exists():
            report.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        report.written += 1

    def finish(self, report: Report) -> None:
        for relative in sorted(set(self.old) - set(self.new)):
            target = self.docs / relative
            if target.exists():
                target.unlink()
                report.removed += 1
        self.docs.mkdir(parents=True, exist_ok=True)
        self.manifest_path.write_text(
            json.dumps(self.new, indent=0, sort_keys=True), encoding="utf-8"
        )


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
    files = cable_files(cables_dir)
    report.files = len(files)
    cache = RecordCache(cache_dir) if cache_dir else None
    try:
        parsed, errors = parse_all(files, cables_dir, cache, jobs, report)
    finally:
        if cache:
            cache.close()
    report.rejected += errors
    chosen = one_per_id(parsed, report)
    report.cables = len(chosen)
    index = build_index([cable for _, _, cable in chosen.values()], Curation.load(people_file))
    writer = Writer(docs_dir)
    for relative, text in render_all(index):
        writer.write(relative, text, report)
    for ident, (_path, data, cable) in chosen.items():
        writer.write(f"cables/{cable_year(cable)}/{ident}.txt", data, report)
    writer.finish(report)
    return report, index
