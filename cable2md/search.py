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
``pagefind/parts.json``; the search page merges them (Pagefind's ``mergeIndex``).

Pagefind 1.5 writes its filter indexes in hash-map order, so two runs over the
same pages differ; each bundle is then rewritten in a canonical order (filters
and their values sorted, files named by the hash of their content), which
makes the site reproducible byte for byte.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cbor2

PAGES_PER_INDEX = 8_000
_SIGNATURE = b"pagefind_dcd"


def _pagefind(source: Path, output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
         "--silent"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"pagefind failed on {source}:\n{result.stdout}{result.stderr}")


def _load(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise RuntimeError(f"{path}: not a Pagefind {_SIGNATURE.decode()} file")
    return cbor2.loads(data[len(_SIGNATURE) :])


def _store(folder: Path, language: str, value: list, digits: int, pattern: str) -> str:
    """Write *value* as Pagefind does, named by its content; return the name's hash part."""
    data = _SIGNATURE + cbor2.dumps(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    with gzip.GzipFile(folder / pattern.format(name), "wb", mtime=0) as handle:
        handle.write(data)
    return name


def canonical_bundle(bundle: Path) -> None:
    """Rewrite a Pagefind bundle's filter indexes and metadata in a canonical order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _load(meta_path)
        if not meta or meta[0] != entry["version"] or not isinstance(meta[3], list):
            raise RuntimeError(f"{meta_path}: a Pagefind index format this version cannot read")
        filters = []
        for name, digest in meta[3]:
            path = bundle / "filter" / f"{digest}.pf_filter"
            value = _load(path)
            value[1].sort(key=lambda item: item[0])
            path.unlink()
            filters.append([name, _store(path.parent, language, value, 7, "{}.pf_filter")])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _store(bundle, language, meta, 10, "pagefind.{}.pf_meta")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


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
    for bundle_dir in [bundle, *sorted((bundle / "parts").glob("*"))]:
        canonical_bundle(bundle_dir)
    merged = [f"parts/{number}/" for number in range(1, len(parts))]
    (bundle / "parts.json").write_text(json.dumps(merged), encoding="utf-8")
    return time.perf_counter() - start
