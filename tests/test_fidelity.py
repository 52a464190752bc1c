"""The fidelity audit (tools/fidelity.py, run by make eval): it finds lost, moved and
duplicated words, and finds none on the repository's cables and fixtures."""

from __future__ import annotations

import shutil

from tests.helpers import FIXTURE_CABLES, SEED, tool

fidelity = tool("fidelity")


def test_lost_moved_and_duplicated_words_are_told_apart():
    raw = fidelity.words("The minister said the talks resume in March; Tokyo agreed.")
    assert fidelity.compare("A", raw, list(raw)).faulty is False
    lost = fidelity.compare("A", raw, [w for w in raw if w != "march"])
    assert (lost.lost, lost.moved, lost.duplicated) == (["march"], [], [])
    moved = fidelity.compare("A", raw, raw[4:] + raw[:4])
    assert moved.moved and not moved.lost
    doubled = fidelity.compare("A", raw, [*raw, "tokyo"])
    assert doubled.duplicated == ["tokyo"] and not doubled.lost


def test_words_leave_out_paragraph_numbers_and_single_letters():
    assert fidelity.words("¶12. (C) U.S. talks: 1,250 tons, 4 of 10") == [
        "talks",
        "250",
        "tons",
        "of",
    ]


def test_what_the_page_adds_is_not_counted():
    page = (
        "---\nid: X\n---\n\n# X\n\n## Text\n\n"
        '<div class="cable-summary" markdown>\n\n<p class="cable-summary-label">Summary</p>\n\n'
        "[1.](#p1) The [Minister](../people/m.md) spoke."
        "\n{: #p1 }\n\n</div>\n\nAnd left."
        ' [¶](#p2 "Link to this paragraph"){: .cable-permalink }\n{: #p2 }\n\n'
        '!!! comment "Comment"\n\n    We doubt it &#42;\n\n## Participants\n\nNobody'
    )
    assert fidelity.words(fidelity.text_section(page)) == [
        "the", "minister", "spoke", "and", "left", "we", "doubt", "it"
    ]  # fmt: skip


def test_the_repository_cables_and_fixtures_lose_no_word(tmp_path):
    for path in [SEED, *FIXTURE_CABLES.glob("*.txt")]:
        shutil.copy(path, tmp_path / path.name)
    total, findings, rejected = fidelity.audit(tmp_path)
    assert total == 1 + len(list(FIXTURE_CABLES.glob("*.txt"))) - len(rejected)
    assert [(f.ident, f.lost[:5], f.moved[:5], f.duplicated[:5]) for f in findings] == []


def test_a_paragraph_the_page_drops_is_found(tmp_path, monkeypatch):
    shutil.copy(SEED, tmp_path / SEED.name)
    text_section = fidelity.text_section
    monkeypatch.setattr(
        fidelity, "text_section", lambda page: text_section(page).replace("Nishida", "")
    )
    _, findings, _ = fidelity.audit(tmp_path)
    assert [f.ident for f in findings] == ["05TOKYO1349"]
    assert set(findings[0].lost) == {"nishida"}
