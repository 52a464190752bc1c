"""Layer 5, site: the generated pages -> the static site, with MkDocs and Material.

``plugin`` is the MkDocs plugin (its settings in ``config``): it runs the build, hands the
generated pages to MkDocs, and writes the feed (``feed``), the sitemap (``sitemap``) and the
search index. ``home`` gives the templates the home page's figures; ``nav_cache`` renders the
navigation once for the generated pages; ``fast_markdown`` converts generated pages without
Python-Markdown where it is proven to give the same bytes. ``shards`` builds a large archive
in MkDocs processes run in parallel (``shard_files``) and merges them (``cable2md site``).
``publish`` checks a built site against GitHub Pages' limits or syncs it to an object store.
"""

from .plugin import CablePlugin
from .publish import PublishError, Synced, pages_problems, sync
from .shards import build_site

__all__ = ["CablePlugin", "PublishError", "Synced", "build_site", "pages_problems", "sync"]
