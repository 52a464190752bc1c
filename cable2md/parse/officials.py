"""Paragraph texts -> the people they name: officials with a title, and full names.

Three patterns, tried in this order at each word:

1. a title, then a name: ``Foreign Minister Machimura``, ``DDG Tsuruoka``,
   ``Ambassador to Japan John Roos``, ``ASSISTANT SECRETARY SUSAN E. RICE``;
2. a full name, a comma, then a title: ``Julia Marquez, director of the Center``;
3. a bare full name that opens with a known given name: ``Ratko Mladic``.

A person found several times in a cable is reported once, with the longest title seen.
"""

from __future__ import annotations

import calendar
import itertools
import re
from typing import Final

from .lone_names import lone_surnames
from .model import Mention, Paragraph
from .names import (
    Vocabulary,
    bare,
    bare_folded,
    display_name,
    is_given_name,
    is_title_part,
    is_title_token,
    name_key,
    name_word,
    remembered,
    vocabulary,
)
from .reference import family_first, given_words

# Words end at white space, "—", "–" and "--" (of which the last "-" stays): see _Finder.
_DOUBLE_DASH_RE: Final = re.compile(r"-(?=-)")
_CLAUSE_END: Final = (",", ";", ":", ")", "!", "?")
_INITIAL_RE: Final = re.compile(r"^(?:[A-Z]\.){1,3}$")
# Romanised Chinese, Korean or Vietnamese syllables: Jiechi, Quang, Myung-bak, Duc, Thach.
_SYLLABLES_RE: Final = re.compile(
    r"(?:[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|nh|ch|n|m|k|p|t|l|r|c)?){1,2}"
)
# A nickname in quotation marks or brackets between a name's words: ("Kip"), "Kip", (Kip)
_NICKNAME_RE: Final = re.compile(r"""^(?:\(["“']?[A-Z][a-z]+["”']?\)|["“'][A-Z][a-z]+["”'])$""")
_POSSESSIVE_RE: Final = re.compile(r"\w['’]s?$", re.I)
_MONTHS: Final = frozenset(name.casefold() for name in calendar.month_name if name)
_MAX_NAME: Final = 4  # words of a name, not counting particles (bin, al-, van)
_MAX_TITLE: Final = 10
_PLACE_BEFORE: Final = frozenset(
    {"near", "off", "outside", "inside", "across", "along", "toward", "towards", "via", "beyond"}
)  # fmt: skip
_VERB_CUES: Final = {
    "to", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "not",
}  # fmt: skip
_LEADS: Final = {
    "the", "a", "an", "who", "is", "was", "then", "now", "currently", "former", "new", "acting",
}  # fmt: skip
_ORG_AFTER: Final = {
    "university", "institute", "street", "airport", "bridge", "center", "centre", "foundation",
    "hotel", "avenue", "square", "park", "school", "hospital", "prize", "award", "doctrine",
    "plan", "act", "law", "college", "museum", "library", "stadium", "road",
    "base", "camp", "province", "district", "county", "city", "river", "island", "bay",
    "house",  # the Clinton White House, Blair House, Chatham House
    "party", "movement", "front", "alliance", "coalition", "bloc",  # the Tudeh Party
    "initiative", "project", "program", "programme", "fund",  # the Abraham Path Initiative
    "industrial", "industries", "airlines", "airways",  # the Shahid Bakeri Industrial Group
}  # fmt: skip
# Words that may stand between a name and what is named for it: the Silvio Pettirossi
# International Airport, the Jomo Kenyatta Memorial Hospital.
_ORG_QUALIFIERS: Final = {
    "international", "national", "memorial", "regional", "municipal", "military", "medical",
}  # fmt: skip


_CLAUSE_ENDS: Final[dict[str, bool]] = {}


def _ends_clause(token: str) -> bool:
    return remembered(_CLAUSE_ENDS, _compute_ends_clause, token)


def _compute_ends_clause(token: str) -> bool:
    if token.startswith("(") and token.endswith(")"):
        return False  # "Joint Secretary (Americas) Gaitri Issar Kumar"
    text = token.rstrip("\"'”’")
    if text.endswith(".") and (_INITIAL_RE.match(text) or is_title_token(text)):
        return False  # an initial, or an abbreviated title: "Ms. Wang Qian", "GEN. AZIMI"
    return text.endswith(_CLAUSE_END) or text.endswith(".")


_UPPER: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER: Final = b"abcdefghijklmnopqrstuvwxyz"


def _is_caps(text: str) -> bool:
    # Counting on ASCII bytes: only A-Z and a-z are counted, and bytes.translate is C speed.
    ascii_text = text.encode("ascii", "ignore")
    lower = len(ascii_text) - len(ascii_text.translate(None, _LOWER))
    if len(ascii_text) - lower <= 9 * lower:
        return False  # too few other characters to be 90% capitals: mixed case, not counted
    upper = len(ascii_text) - len(ascii_text.translate(None, _UPPER))
    return upper > 0 and upper / (upper + lower) > 0.9


# Only a word that can head a title or lead a name can open a mention: the others are skipped
# before the (costlier) tries at each word. Kinds are kept in plain dicts (emptied when full):
# compiled, a lookup is quicker than a cached function.
_UNKNOWN: Final = -1
_OTHER: Final = 0
_OPENS: Final = 1
_HEAD: Final = 2
_known_kinds: Final[dict[bool, dict[str, int]]] = {True: {}, False: {}}


def _kinds(words: list[str], caps: bool) -> list[int]:
    known = _known_kinds[caps]
    if len(known) > 1 << 16:
        known.clear()
    kinds: list[int] = []
    for word in words:
        kind = known.get(word, _UNKNOWN)
        if kind == _UNKNOWN:
            kind = known[word] = _kind(word, caps)
        kinds.append(kind)
    return kinds


def _kind(word: str, caps: bool) -> int:
    if not caps and word[0].islower() and "-" not in word[:4] and not is_title_token(word):
        return _OTHER  # in mixed case most words are lower-case
    token = word.strip('("“')
    if is_title_token(token):  # not a possessive ("the Commander's Initiatives Group")
        return _HEAD if bare(token) == token.rstrip(".,;:") else _OPENS
    return _OPENS if name_word(word, caps, True) else _OTHER


class _Finder:
    def __init__(self, text: str) -> None:
        if "--" in text:  # blanked, these dashes let str.split() split the words
            text = _DOUBLE_DASH_RE.sub(" ", text)
        text = text.replace("—", " ").replace("–", " ")
        self.words: list[str] = []
        self.line_ends: set[int] = set()  # words that end a line (a participant list's entries)
        for line in text.split("\n"):
            self.words += line.split()
            self.line_ends.add(len(self.words) - 1)
        self.caps = _is_caps(text)
        self.vocab: Vocabulary = vocabulary()
        self.things: set[str] = set()  # names of several words seen naming a thing here

    def _ends(self, index: int) -> bool:
        return index in self.line_ends or _ends_clause(self.words[index])

    def title_head(self, index: int) -> bool:
        # Asked only of the words _kind found to head a title: the context decides here.
        token = self.words[index].strip('("“')
        following = self.words[index + 1] if index + 1 < len(self.words) else ""
        if token.casefold() in self.vocab.weak and not (
            is_title_token(following) or following.casefold() in self.vocab.domains
        ):
            return False
        if self.caps or token[0].isupper() or "/" in token:
            return True
        if token in self.vocab.verbs and index and self.words[index - 1].casefold() in _VERB_CUES:
            return False  # "continued to monitor Irakhilfswerk accounts": the verb
        # "party president Hasina": a lower-case title counts before a capitalised name
        return following[:1].isupper() and not self._ends(index)

    def name_at(self, index: int, *, titled: bool = False) -> int:
        """How many tokens from *index* form a name (0 when none); after a title the lead
        word may be a capitalised common word (``Ambassador Young``)."""
        words = self.words
        if index >= len(words) or words[index][:1] in "\"“'‘":
            return 0
        if index > 0 and words[index - 1] in self.vocab.blockers:
            return 0
        count = counted = 0
        while index + count < len(words) and counted < _MAX_NAME:
            token = words[index + count]
            if (
                count
                and _NICKNAME_RE.match(token)
                and index + count + 1 < len(words)
                and name_word(words[index + count + 1], self.caps, False)
            ):
                count += 1  # a nickname inside the name: General William E. ("Kip") Ward
                continue
            if count and token[:1] in "(\"“'‘[":
                break  # a bracket or quotation opens something else: ("Rue St. Honore")
            follows = titled and count == 0 and self._name_follows(index + 1)
            lead = count == 0 and not follows
            if not (
                name_word(token, self.caps, lead)
                or (follows and self.caps and bare_folded(token) in given_words())
                or (count and _INITIAL_RE.match(words[index + count - 1]) and token[:1].isupper())
                or (count and self._month_in_name(index + count))
            ):
                break  # neither a name word nor a capitalised word after an initial
            count += 1
            if bare_folded(token) not in self.vocab.particles:
                counted += 1
            if self._ends(index + count - 1) or self._possessive(token):
                break  # a possessive or punctuation ends the name
        while count and bare_folded(words[index + count - 1]) in self.vocab.particles:
            count -= 1  # a name does not end in "van" or "al"
        if count and self.caps:
            count = self._caps_extent(index, count)
        if count and self._in_place_name(max(0, index - 1), index + count):
            return 0
        if (
            count > 1
            and bare_folded(words[index + count - 1]) == "day"
            and (
                count > 2
                or (index and not self._ends(index - 1) and name_word(words[index - 1], self.caps))
            )
        ):
            return 0  # a day named for a person (Nelson Mandela Day), not the person
        if (
            count
            and not self._possessive(words[index + count - 1])  # "Dayton's program" is his
            and self._named_for(index + count)
        ):
            if count > 1:
                self.things.add(name_key(self._name(index, count)))
            return 0
        return count

    def _after_bracket(self, index: int) -> int:
        """*index*, or past a short bracket there: ``Tudeh (Communist) Party``."""
        words = self.words
        if index < len(words) and words[index].startswith("("):
            for close in range(index, min(len(words), index + 3)):
                if words[close].endswith(")"):
                    return close + 1
        return index

    def _named_for(self, index: int) -> bool:
        """Whether the words at *index* name a thing named for the name before them: ``Party``,
        ``(Communist) Party``, ``International Airport``, ``Memorial Regional Hospital``."""
        words = self.words
        index = self._after_bracket(index)
        for _ in range(2):
            if index < len(words) and bare_folded(words[index]) in _ORG_QUALIFIERS:
                index += 1
        return index < len(words) and bare_folded(words[index]) in _ORG_AFTER

    def _month_in_name(self, index: int) -> bool:
        """``Theresa May told``: a month's name after a name word, with no day after it, is
        the name's last word, not a date (``on May 14``)."""
        token = self.words[index]
        after = self.words[index + 1] if index + 1 < len(self.words) else ""
        return (
            bare_folded(token) in _MONTHS
            and token[:1].isupper()
            and not self.caps
            and not after[:1].isdigit()
        )

    def _name_follows(self, index: int) -> bool:
        """A capitalised common word after a title leads a name only when a name word follows
        (``Vice Foreign Minister He Yafei``)."""
        return (
            index < len(self.words)
            and not self._ends(index - 1)
            and name_word(self.words[index], self.caps)
        )

    def _in_place_name(self, start: int, end: int) -> bool:
        """Whether tokens[start:end] hold a place of several words (``Abu Dhabi``, ``La Paz``)."""
        if self.vocab.place_starts.isdisjoint(map(bare_folded, self.words[start : end - 1])):
            return False
        words = [bare_folded(word) for word in self.words[start:end]]
        places = self.vocab.place_phrases
        return any(
            " ".join(words[i : i + size]) in places
            for size in range(2, min(len(words), 4) + 1)
            for i in range(len(words) - size + 1)
        )

    @staticmethod
    def _possessive(text: str) -> bool:
        stripped = text.strip('("“”').rstrip(".,;:")
        return stripped != bare(stripped) and not _INITIAL_RE.match(stripped)

    def _caps_extent(self, index: int, count: int) -> int:
        """In ALL CAPS a name runs to the first common word; acronyms (no vowel) end it too."""
        for offset in range(count):
            word = bare(self.words[index + offset])
            if offset and not _INITIAL_RE.match(word) and not re.search(r"[AEIOUY]", word):
                return offset
        return count

    def title_extent(self, index: int) -> int:
        """Index after the title that starts at *index*."""
        end = index + 1
        while end < len(self.words) and end - index < _MAX_TITLE:
            if self._ends(end - 1):
                break
            word = self.words[end]
            folded = bare_folded(word)
            previous = bare_folded(self.words[end - 1])
            following = self.words[end + 1] if end + 1 < len(self.words) else ""
            if folded in ("and", "&") and is_title_token(following):
                break  # "the President and Secretary Rice": two people, not one title
            if (
                is_title_part(word)
                and (self.caps or word[0].isupper() or folded in self.vocab.connectors)
            ) or (
                previous in self.vocab.connectors
                and (
                    folded in self.vocab.places
                    or (
                        word[:1].isupper()
                        and not self._names_follow(end)
                        # in capitals every word is capitalised: a common word ends the title
                        # ("ADMINISTRATOR TO RUMORED COVERT PLANS")
                        and not (self.caps and folded in self.vocab.common)
                    )
                )
            ):
                end += 1
            elif word.startswith("(") and word.endswith(")") and len(word) > 2:
                end += 1  # "Joint Secretary (Americas)"
            else:
                break
        while end > index + 1 and bare_folded(self.words[end - 1]) in self.vocab.connectors:
            end -= 1
        return end

    def _names_follow(self, index: int) -> bool:
        return is_given_name(self.words[index])

    def left_extent(self, index: int) -> int:
        """Capitalised office words before a title head (``Policy Coordination Division Director``)."""
        start = index
        while start > 0 and index - start < 4:
            word = self.words[start - 1]
            if self._ends(start - 1) or not (word[:1].isupper() and is_title_part(word)):
                break
            start -= 1
        while start < index and bare_folded(self.words[start]) in self.vocab.connectors:
            start += 1
        return start

    def find(self) -> list[tuple[str, str | None, int]]:
        found: list[tuple[str, str | None, int]] = []
        words = self.words
        kinds = _kinds(words, self.caps)
        resume = 0  # the first word after the last mention found, or the title tried
        named_to = -1  # the first word after the last mention found
        for index in itertools.compress(itertools.count(), kinds):
            if index < resume:
                continue
            if kinds[index] == _HEAD and self.title_head(index):
                end = self.title_extent(index)
                # "a candidate for the year's best film": a possessive in the title owns what
                # follows, as a title word that needs another does
                leading = bare_folded(words[end - 1]) in self.vocab.leading or (
                    end - 1 > index and _POSSESSIVE_RE.search(words[end - 1]) is not None
                )
                size = 0 if leading or self._ends(end - 1) else self.name_at(end, titled=True)
                start = self.left_extent(index) if size else index
                if size and not self._apposition(start, end + size, named_to):
                    title: str | None = " ".join(words[start:end]).strip(' ,;:("“')
                    found.append((self._name(end, size), title, start))
                    named_to = end + size
                resume = end + size
                continue
            size = self.name_at(index) if self._two_words(index) else 0
            if size >= 2 and not self._placed(index) and not self._kind_of_thing(index + size):
                title = self._title_after(index + size)
                if title or is_given_name(words[index]) or self._family_first(index, size):
                    found.append((self._name(index, size), title, index))
                    resume = named_to = index + size
        return found

    def _apposition(self, start: int, end: int, named_to: int) -> bool:
        """``PM Soro (Secretary General of the Forces Nouvelles)``: a bracket right after a name
        gives that person's title, so a word closing it ends an organisation's name."""
        return (
            start == named_to
            and self.words[start].startswith("(")
            and self.words[end - 1].endswith(")")
            and end - start > 1
        )

    def _placed(self, index: int) -> bool:
        """A name without a title after a preposition of place names the place: "the field
        off Mina Az-Zour", "a village near Qala Naw"."""
        return index > 0 and self.words[index - 1].casefold() in _PLACE_BEFORE

    def _kind_of_thing(self, index: int) -> bool:
        """``Mercedes Benzes and other luxury vehicles``: "and other" after a name without a
        title, then no word for people, makes it a thing of that kind (not ``Karzai and other
        officials``)."""
        words = self.words
        if index + 2 >= len(words) or words[index].casefold() not in ("and", "or"):
            return False
        if words[index + 1].casefold() != "other":
            return False
        kind = [bare_folded(word) for word in words[index + 2 : index + 5]]
        nouns = self.vocab.people_nouns
        return not any(
            word in nouns or word.removesuffix("s") in nouns or is_title_token(word.capitalize())
            for word in kind
        )

    def _family_first(self, index: int, size: int) -> bool:
        """A name that opens with a family name written first and goes on in romanised
        syllables (``Yang Jiechi``, ``Ngo Quang Liem``): a name without a given name first."""
        if bare_folded(self.words[index]) not in family_first():
            return False
        rest = [bare_folded(self.words[index + offset]) for offset in range(1, size)]
        # A hyphen joins the syllables of one given name (Sung-lac), and no English word is
        # written that way, so its halves may be English words ("sung").
        return all(
            _SYLLABLES_RE.fullmatch(part)
            and ("-" in word or part not in self.vocab.common)
            and part not in self.vocab.places
            for word in rest
            for part in word.split("-")
        )

    def _two_words(self, index: int) -> bool:
        """Whether a name without a title (two words) may start at *index*: a quick test."""
        after = self.words[index + 1] if index + 1 < len(self.words) else ""
        return bool(after) and bool(
            name_word(after, self.caps, False)
            or (_INITIAL_RE.match(self.words[index]) and after[:1].isupper())
        )

    def _title_after(self, index: int) -> str | None:
        """``, director of the Center for ...`` after a name: the title, else None."""
        if index == 0 or not self.words[index - 1].endswith(","):
            return None
        start = index
        while start < len(self.words) and bare_folded(self.words[start]) in _LEADS:
            start += 1
        head = start
        while head < min(len(self.words), start + 4) and not is_title_token(
            bare(self.words[head]).capitalize()
        ):
            if self._ends(head):
                return None
            head += 1  # "the Chinese Special Representative": words before the title word
        if head >= min(len(self.words), start + 4):
            return None
        end = start
        while end < len(self.words) and end - start < _MAX_TITLE:
            end += 1
            if self._ends(end - 1):
                break
        return " ".join(self.words[start:end]).rstrip(" ,;:.)") or None

    def _name(self, index: int, size: int) -> str:
        words = [self.words[index + offset] for offset in range(size)]
        words = [word for word in words if not _NICKNAME_RE.match(word)]
        words[-1] = bare(words[-1])
        words = [word.strip(',;:("“”') for word in words]
        return display_name(" ".join(words))


def find_people(text: str) -> list[tuple[str, str | None]]:
    """The ``(name, title)`` of each person *text* names, in order."""
    return [(name, title) for name, title, _offset in _Finder(text).find()]


def find_mentions(paragraphs: list[Paragraph]) -> list[Mention]:
    """The people the paragraphs name, each once, with the longest title seen."""
    mentions: dict[str, Mention] = {}
    things: set[str] = set()
    for paragraph in paragraphs:
        finder = _Finder(paragraph.text)
        found = finder.find()
        things |= finder.things
        named = {word for name, _title, _offset in found for word in name.split()}
        found += [(word, None, 0) for word in lone_surnames(paragraph.text) if word not in named]
        for name, title, _offset in found:
            key = name_key(name)
            known = mentions.get(key)
            if known is None or len(title or "") > len(known.title or ""):
                first = known or Mention(name, title, paragraph.number, paragraph.line)
                mentions[key] = Mention(
                    first.name, title or first.title, first.paragraph, first.line
                )
    # One name, one sense in a cable: "the Abraham Path Initiative" makes "Brazil's Abraham Path
    # sponsors" the initiative's too. A name of one word is left alone (the Bush Doctrine).
    return [mention for key, mention in mentions.items() if key not in things]
