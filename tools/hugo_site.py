"""Generated Markdown -> the same pages built by Hugo, as the anchor for the site's speed
(``make bench``: tools/bench_scale.py runs it beside ``cable2md site``).

Hugo (Debian's package) gets the very files ``cable2md build`` wrote, with a minimal layout
written here: each page's title and its Markdown converted, nothing else (no navigation, no
search, no theme). Hugo files a folder's ``index.md`` as a leaf bundle whose sibling pages
would become resources, so the content folder is a tree of hard links with ``index.md``
named ``_index.md``; the front matter's ``tags`` is this archive's, so Hugo's taxonomies are
off. Links between the pages stay as written (``.md``): speed is what is compared.

Usage: python tools/hugo_site.py GENERATED [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import Run, measured

CONFIG = """\
baseURL = "http://127.0.0.1/"
title = "Hugo anchor"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
[markup.goldmark.renderer]
unsafe = true
[frontmatter]
date = [":default"]
"""

# One layout for every page and section: the title, then the page's Markdown as HTML.
LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""


def hugo_tree(generated: Path, work: Path) -> Path:
    """A Hugo project in *work* whose content is *generated* (hard links, ``_index.md``)."""
    project = work / "hugo"
    shutil.rmtree(project, ignore_errors=True)
    content = project / "content"
    for folder, _dirs, files in os.walk(generated):
        relative = Path(folder).relative_to(generated)
        if any(part.startswith(".") for part in relative.parts):
            continue
        (content / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            if not name.endswith(".md"):
                continue
            target = content / relative / ("_index.md" if name == "index.md" else name)
            os.link(Path(folder) / name, target)
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(LAYOUT, encoding="utf-8")
    (project / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    return project


def hugo_build(generated: Path, work: Path) -> tuple[Run, int]:
    """Hugo over *generated*: the run (wall time, peak memory) and the pages it wrote."""
    project = hugo_tree(generated, work)
    out = work / "hugo-site"
    shutil.rmtree(out, ignore_errors=True)
    run = measured(["hugo", "--quiet", "--source", str(project), "--destination", str(out)])
    if run.code:
        raise RuntimeError(f"hugo failed:\n{run.out}\n{run.err}")
    return run, sum(1 for _ in out.rglob("*.html"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("generated", type=Path)
    parser.add_argument("--work", type=Path, default=Path(".cache/bench/hugo"))
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    run, pages = hugo_build(args.generated, args.work)
    print(f"hugo: {pages:,} pages in {run.seconds:.1f} s ({pages / run.seconds:,.0f} pages/s), "
          f"peak memory (PSS) {run.peak / 2**20:,.0f} MiB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
