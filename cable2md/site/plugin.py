"""The MkDocs plugin: runs ``cable2md build`` before each build and serves its pages.

A thin adapter over :func:`cable2md.build.build` (its settings: :mod:`cable2md.site.config`).
Generated pages are written to a folder outside ``docs_dir`` (so ``mkdocs serve`` never sees
its own output and cannot loop) and handed to MkDocs as files; under ``serve`` the cables
folder and ``people.yml`` are watched, so editing a cable rebuilds its pages. The templates get
the archive's figures (``archive``, :mod:`cable2md.site.home`) and a ``page_url`` filter.
Generated pages are converted to HTML without Python-Markdown when the site's Markdown
extensions allow (:mod:`cable2md.site.fast_markdown.generated_page`), else without the inline
syntaxes they never use (:mod:`cable2md.site.fast_markdown.lean_markdown`).

For the whole release the site is built in shards (``cable2md site``): each
MkDocs process renders one share of the generated pages (``shard: i/n``, or the
environment's ``CABLE2MD_SHARD``) from pages generated once beforehand
(``prebuilt``); links to pages of other shards are still resolved by MkDocs.
"""

from __future__ import annotations

import json
import logging
import os
import re
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import minify_html
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..build import MANIFEST, build
from ..render import SITE_DATA
from ..search import index_search
from . import palette, sitemap
from .config import CablePluginConfig
from .fast_markdown.generated_page import (
    PROVEN_VERSIONS,
    GeneratedPage,
    reproducible,
    unproven_versions,
)
from .fast_markdown.lean_markdown import LeanMarkdown
from .feed import atom_feed
from .home import template_stats
from .icons import STYLESHEET, icon, stylesheet
from .nav_cache import NavCache
from .shard_files import ShardFiles

log = logging.getLogger("mkdocs.plugins.cable2md")


def in_shard(uri: str, shard: tuple[int, int]) -> bool:
    """Whether generated file *uri* belongs to *shard*; files that are not pages go to shard 0."""
    number, count = shard
    if not uri.endswith(".md"):
        return number == 0
    return zlib.crc32(uri.encode()) % count == number


def _nav_uris(nav: Any) -> list[str]:
    """Every page path that the nav config *nav* lists."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [uri for value in nav.values() for uri in _nav_uris(value)]
    if isinstance(nav, list):
        return [uri for item in nav for uri in _nav_uris(item)]
    return []


class CablePlugin(BasePlugin[CablePluginConfig]):
    """``plugins: [cable2md]`` in mkdocs.yml."""

    files: Files
    site: dict[str, Any]

    def __init__(self) -> None:
        super().__init__()
        self.lean_markdown = LeanMarkdown()
        self.fast_pages = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.lean_markdown not in config.markdown_extensions:
            config.markdown_extensions.append(self.lean_markdown)
        self.fast_pages = reproducible(config, self.lean_markdown)
        if self.fast_pages and (unproven := unproven_versions()):
            log.info(
                "cable2md: generated pages go through Python-Markdown: the direct conversion is "
                "proven on %s, not on %s",
                ", ".join(f"{name} {version}.x" for name, version in PROVEN_VERSIONS.items()),
                ", ".join(unproven),
            )
            self.fast_pages = False
        return config

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else Path(config.config_file_path).parent / path

    def _shard(self) -> tuple[int, int] | None:
        value = os.environ.get("CABLE2MD_SHARD") or self.config.shard
        if not value:
            return None
        try:
            number, count = (int(part) for part in value.split("/"))
        except ValueError as error:
            raise PluginError(f"cable2md: shard {value!r} is not of the form i/n") from error
        if not 0 <= number < count:
            raise PluginError(f"cable2md: shard {value!r}: i must be from 0 to n-1")
        return number, count

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        generated = self._path(config, self.config.generated)
        if not self.config.prebuilt:
            report, _ = build(
                self._path(config, self.config.cables),
                generated,
                cache_dir=self._path(config, self.config.cache),
                people_file=self._path(config, self.config.people),
                jobs=self.config.jobs,
            )
            log.info(report.text().splitlines()[0])
            for message in report.rejected:
                log.warning("cable2md: %s", message)
            for path, other in report.duplicates:
                log.info("cable2md: %s has the same text as %s", path, other)
        self.site = json.loads((generated / SITE_DATA).read_text(encoding="utf-8"))
        shard = self._shard()
        edits = self._raw_edit_uris(config)
        # The build's manifest lists what it generated: no walk of a folder of 500,000 files.
        manifest = json.loads((generated / MANIFEST).read_text(encoding="utf-8"))
        # The manifest's paths are already normal: a set spares a path parse per file (550,000
        # files in each shard at the scale of the release).
        hand_written = set(files.src_uris)

        def make(uri: str, inclusion: InclusionLevel) -> File:
            file = File.generated(
                config, uri, abs_src_path=os.path.join(generated, uri), inclusion=inclusion
            )
            file.generated_by = "cable2md"  # also when made outside this event (ShardFiles)
            file.edit_uri = edits.get(uri)
            return file

        pages, elsewhere = [], set()
        for uri in sorted(manifest):
            if uri.rpartition("/")[2].startswith("."):
                continue
            if uri in hand_written:
                continue  # a hand-written page of the same name wins
            if shard and not in_shard(uri, shard):
                elsewhere.add(uri)  # built by another shard; links to it still resolve
                continue
            page = uri.endswith(".md")
            file = make(uri, InclusionLevel.NOT_IN_NAV if page else InclusionLevel.UNDEFINED)
            files.append(file)
            if page:
                pages.append(file)
        if elsewhere:
            files = ShardFiles(files, elsewhere, lambda uri: make(uri, InclusionLevel.EXCLUDED))
        # The site's stylesheet as served: docs/assets/cable.css (when the docs have it), then
        # the icons the templates draw.
        css = ""
        if sheet := files.get_file_from_path(STYLESHEET):
            files.remove(sheet)
            css = Path(sheet.abs_src_path).read_text(encoding="utf-8")
        files.append(
            File.generated(config, STYLESHEET, content=css + stylesheet(config.theme.dirs))
        )
        script = palette.script(config.theme.get("palette"), config.theme.dirs)
        files.append(File.generated(config, palette.SCRIPT, content=script))
        self.files = files
        if "SOURCE_DATE_EPOCH" not in os.environ:
            # The build date (sitemap) is the newest cable's day: the same cables, the same site.
            day = datetime.fromisoformat(self.site["newest_day"]).replace(tzinfo=UTC)
            os.environ["SOURCE_DATE_EPOCH"] = str(int(day.timestamp()))
        if self.fast_pages:
            # After SOURCE_DATE_EPOCH: a page takes its build date when made. A page the nav
            # lists is left for MkDocs to make, with the nav's title.
            in_nav = set(_nav_uris(config.nav or []))
            for file in pages:
                if file.src_uri not in in_nav:
                    GeneratedPage(None, file, config)
        return files

    def _raw_edit_uris(self, config: MkDocsConfig) -> dict[str, str]:
        """For each cable page whose cable is in the repository, the raw file as "edit" target."""
        root = Path(config.config_file_path).parent.resolve()
        cables = self._path(config, self.config.cables).resolve()
        if not cables.is_relative_to(root):
            return {}
        up = os.path.relpath(cables, Path(config.docs_dir).resolve()).replace(os.sep, "/")
        return {page: f"{up}/{source}" for page, source in self.site["sources"].items()}

    def on_page_markdown(
        self, markdown: str, /, *, page, config: MkDocsConfig, files: Files
    ) -> str:
        self.lean_markdown.active = bool(page.file.generated_by)
        return markdown

    def page_url(self, path: str | None) -> str:
        """The site URL (from the site root) of the docs-relative page *path*."""
        found = self.files.get_file_from_path(path) if path else None
        return found.url if found else ""

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["page_url"] = self.page_url
        env.globals["archive"] = template_stats(self.site, self.page_url)
        env.globals["outside_nav"] = NavCache()
        env.globals["icon"] = icon
        # "theme/..." is the theme's own template where overrides/ has one of the same name.
        theme = [folder for folder in config.theme.dirs if folder != config.theme.custom_dir]
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"theme": FileSystemLoader(theme)})])
        return env

    def on_post_page(self, output: str, /, *, page, config: MkDocsConfig) -> str:
        return _minify(_without_unused_components(output))

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # The 404 page is a static template, which on_post_page never sees.
        return _minify(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if config.site_url:
            feed = atom_feed(self.site, config.site_url, config.site_name, self.page_url)
            (site / "feed.xml").write_text(feed, encoding="utf-8")
            sitemap.write(site, sitemap.read(site)[1], config.site_url)
        else:  # a feed and a sitemap hold absolute URLs only: none is better than a wrong one
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site / name).unlink(missing_ok=True)
            if not self._shard():
                log.info(
                    "cable2md: SITE_URL is not set, so the site has no feed.xml and no sitemap, "
                    "and its canonical links and citations are relative; set SITE_URL to the "
                    "published address (https://...) to build them"
                )
        if self.config.pagefind and not self._shard():  # a sharded site is indexed once merged
            seconds = index_search(site)
            log.info("cable2md: search index (Pagefind) built in %.1f s", seconds)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:
        server.watch(str(self._path(config, self.config.cables)))
        people = self._path(config, self.config.people)
        if people.exists():
            server.watch(str(people))
        return server


# Material's base template writes these on every page; its script mounts them only when they
# are there. The announcement bar is empty on this site; the dialog says "Copied to clipboard"
# for a code block's copy button, which only pages with code have (main.html's config block).
_ANNOUNCE_RE = re.compile(r'<div data-md-component="announce">\s*</div>')
_DIALOG_RE = re.compile(
    r'<div class="md-dialog" data-md-component="dialog">\s*'
    r'<div class="md-dialog__inner md-typeset"></div>\s*</div>'
)


def _without_unused_components(html: str) -> str:
    html = _ANNOUNCE_RE.sub("", html, count=1)
    if '"content.code.copy"' not in html:
        html = _DIALOG_RE.sub("", html, count=1)
    return html


def _minify(html: str) -> str:
    # The templates' indentation is a quarter of a page's bytes, on every page of the site,
    # and the end tags HTML lets a page leave out (</p>, </li>, </td>) go with it.
    return minify_html.minify(html, keep_html_and_head_opening_tags=True)
