"""Where each generated page lives under the docs folder, and links between them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..archive import RESERVED_SLUGS

GENERATED_DIRS = ("cables", "people", "topics", "posts", "dates", "classifications", "data")


def cable(ident: str, year: int) -> str:
    return f"cables/{year}/{ident}.md"


def person(slug: str) -> str:
    return f"people/{slug}.md"


def topic(code: str) -> str:
    return f"topics/{slug(code)}.md"


def post(code: str) -> str:
    return f"posts/{slug(code)}.md"


def year(value: int) -> str:
    return f"dates/{value}.md"


def month(value: int, number: int | None) -> str:
    return f"dates/{value}/{number:02d}.md" if number else f"dates/{value}/undated.md"


def classification(label: str) -> str:
    return f"classifications/{slug(label)}.md"


def index(kind: str) -> str:
    return f"{kind}/index.md"


def slug(text: str) -> str:
    """A file-name-safe form: letters, digits and hyphens, never a folder's own index."""
    made = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "x"
    return f"{made}-2" if made in RESERVED_SLUGS else made


def split_page(base: str, part: str) -> str:
    """A sub-page of a long listing: ``topics/prel.md`` + ``2009`` -> ``topics/prel/2009.md``."""
    return f"{base[:-3]}/{part}.md"


@lru_cache(maxsize=1 << 16)
def _folder(path: str) -> tuple[str, ...]:
    return tuple(path.split("/")[:-1])


def link(source: str, target: str) -> str:
    """The relative link from page *source* to page *target* (both docs-relative)."""
    here, there = _folder(source), target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
