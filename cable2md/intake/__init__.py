"""Layer 4, intake: new cables -> checked, added at their place, or imported from the release.

``check`` says what the parser read of a file and every problem at its line and column;
``add`` copies cables to ``cables/<year>/<ID>.txt`` and checks them; ``release_csv`` splits
the release's ``cables.csv`` into one file per cable; ``records`` streams the records of many
files, parsed on all cores, for ``cable2md parse``.
"""

from .add import add_files
from .check import check_file, describe, markdown_summary
from .records import Parsed, parse_records
from .release_csv import import_csv

__all__ = [
    "Parsed",
    "add_files",
    "check_file",
    "describe",
    "import_csv",
    "markdown_summary",
    "parse_records",
]
