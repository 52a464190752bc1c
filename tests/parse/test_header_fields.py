"""Classification lines, labels, TAGS, SUBJECT, E.O., Classified By, REF and dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cable2md.parse import parse_bytes
from cable2md.parse.classification import label, parse_classification_line
from cable2md.parse.fields import parse_classified_by, parse_eo, parse_subject, parse_tags
from cable2md.parse.header import _SPLIT_RE, _may_split
from cable2md.parse.refs import parse_references
from cable2md.parse.routing import parse_dateline, parse_dtg


@pytest.mark.parametrize(
    ("line", "level", "section", "post", "number"),
    [
        ("S E C R E T SECTION 01 OF 02 BEIJING 002963", "SECRET", (1, 2), "BEIJING", "002963"),
        (
            "C o n f i d e n t i a l section 01 of 04 ankara 000348",
            "CONFIDENTIAL",
            (1, 4),
            "ANKARA",
            "000348",
        ),
        ("SECRET  SECTION  01  OF  07  TOKYO  001349 ", "SECRET", (1, 7), "TOKYO", "001349"),
        ("UNCLAS E F T O SECTION 01 OF 02 STATE 123456", "UNCLASSIFIED", (1, 2), "STATE", "123456"),
        ("SS E C R E T PESHAWAR 000041", "SECRET", None, "PESHAWAR", "000041"),
        ("UUNCLAS MANAGUA 001002", "UNCLASSIFIED", None, "MANAGUA", "001002"),
        (
            "LIMITED OFFICIAL USE RIO DE JANEIRO 001238",
            "LIMITED OFFICIAL USE",
            None,
            "RIO DE JANEIRO",
            "001238",
        ),
        ("C O N F I D E N T I A L 75 LIBREVILLE 1895", "CONFIDENTIAL", None, "LIBREVILLE", "1895"),
        ("TOP SECRET STATE 000012", "TOP SECRET", None, "STATE", "000012"),
        ("CONFIDENTIAL", "CONFIDENTIAL", None, None, None),
    ],
)
def test_classification_lines(line, level, section, post, number):
    parsed = parse_classification_line(line)
    assert (parsed.level, parsed.section, parsed.post, parsed.number) == (
        level,
        section,
        post,
        number,
    )


@pytest.mark.parametrize(
    "line", ["SECRET SERVICE AGENTS SAID", "CONFIDENTIAL PTQ1859", "Secretary Rice"]
)
def test_not_classification_lines(line):
    assert parse_classification_line(line) is None


@pytest.mark.parametrize(
    ("level", "handling", "expected"),
    [
        ("SECRET", ("NOFORN", "SIPDIS"), "SECRET//NOFORN"),
        ("CONFIDENTIAL", ("SIPDIS",), "CONFIDENTIAL"),
        ("UNCLASSIFIED", ("SENSITIVE",), "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        ("SECRET", ("SENSITIVE",), "SECRET"),
        ("LIMITED OFFICIAL USE", (), "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
        (None, (), None),
    ],
)
def test_labels(level, handling, expected):
    assert label(level, handling) == expected


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("TAGS: ECIN  PREL  PARM", ["ECIN", "PREL", "PARM"]),
        ("TAGS PREL, KWAC, SR", ["PREL", "KWAC", "SR"]),
        (
            "Tags: ovip (steinberg, james b.), prel, parm",
            ["OVIP", "STEINBERG, JAMES B.", "PREL", "PARM"],
        ),
        ("TAGS PINR, KCRM, BU, Organized Crime", ["PINR", "KCRM", "BU", "Organized Crime"]),
        ("TAG: PTER, PREL", ["PTER", "PREL"]),
    ],
)
def test_tags(text, tags):
    assert parse_tags(text) == tags


def test_subject_marking_is_kept_apart():
    assert parse_subject("SUBJECT: (S/NF) CONSTRUCTIVE TALKS") == {
        "subject": "CONSTRUCTIVE TALKS",
        "subject_marking": "S/NF",
    }
    assert parse_subject("SUBJECT: USD(P) EDELMAN BRIEFS")["subject_marking"] is None


@pytest.mark.parametrize(
    ("text", "order", "declassify"),
    [
        ("E.O. 12958: DECL: 09/08/2013", "12958", "09/08/2013"),
        ("EO 12958 DECL: 05/06/2019", "12958", "05/06/2019"),
        ("E.O. 12958: N/A", "12958", "N/A"),
        ("¶E. O. 11652: GDS", "11652", "GDS"),
        ("E.O. 12356: DECL: OADR", "12356", "OADR"),
    ],
)
def test_eo(text, order, declassify):
    assert parse_eo(text) == {"executive_order": order, "declassify": declassify}


@pytest.mark.parametrize(
    ("text", "by", "reasons"),
    [
        ("Classified By: Political Section Deputy Carol Reynolds. Reasons: 1.4 (b/d).",
         "Political Section Deputy Carol Reynolds", "1.4 (b/d)"),
        ("CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).", "AMBASSADOR TOM MCDONALD", "1.5 (B) AND (D)"),
        ("CLASSIFIED BY: Timothy Richardson, Acting Director. REASON: 1.4 (b), (d)",
         "Timothy Richardson, Acting Director", "1.4 (b), (d)"),
        ("Classified By: DCM Bob Smith, 1.4 (b,d)", "DCM Bob Smith", "1.4 (b,d)"),
    ],
)  # fmt: skip
def test_classified_by(text, by, reasons):
    assert parse_classified_by(text) == {"classified_by": by, "reasons": reasons}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603", 1972,
         [(None, "TEHRAN 1091", "72TEHRAN1091"), (None, "TEHRAN 263", "72TEHRAN263"), (None, "MOSCOW 1603", "72MOSCOW1603")]),
        ("Ref: a) vienna 350 b) 05 state 220738", 2006, [("A", "vienna 350", "06VIENNA350"), ("B", "05 state 220738", "05STATE220738")]),
        ("REFTEL: HARARE 6584", 2000, [(None, "HARARE 6584", "00HARARE6584")]),
        ("REF: A. A. STATE 99125  B. B. SOFIA 1046", 2005, [("A", "STATE 99125", "05STATE99125"), ("B", "SOFIA 1046", "05SOFIA1046")]),
        ("REF: BRASILIA 709 (08) SAO PAULO 542", 2009, [(None, "BRASILIA 709 (08)", "08BRASILIA709"), (None, "SAO PAULO 542", "09SAOPAULO542")]),
        ("REF: A. SECSTATE 1234 B. EMAIL FROM D. SMITH", 2009, [("A", "SECSTATE 1234", "09STATE1234"), ("B", "EMAIL FROM D. SMITH", None)]),
        ("REF: TOKYO 1349", 2005, [(None, "TOKYO 1349", "05TOKYO1349")]),
    ],
)  # fmt: skip
def test_references(text, year, expected):
    assert [(r.label, r.text, r.id) for r in parse_references(text, year)] == expected


@pytest.mark.parametrize(
    ("text", "dtg", "day"),
    [
        ("O 260014Z OCT 09", "260014Z OCT 09", "2009-10-26"),
        ("P R 281848Z DEC 66", "281848Z DEC 66", "1966-12-28"),
        ("291359Z Nov 00", "291359Z NOV 00", "2000-11-29"),
    ],
)
def test_dtg(text, dtg, day):
    assert parse_dtg(text) == (dtg, day)


def test_impossible_dtg_is_not_a_date():
    assert parse_dtg("O 310014Z FEB 09") is None


def test_datelines():
    assert parse_dateline("Wednesday, 06 May 2009, 17:31") == "2009-05-06"
    assert (
        parse_dateline("TELEGRAM                                            June 03, 2003")
        == "2003-06-03"
    )
    assert parse_dateline("Someday, 06 May 2009") is None


# The quick test that spares a line the split pattern must never say no where it matches.
_SPLIT_PIECES = [
    "E.O.", "E. O.", "E.\tO.", "EO", " 12958", "12958:", "TAGS", "Tags", "tAg", "ſubject", "SUBJECT",
    "Subj", ":", " : ", "CLASSIFIED BY", "Classified by", " PREL", "DEPT FOR WHA", "  ", "\t",
    "geo", "PEOPLE", "x", "ſ", "K", "ı",
]  # fmt: skip


@given(st.lists(st.sampled_from(_SPLIT_PIECES), max_size=12).map("".join))
def test_lines_the_quick_test_skips_hold_no_second_field(text):
    if _SPLIT_RE.search(text):
        assert _may_split(text)


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("DEPT FOR WHA/BSC E.O. 12958: DECL: 1/1/2019", True),
        ("ROME 1234 tags: PREL", True),
        ("PASS TO USTR  Subject: trade", True),
        ("PASS TO USTR  ſubject: trade", True),  # the long s matches "S" when case is ignored
        ("The minister spoke about people and geography.", False),
        ("Embassy comment: none", False),
    ],
)
def test_quick_split_test(text, may):
    assert _may_split(text) is may


def test_a_caveat_given_twice_on_its_line_is_one_caveat():
    text = (
        "C O N F I D E N T I A L TRIPOLI 000220\n\nSIPDIS SIPDIS\n\nE.O. 12958: DECL: 3/13/2018\n"
        "TAGS: PGOV LY\nSUBJECT: A SUBJECT\n\n1. (C) Text.\n"
    )
    assert parse_bytes(text.encode()).handling == ("SIPDIS",)  # compiled and Python alike


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("C O N F I D E N T A I L TOKYO 000100", ("CONFIDENTAIL", "CONFIDENTIAL")),
        ("SECERT SECTION 01 OF 02 ROME 001234", ("SECERT", "SECRET")),
        ("UNCLASIFIED STATE 012345", ("UNCLASIFIED", "UNCLASSIFIED")),
        ("CONFIDENTIAL TOKYO 000100", None),  # spelled right: not a misspelling
        ("SECRETARY RICE 2005", None),  # a word, not a level
        ("CONFERENCE ROOM 201", None),
        ("SEGRET", None),  # no post and serial after it
    ],
)
def test_a_misspelled_level_on_a_classification_line(line, found):
    from cable2md.parse.classification import misspelled_level

    assert misspelled_level(line) == found
