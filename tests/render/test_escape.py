"""Cable text is data: no character of a cable becomes Markdown, HTML or YAML syntax."""

from __future__ import annotations

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cable2md.render.escape import md, plain_title
from cable2md.render.front_matter import front_matter
from tests.helpers import EXTENSIONS

# The opening of every element cable text must never become ("<h" is headings and rules).
MARKUP = ("<script", "<img", "<a ", "<h", "<table", "<ol", "<ul", "<blockquote", "<pre", "<code",
          "<div", "<em", "<strong")  # fmt: skip
PAYLOADS = [
    "*bold* _under_ **strong**",
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    "[click](javascript:window.pwned=1) ![i](x)",
    "# heading",
    "| a | b |\n|---|---|",
    "---",
    "1. list item",
    "- bullet",
    "> quote",
    "    indented code",
    '!!! note "x"',
    "{: #id .class onclick=alert(1) }",
    "```python\ncode\n```",
    "{{ config.site_name }} {% raw %}",
    "a\n===",
    "AT&T &lt; R&D &#60;",
    "back\\slash `tick` ~~strike~~ ^sup^ $math$",
    "\u202eevil\u200b",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_shows_the_text_itself(payload):
    html = markdown.markdown(md(payload), extensions=EXTENSIONS)
    assert html.startswith("<p>") and html.endswith("</p>"), html
    for tag in MARKUP:
        assert tag not in html, (payload, html)
    # What the reader sees: the same non-space characters, in the same order.
    from html.parser import HTMLParser

    seen: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data):
            seen.append(data)

    Text(convert_charrefs=True).feed(html)
    shown = "".join("".join(seen).split())
    assert shown == "".join(payload.split()).replace("\u202e", "[U+202E]")


def test_direction_overrides_are_shown_not_obeyed():
    assert md("abc\u202edef") == "abc&#91;U+202E&#93;def"


def test_plain_title_has_no_markup():
    assert plain_title("<script>x</script>\nline") == "‹script›x‹/script› line"


@pytest.mark.parametrize(
    "value",
    [
        "a: b",
        "---\nnot: front matter\n---",
        "... end",
        "&anchor *alias",
        "!!python/object:os.system",
        "- item",
        "'quoted'",
        'x"y',
        "null",
        "yes",
        "0o17",
        "\u2028",
    ],
)
def test_front_matter_loads_back_exactly(value):
    meta = {"title": value, "subject": value, "list": [value, {"k": value}]}
    text = front_matter(meta)
    assert text.startswith("---\n") and text.endswith("---\n")
    body = text[4:-4]
    assert yaml.safe_load(body) == meta
    assert "\n---\n" not in body  # the block cannot end early


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=80
    )
)
@settings(max_examples=300, deadline=None)
def test_any_text_renders_as_itself(text):
    html = markdown.markdown(md(text), extensions=EXTENSIONS)
    for tag in MARKUP:
        assert tag not in html.replace("<p>", "").replace("</p>", ""), (text, html)
