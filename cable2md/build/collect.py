"""Cable files -> their index rows, one cable per id (steps 1-3 of the build).

:func:`cable_files` lists the archive's files; :func:`parse_new` parses those the cache
does not hold, on all cores, and stores each record and index row; :func:`one_per_id`
keeps one cable per id, naming identical copies and conflicting texts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import parallel
from ..parse import CableError, IndexRow, full_year, index_row_of, parse_bytes
from .cache import RecordCache


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
        defect = next(
            (d for d in cable.defects if d.message.startswith("no id could be formed")), None
        )
        problem = (
            f"{defect.line}:{defect.column}: {defect.message}"
            if defect
            else "1:1: no id could be formed"
        )
        return key, cable.to_dict(), (None, problem), None
    return key, cable.to_dict(), index_row_of(cable).to_row(), None


def parse_new(
    files: dict[Path, str], store: RecordCache, jobs: int | None
) -> tuple[int, dict[str, str]]:
    """Parse the files whose digest *store* does not hold and store them; return how many
    were parsed, and the errors by digest."""
    known = store.known(sorted(set(files.values())))
    todo = sorted({key: str(path) for path, key in files.items() if key not in known}.items())
    errors: dict[str, str] = {}
    parsed = 0
    batch: list[tuple[str, dict[str, Any], tuple[Any, ...]]] = []
    items = [(path, key) for key, path in todo]
    workers = parallel.workers(jobs, len(items))
    results: Iterable = map(_parse_one, items)
    pool = parallel.fork_pool(workers) if workers > 1 else None
    if pool:
        results = pool.map(
            _parse_one, items, chunksize=max(1, min(200, len(items) // (workers * 8)))
        )
    try:
        for key, record, row, error in results:
            if error:
                errors[key] = error
                continue
            batch.append((key, record, row))
            parsed += 1
            if len(batch) >= 500:
                store.put_many(batch)
                batch = []
    finally:
        if pool:
            pool.shutdown()
    store.put_many(batch)
    return parsed, errors


# --- one cable per id ----------------------------------------------------------------------


@dataclass
class Chosen:
    """One cable per id: its file, the file's digest and its index row; and what was set aside."""

    cables: dict[str, tuple[Path, str, IndexRow]] = field(default_factory=dict)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, same text as)
    rejected: list[str] = field(default_factory=list)


_ID_NAME_RE = re.compile(r"\d\d[A-Z][A-Z-]*\d+")


def _misplaced(source: str) -> str | None:
    """Why a file in a year folder is not at its place (``<year>/<ID>.txt``), or None: its
    year folder decides its page's address, so a wrong one must not publish."""
    folder, _, filename = source.rpartition("/")
    year = folder.rpartition("/")[2]
    if not (len(year) == 4 and year.isdigit()):
        return None  # not in a year folder: files outside the archive's layout are read as given
    stem = filename.removesuffix(".txt")
    if not _ID_NAME_RE.fullmatch(stem):
        return (
            f"misplaced: a file in a year folder is named by its cable's id ({year}/<ID>.txt); "
            "`cable2md add FILE` names and places it"
        )
    expected = str(full_year(int(stem[:2])))
    if year != expected:
        return (
            f"misplaced: cable {stem} belongs in the year folder {expected}, not {year}; "
            f"move it to {expected}/{stem}.txt (git mv), or let `cable2md add` place it"
        )
    return None


def one_per_id(files: dict[Path, str], rows: dict[str, tuple[Any, ...]], root: Path) -> Chosen:
    chosen = Chosen()
    prefix = f"{root.as_posix().rstrip('/')}/"  # string slicing: pathlib is slow over 251k files
    for path, key in files.items():
        row = rows.get(key)
        if row is None:
            continue
        if row[0] is None:
            chosen.rejected.append(f"{path}:{row[1]}")
            continue
        name = path.as_posix()
        source = name[len(prefix) :] if name.startswith(prefix) else name
        misplaced = _misplaced(source)
        if misplaced:
            chosen.rejected.append(f"{path}:1:1: {misplaced}")
            continue
        cable = IndexRow.from_row(row, source)
        if cable.id in chosen.cables:
            other_path, other_key, _ = chosen.cables[cable.id]
            if other_key.split("@")[0] == key.split("@")[0]:  # the same bytes, placed or not
                chosen.duplicates.append((str(path), str(other_path)))
            else:
                chosen.rejected.append(
                    f"{path}:1: cable {cable.id} is also in {other_path} with a different text"
                )
            continue
        chosen.cables[cable.id] = (path, key, cable)
    return chosen
