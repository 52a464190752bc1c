"""The compiled parser (cable2md/parse/native.py): used only when built from the current
source, and reading cables as the Python parser does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cable2md.parse import native
from tests.helpers import FIXTURES, ROOT, SEED

_ACTIVE = (
    "import cable2md, cable2md.parse.officials as m; "
    "print(cable2md.parse.native.active, m.__file__)"
)


def _run(code: str, *args: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CABLE2MD_")}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _package_copy(tmp_path: Path) -> Path:
    """A copy of the parser's folder (cable2md/parse), whose modules are the ones compiled."""
    copy = tmp_path / "cable2md" / "parse"
    shutil.copytree(native.FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _use_copy(monkeypatch, copy: Path) -> None:
    """Make the copy the source the compiled modules are checked against."""
    digest = native.digest
    monkeypatch.setattr(native, "FOLDER", copy)
    monkeypatch.setattr(native, "digest", lambda folder=copy: digest(folder))


def test_digest_follows_every_compiled_module(tmp_path, monkeypatch):
    copy = _package_copy(tmp_path)
    _use_copy(monkeypatch, copy)
    before = native.digest()
    assert before == native.digest()
    modules = native.native_modules(copy)
    assert {"officials", "model", "refs"} <= set(modules)
    for module in modules:
        source = copy / f"{module}.py"
        text = source.read_text(encoding="utf-8")
        source.write_text(text + "\n# edited\n", encoding="utf-8")
        assert native.digest() != before, module
        source.write_text(text, encoding="utf-8")
    assert native.digest() == before


def test_a_build_of_other_source_is_not_used(tmp_path, monkeypatch):
    copy = _package_copy(tmp_path)
    _use_copy(monkeypatch, copy)
    monkeypatch.setattr(native, "STORE", tmp_path / "store")
    monkeypatch.delenv("CABLE2MD_PURE", raising=False)
    monkeypatch.delenv("CABLE2MD_NATIVE_TRIAL", raising=False)
    stale = native.folder()
    (stale / "cable2md" / "parse").mkdir(parents=True)
    (stale / "complete").write_text("")
    (copy / "officials.py").write_text("# edited after the build\n", encoding="utf-8")
    path: list[str] = ["source"]
    assert native.use_native(path) is None
    assert path == ["source"]
    current = native.folder()
    (current / "cable2md" / "parse").mkdir(parents=True)
    assert native.use_native(path) is None, "a build without its completion mark is not used"
    (current / "complete").write_text("")
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert native.use_native(path) == current
    assert path == [str(current / "cable2md" / "parse"), "source"]


def test_pure_is_asked_for_by_the_environment():
    assert _run(_ACTIVE, CABLE2MD_PURE="1").startswith("None ")
    assert _run(_ACTIVE, CABLE2MD_PURE="1").endswith("cable2md/parse/officials.py")


@pytest.fixture
def built() -> None:
    # `make test` builds it first; a missing build is a failure, not a skip.
    assert (native.folder() / "complete").exists(), "the compiled parser is not built: make native"


def test_the_built_parser_is_loaded(built):
    active, module = _run(_ACTIVE).split()
    assert Path(active) == native.folder()
    assert module.startswith(active) and module.endswith(".so")


_DUMP = (
    "import json, sys; from cable2md import parse_file; "
    "print(json.dumps([parse_file(p).to_dict() for p in sys.argv[1:]], default=str))"
)


def test_compiled_and_python_parsers_agree(built):
    paths = [str(SEED), *sorted(str(p) for p in (FIXTURES / "cables").glob("*.txt"))]
    compiled_records = json.loads(_run(_DUMP, *paths))
    pure_records = json.loads(_run(_DUMP, *paths, CABLE2MD_PURE="1"))
    assert len(compiled_records) == len(paths)
    assert compiled_records == pure_records
