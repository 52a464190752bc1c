"""Cached work goes stale with the code that made it: any file of parse/ or data/ keys the
parsed records, any file of archive/, render/ or build/ the rendered pages, and a module added
to a folder is covered without being listed anywhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cable2md.build.cache import RecordCache
from cable2md.build.fingerprints import (
    PACKAGE,
    PARSER_SOURCES,
    RENDER_SOURCES,
    parser_fingerprint,
    render_fingerprint,
    tree_digest,
)

PARSER_FILES = sorted(
    path.relative_to(PACKAGE).as_posix()
    for folder in ("parse", "data")
    for path in (PACKAGE / folder).iterdir()
    if path.is_file()
)
RENDER_FILES = sorted(
    path.relative_to(PACKAGE).as_posix()
    for folder in ("archive", "render", "build")
    for path in (PACKAGE / folder).glob("*.py")
)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "cable2md", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "cable2md"


def _edit(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")


def test_the_fingerprints_are_those_of_the_installed_folders():
    assert parser_fingerprint() == tree_digest(PACKAGE, PARSER_SOURCES)
    assert render_fingerprint() == tree_digest(PACKAGE, RENDER_SOURCES)
    assert "parse/pipeline.py" in PARSER_FILES and "data/tags.yaml" in PARSER_FILES


@pytest.mark.parametrize("name", PARSER_FILES)
def test_editing_any_file_of_the_parser_invalidates_cached_records(tmp_path, name):
    root = _copy(tmp_path)
    before = tree_digest(root, PARSER_SOURCES)
    assert before == parser_fingerprint()  # the copy is the package as it is
    store = RecordCache(tmp_path / "cache", before)
    store.put_many([("abc", {"id": "05TOKYO1349"}, ("05TOKYO1349",))])
    assert store.known(["abc"]) == {"abc"}
    store.close()
    _edit(root / name)
    after = tree_digest(root, PARSER_SOURCES)
    assert after != before
    store = RecordCache(tmp_path / "cache", after)
    assert store.known(["abc"]) == set()
    with pytest.raises(KeyError):
        store.record("abc")
    assert store.prune() == 1  # the next build drops the record the old parser made
    store.close()


@pytest.mark.parametrize("name", RENDER_FILES)
def test_editing_any_file_of_the_renderer_renders_every_page_again(tmp_path, name):
    root = _copy(tmp_path)
    before = tree_digest(root, RENDER_SOURCES)
    _edit(root / name)
    assert tree_digest(root, RENDER_SOURCES) != before


def test_a_module_added_to_a_folder_is_covered_without_being_listed(tmp_path):
    root = _copy(tmp_path)
    parser, pages = tree_digest(root, PARSER_SOURCES), tree_digest(root, RENDER_SOURCES)
    (root / "parse" / "new_stage.py").write_text('"""A new stage."""\n', encoding="utf-8")
    (root / "render" / "new_page.py").write_text('"""A new page."""\n', encoding="utf-8")
    assert tree_digest(root, PARSER_SOURCES) != parser
    assert tree_digest(root, RENDER_SOURCES) != pages


def test_the_site_and_the_tests_are_not_part_of_either(tmp_path):
    root = _copy(tmp_path)
    parser, pages = tree_digest(root, PARSER_SOURCES), tree_digest(root, RENDER_SOURCES)
    _edit(root / "site" / "feed.py")
    _edit(root / "cli.py")
    assert (tree_digest(root, PARSER_SOURCES), tree_digest(root, RENDER_SOURCES)) == (parser, pages)
