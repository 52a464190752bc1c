"""Merging the shards of a site: folders move whole, shared files must agree, sitemaps join."""

from __future__ import annotations

from pathlib import Path

import pytest

from cable2md.site import sitemap
from cable2md.site.shards import _merge

ROOT_URL = "https://example.org/"


def shard(folder: Path, files: dict[str, str], pages: list[str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    # As each shard's plugin writes it: an index of sitemap files.
    urls = {f"{ROOT_URL}{page}": f"<url><loc>{ROOT_URL}{page}</loc></url>" for page in pages}
    sitemap.write(folder, urls, ROOT_URL)
    return folder


def files_under(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in folder.rglob("*")
        if path.is_file() and not sitemap.is_sitemap(path.name)
    }


def test_shards_merge_into_one_site(tmp_path):
    one = shard(
        tmp_path / "one",
        {"assets/site.css": "body {}", "cables/2005/05TOKYO1349/index.html": "Tokyo",
         "index.html": "home"},
        ["cables/2005/05TOKYO1349/"],
    )  # fmt: skip
    two = shard(
        tmp_path / "two",
        {"assets/site.css": "body {}", "cables/2005/05SEOUL2/index.html": "Seoul",
         "cables/2006/06ROME3/index.html": "Rome", "index.html": "home"},
        ["cables/2005/05SEOUL2/", "cables/2006/06ROME3/"],
    )  # fmt: skip
    site = tmp_path / "site"
    written = _merge([one, two], site)
    assert files_under(site) == {
        "assets/site.css": "body {}",
        "cables/2005/05TOKYO1349/index.html": "Tokyo",
        "cables/2005/05SEOUL2/index.html": "Seoul",
        "cables/2006/06ROME3/index.html": "Rome",
        "index.html": "home",
    }
    root, pages = sitemap.read(site)
    assert root == ROOT_URL and sorted(pages) == [
        f"{ROOT_URL}cables/2005/05SEOUL2/",
        f"{ROOT_URL}cables/2005/05TOKYO1349/",
        f"{ROOT_URL}cables/2006/06ROME3/",
    ]
    sitemap_files = sorted(p.name for p in site.iterdir() if sitemap.is_sitemap(p.name))
    assert written == 5 + len(sitemap_files)  # each file once, the shared ones not twice
    assert not one.exists() and not two.exists()


def test_shards_that_disagree_on_a_shared_file_fail_naming_it(tmp_path):
    one = shard(tmp_path / "one", {"assets/site.css": "body {}"}, [])
    two = shard(tmp_path / "two", {"assets/site.css": "body { color: red }"}, [])
    with pytest.raises(RuntimeError, match=r"shards disagree on .*assets/site\.css"):
        _merge([one, two], tmp_path / "site")
