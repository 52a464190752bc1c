"""The MkDocs plugin: runs ``cable2md build`` before each build and serves its pages.

A thin adapter over :func:`cable2md.build.build`. Generated pages are written to
a folder outside ``docs_dir`` (so ``mkdocs serve`` never sees its own output and
cannot loop) and handed to MkDocs as files; under ``serve`` the cables folder
and ``people.yml`` are watched, so editing a cable rebuilds its pages. The
templates get the archive's figures (``archive``) and a ``page_url`` filter.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import paths
from .archive import Index, cable_year
from .build import build
from .feed import atom_feed
from .stats import archive_stats

log = logging.getLogger("mkdocs.plugins.cable2md")


class CablePluginConfig(Config):
    cables = c.Type(str, default="cables")
    generated = c.Type(str, default=".cache/cable2md/docs")
    cache = c.Type(str, default=".cache/cable2md")
    people = c.Type(str, default="people.yml")
    jobs = c.Optional(c.Type(int))


class CablePlugin(BasePlugin[CablePluginConfig]):
    """``plugins: [cable2md]`` in mkdocs.yml."""

    index: Index
    files: Files

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else Path(config.config_file_path).parent / path

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        generated = self._path(config, self.config.generated)
        report, self.index = build(
            self._path(config, self.config.cables),
            generated,
            cache_dir=self._path(config, self.config.cache),
            people_file=self._path(config, self.config.people),
            jobs=self.config.jobs,
        )
        log.info(report.summary().splitlines()[0])
        for message in report.rejected:
            log.warning("cable2md: %s", message)
        for path, other in report.duplicates:
            log.info("cable2md: %s has the same text as %s", path, other)
        edits = self._raw_edit_uris(config)
        for source in sorted(
            p for p in generated.rglob("*") if p.is_file() and not p.name.startswith(".")
        ):
            uri = source.relative_to(generated).as_posix()
            if files.get_file_from_path(uri) is None:
                inclusion = (
                    InclusionLevel.NOT_IN_NAV if uri.endswith(".md") else InclusionLevel.UNDEFINED
                )
                file = File.generated(config, uri, abs_src_path=str(source), inclusion=inclusion)
                file.edit_uri = edits.get(uri)
                files.append(file)
        self.files = files
        if "SOURCE_DATE_EPOCH" not in os.environ:
            # The build date (sitemap, feed) is the newest cable's day: same cables, same site.
            newest = max(
                (c.date or f"{cable_year(c)}-01-01" for c in self.index.cables.values()),
                default="1970-01-01",
            )
            epoch = datetime.fromisoformat(newest).replace(tzinfo=UTC).timestamp()
            os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))
        return files

    def _raw_edit_uris(self, config: MkDocsConfig) -> dict[str, str]:
        """For each cable page inside the repository, its raw cable as the "edit" target."""
        root = Path(config.config_file_path).parent.resolve()
        cables = self._path(config, self.config.cables).resolve()
        if not cables.is_relative_to(root):
            return {}
        up = os.path.relpath(cables, Path(config.docs_dir).resolve()).replace(os.sep, "/")
        return {
            paths.cable(ident, cable_year(cable)): f"{up}/{cable.source}"
            for ident, cable in self.index.cables.items()
        }

    def page_url(self, path: str | None) -> str:
        """The site URL (from the site root) of the docs-relative page *path*."""
        found = self.files.get_file_from_path(path) if path else None
        return found.url if found else ""

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["page_url"] = self.page_url
        env.globals["archive"] = archive_stats(self.index, self.page_url)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        feed = atom_feed(self.index, config.site_url or "", config.site_name, self.page_url)
        (Path(config.site_dir) / "feed.xml").write_text(feed, encoding="utf-8")

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:
        server.watch(str(self._path(config, self.config.cables)))
        people = self._path(config, self.config.people)
        if people.exists():
            server.watch(str(people))
        return server
