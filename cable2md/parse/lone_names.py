"""Paragraph texts -> the surnames they give alone, without a title or a given name.

``... and Khatami told the Ambassador``: a capitalised word inside a sentence, before a verb of
speech, that is no English word, place, title or acronym, is a surname alone (a possessive or
``would`` after it names places and companies as often as people: not taken). The
archive later resolves it to a full name (:mod:`cable2md.archive.resolution`). ALL-CAPS
telegrams are left out: there a capital says nothing.
"""

from __future__ import annotations

import re
from typing import Final

from .names import bare, is_title_token, vocabulary

# What follows a person's name in a cable's sentence far more often than a thing's.
_VERBS: Final = frozenset(
    {
        "said",
        "told",
        "added",
        "noted",
        "stressed",
        "explained",
        "asked",
        "replied",
        "predicted",
        "argued",
        "claimed",
        "warned",
        "insisted",
        "agreed",
        "responded",
        "commented",
        "emphasized",
        "emphasised",
        "confirmed",
        "complained",
        "acknowledged",
        "admitted",
        "suggested",
        "urged",
        "lamented",
        "recalled",
        "observed",
        "underscored",
        "stated",
    }
)  # fmt: skip
# Words after which a capitalised word names a place or a thing, not a person: an article, a
# preposition of place, or a kind of organisation ("the newsweekly Zambeze claimed").
_THING_BEFORE: Final = frozenset(
    {
        "the", "a", "an", "in", "at", "near", "into", "inside", "outside", "across", "toward",
        "towards", "newspaper", "newsweekly", "weekly", "daily", "magazine", "tabloid", "paper",
        "firm", "company", "bank", "agency", "airline", "channel", "station", "network",
        "website", "group", "party",
    }
)  # fmt: skip
_WORD_RE: Final = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$")
_SENTENCE_END: Final = (".", "!", "?", ":", ";", '"', "”")


def lone_surnames(text: str) -> list[str]:
    """The surnames *text* names alone, in order (each once)."""
    if not any(c.islower() for c in text):
        return []
    vocab = vocabulary()
    words = text.split()
    found: list[str] = []
    # Only the word before a verb of speech can be one: found by one pass over the words,
    # as most paragraphs have none (this runs on every paragraph of every cable).
    verbs = [index for index, word in enumerate(words) if word in _VERBS]
    for index in (verb - 1 for verb in verbs if verb > 1):
        before = words[index - 1]
        if before.endswith(_SENTENCE_END) or before[:1].isupper():
            continue  # a sentence's first word, or a word of a longer name or title
        if before.casefold() in _THING_BEFORE:
            continue  # "observers in Tskhinvali told", "newsweekly Zambeze claimed"
        word = words[index]
        if not _WORD_RE.match(word):
            continue
        folded = word.casefold()
        if (
            len(word) < 3
            or folded in vocab.common
            or folded in vocab.places
            or folded in vocab.not_names
            or folded in vocab.domains
            or is_title_token(bare(word))
            or word in found
        ):
            continue
        found.append(word)
    return found
