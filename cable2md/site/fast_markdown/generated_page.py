"""MkDocs pages for generated Markdown: converted by :mod:`.page_html` when they can be.

The plugin makes a :class:`GeneratedPage` of each generated page that the site's nav does not
list, when the site's Markdown extensions are those :mod:`.page_html` reproduces. Its
:meth:`~GeneratedPage.render` sets what MkDocs' own sets (content, table of contents, anchors,
links to anchors), with every link turned and checked by MkDocs' own code; a page outside the
converted part goes through Python-Markdown as any page does.
"""

from __future__ import annotations

import logging
from importlib import metadata

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

from . import page_html

# MkDocs' render keeps the links to anchors unless its own module's logger shows debug messages.
pages_log = logging.getLogger("mkdocs.structure.pages")

# Python-Markdown's extensions whose HTML page_html reproduces (MkDocs adds the first three),
# and the settings of theirs it reproduces.
REPRODUCED_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"})  # fmt: skip
REPRODUCED_SETTINGS = {"toc": {"permalink": False}}


# The versions (major.minor) whose HTML page_html is proven to reproduce byte for byte by the
# tests of tests/site/, and whose private class _RelativePathTreeprocessor GeneratedPage uses;
# pyproject.toml pins the same.
PROVEN_VERSIONS = {"markdown": "3.11", "mkdocs": "1.6"}


def unproven_versions() -> list[str]:
    """The installed packages of :data:`PROVEN_VERSIONS` whose version is another, as
    ``"markdown 3.12.0"``: with any, generated pages go through Python-Markdown."""
    found = []
    for package, proven in PROVEN_VERSIONS.items():
        installed = metadata.version(package)
        if installed.split(".")[:2] != proven.split("."):
            found.append(f"{package} {installed}")
    return found


def reproducible(config: MkDocsConfig, own: object) -> bool:
    """Whether *config*'s Markdown is the Markdown :mod:`.page_html` reproduces
    (*own*: the plugin's extension, which only leaves out patterns generated pages never use)."""
    names = [name for name in config.markdown_extensions if name is not own]
    if not all(isinstance(name, str) and name in REPRODUCED_EXTENSIONS for name in names):
        return False
    settings = {name: value for name, value in (config.mdx_configs or {}).items() if value}
    return all(REPRODUCED_SETTINGS.get(name) == value for name, value in settings.items())


class GeneratedPage(Page):
    """A generated page: its HTML made without Python-Markdown when it can be."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or "title" not in self.meta:
            super().render(config, files)
            return
        # MkDocs' own link rewriting: the same URLs, the same warnings for broken links.
        links = _RelativePathTreeprocessor(self.file, files, config)
        converted = page_html.convert(self.markdown, links.path_to_url)
        if converted is None:
            super().render(config, files)
            return
        self.content = converted.html
        tokens = [
            {"level": heading.level, "id": heading.id, "name": heading.name, "html": heading.html,
             "data-toc-label": ""}
            for heading in converted.headings
        ]  # fmt: skip
        self.toc = get_toc(nest_toc_tokens(tokens))
        first = converted.headings[0] if converted.headings else None
        opens_with_title = first and first.level == 1 and converted.html.startswith("<h1 ")
        self._title_from_render = first.name if opens_with_title else None
        self.present_anchor_ids = set(converted.ids)
        if pages_log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = links.links_to_anchors
