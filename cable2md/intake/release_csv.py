"""The release's cables.csv -> one raw file per cable, ``<cables>/<year>/<ID>.txt``.

The 2010-2011 release ships its cables as one CSV: index, date (``12/28/1966
18:48``), reference id, origin, classification, referenced ids, header, body;
fields may run over many lines and quotes inside them are escaped with a
backslash. The file is read as a stream, one record at a time, so memory stays
constant whatever its size. A cable's text is its header, a newline, and its
body, as the publisher's pages show it.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..parse import CableError

COLUMNS = ("index", "date", "id", "origin", "classification", "references", "header", "body")
_ID_RE = re.compile(r"^\d{2}[A-Z][A-Z0-9]*\d+$")
_DATE_RE = re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})")


@dataclass
class ImportReport:
    written: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


def rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The CSV's records with the line each starts on, read as a stream."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle, doublequote=False, escapechar="\\", strict=False)
        line = 1
        for record in reader:
            yield line, record
            line = reader.line_num + 1


def import_csv(path: Path, cables_dir: Path) -> ImportReport:
    """Write each record of the release CSV at *path* as ``<cables_dir>/<year>/<ID>.txt``."""
    report = ImportReport()
    for line, record in rows(path):
        if len(record) != len(COLUMNS):
            report.problems.append(
                str(
                    CableError(str(path), line, 1, f"{len(record)} fields, expected {len(COLUMNS)}")
                )
            )
            continue
        values = dict(zip(COLUMNS, record, strict=True))
        ident, date = values["id"].strip(), _DATE_RE.match(values["date"].strip())
        if not _ID_RE.match(ident) or date is None:
            report.problems.append(
                str(CableError(str(path), line, 1, f"no valid id and date in record {ident!r}"))
            )
            continue
        text = values["header"] + "\n" + values["body"]
        target = cables_dir / date.group("year") / f"{ident}.txt"
        data = text.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        report.written += 1
    return report
