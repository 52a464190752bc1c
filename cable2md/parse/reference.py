"""The reference data files of ``cable2md/data/`` -> look-ups: TAGS, posts, titles, caveats, words.

Each YAML file names its sources in its header comment; the loaders below are
cached so the data is read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


def _load(name: str) -> Any:
    text = resources.files("cable2md").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _words(name: str) -> frozenset[str]:
    text = resources.files("cable2md").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def tags() -> dict[str, dict[str, str]]:
    """TAGS code -> ``{"name": ..., "kind": ...}``."""
    return _load("tags.yaml")["tags"]


@cache
def tag_typos() -> dict[str, str]:
    return _load("tags.yaml").get("typos") or {}


@cache
def tag_joined() -> dict[str, list[str]]:
    """Codes typed without a space between them (``MASSMNUC``) -> the codes."""
    return _load("tags.yaml").get("joined") or {}


@cache
def posts() -> dict[str, dict[str, Any]]:
    """Id post code -> ``{"name": ..., "country": ..., "aliases": [...], "sender": [...]}``."""
    return _load("posts.yaml")["posts"]


@cache
def post_codes() -> dict[str, str]:
    """Every spelling of a post (code, alias, sender form, name) -> its id post code."""
    codes: dict[str, str] = {}
    for code, post in posts().items():
        codes[code] = code
        for alias in post.get("aliases") or ():
            codes.setdefault(alias.replace(" ", "").upper(), code)
        for sender in post.get("sender") or ():
            codes.setdefault(sender.replace(" ", "").upper(), code)
    return codes


@cache
def caveats() -> dict[str, dict[str, Any]]:
    return _load("caveats.yaml")["caveats"]


@cache
def caveat_rules() -> dict[str, Any]:
    return _load("caveats.yaml").get("rules") or {}


@cache
def caveat_aliases() -> dict[str, str]:
    aliases = _load("caveats.yaml").get("aliases") or {}
    return {" ".join(key.upper().split()): value for key, value in aliases.items()}


@cache
def titles() -> dict[str, Any]:
    """Title words and phrases: see ``data/titles.yaml``."""
    return _load("titles.yaml")


@cache
def given_names() -> frozenset[str]:
    return _words("given_names.txt")


@cache
def given_words() -> frozenset[str]:
    """Given names that are also English words (Grace, Hope): ``data/given_words.txt``."""
    return _words("given_words.txt")


@cache
def peoples() -> frozenset[str]:
    """Names of peoples no country or language gives: ``data/peoples.txt``."""
    return _words("peoples.txt")


@cache
def secretaries() -> list[dict[str, Any]]:
    """The Secretaries of State and their terms: ``data/secretaries.yaml``."""
    return _load("secretaries.yaml")


@cache
def cities() -> frozenset[str]:
    """Names of cities of several words (GeoNames): ``data/cities.txt``."""
    return _words("cities.txt")


@cache
def family_first() -> frozenset[str]:
    """Family names written first (Chinese, Korean, Vietnamese): ``data/family_first.txt``."""
    return _words("family_first.txt")


@cache
def common_words() -> frozenset[str]:
    return _words("common_words.txt")
