"""Material's navigation and header tools, rendered once for the pages outside the nav that
link to it alike.

Material renders the whole navigation on every page, which is more than a third of the time
its templates take on a generated page, and the header's palette, search and source widgets.
A page outside the nav (every generated page but the few the nav lists) has no active item in
it, so these parts differ from another page's only by the relative URLs of their links: the
nav's pages and links, the home page and the logo. The templates (``partials/nav.html`` and
``partials/header.html`` in overrides) ask a :class:`NavCache` for each part, which renders it
once for each distinct set of those URLs. Every ``CHECK_EVERY``-th time it renders it again
and compares, so a part that depends on more than those URLs (another version of Material)
stops the build instead of reaching the site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.exceptions import PluginError

CHECK_EVERY = 997


def _nav_urls(items: list[Any]) -> Iterator[str]:
    for item in items:
        if getattr(item, "url", None) is not None:
            yield item.url
        yield from _nav_urls(getattr(item, "children", None) or [])


class NavCache:
    """A Jinja global: ``{% call outside_nav("nav") %}...{% endcall %}`` around a part."""

    def __init__(self) -> None:
        self.parts: dict[tuple[str, ...], str] = {}
        self.reused = 0
        self._urls: tuple[Any, list[str]] | None = None  # (nav, its URLs)

    def _targets(self, context: Context) -> list[str]:
        nav, config = context["nav"], context["config"]
        if self._urls is None or self._urls[0] is not nav:
            homepage = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else "")
            logo = config.theme.get("logo") or ""
            self._urls = nav, [homepage, logo, *_nav_urls(nav.items)]
        return self._urls[1]

    @pass_context
    def __call__(
        self, context: Context, part: str, variant: str = "", *, caller: Callable[[], str]
    ) -> str:
        """The *part* of this page, one per set of link URLs and *variant* (what else the part
        shows: the way in a page is under)."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or not nav or any(page is listed for listed in nav.pages):
            return caller()
        url = context.environment.filters["url"]
        key = (part, variant, *(url(context, target) for target in self._targets(context)))
        kept = self.parts.get(key)
        if kept is None:
            kept = self.parts[key] = caller()
            return kept
        self.reused += 1
        if self.reused % CHECK_EVERY == 0 and caller() != kept:
            raise PluginError(
                f"cable2md: the {part} of {page.file.src_uri} differs from the one kept for "
                "pages with the same links: it depends on more than its links' URLs"
            )
        return kept
