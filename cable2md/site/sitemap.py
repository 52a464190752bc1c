"""The site's sitemap: an index (``sitemap.xml``) of sitemap files of at most 50,000 pages.

The sitemap protocol allows 50,000 URLs (and 50 MB) a file; the whole release's site
has over 550,000 pages, so the pages are listed in ``sitemap-1.xml``, ``sitemap-2.xml``
... and ``sitemap.xml`` lists those files. The index stays small at any size, which
also matters to readers: Material fetches and parses ``sitemap.xml`` on every page
that has an alternate link (the feed's), and a 68 MB list of pages held a browser's
page for 20 s.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

URLS_PER_FILE = 50_000
INDEX = "sitemap.xml"
_PART_RE = re.compile(r"^sitemap-\d+\.xml$")
_URL_RE = re.compile(r"<url>.*?</url>", re.S)
_LOC_RE = re.compile(r"<loc>(.*?)</loc>")
_LASTMOD_RE = re.compile(r"<lastmod>(.*?)</lastmod>")
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def is_sitemap(name: str) -> bool:
    """Whether a file at the site's top is part of the sitemap (written here, not copied)."""
    return name in (INDEX, f"{INDEX}.gz") or bool(_PART_RE.match(name))


def read(site: Path) -> tuple[str, dict[str, str]]:
    """The site's URL as its sitemap index gives it ("" for MkDocs' single list) and the
    pages the sitemap lists: each page's URL -> its ``<url>`` entry."""
    index = site / INDEX
    if not index.exists():
        return "", {}
    root, parts = "", [index.read_text(encoding="utf-8")]
    if "<sitemapindex" in parts[0]:
        files = _LOC_RE.findall(parts[0])
        root = files[0].rsplit("/", 1)[0] + "/" if files and "/" in files[0] else ""
        parts = [(site / loc.rsplit("/", 1)[-1]).read_text(encoding="utf-8") for loc in files]
    urls: dict[str, str] = {}
    for part in parts:
        for entry in _URL_RE.findall(part):
            urls[_LOC_RE.search(entry).group(1)] = " ".join(entry.split())
    return root, urls


def write(site: Path, urls: dict[str, str], site_url: str) -> list[str]:
    """Write *urls* (from :func:`read`) as sitemap files under an index; return the files'
    names. Pages are listed in URL order, so the same pages give the same files."""
    for stale in site.glob("sitemap-*.xml"):
        stale.unlink()
    locs = sorted(urls)
    chunks = [locs[i : i + URLS_PER_FILE] for i in range(0, len(locs), URLS_PER_FILE)] or [[]]
    root = site_url if not site_url or site_url.endswith("/") else f"{site_url}/"
    entries, written = [], []
    for number, chunk in enumerate(chunks, 1):
        name = f"sitemap-{number}.xml"
        body = "".join(f"\n    {urls[loc]}" for loc in chunk)
        (site / name).write_text(f"{_HEAD}<urlset {_NAMESPACE}>{body}\n</urlset>\n", "utf-8")
        dates = [m.group(1) for loc in chunk if (m := _LASTMOD_RE.search(urls[loc]))]
        lastmod = f"<lastmod>{max(dates)}</lastmod>" if dates else ""
        entries.append(f"\n    <sitemap><loc>{root}{name}</loc>{lastmod}</sitemap>")
        written.append(name)
    index = f"{_HEAD}<sitemapindex {_NAMESPACE}>{''.join(entries)}\n</sitemapindex>\n"
    (site / INDEX).write_text(index, encoding="utf-8")
    with gzip.GzipFile(site / f"{INDEX}.gz", "wb", mtime=0) as handle:
        handle.write(index.encode("utf-8"))
    return [*written, INDEX, f"{INDEX}.gz"]
