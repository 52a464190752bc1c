"""Layer 2, archive: every cable's index row -> the archive in memory (imports ``parse`` only).

- ``index``: :func:`build_index` - cables in date order, topics, posts, months,
  classifications, references, and where names stand in a page (:func:`name_spans`);
- ``people``: each cable's people merged across the archive, with ``people.yml``
  (:class:`Curation`) winning over every rule;
- ``related``: each cable's related cables, scored on all cores (:func:`relate`).
"""

from . import related
from .index import (
    Index,
    Topic,
    build_index,
    cable_year,
    canonical_codes,
    is_keyword,
    name_spans,
    year_of,
)
from .people import RESERVED_SLUGS, Curation, Person, resolve_cable
from .related import relate, topic_weights

__all__ = [
    "RESERVED_SLUGS",
    "Curation",
    "Index",
    "Person",
    "Topic",
    "build_index",
    "cable_year",
    "canonical_codes",
    "is_keyword",
    "name_spans",
    "relate",
    "related",
    "resolve_cable",
    "topic_weights",
    "year_of",
]
