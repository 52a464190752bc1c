"""Hostile cables in a real browser: no payload runs, every payload shows as text, layout holds.

The injection corpus (tests/hostile/) carries payloads in every field a reader sees:
subject, TAGS, REF, Classified By, participant names and titles, paragraph text,
COMMENT blocks, line starts, Unicode direction overrides and zero-width characters,
a 100 KB word, and the file name itself. The site is built from it (with the seed) and
every page of the site is opened in headless chromium.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from tests.helpers import ROOT, SEED, build_site, serve

HOSTILE = ROOT / "tests" / "hostile"
PAYLOADS = json.loads((HOSTILE / "payloads.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.browser


def _visible(text: str) -> str:
    """A payload as a reader sees it: direction overrides are shown as code points."""
    text = re.sub(r"[\u202a-\u202e\u2066-\u2069]", lambda m: f"[U+{ord(m.group(0)):04X}]", text)
    return "".join(text.split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    cables = tmp_path_factory.mktemp("hostile-corpus")
    for path in HOSTILE.glob("*.txt"):
        shutil.copyfile(path, cables / path.name)
    shutil.copyfile(SEED, cables / "05TOKYO1349.txt")
    destination = tmp_path_factory.mktemp("hostile-built")
    result = build_site(destination, cables)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(destination)
    yield destination, url
    server.shutdown()
    server.server_close()


def test_every_page_is_safe_and_shows_the_payloads(hostile_site, browser, errors, capsys):
    destination, url = hostile_site
    context = errors.context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors.watch(page)
    pages = sorted(
        p.relative_to(destination).parent.as_posix() for p in destination.rglob("index.html")
    )
    assert len(pages) > 40
    seen = []
    overflow = []
    for path in pages:
        page.goto(f"{url}{'' if path == '.' else path + '/'}")
        assert page.evaluate("window.__pwned") is None, f"a payload ran on {path}"
        assert page.evaluate("window.__xss") is None, f"a payload ran on {path}"
        seen.append(page.evaluate("document.body.innerText"))
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1] + 1:
            overflow.append(f"{path}: {width[0]} px wide")
    context.close()
    assert not errors, "\n".join(errors)
    assert not overflow, "the layout overflows the window:\n" + "\n".join(overflow)
    shown = "".join("".join(seen).split()).casefold()  # a TAGS code is shown upper-cased
    missing = [p["name"] for p in PAYLOADS if _visible(p["text"]).casefold() not in shown]
    assert not missing, f"payloads not shown as text: {missing}"
    with capsys.disabled():
        print(f"\nhostile site: {len(PAYLOADS)} payloads in {len(list(HOSTILE.glob('*.txt')))} cables, "
              f"{len(pages)} pages opened, none ran")  # fmt: skip


def test_every_front_matter_of_the_hostile_archive_loads(tmp_path):
    from cable2md.build import build

    cables = tmp_path / "cables"
    shutil.copytree(HOSTILE, cables)
    docs = tmp_path / "docs"
    report, _ = build(cables, docs)
    assert report.cables == 6 and not report.rejected
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        end = text.index("\n---\n", 4)
        meta = yaml.safe_load(text[4:end])
        assert isinstance(meta, dict) and "title" in meta, page
        assert "\u202e" not in meta["title"]
