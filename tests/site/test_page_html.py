"""Generated pages converted without Python-Markdown give the very HTML Python-Markdown gives."""

from __future__ import annotations

import logging
import os
from importlib import metadata

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from cable2md.build import build
from cable2md.site.fast_markdown import page_html
from cable2md.site.fast_markdown.generated_page import (
    PROVEN_VERSIONS,
    GeneratedPage,
    reproducible,
    unproven_versions,
)
from cable2md.site.fast_markdown.lean_markdown import LeanMarkdown
from tests.helpers import ARCHIVE, ROOT, site_pages

LEAN = LeanMarkdown()
LEAN.active = True
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc", LEAN]


def python_markdown(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    md = markdown.Markdown(extensions=EXTENSIONS)
    html = md.convert(text)

    def flat(tokens):
        for token in tokens:
            yield token["level"], token["id"], token["name"]
            yield from flat(token["children"])

    return html, list(flat(md.toc_tokens))


def same_or_none(text: str) -> bool:
    """Whether page_html leaves *text* to Python-Markdown; fails if it converts it otherwise."""
    converted = page_html.convert(text, lambda target: target)
    if converted is None:
        return False
    html, toc = python_markdown(text)
    assert converted.html == html, text
    assert [(h.level, h.id, h.name) for h in converted.headings] == toc, text
    return True


def test_every_generated_page_renders_as_mkdocs_renders_it(tmp_path):
    docs, uris = site_pages(tmp_path)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins["cable2md"].on_config(config)
    files = Files([File(uri, str(docs), str(tmp_path / "site"), True) for uri in uris])
    converted = 0
    for file in files.documentation_pages():
        stock = Page(None, file, config)
        stock.read_source(config)
        stock.render(config, files)
        fast = GeneratedPage(None, file, config)
        fast.read_source(config)
        converted += page_html.convert(fast.markdown, lambda target: target) is not None
        fast.render(config, files)
        assert fast.content == stock.content, file.src_uri
        assert str(fast.toc) == str(stock.toc), file.src_uri
        assert [item.id for item in fast.toc] == [item.id for item in stock.toc], file.src_uri
        assert fast.present_anchor_ids == stock.present_anchor_ids, file.src_uri
        assert fast.links_to_anchors == stock.links_to_anchors, file.src_uri
        assert fast.title == stock.title, file.src_uri
    # Only the people.yml biographies in italics are left to Python-Markdown.
    assert len(uris) > 100 and converted >= len(uris) - 3, (converted, len(uris))


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\nText &#46; [a](b.md) **bold**\n{: #p1 .cable-para }",
        '<p class="cable-signer">X</p>\n\n## After a raw block',
        '<div class="cable-summary" markdown>\n\n<p class="cable-summary-label">S</p>\n\nx\n\n</div>',
        '<div class="cable-para" id="p3" markdown>\n\n!!! comment "Comment"\n\n    c [¶](#p3 "L"){: .cable-permalink }\n\n</div>',
        "## P1\n\ntext\n{: #p1 .cable-para }\n\n## P1",  # a heading's id after the paragraph's
        "# a  b\n\n## a b",  # spaces collapsed in the table of contents, the same slug twice
        "# 03X: A &#92; B",  # a reference in a heading
        "| a | b |\n|---|---|\n| [x](y.md) |  |\n| **c** | <br> |",
        "## Referenced by\n\n- [one](a.md)\n- [two](b.md)",
        '!!! partial "Partial extract"\n\n    This record\n    goes on.\n\n    Second.',
        'x <span class="cable-line">S/NF</span> &lt;y&gt; > z',
        'x <abbr title="SECRET / NOFORN">S/NF</abbr> &lt;y&gt; > z',
        '<abbr title="CONFIDENTIAL">C</abbr> a paragraph that opens with its marking',
        "# #     text",  # spaces collapsed in the table of contents only
        "| \u00a0 | b |\n|---|---|\n| \u00a0 | \u00a0 |",  # cells lose spaces, not other blanks
    ],
)
def test_what_page_html_converts_is_what_python_markdown_makes(text):
    assert same_or_none(text)


@pytest.mark.parametrize(
    "text",
    [
        "text\n- item",  # a list inside a paragraph
        "text\n===",  # a setext heading
        "text\n-- -",  # a rule
        "1. item",
        "> quote",
        "    code",
        "*emphasis*",
        "a_b_",
        "line  \nbreak",
        "a\tb",
        "`code`",
        "![image](x.png)",
        "[ref][1]",
        "<em>x</em>",
        '<span id="x">y</span>',
        "{: #p1 .c }",  # an attribute list with nothing before it
        "- a\n\n- b",  # a list after a list: one loose list
        '<div class="x" markdown>\nx\n</div>',
        "| a |\n|---|",  # a table without rows
        "# x #",
        "x [a](b){: .c } y }",  # attr_list reads to the line's last brace
        "**# **",  # bold cannot close after a space
        "# #",  # a heading of closing hashes only
        '<div class="cable-para" id="p1" markdown>\n\n\n\n</div>',  # an empty div
        "-|\n-|",  # a table without a leading pipe
        "&#46;&#</span>",  # an open reference before a tag
        '<p class="cable-signer">&#</p>\n\n# x',  # an open reference: the rest is raw HTML
    ],
)
def test_what_page_html_leaves_to_python_markdown(text):
    assert not same_or_none(text)


BLOCKS = st.sampled_from(
    [
        "# {t}", "## {t}", "{t}", "{t}\n{t}", "{t}\n{{: #p{n} }}", "{t}\n{{: #p{n} .cable-para }}", "- {t}\n- {t}",
        "| {t} | {t} |\n|---|---|\n| {t} | {t} |", '!!! note "Note"\n\n    {t}',
        '<p class="cable-signer">{t}</p>', '<div class="cable-para" id="p{n}" markdown>\n\n{t}\n\n</div>',
    ]
)  # fmt: skip
INLINE = st.sampled_from(
    [
        "word", "Word", "P1", "p2", "x.y", "&#46;", "&#92;", "&amp;", "&", "<", ">", '"', "'",
        "(", ")", "]", "[", "*", "**", "**b**", "_", "#", "!", ":", " ", "  ", "\u00a0", "-", "=",
        "[a](b.md)", '[¶](#p1 "Link to this paragraph"){: .cable-permalink }', "{: .c }", "{", "}", "&#",
        "[12.](#p1){: .cable-para-number } ", "[12.](#p1) ",
        '<span class="cable-line">', "</span>", '<abbr title="SECRET">', "</abbr>", "<br>", "1.", "\n", "|",
    ]
)  # fmt: skip
TEXT = st.lists(INLINE, min_size=1, max_size=8).map("".join)
PAGES = st.lists(
    st.tuples(BLOCKS, st.lists(TEXT, min_size=4, max_size=4), st.integers(1, 3)).map(
        lambda parts: parts[0].format(t=parts[1][0], n=parts[2]).replace("{t}", parts[1][1])
    ),
    min_size=1,
    max_size=6,
).map("\n\n".join)


@settings(
    max_examples=20_000 if os.environ.get("CABLE2MD_HYPOTHESIS") == "fuzz" else 300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(PAGES)
def test_any_page_is_converted_as_python_markdown_does_or_left_to_it(text):
    same_or_none(text)


def test_the_plugin_makes_generated_pages_outside_the_nav_only(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # on_files sets it when unset
    generated = tmp_path / "generated"
    build(ARCHIVE, generated)
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["cable2md"]
    plugin.config.generated, plugin.config.prebuilt = str(generated), True
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)  # as MkDocs runs them
    cable = files.get_file_from_path("cables/2005/05TOKYO1349.md")
    assert isinstance(cable.page, GeneratedPage)
    assert files.get_file_from_path("dates/index.md").page is None  # the nav makes it, titled
    assert files.get_file_from_path("index.md").page is None  # hand-written


def test_other_markdown_extensions_turn_the_fast_path_off():
    config = load_config(str(ROOT / "mkdocs.yml"))
    own = config.plugins["cable2md"].lean_markdown
    config.markdown_extensions.append(own)
    assert reproducible(config, own)
    config.markdown_extensions.append("smarty")
    assert not reproducible(config, own)
    config.markdown_extensions.remove("smarty")
    config.mdx_configs["toc"] = {"permalink": True}
    assert not reproducible(config, own)


def test_the_fast_path_is_pinned_to_the_versions_it_is_proven_on():
    pins = (ROOT / "pyproject.toml").read_text(encoding="utf-8").casefold()
    for package, version in PROVEN_VERSIONS.items():
        assert f'"{package}~={version}.0"' in pins
        assert metadata.version(package).split(".")[:2] == version.split(".")
    assert unproven_versions() == []


@pytest.mark.parametrize("package", sorted(PROVEN_VERSIONS))
def test_other_versions_send_generated_pages_through_python_markdown(monkeypatch, caplog, package):
    installed = metadata.version
    monkeypatch.setattr(
        metadata, "version", lambda name: "9.0.1" if name == package else installed(name)
    )
    assert unproven_versions() == [f"{package} 9.0.1"]
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["cable2md"]
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.cable2md"):
        config = config.plugins.on_config(config)
    assert not plugin.fast_pages
    said = [record.getMessage() for record in caplog.records if "Python-Markdown" in record.getMessage()]  # fmt: skip
    assert len(said) == 1 and f"not on {package} 9.0.1" in said[0]
    monkeypatch.setattr(metadata, "version", installed)
    assert config.plugins["cable2md"].on_config(config) and plugin.fast_pages
