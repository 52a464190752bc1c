"""Icon names -> the rules that draw them (served at the end of ``assets/cable.css``), and the
markup that shows one (the templates' ``icon`` global).

Material writes an icon's whole SVG into every page that shows it: seven in the header and
the navigation of every page, seven more on a cable page, on each of hundreds of thousands of
pages. Here each icon is drawn once, as a CSS mask in a stylesheet the browser keeps, and a
page holds an empty element named for it. The SVGs are the theme's own files (Material's
``.icons/``), read at build time: no copy of them lives here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.exceptions import PluginError

STYLESHEET = "assets/cable.css"  # the site's stylesheet, which the rules end

# Every icon a template of this site shows (a name outside the list stops the build, so the
# stylesheet always holds them all).
ICONS = (
    "material/library",
    "material/menu",
    "material/brightness-auto",
    "material/brightness-7",
    "material/brightness-4",
    "material/github",
    "material/magnify",
    "material/rss",
    "material/download",
    "material/file-document-outline",
    "material/file-edit-outline",
    "material/format-quote-close",
    "material/pencil-outline",
    "material/calendar-month-outline",
    "material/map-marker-outline",
    "material/tag-multiple-outline",
    "material/account-group-outline",
    "material/shield-lock-outline",
)

# The element takes the place of Material's <svg>: the same size, drawn in the text's colour.
_BASE = (
    ".ci{display:inline-block;width:1.2rem;height:1.2rem;vertical-align:middle;"
    "background-color:currentcolor;-webkit-mask:var(--ci) center/contain no-repeat;"
    "mask:var(--ci) center/contain no-repeat}\n"
)


def _class(name: str) -> str:
    return "ci-" + name.replace("/", "-")


def icon(name: str) -> Markup:
    """The element that shows icon *name* (``material/menu``), hidden from screen readers as
    Material's SVGs are: the link or button around it carries the words."""
    if name not in ICONS:
        raise PluginError(
            f"cable2md: the icon {name!r} is not in cable2md/site/icons.py ICONS; add it there "
            "so that the site's stylesheet draws it"
        )
    return Markup(f'<span class="ci {_class(name)}" aria-hidden="true"></span>')


def stylesheet(theme_dirs: Iterable[str]) -> str:
    """The rules drawing every icon of :data:`ICONS`, from the SVG files of the theme
    folders *theme_dirs* (the first that has an icon wins, as for templates)."""
    folders = [Path(folder) / ".icons" for folder in theme_dirs]
    rules = [_BASE]
    for name in ICONS:
        found = next(
            (folder / f"{name}.svg" for folder in folders if (folder / f"{name}.svg").is_file()),
            None,
        )
        if found is None:
            raise PluginError(f"cable2md: no theme folder has the icon {name!r}")
        svg = found.read_text(encoding="utf-8").strip()
        rules.append(f'.{_class(name)}{{--ci:url("data:image/svg+xml,{quote(svg, safe="")}")}}\n')
    return "".join(rules)
