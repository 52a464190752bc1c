"""The archive index -> its data files: ``data/cables.json.gz`` and ``data/cables.csv.gz``.

One row a cable, in the index's order, for readers who want the metadata whole. They are
written gzip-compressed (by the writer, from the name), which pandas, R and archive tools read
as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from ..archive import Index, cable_year
from . import paths


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
    yield "data/cables.json.gz", f"[\n{lines}\n]\n" if rows else "[]\n"
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
    yield "data/cables.csv.gz", buffer.getvalue()
