"""Paragraphs -> the SUMMARY text and the COMMENT spans inside paragraph texts.

A summary starts at ``Summary:`` (or ``BEGIN SUMMARY``, or under a heading
``Summary``) and runs to ``End Summary``, possibly over several paragraphs. A
comment is ``(COMMENT: ... END COMMENT.)`` inside a paragraph, or a paragraph
that opens with ``COMMENT:`` (or stands under a heading ``Comment``) and runs to
``END COMMENT`` or, failing that, to the next heading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from .model import Paragraph, Span

SUMMARY_START_RE: Final = re.compile(
    r"^\W{0,3}(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST(?:ED)?|INTRODUCTION))?"
    r"(?:,?\s*CONT(?:INUED|'D|\.)?)?\s*(?:[:.\-]+|$)\s*",
    re.I,
)
SUMMARY_END_RE: Final = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\b\W*", re.I)
COMMENT_INLINE_RE: Final = re.compile(r"\(\s*COMMENT\s*[:.;-]", re.I)
COMMENT_OPEN_RE: Final = re.compile(
    r"^\W{0,3}(?:BEGIN\s+)?COMMENT(?:\s+AND\s+ACTION\s+REQUEST)?\s*[:.;-]", re.I
)
COMMENT_END_RE: Final = re.compile(r"\bEND\s+(?:OF\s+)?COMMENT\b\s*[.:]?\s*\)?", re.I)
_HEADING_RE: Final = re.compile(r"^\W*(?:BEGIN\s+)?(?P<word>summary|comment)\b", re.I)
_SUMMARY_REACH: Final = 6  # paragraphs a summary may span before its END SUMMARY


def _heading_word(paragraph: Paragraph) -> str | None:
    heading = paragraph.heading
    match = _HEADING_RE.match(heading) if heading and len(heading.split()) <= 3 else None
    return match.group("word").lower() if match else None


def find_summary(paragraphs: list[Paragraph]) -> tuple[str | None, list[int]]:
    """The summary's text (labels and end marker removed, paragraphs joined by blank lines)
    and the indexes of the paragraphs it spans."""
    for index, paragraph in enumerate(paragraphs):
        start = SUMMARY_START_RE.match(paragraph.text)
        under_heading = _heading_word(paragraph) == "summary"
        bare_label = (
            paragraph.number is None and start and not paragraph.text[start.end() :].strip()
        )
        if not (start or under_heading):
            continue
        first = index + 1 if bare_label else index
        window = paragraphs[first : first + _SUMMARY_REACH]
        has_end = any(SUMMARY_END_RE.search(p.text) for p in window)
        parts: list[str] = []
        used: list[int] = []
        for offset, follow in enumerate(window):
            text = follow.text
            label = SUMMARY_START_RE.match(text)
            if label:
                text = text[label.end() :]
            end = SUMMARY_END_RE.search(text)
            parts.append(text[: end.start()] if end else text)
            used.append(first + offset)
            if end or not has_end:
                break
        summary = "\n\n".join(part.strip() for part in parts if part.strip()) or None
        return summary, (used if summary else [])
    return None, []


def mark_comments(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Return the paragraphs with their COMMENT spans set."""
    out: list[Paragraph] = []
    running: str | None = None  # "heading": to the next heading; "marker": to END COMMENT
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if _heading_word(paragraph) == "comment":
            running = "heading"
        elif paragraph.heading:
            running = None
        if running is None and COMMENT_OPEN_RE.match(text):
            running = "marker" if _end_follows(paragraphs, index) else "paragraph"
        spans: list[Span] = []
        position = 0
        if running:
            end = COMMENT_END_RE.search(text)
            position = end.end() if end else len(text)
            spans.append(Span(0, position))
            if end or running == "paragraph":
                running = None
        while (start := COMMENT_INLINE_RE.search(text, position)) is not None:
            end = COMMENT_END_RE.search(text, start.end())
            position = end.end() if end else len(text)
            spans.append(Span(start.start(), position))
            if end is None and _end_follows(paragraphs, index + 1):
                running = "marker"
        out.append(replace(paragraph, comments=tuple(spans)) if spans else paragraph)
    return out


def _end_follows(paragraphs: list[Paragraph], index: int) -> bool:
    """Whether an END COMMENT comes at or after paragraph *index*, before another comment opens."""
    for later in paragraphs[index:]:
        end = COMMENT_END_RE.search(later.text)
        opener = COMMENT_INLINE_RE.search(later.text)
        if end and (opener is None or opener.start() > end.start()):
            return True
        if opener or later.heading:
            return False
    return False
