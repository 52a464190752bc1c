"""cable2md: read U.S. diplomatic cables into typed records and render them as an archive site.

The pipeline (see :func:`cable2md.parse.parse_source` for its steps):
read -> furniture -> header -> identity -> body -> passages -> people -> record.
"""

from .errors import CableError, Defect
from .model import Cable
from .parse import parse_bytes, parse_file, parse_source

__all__ = ["Cable", "CableError", "Defect", "parse_bytes", "parse_file", "parse_source"]
