"""Built site -> its cable search index (Pagefind), with facets, in parts of bounded size.

Pagefind indexes the pages that mark their text ``data-pagefind-body`` (the
cable pages) with the filters the cable template writes: classification,
post, year and TAGS. Its index is split in small chunks a browser fetches as
a query needs them.

Pagefind holds a whole index in memory while it builds it (about 0.6 MB a
cable page: 12 GiB for 20,000), so a large archive is indexed in parts of at
most ``pages_per_index`` cable pages, one after the other, each from a folder
of hard links to its pages. The first part is ``pagefind/`` (where the search
page loads Pagefind from), the others ``pagefind/parts/<n>/``, listed in
``pagefind/parts.json``, with a lexicon (``cable2md.search.lexicon``) saying which parts
hold which word: the search page merges only those (Pagefind's ``mergeIndex``).
``pagefind/coverage.json`` gives each part's years and number of cables (the parts follow the
cables' paths, so they run from the oldest cables to the newest): the search page first searches
the newest part holding the words, and names what a search of all parts would add.

Pagefind 1.5 writes its filter indexes in hash-map order, so two runs over the
same pages differ; each bundle is then rewritten in a canonical order (filters
and their values sorted, files named by the hash of their content), which
makes the site reproducible byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..parallel import chunks, fork_map
from .lexicon import write_lexicon
from .pagefind_format import drop_paragraph_text, load, read_entry, store

# A first query fetches one part's page metadata, filter lists and the word's index chunk
# (about 50 bytes a page, gzip, for a common word) beside Pagefind's scripts (127 KB): parts of
# 2,000 pages keep it under 300 KB. Merging every part costs the same bytes whatever their size
# (the scripts and WebAssembly load once).
PAGES_PER_INDEX = 2_000

# Pagefind writes its user interfaces into every bundle; the search page loads them from the
# first part (``pagefind/``), and from the other parts only their index and Pagefind's engine.
_INTERFACES = (
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
)


def _pagefind(source: Path, output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
         "--silent"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"pagefind failed on {source}:\n{result.stdout}{result.stderr}")


def canonical_bundle(bundle: Path) -> None:
    """Rewrite a Pagefind bundle's filter indexes and metadata in a canonical order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = read_entry(bundle)
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = load(meta_path)
        if not meta or meta[0] != entry["version"] or not isinstance(meta[3], list):
            raise RuntimeError(f"{meta_path}: a Pagefind index format this version cannot read")
        filters = []
        for name, digest in meta[3]:
            path = bundle / "filter" / f"{digest}.pf_filter"
            value = load(path)
            value[1].sort(key=lambda item: item[0])
            path.unlink()
            filters.append([name, store(path.parent, language, value, 7, "{}.pf_filter")])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = store(bundle, language, meta, 10, "pagefind.{}.pf_meta")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _drop_paragraph_text(_shared: None, paths: list[Path]) -> None:
    for path in paths:
        drop_paragraph_text(path)


def _linked(site: Path, pages: list[str], folder: Path) -> Path:
    """A folder holding (hard links to) only *pages*, at their places in *site*."""
    for page in pages:
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:  # another file system
            shutil.copyfile(site / page, target)
    return folder


def _coverage(parts: list[list[str]]) -> list[dict[str, object]]:
    # A cable page is cables/<year>/<id>/index.html.
    years = [[page.split("/")[1] for page in part] for part in parts]
    return [{"from": min(y), "to": max(y), "cables": len(y)} for y in years]


def index_search(site: Path, pages_per_index: int = PAGES_PER_INDEX) -> float:
    """Index the cable pages of *site* with Pagefind; return the seconds it took."""
    start = time.perf_counter()
    bundle = site / "pagefind"
    shutil.rmtree(bundle, ignore_errors=True)
    pages = sorted(p.relative_to(site).as_posix() for p in site.glob("cables/*/*/index.html"))
    parts = [pages[i : i + pages_per_index] for i in range(0, len(pages), pages_per_index)]
    if len(parts) <= 1:
        _pagefind(site, bundle)
    else:
        with tempfile.TemporaryDirectory(dir=site.parent) as scratch:
            for number, part in enumerate(parts):
                source = _linked(site, part, Path(scratch) / str(number))
                output = bundle if number == 0 else Path(scratch) / f"out-{number}"
                _pagefind(source, output)
                shutil.rmtree(source)
            for number in range(1, len(parts)):
                (bundle / "parts").mkdir(exist_ok=True)
                os.replace(Path(scratch) / f"out-{number}", bundle / "parts" / str(number))
                for path in (bundle / "parts" / str(number)).iterdir():
                    if path.name.startswith(_INTERFACES):
                        path.unlink()
    bundles = [bundle, *(bundle / "parts" / str(number) for number in range(1, len(parts)))]
    for bundle_dir in bundles:
        canonical_bundle(bundle_dir)
    fragments = [path for folder in bundles for path in (folder / "fragment").iterdir()]
    for _ in fork_map(_drop_paragraph_text, chunks(fragments, 500), None, len(fragments), None):
        pass
    # Written for one part too: the search page tells from it that no cable holds a word.
    write_lexicon(bundles, bundle / "lexicon")
    merged = [f"parts/{number}/" for number in range(1, len(parts))]
    (bundle / "parts.json").write_text(json.dumps(merged), encoding="utf-8")
    (bundle / "coverage.json").write_text(json.dumps(_coverage(parts)), encoding="utf-8")
    return time.perf_counter() - start
