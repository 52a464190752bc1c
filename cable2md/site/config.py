"""``plugins: [cable2md: {...}]`` in mkdocs.yml -> the plugin's settings, checked by MkDocs."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CablePluginConfig(Config):
    cables = c.Type(str, default="cables")
    generated = c.Type(str, default=".cache/cable2md/docs")
    cache = c.Type(str, default=".cache/cable2md")
    people = c.Type(str, default="people.yml")
    jobs = c.Optional(c.Type(int))
    prebuilt = c.Type(bool, default=False)  # use the generated pages as they are
    shard = c.Optional(c.Type(str))  # "i/n": render only this share of the generated pages
    pagefind = c.Type(bool, default=True)
