"""A name and how the cables give it -> why it is not a person's, or None when it may be one.

The extractor finds capitalised words after titles; some are peoples (``Iranians``), places
(``Minas Gerais``), things named after a title's words (``Editor of O Globo``), abbreviations
(``E.g.``) or common words (``Follow-on``). What says so is reference data, not word lists of
our own: ISO 3166 countries and subdivisions and ISO 639-1 languages (pycountry), cities of
several words (GeoNames, ``data/cities.txt``), the archive's posts, ``data/peoples.txt`` for
the peoples no country or language name gives, and the common English words the parser
already knows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache
from typing import Final

import pycountry

from ..parse import Appearance, reference
from ..parse.names import is_title_part, is_title_token, unaccented

_ABSTRACT_RE: Final = re.compile(r"\w{4,}(?:tion|sion|ness|ism|ment)$")
_ABBREVIATION_RE: Final = re.compile(r"(?:\w{1,2}\.){1,3}\w?\.?|[A-Z]{2,}['’]?s")  # or "DTOs"


def _fold(text: str) -> str:
    return unaccented(text).casefold()


@cache
def places() -> frozenset[str]:
    """Countries, their subdivisions, cities of several words and the archive's posts, folded."""
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if value := getattr(country, attribute, None):
                names.add(_fold(value))
    names.update(_fold(subdivision.name) for subdivision in pycountry.subdivisions)
    names.update(_fold(city) for city in reference.cities())
    for post in reference.posts().values():
        if name := post.get("name"):
            names.add(_fold(str(name)))
    return frozenset(names)


@cache
def peoples() -> frozenset[str]:
    """Names of peoples and languages, singular, folded."""
    names = set(reference.peoples())
    for language in pycountry.languages:
        if getattr(language, "alpha_2", None):
            names.add(_fold(language.name.split(";")[0].split(" (")[0]))
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if not value:
                continue
            base = _fold(value.split(",")[0].split()[-1])
            names.update(base + ending for ending in ("n", "an", "ian", "ese", "ish"))
            if base[-1] in "aeiouy":  # Italy: Italian; China: Chinese
                names.update(base[:-1] + ending for ending in ("an", "ian", "ese"))
            else:  # Iraq: Iraqi (Ghana never gives Ghani)
                names.add(base + "i")
            if base.endswith("en"):  # Sweden: Swedish
                names.add(base[:-2] + "ish")
    return frozenset(names)


def _is_people_word(word: str) -> bool:
    folded = _fold(word)
    known = peoples()
    return folded in known or (folded.endswith("s") and folded[:-1] in known)


def why_not_a_person(
    name: str, appearances: Sequence[Appearance], surnames: Collection[str] = ()
) -> str | None:
    """Why *name* is not a person's (a sentence), or None. *surnames* are the folded family
    names of the archive's people known by a full name (``Zapateros`` is their plural)."""
    words = name.split()
    letters = re.sub(r"[\W_]", "", name)
    if len(letters) < 2 or _ABBREVIATION_RE.fullmatch(name):
        return "a letter or an abbreviation, not a name"
    if all(_is_people_word(w) or _fold(w) in places() for w in words) and any(
        _is_people_word(w) for w in words
    ):
        return "the name of a people, nationality or language"
    common = reference.common_words()
    if any(re.search(r"\w['’](?:t|re|ll|ve)$", word) for word in words):
        return "a phrase, not a name (a contraction)"
    given = reference.given_names()
    plain = [w for w in words if _fold(w) in common and _fold(w) not in given]
    if len(words) > 2 and len(plain) >= 2:
        return "a phrase, not a name (common words)"
    titled = any(a.title and is_title_token(a.title.split()[-1]) for a in appearances)
    if (
        len(words) > 1
        and _is_people_word(words[0])
        and (_fold(words[0]) not in given or not titled)  # Minister German Gref is a person
        and all(_fold(w) in common for w in words[1:])
    ):
        return "a people's name and common words (``German Pressmen``, ``German Wings``)"
    folded = _fold(name)
    if folded in places() and not titled:  # "Senator Kerry" is a person, "Kerry" a county
        return "a place name"
    if len(words) == 1:
        parts = [part for part in folded.split("-") if part]
        if "-" in name and all(p in common or p.removesuffix("ed") in common for p in parts):
            return "common words"
        if _ABSTRACT_RE.fullmatch(folded):
            return "a common noun"
        if folded.endswith("s") and folded[:-1] in surnames:
            return f"the plural of a family name ({name[:-1]})"
    titles = [a.title for a in appearances if a.role == "mentioned" and a.title]
    mentioned = sum(1 for a in appearances if a.role == "mentioned")
    if len(words) > 1 or not titles or len(titles) != mentioned:
        return None
    if all(_reads_on(t, name) for t in titles):
        return "the end of a longer name: the words before it are not a title"
    return None


def _reads_on(title: str, name: str) -> bool:
    """Whether the words taken for *name*'s title run on into it as one name: ``Editor of O``
    + ``Globo``, ``Governor of Minas`` + ``Gerais``, ``senior Saudi`` + ``Mabahith``,
    ``the Majlis`` + ``al-Shura``; or hold no title word at all."""
    words = title.split()
    if not any(is_title_part(word) for word in words):
        return True
    last = words[-1]
    if not last[:1].isupper() or is_title_token(last):
        return False
    return (
        len(last) == 1
        or _fold(f"{last} {name}") in places()
        or _is_people_word(last)
        or (name[:1].islower() and words[-2:-1] == ["the"])  # "the Majlis al-Shura"
    )
