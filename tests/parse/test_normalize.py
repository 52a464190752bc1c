"""Each OCR repair rule on its own, with the text it must leave alone."""

from __future__ import annotations

import pytest

from cable2md.parse.normalize import RULES, denoise, join_lines


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_repairs_its_example(rule):
    noisy, clean = rule.example
    assert rule.apply(noisy) == clean


def _spacings(example: str) -> list[str]:
    """The example (12 characters of it, from just before its first mark) with a space, or
    none, in every gap between two characters: up to 2,048 texts."""
    compact = example.replace(" ", "")
    first = next((i for i, char in enumerate(compact) if not char.isalnum()), 0)
    chars = compact[max(0, first - 4) :][:12]
    texts = []
    for spaces in range(2 ** (len(chars) - 1)):
        texts.append(
            chars[0]
            + "".join(
                (" " if spaces >> gap & 1 else "") + char for gap, char in enumerate(chars[1:])
            )
        )
    return texts


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.needs], ids=lambda rule: rule.name)
def test_a_rule_changes_only_text_that_holds_what_it_needs(rule):
    changed = [text for text in _spacings(rule.example[0]) if rule.apply(text) != text]
    assert changed  # the spacings reach the rule
    assert all(any(needed in text for needed in rule.needs) for text in changed)


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        (
            "Nishida  suggested  that  Secretary  Rice ' s upcoming",
            "Nishida suggested that Secretary Rice's upcoming",
        ),
        (
            "E.O.  12958:  DECL : END  OF  U.S. -JAPAN  ALLIANCE",
            "E.O. 12958: DECL: END OF U.S.-JAPAN ALLIANCE",
        ),
        ("Reasons : 1 . 4 ( b / d).", "Reasons: 1.4 (b/d)."),
        ("reasons 1 .4(b) and (d)", "reasons 1.4(b) and (d)"),
        ("proposed some form of U.S.- Japan dialogue", "proposed some form of U.S.-Japan dialogue"),
        ("END  COMMENT . )", "END COMMENT.)"),
        ("for both our interests .", "for both our interests."),
        ("THE MDC'S NATIONAL COUNCIL , AT LEAST", "THE MDC'S NATIONAL COUNCIL, AT LEAST"),
        ("the four Ministers ' recent meeting", "the four Ministers' recent meeting"),
    ],
)
def test_denoise(noisy, clean):
    assert denoise(noisy) == clean


@pytest.mark.parametrize(
    "text",
    [
        "In the medium- to long-term, the future",  # a suspended hyphen keeps its space
        "1. 4 people were hurt",  # a list number is not a reason code
        "Ukraine -- and NATO",  # a dash between words
        'He said "yes" and left.',
        "the 1955 Bandung conference",
        "US-Japan ties",
    ],
)
def test_denoise_leaves_clean_text_alone(text):
    assert denoise(text) == text


def test_join_lines_keeps_hyphenated_compounds_and_joins_page_breaks():
    assert join_lines(["an  MFA-", "commissioned report", "", "Stephen  D.", "", "Krasner"]) == (
        "an MFA-commissioned report Stephen D. Krasner"
    )


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Afghanistan and Lebanon --", "have been cited"], "Afghanistan and Lebanon -- have been cited"),
        (["a rule", "---------------", "Essential to Use"], "a rule --------------- Essential to Use"),
        (["the pro-", "Western camp"], "the pro-Western camp"),
    ],
)  # fmt: skip
def test_join_lines_joins_only_a_hyphen_that_ends_a_word(lines, joined):
    assert join_lines(lines) == joined
