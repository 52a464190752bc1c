"""A person's name -> the forms its spellings share: the family name it is filed under, its
letters folded as transliteration varies them, and which spellings are one name.

:mod:`.resolution` merges the archive's spellings of one name with these (its rule 2).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..parse import reference
from ..parse.names import unaccented
from ..parse.sightings import surname

INITIALS_RE = re.compile(r"^(?:[A-Z]\.)+$")
_SYLLABLES_RE = re.compile(r"(?:[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|p|t|l|r)?)+")
# Transliteration's usual alternatives, folded one way: Moussavi, Musavi -> musavi.
_SPELLINGS = (("ou", "u"), ("ph", "f"), ("kh", "k"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"), ("y", "i"))  # fmt: skip


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A word as its spellings share it: accents, case, possessive, hyphens, doubled letters
    and the usual transliteration alternatives folded."""
    folded = unaccented(word).casefold()
    folded = re.sub(r"[’'`]s?$", "", folded)
    folded = re.sub(r"[^a-z]", "", folded)
    for old, new in _SPELLINGS:
        folded = folded.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", folded)


@lru_cache(maxsize=1 << 16)
def family_name(name: str) -> str:
    """The family name a person is filed under: the first word of an East Asian name
    (``Kim Ok``, ``Lee Myung-bak``), else the last word with its particles (``van Voorst``)."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() in reference.family_first():
        rest = [w.casefold() for w in words[1:]]
        if all(_SYLLABLES_RE.fullmatch(part) for w in rest for part in w.split("-")):
            return words[0]
    return surname(name)


def one_letter_apart(groups: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The groups of spellings, those whose family names differ by one letter joined
    (``Ingrid Betancourt``, ``Ingrid Bentancourt``, in one cable): full names with the same
    given name and a family name of 7 letters or more as spellings share it."""
    joined = {key: key for key in groups}

    def root(key: tuple[str, str]) -> tuple[str, str]:
        while joined[key] != key:
            key = joined[key]
        return key

    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for key in sorted(groups):
        given, family = key
        if not given or len(family) < 7:  # a name alone says too little (Abdallah, Abdullah)
            continue
        # Two words one letter apart (a letter changed, added or left out) share a word with
        # one letter left out, or one is the other with a letter left out.
        for cut in {family, *(family[:at] + family[at + 1 :] for at in range(len(family)))}:
            other, mine = root(seen.setdefault((given, cut), key)), root(key)
            if other != mine:
                joined[mine] = other
    merged: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, keys in groups.items():
        merged[root(key)] += keys
    return list(merged.values())


def variant_key(name: str) -> tuple[str, str]:
    """(given name, family name) as their spellings share them: a long given name by its
    consonants (Hossein, Hussein), since transliteration varies its vowels most."""
    family = family_name(name)
    words = [w for w in name.split() if not INITIALS_RE.match(w)]
    given = words[1] if family == words[0] and len(words) > 1 else words[0]
    if family != words[0]:  # Mir-Hossein and Mir Hussein: Mir; Kim Jong-il and Kim Jong-un: two
        given = given.split("-")[0]
    folded = skeleton(given)
    if len(folded) >= 5:
        folded = folded[0] + re.sub(r"[aeiou]", "", folded[1:])
    return folded, skeleton(family)


def middle(name: str) -> str:
    words = name.split()
    return " ".join(skeleton(w) for w in words[1:-1] if INITIALS_RE.match(w) or len(w) <= 2)
