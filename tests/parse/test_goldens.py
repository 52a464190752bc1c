"""Golden files: raw cable -> record; update with --update-goldens (the pages: build/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cable2md import parse_bytes
from tests.helpers import FIXTURES, GOLDEN, ROOT, SEED, compare_golden

CABLES = [*sorted((FIXTURES / "cables").glob("*.txt")), SEED]


def _record_json(path: Path) -> str:
    relative = path.relative_to(ROOT).as_posix()
    record = parse_bytes(path.read_bytes(), relative).to_dict()
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("path", CABLES, ids=lambda p: p.stem)
def test_record_golden(path, update_goldens):
    compare_golden(GOLDEN / "records" / f"{path.stem}.json", _record_json(path), update_goldens)
