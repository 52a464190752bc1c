"""Paragraph numbers read through the scanner's garbling, resolved by the sequence."""

from __future__ import annotations

import pytest

from cable2md.parse.paragraphs import paragraph_number, read_start, readings


@pytest.mark.parametrize(
    ("token", "expected", "number"),
    [
        ("12", 2, 2),  # the pilcrow of ¶2. read as 1
        ("19", 9, 9),
        ("19", 19, 19),
        ("!!_19", 19, 19),
        ("1.1", 1, 1),
        ("1.10", 10, 10),
        ("111", 11, 11),
        ("11.18", 18, 18),
        ("1124", 24, 24),
        ("1[2  8", 28, 28),
        ("T29", 29, 29),
        ("1_23", 23, 23),
        ("13", 2, 3),  # an extract may skip a paragraph
        ("2005", 5, None),  # a year is no paragraph number
        ("47", 3, None),
    ],
)
def test_paragraph_number(token, expected, number):
    assert paragraph_number(token, expected) == number


def test_readings_drop_only_garble_characters():
    assert readings("112") == [112, 12, 2]
    assert readings("205") == [205]  # "2" and "0" are no garbled pilcrow
    assert 0 not in readings("10")


@pytest.mark.parametrize(
    "line",
    [
        "1955  Bandung  conference came",
        "d).",
        "1 . 4 ( b / d)",
        "2005. The year began badly",
        "xxxxx said",
    ],
)
def test_not_paragraph_starts(line):
    assert read_start(line, 5, pilcrow_mode=False, after_blank=True) is None


def test_marking_is_read():
    start = read_start("¶7. (S/NF) The minister said", 7, pilcrow_mode=True, after_blank=True)
    assert (start.number, start.marking) == (7, "S/NF")


def test_pilcrow_mode_ignores_unmarked_numbers():
    assert read_start("3. The next point", 3, pilcrow_mode=True, after_blank=True) is None
    assert read_start("¶3. The next point", 3, pilcrow_mode=True, after_blank=True).number == 3


def test_unmarked_number_needs_a_blank_line_before():
    assert read_start("2. MARCOS SAID", 2, pilcrow_mode=False, after_blank=False) is None
    assert read_start("2. MARCOS SAID", 2, pilcrow_mode=False, after_blank=True).number == 2
