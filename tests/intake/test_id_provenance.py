"""The id of record and its proof: stated by the text, given by the file's place in the
archive, or guessed - and a guess is never silent (the 04MADRID2164 case of the release: an
undated extract whose body names 1990 was filed as 90MADRID2164)."""

from __future__ import annotations

import json

from cable2md.cli import main
from cable2md.parse import parse_file

EXTRACT = """\
This record is a partial extract of the original cable. The full text of the original cable is not available.

C O N F I D E N T I A L MADRID 002164

E.O. 12958: N/A
TAGS: PGOV SP
SUBJECT: ANDALUSIAN ELECTIONS

1. (C) Manuel Chaves, President of Andalusia since 1990, won a
sixth term. His party has governed the region since 1982 and,
as in 1990, campaigned on farm subsidies.
"""


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_year_named_in_the_body_is_only_a_guess_said_at_its_line(tmp_path):
    path = tmp_path / "extract.txt"
    path.write_text(EXTRACT, encoding="utf-8")
    cable = parse_file(path)
    assert (cable.id, cable.id_source, cable.year_source) == ("90MADRID2164", "guess", "text")
    (note,) = [d for d in cable.defects if "rests on a guess" in d.message]
    assert (note.line, note.column) == (9, 52)  # where the text first names 1990
    assert "cable2md add FILE --id ID" in note.message and "--accept-guess" in note.message


def test_check_fails_on_a_guessed_id_and_add_asks_for_the_id(tmp_path, capsys):
    cables, path = tmp_path / "cables", tmp_path / "extract.txt"
    path.write_text(EXTRACT, encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(path), "--cables", str(cables))
    assert code == 1
    assert f"{path}:9:52: error: the id 90MADRID2164 rests on a guess" in out
    assert "id guessed: the text gives no date" in out
    code, _, err = _run(capsys, "add", str(path), "--cables", str(cables))
    assert code == 1 and not cables.exists()
    assert f"{path}:9:52: the id 90MADRID2164 rests on a guess: not added" in err
    assert "cable2md add: 0 added, 1 not added" in err


def test_add_with_the_id_files_it_at_its_place_where_the_place_gives_the_id(tmp_path, capsys):
    cables, path = tmp_path / "cables", tmp_path / "extract.txt"
    path.write_text(EXTRACT, encoding="utf-8")
    code, _, _ = _run(capsys, "add", str(path), "--cables", str(cables), "--id", "04MADRID2164")
    target = cables / "2004" / "04MADRID2164.txt"
    assert code == 0 and target.read_bytes() == path.read_bytes()
    cable = parse_file(target)
    assert (cable.id, cable.id_source) == ("04MADRID2164", "file")
    assert not [d for d in cable.defects if "rests on a guess" in d.message]
    code, out, _ = _run(capsys, "parse", str(target), "--format", "jsonl")
    assert json.loads(out)["id_source"] == "file"


def test_accepting_the_guess_files_it_under_the_guess(tmp_path, capsys):
    cables, path = tmp_path / "cables", tmp_path / "extract.txt"
    path.write_text(EXTRACT, encoding="utf-8")
    code, _, _ = _run(capsys, "add", str(path), "--cables", str(cables), "--accept-guess")
    assert code == 0
    assert parse_file(cables / "1990" / "90MADRID2164.txt").id_source == "file"


def test_a_dated_text_proves_its_id_and_a_file_filed_otherwise_says_so(tmp_path):
    dated = EXTRACT.replace("E.O. 12958: N/A", "O 101200Z JUN 04\nE.O. 12958: N/A")
    place = tmp_path / "cables" / "2004" / "04MADRID2999.txt"
    place.parent.mkdir(parents=True)
    place.write_text(dated, encoding="utf-8")
    cable = parse_file(place)
    assert (cable.id, cable.id_source, cable.filed_as) == ("04MADRID2164", "text", "04MADRID2999")
    at_home = place.with_name("04MADRID2164.txt")
    place.rename(at_home)
    assert (parse_file(at_home).id_source, parse_file(at_home).filed_as) == ("text", None)


def test_id_must_look_like_one_and_name_one_file(tmp_path, capsys):
    path = tmp_path / "extract.txt"
    path.write_text(EXTRACT, encoding="utf-8")
    code, _, err = _run(capsys, "add", str(path), "--id", "Madrid 2164")
    assert code == 1 and "--id Madrid 2164: not an id" in err
    code, _, err = _run(capsys, "add", str(path), str(path), "--id", "04MADRID2164")
    assert code == 1 and "--id gives the id of one file" in err


def test_a_text_that_gives_no_id_at_all_takes_its_place_in_the_archive(tmp_path):
    no_serial = EXTRACT.replace("C O N F I D E N T I A L MADRID 002164", "C O N F I D E N T I A L")
    loose = tmp_path / "extract.txt"
    loose.write_text(no_serial, encoding="utf-8")
    assert parse_file(loose).id is None
    placed = tmp_path / "cables" / "2004" / "04MADRID2164.txt"
    placed.parent.mkdir(parents=True)
    placed.write_text(no_serial, encoding="utf-8")
    assert (parse_file(placed).id, parse_file(placed).id_source) == ("04MADRID2164", "file")


CARRIED = """\
R 021258Z JAN 88
FM AMEMBASSY BAGHDAD
TO SECSTATE WASHDC 9118
S E C R E T STATE 068250

E.O. 12958: DECL: 07/01/2034
TAGS: MTCRE, PARM, IR
SUBJECT: GERMAN TEST CHAMBER SOLD TO IRAN

1. (U) This is an action request.
"""


def test_a_text_naming_another_cable_than_its_routing_header_is_no_proof_of_an_id(tmp_path):
    loose = tmp_path / "88BAGHDAD28.txt"
    loose.write_text(CARRIED, encoding="utf-8")
    cable = parse_file(loose)
    assert (cable.origin, cable.carries, cable.id_source) == (
        "Embassy Baghdad",
        "STATE 068250",
        "guess",
    )
    assert any("the classification line names STATE 068250" in d.message for d in cable.defects)
    placed = tmp_path / "cables" / "1988" / "88BAGHDAD28.txt"
    placed.parent.mkdir(parents=True)
    placed.write_text(CARRIED, encoding="utf-8")
    cable = parse_file(placed)
    assert (cable.id, cable.id_source, cable.carries) == ("88BAGHDAD28", "file", "STATE 068250")


def test_another_cable_in_the_file_never_takes_the_files_place_as_its_id(tmp_path):
    export = (
        "\n51234  2006-02-10  06OSLO200  Embassy Oslo  UNCLASSIFIED  UNCLAS OSLO 000200\n"
        "TAGS: ECON NO\nSUBJECT: NORWAY: OIL FUND REPORT\n1. (U) The oil fund grew.\n"
    )
    placed = tmp_path / "cables" / "2004" / "04MADRID2164.txt"
    placed.parent.mkdir(parents=True)
    placed.write_text(EXTRACT + export, encoding="utf-8")
    cable = parse_file(placed)
    assert (cable.id, cable.id_source) == ("04MADRID2164", "file")
    (other,) = cable.appended
    assert (other.id, other.filed_as) == ("06OSLO200", None)
