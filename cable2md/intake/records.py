"""Cable files -> their records as text (``cable2md parse``), streamed in file order.

The files are parsed on all cores (:func:`cable2md.parallel.fork_map`, a few chunks ahead of
the writer) and each record is encoded in the worker that parsed it, so the command runs at
the parser's speed and holds only the chunks in flight, never every record.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import parallel
from ..parse import CableError, parse_file

CHUNK = 50  # files a worker parses and encodes before handing them back


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file's outcome: its record encoded (JSON text, or a dict for YAML), or the error
    that stopped it; and its defects, as ``path:line:col: message``."""

    path: str
    record: str | dict[str, Any] | None
    error: str | None
    defects: tuple[str, ...]


def _encode(record: dict[str, Any], form: str) -> str | dict[str, Any]:
    if form == "yaml":
        return record
    if form == "jsonl":
        return json.dumps(record, ensure_ascii=False)
    # One element of a JSON array indented by two, as json.dump(records, indent=2) writes it.
    return "  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _parse_chunk(options: tuple[str, bool], paths: list[str]) -> list[Parsed]:
    form, strict = options
    done = []
    for path in paths:
        try:
            cable = parse_file(path, strict=strict)
        except CableError as error:
            done.append(Parsed(path, None, str(error), ()))
            continue
        defects = tuple(defect.format(path) for defect in cable.defects)
        done.append(Parsed(path, _encode(cable.to_dict(), form), None, defects))
    return done


def parse_records(
    paths: Iterable[Path], form: str = "jsonl", *, strict: bool = False, jobs: int | None = None
) -> Iterator[Parsed]:
    """Each file of *paths* parsed and encoded as *form* (``json``, ``jsonl`` or ``yaml``),
    in the order given."""
    names = (str(path) for path in paths)
    # Enough files to know whether forking pays, without listing them all first.
    head = list(itertools.islice(names, parallel.PARALLEL_FROM))
    chunks = _chunks(itertools.chain(head, names))
    for done in parallel.fork_map(_parse_chunk, chunks, jobs, len(head), (form, strict)):
        yield from done


def _chunks(names: Iterator[str]) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(names, CHUNK)):
        yield chunk
