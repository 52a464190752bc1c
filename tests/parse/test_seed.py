"""The archive's first cable, an OCR'd extract, must read exactly (issue: parse real cables)."""

from __future__ import annotations

import pytest

from cable2md import parse_file

EXPECTED_MARKINGS = {2: "S", 12: "S", 13: "S", 14: "S", 15: "S", 16: "S", 28: "SBU", 29: "U"}


@pytest.fixture(scope="module")
def seed(seed_path):
    return parse_file(seed_path)


def test_identity(seed):
    assert seed.id == "05TOKYO1349"
    assert seed.classification == "SECRET"
    assert (seed.section.number, seed.section.of) == (1, 7)
    assert seed.partial is True
    assert seed.handling == ("SIPDIS",)
    assert seed.origin == "Embassy Tokyo"
    assert seed.date is None  # an extract without its date-time group
    assert seed.year_source == "subject"


def test_header_fields(seed):
    assert seed.tags == ("ECIN", "PREL", "PARM", "PINR", "KDEM", "CH", "TW", "KN", "JA", "ASEAN")
    assert seed.subject == (
        "U.S.-JAPAN INFORMAL POLICY PLANNING BILATERAL: PART I PM SESSION, MARCH 2, 2005"
    )
    assert seed.classified_by == "Political Section Deputy Carol Reynolds"
    assert seed.reasons == "1.4 (b/d)"
    assert seed.pass_to == ("STATE ALSO FOR INR",)


def test_paragraphs_in_order_with_markings(seed):
    numbered = [p for p in seed.paragraphs if p.number is not None]
    assert [p.number for p in numbered] == list(range(1, 30))
    assert [p for p in seed.paragraphs if p.number is None] == []
    for paragraph in numbered:
        assert paragraph.marking == EXPECTED_MARKINGS.get(paragraph.number, "C"), paragraph.number


def test_reason_code_and_year_are_not_paragraphs(seed):
    texts = {p.number: p.text for p in seed.paragraphs}
    assert "1955 Bandung conference" in texts[26]
    assert not any(p.text.startswith(("4 (b", "d)")) for p in seed.paragraphs)


def test_section_headings(seed):
    headings = {p.number: p.heading for p in seed.paragraphs if p.heading}
    assert headings == {
        4: "East Asian Architecture",
        9: "China",
        12: "North Korea",
        24: "Democratization",
    }


def test_comments(seed):
    comments = seed.comments
    assert [c["paragraph"] for c in comments] == [20, 26]
    assert comments[0]["text"].startswith("(COMMENT: Asked subsequently by Embassy Tokyo")
    assert comments[0]["text"].endswith("END COMMENT.)")


def test_summary_spans_two_paragraphs(seed):
    assert seed.summary.startswith("During informal policy planning talks")
    assert seed.summary.endswith("India's role in Asia will likely grow as China rises.")
    assert "Summary, cont." not in seed.summary


def test_signer_and_ocr_repairs(seed):
    assert seed.signer == "MICHALAK"
    text = " ".join(p.text for p in seed.paragraphs)
    assert "Secretary Rice's upcoming trip" in text
    assert "U.S.-Japan alliance" in text
    assert "best institution might be for both our interests." in text
    assert "  " not in text


EXPECTED_PARTICIPANTS = [
    ("U.S.", "Director of Policy Planning", "Stephen D. Krasner", None),
    ("U.S.", "S/P Member", "Evan Feigenbaum", None),
    ("U.S.", "POLMIN", "David Shear", None),
    ("U.S.", "POL", "Steve Hill", None),
    ("U.S.", "POL", "Tandy Matsuda", "notetaker"),
    ("U.S.", "ECON", "Christina Collins", "notetaker"),
    ("Japan", "Deputy Vice Minister for Foreign Policy", "Tsuneo Nishida", None),
    ("Japan", "Deputy Director General", "Koji Tsuruoka", None),
    ("Japan", "Policy Coordination Division Director", "Kazuhide Ishikawa", None),
    ("Japan", "Policy Planning Division Director", "Hiroshi Kawamura", None),
    ("Japan", "National Security Policy Division Director", "Mami Mizutori", None),
    ("Japan", "UN Policy Division Director", "Kazutoshi Aikawa", None),
]


def test_participants_on_two_sides(seed):
    assert [(p.side, p.title, p.name, p.role) for p in seed.participants] == EXPECTED_PARTICIPANTS


def test_people_mentioned_with_a_title(seed):
    mentioned = {m.name: m.title for m in seed.mentions}
    assert mentioned["Machimura"] == "Foreign Minister"
    assert mentioned["Rice"] == "Secretary"
    assert "Bandung" not in mentioned and "Tokyo" not in mentioned
