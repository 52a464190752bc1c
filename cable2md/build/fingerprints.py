"""The package's source folders -> digests that say when cached work is out of date.

Two digests, each over every file of whole folders (never a hand-kept list of modules, so a
new module cannot be forgotten):

- :func:`parser_fingerprint`: ``parse/`` and ``data/``, and the record cache's own code (how
  a record is stored): a record parsed by other code is never read back;
- :func:`render_fingerprint`: ``archive/``, ``render/`` and ``build/``: a change renders every
  page again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent

PARSER_SOURCES = ("parse/**/*.py", "data/**/*", "build/cache.py")
RENDER_SOURCES = ("archive/**/*.py", "render/**/*.py", "build/**/*.py")


def tree_digest(root: Path, patterns: Iterable[str]) -> str:
    """A digest of the names and bytes of the files under *root* that *patterns* match."""
    files = {
        path.relative_to(root).as_posix(): path
        for pattern in patterns
        for path in root.glob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    }
    hasher = hashlib.sha256()
    for name in sorted(files):
        hasher.update(name.encode() + b"\0")
        hasher.update(files[name].read_bytes())
    return hasher.hexdigest()[:16]


@cache
def parser_fingerprint(root: Path = PACKAGE) -> str:
    """The parser's code and data: records parsed by other code do not match."""
    return tree_digest(root, PARSER_SOURCES)


@cache
def render_fingerprint(root: Path = PACKAGE) -> str:
    """The code that decides what a page holds: a change to it renders every page again."""
    return tree_digest(root, RENDER_SOURCES)


def inputs_digest(people_file: Path | None) -> str:
    """A digest of all that every page depends on: the code, its data, the people file."""
    curation = people_file.read_bytes() if people_file and people_file.exists() else b""
    return hashlib.sha256(
        f"{render_fingerprint()}:{parser_fingerprint()}:".encode() + curation
    ).hexdigest()[:24]
