"""The whole site as MkDocs builds it: sharded builds, search index parts, reproducibility."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cable2md.search import index_search
from cable2md.site import build_site as build_sharded_site
from cable2md.site import sitemap
from tests.helpers import ARCHIVE, ROOT, archive, build_site, differences, tree


@pytest.fixture(scope="module")
def single_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("single")
    site = base / "site"
    result = build_site(site, archive(base))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_sharded_site_is_the_single_build_merged(tmp_path, single_site, monkeypatch):
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")  # as the single build is published
    sharded = tmp_path / "site"
    report = build_sharded_site(
        archive(tmp_path), sharded, config_file=ROOT / "mkdocs.yml", work=tmp_path / "work",
        shards=3, jobs=2, people=ROOT / "people.yml",
    )  # fmt: skip
    assert len(report.shards) == 3
    single, merged = tree(single_site), tree(sharded)
    assert "cables/2005/05TOKYO1349/index.html" in merged
    # Nothing differs, the sitemap included (its pages in URL order, whichever shard built them).
    assert differences(single, merged) == []
    root, pages = sitemap.read(sharded)
    assert root == "http://127.0.0.1:8000/" and f"{root}cables/2005/05TOKYO1349/" in pages
    assert gzip.decompress(merged["sitemap.xml.gz"]) == merged["sitemap.xml"]
    assert "search/search_index.json" not in merged  # one search: Pagefind


def test_the_steps_run_apart_build_the_same_site(tmp_path, single_site, monkeypatch):
    """As deploy.yml's jobs run them, each from a copy of the work folder: the pages and
    their plan, each shard, then the merge."""
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    cli = [sys.executable, "-m", "cable2md", "site", str(archive(tmp_path)), "-f",
           str(ROOT / "mkdocs.yml"), "--people", str(ROOT / "people.yml")]  # fmt: skip
    planned = tmp_path / "planned"

    def run(*options: str, work: Path = planned) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*cli, "--work", str(work), *options], cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip

    early = run("--merge", work=tmp_path / "empty")
    assert early.returncode == 2 and "--pages-only" in early.stderr
    done = run("--pages-only", "--shards", "3", "--strict")
    assert done.returncode == 0, done.stderr
    assert json.loads((planned / "shards.json").read_text())["shards"] == 3
    assert "pages for 3 shards" in done.stdout
    assert run("--merge", "-d", str(tmp_path / "site")).returncode == 2  # no shard built yet
    jobs = [tmp_path / f"job-{number}" for number in range(3)]
    for job in jobs:  # each shard in a job of its own, from its own copy of the pages
        shutil.copytree(planned, job, symlinks=True)
    shutil.rmtree(planned / "generated")
    for number, job in enumerate(jobs):
        done = run("--shard", str(number), work=job)
        assert done.returncode == 0, done.stderr
        shutil.copytree(job / f"shard-{number}", planned / f"shard-{number}")
    assert run("--shard", "3").returncode == 2
    done = run("--merge", "-d", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert differences(tree(single_site), tree(tmp_path / "site")) == []


def test_search_index_in_parts_finds_every_cable_page(tmp_path, single_site):
    site = tmp_path / "site"
    shutil.copytree(single_site, site)
    index_search(site, pages_per_index=3)
    pages = list(site.glob("cables/*/*/index.html"))
    parts = json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    assert len(pages) == 8 and parts == ["parts/1/", "parts/2/"]
    indexed = 0
    for bundle in [site / "pagefind"] + [site / "pagefind" / part for part in parts]:
        assert (bundle / "pagefind-entry.json").exists()
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        indexed += entry["languages"]["en"]["page_count"]
    assert indexed == len(pages)
    assert not list(site.parent.glob("tmp*")), "the scratch folders were left behind"


def test_site_is_byte_identical_across_folders_and_days(tmp_path, single_site):
    """A second build, in another folder, a year later by the clock, gives the same bytes."""
    assert shutil.which("faketime"), "faketime is missing (make test installs it with apt-get)"
    later = tmp_path / "elsewhere" / "site"
    later.parent.mkdir()
    cables = archive(later.parent)
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from tests.helpers import build_site;"
        "r = build_site(Path(sys.argv[2]), Path(sys.argv[3]));"
        "sys.stdout.write(r.stdout + r.stderr); sys.exit(r.returncode)"
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        ["faketime", "2031-06-15 12:00:00", sys.executable, "-c", script, str(ROOT), str(later), str(cables)],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(tree(single_site), tree(later)) == []


def test_without_site_url_no_page_names_a_local_address(tmp_path):
    """A build that does not know its published address writes no absolute URL (no feed, no
    sitemap, relative canonical links and citations) and says why."""
    site = tmp_path / "site"
    result = build_site(site, ARCHIVE, site_url=None)
    assert result.returncode == 0, result.stderr
    assert "SITE_URL is not set" in result.stderr
    assert not (site / "feed.xml").exists() and not (site / "sitemap.xml").exists()
    written = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in (".html", ".xml", ".json") and b"127.0.0.1" in path.read_bytes()
    ]
    # only the guides that tell a reader to open their own local server name it
    assert sorted(written) == ["contributing/index.html", "deploy/index.html"]
    page = (site / "cables/2005/05TOKYO1349/index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in page and 'type="application/atom+xml"' not in page


def test_the_search_reads_a_cables_text_not_its_tables_or_citing_cables(single_site):
    pages = [page.read_text(encoding="utf-8") for page in single_site.glob("cables/*/*/index.html")]
    body = [page.split("data-pagefind-body", 1)[1] for page in pages]
    assert all("<table>" not in text and "<table data-pagefind-ignore>" in text for text in body)
    cited = [text for text in body if "<h2 id=referenced-by>" in text]
    assert cited, "the fixture archive has a cable that others cite"
    assert all(
        "<h2 id=referenced-by>Referenced by</h2><ul data-pagefind-ignore>" in t for t in cited
    )
