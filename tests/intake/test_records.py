"""cable2md parse over many files: parsed on all cores, streamed in file order, the same
records, and an unreadable file reported at its place without stopping the others."""

from __future__ import annotations

import json
import shutil

import yaml

from cable2md.cli import main
from cable2md.intake import parse_records
from cable2md.parallel import PARALLEL_FROM
from cable2md.parse import parse_file
from tests.helpers import FIXTURE_CABLES, SEED

SOURCES = [SEED, *sorted(FIXTURE_CABLES.glob("*.txt"))]


def _folder(tmp_path, count: int):
    """*count* cable files named in order, the repository's cables over and over."""
    for number in range(count):
        shutil.copy(SOURCES[number % len(SOURCES)], tmp_path / f"{number:04d}.txt")
    return sorted(tmp_path.glob("*.txt"))


def test_many_files_stream_in_file_order_as_they_read_one_by_one(tmp_path, capsys):
    files = _folder(tmp_path, PARALLEL_FROM + 60)  # enough to be parsed in forked workers
    assert main(["parse", str(tmp_path), "--format", "jsonl", "--jobs", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(files)
    for path, line in zip(files, lines, strict=True):
        assert json.loads(line) == parse_file(path).to_dict()


def test_the_json_array_is_the_one_json_dump_writes(tmp_path, capsys):
    files = _folder(tmp_path, 9)
    assert main(["parse", str(tmp_path)]) == 0
    expected = json.dumps([parse_file(p).to_dict() for p in files], ensure_ascii=False, indent=2)
    assert capsys.readouterr().out == expected + "\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["parse", str(empty)]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_yaml_documents_follow_each_other(tmp_path, capsys):
    files = _folder(tmp_path, 3)
    assert main(["parse", str(tmp_path), "--format", "yaml"]) == 0
    documents = list(yaml.safe_load_all(capsys.readouterr().out))
    assert [d["source"] for d in documents] == [str(p) for p in files]


def test_an_unreadable_file_is_reported_at_its_place(tmp_path, capsys):
    files = _folder(tmp_path, PARALLEL_FROM + 10)
    files[100].write_bytes(b"\x00binary")
    assert main(["parse", str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    sources = [json.loads(line)["source"] for line in captured.out.splitlines()]
    assert sources == [str(p) for p in files if p != files[100]]
    assert f"{files[100]}:1:1: file holds a NUL byte" in captured.err


def test_records_hold_their_defects_formatted_with_the_path(tmp_path):
    truncated = FIXTURE_CABLES / "07CARACAS900.txt"
    (parsed,) = parse_records([truncated], "jsonl")
    assert parsed.error is None
    assert any(d.startswith(f"{truncated}:20:") for d in parsed.defects)
    assert json.loads(parsed.record)["id"] == parse_file(truncated).id
