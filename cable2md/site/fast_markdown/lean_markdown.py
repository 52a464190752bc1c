"""Python-Markdown for generated pages: without the inline syntaxes they never use.

Python-Markdown tries every inline pattern on every run of text: on a cable page that is
most of its time, and most of MkDocs' time per page. A generated page's own syntax is links,
bold, raw HTML spans and character references (``attr_list`` and the blocks aside); the
cable text in it has every other syntax character escaped (:mod:`cable2md.render.escape`). So the
patterns below can never match there, and leaving them out changes no byte of the HTML
(``tests/site/test_lean_markdown.py`` converts pages both ways). Hand-written pages keep them all.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

UNUSED_INLINE = (
    "backtick", "escape", "reference", "image_link", "image_reference", "short_reference",
    "short_image_ref", "autolink", "automail", "linebreak",
)  # fmt: skip


class LeanMarkdown(Extension):
    """Drops :data:`UNUSED_INLINE` from the Markdown of the pages it is :attr:`active` for.

    MkDocs makes one ``Markdown`` per page, after ``on_page_markdown``: the plugin sets
    ``active`` there for the page about to be converted.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.active = False

    def extendMarkdown(self, md: Markdown) -> None:
        if self.active:
            for name in UNUSED_INLINE:
                md.inlinePatterns.deregister(name, strict=False)
