"""Raw cable files -> the archive's cables folder, at their canonical place, bytes unchanged."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..parse import Cable, CableError, full_year, parse_file
from .manifest import record

_ID_RE = re.compile(r"^\d{2}[A-Z][A-Z0-9]*?\d+$")


def add_files(
    files: list[Path], cables_dir: Path, *, ident: str | None = None, accept_guess: bool = False
) -> tuple[list[Path], list[str], list[str]]:
    """Copy each readable cable to ``<cables_dir>/<year>/<ID>.txt``.

    Returns the places of the cables, notes, and errors. The id is the one the text states;
    *ident* gives it when the text does not (a partial extract with no date), and a year the
    parser could only guess is taken only with *accept_guess*. A file already there with the
    same bytes is noted and kept; a different file under the same id is never overwritten.
    """
    added: list[Path] = []
    notes: list[str] = []
    problems: list[str] = []
    if ident is not None and not _ID_RE.match(ident):
        return [], [], [f"--id {ident}: not an id (two digits of the year, the post, the number: 04MADRID2164)"]  # fmt: skip
    if ident is not None and len(files) > 1:
        return [], [], ["--id gives the id of one file: add the others apart"]
    for path in files:
        try:
            cable = parse_file(path)
        except CableError as error:
            problems.append(f"{error}: not added")
            continue
        name = ident or cable.id
        if name is None:
            problems.append(_refusal(path, cable, "no id can be formed from the text"))
            continue
        if ident is None and cable.id_source == "guess" and not accept_guess:
            problems.append(_refusal(path, cable, f"the id {cable.id} rests on a guess"))
            continue
        target = cables_dir / f"{full_year(int(name[:2]))}" / f"{name}.txt"
        if target.exists() and target.resolve() != path.resolve():
            if target.read_bytes() == path.read_bytes():
                notes.append(f"{path}:1:1: already in the archive as {target}")
                added.append(target)
            else:
                problems.append(
                    f"{path}:1:1: {target} holds a different text under the id {name}: not added"
                )
            continue
        if target.resolve() != path.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            print(f"added {path} as {target}")
        added.append(target)
    record(cables_dir, [place for place in added if place.is_relative_to(cables_dir)])
    return added, notes, problems


def _refusal(path: Path, cable: Cable, what: str) -> str:
    """Why a file is not added, at the line the parser names, with what to do next."""
    cause = next(
        (d for d in cable.defects if "rests on a guess" in d.message or "no id" in d.message), None
    )
    line, column = (cause.line, cause.column) if cause else cable.location("classification")
    detail = cause.message.split(": ", 1)[-1].split("; give the id")[0] if cause else ""
    reason = f": {detail}" if cause and "no id" in cause.message else ""
    return (
        f"{path}:{line}:{column}: {what}{reason}: not added. Give the cable's id with"
        " `cable2md add FILE --id ID` (the release's id when you know it)"
        + (", or keep the guess with `--accept-guess`" if cable.id else "")
    )
