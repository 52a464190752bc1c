"""Generated pages converted without the inline syntaxes they never use give the same HTML."""

from __future__ import annotations

import markdown
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from cable2md.site.fast_markdown.lean_markdown import UNUSED_INLINE, LeanMarkdown
from tests.helpers import ROOT, site_pages


def converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    """Python-Markdown as the site's config sets it up, in full and lean."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    lean = LeanMarkdown()
    lean.active = True
    return tuple(
        markdown.Markdown(
            extensions=[*config.markdown_extensions, *extra], extension_configs=config.mdx_configs
        )
        for extra in ([], [lean])
    )


def test_lean_markdown_leaves_the_unused_patterns_out():
    full, lean = converters()
    assert set(UNUSED_INLINE) <= set(full.inlinePatterns._data)
    assert not set(UNUSED_INLINE) & set(lean.inlinePatterns._data)
    assert "link" in lean.inlinePatterns and "html" in lean.inlinePatterns


def test_every_generated_page_converts_the_same_lean(tmp_path):
    docs, uris = site_pages(tmp_path)  # the fixtures, the seed and the hostile cables
    pages = [docs / uri for uri in uris]
    assert len(pages) > 100
    full, lean = converters()
    for page in pages:
        body = page.read_text(encoding="utf-8").partition("\n---\n")[2]
        assert lean.reset().convert(body) == full.reset().convert(body), page


def test_the_plugin_converts_only_generated_pages_lean():
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["cable2md"]
    plugin.site = {"cables": 1}
    config = plugin.on_config(config)
    written = File("about.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    config.plugins._current_plugin = "cable2md"  # as MkDocs sets it during the plugin's events
    generated = File.generated(config, "cables/2005/05TOKYO1349.md", content="# x")
    config.plugins._current_plugin = None
    assert generated.generated_by == "cable2md"
    patterns = {}
    for file in (written, generated):
        page = Page(None, file, config)
        plugin.on_page_markdown("# x", page=page, config=config, files=Files([file]))
        md = markdown.Markdown(extensions=config.markdown_extensions)
        patterns[file.src_uri] = set(md.inlinePatterns._data)
    assert set(UNUSED_INLINE) <= patterns["about.md"]
    assert not set(UNUSED_INLINE) & patterns["cables/2005/05TOKYO1349.md"]
