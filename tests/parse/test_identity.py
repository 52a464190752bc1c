"""The cable's id, origin and level when the routing header and classification line disagree."""

from __future__ import annotations

import pytest

from cable2md.parse import parse_bytes

TELEGRAM = """\
VZCZCXYZ0003
OO RUEHWEB

DE {de} 0501538
ZNR {zny}
O R 191538Z FEB 10
FM {sender}
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0530
{line}

SIPDIS

E.O. 12958: DECL: 02/22/2030
TAGS: PREL ASEC
SUBJECT: TALKS ON BORDER SECURITY

Classified By: DCM John Smith, Reasons 1.4 (b)/(d)

1. (C) The minister said the talks would resume in March.
"""


def _parse(de: str, zny: str, sender: str, line: str):
    text = TELEGRAM.format(de=de, zny=zny, sender=sender, line=line)
    return parse_bytes(text.encode(), "telegram.txt")


@pytest.mark.parametrize(
    ("de", "zny", "sender", "line", "expected"),
    [
        # Envelope and line agree: the line's full number is kept.
        ("RUEHME #0614", "UUUUU", "AMEMBASSY MEXICO", "UNCLAS MEXICO 000614",
         ("10MEXICO614", "Embassy Mexico", "UNCLASSIFIED")),
        # A DE serial keeps only the number's last four digits.
        ("RUEHC #8250", "SSSSS", "SECSTATE WASHDC", "S E C R E T STATE 068250",
         ("10STATE68250", "Secretary of State", "SECRET")),
        # Another sender, same serial: a post named two ways, not another cable.
        ("RUEHIL #0416", "SSSSS", "AMEMBASSY MEXICO", "S E C R E T ISLAMABAD 000416",
         ("10ISLAMABAD416", "Embassy Islamabad", "SECRET")),
        # One post by two names (the FM line picks UN Rome over Embassy Rome): not another cable.
        ("RUEHRN #1234", "UUUUU", "USMISSION UN ROME", "UNCLAS ROME 000045",
         ("10ROME45", "UN Rome", "UNCLASSIFIED")),
        # A five-digit serial is compared on its last four digits, as the line's number is.
        ("RUEHME #10614", "SSSSS", "AMEMBASSY MEXICO", "S E C R E T ISLAMABAD 010614",
         ("10ISLAMABAD10614", "Embassy Islamabad", "SECRET")),
        # Another sender and serial: the line heads a cable carried inside this one.
        ("RUEHME #0614", "UUUUU", "AMEMBASSY MEXICO", "S E C R E T ISLAMABAD 000416",
         ("10MEXICO614", "Embassy Mexico", "UNCLASSIFIED")),
    ],
)  # fmt: skip
def test_the_routing_header_names_the_cable_sent(de, zny, sender, line, expected):
    cable = _parse(de, zny, sender, line)
    assert (cable.id, cable.origin, cable.classification) == expected
    carried = [d for d in cable.defects if "another cable" in d.message]
    assert bool(carried) == (expected[0] == "10MEXICO614" and "ISLAMABAD" in line)


def test_a_carried_line_is_reported_where_it_stands():
    cable = _parse("RUEHME #0614", "UUUUU", "AMEMBASSY MEXICO", "S E C R E T ISLAMABAD 000416")
    (defect,) = [d for d in cable.defects if "another cable" in d.message]
    assert (defect.line, defect.column) == (9, 1)
    assert "ISLAMABAD 000416" in defect.message and "#0614" in defect.message


EXTRACT = """\
S E C R E T SECTION 01 OF 02 TOKYO 001349

SIPDIS

{decl}
TAGS: PREL JA
SUBJECT: {subject}

Classified By: Political Section Deputy Carol Reynolds for reasons 1.4 (b/d)

1. (C) {text}
"""
DECL = "E.O. 12958: DECL: 03/04/2015"


@pytest.mark.parametrize(
    ("decl", "subject", "text", "year", "source"),
    [
        (DECL, "TALKS ON THE 2005 BUDGET", "The minister spoke.", 2005, "subject"),
        # Years the cable could not be sent in are events it names, not its own year.
        (
            "",
            "FORTY YEARS SINCE THE 1965 WAR",
            "In 2004; goals for 2025, 2025 at last.",
            2004,
            "text",
        ),
        (DECL, "VISION 2020 AND 1965 WAR", "Nothing dated.", 2005, "decl"),
        (DECL, "VISION 2020", "Goals for 2030, 2030 and 2030; the 1958 pact.", 2005, "decl"),
    ],
)
def test_a_guessed_year_stays_within_the_release(decl, subject, text, year, source):
    extract = EXTRACT.format(decl=decl, subject=subject, text=text)
    cable = parse_bytes(extract.encode(), "extract.txt")
    assert (cable.date, cable.year_source) == (None, source)
    assert cable.id == f"{year % 100:02d}TOKYO1349"


@pytest.mark.parametrize(
    ("classified", "year"),
    [
        ("for reasons 1.4 (b) and (d)", 2005),
        ("for reasons 1.4(B) and (D).", 2005),
        ("for reasons 1.4 (b/d)", 2005),
        # the reasons of E.O. 12958 before its 2003 amendment: the ten-year default holds
        ("for reasons 1.5 (b) and (d)", 2000),
        ("for reasons 1.4", 2000),  # no lettered reason: not the amended order's form
    ],
)
def test_reasons_under_the_amended_order_date_a_cable_2003_or_later(classified, year):
    """Declassify in 2010: ten years after 2000 by default, but a cable citing section 1.4's
    reasons was written under E.O. 12958 as amended in 2003; five years then fits."""
    extract = EXTRACT.format(decl="EO 12958 DECL: 03/15/2010", subject="IRAN", text="Iran.")
    extract = extract.replace("for reasons 1.4 (b/d)", classified)
    cable = parse_bytes(extract.encode(), "extract.txt")
    assert (cable.year_source, cable.id) == ("decl", f"{year % 100:02d}TOKYO1349")
