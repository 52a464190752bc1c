"""Site data -> an Atom feed of the newest cables (``feed.xml``), well-formed whatever they hold.

The document is built with :mod:`xml.etree.ElementTree`, which escapes text and attributes;
characters that XML 1.0 does not allow at all (control characters that reading a cable lets
through, such as a BEL) are removed first, since no escape can carry them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

ATOM = "http://www.w3.org/2005/Atom"
# Outside XML 1.0's Char production: C0 controls but tab, newline and carriage return;
# lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """*text* without the characters an XML 1.0 document cannot hold."""
    return _NOT_XML.sub("", text)


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> None:
    element = ElementTree.SubElement(
        parent, tag, {name: xml_text(value) for name, value in attributes.items()}
    )
    if text is not None:
        element.text = xml_text(text)


def atom_feed(
    data: dict[str, Any], site_url: str, site_name: str, url: Callable[[str], str]
) -> str:
    """The Atom document, newest additions first; each entry's time stamp is the day its cable
    entered the archive (else its own date), so builds are reproducible."""
    base = site_url.rstrip("/") + "/"
    days = [item.get("added") or item["date"] or f"{item['year']}-01-01" for item in data["newest"]]
    # The namespace as the root's plain attribute: ElementTree would otherwise prefix every name.
    feed = ElementTree.Element("feed", xmlns=ATOM)
    _add(feed, "title", f"{site_name}: newly added cables")
    _add(feed, "link", href=base)
    _add(feed, "link", rel="self", href=f"{base}feed.xml")
    _add(feed, "id", base)
    _add(feed, "updated", f"{max(days, default='1970-01-01')}T00:00:00Z")
    for item, day in zip(data["newest"], days, strict=True):
        link = base + url(item["page"])
        entry = ElementTree.SubElement(feed, "entry")
        _add(entry, "title", item["title"])
        _add(entry, "link", href=link)
        _add(entry, "id", link)
        _add(entry, "updated", f"{day}T00:00:00Z")
        _add(entry, "category", term=item["classification"] or "UNKNOWN")
        _add(entry, "summary", item["description"])
    ElementTree.indent(feed)
    body = ElementTree.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'
