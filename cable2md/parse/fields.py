"""Header fields, each from its joined, de-noised text: TAGS, SUBJECT, E.O., Classified By.

``FIELD_PARSERS`` maps a field name to the function that reads it; the header
scan (``header.py``) finds the field's lines, these functions read their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

MARKING_RE: Final = re.compile(
    r"^\(\s*(?P<marking>(?:TS|S|C|U|SBU|LOU|FOUO|NF|REL[^)]{0,40}|ORCON|PROPIN|NOFORN|SI|TK)"
    r"(?:\s*(?:/{1,2}|-)\s*(?:TS|S|C|U|SBU|LOU|FOUO|NF|REL[^)]{0,40}|ORCON|PROPIN|NOFORN|SI|TK))*)\s*\)\s*",
    re.IGNORECASE,
)
_TAGS_LABEL_RE: Final = re.compile(r"^\s*TAGS?\b\s*:?\s*", re.I)
_SUBJECT_LABEL_RE: Final = re.compile(r"^\s*SUBJ(?:ECT)?\s*[:.]\s*", re.I)
_PERSON_TAG_RE: Final = re.compile(r"\(([^()]*)\)")
_EO_RE: Final = re.compile(
    r"^\s*¶?\s*(?:E\s*\.\s*O\s*\.?|EO)\s*(?P<number>\d{5})?\s*[:;,.]?\s*", re.IGNORECASE
)
_DECL_RE: Final = re.compile(r"\bDECL\b\s*[:;.]?\s*(?P<decl>.*)$", re.IGNORECASE)
_CLASSIFIED_RE: Final = re.compile(r"^\s*CLASSIFIED\s+BY\s*[:;.]?\s*", re.IGNORECASE)
_REASONS_RE: Final = re.compile(
    r"[\s,.;]*(?:\bfor\s+|\bunder\s+)?\b(?:reasons?|reason\s+codes?)\b\s*[:.]?\s*(?P<reasons>.*)$",
    re.IGNORECASE,
)
_BARE_REASON_RE: Final = re.compile(
    r"[\s,.;]*(?:\bfor\s+)?(?P<reasons>\b1\.\s*[4-6]\s*\(?\s*[a-hA-H]\b.*)$"
)


def split_marking(text: str) -> tuple[str | None, str]:
    """``(S/NF) TEXT`` -> ``("S/NF", "TEXT")``; text without a marking -> ``(None, text)``."""
    match = MARKING_RE.match(text)
    if not match:
        return None, text
    return _marking(match.group("marking")), text[match.end() :]


def _marking(text: str) -> str:
    """``S // rel to  Ukraine`` -> ``S//REL TO UKRAINE``: spaces a scan put inside a code
    are dropped (``N F``), those between the words of a release list are kept."""
    parts = re.split(r"\s*(/{1,2}|-)\s*", text.strip().upper())
    for at in range(0, len(parts), 2):
        squeezed = re.sub(r"\s+", "", parts[at])
        parts[at] = re.sub(r"\s+", " ", parts[at]) if squeezed.startswith("REL") else squeezed
    return "".join(parts)


def parse_tags(text: str) -> list[str]:
    """``OVIP (STEINBERG, JAMES B.), PREL pgov`` -> ``["OVIP", "STEINBERG, JAMES B.", "PREL", "PGOV"]``.

    Codes are upper-cased; a person named in parentheses stays one entry.
    """
    text = _TAGS_LABEL_RE.sub("", text, count=1)
    tags: list[str] = []
    position = 0
    for match in _PERSON_TAG_RE.finditer(text):
        tags.extend(_codes(text[position : match.start()]))
        person = re.sub(r"\s+", " ", match.group(1)).strip(" ,;").upper()
        if person:
            tags.append(person)
        position = match.end()
    tags.extend(_codes(text[position:]))
    return tags


def _codes(text: str) -> list[str]:
    """Codes, upper-cased; in a line of upper-case codes, a run of Capitalised words is one keyword."""
    words = [word for word in re.split(r"[\s,;:]+", text) if re.search(r"\w", word)]
    mixed = any(word.isupper() for word in words) and any(
        word[:1].isupper() and word[1:].islower() for word in words
    )
    codes: list[str] = []
    keyword: list[str] = []
    for word in words:
        if mixed and word[:1].isupper() and word[1:].islower() and len(word) > 2:
            keyword.append(word)
            continue
        if keyword:
            codes.append(" ".join(keyword))
            keyword = []
        codes.append(word.upper())
    if keyword:
        codes.append(" ".join(keyword))
    return codes


def parse_subject(text: str) -> dict[str, Any]:
    marking, subject = split_marking(_SUBJECT_LABEL_RE.sub("", text, count=1).strip())
    subject = subject.strip()
    return {"subject": subject or None, "subject_marking": marking}


def parse_eo(text: str) -> dict[str, Any]:
    """``E.O. 12958: DECL: 09/08/2013`` -> order 12958, declassify ``09/08/2013``."""
    match = _EO_RE.match(text)
    number = match.group("number") if match else None
    rest = text[match.end() :] if match else text
    decl = _DECL_RE.search(rest)
    declassify = (decl.group("decl") if decl else rest).strip(" .;:")
    return {"executive_order": number, "declassify": declassify or None}


def parse_classified_by(text: str) -> dict[str, Any]:
    """``Classified By: Amb. Carol van Voorst for reasons 1.4 (b) and (d).``"""
    body = _CLASSIFIED_RE.sub("", text, count=1).strip()
    match = _REASONS_RE.search(body) or _BARE_REASON_RE.search(body)
    reasons = None
    if match:
        reasons = match.group("reasons").strip(" .;:") or None
        body = body[: match.start()]
    classified_by = body.strip(" ,.;:") or None
    return {"classified_by": classified_by, "reasons": reasons}


FIELD_PARSERS: dict[str, Callable[[str], Any]] = {
    "TAGS": parse_tags,
    "SUBJECT": parse_subject,
    "EO": parse_eo,
    "CLASSIFIED": parse_classified_by,
}
