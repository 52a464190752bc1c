"""What a cable page says about the cable, and nothing it does not: caveats once, the
sections it holds, the subject's own marking, words in TAGS as keywords, two classifications."""

from __future__ import annotations

import pytest

from cable2md.build import build

TELEGRAM = """\
O 101200Z JUN 09
FM AMEMBASSY BERLIN
TO SECSTATE WASHDC 1234
{line}

{caveats}

E.O. 12958: DECL: 06/10/2019
TAGS: {tags}
SUBJECT: {subject}

1. (C) The coalition talks went on.
"""


def _page(tmp_path, *, line="C O N F I D E N T I A L BERLIN 001626", caveats="SIPDIS",
          tags="PREL GM", subject="COALITION TALKS", extra="") -> tuple[str, list[str]]:  # fmt: skip
    folder = tmp_path / "cables" / "2009"
    folder.mkdir(parents=True)
    text = TELEGRAM.format(line=line, caveats=caveats, tags=tags, subject=subject) + extra
    (folder / "09BERLIN1626.txt").write_text(text, encoding="utf-8")
    docs = tmp_path / "docs"
    build(tmp_path / "cables", docs)
    page = (docs / "cables" / "2009" / "09BERLIN1626.md").read_text(encoding="utf-8")
    return page, sorted(p.name for p in (docs / "topics").glob("*.md"))


def _row(page: str, key: str) -> str | None:
    for line in page.splitlines():
        if line.startswith(f"| **{key}** | "):
            return line[len(f"| **{key}** | ") : -2]
    return None


def test_a_caveat_the_label_names_is_shown_once(tmp_path):
    page, _ = _page(tmp_path, line="S E C R E T BERLIN 001626", caveats="NOFORN\n\nSIPDIS")
    row = _row(page, "Classification")
    assert row.startswith("[SECRET//NOFORN](") and row.endswith(" · SIPDIS")
    assert row.count("NOFORN") == 1


def test_one_section_of_several_says_so_and_joined_sections_say_that(tmp_path):
    page, _ = _page(tmp_path / "one", line="C O N F I D E N T I A L SECTION 01 OF 02 BERLIN 001626")
    assert (
        _row(page, "Section") == "1 of 2"
        and "section:\n  number: 1\n  of: 2\n  joined: false" in page
    )
    repeated = (
        "\nC O N F I D E N T I A L SECTION 02 OF 02 BERLIN 001626\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 06/10/2019\nTAGS: PREL GM\nSUBJECT: COALITION TALKS\n\n"
        "2. (C) The second section goes on.\n"
    )
    page, _ = _page(tmp_path / "all", line="C O N F I D E N T I A L SECTION 01 OF 02 BERLIN 001626",
                    extra=repeated)  # fmt: skip
    assert _row(page, "Section") is None
    assert _row(page, "Sections") == "all 2, joined in this text"


def test_the_subjects_own_marking_is_kept_as_a_marking(tmp_path):
    page, _ = _page(tmp_path, subject="(C) COALITION TALKS")
    assert _row(page, "Subject") == ('<abbr title="CONFIDENTIAL">C</abbr> COALITION TALKS')


def test_words_in_the_tags_line_are_keywords_not_topics(tmp_path):
    page, topics = _page(tmp_path, tags="PREL GM ELECTIONS FREEDOM COUNTERTERRORISM")
    assert _row(page, "Keywords") == "ELECTIONS, FREEDOM, COUNTERTERRORISM"
    assert "ELECTIONS" not in _row(page, "TAGS")
    assert topics == ["gm.md", "index.md", "prel.md"]


def test_a_text_classified_otherwise_than_its_routing_header_says_so(tmp_path):
    telegram = TELEGRAM.replace("O 101200Z JUN 09", "DE RUEHRL #1626 1611200\nZNR UUUUU ZZH\nO 101200Z JUN 09")  # fmt: skip
    folder = tmp_path / "cables" / "2009"
    folder.mkdir(parents=True)
    text = telegram.format(line="S E C R E T SECTION 01 OF 04 ISLAMABAD 000416", caveats="SIPDIS",
                           tags="PREL GM", subject="COALITION TALKS")  # fmt: skip
    (folder / "09BERLIN1626.txt").write_text(text, encoding="utf-8")
    build(tmp_path / "cables", tmp_path / "docs")
    page = (tmp_path / "docs" / "cables" / "2009" / "09BERLIN1626.md").read_text(encoding="utf-8")
    assert '!!! warning "Another cable\'s text"' in page
    assert "the text it carries names ISLAMABAD 000416" in page
    assert '!!! warning "Two classifications"' in page
    assert "The message was sent as UNCLASSIFIED" in page and "reads SECRET" in page
    assert _row(page, "Classification in the text") == "SECRET"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Short enough.", "Short enough."),
        ("word " * 40, ("word " * 32).strip() + "…"),  # cut after a whole word, within 160
        ("x" * 200, "x" * 160 + "…"),  # no space to cut at: cut at the limit
        ("a" * 100 + ", " + "b" * 100, "a" * 100 + "…"),  # no comma before the mark
        ("a" * 90 + ". Then " + "b" * 100, "a" * 90 + "."),  # a whole sentence, no mark
        ("a" * 90 + " Stephen D. Krasner " + "b" * 100, "a" * 90 + " Stephen D. Krasner…"),
        ("a" * 145 + " Stephen D. Krasner " + "b" * 100, "a" * 145 + " Stephen…"),  # not after "D."
    ],
)
def test_a_page_description_is_cut_at_a_word_within_160_characters(text, line):
    from cable2md.render.cable_meta import summary_line

    assert summary_line(text) == line
    assert len(summary_line(text)) <= 161
