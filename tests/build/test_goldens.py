"""Golden files: the seed's pages and a small archive's whole tree; update with
--update-goldens (the records: parse/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cable2md.build import build
from tests.helpers import FIXTURES, GOLDEN, SEED, compare_golden


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    cables = tmp_path_factory.mktemp("cables")
    (cables / "2005").mkdir()
    (cables / "2005" / SEED.name).write_bytes(SEED.read_bytes())
    docs = tmp_path_factory.mktemp("docs")
    report, _ = build(cables, docs, people_file=None)
    assert report.cables == 1 and not report.rejected
    return docs


@pytest.mark.parametrize(
    "page",
    [
        "cables/2005/05TOKYO1349.md",
        "people/tsuneo-nishida.md",
        "people/stephen-d-krasner.md",
        "topics/prel.md",
    ],
)
def test_seed_pages_golden(seed_site, page, update_goldens):
    actual = (seed_site / page).read_text(encoding="utf-8")
    compare_golden(GOLDEN / "seed" / page, actual, update_goldens)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_fixture_archive_tree_golden(tmp_path, update_goldens):
    """The whole generated tree of a small archive with shared people, tags and REF links."""
    cables = tmp_path / "cables"
    for path in sorted((FIXTURES / "cables").glob("*.txt")):
        target = cables / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    docs = tmp_path / "docs"
    report, _ = build(cables, docs, people_file=FIXTURES / "people.yml")
    assert not report.rejected
    expected_root = GOLDEN / "archive"
    actual = _tree(docs)
    if update_goldens:
        for name, data in actual.items():
            target = expected_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for stale in set(_tree(expected_root)) - set(actual):
            (expected_root / stale).unlink()
        return
    expected = _tree(expected_root)
    assert sorted(actual) == sorted(expected), (
        "the set of generated files changed: run --update-goldens"
    )
    changed = [name for name in actual if actual[name] != expected[name]]
    assert not changed, f"generated files differ from the golden tree: {changed[:10]}"
