"""A person and the archive's cables -> the person as a glossary gives them (FRUS style).

:func:`identification` writes who a person was from the titles the cables give them, with the
years of those cables: ``Foreign Minister, 2005`` or ``Ambassador, 2008-2009``;
:func:`span` gives their first and last cables' dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from ..parse import IndexRow
from .resolution import Person

ROLE_WORDS = {"signer": "Signer of cables", "classifier": "Classifying officer"}
_MOST_TITLES = 2


def _years(cables: set[str], rows: Mapping[str, IndexRow]) -> str:
    years = sorted({row.date[:4] for c in cables if (row := rows.get(c)) and row.date})
    if not years:
        return ""
    return years[0] if years[0] == years[-1] else f"{years[0]}\u2013{years[-1]}"


def identification(person: Person, rows: Mapping[str, IndexRow]) -> str:
    """The person's titles, most cables first (two at most), each with its years; failing
    titles, the role they hold in the cables (signer, classifying officer)."""
    by_title: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for appearance in person.appearances:
        if appearance.title:
            folded = " ".join(appearance.title.casefold().split())
            by_title[folded].add(appearance.cable)
            spelled[folded][appearance.title] += 1
    # "Deputy Vice Minister" and "Deputy Vice Minister for Foreign Policy" are one office:
    # the longer names it, with the cables of both
    merged: dict[str, set[str]] = {}
    for folded in sorted(by_title, key=len, reverse=True):
        into = next((longer for longer in merged if folded in longer), folded)
        merged.setdefault(into, set()).update(by_title[folded])
    parts = []
    for folded, cables in sorted(merged.items(), key=lambda item: (-len(item[1]), item[0])):
        title = spelled[folded].most_common(1)[0][0]
        title = title[:1].upper() + title[1:] if not title.isupper() else title.title()
        years = _years(cables, rows)
        parts.append(f"{title}, {years}" if years else title)
        if len(parts) == _MOST_TITLES:
            break
    if parts:
        return "; ".join(parts)
    roles = {a.role for a in person.appearances} & ROLE_WORDS.keys()
    return "; ".join(ROLE_WORDS[role] for role in sorted(roles))


def span(person: Person, rows: Mapping[str, IndexRow]) -> tuple[str, str]:
    """The dates of the person's first and last cables (``""`` when none is dated)."""
    dates = sorted(row.date for a in person.appearances if (row := rows.get(a.cable)) and row.date)
    return (dates[0], dates[-1]) if dates else ("", "")
