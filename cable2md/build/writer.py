"""Generated files -> disk: written only when their content (or inputs) changed.

The manifest beside the generated pages keeps a key for each file the last build
wrote, so a rebuild leaves unchanged files untouched (their times too: MkDocs'
watcher and rsync see only what changed) and removes the files no longer generated.
A file whose name ends in ``.gz`` is written gzip-compressed, the same bytes for the same
content (no time in its header).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

MANIFEST = ".cable2md-manifest.json"


def packed(data: bytes) -> bytes:
    """*data* gzip-compressed as the generated ``.gz`` files are: no name or time in the header,
    so the same bytes give the same file."""
    return gzip.compress(data, 9, mtime=0)


class Writer:
    """Writes files under *docs* only when their content (or inputs) changed; removes stale ones.

    The manifest keeps, for each generated file, a key: the hash of its content, or for
    a cable page the hash of its inputs, so an unchanged cable page is not even rendered.
    ``files_written``, ``files_unchanged`` and ``files_removed`` count what it did.
    """

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self._root = f"{docs}{os.sep}"  # plain strings: pathlib is slow over many files
        self.files_written = self.files_unchanged = self.files_removed = 0
        self.manifest_path = docs / MANIFEST
        try:
            self.old: dict[str, str] = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.old = {}
        self.new: dict[str, str] = {}

    def keep(self, relative: str) -> bool:
        """Keep *relative* as the last build wrote it; False when it is not on disk."""
        key = self.old.get(relative)
        return key is not None and self.current(relative, key)

    def current(self, relative: str, key: str) -> bool:
        """Whether *relative* is on disk with *key*; if so it is kept as it is."""
        if self.old.get(relative) == key and os.path.exists(self._root + relative):
            self.new[relative] = key
            self.files_unchanged += 1
            return True
        return False

    def written(self, relative: str, key: str) -> None:
        self.new[relative] = key
        self.files_written += 1

    def write(self, relative: str, content: str) -> None:
        data = content.encode("utf-8")
        key = hashlib.sha256(data).hexdigest()[:24]
        if not self.current(relative, key):
            target = self.docs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(packed(data) if relative.endswith(".gz") else data)
            self.written(relative, key)

    def finish(self) -> None:
        for relative in sorted(set(self.old) - set(self.new)):
            target = self.docs / relative
            if target.exists():
                target.unlink()
                self.files_removed += 1
        self.docs.mkdir(parents=True, exist_ok=True)
        self.manifest_path.write_text(
            json.dumps(self.new, indent=0, sort_keys=True), encoding="utf-8"
        )
