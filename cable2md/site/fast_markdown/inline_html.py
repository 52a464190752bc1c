"""The inline Markdown of a generated page -> the HTML Python-Markdown makes of it.

Part of :mod:`.page_html`: links (with a title and an attribute list), bold, the raw
``<span>``, ``<abbr>`` and ``<br>`` tags and character references are kept or converted as Python-Markdown
converts them; any other inline syntax raises :class:`Unsupported`, and the page is left to
Python-Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable


class Unsupported(Exception):
    """The page holds Markdown outside the part :mod:`.page_html` converts."""


# A character reference, as Python-Markdown's pattern finds it; it keeps them as they are.
ENTITY = r"&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);"
# The inline tags a generated page writes, with attributes that hold no id and no link syntax.
_INLINE_TAG_RE = re.compile(
    rf'</?(?:span|abbr|br)(?: (?:class|title)="(?:[^"<>\[\]*&]|{ENTITY})*")*>'
)
# What text keeps as it is: a tag, a reference. An ampersand that opens no reference makes
# Python-Markdown's HTML parser repeat text (Python-Markdown 3.11), and so may an angle bracket
# that opens no tag: both are left to it.
_MARKUP_RE = re.compile(rf"<[^<>]*>|{ENTITY}|[&<]")
_LINK_RE = re.compile(
    r'\[([^\[\]]*)\]\(([^\s()<>"\'\\`&]+)(?: "([^\s"&<>\\`](?:[^"&<>\\`\n]*[^\s"&<>\\`])?)")?\)'
)
_LINK_SLOT_RE = re.compile("\x00([0-9]+)\x00")
ATTR_LIST_RE = re.compile(r"\{: ([^{}\n]*)\}")
_ATTR_RE = re.compile(r"([#.])([\w-]+)")
_STRONG_RE = re.compile(r"\*\*([^*\s](?:[^*\n]*[^*\s])?)\*\*")
_AMP_RE = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


def escape_attribute(text: str) -> str:
    """As Python-Markdown's serializer escapes an attribute value."""
    if "&" in text:
        text = _AMP_RE.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def attributes_into(spec: str, into: dict[str, str]) -> None:
    """``#id .class`` -> *into*, as the ``attr_list`` extension sets them."""
    tokens = [_ATTR_RE.fullmatch(token) for token in spec.split()]
    if not all(tokens):
        raise Unsupported(spec)
    for kind, value in (token.groups() for token in tokens):
        if kind == "#":
            into["id"] = value
        else:
            into["class"] = f"{into['class']} {value}" if "class" in into else value


def open_tag(tag: str, attributes: dict[str, str]) -> str:
    """The start tag, as Python-Markdown's serializer writes it (attributes in lexical order)."""
    pairs = "".join(f' {key}="{escape_attribute(attributes[key])}"' for key in sorted(attributes))
    return f"<{tag}{pairs}>"


class InlineHtml:
    """Inline conversion, with the page's link targets kept to turn into URLs at the end."""

    def __init__(self) -> None:
        # Link targets are turned into URLs once the whole page is known to convert: MkDocs
        # warns of a broken link as it turns it, and a page left to Python-Markdown is turned
        # again there.
        self.targets: list[str] = []

    def inline(self, text: str, in_link: bool = False) -> str:
        """A paragraph's, cell's or item's text: links, then :meth:`spans` between them."""
        out: list[str] = []
        position = 0
        while True:
            start = text.find("[", position) if not in_link else -1
            chunk_end = len(text) if start < 0 else start
            out.append(self.spans(text[position:chunk_end]))
            if start < 0:
                return "".join(out)
            match = _LINK_RE.match(text, start)
            if not match:
                raise Unsupported(text)
            label, target, title = match.groups()
            attributes = {"href": f"\x00{len(self.targets)}\x00"}
            self.targets.append(target)
            if title is not None:
                attributes["title"] = title
            position = match.end()
            if attrs := ATTR_LIST_RE.match(text, position):
                attributes_into(attrs.group(1), attributes)
                if "id" in attributes:  # an anchor inside a paragraph
                    raise Unsupported(text)
                position = attrs.end()
            out.append(f"{open_tag('a', attributes)}{self.inline(label, in_link=True)}</a>")

    def spans(self, text: str) -> str:
        """Text without links: bold, raw tags and references kept, the rest escaped."""
        # A brace after a link's attribute list would join it (attr_list reads to the line's last).
        if "{" in text or "}" in text or "]" in text:
            raise Unsupported(text)
        out: list[str] = []
        position = 0
        for match in _STRONG_RE.finditer(text):
            out.append(self.plain(text[position : match.start()]))
            out.append(f"<strong>{self.plain(match.group(1))}</strong>")
            position = match.end()
        out.append(self.plain(text[position:]))
        return "".join(out)

    def plain(self, text: str) -> str:
        """Text without links or bold: raw tags and references kept, ``>`` escaped."""
        if "*" in text:
            raise Unsupported(text)
        if "<" not in text and "&" not in text:
            return text.replace(">", "&gt;")
        out: list[str] = []
        position = 0
        for match in _MARKUP_RE.finditer(text):
            markup = match.group(0)
            if len(markup) == 1 or (markup[0] == "<" and not _INLINE_TAG_RE.fullmatch(markup)):
                raise Unsupported(markup)
            out.append(text[position : match.start()].replace(">", "&gt;"))
            out.append(markup)
            position = match.end()
        out.append(text[position:].replace(">", "&gt;"))
        return "".join(out)

    def links(self, html: str, link: Callable[[str], str]) -> str:
        """*html* with each link target turned into its URL by *link*, in page order."""
        if not self.targets:
            return html
        urls = [escape_attribute(link(target)) for target in self.targets]
        return _LINK_SLOT_RE.sub(lambda slot: urls[int(slot.group(1))], html)
