"""Layer 5, site: the generated pages -> the static site, with MkDocs and Material.

``plugin`` is the MkDocs plugin (its settings in ``config``): it runs the build, hands the
generated pages to MkDocs, and writes the feed (``feed``), the sitemap (``sitemap``) and the
search index. ``home`` gives the templates the home page's figures; ``nav_cache`` renders the
navigation once for the generated pages; ``fast_markdown`` converts generated pages without
Python-Markdown where it is proven to give the same bytes; ``icons`` and ``palette`` move
Material's icons and colour-scheme switch out of every page into files the browser keeps.
``shards`` builds a large archive in MkDocs processes run in parallel (``shard_files``) and
merges them (``cable2md site``), all at once or a step at a time (``plan_pages``,
``build_one_shard``, ``merge_shards``: one job each in a CI matrix).
``publish`` checks a built site against GitHub Pages' limits or syncs it to an object store.
"""

from .plugin import CablePlugin
from .publish import PublishError, Synced, pages_problems, sync
from .shards import build_one_shard, build_site, merge_shards, plan_pages

__all__ = [
    "CablePlugin",
    "PublishError",
    "Synced",
    "build_one_shard",
    "build_site",
    "merge_shards",
    "pages_problems",
    "plan_pages",
    "sync",
]
