"""cable2md import: the release's CSV (backslash-escaped quotes, multi-line fields) to files."""

from __future__ import annotations

from cable2md import parse_file
from cable2md.cli import main
from tests.helpers import FIXTURES

CSV = FIXTURES / "csv" / "cables.csv"


def test_import_writes_one_file_per_cable_and_reports_bad_records(tmp_path, capsys):
    cables = tmp_path / "cables"
    assert main(["import", str(CSV), "--cables", str(cables)]) == 1  # one record is broken
    out, err = capsys.readouterr()
    assert "2 cables written" in out
    assert f"{CSV}:29:1: no valid id and date in record 'BROKEN'" in err
    zagreb = cables / "2009" / "09ZAGREB9002.txt"
    text = zagreb.read_text(encoding="utf-8")
    assert text.startswith("VZCZCXRO1234\nP 141530Z FEB 09\n")
    assert 'SUBJECT: A "QUOTED" SUBJECT' in text and 'He said "yes", then \\\\ left.' in text
    record = parse_file(zagreb)
    assert (record.id, record.date, record.subject) == (
        "09ZAGREB9002",
        "2009-02-14",
        'A "QUOTED" SUBJECT',
    )
    assert parse_file(cables / "1966" / "66BUENOSAIRES9001.txt").id == "66BUENOSAIRES9001"


def test_import_again_changes_nothing(tmp_path, capsys):
    cables = tmp_path / "cables"
    main(["import", str(CSV), "--cables", str(cables)])
    stamp = (cables / "2009" / "09ZAGREB9002.txt").stat().st_mtime_ns
    main(["import", str(CSV), "--cables", str(cables)])
    assert "0 cables written, 2 unchanged" in capsys.readouterr().out
    assert (cables / "2009" / "09ZAGREB9002.txt").stat().st_mtime_ns == stamp
