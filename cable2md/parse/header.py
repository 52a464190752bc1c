"""Lines -> header fields and the index where the body begins.

The header is read as a sequence of fields, each found by the pattern of its
first line (``HEADER_FIELDS``) and continued by the rule of its kind. The first
line that belongs to no field ends the header. Text before the first field that
is not a cable header (a database export's banner) is kept as an artifact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from . import routing
from .classification import ClassificationLine, caveat_name, parse_classification_line
from .errors import Defect
from .fields import split_marking
from .lines import Line
from .model import Artifact
from .normalize import denoise
from .paragraphs import is_paragraph_start

PARTIAL_RE: Final = re.compile(
    r"^\s*This\s+record\s+is\s+a\s+partial\s+extract\s+of\s+the\s+original\s+cable", re.I
)
TRAILER_RE: Final = re.compile(r"^\s*Declassified/Released\b", re.I)
CORRECTED_RE: Final = re.compile(r"^\s*C\s*O\s*R\s*R\s*E\s*C\s*T\s*E\s*D\s+C\s*O\s*P\s*Y\b", re.I)
MEMO_RE: Final = re.compile(r"^\s*(?P<key>To|Action|From|Captions|Cable|Text)\s*:(?P<value>.*)$")

HEADER_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EO", re.compile(r"^\s*¶?\s*(?:E\s*\.\s*O\s*\.?|EO)\s*\d{5}\b", re.I)),
    ("TAGS", re.compile(r"^\s*TAGS?\b\s*:?", re.I)),
    ("SUBJECT", re.compile(r"^\s*SUBJ(?:ECT)?\s*[:.]", re.I)),
    (
        "REF",
        re.compile(
            r"^\s*(?:REFS?|REFTELS?|REFERENCES?)\s*[:.]|^\s*(?:REF|REFS|REFTEL|REFTELS)\s+(?=[A-Z0-9(])",
            re.I,
        ),
    ),
    ("CLASSIFIED", re.compile(r"^\s*CLASSIFIED\s+BY\b", re.I)),
)
# "\s\s*", not "\s+": a pattern that opens with a character class is searched for quickly.
_SPLIT_RE: Final = re.compile(
    r"\s\s*(?=(?:E\.\s*O\s*\.|EO)\s*\d{5}\b|(?i:TAGS?)\s*:|TAGS?\s+[A-Z]{2,6}\b|(?i:SUBJECT)\s*:|CLASSIFIED BY\b)"
)
# The first paragraph run onto the reasons' line: "REASON: 1.4 (b), (d) 1. (C/NF) Summary: ...".
_REASONS_THEN_PARAGRAPH_RE: Final = re.compile(
    r"\b1\s*\.\s*[4-9]\b.*?\)\s*\.?(?P<gap>\s+)(?=(?:¶\s*)?1\s*\.\s*\(\s*[A-Z]{1,4}(?:\s*/{1,2}\s*[A-Z ]{1,20})*\s*\)(?:\s|$))"
)
# The same when the reasons run over to a line of their own: "(d)  1.  (C) Summary: ...".
_REASON_LETTERS_THEN_PARAGRAPH_RE: Final = re.compile(
    r"^\s*(?:(?:and|&|,)?\s*\(\s*[a-h]\s*\)[\s,.]*)+?(?P<gap>\s*)(?=(?:¶\s*)?1\s*\.\s*\(\s*[A-Z]{1,4}(?:\s*/{1,2}\s*[A-Z ]{1,20})*\s*\)(?:\s|$))",
    re.I,
)
_CLASSIFIED_BY_RE: Final = re.compile(r"CLASSIFIED\s+BY\b", re.I)
_REASONS_REACH: Final = 3  # lines of text a Classified By field runs over (page breaks aside)
_BARE_TAGS_RE: Final = re.compile(r"TAGS?\s+[A-Z]")
_TAGS_COLON_RE: Final = re.compile(r"^\s*TAGS?\s*:", re.I)
_PASS_RE: Final = re.compile(r"^[^a-z]{0,160}\b(?:FOR|PASS|PASS TO)\b[^a-z]{0,160}$")
_SUBJECT_OPEN_RE: Final = re.compile(
    r"(?:[:,;/-]|\b(?:AND|OR|OF|THE|TO|FOR|WITH|ON|IN|A|AN|AT|BY|FROM|ITS|HIS|HER|OVER|ABOUT))$",
    re.I,
)
_REF_LABEL_RE: Final = re.compile(r"^\s*\(?[B-Hb-h][.)]\s")
# More reasons on the next line: "and (d).", "(c), and (d)", "& D".
_REASON_TAIL_RE: Final = re.compile(r"^(?:and\b|&|,)?\s*\(\s*[a-h]\s*\)|^(?:and|&)\s+[a-h]\b", re.I)
_REASON_RE: Final = re.compile(r"\b1\s*\.\s*[4-9]\b|\breasons?\b.*\(", re.I)
_UNDERLINE_RE: Final = re.compile(r"^\s*[-=_]{3,}\s*$")
# Each code must end at a separator, so a long line cannot be split into codes in many ways.
_TAG_LINE_RE: Final = re.compile(r"^\s*(?:(?:[A-Za-z]{1,8}|\([^()]*\))(?:[\s,;]+|$))+$")
_SCAN_LIMIT: Final = 40  # lines of unknown text tolerated before the first header field
_NOTE_REACH: Final = (
    25  # an unknown line is a header note when a field follows within this many lines
)
_NOTE_REACH_AFTER_SUBJECT: Final = 4


@dataclass
class Header:
    partial: bool = False
    dtg: str | None = None
    dtg_date: str | None = None
    dateline: str | None = None
    precedence: str | None = None
    de_number: str | None = None
    zny: str | None = None
    sender: str | None = None
    to: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    classification: ClassificationLine | None = None
    classification_line: Line | None = None
    handling: list[str] = field(default_factory=list)
    pass_to: list[str] = field(default_factory=list)
    fields: dict[str, list[Line]] = field(default_factory=dict)
    telegram_tags: list[Line] = field(default_factory=list)  # a second header's, in the body
    memo_from: str | None = None
    trailer: list[str] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)
    body_start: int = 0


def _may_split(text: str) -> bool:
    """False when _SPLIT_RE cannot match *text*: each field it looks for holds one of these
    strings (casefold() folds at least what the pattern's ignored case does). Tested first,
    they spare nearly every line the pattern's attempt at each space."""
    if "E." in text or "EO" in text or "TAG" in text or "CLASSIFIED BY" in text:
        return True
    if ":" not in text:
        return False
    folded = text.casefold()
    return "tag" in folded or "subject" in folded


def _split_fields(lines: list[Line]) -> list[Line]:
    """Split lines that hold two fields (``DEPT FOR WHA/BSC E.O. 12958: DECL: ...``), and a
    Classified By line that runs on into the first paragraph: the paragraph then starts a line
    of its own, at its own column."""
    out: list[Line] = []
    reasons_open = 0  # lines of a Classified By field still to look at for the paragraph
    for line in lines:
        text = line.text
        match = None
        if ("LASSIFIED" in text or "lassified" in text) and _CLASSIFIED_BY_RE.search(text):
            match = _REASONS_THEN_PARAGRAPH_RE.search(text)
            reasons_open = 0 if match else _REASONS_REACH
        elif reasons_open and not line.blank:
            match = _REASONS_THEN_PARAGRAPH_RE.search(text) or (
                _REASON_LETTERS_THEN_PARAGRAPH_RE.match(text)
            )
            reasons_open = 0 if match else reasons_open - 1
        if match:
            out += _split_fields([line.head(match.start("gap"))])
            out.append(line.tail(match.end("gap")))
            continue
        if not _may_split(text):
            out.append(line)
            continue
        position = 0
        for match in _SPLIT_RE.finditer(line.text):
            segment = line.text[position : match.start()]
            if _BARE_TAGS_RE.match(line.text, match.end()) and _field_kind(segment) != "EO":
                continue  # "NEW PRICE TAGS FOR ...": TAGS without a colon ends an E.O. line only
            if segment.strip():
                out.append(
                    Line(line.number, line.column + position, line.text[position : match.start()])
                )
                position = match.end()
        out.append(line.tail(position) if position else line)
    return out


def _add_new(kept: list[str], names: Iterable[str]) -> None:
    """Append each of *names* not in *kept* yet, a name given twice once. One at a time: an
    ``extend`` over a generator that reads *kept* dedups as it goes in Python but not compiled
    (mypyc builds the list first), and the two parsers read 08TRIPOLI220's caveats otherwise."""
    for name in names:
        if name not in kept:
            kept.append(name)


def _field_kind(text: str) -> str | None:
    for kind, pattern in HEADER_FIELDS:
        if pattern.match(text):
            return kind
    return None


def _next_text(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index].blank:
        index += 1
    return index


class _Scanner:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = _split_fields(lines)
        self.header = Header()
        self.open: str | None = None  # the field whose continuation lines are being read
        self.seen_field = False

    def run(self) -> tuple[Header, list[Line]]:
        index = 0
        lines = self.lines
        pending: list[Line] = []  # unknown lines before the first field
        while index < len(lines):
            line = lines[index]
            if line.blank:
                index = self._blank(index)
                continue
            if self._take(line, lines, index):
                if pending and self.seen_field:
                    self.header.artifacts.extend(
                        Artifact(p.number, p.stripped, "preamble") for p in pending
                    )
                    pending = []
                index += 1
                continue
            if (
                not self.seen_field
                and len(pending) < _SCAN_LIMIT
                and not is_paragraph_start(line.text)
            ):
                pending.append(line)
                index += 1
                continue
            if self.seen_field and self._field_follows(index):
                self._note(line)
                index += 1
                continue
            break
        if pending:  # no header field followed: that text is the body
            index = self.lines.index(pending[0])
        self.header.body_start = index
        return self.header, lines[index:]

    def _field_follows(self, index: int) -> bool:
        """Whether a header field comes soon after the unknown line at *index*."""
        subject_seen = "SUBJECT" in self.header.fields
        reach = _NOTE_REACH_AFTER_SUBJECT if subject_seen else _NOTE_REACH
        for following in range(index + 1, min(len(self.lines), index + 1 + reach)):
            text = self.lines[following].text
            if not text.strip():
                continue
            if is_paragraph_start(text):
                return False
            kind = _field_kind(text)
            if kind and (not subject_seen or kind in ("REF", "CLASSIFIED")):
                return True
            stripped = text.strip()
            if not subject_seen and (
                routing.VZCZC_RE.match(stripped) or routing.PRECEDENCE_DTG_RE.match(stripped)
            ):
                return True
        return False

    def _note(self, line: Line) -> None:
        """An unknown line inside the header: a pass line, or a note kept as an artifact."""
        header = self.header
        text = line.stripped
        passing = re.search(r"\b(?:FOR|PASS)\b", text, re.I)
        continues = self.open == "PASS" and not re.search(r"[a-z]", text)
        if header.classification and "SUBJECT" not in header.fields and (passing or continues):
            if continues and not passing and header.pass_to:
                header.pass_to[-1] = denoise(f"{header.pass_to[-1]} {text}")
            else:
                header.pass_to.append(denoise(text))
            self.open = "PASS"
        else:
            header.artifacts.append(Artifact(line.number, text, "header-note"))
            self.open = None

    def _blank(self, index: int) -> int:
        following = _next_text(self.lines, index)
        if following < len(self.lines):
            text = self.lines[following].text
            subject = self.header.fields.get("SUBJECT")
            if (
                self.open == "SUBJECT"
                and subject
                and _SUBJECT_OPEN_RE.search(subject[-1].stripped)
                and not _field_kind(text)
                and not is_paragraph_start(text)
                and not _is_underlined(self.lines, following)
            ):
                return following
            if self.open == "REF" and _REF_LABEL_RE.match(text):
                return following
            if self.open in ("TO", "INFO") and routing.is_address(text):
                return following  # a page break inside the address list
            if self.open in ("SUBJECT", "TAGS") and self._field_goes_on(self.open, following):
                return following  # a page break inside the field
            if (
                self.open == "CLASSIFIED"
                and (_REASON_RE.search(text) or _REASON_TAIL_RE.match(text))
                and self._continues("CLASSIFIED", self.lines[following], self.lines, following)
            ):
                return following  # a page break before the reasons
        self.open = None
        return following

    def _take(self, line: Line, lines: list[Line], index: int) -> bool:
        """Read *line* as part of the header; False when it is not header text."""
        text = line.stripped
        header = self.header
        if self.seen_field and _UNDERLINE_RE.match(text) and self._header_line_follows(index):
            # A rule between header lines (a page break may part it from the field above).
            header.artifacts.append(Artifact(line.number, text, "rule"))
            return True
        kind = _field_kind(text)
        if (
            kind == "TAGS"
            and self.open == "SUBJECT"
            and "TAGS" in header.fields
            and not _TAGS_COLON_RE.match(text)
        ):
            kind = None  # the word "TAGS" opening a line of the subject: no second field
        if kind:
            if kind == "REF" and not self.seen_field:
                return False
            header.fields.setdefault(kind, []).append(line)
            self.open = kind
            self.seen_field = True
            return True
        if self.open and self._continues(self.open, line, lines, index):
            if self.open in ("TO", "INFO"):
                (header.to if self.open == "TO" else header.info).append(routing.address(text))
            else:
                header.fields[self.open].append(line)
            return True
        self.open = None
        return self._routing(line)

    def _field_goes_on(self, kind: str, index: int) -> bool:
        """Whether the lines from *index* on, after a blank line below a field of *kind*,
        continue it: none is a field, paragraph or caveat, and a header field comes after
        them within a few lines, page breaks or not (lines between two header fields belong
        to the header)."""
        seen = 0
        for following in range(index, min(len(self.lines), index + _NOTE_REACH)):
            line = self.lines[following]
            if line.blank:
                continue
            text = line.stripped
            if _field_kind(text):
                return seen > 0
            # _continues turns away paragraph starts and classification lines itself.
            if caveat_name(text) or not self._continues(kind, line, self.lines, following):
                return False
            seen += 1
        return False

    def _header_line_follows(self, index: int) -> bool:
        following = _next_text(self.lines, index + 1)
        if following >= len(self.lines):
            return False
        text = self.lines[following].stripped
        return bool(_field_kind(text) or parse_classification_line(text) or caveat_name(text))

    def _continues(self, kind: str, line: Line, lines: list[Line], index: int) -> bool:
        text = line.stripped
        if (
            is_paragraph_start(text)
            or parse_classification_line(text)
            or _is_underlined(lines, index)
        ):
            return False
        if kind == "TAGS":
            if "SUBJECT" in self.header.fields:
                return False
            tags = " ".join(part.stripped for part in self.header.fields["TAGS"])
            # A person tag broken inside its parentheses: "OVIP (SMITH, JOHN" + "A.) PREL".
            return bool(_TAG_LINE_RE.match(text)) or tags.count("(") > tags.count(")")
        if kind in ("SUBJECT", "REF"):
            if _UNDERLINE_RE.match(text):
                return False  # a rule above the first heading ends the field, never joins it
            if split_marking(text)[0] and kind == "REF":
                return False  # "(SBU) Poloff delivered ...": the body starts
            if kind == "REF" and len(text) > 90 and not _REF_LABEL_RE.match(text):
                return False
            return not TRAILER_RE.match(text) and not caveat_name(text)
        if kind == "CLASSIFIED":
            joined = " ".join(part.stripped for part in self.header.fields["CLASSIFIED"])
            complete = _REASON_RE.search(joined) and joined.endswith((".", ")"))
            return not complete or bool(_REASON_TAIL_RE.match(text))
        if kind in ("TO", "INFO"):
            if text.startswith(("INFO ", "TO ", "FM ")) or routing.PRECEDENCE_DTG_RE.match(text):
                return False
            return routing.is_address(text) or (not re.search(r"[a-z]", text) and len(text) <= 80)
        return False

    def _routing(self, line: Line) -> bool:
        text = line.stripped
        header = self.header
        if PARTIAL_RE.match(text):
            header.partial = True
        elif TRAILER_RE.match(text):
            header.trailer.append(text)
        elif CORRECTED_RE.match(text):
            header.artifacts.append(Artifact(line.number, text, "notice"))
        elif routing.VZCZC_RE.match(text) or routing.ROUTING_RE.match(text):
            self._acp127(text)
        elif routing.PRECEDENCE_DTG_RE.match(text) or routing.BARE_DTG_RE.match(text):
            parsed = routing.parse_dtg(text)
            if parsed is None:
                header.defects.append(
                    Defect(line.number, line.column, f"date-time group not understood: {text!r}")
                )
                return True
            precedence = routing.PRECEDENCE_DTG_RE.match(text)
            if header.dtg is None or (precedence and header.precedence is None):
                header.dtg, header.dtg_date = parsed
                header.precedence = (
                    precedence.group("precedence") if precedence else header.precedence
                )
        elif routing.parse_dateline(text):
            header.dateline = header.dateline or routing.parse_dateline(text)
        elif text.startswith("FM") and (sender := routing.FM_RE.match(text)):
            header.sender = header.sender or sender.group("sender")
        elif text.startswith("TO ") or text.startswith("INFO "):
            target = header.to if text.startswith("TO ") else header.info
            target.append(routing.address(text.split(None, 1)[1]))
            self.open = "TO" if text.startswith("TO ") else "INFO"
            header.fields.setdefault(self.open, [])
        elif (line_of := parse_classification_line(text)) is not None and (
            line_of.post or header.classification is None
        ):
            if header.classification is None or (
                header.classification.post is None and line_of.post
            ):
                header.classification, header.classification_line = line_of, line
            _add_new(header.handling, line_of.qualifiers)
            self.seen_field = self.seen_field or bool(line_of.post)
        elif (caveats := _caveats(text)) is not None:
            _add_new(header.handling, caveats)
        elif match := MEMO_RE.match(text):
            if match.group("key") == "From":
                header.memo_from = match.group("value").strip()
        elif header.classification and "SUBJECT" not in header.fields and _PASS_RE.match(text):
            self._note(line)
        else:
            return False
        return True

    def _acp127(self, text: str) -> None:
        header = self.header
        if match := routing.DE_RE.match(text):
            header.de_number = match.group("number")
        if match := routing.ZNY_RE.match(text):
            header.zny = match.group("code")


def _caveats(text: str) -> list[str] | None:
    """A line made only of caveats (``NOFORN SIPDIS``), as canonical names; else None."""
    whole = caveat_name(text)
    if whole:
        return [whole]
    words = [word for word in re.split(r"[\s,;/]+", text) if word]
    names = [caveat_name(word) for word in words]
    if names and all(names):
        return [name for name in names if name]
    return None


def _is_underlined(lines: list[Line], index: int) -> bool:
    following = index + 1
    return following < len(lines) and bool(_UNDERLINE_RE.match(lines[following].text))


def read_header(lines: list[Line]) -> tuple[Header, list[Line]]:
    """Read the header from the top of *lines*; return it and the body's lines."""
    return _Scanner(lines).run()
