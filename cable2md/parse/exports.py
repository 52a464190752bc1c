"""A database export's marks on a cable's lines -> the lines as the cable has them.

An export may end every line with a backslash (its escaped newline) and run a classification
line onto the routing line before it after a tab; neither is the cable's text.
"""

from __future__ import annotations

from typing import Final

from .classification import parse_classification_line
from .errors import Defect
from .lines import Line

_LINE_END_MARKS: Final = 0.5  # share of a file's lines ending with a backslash: an export's


def drop_line_end_marks(lines: list[Line], defects: list[Defect]) -> list[Line]:
    """A database export that ends every line with a backslash (its escaped newline): the
    marks are the export's, not the text's, and are left out (once noted as a defect)."""
    marked = [line for line in lines if line.text.rstrip().endswith("\\")]
    if len(marked) < _LINE_END_MARKS * sum(1 for line in lines if not line.blank):
        return lines
    first = marked[0]
    defects.append(
        Defect(
            first.number,
            first.column + len(first.text.rstrip()) - 1,
            f"{len(marked)} lines end with a database export's backslash; it is left out",
        )
    )
    return [
        line.head(len(line.text.rstrip()) - 1) if line.text.rstrip().endswith("\\") else line
        for line in lines
    ]


def split_at_tabs(lines: list[Line]) -> list[Line]:
    """An export that ran a classification line onto the line before it after a tab
    (``RUEATRS/DEPT OF TREASURY WASHINGTON DC PRIORITY<tab>S E C R E T SECTION 01 OF 02 BERN
    000881``): the classification line starts a line of its own, at its own column."""
    out: list[Line] = []
    for line in lines:
        cut = line.text.rfind("\t")
        if cut > 0 and line.text[cut + 1 :].strip():
            tail = line.tail(cut + 1)
            parsed = parse_classification_line(tail.text) if len(tail.text) < 120 else None
            if parsed and parsed.post:
                out += [line.head(cut), tail]
                continue
        out.append(line)
    return out
