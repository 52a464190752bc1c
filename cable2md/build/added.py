"""The archive's git history -> the day each cable file entered the archive.

The feed and the home page list cables by the day they were added, so a cable of 1973 added
today is news. The day is the commit date of the file's addition (``git log --diff-filter=A``),
the same for every clone; where there is no git history (a folder outside a repository), there
are no such days and the cables' own dates order the lists instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def added_days(cables_dir: Path) -> dict[str, str]:
    """Each file's path relative to *cables_dir* -> the day (YYYY-MM-DD) it was added."""
    try:
        result = subprocess.run(
            ["git", "-C", str(cables_dir), "log", "--diff-filter=A", "--no-renames",
             "--format=@%cs", "--name-only", "--relative", "-z", "--", "."],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    except OSError:  # no git
        return {}
    if result.returncode:
        return {}
    days: dict[str, str] = {}
    day = ""
    # -z: "@<day>\n" then the commit's names, each ended by NUL (names as they are)
    for field in result.stdout.split("\0"):
        field = field.strip("\n")
        if field.startswith("@"):
            day, _, name = field[1:].partition("\n")
            field = name
        if field and day:
            days.setdefault(field, day)  # newest first: a file added again keeps its last addition
    return days
