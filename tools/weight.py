"""A built site -> its weight: what its pages carry beside their content, and what a reader's
browser fetches (``make bench`` prints these figures; tests/browser/test_weight.py holds the
site to the targets below).

- a cable page's HTML outside its ``<article>`` (the template: header, navigation, footer);
- a person page of one cable, whole;
- the whole site per cable;
- a cold load of a cable page in Chromium: every response's bytes as a web server sends
  them (text types gzip-compressed at level 6, as nginx and GitHub Pages do).
"""

from __future__ import annotations

import gzip
import re
import statistics
from pathlib import Path

OUTSIDE_ARTICLE = 12 * 1024  # bytes of a cable page's HTML outside its article
ONE_CABLE_PERSON = 6 * 1024  # bytes of a person page of one cable
PER_CABLE = 45 * 1024  # bytes of the whole site per cable, at 20,000 cables
COLD_LOAD = 150 * 1024  # bytes transferred (gzip) by a cold load of a cable page

_ARTICLE = re.compile(rb"<article\b.*</article>", re.S)
_ONE_CABLE = re.compile(rb"Person \xc2\xb7 1 cable<")
_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def outside_article(html: bytes) -> int:
    """The bytes of a page's HTML that are not its article."""
    found = _ARTICLE.search(html)
    return len(html) - (len(found.group(0)) if found else 0)


def cable_pages(site: Path) -> list[Path]:
    return sorted(site.glob("cables/*/*/index.html"))


def one_cable_person_pages(site: Path) -> list[Path]:
    return [
        page
        for page in sorted(site.glob("people/*/index.html"))
        if _ONE_CABLE.search(page.read_bytes())
    ]


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def sent_bytes(body: bytes, content_type: str) -> int:
    """The bytes a server sends for *body*: gzip-compressed when it is text."""
    if content_type.startswith(_TEXT) and body[:2] != b"\x1f\x8b":
        return len(gzip.compress(body, 6))
    return len(body)


def cold_load(browser, url: str) -> tuple[int, int, list[str]]:
    """Bytes fetched (raw, as sent) by a first visit to *url* in a new context of Playwright's
    *browser*, and every URL it requested."""
    context = browser.new_context()
    page = context.new_page()
    bodies: dict[str, tuple[bytes, str]] = {}
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def keep(response) -> None:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted fetch has no body
            return
        bodies[response.url] = body, response.headers.get("content-type", "")

    page.on("response", keep)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    raw = sum(len(body) for body, _ in bodies.values())
    sent = sum(sent_bytes(body, kind) for body, kind in bodies.values())
    return raw, sent, requested


def summary(site: Path, cables: int) -> dict[str, float]:
    """The figures of *site* (built from *cables* cables) that the targets above bound."""
    outside = [outside_article(page.read_bytes()) for page in cable_pages(site)]
    people = [page.stat().st_size for page in one_cable_person_pages(site)]
    return {
        "outside_median": statistics.median(outside) if outside else 0,
        "outside_max": max(outside, default=0),
        "person_median": statistics.median(people) if people else 0,
        "person_max": max(people, default=0),
        "person_pages": len(people),
        "per_cable": site_bytes(site) / max(cables, 1),
    }
