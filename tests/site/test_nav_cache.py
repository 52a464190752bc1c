"""The site's shortcuts change no byte: Material's navigation kept, pages converted directly."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, pass_context
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

import cable2md.site.plugin
from cable2md.site import nav_cache
from cable2md.site.nav_cache import NavCache
from tests.helpers import archive, differences, site_config, tree


def build_in_process(folder: Path, cables: Path) -> Path:
    config_file = site_config(folder / "work", cables, pagefind=False)
    build(load_config(str(config_file), site_dir=str(folder / "site"), strict=True))
    return folder / "site"


def test_the_site_is_the_same_without_the_shortcuts(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    cables = archive(tmp_path)
    caches: list[NavCache] = []
    monkeypatch.setattr(cable2md.site.plugin, "NavCache", lambda: caches.append(NavCache()) or caches[-1])  # fmt: skip
    fast = tree(build_in_process(tmp_path / "fast", cables))
    assert caches and caches[0].reused > 50 and len(caches[0].parts) < 20
    # Material's navigation rendered for every page, every page through Python-Markdown:
    monkeypatch.setattr(
        NavCache,
        "__call__",
        pass_context(lambda self, context, part, variant="", *, caller: caller()),
    )
    monkeypatch.setattr(cable2md.site.plugin, "reproducible", lambda config, own: False)
    slow = tree(build_in_process(tmp_path / "slow", cables))
    assert len(fast) > 100 and differences(fast, slow) == []


COUNT = itertools.count()


def render(cache: NavCache, page: object, nav: SimpleNamespace) -> str:
    env = Environment()
    env.filters["url"] = pass_context(lambda context, value: f"../{value}")
    env.globals.update(outside_nav=cache, count=COUNT.__next__)
    template = env.from_string('{% call outside_nav("part") %}{{ count() }}{% endcall %}')
    config = SimpleNamespace(extra={}, theme={})
    return template.render(page=page, nav=nav, config=config)


def test_pages_outside_the_nav_share_it_and_a_difference_stops_the_build(monkeypatch):
    listed = SimpleNamespace(url="about/")
    nav = SimpleNamespace(pages=[listed], items=[listed], homepage=listed)
    cache = NavCache()
    # The template renders a new number each time: kept for pages outside the nav only.
    assert render(cache, object(), nav) == render(cache, object(), nav)
    assert render(cache, listed, nav) != render(cache, listed, nav)
    monkeypatch.setattr(nav_cache, "CHECK_EVERY", 1)
    with pytest.raises(PluginError, match="differs from the one kept"):
        render(cache, SimpleNamespace(file=SimpleNamespace(src_uri="x.md")), nav)
