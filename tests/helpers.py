"""What the tests share: the repository's paths, builders of index rows and archives, golden
files, and the site builds and servers of the browser tests.

Test modules import from here (or from ``tests.strategies``), never from one another; the
pytest hooks and fixtures stay in the ``conftest.py`` files.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from cable2md.archive import Index, build_index, relate, topic_weights
from cable2md.build import build, incremental
from cable2md.parse import Appearance, IndexRow
from cable2md.parse.index_row import resolved

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "tests" / "fixtures" / "archive"  # the tests' own archive: never cables/
SEED = ARCHIVE / "2005" / "05TOKYO1349.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_CABLES = FIXTURES / "cables"
GOLDEN = ROOT / "tests" / "golden"

# A dated cable whose text reads 04MADRID2164, for tests that file it under another id (as the
# release files 05RIODEJANEIRO1238 as 04RIODEJANEIRO1238).
DATED_MADRID = """\
O 101200Z JUN 04
FM AMEMBASSY MADRID
TO SECSTATE WASHDC 1234
C O N F I D E N T I A L MADRID 002164

E.O. 12958: DECL: 06/10/2014
TAGS: PGOV SP
SUBJECT: ANDALUSIAN ELECTIONS

1. (C) Manuel Chaves won a sixth term as President of Andalusia.
"""

# The Markdown extensions of the site, as Python-Markdown names them.
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]


def tool(name: str) -> ModuleType:
    """The module ``tools/<name>.py`` (tools/ is no package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def compare_golden(path: Path, actual: str, update: bool) -> None:
    """Assert *actual* equals the golden file at *path*; with --update-goldens, rewrite it."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.relative_to(ROOT)}: run pytest --update-goldens"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path.relative_to(ROOT)} differs; if the change is right, run pytest --update-goldens"
    )


@contextmanager
def time_limit(seconds: int):
    """Raise TimeoutError in the block once it has run *seconds* seconds."""

    def expire(signum, frame):
        raise TimeoutError(f"parsing took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# Index rows and the incremental state of an archive made of them.


def index_row(number: int, *, names=(), references=(), subject="Subject") -> IndexRow:
    """Cable *number*, on day *number* of 2009, with a tag of its own: no cable is related
    to another, so only the way under test can reach a page."""
    ident = f"09POST{number}"
    seen = tuple((name, Appearance(ident, "mentioned", None, None, name)) for name in names)
    return IndexRow(
        ident, f"{ident}.txt", f"2009-{1 + number // 28:02d}-{1 + number % 28:02d}", None,
        "Embassy Post", "POST", "SECRET", (), (f"KY{number}",), subject, False,
        tuple(references), "",
        seen, resolved(seen),
    )  # fmt: skip


def index_state(rows: list[IndexRow]) -> tuple[Index, dict[str, Any]]:
    """The index of *rows* and the incremental state a build would save for it."""
    index = build_index(rows)
    state = incremental.state(index, {row.id: repr(row) for row in rows}, "same inputs")
    return index, state


def with_related(index: Index, state: dict[str, Any]) -> dict[str, Any]:
    """*state* with the related cables of *index*, scored afresh, as a build saves them."""
    index.related = relate(index, jobs=1)
    state.update(
        related=index.related,
        weights=topic_weights(index),
        referenced_by=index.referenced_by,
    )
    return state


# Generated pages and built sites.


def site_pages(tmp_path: Path) -> tuple[Path, list[str]]:
    """The generated pages of the fixtures, the seed and the hostile cables, and their paths."""
    cables = tmp_path / "cables"
    shutil.copytree(ROOT / "tests" / "fixtures" / "cables", cables)
    shutil.copytree(ARCHIVE, cables, dirs_exist_ok=True)
    for hostile in (ROOT / "tests" / "hostile").glob("*.txt"):  # markup in every field
        shutil.copyfile(hostile, cables / hostile.name)
    docs = tmp_path / "docs"
    build(cables, docs, cache_dir=tmp_path / "cache", people_file=ROOT / "tests" / "fixtures" / "people.yml")  # fmt: skip
    return docs, sorted(str(path.relative_to(docs)) for path in docs.rglob("*.md"))


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(name for name in set(one) | set(other) if one.get(name) != other.get(name))


def site_config(
    work: Path,
    cables: Path | str,
    site_url: str | None = "http://127.0.0.1:8000/",
    **options: object,
) -> Path:
    """A config in *work* that inherits the repository's ``mkdocs.yml`` and puts the plugin's
    generated pages and cache in *work* (*options*: more of the plugin's settings), published
    at *site_url* (None: not set)."""
    work.mkdir(parents=True, exist_ok=True)
    plugin = {
        "cables": str(Path(cables).resolve()),
        "generated": str(work / "generated"),
        "cache": str(work / "cache"),
        "people": str(ROOT / "people.yml"),
        **options,
    }
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "site_url": site_url,
        "docs_dir": str(ROOT / "docs"),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "plugins": [{"cable2md": plugin}],
    }
    config_file = work / "mkdocs.yml"
    config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
    return config_file


def build_site(
    destination: Path,
    cables: Path | str = ARCHIVE,
    site_url: str | None = "http://127.0.0.1:8000/",
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the repository's site from *cables* into *destination*.

    The build runs from a small config that inherits the repository's ``mkdocs.yml`` and puts
    the plugin's generated pages and cache beside *destination*, so a test build never touches
    the working tree's ``.cache/`` (nor races a developer's own build).
    """
    config_file = site_config(destination.parent / f"{destination.name}-work", cables, site_url)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("SITE_URL", "CABLES"):
        env.pop(name, None)
    command = ["mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(destination)]
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def archive(folder: Path) -> Path:
    """The test fixtures' cables and the seed, in *folder*/cables."""
    cables = folder / "cables"
    shutil.copytree(FIXTURE_CABLES, cables)
    (cables / "2005").mkdir()
    shutil.copyfile(SEED, cables / "2005" / "05TOKYO1349.txt")
    return cables


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve *directory* on 127.0.0.1 at a free port, in a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"


# Pages in the browser (Playwright).


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def open_page(page, base_url: str, path: str = "") -> None:
    response = page.goto(base_url + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"


def result_count(page) -> int:
    message = page.locator(".pagefind-ui__message")
    expect(message).to_contain_text("result", timeout=30_000)
    return int(re.search(r"([\d,]+) results? for", message.inner_text()).group(1).replace(",", ""))
