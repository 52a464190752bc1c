"""The ``cable2md`` command: parse | build | check | add | import | manifest | site | publish |
search.

Each subcommand is one small function over a layer's public API, imported inside it (so
``cable2md parse`` never loads MkDocs); errors print as ``path:line:col: message`` on
standard error and set the exit code.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path


def iter_cable_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """The ``.txt`` files named or found under the directories named, in path order, found as
    they are due: one folder's names are held at a time, never the whole archive's paths."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from _walk(str(path))
        else:
            yield path


def _walk(folder: str) -> Iterator[Path]:
    # Entries sorted by name, folders entered where they sort: the order of sorted(rglob()).
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if entry.is_dir():
            yield from _walk(entry.path)
        elif entry.name.endswith(".txt") and entry.is_file():
            yield Path(entry.path)


def _parse_command(args: argparse.Namespace) -> int:
    from .intake import parse_records

    status = 0
    first = True
    out = sys.stdout
    if args.format == "json":
        out.write("[")
    for parsed in parse_records(
        iter_cable_files(args.paths), args.format, strict=args.strict, jobs=args.jobs
    ):
        for defect in parsed.defects:
            print(defect, file=sys.stderr)
        if parsed.error is not None:
            print(parsed.error, file=sys.stderr)
            status = 1
            continue
        if args.format == "yaml":
            import yaml

            yaml.safe_dump(parsed.record, out, allow_unicode=True, sort_keys=False,
                           explicit_start=not first)  # fmt: skip
        elif args.format == "json":
            out.write(("\n" if first else ",\n") + str(parsed.record))
        else:
            out.write(f"{parsed.record}\n")
        first = False
    if args.format == "json":
        out.write("]\n" if first else "\n]\n")
    return status


def _build_command(args: argparse.Namespace) -> int:
    from .build import build

    # One build and the process ends: the cyclic collector, enabled again after the build,
    # would only walk the archive's millions of objects once more (docs/performance.md).
    gc.disable()
    report, _ = build(
        Path(args.cables),
        Path(args.docs),
        cache_dir=None if args.no_cache else Path(args.cache),
        people_file=Path(args.people),
        jobs=args.jobs,
    )
    print(report.text(), file=sys.stderr if report.rejected else sys.stdout)
    return 1 if args.strict and report.rejected else 0


def _check_command(args: argparse.Namespace) -> int:
    from .intake import check_file, describe, markdown_summary

    reports = [check_file(path, Path(args.cables)) for path in iter_cable_files(args.files)]
    for report in reports:
        if args.format == "github":
            for problem in report.problems:
                print(problem.github())
        else:
            print("\n".join(describe(report)))
            for problem in report.problems:
                print("  " + problem.text())
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_summary(reports))
    failed = sum(1 for report in reports if not report.ok)
    print(f"cable2md check: {len(reports)} files, {failed} with errors", file=sys.stderr)
    return 1 if failed or not reports else 0


def _add_command(args: argparse.Namespace) -> int:
    from .intake import add_files

    added, notes, problems = add_files(
        [Path(p) for p in args.files],
        Path(args.cables),
        ident=args.id,
        accept_guess=args.accept_guess,
    )
    for message in notes + problems:
        print(message, file=sys.stderr)
    print(f"cable2md add: {len(added)} added, {len(problems)} not added", file=sys.stderr)
    if not added:
        return 1
    args.files = [str(p) for p in added]
    return _check_command(args) or (1 if problems else 0)


def _import_command(args: argparse.Namespace) -> int:
    from .intake import import_csv

    report = import_csv(Path(args.csv), Path(args.cables))
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(
        f"cable2md import: {report.written} cables written, {report.unchanged} unchanged, {len(report.problems)} records skipped"
    )
    return 1 if report.problems else 0


def _site_command(args: argparse.Namespace) -> int:
    from .site import build_one_shard, build_site, merge_shards, plan_pages

    work = Path(args.work)
    try:
        if args.pages_only:
            plan = plan_pages(
                Path(args.cables), config_file=Path(args.config), work=work,
                shards=args.shards, jobs=args.jobs, people=Path(args.people),
            )  # fmt: skip
            print(f"{plan.build.text()}\ncable2md site: pages for {plan.shards} shards in {work}")
            return 1 if args.strict and plan.build.rejected else 0
        if args.shard is not None:
            seconds = build_one_shard(work, args.shard)
            print(f"cable2md site: shard {args.shard} built in {seconds:.0f} s")
            return 0
        if args.merge:
            files, seconds = merge_shards(work, Path(args.site), search=not args.no_search)
            indexed = f", search index {seconds:.0f} s" if seconds else ""
            print(f"cable2md site: {files} files merged into {args.site}{indexed}")
            return 0
    except RuntimeError as error:
        print(f"cable2md site: {error}", file=sys.stderr)
        return 2
    report = build_site(
        Path(args.cables),
        Path(args.site),
        config_file=Path(args.config),
        work=Path(args.work),
        shards=args.shards,
        jobs=args.jobs,
        people=Path(args.people),
        search=not args.no_search,
    )
    print(report.text())
    return 1 if args.strict and report.build.rejected else 0


def _search_command(args: argparse.Namespace) -> int:
    from .search import index_search

    site = Path(args.site)
    if not (site / "search" / "index.html").exists():
        print(
            f"cable2md search: {site} is not a built site (no search/index.html)", file=sys.stderr
        )
        return 2
    seconds = index_search(site, args.pages_per_index)
    print(f"cable2md search: {site / 'pagefind'} written in {seconds:.0f} s")
    return 0


def _publish_command(args: argparse.Namespace) -> int:
    from .site import PublishError, pages_problems, sync

    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"cable2md publish: {site} is not a built site (no index.html)", file=sys.stderr)
        return 2
    if args.to == "pages":
        problems = pages_problems(site)
        for problem in problems:
            print(f"cable2md publish: {problem}", file=sys.stderr)
        if not problems:
            print(f"cable2md publish: {site} fits GitHub Pages' limits")
        return 1 if problems else 0
    try:
        done = sync(site, args.to)
    except PublishError as error:
        print(f"cable2md publish: {error}", file=sys.stderr)
        return 1
    print(f"cable2md publish: {site} -> {args.to}: {done.text()}")
    return 0


def _manifest_command(args: argparse.Namespace) -> int:
    from .intake import manifest

    cables = Path(args.cables)
    if args.write:
        path, count = manifest.write(cables, iter_cable_files([cables]))
        print(f"cable2md manifest: {path} written ({count:,} cables)")
        return 0
    checked = manifest.check(cables, iter_cable_files([cables]))
    if not checked.exists:
        print(f"cable2md manifest: no {checked.path}: write it with `cable2md manifest --write`", file=sys.stderr)  # fmt: skip
        return 1
    for change in checked.changes:
        print(f"{cables / change}", file=sys.stderr)
    if checked.changes:
        print(
            f"cable2md manifest: {len(checked.changes)} published address(es) would change. If "
            "that is right, run `cable2md manifest --write` and commit cables/manifest.tsv in "
            "this pull request: each old address then sends readers to the new page",
            file=sys.stderr,
        )
        return 1
    print(f"cable2md manifest: {checked.cables:,} cables, no address changed ({checked.new} new)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from .search import PAGES_PER_INDEX

    parser = argparse.ArgumentParser(
        prog="cable2md", description="Read diplomatic cables into records and an archive site."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="parse cables and print their records")
    parse.add_argument("paths", nargs="+", metavar="PATH", help="cable files or folders of them")
    parse.add_argument("--format", choices=("json", "jsonl", "yaml"), default="json")
    parse.add_argument("--strict", action="store_true", help="fail on defects as well as errors")
    parse.add_argument(
        "--jobs", type=int, default=None, help="parser processes (default: all cores)"
    )
    parse.set_defaults(run=_parse_command)

    build = commands.add_parser(
        "build", help="write the archive's Markdown pages from a folder of cables"
    )
    build.add_argument(
        "cables", nargs="?", default="cables", help="folder of raw cables (default: cables)"
    )
    build.add_argument("docs", nargs="?", default="docs", help="MkDocs docs folder (default: docs)")
    build.add_argument("--strict", action="store_true", help="exit 1 when any cable is rejected")
    build.add_argument(
        "--people", default="people.yml", help="curated people file (default: people.yml)"
    )
    build.add_argument("--cache", default=".cache/cable2md", help="parse cache folder")
    build.add_argument("--no-cache", action="store_true", help="parse every cable again")
    build.add_argument(
        "--jobs", type=int, default=None, help="parser processes (default: all cores)"
    )
    build.set_defaults(run=_build_command)

    check = commands.add_parser(
        "check", help="check new or changed cable files before they join the archive"
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="cable files or folders of them")
    check.add_argument(
        "--cables", default="cables", help="the archive's cables folder (default: cables)"
    )
    check.add_argument(
        "--format", choices=("text", "github"), default="text", help="github: workflow annotations"
    )
    check.add_argument(
        "--summary",
        metavar="PATH",
        help="append a Markdown summary to PATH (e.g. $GITHUB_STEP_SUMMARY)",
    )
    check.set_defaults(run=_check_command)

    add = commands.add_parser(
        "add", help="copy cables to their canonical place in the archive, then check them"
    )
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument(
        "--cables", default="cables", help="the archive's cables folder (default: cables)"
    )
    add.add_argument("--format", choices=("text", "github"), default="text")
    add.add_argument("--summary", metavar="PATH", help=argparse.SUPPRESS)
    add.add_argument("--id", help="the cable's id, when its text gives no date (04MADRID2164)")
    add.add_argument(
        "--accept-guess",
        action="store_true",
        help="keep an id whose year the parser guessed from the text",
    )
    add.set_defaults(run=_add_command)

    imp = commands.add_parser(
        "import", help="split the release's cables.csv into one file per cable"
    )
    imp.add_argument("csv", metavar="CABLES.CSV")
    imp.add_argument(
        "--cables", default="cables", help="the archive's cables folder (default: cables)"
    )
    imp.set_defaults(run=_import_command)

    site = commands.add_parser(
        "site", help="build the whole site in shards (for very large archives)"
    )
    site.add_argument("cables", nargs="?", default="cables")
    site.add_argument("-d", "--site", default="site", help="output folder (default: site)")
    site.add_argument("-f", "--config", default="mkdocs.yml")
    site.add_argument(
        "--work", default=".cache/cable2md/site", help="folder for generated pages and shards"
    )
    site.add_argument(
        "--shards",
        type=int,
        default=0,
        help="MkDocs processes the pages are split over (default: by the number of pages)",
    )
    site.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="shards built at a time"
    )
    site.add_argument("--people", default="people.yml")
    site.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
    site.add_argument("--strict", action="store_true", help="exit 1 when any cable is rejected")
    # The steps one at a time, each in a job of its own (deploy.yml's matrix over the shards).
    stage = site.add_mutually_exclusive_group()
    stage.add_argument(
        "--pages-only", action="store_true",
        help="only generate the pages into --work and plan the shards (shards.json)",
    )  # fmt: skip
    stage.add_argument(
        "--shard", type=int, metavar="N", help="only build shard N of the pages planned in --work"
    )
    stage.add_argument(
        "--merge", action="store_true",
        help="only merge the shards built in --work into the site, then index it for search",
    )  # fmt: skip
    site.set_defaults(run=_site_command)

    manifest = commands.add_parser(
        "manifest",
        help="check that no cable's id or address changed (cables/manifest.tsv), or --write it",
    )
    manifest.add_argument("--cables", default="cables", help="the archive's cables folder")
    manifest.add_argument(
        "--write", action="store_true", help="write the manifest (old addresses kept as moved)"
    )
    manifest.set_defaults(run=_manifest_command)

    publish = commands.add_parser(
        "publish",
        help="check a built site against GitHub Pages' limits, or sync it to an object store",
    )
    publish.add_argument("site", nargs="?", default="site", help="built site (default: site)")
    publish.add_argument(
        "--to",
        required=True,
        metavar="pages|REMOTE:BUCKET/PATH",
        help="'pages': exit 1 when the site is over GitHub Pages' limits; an rclone remote: "
        "rclone sync --checksum to it (docs/deploy.md)",
    )
    publish.set_defaults(run=_publish_command)

    search = commands.add_parser(
        "search", help="index a built site's cables for search (Pagefind), in parts if large"
    )
    search.add_argument("site", nargs="?", default="site", help="built site (default: site)")
    search.add_argument(
        "--pages-per-index",
        type=int,
        default=PAGES_PER_INDEX,
        help=f"cable pages per Pagefind index part (default: {PAGES_PER_INDEX:,})",
    )
    search.set_defaults(run=_search_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `cable2md parse ... | head`: the reader has what it wanted
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
