"""mkdocs.yml's ``theme.palette`` -> ``assets/palette.js``: Material's colour-scheme switch,
written into the header by one script the browser keeps.

Material writes the switch (a form of three options, each with its icon) and the script that
applies the reader's stored scheme into every page. The switch does nothing without a
script, so here the script writes it: the page holds one ``<script src>`` where the form
stood. The form is Material's ``partials/palette.html`` and the script its
``partials/javascripts/palette.html``, read from the theme at build time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .icons import icon

SCRIPT = "assets/palette.js"


def _form(palette: list[dict[str, Any]]) -> str:
    options = []
    for number, option in enumerate(palette):
        scheme = option.get("scheme") or "default"
        primary = option.get("primary") or "indigo"
        accent = option.get("accent") or "indigo"
        toggle = option.get("toggle")
        named = f' aria-label="{escape(toggle["name"])}"' if toggle else ' aria-hidden="true"'
        options.append(
            f'<input class="md-option" data-md-color-media="{escape(option.get("media", ""))}"'
            f' data-md-color-scheme="{escape(scheme.replace(" ", "-"))}"'
            f' data-md-color-primary="{escape(primary.replace(" ", "-"))}"'
            f' data-md-color-accent="{escape(accent.replace(" ", "-"))}"{named}'
            f' type="radio" name="__palette" id="__palette_{number}">'
        )
        if toggle:
            options.append(
                f'<label class="md-header__button md-icon" title="{escape(toggle["name"])}"'
                f' for="__palette_{(number + 1) % len(palette)}" hidden>{icon(toggle["icon"])}</label>'
            )
    return f'<form class="md-header__option" data-md-component="palette">{"".join(options)}</form>'


def script(palette: Any, theme_dirs: Iterable[str]) -> str:
    """The script that writes the switch for *palette* (a list of options; one option alone
    has no switch) and applies the stored scheme, Material's own from *theme_dirs*."""
    found = next(
        (
            path
            for folder in theme_dirs
            if (path := Path(folder) / "partials" / "javascripts" / "palette.html").is_file()
        ),
        None,
    )
    if found is None:
        raise PluginError("cable2md: the theme has no partials/javascripts/palette.html")
    applies = re.search(r"<script>(.*?)</script>", found.read_text(encoding="utf-8"), re.S)
    if applies is None:
        raise PluginError(f"cable2md: no script in {found}: another version of Material?")
    writes = ""
    if isinstance(palette, list):
        form = json.dumps(_form(palette))
        writes = f'document.currentScript.insertAdjacentHTML("beforebegin",{form});\n'
    return writes + applies.group(1).strip() + "\n"
