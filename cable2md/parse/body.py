"""Body lines -> paragraphs with numbers, markings and headings, the summary, the signer.

Steps, in order:

1. the end of the text: the publisher's trailer lines and the signer's name;
2. blocks: a numbered paragraph runs from its start line to the next one; text
   outside numbered paragraphs forms unnumbered blocks, split at blank lines;
3. headings: a short line standing alone before a block (or underlined) heads it;
4. each block's text, de-noised; inside a clean cable's paragraph, blank lines and
   list items keep their line breaks, while in an OCR'd extract a blank line is a
   page break and is joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from .classification import caveat_name
from .errors import Defect
from .fields import split_marking
from .lines import Line
from .names import vocabulary
from .normalize import join_lines
from .paragraphs import is_paragraph_start, read_start

TRAILER_RE: Final = re.compile(
    r"^\s*(?:Declassified/Released\b.*|Systematic Review\b.*|NNNN?|BT|#\d+)\s*$", re.I
)
_SIGNER_WORD_RE: Final = re.compile(r"[A-Z][A-Za-z'’-]*|[JjSs]r\.?|[A-Z]\.")
_REDACTED_RE: Final = re.compile(r"[xX]{4,}")
_PUNCTUATION_LINE_RE: Final = re.compile(r"^\s*[^\w\s]+\s*$")
_SIGNER_JUNK_RE: Final = re.compile(r"[\\>*.]+\s*$|^\s*[.>]+")
# A signer typed at the end of the last sentence: "... End Comment. YAMAMOTO", "... Europe. Edelman"
_GLUED_SIGNER_RE: Final = re.compile(
    r"(?:[.!?”\"')]|END COMMENT|End Comment)\s+\.?(?P<name>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?|[A-Z][a-z'’-]+(?:[A-Z][a-z]+)?)\s*$"
)
_UNDERLINE_RE: Final = re.compile(r"^\s*[-=_]{3,}\s*$|^\s*-\s*$")
_SIGNER_NOT: Final = {
    "END",
    "SUMMARY",
    "COMMENT",
    "NOTE",
    "BT",
    "NNNN",
    "UNQUOTE",
    "QUOTE",
    "TEXT",
    "MESSAGE",
}
# A list item's mark: "-- ", "* ", "A. ", "(a) ", "(iv) ", "(2) ", "3) "; not "(AU) Mission", an
# abbreviation in parentheses that a wrapped line opens with.
_ITEM_RE: Final = re.compile(
    r"^\s*(?:-{1,2}\s?|\*\s|o\s|[A-Z]\.\s|\((?:[A-Za-z]|[ivx]{1,4}|\d{1,2})\)\s|\d{1,2}\)\s)"
)
# A line of a list of labelled values: "Terrorist Groups: Taliban" (Title Case words).
_LABEL_LINE_RE: Final = re.compile(r"^\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}:\s+\S")
_SHORT_LINE: Final = 0.8  # of the block's longest line: a list's line ends short of the wrap
_SENTENCE_END: Final = (".", "?", "!", ":", ";", ",", ")", '"', "'", "-")
_HEADING_MAX_WORDS: Final = 10
_OCR_SPACING_RE: Final = re.compile(r"[a-z,]  [a-zA-Z]")


@dataclass
class Block:
    number: int | None
    marking: str | None
    lines: list[Line] = field(default_factory=list)
    heading: str | None = None
    pilcrow: bool = False

    @property
    def line(self) -> int:
        return self.lines[0].number if self.lines else 0


@dataclass
class BodyParts:
    blocks: list[Block]
    signer: str | None
    trailer: list[str]
    caveat_lines: list[Line]
    ocr: bool


def looks_ocr(lines: list[Line]) -> bool:
    """True for text with the doubled spaces a scanner leaves between words."""
    text_lines = [line.text for line in lines if len(line.stripped) > 20]
    if not text_lines:
        return False
    spaced = sum(1 for text in text_lines if "  " in text and _OCR_SPACING_RE.search(text))
    return spaced / len(text_lines) > 0.3


def _signer_line(text: str) -> str | None:
    """A last line that is only a name: ``MICHALAK``, ``Wolff``, ``VAN VOORST``, ``TEFFT \\``."""
    stripped = text.strip()
    if stripped.endswith(("...", "…")) or re.search(r"[a-z]{2}\.$", stripped):
        return None  # the publisher's mark of a cut-off text, or the end of a sentence
    name = _SIGNER_JUNK_RE.sub("", stripped).strip()
    words = name.split()
    if not 0 < len(words) <= 3 or not all(_SIGNER_WORD_RE.fullmatch(word) for word in words):
        return None
    if (
        set(re.findall(r"[A-Z]+", name.upper())) & _SIGNER_NOT
        or caveat_name(name)
        or _REDACTED_RE.search(name)
    ):
        return None
    vocab = vocabulary()
    if any(
        word.casefold().strip(".") in vocab.common or word.casefold() in vocab.places
        for word in words
    ):
        return None
    if read_start(name, None, pilcrow_mode=False, after_blank=True) is not None:
        return None
    if len(words) == 2 and words[0] == words[1]:  # "PARDEW PARDEW": typed twice
        return words[0]
    return name


def _split_end(lines: list[Line]) -> tuple[list[Line], str | None, list[str]]:
    """Take the publisher's trailer lines and the signer off the end of the body."""
    end = len(lines)
    trailer: list[str] = []
    while end and (
        lines[end - 1].blank
        or TRAILER_RE.match(lines[end - 1].text)
        or _PUNCTUATION_LINE_RE.match(lines[end - 1].text)
    ):
        if not lines[end - 1].blank:
            trailer.insert(0, lines[end - 1].stripped)
        end -= 1
    kept = lines[:end]
    if not kept:
        return kept, None, trailer
    last = kept[-1]
    before = kept[-2] if len(kept) > 1 else None
    signer = _signer_line(last.text) if before is not None else None
    if (
        signer
        and before is not None
        and (signer.isupper() or before.blank or not before.stripped[-1:].isalnum())
    ):
        return kept[:-1], signer, trailer
    match = _GLUED_SIGNER_RE.search(last.text)
    if (
        match
        and not caveat_name(match.group("name"))
        and not set(match.group("name").split()) & _SIGNER_NOT
    ):
        name = match.group("name")
        words = list(dict.fromkeys(name.split()))
        vocab = vocabulary()
        if not _REDACTED_RE.search(name) and not any(
            w.casefold() in vocab.common or w.casefold() in vocab.places for w in words
        ):
            return [*kept[:-1], last.head(match.start("name"))], " ".join(words), trailer
    return kept, None, trailer


def _is_heading(text: str) -> bool:
    stripped = text.strip()
    words = stripped.split()
    return (
        0 < len(words) <= _HEADING_MAX_WORDS
        and len(stripped) <= 80
        and (stripped[0].isupper() or stripped[0] == "(" or stripped[0].isdigit())
        and not stripped.endswith((".", ",", ";", ")", '"', "'"))
        and bool(re.search(r"[A-Za-z]{2}", stripped))
        and not caveat_name(stripped)
    )


def _underlined(lines: list[Line], rules: set[int], underlines: set[int]) -> set[int]:
    """Indexes of heading lines marked by a rule of dashes below them (*underlines*: the
    rules that can mark one)."""
    found = set()
    for index in range(len(lines) - 1):
        line = lines[index]
        if (
            not line.blank
            and index + 1 in underlines
            and index not in rules
            and _underlined_heading(line.stripped)
            and not is_paragraph_start(line.text)  # its rest is the heading: see split_blocks
        ):
            found.add(index)
    return found


def _underlined_heading(text: str) -> bool:
    """Whether *text*, with a rule below it, is short enough and unfinished enough to be a
    heading."""
    return len(text.split()) <= 2 * _HEADING_MAX_WORDS and not text.endswith((".", ",", ";"))


def _open_paren(block: Block) -> bool:
    """Whether *block*'s text so far leaves a parenthesis open."""
    opened = closed = 0
    for line in block.lines:
        opened += line.text.count("(")
        closed += line.text.count(")")
    return opened > closed


def split_blocks(lines: list[Line], ocr: bool) -> list[Block]:
    pilcrow_mode = sum(1 for line in lines if line.stripped.startswith("¶")) >= 2
    rules = {  # the lines that are a rule of dashes, found once (the quick test first)
        index
        for index, line in enumerate(lines)
        if line.stripped.startswith(("-", "=", "_")) and _UNDERLINE_RE.match(line.text)
    }
    # A lone dash parts paragraphs (old telegrams) and underlines nothing.
    underlines = {index for index in rules if lines[index].stripped != "-"}
    headings = _underlined(lines, rules, underlines)
    blocks: list[Block] = []
    current: Block | None = None
    pending: str | None = None  # an underlined heading waiting for its block
    expected: int | None = None
    after_blank = True
    for index, line in enumerate(lines):
        if line.blank or index in rules:
            if current is not None:
                # Kept as a blank line: a blank line is one already, an underline becomes one.
                current.lines.append(line if line.blank else Line(line.number, line.column, ""))
            after_blank = True
            continue
        if index in headings:
            pending = (
                join_lines([line.text])
                if pending is None
                else f"{pending} {join_lines([line.text])}"
            )
            current = None
            after_blank = True
            continue
        start = read_start(line.text, expected, pilcrow_mode=pilcrow_mode, after_blank=after_blank)
        if start is not None and not start.marking and current is not None and _open_paren(current):
            start = None  # "(COMMENT: ..." broken by a page break before "5. END COMMENT.)"
        marking, rest = None, ""
        if start is None and (current is None or after_blank):
            marking, rest = split_marking(line.text.lstrip())
        if start is not None:
            first = line.tail(start.rest_offset)
            current = Block(start.number, start.marking, [first], pilcrow=start.pilcrow)
            expected = start.number + 1
            if index + 1 in underlines and _underlined_heading(first.stripped):
                # "¶5. WMD Proliferation Financing Issues" over a rule: numbered, with a heading
                own = join_lines([first.text])
                pending = own if pending is None else f"{pending} {own}"
                current.lines = []
        elif marking and len(rest) > 30 and (current is None or after_blank):
            # "(SBU) Poloff delivered ...": an unnumbered paragraph with its marking
            current = Block(None, marking, [line.tail(len(line.text) - len(rest))])
        elif current is None or (current.number is None and after_blank):
            current = Block(None, None, [line])
        else:
            current.lines.append(line)
            after_blank = False
            continue
        current.heading, pending = pending, None
        blocks.append(current)
        after_blank = False
    if pending is not None:
        blocks.append(Block(None, None, [], heading=pending))
    return _attach_headings(blocks, ocr)


def _attach_headings(blocks: list[Block], ocr: bool) -> list[Block]:
    """Turn a lone short line standing before a block into that block's heading."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        content = [line for line in block.lines if not line.blank]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            following is not None
            and block.number is None
            and len(content) == 1
            and _is_heading(content[0].text)
            and block.heading is None
            and following.heading is None
            and (following.number is not None or not ocr)
        ):
            following.heading = join_lines([content[0].text])
            continue
        if (
            block.number is not None
            and content
            and following is not None
            and following.heading is None
        ):
            # A heading typed at the end of the previous paragraph, after a blank line.
            last = content[-1]
            lines = block.lines
            position = max(i for i, line in enumerate(lines) if line is last)
            if (
                len(content) > 1
                and position > 0
                and lines[position - 1].blank
                and _is_heading(last.text)
                and following.number is not None
            ):
                following.heading = join_lines([last.text])
                block.lines = lines[:position]
        out.append(block)
    return out


def _next_label(piece: list[str], text: str, wrap: int) -> bool:
    """Whether *text* is the next line of a list of labelled values ("Countries: ...", then
    "Terrorist Groups: Taliban"): the piece began with a label and its last line ended short."""
    return bool(
        _LABEL_LINE_RE.match(text)
        and _LABEL_LINE_RE.match(piece[0])
        and len(piece[-1].strip()) < _SHORT_LINE * wrap
    )


def block_text(block: Block, ocr: bool) -> str:
    """The de-noised text of *block*; clean cables keep their inner line breaks."""
    if ocr:
        return join_lines(line.text for line in block.lines)
    pieces: list[list[str]] = [[]]
    wrap = max((len(line.stripped) for line in block.lines), default=0)
    for line in block.lines:
        if line.blank:
            if pieces[-1]:
                pieces.append([])
            continue
        if pieces[-1] and (_ITEM_RE.match(line.text) or _next_label(pieces[-1], line.text, wrap)):
            pieces.append([])
        pieces[-1].append(line.text)
    return "\n".join(text for text in (join_lines(piece) for piece in pieces) if text)


def truncation(parts: BodyParts) -> Defect | None:
    """A defect when the text stops mid-sentence with no signer: the cable may be cut short."""
    if parts.signer or not parts.blocks:
        return None
    lines = [line for line in parts.blocks[-1].lines if not line.blank]
    if not lines:
        return None
    last = lines[-1]
    cut_off = last.stripped.endswith(("...", "…"))
    if not cut_off and (
        last.stripped.endswith((".", "?", "!", ")", '"', "'", "”", "’", ":", "-"))
        or len(last.stripped) < 40
    ):
        return None
    return Defect(
        last.number,
        last.column + len(last.text.rstrip()),
        "the text stops mid-sentence: the cable may be truncated",
    )


def read_body(lines: list[Line]) -> BodyParts:
    ocr = looks_ocr(lines)
    caveat_lines: list[Line] = []
    kept: list[Line] = []
    for line in lines:
        (caveat_lines if not line.blank and caveat_name(line.stripped) else kept).append(line)
    kept, signer, trailer = _split_end(kept)
    return BodyParts(split_blocks(kept, ocr), signer, trailer, caveat_lines, ocr)
