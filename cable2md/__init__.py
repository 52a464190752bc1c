"""cable2md: read U.S. diplomatic cables into typed records and render them as an archive site.

The pipeline (see :func:`cable2md.parse.parse_source` for its steps):
read -> furniture -> header -> identity -> body -> passages -> people -> record.
"""

from .native import use_native

use_native(__path__)  # before any parser module is imported: see cable2md/native.py

from .errors import CableError, Defect  # noqa: E402
from .model import Cable  # noqa: E402
from .parse import parse_bytes, parse_file, parse_source  # noqa: E402

__all__ = ["Cable", "CableError", "Defect", "parse_bytes", "parse_file", "parse_source"]
