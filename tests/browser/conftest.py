"""Fixtures for the browser tests: a strict build of the seed archive, served on 127.0.0.1, and
headless Debian Chromium driven by Playwright.

The site is built once per session from the repository's own ``cables/`` folder into a
temporary directory and served by ``http.server`` on a free port in a thread. Each test gets
a fresh page whose console errors and uncaught page errors are collected; a test fails if
any page it visited logged one.
"""

from __future__ import annotations

import gzip
import os
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from cable2md.search import index_search
from tests.helpers import ROOT, archive, build_site, serve

# Debian's chromium, or the one on PATH (CHROMIUM names another).
CHROMIUM = Path(
    os.environ.get("CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
    or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CABLE_PAGE = "cables/2005/05TOKYO1349/index.html"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site under test: built here from ``cables/``, or an already built one named by
    ``CABLE2MD_TEST_SITE`` (e.g. the benchmark's 251,000-cable site, which holds the seed)."""
    prebuilt = os.environ.get("CABLE2MD_TEST_SITE")
    if prebuilt:
        assert (Path(prebuilt) / CABLE_PAGE).exists(), f"{prebuilt} has no page for the seed"
        return Path(prebuilt)
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    assert result.returncode == 0, (
        f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    )
    return destination


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server, url = serve(site_dir)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def parted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures and the seed, eight cables, with a search index in parts of one page each,
    as a large archive's is in parts of 4,000."""
    base = tmp_path_factory.mktemp("parted")
    destination = base / "site"
    result = build_site(destination, archive(base))
    assert result.returncode == 0, result.stdout + result.stderr
    index_search(destination, pages_per_index=1)
    return destination


@pytest.fixture(scope="session")
def parted_url(parted_site: Path) -> Iterator[str]:
    server, url = serve(parted_site)
    yield url
    server.shutdown()
    server.server_close()


HOSTILE_CABLE = """P 021234Z MAR 05
FM AMEMBASSY TOKYO
TO SECSTATE WASHDC PRIORITY 1234

UNCLASSIFIED  TOKYO  009999

SIPDIS

E.O.  12958:  N/A
TAGS:  PREL  JA
SUBJECT:  <script>window.__xss=1</script> "QUOTED" & </style><img src=x onerror="window.__xss=2">

1. (U) Text with <b>tags</b> and </style><script>window.__xss=3</script> {{ 7*7 }}.

2. (SBU) A second paragraph.

SCHIEFFER
"""


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory, site_dir):
    """A site whose second cable's subject and text are markup: they must show as text."""
    cables = tmp_path_factory.mktemp("hostile-cables")
    (cables / "2005").mkdir()
    seed = site_dir / "cables" / "2005" / "05TOKYO1349.txt.gz"
    (cables / "2005" / "05TOKYO1349.txt").write_bytes(gzip.decompress(seed.read_bytes()))
    (cables / "2005" / "05TOKYO9999.txt").write_text(HOSTILE_CABLE, encoding="utf-8")
    destination = tmp_path_factory.mktemp("hostile-site")
    result = build_site(destination, cables)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (destination / "cables" / "2005" / "05TOKYO9999" / "index.html").exists(), (
        "the parser rejected the hostile cable:\n" + result.stderr
    )
    server, url = serve(destination)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    # A run without a browser fails: green must mean the browser tests ran.
    assert CHROMIUM.exists(), (
        f"no chromium found ({CHROMIUM}): apt-get install chromium, or set CHROMIUM to a "
        "Chromium binary; `make check` checks cables without a browser"
    )
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# Every request that leaves 127.0.0.1 is refused and counted as an error: the site must not
# depend on other hosts, nor tell them who reads it (Material's repository facts from
# api.github.com included: overrides/partials/source.html leaves them out).


class PageErrors(list):
    """Console errors, uncaught exceptions and outside requests of every page a test opened."""

    def route(self, context) -> None:
        def handle(route) -> None:
            url = urllib.parse.urlsplit(route.request.url)
            if url.hostname in ("127.0.0.1", "localhost"):
                route.continue_()
            else:
                self.append(f"request to another host: {route.request.url}")
                route.abort()

        context.route("**/*", handle)

    def context(self, browser, **options):
        """A new browser context whose requests are routed as above."""
        context = browser.new_context(**options)
        self.route(context)
        return context

    def watch(self, page) -> None:
        page.on(
            "console",
            lambda message: (
                self.append(f"console {message.type} at {page.url}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: self.append(f"page error at {page.url}: {error}"))


@pytest.fixture
def errors() -> PageErrors:
    return PageErrors()


def _watched_page(browser, errors: PageErrors, viewport: dict[str, int]) -> Iterator[object]:
    context = errors.context(
        browser, viewport=viewport, color_scheme="light", reduced_motion="reduce"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors.watch(page)
    try:
        yield page
    finally:
        context.close()
    assert not errors, "pages logged errors:\n" + "\n".join(errors)


@pytest.fixture
def page(browser, errors: PageErrors) -> Iterator[object]:
    yield from _watched_page(browser, errors, VIEWPORT)


@pytest.fixture
def phone(browser, errors: PageErrors) -> Iterator[object]:
    """A page at a phone's size (390 x 844 CSS pixels)."""
    yield from _watched_page(browser, errors, PHONE)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
