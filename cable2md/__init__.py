"""cable2md: read U.S. diplomatic cables into typed records and render them as an archive site.

The package is seven layers, each a subpackage that imports only the layers below it
(``make lint`` checks it; docs/architecture.md has the whole map):

- ``parse``: one raw file -> one :class:`Cable` record (read -> furniture -> header ->
  identity -> body -> passages -> people -> record);
- ``archive``: every cable's index row -> the index: people merged, topics, posts, dates,
  related cables;
- ``render``: index + records -> Markdown pages with YAML front matter and data files;
- ``build``: a cables folder -> the generated pages on disk, cached and incremental;
- ``search``: a built site -> its Pagefind index, in parts, with the lexicon;
- ``site``: the MkDocs plugin, feed, sitemap, the fast Markdown path, sharded builds;
- ``intake``: new cables -> checked, added at their place, imported from the release's CSV.

``cli`` is the ``cable2md`` command; ``parallel`` spreads work over processes; ``data/`` holds
the reference data files.
"""

from .parse import Cable, CableError, Defect, parse_bytes, parse_file, parse_source

__all__ = ["Cable", "CableError", "Defect", "parse_bytes", "parse_file", "parse_source"]
