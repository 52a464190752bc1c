"""The archive's people as each cable gives them -> one person per person, with the evidence.

Three rules, in this order (``people.yml`` has already had its say, and wins):

1. **Signers.** A cable of the Department signed with a surname is signed by the Secretary
   of State of its date (``data/secretaries.yaml``): a role, not a mention.
2. **Variants.** Full names that differ only in spelling (``Victor``/``Viktor Bout``,
   ``Mousavi``/``Musavi``/``Moussavi``, a possessive, an initial's spacing) or in middle
   initials one of them lacks are one person, unless two of them hold different initials.
3. **Names alone.** A surname alone (``Karzai``) is the one person of the archive with that
   family name; when there are several, the one seen at the cable's post, else the one who
   holds the office the cable names in the same years. Not when the cable names another
   office than that person holds in those years, nor a signature at a post where they are not
   seen. Otherwise it stays a page of its own that lists the candidates (a disambiguation
   page), never one of them silently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from ..parse import Appearance, reference
from ..parse.names import unaccented
from .spellings import family_name, middle, one_letter_apart, skeleton, variant_key


@dataclass
class Person:
    key: str
    name: str
    slug: str = ""
    note: str | None = None
    surname_only: bool = False
    appearances: list[Appearance] = field(default_factory=list)
    also: list[str] = field(default_factory=list)  # other names it is written as
    evidence: list[str] = field(default_factory=list)  # why those are this person
    candidates: list[str] = field(default_factory=list)  # keys (then slugs) a lone name may be
    who: str = ""  # the identification (archive.glossary), set with the archive's dates

    @property
    def cables(self) -> set[str]:
        """The cables this person appears in."""
        return {appearance.cable for appearance in self.appearances}


@cache
def secretaries() -> list[dict[str, str]]:
    """The Secretaries of State, their terms' dates as ``YYYY-MM-DD`` text."""
    return [{k: str(v) for k, v in entry.items()} for entry in reference.secretaries()]


def secretary(signature: str, date: str | None) -> str | None:
    """The Secretary of State who signs *signature* (``RICE``) on *date*, or None."""
    if not date:
        return None
    word = unaccented(signature).upper().strip(". ")
    for entry in secretaries():
        if entry["signs"] == word and entry["from"] <= date[:10] <= entry["to"]:
            return entry["name"]
    return None


class People:
    """The archive's people by key, and each cable's name forms -> key, moved together."""

    def __init__(self, people: dict[str, Person], per_cable: dict[str, dict[str, str]]) -> None:
        self.people = people
        self.per_cable = per_cable

    def move(self, source: str, target: str, cables: set[str] | None = None) -> None:
        """The appearances of *source* (in *cables*, or all) to *target*."""
        person, into = self.people[source], self.people[target]
        # Split by cable, not by comparing appearances: a name alone seen in thousands of
        # cables would compare each with each.
        moving = [a for a in person.appearances if cables is None or a.cable in cables]
        person.appearances = (
            [] if cables is None else [a for a in person.appearances if a.cable not in cables]
        )
        into.appearances.extend(moving)
        for cable in {a.cable for a in moving}:
            forms = self.per_cable.get(cable, {})
            for form, key in forms.items():
                if key == source:
                    forms[form] = target
        if not person.appearances:
            del self.people[source]
        if person.name != into.name and person.name not in into.also:
            into.also.append(person.name)

    def add(self, key: str, name: str) -> Person:
        if key not in self.people:
            self.people[key] = Person(key, name, surname_only=len(name.split()) == 1)
        return self.people[key]


def sign_as_secretaries(
    people: People, department: set[str], dates: dict[str, str | None], key_of: Callable[[str], str]
) -> None:
    """Rule 1: a Department cable's signature is the Secretary of State of its date."""
    for key, person in list(people.people.items()):
        if len(person.name.split()) != 1:
            continue
        by_secretary: dict[str, set[str]] = defaultdict(set)
        for appearance in person.appearances:
            if appearance.role == "signer" and appearance.cable in department:
                name = secretary(person.name, dates.get(appearance.cable))
                if name:
                    by_secretary[name].add(appearance.cable)
        for name, cables in by_secretary.items():
            target = people.add(key_of(name), name)
            person.appearances = [
                replace(a, title="Secretary of State")
                if a.cable in cables and a.role == "signer"
                else a
                for a in person.appearances
            ]
            target.evidence.append(
                f"Signs {len(cables):,} of the Department's cables as Secretary of State"
            )
            people.move(key, target.key, cables)


def merge_variants(people: People, kept_apart: set[str]) -> None:
    """Rule 2: full names that are spellings of one name, merged into the most used."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, person in people.people.items():
        if len(person.name.split()) > 1 and key not in kept_apart:
            groups[variant_key(person.name)].append(key)
    for key, person in people.people.items():  # Ahmadinejad, Ahmedinejad: a name alone
        if " " not in person.name and key not in kept_apart:
            folded = skeleton(person.name)
            if len(folded) >= 8:
                folded = folded[0] + re.sub(r"[aeiou]", "", folded[1:])
            groups[("", folded)].append(key)
    for keys in one_letter_apart(groups):
        if len(keys) < 2:
            continue
        people_in = [people.people[k] for k in keys]
        middles = {middle(p.name) for p in people_in} - {""}
        if len(middles) > 1:  # John A. Smith and John B. Smith: two people, and Smith unknown
            continue
        target = max(people_in, key=_preferred)
        for person in people_in:
            if person is not target:
                cables = len(person.cables)
                target.evidence.append(
                    f"Written {person.name} in {cables:,} cable{'s' * (cables != 1)}: the same "
                    "given and family names but for spelling or initials"
                )
                people.move(person.key, target.key)


def _preferred(person: Person) -> tuple[int, bool, int]:
    """The name a merged person's page takes: the most used, well spaced, then the fullest."""
    cables = len(person.cables)
    clean = not re.search(r"\.[A-Za-z]|[’'`]$", person.name)  # "Todd C.Chapman", "Biden’"
    return cables, clean, len(person.name)


def resolve_names_alone(
    people: People, origins: dict[str, str], years: dict[str, str], kept_apart: set[str]
) -> None:
    """Rule 3: a surname alone is the archive's one full-named person of that family name
    (the one seen at the cable's post first); else a page listing the candidates."""
    by_family: dict[str, list[str]] = defaultdict(list)
    posts: dict[str, set[str]] = {}
    held: dict[str, dict[int, frozenset[str]]] = {}  # each candidate's offices, when asked
    for key, person in people.people.items():
        if len(person.name.split()) > 1:
            by_family[skeleton(family_name(person.name))].append(key)
            posts[key] = {origins.get(a.cable, "") for a in person.appearances}
    for key, person in list(people.people.items()):
        if len(person.name.split()) != 1 or key in kept_apart:
            continue
        candidates = by_family.get(skeleton(person.name), [])
        if not candidates:
            continue
        chosen: dict[str, set[str]] = defaultdict(set)
        in_cable: dict[str, list[Appearance]] = defaultdict(list)
        for appearance in person.appearances:
            in_cable[appearance.cable].append(appearance)
        for cable, seen in in_cable.items():
            titles = {a.title for a in seen if a.title}
            year = years.get(cable, "")
            if titles:
                for c in candidates:
                    if c not in held:
                        held[c] = _offices_by_year(people.people[c], years)
                fit = {c: _fits(titles, held[c], year) for c in candidates}
            else:
                fit = dict.fromkeys(candidates, 1)  # no title: nothing to fit or to confirm
            fitting = [c for c in candidates if fit[c]]
            here = [c for c in fitting if origins.get(cable, "") in posts[c]]
            same_office = [c for c in fitting if fit[c] == 2]
            roles = {a.role for a in seen}
            if roles <= {"signer", "classifier"}:  # an embassy's signer is someone posted there
                fitting = same_office = here
            if len(fitting) == 1 and len(candidates) == 1:
                chosen[fitting[0]].add(cable)
            elif len(here) == 1:
                chosen[here[0]].add(cable)
            elif len(same_office) == 1:  # the one who held that office in those years
                chosen[same_office[0]].add(cable)
        for target, cables in chosen.items():
            into = people.people[target]
            family = family_name(into.name)
            into.evidence.append(
                f"Named {person.name} alone in {len(cables):,} cable{'s' * (len(cables) != 1)}: "
                + (
                    f"the only {family} the archive knows by full name"
                    if len(candidates) == 1
                    else f"of the {len(candidates):,} people named {family} the archive knows, "
                    "the one seen at the cable's post or holding the office it names"
                )
            )
            people.move(key, target, cables)
        if key in people.people:
            people.people[key].candidates = sorted(candidates)


# The offices a title names, folded: two offices held in the same years by one person rarely
# differ in these words (a President is not then a Secretary).
_OFFICES = {
    "president": "president", "pres": "president", "secretary": "secretary",
    "secstate": "secretary", "king": "king", "queen": "queen", "emir": "emir", "amir": "emir",
    "sultan": "sultan", "chancellor": "chancellor", "pope": "pope", "premier": "prime",
    "prime": "prime", "pm": "prime", "minister": "minister", "fm": "minister",
    "fonmin": "minister", "ambassador": "ambassador", "amb": "ambassador",
    "general": "general", "gen": "general", "senator": "senator", "sen": "senator",
    "governor": "governor", "gov": "governor", "lady": "spouse",
}  # fmt: skip


@lru_cache(maxsize=1 << 14)
def _offices(title: str) -> frozenset[str]:
    words = (word.casefold().strip(".,()") for word in title.replace("/", " ").split())
    return frozenset(_OFFICES[word] for word in words if word in _OFFICES)


def _offices_by_year(person: Person, years: dict[str, str]) -> dict[int, frozenset[str]]:
    """The offices *person*'s titles name, by the year of the cables that give them."""
    found: dict[int, frozenset[str]] = {}
    for appearance in person.appearances:
        year = years.get(appearance.cable, "")
        if appearance.title and year:
            found[int(year)] = found.get(int(year), frozenset()) | _offices(appearance.title)
    return found


def _fits(titles: set[str], held: dict[int, frozenset[str]], year: str) -> int:
    """Whether a name alone, with *titles* in a cable of *year*, may be the person who *held*
    these offices: 0 when their offices within a year of it are other ones only
    (``President Clinton`` in 2010 is not the Secretary Clinton of 2009-2010), 2 when they
    name the same office, else 1 (``Russian President Putin`` in 2004 may well be the Prime
    Minister Putin of 2009)."""
    offices = frozenset().union(*(_offices(title) for title in titles))
    if not offices or not year:
        return 1
    near = int(year)
    theirs = (held.get(near - 1, frozenset()) | held.get(near, frozenset())
              | held.get(near + 1, frozenset()))  # fmt: skip
    return 1 if not theirs else 2 if offices & theirs else 0


def kept_apart(names: Iterable[str], key_of: Callable[[str], str]) -> set[str]:
    """Keys ``people.yml`` decides (names of its entries and split targets): no rule moves them."""
    return {key_of(name) for name in names}
