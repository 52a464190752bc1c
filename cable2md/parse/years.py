"""A two-digit year (an id's ``05``, a DTG's, a REF's ``05 VIENNA 1760``) -> the full year."""

from __future__ import annotations

from typing import Final

# The release's oldest cables are of 1966 and its newest of 2010: 66-99 are 19xx, the rest 20xx.
PIVOT: Final = 66


def full_year(value: int) -> int:
    """``5`` -> 2005, ``73`` -> 1973."""
    return 1900 + value if value >= PIVOT else 2000 + value
