"""OCR-noised copies read as the clean cable does: the rules that make that so, one case each,
and a property over generated cables noised by tools/ocr_noise.py (what ``make eval`` scores)."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable2md import parse_bytes
from cable2md.parse.classification import parse_classification_line
from cable2md.parse.fields import parse_eo
from cable2md.parse.header import read_header
from cable2md.parse.lines import number_lines
from cable2md.parse.paragraphs import read_start
from cable2md.parse.routing import parse_dateline
from tests.helpers import tool
from tests.strategies import cables

noise = tool("ocr_noise").noise


@pytest.mark.parametrize(
    ("line", "level", "post", "number"),
    [
        ("S  E  C  R  E  T  TEHRAN  8233", "SECRET", "TEHRAN", "8233"),
        ("C  O N  F I D E N  T I  A L         ABU DHABI  02641", "CONFIDENTIAL", "ABU DHABI", "02641"),
        ("C  o  n  f i  d  e  n  t i  a  l  section  01  of  04  ankara 000348", "CONFIDENTIAL", "ANKARA", "000348"),
        ("U  N  C  L  A  S  STATE  123456", "UNCLASSIFIED", "STATE", "123456"),
    ],
)  # fmt: skip
def test_letter_spaced_levels_with_doubled_spaces(line, level, post, number):
    parsed = parse_classification_line(line)
    assert parsed is not None
    assert (parsed.level, parsed.post, parsed.number) == (level, post, number)


@pytest.mark.parametrize(
    "text", ["E.O  .  12958:  DECL :  02/15/2016", "E .O. 12958 : DECL: 02/15/2016", "EO  12958  DECL  : 02/15/2016"]
)  # fmt: skip
def test_split_executive_order_fields(text):
    header, _ = read_header(number_lines(["SECRET STATE 001234", text, "TAGS: PREL"]))
    assert "EO" in header.fields
    assert parse_eo(text) == {"executive_order": "12958", "declassify": "02/15/2016"}


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("TELEGRAM                      June  03 ,  2003", "2003-06-03"),
        ("Thursday ,  24  April  2008 ,  09 : 01", "2008-04-24"),
    ],
)
def test_datelines_with_split_commas(line, day):
    assert parse_dateline(line) == day


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("12  .  (S)  Summary, cont.", 2),
        ("1.6  .  (C)  This", 6),
        ("2  .  A.", None),
        ("2 . A.", 2),
    ],
)
def test_paragraph_marks_two_spaces_off_need_a_marking(line, number):
    start = read_start(line, number or 2, pilcrow_mode=False, after_blank=True)
    assert (start and start.number) == number


def test_page_break_inside_the_address_list():
    lines = [
        "O 110944Z SEP 07", "FM AMEMBASSY BERN", "TO RUEHC/SECSTATE WASHDC IMMEDIATE 4460",
        "INFO RUEHUJA/AMEMBASSY ABUJA PRIORITY 0018", "", "RUEHGB/AMEMBASSY BAGHDAD PRIORITY 0031",
        "S E C R E T SECTION 01 OF 02 BERN 000881", "", "SIPDIS", "", "E.O. 12958: DECL: 09/10/2017",
        "TAGS: MNUC KNNP", "SUBJECT: FM TAKES NOTE",
    ]  # fmt: skip
    header, _ = read_header(number_lines(lines))
    assert header.info == ["AMEMBASSY ABUJA", "AMEMBASSY BAGHDAD"]
    assert "SUBJECT" in header.fields and header.classification is not None


def test_page_break_before_a_rule_in_the_header():
    lines = [
        "TAGS:      PREL, EPET", "Subject:  UAE TO SUPPORT JORDAN", "Ref:      None", "",
        "_______________________________", "C O N F I D E N T I A L        ABU DHABI 02641", "",
        "SIPDIS", "CXABU:",
    ]  # fmt: skip
    header, body = read_header(number_lines(lines))
    assert header.classification is not None and header.classification.post == "ABU DHABI"
    assert [a.kind for a in header.artifacts] == ["rule"]
    assert body[0].text == "CXABU:"


_READ = ("id", "date", "origin", "classification", "handling", "tags", "subject", "references")


@settings(
    max_examples=10_000 if os.environ.get("CABLE2MD_HYPOTHESIS") == "fuzz" else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(cables(), st.integers(0, 2**32), st.booleans())
def test_noise_changes_nothing_a_reader_gets(cable, seed, harsh):
    clean = parse_bytes(cable.text.encode()).to_dict()
    noised = parse_bytes(noise(cable.text, random.Random(seed), harsh).encode()).to_dict()
    assert {key: noised[key] for key in _READ} == {key: clean[key] for key in _READ}
    assert [p["number"] for p in noised["paragraphs"]] == [p["number"] for p in clean["paragraphs"]]


def test_a_page_break_inside_an_open_parenthesis_starts_no_paragraph():
    text = "\n".join(
        [
            "UNCLASSIFIED TOKYO 005307", "", "SUBJECT: TEST", "",
            "11.  (C)  (COMMENT:  Nishida  spoke  of  the  talks", "", "5.  END  COMMENT.)", "",
            "12.  (C)  Krasner  agreed.",
        ]
    )  # fmt: skip
    paragraphs = parse_bytes(text.encode()).paragraphs
    assert [p.number for p in paragraphs] == [1, 2]
    assert paragraphs[0].text.endswith("the talks 5. END COMMENT.)")


def test_a_numbered_line_over_a_rule_keeps_its_number_and_heads_its_paragraph():
    text = "\n".join(
        [
            "SECRET VIENNA 000515", "", "SUBJECT: TEST", "",
            "¶4. (S) Banks were asked to report.", "",
            "¶5. WMD Proliferation Financing Issues", "----------------------------------",
            "¶A. (S/NF) USG Concern: a firm affiliated with the program.",
        ]
    )  # fmt: skip
    paragraphs = parse_bytes(text.encode()).paragraphs
    assert [(p.number, p.heading) for p in paragraphs] == [
        (4, None),
        (5, "WMD Proliferation Financing Issues"),
    ]
    assert paragraphs[1].text.startswith("¶A. (S/NF) USG Concern")


def test_a_lone_dash_parts_paragraphs_and_underlines_nothing():
    text = "\n".join(
        [
            "UNCLASSIFIED TOKYO 097821", "", "SUBJECT: TEST", "",
            "¶1. (C) Nishida met the Ambassador and the Deputy Director General", "-", "",
            "¶2. (C) Krasner agreed.",
        ]
    )  # fmt: skip
    paragraphs = parse_bytes(text.encode()).paragraphs
    assert [(p.number, p.heading) for p in paragraphs] == [(1, None), (2, None)]
    assert paragraphs[0].text.startswith("Nishida met")
