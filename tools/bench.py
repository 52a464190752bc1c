"""Speed and memory figures (``make bench``); nothing here asserts, it prints.

Usage: python tools/bench.py [parse] [build] [site] [--sizes 1000,5000] [--work DIR]

- parse: throughput of the parser over >= 10,000 parses of synthetic cables, on all cores,
  and on one core; then the ``cable2md parse --format jsonl`` command over 1,000 and 5,000
  cables (files read, records written), with its peak memory;
- build: ``cable2md build`` over 10,000 synthetic cables (cables/s, no cache),
  then the time of a rebuild after one cable changes and after one is added;
- site: the full site (convert + ``mkdocs build``) for each size: wall time and
  the peak memory (PSS) of the whole process tree.

Synthetic archives come from tools/synth.py (structures of real cables recombined).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from synth import generate  # noqa: E402

from cable2md.build import build  # noqa: E402
from cable2md.parse import parse_bytes  # noqa: E402

PARSES = 10_000


def _proc_kib(path: str, field: str) -> int | None:
    """The value in KiB of *field* (``Pss:``, ``VmRSS:``) in the /proc file *path*."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _memory(pid: int) -> int:
    """The proportional set size of *pid* (bytes): each shared page divided between the
    processes sharing it, so forked workers are not counted with their parent's pages over
    again (their summed RSS is up to 2.3 times the memory in use at 251,000 cables)."""
    kib = _proc_kib(f"/proc/{pid}/smaps_rollup", "Pss:")
    if kib is None:
        kib = _proc_kib(f"/proc/{pid}/status", "VmRSS:")
    return (kib or 0) * 1024


def _tree_rss(pid: int) -> int:
    """Memory in use (bytes, PSS) by a process and all its descendants."""
    total = 0
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    stack = [pid]
    while stack:
        current = stack.pop()
        total += _memory(current)
        stack += children.get(current, [])
    return total


@dataclass
class Run:
    seconds: float
    peak: int  # bytes, the whole process tree
    code: int
    out: str
    err: str


def measured(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run *command*, sampling the memory (PSS) of its process tree five times a second for
    its first minute, then once a second: reading the PSS of processes of several GiB costs
    the kernel a walk of their page tables, a quarter of a core at five a second, which a
    run of hours would pay out of the time it measures."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.2 if time.perf_counter() - start < 60 else 1.0)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = process.communicate()
    done.set()
    watcher.join()
    if process.returncode:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return Run(
        time.perf_counter() - start,
        peak,
        process.returncode,
        out.decode(errors="replace"),
        err.decode(errors="replace"),
    )


def _parse_chunk(paths: list[str]) -> int:
    for path in paths:
        parse_bytes(Path(path).read_bytes(), path)
    return len(paths)


def bench_parse(work: Path) -> None:
    cables = work / "parse-cables"
    if not cables.exists():
        generate(cables, 2_500)
    files = sorted(str(p) for p in cables.rglob("*.txt"))
    jobs = [files[i % len(files)] for i in range(PARSES)]
    workers = os.cpu_count() or 1
    chunks = [jobs[i : i + 250] for i in range(0, len(jobs), 250)]
    _parse_chunk(files[:200])  # warm the caches of this process
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        total = sum(pool.map(_parse_chunk, chunks))
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    _parse_chunk(files[:1000])
    one_core = 1000 / (time.perf_counter() - start)
    size = sum(Path(f).stat().st_size for f in files) / len(files)
    print(f"parse: {total} parses of {len(files)} synthetic cables (mean {size / 1024:.1f} KiB) "
          f"on {workers} cores: {total / elapsed:,.0f} cables/s ({elapsed:.1f} s); one core {one_core:,.0f} cables/s")  # fmt: skip


def bench_parse_command(work: Path, sizes: tuple[int, ...] = (1_000, 5_000)) -> None:
    """``cable2md parse --format jsonl`` as a user runs it: files read, records streamed to
    /dev/null, on all cores; peak memory (PSS) of its process tree, which must not grow with
    the number of files."""
    for count in sizes:
        cables = work / f"cli-{count}"
        if not cables.exists():
            generate(cables, count)
        command = f"exec {sys.executable} -m cable2md parse {cables} --format jsonl > /dev/null"
        run = measured(["sh", "-c", command], cwd=ROOT)
        print(f"parse command: {count:,} cables to JSONL on {os.cpu_count()} cores: "
              f"{count / run.seconds:,.0f} cables/s ({run.seconds:.1f} s), "
              f"peak {run.peak / 2**20:,.0f} MiB PSS")  # fmt: skip


def bench_build(work: Path, count: int = 10_000) -> None:
    cables = work / f"build-{count}"
    if not cables.exists():
        generate(cables, count)
    docs, cache = work / f"build-{count}-docs", work / f"build-{count}-cache"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    report, _ = build(cables, docs, cache_dir=cache)
    cold = time.perf_counter() - start
    print(
        f"build: {report.cables} cables -> {report.written} files in {cold:.1f} s: {report.cables / cold:,.0f} cables/s (cold, parse included)"
    )
    start = time.perf_counter()
    again, _ = build(cables, docs, cache_dir=cache)
    print(
        f"build: unchanged rebuild {time.perf_counter() - start:.1f} s ({again.written} files written)"
    )
    target = sorted(cables.rglob("*.txt"))[count // 2]
    target.write_text(
        target.read_text(encoding="utf-8").replace("\n\n", "\n\nEdited. ", 1), encoding="utf-8"
    )
    start = time.perf_counter()
    changed, _ = build(cables, docs, cache_dir=cache)
    print(f"build: rebuild after one cable changed {time.perf_counter() - start:.1f} s "
          f"({changed.parsed} parsed, {changed.written} files written)")  # fmt: skip
    extra = work / "extra"
    generate(extra, 1, seed=99)
    new = next(extra.rglob("*.txt"))
    (cables / new.parent.name).mkdir(exist_ok=True)
    shutil.copyfile(new, cables / new.parent.name / new.name)
    start = time.perf_counter()
    added, _ = build(cables, docs, cache_dir=cache)
    print(f"build: rebuild after one cable added {time.perf_counter() - start:.1f} s "
          f"({added.parsed} parsed, {added.written} files written)")  # fmt: skip


def bench_site(work: Path, sizes: list[int]) -> None:
    for size in sizes:
        cables = work / f"site-{size}"
        if not cables.exists():
            generate(cables, size)
        out = work / f"site-{size}-html"
        generated = work / f"site-{size}-generated"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(generated, ignore_errors=True)
        config = work / f"mkdocs-{size}.yml"
        config.write_text(
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
            f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
            f"plugins:\n  - cable2md:\n      cables: {cables}\n      generated: {generated}\n"
            f"      cache: {work / f'site-{size}-cache'}\n",
            encoding="utf-8",
        )
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        run = measured(
            [str(ROOT / ".venv/bin/mkdocs"), "build", "-q", "-f", str(config), "-d", str(out)], env
        )
        pages = sum(1 for _ in out.rglob("index.html"))
        seconds, peak = run.seconds, run.peak
        status = "" if run.code == 0 else f" (exit {run.code})"
        print(f"site: {size:,} cables -> {pages:,} pages in {seconds:.0f} s ({pages / seconds:.0f} pages/s), "
              f"peak memory (PSS) {peak / 2**20:,.0f} MiB{status}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", default=["parse", "build", "site"])
    parser.add_argument("--sizes", default="1000,5000", help="archive sizes for the site benchmark")
    parser.add_argument(
        "--work", type=Path, help="folder for synthetic archives (kept between runs)"
    )
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="cable2md-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cable2md bench on {os.cpu_count()} cores, work folder {work}")
    if "parse" in args.parts:
        bench_parse(work)
        bench_parse_command(work)
    if "build" in args.parts:
        bench_build(work)
    if "site" in args.parts:
        bench_site(work, [int(s) for s in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
