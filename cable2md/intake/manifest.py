"""The archive's files -> the manifest they make now (ids and page addresses; the rows and
their rules: :mod:`cable2md.archive.manifest`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..archive import Manifest, cable_year
from ..archive.manifest import NAME, compare, updated
from ..parse import CableError, parse_file
from ..render import paths


def current(cables_dir: Path, files: Iterable[Path]) -> Manifest:
    """The manifest the archive's *files* make now (a file no id can be formed for is left
    out: ``cable2md check`` reports it)."""
    manifest = Manifest()
    for path in files:
        try:
            cable = parse_file(path)
        except CableError:
            continue
        if cable.id:
            url = paths.cable(cable.id, cable_year(cable)).removesuffix(".md") + "/"
            manifest.files[path.relative_to(cables_dir).as_posix()] = (cable.id, url)
    return manifest


@dataclass(frozen=True)
class Checked:
    """The manifest checked: the committed one's path, whether it exists, the changes to
    published addresses, how many cables there are and how many are new."""

    path: Path
    exists: bool
    changes: list[str]
    cables: int
    new: int


def check(cables_dir: Path, files: Iterable[Path]) -> Checked:
    """Compare the committed manifest of *cables_dir* with what its *files* make now."""
    path = cables_dir / NAME
    committed, now = Manifest.read(path), current(cables_dir, files)
    return Checked(
        path,
        path.exists(),
        compare(committed, now),
        len(now.files),
        len(now.files.keys() - committed.files.keys()),
    )


def write(cables_dir: Path, files: Iterable[Path]) -> tuple[Path, int]:
    """Write the manifest *files* make now, keeping the addresses that moved."""
    path = cables_dir / NAME
    now = updated(Manifest.read(path), current(cables_dir, files))
    path.write_text(now.text(), encoding="utf-8")
    return path, len(now.files)


def record(cables_dir: Path, files: Iterable[Path]) -> None:
    """Add *files* (just added to the archive) to its manifest, when it keeps one."""
    path = cables_dir / NAME
    if not path.exists():
        return
    manifest = Manifest.read(path)
    manifest.files.update(current(cables_dir, files).files)
    path.write_text(manifest.text(), encoding="utf-8")
