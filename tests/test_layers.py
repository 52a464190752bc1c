"""The package's layers hold (import-linter, as `make lint` runs it), and an import against
them makes the lint fail, naming the contract it breaks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

LINT = Path(sys.executable).parent / "lint-imports"


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the repository's contracts over the package found in *where*."""
    return subprocess.run(
        [str(LINT), "--no-cache", str(ROOT / "pyproject.toml")],
        cwd=where, env={**os.environ, "PYTHONPATH": str(where)}, capture_output=True, text=True,
    )  # fmt: skip


def test_the_package_keeps_its_layers():
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    "module, line, contract",
    [
        ("parse/years.py", "from ..site import plugin", "layers"),
        ("parse/names.py", "from ..archive import Index", "layers"),
        ("archive/people.py", "from ..render import paths", "layers"),
        ("render/paths.py", "from ..build import MANIFEST", "layers"),
        ("build/report.py", "from ..search import PAGES_PER_INDEX", "layers"),
        ("intake/add.py", "from ..site import build_site", "layers"),
        ("site/home.py", "from ..parse import Cable", "site reads cables"),
        ("parse/read.py", "from .. import parallel", "parser imports"),
        ("parse/model.py", "import markdown", "parser imports"),
        ("cli.py", "from .parse import parse_file", "cli runs"),
    ],
)
def test_an_import_against_the_layers_fails_the_lint(tmp_path, module, line, contract):
    shutil.copytree(
        ROOT / "cable2md", tmp_path / "cable2md", ignore=shutil.ignore_patterns("__pycache__")
    )
    with (tmp_path / "cable2md" / module).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}  # noqa\n")
    done = _lint(tmp_path)
    assert done.returncode == 1, done.stdout
    broken = [text for text in done.stdout.splitlines() if text.endswith(" BROKEN")]
    assert any(name.startswith(contract) for name in broken), done.stdout
