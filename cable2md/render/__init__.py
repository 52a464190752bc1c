"""Layer 3, render: the archive index + records -> Markdown pages and data files (no disk I/O).

- ``cable``: one record -> its page (paragraphs with permalinks, another cable in the file);
  ``cable_meta``: what the page says about the cable (metadata table, front matter, id);
- ``browse``: people, topic, post, date and classification pages; ``indexes``: their indexes;
  ``listings``: long listings split by period;
- ``data_files``: ``data/cables.json.gz`` and ``data/cables.csv.gz``; ``site_data``: what the home
  page and the feed need;
- ``escape``: cable text as text, never Markdown or HTML syntax; ``front_matter``: a page's
  metadata as YAML that loads back exactly; ``paths``: where each page lives and the links
  between pages.
"""

from . import listings, paths
from .browse import (
    GeneratedFile,
    classification_pages,
    date_pages,
    person_pages,
    post_pages,
    redirect_pages,
    topic_pages,
)
from .cable import page_inputs, render_cable
from .data_files import data_files
from .escape import html_text, md
from .indexes import index_pages
from .site_data import SITE_DATA, site_data

__all__ = [
    "SITE_DATA",
    "GeneratedFile",
    "classification_pages",
    "data_files",
    "date_pages",
    "html_text",
    "index_pages",
    "listings",
    "md",
    "page_inputs",
    "paths",
    "person_pages",
    "post_pages",
    "redirect_pages",
    "render_cable",
    "site_data",
    "topic_pages",
]
