"""The archive's cables -> their ids and addresses, kept in ``cables/manifest.tsv`` so that a
change of code or data never moves a published page without saying so.

Each row is a file, its id and its page's address. :func:`compare` lists the files whose id
or address a change would alter; CI fails on them (``cable2md manifest``) until the same pull
request writes the new manifest (``cable2md manifest --write``). Writing keeps each address
that went away as a ``moved`` row (old id, new id), and the build makes a page at the old
address that sends readers on: citations and links to the old address keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

NAME = "manifest.tsv"
HEADER = "# file\tid\taddress (moved rows: old id, new id)"


@dataclass
class Manifest:
    """Files -> (id, address), and the ids that moved (old -> new)."""

    files: dict[str, tuple[str, str]] = field(default_factory=dict)
    moved: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Manifest:
        manifest = cls()
        if not path.exists():
            return manifest
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if cells[0] == "moved":
                manifest.moved[cells[1]] = cells[2]
            else:
                manifest.files[cells[0]] = (cells[1], cells[2])
        return manifest

    def text(self) -> str:
        rows = [HEADER]
        rows += [f"{name}\t{ident}\t{url}" for name, (ident, url) in sorted(self.files.items())]
        rows += [f"moved\t{old}\t{new}" for old, new in sorted(self.moved.items())]
        return "\n".join(rows) + "\n"


def compare(committed: Manifest, now: Manifest) -> list[str]:
    """The files whose id or address *now* differs from *committed*, as sentences."""
    changes = []
    for name, (ident, url) in sorted(now.files.items()):
        before = committed.files.get(name)
        if before and before != (ident, url):
            changes.append(
                f"{name}: its id would change from {before[0]} to {ident} and its address "
                f"from {before[1]} to {url}"
            )
    return changes


def updated(committed: Manifest, now: Manifest) -> Manifest:
    """*now*, with a ``moved`` row for each id that went (the old ones kept)."""
    moved = dict(committed.moved)
    for name, (ident, _url) in now.files.items():
        before = committed.files.get(name)
        if before and before[0] != ident:
            moved[before[0]] = ident
    present = {ident for ident, _ in now.files.values()}
    now.moved = {old: new for old, new in moved.items() if old not in present}
    return now
