"""Fixtures for the browser tests: a strict build of the seed archive, served on 127.0.0.1, and
headless Debian Chromium driven by Playwright.

The site is built once per session from the repository's own ``cables/`` folder into a
temporary directory and served by ``http.server`` on a free port in a thread. Each test gets
a fresh page whose console errors and uncaught page errors are collected; a test fails if
any page it visited logged one.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
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


def build_site(destination: Path, cables: Path | str = "cables") -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the repository's site from *cables* into *destination*."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CABLES": str(cables)}
    env.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destination)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
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
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# Material fetches the repository's facts (stars, forks, latest release) from GitHub's API; the
# tests run offline, so those requests get a canned answer. Any other request that leaves
# 127.0.0.1 is refused and counted as an error: the site must not depend on other hosts.
GITHUB_FACTS = {
    "/releases/latest": '{"tag_name": "v0.1.0"}',
    "": '{"stargazers_count": 0, "forks_count": 0}',
}


class PageErrors(list):
    """Console errors, uncaught exceptions and outside requests of every page a test opened."""

    def route(self, context) -> None:
        def handle(route) -> None:
            url = urllib.parse.urlsplit(route.request.url)
            if url.hostname in ("127.0.0.1", "localhost"):
                route.continue_()
            elif url.hostname == "api.github.com":
                body = next(v for k, v in GITHUB_FACTS.items() if url.path.endswith(k))
                route.fulfill(status=200, content_type="application/json", body=body)
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


@pytest.fixture
def page(browser, errors: PageErrors) -> Iterator[object]:
    context = errors.context(
        browser, viewport=VIEWPORT, color_scheme="light", reduced_motion="reduce"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors.watch(page)
    try:
        yield page
    finally:
        context.close()
    assert not errors, "pages logged errors:\n" + "\n".join(errors)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
