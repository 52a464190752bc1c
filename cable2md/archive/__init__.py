"""Layer 2, archive: every cable's index row -> the archive in memory (imports ``parse`` only).

- ``index``: :func:`build_index` - cables in date order, topics, posts, months,
  classifications, references, and where names stand in a page (:func:`name_spans`);
- ``people``: each cable's people merged across the archive, with ``people.yml``
  (:class:`Curation`) winning over every rule;
- ``only_people``: why a name found is not a person's (peoples, places, words);
- ``resolution``: signers, spelling variants and names alone resolved to one person each;
- ``spellings``: the family name a name is filed under and the forms its spellings share;
- ``manifest``: each file's id and address as published, and the ids that moved;
- ``glossary``: a person's identification from their titles, and their first and last dates;
- ``related``: each cable's related cables, scored on all cores (:func:`relate`).
"""

from . import related
from .glossary import identification, span
from .index import (
    Index,
    Topic,
    build_index,
    cable_year,
    canonical_codes,
    index_people,
    is_keyword,
    name_spans,
    year_of,
)
from .manifest import Manifest
from .people import RESERVED_SLUGS, Curation, Person, decisions, one_cable
from .related import relate, topic_weights
from .spellings import family_name

__all__ = [
    "RESERVED_SLUGS",
    "Curation",
    "Index",
    "Manifest",
    "Person",
    "Topic",
    "build_index",
    "cable_year",
    "canonical_codes",
    "decisions",
    "family_name",
    "identification",
    "index_people",
    "is_keyword",
    "name_spans",
    "one_cable",
    "relate",
    "related",
    "span",
    "topic_weights",
    "year_of",
]
