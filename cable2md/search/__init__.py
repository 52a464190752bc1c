"""Layer 4, search: a built site -> its Pagefind search index (imports no other layer).

``pagefind`` runs Pagefind over the cable pages in parts of :data:`PAGES_PER_INDEX`,
``pagefind_format`` reads and writes Pagefind's index files, and ``lexicon`` writes the word
list that tells the search page which parts hold a word.
"""

from .pagefind import PAGES_PER_INDEX, index_search

__all__ = ["PAGES_PER_INDEX", "index_search"]
