"""Cable files -> their parsed summaries, one cable per id (steps 1-3 of the build).

:func:`cable_files` lists the archive's files; :func:`parse_new` parses those the cache
does not hold, on all cores, and stores each record and summary; :func:`one_per_id`
keeps one cable per id, reporting identical copies and conflicting texts by name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import cores
from .cache import RecordCache
from .errors import CableError
from .parse import parse_bytes
from .summary import Summary, summarize

if TYPE_CHECKING:
    from .build import Report


def cable_files(folder: Path) -> list[Path]:
    """The ``*.txt`` files under *folder*, sorted (os.scandir: rglob is slow over 251k files)."""
    found: list[str] = []
    folders = [str(folder)]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                folders.append(entry.path)
            elif entry.name.endswith(".txt") and entry.is_file():
                found.append(entry.path)
    return sorted(map(Path, found))


# --- parsing -------------------------------------------------------------------------------


def _parse_one(
    item: tuple[str, str],
) -> tuple[str, dict[str, Any] | None, tuple[Any, ...] | None, str | None]:
    path, key = item
    try:
        cable = parse_bytes(Path(path).read_bytes(), path)
    except CableError as error:
        return key, None, None, str(error)
    if cable.id is None:
        problem = next(
            (d.message for d in cable.defects if "id" in d.message), "no id could be formed"
        )
        return key, cable.to_dict(), (None, problem), None
    return key, cable.to_dict(), summarize(cable).to_row(), None


def parse_new(
    files: dict[Path, str], cache_: RecordCache, jobs: int | None, report: Report
) -> dict[str, str]:
    """Parse the files whose digest the cache does not hold; return errors by digest."""
    known = cache_.known(sorted(set(files.values())))
    todo = sorted({key: str(path) for path, key in files.items() if key not in known}.items())
    errors: dict[str, str] = {}
    batch: list[tuple[str, dict[str, Any], tuple[Any, ...]]] = []
    items = [(path, key) for key, path in todo]
    workers = cores.workers(jobs, len(items))
    results: Iterable = map(_parse_one, items)
    pool = cores.fork_pool(workers) if workers > 1 else None
    if pool:
        results = pool.map(
            _parse_one, items, chunksize=max(1, min(200, len(items) // (workers * 8)))
        )
    try:
        for key, record, summary, error in results:
            if error:
                errors[key] = error
                continue
            batch.append((key, record, summary))
            report.parsed += 1
            if len(batch) >= 500:
                cache_.put_many(batch)
                batch = []
    finally:
        if pool:
            pool.shutdown()
    cache_.put_many(batch)
    return errors


# --- one cable per id ----------------------------------------------------------------------


def one_per_id(
    files: dict[Path, str], summaries: dict[str, tuple[Any, ...]], root: Path, report: Report
) -> dict[str, tuple[Path, str, Summary]]:
    chosen: dict[str, tuple[Path, str, Summary]] = {}
    prefix = f"{root.as_posix().rstrip('/')}/"  # string slicing: pathlib is slow over 251k files
    for path, key in files.items():
        row = summaries.get(key)
        if row is None:
            continue
        if row[0] is None:
            report.rejected.append(f"{path}:1: no id could be formed: {row[1]}")
            continue
        name = path.as_posix()
        source = name[len(prefix) :] if name.startswith(prefix) else name
        summary = Summary.from_row(row, source)
        if summary.id in chosen:
            other_path, other_key, _ = chosen[summary.id]
            if other_key == key:
                report.duplicates.append((str(path), str(other_path)))
            else:
                report.rejected.append(
                    f"{path}:1: cable {summary.id} is also in {other_path} with a different text"
                )
            continue
        chosen[summary.id] = (path, key, summary)
    return chosen
