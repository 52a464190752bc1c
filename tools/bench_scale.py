"""The archive at the size of the release (``make bench``): one table row per archive size.

Usage: python tools/bench_scale.py [--sizes 1000,20000] [--work DIR] [--rebuild-limit N]

For each size N, on a synthetic archive (tools/synth.py) that also holds the seed:

- import: the archive written as the release's cables.csv, then ``cable2md import``;
- convert: ``cable2md build`` from cold (parse + index + every generated page);
- site: ``cable2md site --no-search`` (MkDocs in shards, merged), pages/s;
- anchor: the same generated Markdown built by Hugo with a minimal layout (tools/hugo_site.py),
  pages/s and peak memory beside the site's;
- search: Pagefind over the merged site; index size; the bytes a browser fetches
  from page load to the first results of a query (raw, and as gzip would send them);
- weight (tools/weight.py): the site's bytes per cable, a cable page's template, a person
  page of one cable, and a cold load of the seed's page in Chromium, each beside its target;
- incremental: one cable added, ``cable2md build`` again (files it rewrote);
  for N <= --rebuild-limit, the full site again too.

Every figure is wall time and the peak memory (PSS) of the whole process
tree. Rows are kept in ``WORK/scale.jsonl``, so the table printed at the end
also shows sizes measured by earlier runs (e.g. 251,000 run in the background).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import json
import math
import os
import re
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import weight  # noqa: E402
from bench import Run, measured  # noqa: E402
from hugo_site import hugo_build  # noqa: E402
from synth import generate  # noqa: E402

CABLE2MD = str(ROOT / ".venv" / "bin" / "cable2md")
SEED = ROOT / "cables" / "2005" / "05TOKYO1349.txt"
QUERIES = ("Bandung", "minister")  # a rare word (the seed's) and a common one
GIB = 2**30


def write_release_csv(cables: Path, target: Path) -> int:
    """The archive in the release's CSV shape (backslash-escaped quotes, multi-line fields)."""
    count = 0
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, doublequote=False, escapechar="\\", quoting=csv.QUOTE_ALL)
        for path in sorted(cables.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            header, _, body = text.partition("\n\n")
            count += 1
            writer.writerow([count, f"01/01/{path.parent.name} 00:00", path.stem, "", "", "", header, body])  # fmt: skip
    return count


def _check(run: Run, what: str) -> Run:
    if run.code:
        raise SystemExit(f"bench: {what} failed (exit {run.code})\n{run.out[-2000:]}")
    # Each step's figures as soon as it ends: a 251k run takes hours and may be stopped.
    print(f"  {what}: {run.seconds:,.1f} s, peak {run.peak / 2**20:,.0f} MiB", flush=True)
    return run


def first_query_bytes(site: Path, word: str, every_part: bool = False) -> tuple[int, int, int]:
    """Bytes fetched under /pagefind/ from opening the search page to the first results of
    *word* (raw, and gzip-compressed as a web server would send the text files), and the
    number of results; with *every_part*, as the reader who ticked "Search all parts" gets them."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from conftest import CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    bodies: dict[str, bytes] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)  # fmt: skip
            page = browser.new_page()
            page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())

            def keep(response) -> None:
                if "/pagefind/" in response.url:
                    # A redirect or an aborted fetch has no body.
                    with contextlib.suppress(Exception):
                        bodies[response.url] = response.body()

            page.on("response", keep)
            page.goto(f"{url}search/?query={word}{'&all=1' if every_part else ''}")
            message = page.locator(".pagefind-ui__message")
            message.filter(has_text="result").wait_for(timeout=120_000)
            page.wait_for_load_state("networkidle")
            found = re.search(r"([\d,]+) results?", message.inner_text())
            results = int(found.group(1).replace(",", "")) if found else 0
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    raw = sum(len(body) for body in bodies.values())
    compressed = sum(
        len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6))
        for body in bodies.values()
    )
    return raw, compressed, results


def cold_load_bytes(site: Path) -> dict[str, int]:
    """The bytes of a first visit to the seed's page (tools/weight.py), raw and as sent."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from conftest import CABLE_PAGE, CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            raw, sent, requested = weight.cold_load(browser, f"{url}{CABLE_PAGE}")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"raw": raw, "sent": sent, "requests": len(requested)}


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def bench_size(work: Path, size: int, rebuild_limit: int) -> dict:
    base = work / f"scale-{size}"
    cables, build_work = base / "cables", base / "work"
    row: dict = {
        "cables": size,
        "measured": datetime.now(UTC).strftime("%Y-%m-%d"),
        "memory": "pss",
    }
    if not cables.exists():
        start = time.perf_counter()
        generate(cables, size)
        (cables / "2005").mkdir(exist_ok=True)
        shutil.copyfile(SEED, cables / "2005" / SEED.name)
        row["generate_s"] = time.perf_counter() - start
    csv_file, imported = base / "cables.csv", base / "imported"
    rows = write_release_csv(cables, csv_file)
    shutil.rmtree(imported, ignore_errors=True)
    run = _check(measured([CABLE2MD, "import", str(csv_file), "--cables", str(imported)]), "import")  # fmt: skip
    row.update(import_s=run.seconds, import_rss=run.peak, import_rows=rows,
               import_files=sum(1 for _ in imported.rglob("*.txt")))  # fmt: skip
    shutil.rmtree(imported)
    csv_file.unlink()

    shutil.rmtree(build_work, ignore_errors=True)
    generated, cache = build_work / "generated", build_work / "cache"
    run = _check(measured([CABLE2MD, "build", str(cables), str(generated), "--cache", str(cache)]), "build")  # fmt: skip
    row.update(convert_s=run.seconds, convert_rss=run.peak, files=_size(generated)[0])

    site = base / "site"
    site_command = [CABLE2MD, "site", str(cables), "-d", str(site), "--work", str(build_work),
                    "-f", str(ROOT / "mkdocs.yml"), "--people", str(ROOT / "people.yml")]  # fmt: skip
    run = _check(measured([*site_command, "--no-search"]), "site")
    shards = re.search(r"(\d+) shards", run.out)
    row.update(site_s=run.seconds, site_rss=run.peak, shards=int(shards.group(1)) if shards else 0,
               pages=sum(1 for _ in site.rglob("index.html")))  # fmt: skip
    if shutil.which("hugo"):
        hugo, hugo_pages = hugo_build(generated, base)
        row.update(hugo_s=hugo.seconds, hugo_rss=hugo.peak, hugo_pages=hugo_pages)
        shutil.rmtree(base / "hugo")
        shutil.rmtree(base / "hugo-site")
    run = _check(measured([CABLE2MD, "search", str(site)]), "search")
    files, total = _size(site / "pagefind")
    row.update(search_s=run.seconds, search_rss=run.peak, search_files=files, search_bytes=total)
    for word in QUERIES:
        raw, compressed, results = first_query_bytes(site, word)
        row[f"query_{word}"] = {"raw": raw, "gzip": compressed, "results": results}
    raw, compressed, results = first_query_bytes(site, QUERIES[1], every_part=True)
    row[f"query_{QUERIES[1]}_all"] = {"raw": raw, "gzip": compressed, "results": results}
    row["weight"] = {**weight.summary(site, size), "cold_load": cold_load_bytes(site)}

    extra = base / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    generate(extra, 1, seed=size + 99)
    new = next(extra.rglob("*.txt"))
    added = cables / new.parent.name / f"{new.stem}9.txt"  # an id no other cable has
    added.parent.mkdir(exist_ok=True)
    post, number = re.fullmatch(r"\d\d([A-Z]+)(\d+)", new.stem).groups()
    text = new.read_text(encoding="utf-8")
    for old, renamed in ((f"{post}{number}", f"{post}{number}9"),
                         (f"{post} {int(number):06d}", f"{post} {int(number + '9'):06d}")):  # fmt: skip
        text = text.replace(old, renamed)
    added.write_text(text, encoding="utf-8")
    run = _check(measured([CABLE2MD, "build", str(cables), str(generated), "--cache", str(cache)]), "rebuild")  # fmt: skip
    # The build's summary goes to stderr when it rejected a file (the generator's id collisions).
    written = re.search(r"wrote (\d+) files", run.out + run.err)
    row.update(add_s=run.seconds, add_written=int(written.group(1)) if written else -1)
    if size <= rebuild_limit:
        run = _check(measured([*site_command, "--no-search"]), "site rebuild")
        row["site_rebuild_s"] = run.seconds
    added.unlink()
    return row


def table(rows: list[dict]) -> str:
    def mib(value: int) -> str:
        return f"{value / 2**20:,.0f} MiB"

    lines = [
        "| cables | convert (cold) | site: pages, time, pages/s, peak memory | Pagefind: time, memory, index | "
        "first query, raw / gzip (rare; common word; common word in all parts) | one cable added | import |",
        "|---:|---|---|---|---|---|---|",
    ]
    for row in sorted(rows, key=lambda r: r["cables"]):
        rare, common = (row[f"query_{w}"] for w in QUERIES)
        every = row.get(f"query_{QUERIES[1]}_all")  # not measured before the search page had it
        every_part = (
            f"; {every['raw'] / 1024:,.0f} / {every['gzip'] / 1024:,.0f} KB" if every else ""
        )
        rebuild = (
            f"; full site again {row['site_rebuild_s']:.0f} s" if "site_rebuild_s" in row else ""
        )
        lines.append(
            f"| {row['cables']:,} ({row['measured']}{'' if row.get('memory') == 'pss' else '; memory as summed RSS'}) "
            f"| {row['convert_s']:.0f} s, {row['cables'] / row['convert_s']:,.0f} cables/s, {mib(row['convert_rss'])} "
            f"| {row['pages']:,} pages in {row['shards']} shards, {row['site_s'] / 60:.1f} min, "
            f"{row['pages'] / row['site_s']:,.0f} pages/s, {mib(row['site_rss'])} "
            f"| {row['search_s']:.0f} s, {mib(row['search_rss'])}, {row['search_bytes'] / 2**20:,.0f} MiB in {row['search_files']:,} files "
            f"| {rare['raw'] / 1024:,.0f} / {rare['gzip'] / 1024:,.0f} KB; {common['raw'] / 1024:,.0f} / {common['gzip'] / 1024:,.0f} KB{every_part} "
            f"| {row['add_s']:.1f} s, {row['add_written']} files rewritten{rebuild} "
            f"| {row['import_files']:,} of {row['import_rows']:,} rows in {row['import_s']:.0f} s, {mib(row['import_rss'])} |"
        )  # fmt: skip
    lines += [
        "",
        f"| cables | site per cable (target {weight.PER_CABLE // 1024} KB at 20,000) "
        f"| cable page outside its article, median / max (target {weight.OUTSIDE_ARTICLE // 1024} KB) "
        f"| person page of one cable, median / max (target {weight.ONE_CABLE_PERSON // 1024} KB) "
        f"| cold load of a cable page, sent (gzip) / raw (target {weight.COLD_LOAD // 1024} KB) |",
        "|---:|---|---|---|---|",
    ]
    for row in sorted(rows, key=lambda r: r["cables"]):
        if "weight" not in row:  # measured before the weight figures existed
            continue
        w, cold = row["weight"], row["weight"]["cold_load"]
        lines.append(
            f"| {row['cables']:,} | {w['per_cable'] / 1024:,.1f} KB "
            f"| {w['outside_median'] / 1024:.1f} / {w['outside_max'] / 1024:.1f} KB "
            f"| {w['person_median'] / 1024:.1f} / {w['person_max'] / 1024:.1f} KB ({w['person_pages']:,} pages) "
            f"| {cold['sent'] / 1024:,.0f} / {cold['raw'] / 1024:,.0f} KB in {cold['requests']} requests |"
        )  # fmt: skip
    lines += [
        "",
        "| cables | cable2md site (full pages): pages/s, peak memory | Hugo (title and content): pages/s, peak memory |",
        "|---:|---|---|",
    ]
    for row in sorted(rows, key=lambda r: r["cables"]):
        if "hugo_s" not in row:  # measured before the anchor existed, or without hugo
            continue
        lines.append(
            f"| {row['cables']:,} | {row['pages'] / row['site_s']:,.0f} pages/s, {mib(row['site_rss'])} "
            f"| {row['hugo_pages'] / row['hugo_s']:,.0f} pages/s ({row['hugo_pages']:,} pages), {mib(row['hugo_rss'])} |"
        )  # fmt: skip
    # A row put together from steps run apart (the 251,000-cable one) says how.
    lines += [f"\n{row['cables']:,}: {row['note']}" for row in rows if row.get("note")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--rebuild-limit", type=int, default=20_000)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = args.work / "scale.jsonl"
    for size in (int(s) for s in args.sizes.split(",") if s):
        print(f"scale: {size:,} cables", flush=True)
        row = bench_size(args.work, size, args.rebuild_limit)
        with results.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(row) + "\n")
        print(f"scale: {size:,} cables measured", flush=True)
    latest: dict[int, dict] = {}
    if results.exists():
        for line in results.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            latest[row["cables"]] = row
    print(f"cable2md at scale on {os.cpu_count()} cores, {math.ceil(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / GIB)} GiB")  # fmt: skip
    print(table(list(latest.values())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
