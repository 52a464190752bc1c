"""Nothing lost, nothing misplaced: each rule that keeps a cable's words where they belong,
one fixture each (written for these tests, after shapes seen in the release)."""

from __future__ import annotations

import pytest

from cable2md.parse import parse_bytes

HEADER = """\
C O N F I D E N T I A L SECTION 01 OF 02 TRIPOLI 000065

SIPDIS

E.O. 12958: DECL: 1/28/2019
TAGS: PREL, PGOV, LY
SUBJECT: THE VIEW FROM TRIPOLI

"""


def _cable(body: str):
    return parse_bytes((HEADER + body).encode(), "fixture.txt")


@pytest.mark.parametrize(
    ("line", "reasons", "marking", "start"),
    [
        (
            "CLASSIFIED BY: Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d) 1. (C/NF) Summary: "
            "While Libya has other issues on its plate, the case is sensitive.",
            "1.4 (b), (d)", "C/NF", "Summary: While Libya",
        ),
        (
            "Classified By: DCM Julieta Noyes, reasons 1.4(b) and (d). 1. (C) The Holy See "
            "supports the accord.",
            "1.4(b) and (d)", "C", "The Holy See",
        ),
        (
            "CLASSIFIED BY: Joan Polaschik, Charge. REASON: 1.5 (b) ¶1. (S//NF) Libyan leader "
            "Qadhafi met the bomber.",
            "1.5 (b)", "S//NF", "Libyan leader",
        ),
    ],
)  # fmt: skip
def test_a_first_paragraph_on_the_reasons_line_is_the_first_paragraph(
    line, reasons, marking, start
):
    cable = _cable(line + "\n\n2. (C) The second paragraph.\n")
    assert cable.reasons == reasons
    first, second = cable.paragraphs[:2]
    assert (first.number, first.marking) == (1, marking)
    assert first.text.startswith(start)
    assert first.line == 9  # the reasons' line, where the paragraph stands
    assert (second.number, second.text) == (2, "The second paragraph.")
    assert start not in (cable.classified_by or "")


def test_reasons_followed_by_other_text_stay_the_reasons():
    cable = _cable(
        "CLASSIFIED BY: DCM John Smith, reasons 1.4 (b) and (d) 1. The talks, the minister "
        "said, go on.\n\n1. (C) The minister said the talks would resume.\n"
    )  # no marking after "1.": read as part of the reasons' line, as before
    assert cable.paragraphs[0].text == "The minister said the talks would resume."


@pytest.mark.parametrize(
    ("mark", "marking"),
    [
        ("(S//REL TO UKRAINE)", "S//REL TO UKRAINE"),
        ("(S//REL TO RUSSIA, LATVIA)", "S//REL TO RUSSIA, LATVIA"),
        ("(S/REL ARMENIA)", "S/REL ARMENIA"),
        ("(S // rel  sau)", "S//REL SAU"),
        ("(C / NF)", "C/NF"),
        ("( C )", "C"),
    ],
)
def test_a_release_list_keeps_its_words(mark, marking):
    cable = _cable(f"1. {mark} For Embassy Kyiv, please approach host-country officials.\n")
    assert cable.paragraphs[0].marking == marking
    assert cable.paragraphs[0].text.startswith("For Embassy Kyiv")


@pytest.mark.parametrize(
    "reasons",
    [
        "REASON: 1.4\n\n(b), (d)  1.  (C)  Summary:  The Holy See supports the accord.",  # page break
        "U.S. Dept of State. REASON:  1.4  (b),  (d)  1  .  (C)\nSummary:  The Holy See supports"
        " the accord.",  # the mark at the end of a line, its text on the next
    ],
)
def test_the_first_paragraph_is_found_after_reasons_run_over_lines(reasons):
    cable = _cable(f"CLASSIFIED  BY:  Julieta  Noyes,  DCM.  {reasons}\n\n2. (C) Next.\n")
    assert [(p.number, p.marking) for p in cable.paragraphs] == [(1, "C"), (2, "C")]
    assert cable.paragraphs[0].text.startswith("Summary: The Holy See supports")
    assert "Holy" not in (cable.reasons or "")


SECTIONED = """\
C O N F I D E N T I A L SECTION 01 OF 02 CAPE TOWN 00097

E.O. 12356: DECL: OADR
TAGS: PGOV PHUM SF
SUBJECT: ESSA MOOSA TALKS ABOUT MANDELA AND
OTHER TOPICS

1. MOOSA SIDESTEPPED A QUESTION ABOUT WHERE MANDELA'S
HOME BASE WOULD BE UPON HIS RELEASE.
{between}
-
------------------------------

CONFIDENTIAL

R 171512Z JAN 90
FM AMCONSUL CAPE TOWN
TO SECSTATE WASHDC 5366
INFO AMEMBASSY PRETORIA
AMEMBASSY PARIS

C O N F I D E N T I A L SECTION 02 OF 02 CAPE TOWN 00097

E.O. 12356: DECL: OADR
TAGS: PGOV PHUM SF
SUBJECT: ESSA MOOSA TALKS ABOUT MANDELA AND
OTHER TOPICS
{after}
------------------------------
DE KLERK-ANC COMMUNICATION
------------------------------

2. WHEN HE MET SEVERAL WEEKS AGO WITH MANDELA, DE KLERK SPOKE.
"""


def test_a_comment_before_a_repeated_section_header_stays_in_its_paragraph():
    text = SECTIONED.format(
        between="(COMMENT:  BUT POLITICALLY THIS MAKES\nLITTLE SENSE.  JOHANNESBURG SEEMS BY "
        "FAR THE MOST\nSUITABLE VENUE. END COMMENT.)",
        after="",
    )
    cable = parse_bytes(text.encode(), "fixture.txt")
    first, second = cable.paragraphs
    assert first.text.endswith("(COMMENT: BUT POLITICALLY THIS MAKES LITTLE SENSE. JOHANNESBURG "
                               "SEEMS BY FAR THE MOST SUITABLE VENUE. END COMMENT.)")  # fmt: skip
    assert len(first.comments) == 1
    assert (second.number, second.heading) == (2, "DE KLERK-ANC COMMUNICATION")
    repeated = [a.text for a in cable.artifacts if a.kind == "section-header"]
    assert "FM AMCONSUL CAPE TOWN" in repeated and "OTHER TOPICS" in repeated


HARARE = """\
C O N F I D E N T I A L SECTION 01 OF 02 HARARE 006677
SIPDIS
E.O. 12958: DECL: 11/29/10
TAGS: PGOV PREL ZI
SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE
OPPOSITION LEADER

1. (C) THE OPPOSITION LEADER SAID THE COUNTRY CANNOT GO ON AS IT IS. WE KNOW
CONFIDENTIAL
C O N F I D E N T I A L SECTION 02 OF 02 HARARE 006677
SIPDIS
E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL ZI
SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE
OPPOSITION LEADER
THERE WILL BE NOTHING TO VOTE FOR BY THE TIME
THE ELECTION ARRIVES.

2. (C) ON THE REACTION TO A DEMONSTRATION, HE SPOKE.
"""


def test_text_in_capitals_after_a_repeated_header_is_text():
    cable = parse_bytes(HARARE.encode(), "fixture.txt")
    assert cable.paragraphs[0].text.endswith(
        "WE KNOW THERE WILL BE NOTHING TO VOTE FOR BY THE TIME THE ELECTION ARRIVES."
    )
    assert not [a for a in cable.artifacts if "VOTE" in a.text]
    assert "OPPOSITION LEADER" in [a.text for a in cable.artifacts if a.kind == "section-header"]


@pytest.mark.parametrize(
    ("field", "subject", "references"),
    [
        ("SUBJECT: ZIM NOTES 11-09-2009\n-----------\n", "ZIM NOTES 11-09-2009", []),
        ("SUBJECT: SHELL ON THE BILL\nRef: Abuja 1836\n-------\n", "SHELL ON THE BILL", ["Abuja 1836"]),
    ],
)  # fmt: skip
def test_a_rule_over_the_first_heading_ends_the_field(field, subject, references):
    text = HEADER.replace("SUBJECT: THE VIEW FROM TRIPOLI\n", field)
    cable = parse_bytes((text + "SUMMARY\n-------\n1. (C) Shell met the Ambassador.\n").encode())
    assert cable.subject == subject
    assert [r.text for r in cable.references] == references
    assert (cable.paragraphs[0].heading, cable.paragraphs[0].number) == ("SUMMARY", 1)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("REF: A. TUNIS 407 ¶B. TUNIS 339 ¶C. 08 TUNIS 1137", [("A", "TUNIS 407"), ("B", "TUNIS 339"), ("C", "08 TUNIS 1137")]),
        ("REF: A. BAMAKO 754 ¶B.", [("A", "BAMAKO 754")]),
    ],
)  # fmt: skip
def test_labels_the_export_marked_with_a_pilcrow_are_labels(ref, expected):
    text = HEADER.replace(
        "SUBJECT: THE VIEW FROM TRIPOLI\n", f"SUBJECT: THE VIEW FROM TRIPOLI\n{ref}\n"
    )
    cable = parse_bytes((text + "1. (C) The talks went on.\n").encode())
    assert [(r.label, r.text) for r in cable.references] == expected


CLEAN = """\
O 101200Z JUN 09
FM SECSTATE WASHDC
TO ALL DIPLOMATIC POSTS
UNCLAS STATE 080163

E.O. 12958: N/A
TAGS: PINR
SUBJECT: COLLECTION REQUIREMENTS

1. (U) Somalia.
-- UN plans to replace the UN Political Office for Somalia (UNPOS) and African Union
(AU) Mission in Somalia (AMISOM).
-- Plans of UN leadership to deploy a UN-led peacekeeping operation to Somalia.

Countries: Afghanistan, Austria, Burkina Faso, China, Costa
Rica, Croatia, France, Iran, Japan, Vietnam
Terrorist Groups: Taliban
International Organizations: EU, UN, World Bank
"""


def test_list_lines_keep_their_breaks_and_a_wrapped_line_stays_joined():
    cable = parse_bytes(CLEAN.encode(), "fixture.txt")
    text = "\n".join(p.text for p in cable.paragraphs)
    assert "African Union (AU) Mission in Somalia (AMISOM).\n-- Plans of UN leadership" in text
    assert text.endswith(
        "Countries: Afghanistan, Austria, Burkina Faso, China, Costa Rica, Croatia, France,"
        " Iran, Japan, Vietnam\nTerrorist Groups: Taliban\nInternational Organizations: EU, UN,"
        " World Bank"
    )


EXPORTED = (
    "O 110944Z SEP 07 \\\nFM AMEMBASSY BERN \\\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4460 \\\n"
    "RUEATRS/DEPT OF TREASURY WASHINGTON DC PRIORITY\tS E C R E T SECTION 01 OF 01 BERN 000881 \\\n"
    "\\\nE.O. 12958: DECL: 09/10/2017 \\\nTAGS: MNUC KNNP IR SZ \\\n"
    "SUBJECT: CALMY-REY TAKES NOTE \\\n\\\n1. (S) The Foreign Minister took note. \\\nCARTER \\\n\n"
    "121752\t2007-09-11 12:50:00\t07TBILISI2290\tEmbassy Tbilisi\tUNCLASSIFIED\t\tVZCZCXRO4053\\\n"
    "R 111250Z SEP 07\\\nFM AMEMBASSY TBILISI\\\nTO RUEHC/SECSTATE WASHDC 7564\\\n"
    "UNCLAS TBILISI 002290 \\\n\\\nE.O. 12958: N/A \\\nTAGS: PGOV GG \\\n"
    "SUBJECT: REGIONAL GOVERNORS - WHO ARE THEY? \\\n\\\n1. (U) Guria holds strong potential. \\\n"
)


def test_an_export_with_backslash_line_ends_and_a_second_cable_reads_as_two_cables():
    cable = parse_bytes(EXPORTED.encode(), "07BERN881.txt")
    assert (cable.id, cable.classification, cable.subject) == ("07BERN881", "SECRET", "CALMY-REY TAKES NOTE")  # fmt: skip
    assert [p.text for p in cable.paragraphs] == ["The Foreign Minister took note."]
    assert cable.signer == "CARTER" and cable.tags == ("MNUC", "KNNP", "IR", "SZ")
    (other,) = cable.appended
    assert (other.id, other.subject) == ("07TBILISI2290", "REGIONAL GOVERNORS - WHO ARE THEY?")
    assert [p.text for p in other.paragraphs] == ["Guria holds strong potential."]
    assert other.paragraphs[0].line == 23  # counted in the file
    assert "\\" not in cable.subject + other.subject
    assert any("end with a database export's backslash" in d.message for d in cable.defects)


MEMO = """\
TELEGRAM                                            June 03, 2003

To:       No Action Addressee
From:     AMEMBASSY ABU DHABI (ABU DHABI 2641 - UNKNOWN)
TAGS:     PREL, EPET
Subject:  UAE TO SUPPORT JORDAN OIL NEEDS
_________________________________________________________________
C O N F I D E N T I A L        ABU DHABI 02641

CXABU:
    ACTION: POL
    INFO:   AMB DCM P/M ECON RSO

APPROVED: AMB:MMWAHBA
DRAFTED: POL:STWILLIAMS

VZCZCADI319
OO RUEHC RUEHAM RUEHRB
DE RUEHAD #2641 1541250
ZNY CCCCC ZZH
O 031250Z JUN 03
FM AMEMBASSY ABU DHABI
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0227
INFO RUEHAM/AMEMBASSY AMMAN 0446
RUEHRB/AMEMBASSY RABAT 0279
C O N F I D E N T I A L ABU DHABI 002641

STATE FOR NEA/ARP

E.O. 12958: DECL: 06/03/08
TAGS PREL, EPET, JO, MO
SUBJECT:  UAE TO SUPPORT JORDAN OIL NEEDS

1. (C) MFA Minstate Hamdan bin Zayid called the Ambassador.
"""


def test_a_routing_block_inside_the_body_is_furniture():
    cable = parse_bytes(MEMO.encode(), "fixture.txt")
    routing = [a.text for a in cable.artifacts if a.kind == "routing"]
    assert routing[0] == "VZCZCADI319" and "RUEHRB/AMEMBASSY RABAT 0279" in routing
    text = "\n".join(p.text for p in cable.paragraphs)
    assert "RUEHC" not in text and "VZCZC" not in text
    assert cable.paragraphs[-1].text == "MFA Minstate Hamdan bin Zayid called the Ambassador."
    assert (cable.id, cable.date) == ("03ABUDHABI2641", "2003-06-03")


def test_a_database_copy_before_the_telegram_is_furniture_and_the_telegram_header_is_read():
    cable = parse_bytes(MEMO.encode(), "fixture.txt")
    kinds = {a.text: a.kind for a in cable.artifacts}
    assert kinds["CXABU:"] == kinds["DRAFTED: POL:STWILLIAMS"] == "distribution"
    assert kinds["C O N F I D E N T I A L ABU DHABI 002641"] == "section-header"
    # The only paragraph is the cable's: no distribution line, no header repeated as text.
    assert [p.number for p in cable.paragraphs] == [1]
    assert cable.tags == ("PREL", "EPET", "JO", "MO")  # the telegram's TAGS join the copy's
    assert cable.declassify == "06/03/08"
    assert "TAGS PREL, EPET, JO, MO" in kinds
