"""cable2md parse: formats, folders, errors and --strict."""

from __future__ import annotations

import json

import yaml

from cable2md.cli import iter_cable_files, main
from tests.helpers import FIXTURES, SEED


def test_parse_formats(capsys):
    assert main(["parse", str(SEED)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["05TOKYO1349"]
    assert main(["parse", str(SEED), "--format", "yaml"]) == 0
    assert next(yaml.safe_load_all(capsys.readouterr().out))["classification"] == "SECRET"
    assert main(["parse", str(FIXTURES / "cables"), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7 and json.loads(lines[0])["id"] == "06RABAT300"


def test_bad_files_fail_the_run_but_not_the_others(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["parse", str(bad), str(SEED)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:1:1: file is empty" in captured.err
    assert [r["id"] for r in json.loads(captured.out)] == ["05TOKYO1349"]


def test_strict_fails_on_defects(capsys):
    truncated = FIXTURES / "cables" / "07CARACAS900.txt"
    assert main(["parse", str(truncated)]) == 0
    assert "the cable may be truncated" in capsys.readouterr().err
    assert main(["parse", str(truncated), "--strict"]) == 1
    assert f"{truncated}:20:" in capsys.readouterr().err


def test_folders_are_walked_in_path_order_without_listing_them_whole(tmp_path):
    names = ["b.txt", "a/x.txt", "a-b/y.txt", "a/z/1.txt", "a.txt", "A/c.txt", ".h/d.txt", "n.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    walked = iter_cable_files([tmp_path])
    assert next(walked) == tmp_path / ".h" / "d.txt"  # a generator: nothing listed ahead
    expected = sorted(p for p in tmp_path.rglob("*.txt") if p.is_file())
    assert [tmp_path / ".h" / "d.txt", *walked] == expected
