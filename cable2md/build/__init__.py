"""Layer 4, build: a cables folder -> the generated pages on disk (``cable2md build``).

``generate`` is the pipeline (its docstring lists the steps): ``collect`` finds, hashes and
parses the files, ``cache`` keeps the parsed records, ``incremental`` works out what a change
can reach, ``cable_pages`` renders the cable pages on all cores, ``writer`` writes only what
changed, ``fingerprints`` says when cached work is stale, ``report`` says what was done.
"""

from .generate import build, listing_pages
from .report import Report
from .writer import MANIFEST

__all__ = ["MANIFEST", "Report", "build", "listing_pages"]
