"""Cables -> the whole static site, in shards that build independently and merge into one.

``cable2md site`` is how an archive the size of the whole release (251,000
cables) is built on one machine: one MkDocs process would need ~30 GiB there.
Steps, in order:

1. generate the pages once (:func:`cable2md.build.build`), in a child process;
2. build *n* shards with MkDocs, *jobs* at a time: each renders its share of
   the generated pages from them (``CABLE2MD_SHARD=i/n``, ``prebuilt`` in its config)
   into its own folder; links into other shards resolve all the same;
3. merge the shards into one site: a file built by several shards (theme files,
   hand-written pages, the feed) must be the same in each; the sitemaps are joined;
4. index the cable pages for search with Pagefind, with facets for
   classification, post, year and TAGS.

The steps also run apart, each in a job of its own (a GitHub Actions matrix over the shards,
``.github/workflows/deploy.yml``): :func:`plan_pages` (step 1; the work folder then holds
the pages and ``shards.json``), :func:`build_one_shard` (step 2 for one shard, from a copy
of that folder) and :func:`merge_shards` (steps 3 and 4, from the shards' folders).
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from ..build import MANIFEST, Report, build
from ..search import index_search
from . import sitemap

# A shard of 27,500 pages peaked at 1.2 GiB (20,000-cable archive); 30,000 keeps two shards
# at a time under 8 GiB with the whole release's files known to each.
PAGES_PER_SHARD = 30_000


@dataclass
class SiteReport:
    build: Report
    shards: list[float] = field(default_factory=list)  # seconds each shard took
    files: int = 0
    search_seconds: float = 0.0

    def text(self) -> str:
        times = ", ".join(f"{seconds:.0f} s" for seconds in self.shards)
        return (
            f"{self.build.text()}\n"
            f"cable2md site: {len(self.shards)} shards ({times}), {self.files} files merged"
            + (f", search index {self.search_seconds:.0f} s" if self.search_seconds else "")
        )


def _config(
    root: Path, config_file: Path, cables: Path, generated: Path, cache: Path, people: Path
) -> Path:
    """A config that inherits *config_file* and points the plugin at prebuilt pages."""
    plugin = {"cables": str(cables), "generated": str(generated), "cache": str(cache),
              "people": str(people), "prebuilt": True}  # fmt: skip
    derived = {
        "INHERIT": str(config_file.resolve()),
        "docs_dir": str((config_file.parent / "docs").resolve()),
        "theme": {
            "name": "material",
            "custom_dir": str((config_file.parent / "overrides").resolve()),
        },
        "plugins": [{"cable2md": plugin}],
    }
    path = root / "mkdocs-shard.yml"
    text = json.dumps(derived, indent=1)  # JSON is YAML
    # Shards of one work folder build at once from this file: it is written only when a
    # copy of the folder moved elsewhere needs other paths, never while one reads it.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def _build_child(
    send: Connection, cables: Path, generated: Path, cache: Path, people: Path
) -> None:
    try:
        report, _ = build(cables, generated, cache_dir=cache, people_file=people)
        send.send(report)
    except BaseException as error:
        send.send(error)
        raise


def _build_apart(cables: Path, generated: Path, cache: Path, people: Path) -> Report:
    """:func:`build` in a child process: the archive index (4 GiB at 251,000 cables) goes
    back to the system when the child ends, instead of staying with this process while the
    MkDocs shards run."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_build_child, args=(send, cables, generated, cache, people))
    child.start()
    send.close()
    try:
        outcome = receive.recv()
    except EOFError:
        outcome = RuntimeError(f"the build of the pages ended with exit code {child.exitcode}")
    child.join()
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _build_shard(config: Path, number: int, count: int, out: Path) -> float:
    env = {**os.environ, "CABLE2MD_SHARD": f"{number}/{count}"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(out)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"shard {number}/{count} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def _merge(shards: list[Path], site: Path) -> int:
    """Move the shards' files into *site*; shared files must agree; sitemaps are joined."""
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    urls: dict[str, str] = {}
    site_url, moved = "", 0
    for shard in shards:
        root, listed = sitemap.read(shard)
        site_url = site_url or root
        urls.update(listed)
        moved += _move_tree(shard, site, top=True)
        shutil.rmtree(shard)
    return moved + (len(sitemap.write(site, urls, site_url)) if urls else 0)


def _move_tree(source: Path, target: Path, *, top: bool = False) -> int:
    """Move what *source* holds into *target*; return the number of files moved.

    A folder *target* lacks moves whole, in one rename: each shard's pages sit in folders
    no other shard has, so a site of 800,000 files merges in a few thousand renames."""
    moved = 0
    for entry in sorted(os.scandir(source), key=lambda entry: entry.name):
        if top and entry.is_file() and sitemap.is_sitemap(entry.name):
            continue
        destination = target / entry.name
        if entry.is_dir():
            if destination.is_dir():
                moved += _move_tree(Path(entry.path), destination)
            else:
                moved += _count_files(entry.path)
                os.replace(entry.path, destination)
        elif destination.exists():
            if destination.read_bytes() != Path(entry.path).read_bytes():
                raise RuntimeError(f"shards disagree on {destination}")
        else:
            os.replace(entry.path, destination)
            moved += 1
    return moved


def _count_files(folder: str) -> int:
    return sum(_count_files(entry.path) if entry.is_dir() else 1 for entry in os.scandir(folder))


def auto_shards(generated: Path, jobs: int) -> int:
    """Enough shards to keep each MkDocs process near PAGES_PER_SHARD pages (its memory grows
    with the pages it renders), and at least one per job once there is work to share."""
    manifest = json.loads((generated / MANIFEST).read_text(encoding="utf-8"))
    pages = sum(1 for uri in manifest if uri.endswith(".md"))
    return max(math.ceil(pages / PAGES_PER_SHARD), min(jobs, math.ceil(pages / 2_000)), 1)


PLAN = "shards.json"  # in the work folder: how many shards the pages are split over


@dataclass(frozen=True)
class Plan:
    """The pages generated in *work*, to be built in *shards* shards."""

    build: Report
    work: Path
    shards: int


def plan_pages(
    cables: Path, *, config_file: Path, work: Path, shards: int, jobs: int, people: Path
) -> Plan:
    """Step 1: generate the pages into *work* and decide the shards (*shards*, or by the
    number of pages when below 1); ``shards.json`` records the decision for the later steps."""
    # The shards' config lives in *work*: every path it names must be absolute.
    cables, work, people = (p.resolve() for p in (cables, work, people))
    work.mkdir(parents=True, exist_ok=True)
    generated, cache = work / "generated", work / "cache"
    report = _build_apart(cables, generated, cache, people)
    if shards < 1:
        shards = auto_shards(generated, jobs)
    _config(work, config_file, cables, generated, cache, people)
    # What a shard's job needs to write its own config (build_one_shard).
    inputs = {"cables": str(cables), "config": str(config_file.resolve()), "people": str(people)}
    (work / PLAN).write_text(json.dumps({"shards": shards, **inputs}) + "\n", encoding="utf-8")
    return Plan(report, work, shards)


def _plan(work: Path) -> dict:
    plan = work / PLAN
    if not plan.exists():
        raise RuntimeError(
            f"{work} holds no planned pages ({PLAN} is missing): run `cable2md site "
            "--pages-only` with this --work folder first"
        )
    return json.loads(plan.read_text(encoding="utf-8"))


def planned_shards(work: Path) -> int:
    """The number of shards :func:`plan_pages` decided for *work*."""
    return int(_plan(work)["shards"])


def _shard_folder(work: Path, number: int) -> Path:
    return work / f"shard-{number}"


def build_one_shard(work: Path, number: int) -> float:
    """Step 2 for shard *number* of the plan in *work*: its pages into ``work/shard-N``;
    the seconds it took."""
    work = work.resolve()
    plan = _plan(work)
    count = int(plan["shards"])
    if not 0 <= number < count:
        raise RuntimeError(f"shard {number}: the plan in {work} has shards 0 to {count - 1}")
    # The config names this work folder's pages: a job's copy of the folder may sit elsewhere.
    config = _config(
        work, Path(plan["config"]), Path(plan["cables"]), work / "generated", work / "cache",
        Path(plan["people"]),
    )  # fmt: skip
    out = _shard_folder(work, number)
    shutil.rmtree(out, ignore_errors=True)
    return _build_shard(config, number, count, out)


def merge_shards(work: Path, site: Path, *, search: bool = True) -> tuple[int, float]:
    """Steps 3 and 4: the shards of the plan in *work* merged into *site*, then indexed for
    search; the number of files merged and the seconds the index took."""
    work = work.resolve()
    outs = [_shard_folder(work, number) for number in range(planned_shards(work))]
    if missing := [out.name for out in outs if not out.is_dir()]:
        raise RuntimeError(f"{work} lacks {', '.join(missing)}: build them with --shard N first")
    files = _merge(outs, site.resolve())
    return files, (index_search(site) if search else 0.0)


def build_site(
    cables: Path,
    site: Path,
    *,
    config_file: Path,
    work: Path,
    shards: int,
    jobs: int,
    people: Path,
    search: bool = True,
) -> SiteReport:
    """Generate the pages, build them in *shards* MkDocs processes, merge, and index search."""
    plan = plan_pages(
        cables, config_file=config_file, work=work, shards=shards, jobs=jobs, people=people
    )
    result = SiteReport(plan.build)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        numbers = range(plan.shards)
        result.shards = list(pool.map(lambda n: build_one_shard(plan.work, n), numbers))
    result.files, result.search_seconds = merge_shards(plan.work, site, search=search)
    return result
