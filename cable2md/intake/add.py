"""Raw cable files -> the archive's cables folder, at their canonical place, bytes unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..parse import CableError, parse_file
from .check import canonical_place


def add_files(files: list[Path], cables_dir: Path) -> tuple[list[Path], list[str], list[str]]:
    """Copy each readable cable to ``<cables_dir>/<year>/<ID>.txt``.

    Returns the places of the cables, notes, and errors. A file already there with
    the same bytes is noted and kept; a different file under the same id is never
    overwritten (an error).
    """
    added: list[Path] = []
    notes: list[str] = []
    problems: list[str] = []
    for path in files:
        try:
            cable = parse_file(path)
        except CableError as error:
            problems.append(f"{error}: not added")
            continue
        if cable.id is None:
            problems.append(f"{path}:1:1: no id can be formed from the text: not added")
            continue
        target = cables_dir / canonical_place(cable)
        if target.exists() and target.resolve() != path.resolve():
            if target.read_bytes() == path.read_bytes():
                notes.append(f"{path}:1:1: already in the archive as {target}")
                added.append(target)
            else:
                problems.append(
                    f"{path}:1:1: {target} holds a different text under the id {cable.id}: not added"
                )
            continue
        if target.resolve() != path.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            print(f"added {path} as {target}")
        added.append(target)
    return added, notes, problems
