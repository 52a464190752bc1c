"""Layer 1, parse: one raw cable file -> one :class:`Cable` record (stdlib and PyYAML only).

The pipeline is :func:`parse_source` (``pipeline.py``); its stages, in order:

- ``read``: bytes -> numbered lines (``lines``), a bad file -> :class:`CableError`;
- ``furniture``: page headers, markings, repeated section headers, routing blocks -> artifacts
  (a database export's line-end marks first: ``exports``);
- ``header``: routing (``routing``), the classification line (``classification``), the
  fields (``fields``: TAGS, SUBJECT, E.O., Classified By, REF via ``refs``);
- ``identity``: id, date, origin, classification label (two-digit years: ``years``); the
  id of record and its proof, from the text or the file's place (``provenance``);
- ``body``: numbered paragraphs (``paragraphs``), headings, signer; OCR repairs (``normalize``);
- ``passages``: the summary and the COMMENT spans;
- ``participants``, ``officials``, ``lone_names``, ``names``: the people named; ``sightings`` lists them;
- ``model``: the record; ``errors``: defects and errors with their line and column;
- ``index_row``: the few fields of a record the archive index is built from;
- ``reference``: the look-ups into ``cable2md/data/``.

``native`` loads these modules compiled with mypyc when they are built from this source.
"""

from .native import use_native

use_native(__path__)  # before any other module of the parser is imported: see native.py

from .errors import CableError, Defect  # noqa: E402
from .index_row import IndexRow, index_row_of  # noqa: E402
from .model import Cable, cable_from_dict  # noqa: E402
from .pipeline import parse_bytes, parse_file, parse_source  # noqa: E402
from .provenance import place_id  # noqa: E402
from .read import oversize  # noqa: E402
from .sightings import Appearance  # noqa: E402
from .years import full_year  # noqa: E402

__all__ = [
    "Appearance",
    "Cable",
    "CableError",
    "Defect",
    "IndexRow",
    "cable_from_dict",
    "full_year",
    "index_row_of",
    "oversize",
    "parse_bytes",
    "parse_file",
    "parse_source",
    "place_id",
]
