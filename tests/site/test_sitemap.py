"""The sitemap: an index of files of at most URLS_PER_FILE pages, small at any size."""

from __future__ import annotations

import gzip

from cable2md.site import sitemap

ROOT = "https://example.org/archive/"


def _entry(path: str, day: str) -> str:
    return f"<url> <loc>{ROOT}{path}</loc> <lastmod>{day}</lastmod> </url>"


PAGES = {
    f"{ROOT}{path}": _entry(path, day)
    for path, day in [
        ("", "2010-02-01"), ("about/", "2010-02-01"), ("cables/2005/05TOKYO1349/", "2005-03-02"),
        ("people/carol-reynolds/", "2009-01-05"), ("topics/prel/", "2010-02-01"),
    ]
}  # fmt: skip


def test_pages_past_a_file_go_to_further_files_under_a_small_index(tmp_path, monkeypatch):
    monkeypatch.setattr(sitemap, "URLS_PER_FILE", 2)
    written = sitemap.write(tmp_path, PAGES, ROOT)
    assert written == [
        "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml", "sitemap.xml.gz"
    ]  # fmt: skip
    index = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<url>" not in index and index.count("<sitemap>") == 3
    assert f"<loc>{ROOT}sitemap-2.xml</loc><lastmod>2009-01-05</lastmod>" in index
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).decode() == index
    first = (tmp_path / "sitemap-1.xml").read_text(encoding="utf-8")
    assert first.count("<url>") == 2 and f"<loc>{ROOT}</loc>" in first  # URL order
    assert sitemap.read(tmp_path) == (ROOT, PAGES)


def test_a_rewrite_leaves_no_file_of_the_last_one(tmp_path, monkeypatch):
    monkeypatch.setattr(sitemap, "URLS_PER_FILE", 2)
    sitemap.write(tmp_path, PAGES, ROOT)
    fewer = dict(list(PAGES.items())[:2])
    sitemap.write(tmp_path, fewer, ROOT)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "sitemap-1.xml", "sitemap.xml", "sitemap.xml.gz"
    ]  # fmt: skip
    assert sitemap.read(tmp_path) == (ROOT, fewer)


def test_mkdocs_single_list_is_read_and_made_an_index(tmp_path):
    entries = "".join(f"\n    <url>\n  {entry[5:-6]}\n    </url>" for entry in PAGES.values())
    (tmp_path / "sitemap.xml").write_text(
        f'<?xml version="1.0"?>\n<urlset xmlns="x">{entries}\n</urlset>', encoding="utf-8"
    )
    assert sitemap.read(tmp_path) == ("", PAGES)
    sitemap.write(tmp_path, sitemap.read(tmp_path)[1], ROOT.rstrip("/"))
    assert sitemap.read(tmp_path) == (ROOT, PAGES)
    assert sitemap.is_sitemap("sitemap-12.xml") and not sitemap.is_sitemap("sitemap-x.xml")
