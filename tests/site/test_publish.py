"""Publishing a built site: GitHub Pages' limits refused before any upload, and an object-store
sync against a real S3 API on 127.0.0.1 (moto's server, started and stopped here) that uploads
only what changed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cable2md.cli import main
from cable2md.site import pages_problems, sync


def _site(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_pages_refuses_a_site_over_its_limits(tmp_path, capsys):
    site = _site(tmp_path / "site", {"index.html": "home", "cables/a.html": "x" * 600})
    assert pages_problems(site) == []
    problems = pages_problems(site, site_limit=500, file_limit=550)
    assert problems[0].startswith("the site is 0.0 MB, over GitHub Pages' limit")
    assert "object store" in problems[0] and "cables/a.html" in problems[1]
    assert main(["publish", str(site), "--to", "pages"]) == 0
    big = site / "pagefind" / "big.bin"
    big.parent.mkdir()
    with big.open("wb") as handle:  # sparse: 1.1 GB on paper, a few KB on disk
        handle.truncate(1_100_000_000)
    assert main(["publish", str(site), "--to", "pages"]) == 1
    assert "over GitHub Pages' limit of 1,000.0 MB" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3(monkeypatch):
    """A real S3 API (moto's server) on 127.0.0.1 and an rclone remote ``store:`` for it."""
    assert shutil.which("rclone"), "rclone missing: make test installs it (apt-get install rclone)"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        settings = {
            "TYPE": "s3", "PROVIDER": "Other", "ENDPOINT": endpoint, "REGION": "us-east-1",
            "ACCESS_KEY_ID": "testing", "SECRET_ACCESS_KEY": "testing", "FORCE_PATH_STYLE": "true",
        }  # fmt: skip
        for key, value in settings.items():
            monkeypatch.setenv(f"RCLONE_CONFIG_STORE_{key}", value)
        monkeypatch.setenv("RCLONE_CONFIG", os.devnull)  # no user config file
        # plain HTTP on loopback: a machine's AWS_CA_BUNDLE only breaks rclone's client here
        monkeypatch.delenv("AWS_CA_BUNDLE", raising=False)
        subprocess.run(["rclone", "mkdir", "store:archive"], check=True, capture_output=True)
        yield "store:archive"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _listing(remote: str) -> dict[str, str]:
    out = subprocess.run(["rclone", "md5sum", remote], check=True, capture_output=True, text=True)
    return {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in out.stdout.splitlines()}


def test_object_store_sync_uploads_only_what_changed(tmp_path, s3):
    pages = {f"cables/2009/09POST{n}/index.html": f"cable {n}" for n in range(1, 41)}
    pages |= {"index.html": "home: 40 cables", "people/ann-lee/index.html": "Ann Lee: 3 cables"}
    site = _site(tmp_path / "site", pages)
    first = sync(site, s3)
    assert sorted(first.uploaded) == sorted(pages) and first.deleted == []
    assert set(_listing(s3)) == set(pages)
    # One cable added: its page, and the two pages that list it, change; one page goes.
    _site(site, {"cables/2009/09POST41/index.html": "cable 41", "index.html": "home: 41 cables",
                 "people/ann-lee/index.html": "Ann Lee: 4 cables"})  # fmt: skip
    (site / "cables/2009/09POST7/index.html").unlink()
    second = sync(site, s3)
    assert sorted(second.uploaded) == [
        "cables/2009/09POST41/index.html", "index.html", "people/ann-lee/index.html",
    ]  # fmt: skip
    assert second.deleted == ["cables/2009/09POST7/index.html"]
    assert sync(site, s3).uploaded == []  # nothing changed: nothing sent
    listing = _listing(s3)
    assert "cables/2009/09POST7/index.html" not in listing and len(listing) == 42
