"""Person names: telling a name from a title, and writing it the way a reader expects.

The vocabulary is data (``data/titles.yaml``, ``given_names.txt``,
``common_words.txt``). Mixed-case text shows where a name is by its capitals;
in ALL-CAPS telegrams a name ends at the first common English word, and a known
given name says that a surname follows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import Any, Final

from . import reference

_REDACTION_RE: Final = re.compile(r"^[xX]{3,}\W*$")
_INITIAL_RE: Final = re.compile(r"^(?:[A-Z]\.){1,3}$")
_WORD_RE: Final = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*$")
# "Karzai's", "Karzai,s" lose 's; "Funes'" loses only the apostrophe (the name ends in s).
_POSSESSIVE_RE: Final = re.compile(r"(?:['’,][sS]|(?<=[sS])['’])$")
# A cross-reference glued to a name ("Guebuza-septel": see the separate telegram).
_CROSS_REFERENCE_RE: Final = re.compile(r"-(?:septel|reftel)s?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    title_words: frozenset[str]
    abbreviations: frozenset[str]
    domains: frozenset[str]
    connectors: frozenset[str]
    honorifics: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    given: frozenset[str]
    common: frozenset[str]
    places: frozenset[str]
    place_phrases: frozenset[str]
    place_starts: frozenset[str]  # the first words of the place phrases
    blockers: frozenset[str]
    weak: frozenset[str]
    leading: frozenset[str]
    verbs: frozenset[str]
    people_nouns: frozenset[str]


def _fold(values: Iterable[object] | None) -> frozenset[str]:
    return frozenset(str(value).casefold() for value in (values or ()))


@cache
def vocabulary() -> Vocabulary:
    titles = reference.titles()
    places = {
        entry["name"].casefold()
        for entry in reference.tags().values()
        if entry.get("kind") == "geographic" and " " not in entry["name"]
    }
    for post in reference.posts().values():
        city = (
            post["name"].split(maxsplit=1)[1:]
            if post["name"].startswith(("Embassy ", "Consulate "))
            else []
        )
        if city and " " not in city[0]:
            places.add(city[0].casefold())
    place_phrases = frozenset(
        [
            entry["name"].casefold()
            for entry in reference.tags().values()
            if entry.get("kind") == "geographic" and " " in entry["name"]
        ]
        + [
            post["name"].split(maxsplit=1)[1].casefold()
            for post in reference.posts().values()
            if post["name"].startswith(("Embassy ", "Consulate ")) and post["name"].count(" ") > 1
        ]
    )
    return Vocabulary(
        title_words=_fold(titles.get("words")),
        abbreviations=frozenset(str(a) for a in titles.get("abbreviations") or ()),
        domains=_fold(titles.get("domains")),
        connectors=_fold(titles.get("connectors")),
        honorifics=_fold(titles.get("honorifics")),
        not_names=_fold(titles.get("not_names")),
        particles=_fold(titles.get("particles")),
        given=reference.given_names(),
        common=reference.common_words(),
        places=frozenset(places),
        place_phrases=place_phrases,
        place_starts=frozenset(phrase.split(" ")[0] for phrase in place_phrases),
        blockers=frozenset(str(b) for b in titles.get("blockers") or ()),
        weak=_fold(titles.get("weak")),
        leading=_fold(titles.get("leading")),
        verbs=_fold(titles.get("verbs")),
        people_nouns=_fold(titles.get("people_nouns")),
    )


_CACHE: Final = 1 << 14
_GLUED_INITIAL_RE: Final = re.compile(r"\b([A-Za-z]\.)(?=[A-Za-z]{2})")
_TITLE_SUFFIX_RE: Final = re.compile(r"-(?:elect|designate|nominee|general)$", re.I)
_NUMERAL_RE: Final = re.compile(r"[IVX]+")
_PREFIXED_RE: Final = re.compile(r"^(?:al|el|ad|as|an|ar|at|az|bin|ibn)-[A-Z]")


# The word tests below run once per token of every paragraph: their answers are kept by token,
# in dicts emptied when full. Compiled, a dict looked up here is quicker than
# functools.lru_cache, which is called as a Python object and makes a key of its arguments.
def remembered(answers: dict[str, Any], compute: Callable[[str], Any], token: str) -> Any:
    """``compute(token)``, kept in *answers*."""
    found = answers.get(token)
    if found is None:
        if len(answers) >= _CACHE:
            answers.clear()
        found = answers[token] = compute(token)
    return found


_BARE: Final[dict[str, str]] = {}
_BARE_FOLDED: Final[dict[str, str]] = {}
_TITLE_TOKENS: Final[dict[str, bool]] = {}
_TITLE_PARTS: Final[dict[str, bool]] = {}
_GIVEN_NAMES: Final[dict[str, bool]] = {}


def bare(token: str) -> str:
    """A token without surrounding punctuation or a possessive ending."""
    return remembered(_BARE, _bare, token)


def _bare(token: str) -> str:
    token = token.strip('()[]{}"“”‘,;:!?')
    token = _CROSS_REFERENCE_RE.sub("", token)
    token = _POSSESSIVE_RE.sub("", token) if len(token) > 3 else token
    return token.rstrip(".") if not _INITIAL_RE.match(token) else token


def bare_folded(token: str) -> str:
    """A token as the vocabulary is looked up: bare and case-folded."""
    return remembered(_BARE_FOLDED, _bare_folded, token)


def _bare_folded(token: str) -> str:
    return bare(token).casefold()


def is_redaction(token: str) -> bool:
    return bool(_REDACTION_RE.match(token.strip("()[],.;:")))


def is_title_token(token: str) -> bool:
    return remembered(_TITLE_TOKENS, _is_title_token, token)


def _is_title_token(token: str) -> bool:
    vocab = vocabulary()
    word = _TITLE_SUFFIX_RE.sub("", token.strip(",;:()"))
    folded = word.casefold()
    return (
        word in vocab.abbreviations
        or (word.endswith(".") and word.capitalize() in vocab.abbreviations)  # "GEN." as "Gen."
        or folded in vocab.title_words
        or folded in vocab.honorifics
        or folded.rstrip(".") in vocab.honorifics
    )


def is_title_part(token: str) -> bool:
    """A word that may stand inside a title: title words, domains, connectors."""
    return remembered(_TITLE_PARTS, _is_title_part, token)


def _is_title_part(token: str) -> bool:
    vocab = vocabulary()
    folded = token.strip(",;:()").casefold()
    return is_title_token(token) or folded in vocab.domains or folded in vocab.connectors


# Kept by remembered() in one dict per (caps, lead), indexed 2 * caps + lead: no key tuple.
_NAME_WORDS: Final[tuple[dict[str, bool], ...]] = ({}, {}, {}, {})


def name_word(token: str, caps: bool, lead: bool = True) -> bool:
    """Whether *token* can be part of a person's name in text that is (or is not) ALL CAPS.

    In mixed case a capitalised common word counts only inside a name (``Jon Huntsman``),
    not as its *lead* word, where it is more likely a sentence's first word.
    """
    which = 2 * caps + lead
    return remembered(_NAME_WORDS[which], _NAME_WORD_TESTS[which], token)


def _name_word(token: str, caps: bool, lead: bool) -> bool:
    vocab = vocabulary()
    word = bare(token)
    if not word or is_redaction(word) or not _WORD_RE.match(word):
        return False
    folded = word.casefold()
    if _INITIAL_RE.match(word):
        return True
    if folded in vocab.not_names or folded in vocab.domains or is_title_token(word):
        return False
    if lead and folded.endswith("s") and folded[:-1] in vocab.not_names:  # "Iranians", "Americans"
        return False
    if caps:
        if _NUMERAL_RE.fullmatch(word):  # "COMMANDER III CORPS": a numeral, not a name
            return False
        return word.isupper() and folded not in vocab.common and folded not in vocab.places
    if folded in vocab.particles or _PREFIXED_RE.match(word):
        return True
    if word.isupper() and len(word) > 1:  # an acronym in mixed-case text
        return False
    if lead and folded in vocab.common:  # "In", "The", "But" opening a sentence
        return False
    if folded in vocab.connectors:  # a heading's "President Bush On Iraq", "Erdogan In Washington"
        return False
    return word[0].isupper() and folded not in vocab.places


_NAME_WORD_TESTS: Final = tuple(
    partial(_name_word, caps=caps, lead=lead) for caps in (False, True) for lead in (False, True)
)


def is_given_name(token: str) -> bool:
    return remembered(_GIVEN_NAMES, _is_given_name, token)


def _is_given_name(token: str) -> bool:
    return bare(token).casefold() in vocabulary().given


def _case_part(part: str, first: bool, particles: frozenset[str]) -> str:
    if not part:
        return part
    lower = part.lower()
    if not first and lower.rstrip("-") in particles:
        return lower
    if lower.startswith("mc") and len(part) > 2:
        return "Mc" + part[2:].capitalize()
    if "'" in part or "’" in part:
        quote = "'" if "'" in part else "’"
        head, _, tail = part.partition(quote)
        return f"{head.capitalize()}{quote}{tail.capitalize()}"
    return part.capitalize()


@lru_cache(maxsize=_CACHE)
def display_name(name: str) -> str:
    """A name as a reader expects it: single spaces, an initial glued to the next word set
    apart ("E.JONES"), and title case if it was ALL CAPS."""
    tokens = _GLUED_INITIAL_RE.sub(r"\1 ", name).split()
    if not tokens:
        return ""
    if not any(ch.islower() for ch in name):
        particles = vocabulary().particles
        cased = []
        for index, token in enumerate(tokens):
            parts = token.split("-")
            cased.append(
                "-".join(
                    _case_part(p, index == 0 and i == 0, particles) for i, p in enumerate(parts)
                )
            )
        tokens = cased
    return " ".join(tokens)


@lru_cache(maxsize=_CACHE)
def unaccented(text: str) -> str:
    """*text* without its accents: ``Jandroković`` -> ``Jandrokovic``."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_KEY_SEPARATORS: Final = re.compile(r"[.\s]+")


@lru_cache(maxsize=_CACHE)
def name_key(name: str) -> str:
    """The key people merge on: the display name, case-folded, without dots or accents (a
    telegram spells ``Jandrokovic`` what a newspaper copy spells ``Jandroković``)."""
    return _KEY_SEPARATORS.sub(" ", unaccented(display_name(name)).casefold()).strip()


def split_title_name(text: str) -> tuple[str | None, str | None]:
    """``Deputy Vice Minister Tsuneo Nishida`` -> ``("Deputy Vice Minister", "Tsuneo Nishida")``.

    The name is the run of name words at the end; a lone capitalised word counts
    only when a title stands before it. Returns ``(title, None)`` when no name is there.
    """
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    tokens = text.split()
    if not tokens:
        return None, None
    caps = not any(ch.islower() for ch in text)
    vocab = vocabulary()
    start = len(tokens)
    while start > 0 and len(tokens) - start < 5 and name_word(tokens[start - 1], caps, False):
        start -= 1
    while start < len(tokens) and bare(tokens[start]).casefold() in vocab.particles:
        start += 1  # a name does not begin with "van" or "de" when a title precedes
    name_tokens = [
        bare(t) if i == len(tokens) - start - 1 else t.strip(",;:")
        for i, t in enumerate(tokens[start:])
    ]
    title = " ".join(tokens[:start]).strip(" ,;:") or None
    if not name_tokens or all(_INITIAL_RE.match(t) for t in name_tokens):
        return (text.strip() or None), None
    if len(name_tokens) == 1 and title is None and not caps:
        return None, display_name(name_tokens[0])
    return title, display_name(" ".join(name_tokens))
