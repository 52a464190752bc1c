"""Text -> de-noised text: the OCR and typing repairs, as a table of small named rules.

Each rule repairs one kind of noise left by scanners and transcribers (doubled
spaces, punctuation split from its word, ``1 . 4 ( b / d)``) and is tested on its
own. :func:`join_lines` turns the lines of one field or paragraph into a single
de-noised string; the lines themselves are never changed, so the original text
stays available.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Rule:
    """A repair; ``needs`` are the strings of which text must hold one for the rule to
    change it (a cheap test that spares most paragraphs the regular expression)."""

    name: str
    apply: Callable[[str], str]
    example: tuple[str, str]
    needs: tuple[str, ...] = ()


def _sub(pattern: str, replacement: str, flags: int = 0) -> Callable[[str], str]:
    compiled = re.compile(pattern, flags)
    return lambda text: compiled.sub(replacement, text)


# "1 . 4 ( b / d)": a classification reason typed or scanned with a space around each mark.
# The pattern opens with the digit, its word boundary checked behind it: a pattern that opens
# with a character class is searched for quickly.
_REASON_CODE_RE: Final = re.compile(r"(\d)(?<!\w\d)(?: ?\. ?(\d)\b(?= ?\()| \. ?(\d)\b)")
_POINT_SPACE_DIGIT_RE: Final = re.compile(r"\. \d")


def _reason_code(text: str) -> str:
    # Only a code with a space by its point is changed: most text, holding none, is spared the
    # pattern (which looks at every digit).
    if " ." not in text and not _POINT_SPACE_DIGIT_RE.search(text):
        return text
    return _REASON_CODE_RE.sub(r"\1.\2\3", text)


RULES: tuple[Rule, ...] = (
    # A lone space is not matched: replacing each with itself is what took the time.
    Rule(
        "single_spaces",
        _sub(r"[ \t\u00a0](?:[ \t\u00a0]+|(?<=[\t\u00a0]))", " "),
        ("Tsuneo  Nishida", "Tsuneo Nishida"),
    ),
    Rule("reason_code", _reason_code, ("Reasons : 1 . 4 ( b / d).", "Reasons : 1.4 ( b / d).")),
    Rule("open_paren", _sub(r"\( +", "("), ("( b / d)", "(b / d)"), ("( ",)),
    Rule("close_paren", _sub(r"(?<=\S) +\)", ")"), ("(b / d )", "(b / d)"), (" )",)),
    Rule(
        "letter_slash_letter",
        _sub(r"(?<=\()([a-hA-H]) ?/ ?([a-hA-H])(?=\))", r"\1/\2"),
        ("(b / d)", "(b/d)"),
        (" /", "/ "),
    ),
    Rule(
        "apostrophe_s",
        _sub(r"(?<=\w) ?' ?(?=(?:s|t|d|ll|re|ve|m)\b)", "'"),
        ("Rice ' s trip", "Rice's trip"),
        (" '", "' "),
    ),
    Rule(
        "plural_possessive",
        _sub(r"(?<=\ws) ' (?=\w)", "' "),
        ("the four Ministers ' recent", "the four Ministers' recent"),
        (" ' ",),
    ),
    Rule(
        "punctuation_to_word",
        _sub(r"(?<=[\w\")\]]) (?=[.,;:!?](?:\s|$|\)))", ""),
        ("our interests .", "our interests."),
        (" .", " ,", " ;", " :", " !", " ?"),
    ),
    Rule(
        "period_paren", _sub(r"(?<=[.!?]) (?=\))", ""), ("END COMMENT. )", "END COMMENT.)"), (" )",)
    ),
    # The pattern opens with the abbreviation's point, its first letter checked behind it: a
    # pattern that opens with a character is searched for quickly (points are fewer than capitals).
    Rule(
        "abbreviation_hyphen",
        _sub(r"\.(?<=\b[A-Z]\.)([A-Z]) ?(\.?) ?- ?(?=[A-Z])", r".\1\2-"),
        ("U.S. -Japan", "U.S.-Japan"),
        (" -", "- ", " ."),  # "U.S .-Japan" too
    ),
)


# Every rule after the first repairs a space beside a mark: text without one needs no repair.
# Two patterns, not one alternation: a pattern that opens with a character is searched for quickly.
_SPACE_MARK_RE: Final = re.compile(r" [.,;:!?')/\-]")
_MARK_SPACE_RE: Final = re.compile(r"[(/'\-] ")


def _space_marks(text: str) -> set[str]:
    """The pairs of a space and a mark in *text*: each rule's needs open with one."""
    return {*_SPACE_MARK_RE.findall(text), *_MARK_SPACE_RE.findall(text)}


# Each rule after the first, with the pairs its needs open with (none: the rule always runs).
_RULE_PAIRS: Final = tuple((rule, frozenset(need[:2] for need in rule.needs)) for rule in RULES[1:])


def denoise(text: str) -> str:
    """Apply every rule of :data:`RULES` in order."""
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = RULES[0].apply(text)
    # Found once (and again after a repair), the pairs spare a search of the text for each need.
    marks = _space_marks(text)
    for rule, pairs in _RULE_PAIRS if marks else ():
        # The set test (C speed) spares most rules the test of each need.
        if not pairs or (
            not marks.isdisjoint(pairs)
            and any(need[:2] in marks and need in text for need in rule.needs)
        ):
            repaired = rule.apply(text)
            if repaired != text:
                text, marks = repaired, _space_marks(repaired)
    return text.strip()


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one field or paragraph into one de-noised string.

    Lines are joined with a space, except after a line that ends in a hyphen
    joined to a word (``MFA-`` + ``commissioned``), which is kept whole.
    """
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts and parts[-1].endswith("-") and parts[-1][-2:-1].isalnum() and line[0].isalnum():
            parts[-1] += line
        else:
            parts.append(line)
    return denoise(" ".join(parts))
