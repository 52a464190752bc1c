"""Header (and text) -> the cable's id, date, origin and classification label.

The id is ``<yy><POST><number>``: the post and number come from the
classification line (or the DE line, or a memo header's ``From:``), the year
from the cable's own date. The routing header is the message as sent: when its
``FM`` post and ``DE`` serial both differ from the classification line's, that
line heads another cable's text carried inside, and the id, origin and level
follow the routing header (``envelope`` names the line set aside). A partial
extract often keeps no date at all; its year is then inferred from the
declassification date or the years the text names, and ``year_source`` says which.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Final

from . import reference
from .classification import ZNY_LEVELS, label
from .header import Header
from .lines import Line

_SENDER_RE: Final = re.compile(
    r"^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USINT|USOFFICE)\s+(?P<post>.+)$"
)
_MEMO_FROM_RE: Final = re.compile(r"\((?P<post>[A-Z][A-Z .'-]*?)\s+(?P<number>\d{1,7})\b")
_DECL_DATE_RE: Final = re.compile(
    r"\b(?:\d{1,2}/\d{1,2}/(?P<year>(?:19|20)\d\d)|(?P<iso>(?:19|20)\d\d)/\d{1,2}/\d{1,2})\b"
)
_YEAR_RE: Final = re.compile(r"\b(19[6-9]\d|20[0-4]\d)\b")
# Spans between a cable and its declassification date, with the cost of assuming each:
# ten years is the default of E.O. 12958, twenty-five its longest.
_DECL_OFFSETS: Final = ((10, 0), (25, 8), (5, 8), (15, 9), (20, 10))
FIRST_YEAR, LATEST_YEAR = 1966, 2010  # the span of the 2010-2011 release
# E.O. 12958 as amended in March 2003 (and E.O. 13526 after it) gives the reasons to classify
# in its section 1.4; before, they were in section 1.5 (E.O. 12958) or 1.3 (E.O. 12356). A
# cable classified "for reasons 1.4 (b)" was sent in 2003 or later.
_AMENDED_REASONS_RE: Final = re.compile(r"\b1\s*\.\s*4\s*\(\s*[a-h]\s*[)/,]", re.I)
_AMENDED_ORDER_YEAR: Final = 2003
# The release holds few cables from before 2000: a guess that lands there costs more.
_EARLY_YEAR, _EARLY_COST = 2000, 4


@dataclass(frozen=True, slots=True)
class Identity:
    id: str | None
    date: str | None
    year: int | None
    year_source: str | None
    origin: str | None
    origin_code: str | None
    classification: str | None
    number: str | None
    envelope: str | None = None
    # Where a guessed year came from: (line, column) of the subject, DECL or text naming it.
    year_evidence: tuple[int, int] | None = None
    # The classification line's POST NUMBER when it names another cable than the routing
    # header's FM line and no DE line says which is right: the id would mix the two.
    mixed: tuple[str, str] | None = None  # (the line's POST NUMBER, the FM line's sender)


def _title(text: str) -> str:
    return " ".join(word.capitalize() for word in text.split())


def _sender_post(sender: str | None) -> tuple[str | None, str | None]:
    """``AMEMBASSY TOKYO`` -> ``("TOKYO", "Embassy Tokyo")``; unknown forms give their code only."""
    if not sender:
        return None, None
    key = sender.replace(" ", "").upper()
    codes = reference.post_codes()
    if key in codes:
        return codes[key], None
    match = _SENDER_RE.match(sender.upper())
    if match:
        post = match.group("post").strip()
        kind = sender.split()[0].upper()
        name = {"AMEMBASSY": "Embassy", "AMCONSUL": "Consulate", "AMCONGEN": "Consulate"}.get(kind)
        return post.replace(" ", ""), f"{name} {_title(post)}" if name else None
    return None, None


@cache
def _posts_named() -> dict[str, list[str]]:
    """Id post code or alias -> the id post codes it may stand for, in the data's order."""
    named: dict[str, list[str]] = {}
    for key, post in reference.posts().items():
        for name in dict.fromkeys([key, *(post.get("aliases") or ())]):
            named.setdefault(name, []).append(key)
    return named


def resolve_post(code: str | None, sender: str | None) -> tuple[str | None, str | None]:
    """The post code and publisher name for an id post *code*, the FM line choosing between twins."""
    posts = reference.posts()
    sender_code, sender_name = _sender_post(sender)
    if code is None:
        code = sender_code
    if code is None:
        return None, None
    candidates = _posts_named().get(code, [])
    if sender and len(candidates) > 1:
        wanted = sender.replace(" ", "").upper()
        for key in candidates:
            forms = {form.replace(" ", "").upper() for form in posts[key].get("sender") or ()}
            if wanted in forms or wanted in (f"AMEMBASSY{key}", f"AMCONSUL{key}"):
                return code, posts[key]["name"]
    if code in posts:
        return code, posts[code]["name"]
    if candidates:
        return code, posts[candidates[0]]["name"]
    if sender_code == code and sender_name:
        return code, sender_name
    return code, None


def _decl_year_guess(decl_year: int, named: list[int], floor: int) -> int | None:
    """The likeliest cable year for a declassification year, weighed against the years named."""
    best: tuple[float, int] | None = None
    for offset, penalty in _DECL_OFFSETS:
        year = decl_year - offset
        if not floor <= year <= LATEST_YEAR:
            continue
        cost = float(penalty) + (_EARLY_COST if year < _EARLY_YEAR else 0)
        if named:
            newest = max(named)
            # A cable mostly looks back: naming years before its own is cheaper than after.
            cost += 0.2 * (year - newest) if year >= newest else float(newest - year)
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def _years(text: str) -> list[int]:
    # A year the cable names but could not be sent in ("the 1955 Bandung conference",
    # "Vision 2020") says nothing of its own year; a guess stays within the release's span.
    return [y for y in map(int, _YEAR_RE.findall(text)) if FIRST_YEAR <= y <= LATEST_YEAR]


def _first_place(lines: list[Line] | None) -> tuple[int, int] | None:
    return (lines[0].number, lines[0].column) if lines else None


def _place_in_text(text: str, year: int) -> tuple[int, int]:
    """Line and column where *text* first names *year* as a word."""
    match = re.search(rf"\b{year}\b", text)
    if match is None:
        return 1, 1
    start = text.rfind("\n", 0, match.start()) + 1
    return text.count("\n", 0, match.start()) + 1, match.start() - start + 1


def _infer_year(
    header: Header, subject: str, text: str, ref_years: list[int]
) -> tuple[int | None, str | None, tuple[int, int] | None]:
    """A year for a cable whose text gives no date, where it came from and the place of the
    evidence: a guess, which the record and the contributor's check say is one."""
    in_subject = _years(subject)
    if in_subject:
        return max(in_subject), "subject", _first_place(header.fields.get("SUBJECT"))
    decl_text = " ".join(line.text for line in header.fields.get("EO", ()))
    decl = _DECL_DATE_RE.search(decl_text)
    years = _years(text)
    if decl:
        decl_year = int(decl.group("year") or decl.group("iso"))
        named = [year for year in years if year != decl_year]
        classified = " ".join(line.text for line in header.fields.get("CLASSIFIED", ()))
        floors = [FIRST_YEAR, *ref_years]
        if _AMENDED_REASONS_RE.search(classified):
            floors.append(_AMENDED_ORDER_YEAR)
        guess = _decl_year_guess(decl_year, named, max(floors))
        if guess is not None:
            return guess, "decl", _first_place(header.fields.get("EO"))
    if years:
        counts = Counter(years)
        year = max(counts, key=lambda year: (counts[year], year))
        return year, "text", _place_in_text(text, year)
    return None, None, None


def _carried_line(header: Header, code: str | None, number: str | None) -> str | None:
    """The classification line's ``POST NUMBER`` when it belongs to another cable than the
    routing header's (another post and serial); else None."""
    if (
        code is None
        or number is None
        or not number.isdigit()
        or not header.de_number
        or not header.sender
    ):
        return None
    # A DE serial keeps only a number's last four digits (STATE 068250 goes as #8250).
    if int(header.de_number) % 10_000 == int(number) % 10_000:
        return None
    return f"{code} {number}" if _another_post(header.sender, code) else None


def _another_post(sender: str, code: str) -> bool:
    """Whether post *code* is another post than the FM line's *sender*."""
    sender_code, sender_name = resolve_post(None, sender)
    if sender_code is None or sender_code == code:
        return False
    # One post by two names (ROME for UN Rome): the FM line tells which.
    return not (sender_name and resolve_post(code, sender)[1] == sender_name)


def _mixed_line(header: Header, code: str | None, number: str | None) -> tuple[str, str] | None:
    """``STATE 068250`` when the classification line names a post other than the FM line's and
    there is no DE line to say which cable the text is (88BAGHDAD28)."""
    if header.de_number or not header.sender or code is None or not (number or "").isdigit():
        return None
    return (f"{code} {number}", header.sender) if _another_post(header.sender, code) else None


def identify(header: Header, subject: str, text: str, ref_years: list[int]) -> Identity:
    """The id, date, origin and label of a cable, from its header and (for the year) its text."""
    line = header.classification
    post = line.post if line and line.post else None
    number = line.number if line and line.number else None
    if header.memo_from and (match := _MEMO_FROM_RE.search(header.memo_from.upper())):
        post = post or match.group("post")
        number = number or match.group("number")
    number = number or header.de_number
    code = post.replace(" ", "").upper() if post else None
    if code is not None:
        code = reference.post_codes().get(code, code)
    level = line.level if line else ZNY_LEVELS.get(header.zny or "")
    envelope = _carried_line(header, code, line.number if line else None)
    mixed = None if envelope else _mixed_line(header, code, line.number if line else None)
    if envelope:
        code, number = None, header.de_number
        level = ZNY_LEVELS.get(header.zny or "", level)
    code, origin = resolve_post(code, header.sender)
    date = header.dtg_date or header.dateline
    evidence: tuple[int, int] | None = None
    if date:
        year: int | None = int(date[:4])
        source: str | None = "dtg" if header.dtg_date else "dateline"
    else:
        year, source, evidence = _infer_year(header, subject, text, ref_years)
    cable_id = None
    if code and number and year is not None and number.strip("0"):
        cable_id = f"{year % 100:02d}{code}{int(number)}"
    if mixed:  # the message is the FM line's post's, whatever its text names
        code, origin = resolve_post(None, header.sender)
    return Identity(
        cable_id,
        date,
        year,
        source,
        origin,
        code,
        label(level, tuple(header.handling)),
        number,
        envelope,
        evidence,
        mixed,
    )
