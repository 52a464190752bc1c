"""cable2md check and add: good, duplicate, conflicting, misnamed and broken cables."""

from __future__ import annotations

from pathlib import Path

import pytest

from cable2md.cli import main
from tests.helpers import FIXTURES, SEED

GOOD = FIXTURES / "cables" / "74MANILA777.txt"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    cables = tmp_path / "cables"
    (cables / "2005").mkdir(parents=True)
    (cables / "2005" / "05TOKYO1349.txt").write_bytes(SEED.read_bytes())
    return cables


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_what_was_read(archive, capsys):
    code, out, _ = run(
        capsys, "check", str(archive / "2005" / "05TOKYO1349.txt"), "--cables", str(archive)
    )
    assert code == 0
    assert "05TOKYO1349" in out and "Embassy Tokyo" in out and "SECRET" in out
    assert "PREL (External Political Relations)" in out
    assert (
        "paragraphs: 29 numbered" in out and "participants: 12" in out and "Tsuneo Nishida" in out
    )


def test_check_prints_the_person_decisions(tmp_path, archive, capsys):
    text = (
        "UNCLAS STATE 012345\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: VISIT\n\n"
        "1. (U) Foreign Minister Ali Karimi met resident Iranians. Later, Karimi told them "
        "the Governor of Minas Gerais would come.\n\nRICE\n"
    )
    path = tmp_path / "06STATE12345.txt"
    path.write_text(
        text.replace("UNCLAS STATE", "R 021200Z MAY 06\nFM SECSTATE WASHDC\nUNCLAS STATE")
    )
    _code, out, _ = run(capsys, "check", str(path), "--cables", str(archive))
    people = next(line for line in out.splitlines() if line.startswith("  people:"))
    assert people.startswith("  people: Ali Karimi (mentioned); ")  # Karimi alone is him
    assert "Condoleezza Rice (signer; also written Rice)" in people  # the Secretary of its date
    aside = next(line for line in out.splitlines() if line.startswith("  not people:"))
    assert "Iranians (the name of a people, nationality or language)" in aside


def test_add_puts_a_cable_in_its_place_and_keeps_its_bytes(archive, tmp_path, capsys):
    source = tmp_path / "incoming" / "some name.txt"
    source.parent.mkdir()
    source.write_bytes(GOOD.read_bytes())
    code, out, _ = run(capsys, "add", str(source), "--cables", str(archive))
    target = archive / "1974" / "74MANILA777.txt"
    assert code == 0 and target.read_bytes() == GOOD.read_bytes()
    assert "added" in out and "74MANILA777" in out


def test_check_flags_a_misnamed_file(tmp_path, archive, capsys):
    misnamed = archive / "1974" / "manila.txt"
    misnamed.parent.mkdir()
    misnamed.write_bytes(GOOD.read_bytes())
    code, out, _ = run(capsys, "check", str(misnamed), "--cables", str(archive))
    assert code == 1
    assert f"{misnamed}:1:1: error: file should be at cables/1974/74MANILA777.txt" in out


def test_duplicate_is_a_warning_and_add_keeps_the_original(archive, tmp_path, capsys):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    # The seed's year is read from its subject (it gives no date): the contributor confirms it.
    code, _, err = run(capsys, "add", str(copy), "--cables", str(archive), "--id", "05TOKYO1349")
    assert code == 0 and "already in the archive" in err
    twin = archive / "2006" / "05TOKYO1349.txt"
    twin.parent.mkdir()
    twin.write_bytes(SEED.read_bytes())
    _, out, _ = run(capsys, "check", str(twin), "--cables", str(archive))
    assert "warning: cable 05TOKYO1349 is a duplicate of" in out
    assert "error: file should be at cables/2005/05TOKYO1349.txt" in out


def test_conflict_is_an_error_and_add_never_overwrites(archive, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text(
        SEED.read_text(encoding="utf-8").replace("MICHALAK", "SCHIEFFER"), encoding="utf-8"
    )
    code, _, err = run(capsys, "add", str(other), "--cables", str(archive), "--accept-guess")
    assert code == 1 and "holds a different text under the id 05TOKYO1349: not added" in err
    assert (archive / "2005" / "05TOKYO1349.txt").read_bytes() == SEED.read_bytes()
    code, out, _ = run(capsys, "check", str(other), "--cables", str(archive))
    assert code == 1 and "error: cable 05TOKYO1349 is in conflict with" in out


def test_broken_files_are_errors_with_their_place(archive, tmp_path, capsys):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"VZCZC\n\x00\x01")
    prose = tmp_path / "prose.txt"
    prose.write_text("Dear diary,\ntoday nothing happened.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(binary), str(prose), "--cables", str(archive))
    assert code == 1
    assert f"{binary}:2:1: error: file holds a NUL byte" in out
    assert f"{prose}:1:1: error: not a cable" in out
    code, _, err = run(capsys, "add", str(prose), "--cables", str(archive))
    assert code == 1 and "not added" in err


def test_unknown_tags_are_warnings_at_the_tags_line(tmp_path, archive, capsys):
    text = GOOD.read_text(encoding="utf-8").replace("TAGS: PINS RP", "TAGS: PINS RP QQQQ MOPPS")
    cable = archive / "1974" / "74MANILA777.txt"
    cable.parent.mkdir()
    cable.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(cable), "--cables", str(archive))
    assert code == 0
    assert f"{cable}:9:1: warning: TAGS code 'QQQQ' is not a known code" in out
    assert "TAGS code 'MOPPS' is not a known code (read as MOPS)" in out


def test_github_format_and_summary(tmp_path, archive, capsys):
    summary = tmp_path / "summary.md"
    misnamed = tmp_path / "x.txt"
    misnamed.write_bytes(GOOD.read_bytes())
    code, out, _ = run(
        capsys,
        "check",
        "--format",
        "github",
        "--summary",
        str(summary),
        str(misnamed),
        "--cables",
        str(archive),
    )
    assert code == 1
    assert out.startswith(
        f"::error file={misnamed},line=1,col=1::file should be at cables/1974/74MANILA777.txt"
    )
    text = summary.read_text(encoding="utf-8")
    assert (
        "| File | Id | Id from | Date |" in text and "74MANILA777" in text and "**errors**" in text
    )


MISSPELLED = """\
R 021200Z MAR 09
FM AMEMBASSY TOKYO
TO SECSTATE WASHDC 0001

C O N F I D E N T A I L TOKYO 000100

E.O. 12958: DECL: 03/02/2019
TAGS: PREL, JA
SUBJECT: A TEST

1. (C) The minister said so.
"""


def test_a_misspelled_classification_line_is_reported_at_its_line(tmp_path, archive, capsys):
    path = tmp_path / "09TOKYO100.txt"
    path.write_text(MISSPELLED, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--cables", str(archive))
    assert code == 1
    assert (
        f"{path}:5:1: warning: this looks like the classification line, but 'CONFIDENTAIL' is "
        "not a classification: correct it to CONFIDENTIAL" in out
    )
    assert f"{path}:5:1: error: the cable has no place in the archive: no id could be formed" in out
    assert ":1:1:" not in out  # nothing piles up on line 1
    code, _, err = run(capsys, "add", str(path), "--cables", str(archive))
    assert code == 1 and "cable2md add: 0 added, 1 not added" in err
    assert f"{path}:5:1: no id can be formed from the text: the cable's post and number" in err
    assert err.count("--id ID") == 1  # the next step, said once
