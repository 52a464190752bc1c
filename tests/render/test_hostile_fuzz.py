"""Fuzzing the renderer with hostile text: whatever a field of a cable holds, every page the
build writes for it loads its front matter and shows the text as text, never as markup.

Hypothesis writes telegrams whose subject, TAGS, REF, participant lines, paragraphs, COMMENT
and signer carry markup (HTML, Markdown, Jinja, YAML, bidi and zero-width characters) built
around a marker. Each cable is parsed, indexed and rendered; every page that holds a marker
goes through Python-Markdown with the site's extensions and is checked for elements and
attributes the cable brought in. ``make fuzz`` runs 10,000 cables; ``make test`` a few.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cable2md import CableError, parse_bytes
from cable2md.archive import build_index
from cable2md.build import listing_pages
from cable2md.parse import index_row_of
from cable2md.render import page_inputs, render_cable
from cable2md.site.fast_markdown import page_html
from cable2md.site.fast_markdown.lean_markdown import LeanMarkdown
from tests.helpers import EXTENSIONS, time_limit

settings.register_profile(
    "test", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CABLE2MD_HYPOTHESIS", "test"))

MARKER = "Pwnq"
LEAN = LeanMarkdown()
LEAN.active = True
TEMPLATES = [
    "<script>{m}()</script>",
    '<img src=x onerror="{m}()">',
    "<a href='javascript:{m}()'>x</a>",
    "[{m}](javascript:alert(1))",
    "![{m}](x.png)",
    "<div onclick={m}>",
    "</p></td></table><b>{m}</b>",
    "{{{{ {m} }}}} {{% raw %}}",
    "--- {m} ...",
    "&{m} *{m}",
    "{m}: !!python/object",
    "**{m}** _{m}_ `{m}`",
    "# {m}",
    "| {m} | x |",
    "{{: .{m} onclick=x }}",
    "\u202e{m}\u200b",
    "&lt;{m}&gt; &#60;b&#62;",
    "\\{m}\\",
]
payload = st.builds(
    lambda template, number: template.format(m=f"{MARKER}{number}"),
    st.sampled_from(TEMPLATES),
    st.integers(0, 999),
)
plain = st.sampled_from(["the minister said", "PREL", "Tsuneo Nishida", "cooperation", "1.4"])
phrase = st.lists(st.one_of(payload, plain), min_size=1, max_size=4).map(" ".join)


@st.composite
def hostile_cables(draw) -> tuple[str, list[str]]:
    """A telegram with payloads in its fields; the phrases that must show on its page."""
    subject, ref, title, name, text, comment, signer = (draw(phrase) for _ in range(7))
    tags = " ".join(["PREL", draw(payload).replace(" ", ""), f"OVIP ({draw(payload)})"])
    lines = [
        "P 021234Z MAR 05", "FM AMEMBASSY TOKYO", "TO SECSTATE WASHDC PRIORITY 1234", "",
        "C O N F I D E N T I A L TOKYO 009999", "", "SIPDIS", "",
        "E.O. 12958: DECL: 03/02/2015", f"TAGS: {tags}", f"SUBJECT: {subject}", "",
        f"REF: A. TOKYO 1234 B. {ref}", "",
        "Classified By: Ambassador J. Thomas Schieffer for reasons 1.4 (b) and (d).", "",
        f"1. (C) Participants: {title} {name}", "",
        f"2. (C) {text}", "",
        f"3. (C) COMMENT: {comment} END COMMENT.", "",
        signer, "",
    ]  # fmt: skip
    return "\n".join(lines), [subject, text, comment]


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data) -> None:
        self.text.append(data)


def check_page(path: str, page: str) -> str:
    """Assert *page* is safe; return the text a reader sees."""
    assert page.startswith("---\n"), path
    front, _, body = page[4:].partition("\n---\n")
    assert isinstance(yaml.safe_load(front), dict), path
    html = markdown.markdown(body, extensions=EXTENSIONS)
    # The site converts generated pages lean (cable2md.site.fast_markdown.lean_markdown), or
    # without Python-Markdown (cable2md.site.fast_markdown.page_html): not a byte may differ.
    assert markdown.markdown(body, extensions=[*EXTENSIONS, LEAN]) == html, path
    converted = page_html.convert(body, lambda target: target)
    assert converted is None or converted.html == html, path
    elements = Elements()
    elements.feed(html)
    for tag, attrs in elements.tags:
        assert tag not in ("script", "img", "iframe", "style", "b", "object", "svg"), (path, tag)
        for name, value in attrs:
            assert not name.startswith("on"), (path, tag, name)
            assert (MARKER not in name and MARKER not in (value or "")) or name == "title", (
                path, tag, name, value,
            )  # fmt: skip
            assert not (value or "").strip().lower().startswith("javascript:"), (path, value)
    return " ".join("".join(elements.text).split())


@given(hostile_cables())
def test_hostile_fields_render_as_text_on_every_page(generated):
    text, shown = generated
    with time_limit(20):
        try:
            cable = parse_bytes(text.encode("utf-8"), "2005/05TOKYO9999.txt")
        except CableError:
            event("rejected")
            return  # a rejection is named by the build; nothing is rendered from it
        index = build_index([index_row_of(cable)])
        here, page = render_cable(cable, page_inputs(index, cable.id or ""))
        seen = check_page(here, page)
        event(f"{len(cable.paragraphs)} paragraphs, {len(cable.participants)} participants")
        for path, content in listing_pages(index):
            if MARKER in content and path.endswith(".md"):
                check_page(path, content)
    for phrase_ in shown:
        for marker in re.findall(rf"{MARKER}\d+", phrase_):
            assert marker in seen, (marker, phrase_)
