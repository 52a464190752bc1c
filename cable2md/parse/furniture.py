"""Lines -> lines without transmission furniture, which is kept aside as artifacts.

Telegram pages carry furniture that is not the author's text: page headers
(``PAGE 02 HARARE 06677 01 OF 03 291400Z``), page markings, distribution codes,
message-reference markers, and a full header repeated at each new section.
Removing it lets a paragraph or a subject that runs over a page break read as
one; every removed line is kept as an :class:`~cable2md.parse.model.Artifact`, so no
text is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from . import routing
from .classification import (
    LEVEL_START_RE,
    ClassificationLine,
    caveat_name,
    parse_classification_line,
)
from .errors import Defect
from .exports import drop_line_end_marks, split_at_tabs
from .lines import Line, texts
from .model import Artifact
from .paragraphs import is_paragraph_start

PAGE_HEADER_RE: Final = re.compile(
    r"^\s*PAGE\s+\d{1,3}\s+(?:[A-Z][A-Z. ]{0,30}?\s+)?\d{2,7}\s+(?:\d{1,2}\s+OF\s+\d{1,2}\s+)?\d{6}Z\b\s*"
)
PAGE_MARKING_RE: Final = re.compile(
    r"^\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)"
    r"(?:\s+PTQ\d+)?\s*$"
)
_TRAILING_MARKING_RE: Final = re.compile(r"\s+(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*$")
_DISTRIBUTION_RE: Final = re.compile(
    "|".join(
        (
            r"^\s*ACTION\s+[A-Z]{1,6}-\d\d\s*$",
            r"^\s*INFO\s+LOG-\d\d\b",
            r"^\s*(?:[A-Z]{1,6}-\d\d\s+){2,}(?:[A-Z]{1,6}-\d\d|/\d{3}\s?W)?\s*$",
            r"^\s*(?:[A-Z]{1,6}-\d\d\s+)*/\d{3}\s?W\s*(?:-+\s*[0-9A-F]{6}\s+\d{6}Z\s*/\d+)?\s*$",
            r"^\s*-{6,}\s*[0-9A-F]{6}\s+\d{6}Z\s*/\d+\s*$",
        )
    )
)
MRN_MARKER_RE: Final = re.compile(
    r"^\s*[A-Z][A-Z ]{1,30}\s+\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$"
)
_SENTENCE_END: Final = (".", "!", "?", ":", ";", '"', "'", ")", "”", "’", "]")
_DATABASE_ROW: Final = (
    r"\s*\d{3,7}\s+\d{4}-\d\d-\d\d(?:\s+\d\d:\d\d(?::\d\d)?)?\s+\d{2}[A-Z]{2,}\d+\s"
)
_DATABASE_ROW_RE: Final = re.compile("^" + _DATABASE_ROW)
# A look-ahead: the white space a pattern opens with may run on into the lines after it.
_MARKED_RE: Final = re.compile(rf"\n(?=(?i:{LEVEL_START_RE.pattern})|{_DATABASE_ROW})")
_PASS_RE: Final = re.compile(r"^[^a-z]*\b(?:FOR|PASS)\b[^a-z]*$")
_HEADER_FIELD_RE: Final = re.compile(
    r"^\s*(?:¶?\s*E\s*\.?\s*O\s*\.?\s*\d{5}|EO\s+\d{5}|TAGS\b|SUBJ(?:ECT)?\s*:)", re.I
)


@dataclass
class Cleaned:
    lines: list[Line]
    artifacts: list[Artifact] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)
    # Another cable's text after this one's (a second cable, or a database export's copy):
    # read as a cable of its own, never as part of this one.
    appended: list[Line] = field(default_factory=list)


def _strip_page_headers(lines: list[Line], out: Cleaned) -> list[Line]:
    kept: list[Line] = []
    for line in lines:
        match = PAGE_HEADER_RE.match(line.text)
        if match:
            out.artifacts.append(
                Artifact(line.number, line.text[: match.end()].strip(), "page-header")
            )
            rest = line.tail(match.end())
            if kept and not kept[-1].blank:
                trailing = _TRAILING_MARKING_RE.search(kept[-1].text)
                if trailing and trailing.start() > 0:
                    previous = kept.pop()
                    out.artifacts.append(
                        Artifact(
                            previous.number,
                            previous.text[trailing.start() :].strip(),
                            "page-marking",
                        )
                    )
                    kept.append(previous.head(trailing.start()))
            if rest.stripped.startswith("ACTION "):
                out.artifacts.append(Artifact(line.number, rest.stripped, "distribution"))
            elif not rest.blank:
                kept.append(rest)
            continue
        kept.append(line)
    return kept


# Lines of furniture are short or start with capitals, dashes or digits: a quick first test.
_MAYBE_FURNITURE_RE: Final = re.compile(r"\s*(?:[A-Z]{2}|[A-Z]+-\d|-{5}|/\d)")


def _drop_single_lines(lines: list[Line], out: Cleaned) -> list[Line]:
    kept: list[Line] = []
    for line in lines:
        text = line.text
        if not _MAYBE_FURNITURE_RE.match(text):
            kept.append(line)
        elif PAGE_MARKING_RE.match(text) and kept:
            out.artifacts.append(Artifact(line.number, line.stripped, "page-marking"))
        elif _DISTRIBUTION_RE.match(text):
            out.artifacts.append(Artifact(line.number, line.stripped, "distribution"))
        elif MRN_MARKER_RE.match(text):
            out.artifacts.append(Artifact(line.number, line.stripped, "page-header"))
        else:
            kept.append(line)
    return kept


def is_routing(text: str) -> bool:
    stripped = text.strip()
    return bool(
        routing.PRECEDENCE_DTG_RE.match(stripped)
        or (routing.FM_RE.match(stripped) and stripped.startswith("FM "))
        or stripped.startswith(("TO ", "INFO "))
        or routing.ROUTING_RE.match(stripped)
        or routing.VZCZC_RE.match(stripped)
    )


def is_address_like(text: str) -> bool:
    """A short line in capitals that may be an address of a routing block; not one that
    closes a sentence or a parenthesis (``SUITABLE VENUE. END COMMENT.)``)."""
    stripped = text.strip()
    return (
        bool(stripped)
        and len(stripped) <= 60
        and not re.search(r"[a-z.,;:!?\")]$|[a-z]|[A-Z]{3}[.!?]\s", stripped)
    )


# A repeated field's next line: short, in capitals, no sentence ending inside it (a line of
# the body in capitals after a repeated header is not part of it).
_HEADER_REACH: Final = 60
_FIELD_GOES_ON_RE: Final = re.compile(r"^(?!.*[.!?]\s+\S)[^a-z]{1,80}$")


_WORD_RE: Final = re.compile(r"[^\W_]+")


def _header_words(lines: list[Line], start: int) -> frozenset[str]:
    """The words of the first section's header: from its classification line at *start* to
    its first paragraph (or a page's worth of lines)."""
    found: set[str] = set()
    for line in lines[start : start + _HEADER_REACH]:
        if is_paragraph_start(line.text):
            break
        found.update(_WORD_RE.findall(line.text.upper()))
    return frozenset(found)


def _section_repeat_end(lines: list[Line], start: int, header: frozenset[str]) -> int:
    """Index after the header block repeated below a ``SECTION n OF m`` line at *start*; a
    field's next lines belong to it only when the first header holds their words (*header*):
    the repeat says again what the first header said."""
    index = start + 1
    in_field = False
    while index < len(lines):
        line = lines[index]
        text = line.stripped
        if not text:
            in_field = False
        elif caveat_name(text) or (_PASS_RE.match(text) and not in_field and len(text) < 120):
            pass
        elif _HEADER_FIELD_RE.match(text):
            in_field = True
        elif not (
            in_field
            and _FIELD_GOES_ON_RE.match(text)
            and header.issuperset(_WORD_RE.findall(text.upper()))
        ):
            break
        index += 1
    return index


def _section_repeat_start(lines: list[Line], start: int) -> int:
    index = start
    found_routing = False
    while index > 0:
        text = lines[index - 1].text
        if not text.strip() or is_address_like(text) or is_routing(text):
            found_routing = found_routing or is_routing(text)
            index -= 1
            continue
        break
    if not found_routing:
        return start
    while index < start and not is_routing(lines[index].text) and lines[index].blank:
        index += 1
    return index


def _joined(lines: list[Line]) -> str:
    """The text of *lines*, each after a newline (a source line holds none)."""
    return "\n" + "\n".join(texts(lines))


def _strip_repeated_sections(lines: list[Line], joined: str, out: Cleaned) -> list[Line]:
    """*joined* is ``_joined(lines)``."""
    first: tuple[str, int] | None = None
    header: frozenset[str] = frozenset()  # the words of the first section's header
    index = marked = position = 0  # the lines before index are kept or removed
    kept: list[Line] = []
    # Only the lines that may be a classification line or a database row are read.
    for match in _MARKED_RE.finditer(joined):
        marked += joined.count("\n", position, match.start())
        position = match.start()
        if marked < index:
            continue
        kept += lines[index:marked]
        index = marked
        line = lines[index]
        parsed = parse_classification_line(line.text) if len(line.text) < 120 else None
        if parsed and parsed.post:
            key = (parsed.post.replace(" ", ""), int(parsed.number or 0))
            if first is None:
                first = key
                header = _header_words(lines, index)
            elif key == first and parsed.section and parsed.section[0] > 1:
                begin = _section_repeat_start(lines, index)
                end = _section_repeat_end(lines, index, header)
                dropped = len(kept) - (index - begin)
                last = next((line for line in reversed(kept[:dropped]) if not line.blank), None)
                if last is not None and last.stripped.endswith(_SENTENCE_END):
                    # The text before the break ends a sentence: the blank lines after the
                    # header stay, so what follows does not run on into it.
                    while end > index + 1 and lines[end - 1].blank:
                        end -= 1
                for removed in kept[dropped:] + lines[index:end]:
                    if not removed.blank:
                        out.artifacts.append(
                            Artifact(removed.number, removed.stripped, "section-header")
                        )
                kept = kept[:dropped]
                index = end
                continue
            elif key != first and first is not None:
                return kept + _appended(lines[index:], out, line, parsed.post)
        elif _DATABASE_ROW_RE.match(line.text) and first is not None:
            return kept + _appended(lines[index:], out, line, "a database export")
        kept.append(line)
        index += 1
    return kept + lines[index:]


def _appended(rest: list[Line], out: Cleaned, start: Line, what: str) -> list[Line]:
    out.defects.append(
        Defect(
            start.number,
            start.column,
            f"a second cable ({what}) starts here; it is read as a cable of its own and shown"
            " after this one, not as part of it",
        )
    )
    out.appended = rest
    return []


def _close_page_gaps(lines: list[Line], removed: set[int]) -> list[Line]:
    """Drop the blank lines around removed furniture when a sentence runs on across it."""
    kept: list[Line] = []
    last: Line | None = None  # the last line of text kept
    for line in lines:
        if not line.blank:
            if (
                last is not None
                and not last.stripped.endswith(_SENTENCE_END)
                and not removed.isdisjoint(range(last.number + 1, line.number))
            ):
                while kept[-1].blank:
                    kept.pop()
            last = line
        kept.append(line)
    return kept


def remove_furniture(lines: list[Line]) -> Cleaned:
    """Remove page headers, page markings, distribution lists and repeated section headers."""
    out = Cleaned([])
    if "\\" in lines[-1].text or any(line.text.endswith("\\") for line in lines[:20]):
        lines = drop_line_end_marks(lines, out.defects)
    if any("\t" in line.text for line in lines):
        lines = split_at_tabs(lines)
    joined = _joined(lines)
    # These loops run only where there is something for them: most cables have no page header.
    kept = _strip_page_headers(lines, out) if "PAGE" in joined else lines
    kept = _drop_single_lines(kept, out)
    if out.artifacts:  # lines were removed or cut: the text is joined anew
        kept = _close_page_gaps(kept, {artifact.line for artifact in out.artifacts})
        joined = _joined(kept)
    out.lines = _strip_repeated_sections(kept, joined, out)
    out.artifacts.sort(key=lambda artifact: artifact.line)
    return out


# The receiving database's distribution lines before the telegram it copies: the channel
# (``CXABU:``), the action and info offices, and the drafting and clearing officers.
_DISTRIBUTION_LABEL_RE: Final = re.compile(
    r"^(?:CX[A-Z]{2,}|ACTION|INFO|DISSEMINATION|CHARGE|APPROVED|DRAFTED|CLEARED):(?:\s|$)"
)


def strip_body_routing(
    lines: list[Line], stated: ClassificationLine | None = None
) -> tuple[list[Line], list[Artifact]]:
    """A routing block inside the body (a database's copy of the header, then the telegram as
    sent: ``VZCZC...``, ``OO RUEHC ...``, ``DE ...``, ``FM ...``, ``TO ...``, addresses):
    transmission furniture, set aside up to the classification line that follows it. The
    database's distribution lines before it are set aside with it when nothing else comes
    before them, and the classification line after it when it repeats the *stated* one."""
    kept: list[Line] = []
    removed: list[Artifact] = []
    index = 0
    while index < len(lines):
        if not routing.VZCZC_RE.match(lines[index].text):
            kept.append(lines[index])
            index += 1
            continue
        start = len(kept)
        while start and (
            kept[start - 1].blank or _DISTRIBUTION_LABEL_RE.match(kept[start - 1].stripped)
        ):
            start -= 1
        if start == 0:
            removed += [Artifact(line.number, line.stripped, "distribution") for line in kept if not line.blank]  # fmt: skip
            kept = []
        end = index + 1
        while (
            end < len(lines)
            and (
                lines[end].blank or is_routing(lines[end].text) or is_address_like(lines[end].text)
            )
            and parse_classification_line(lines[end].text) is None
        ):
            end += 1
        removed += [Artifact(line.number, line.stripped, "routing") for line in lines[index:end] if not line.blank]  # fmt: skip
        if end < len(lines) and _repeats(parse_classification_line(lines[end].text), stated):
            removed.append(Artifact(lines[end].number, lines[end].stripped, "section-header"))
            end += 1
        index = end
    return kept, removed


def _repeats(line: ClassificationLine | None, stated: ClassificationLine | None) -> bool:
    """Whether *line* names the same level, post and serial as *stated* (``02641`` and
    ``002641`` are one serial)."""
    return bool(
        line
        and stated
        and line.level == stated.level
        and line.post
        and line.post == stated.post
        and (line.number or "").lstrip("0") == (stated.number or "").lstrip("0")
    )
