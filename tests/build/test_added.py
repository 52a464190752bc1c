"""The day a cable entered the archive (its file's addition in git) orders the feed and the
home page's newest cables: a cable of 1974 added today comes first."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

from cable2md.build import build
from cable2md.build.added import added_days
from cable2md.render import SITE_DATA
from tests.helpers import FIXTURES, SEED


def _commit(repo, day: str, message: str) -> None:
    when = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", message], check=True, env=env)


def test_the_newest_cables_are_the_newest_added(tmp_path):
    repo = tmp_path / "repo"
    cables = repo / "cables"
    (cables / "2005").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copyfile(SEED, cables / "2005" / "05TOKYO1349.txt")
    _commit(repo, "2026-01-05", "the seed")
    (cables / "1974").mkdir()
    shutil.copyfile(FIXTURES / "cables" / "74MANILA777.txt", cables / "1974" / "74MANILA777.txt")
    _commit(repo, "2026-03-01", "a cable of 1974")
    assert added_days(cables) == {
        "2005/05TOKYO1349.txt": "2026-01-05", "1974/74MANILA777.txt": "2026-03-01",
    }  # fmt: skip
    docs = tmp_path / "docs"
    build(cables, docs, cache_dir=tmp_path / "cache", jobs=1)
    newest = json.loads((docs / SITE_DATA).read_text(encoding="utf-8"))["newest"]
    assert [(item["id"], item["added"]) for item in newest] == [
        ("74MANILA777", "2026-03-01"), ("05TOKYO1349", "2026-01-05"),
    ]  # fmt: skip


def test_outside_git_the_cables_own_dates_order_them(tmp_path):
    assert added_days(tmp_path) == {}
