"""Built site -> its cable search index (Pagefind), with facets.

Pagefind indexes the pages that mark their text ``data-pagefind-body`` (the
cable pages) with the filters the cable template writes: classification,
post, year and TAGS. Its index is split in small chunks a browser fetches as
a query needs them, which is what lets search work at the scale of the release.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def index_search(site: Path) -> float:
    """Index the cable pages of *site* with Pagefind; return the seconds it took."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start
