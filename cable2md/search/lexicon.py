"""Search index parts -> the word list telling the search page which parts hold a word.

A Pagefind index that lacks a query's word answers with the pages holding the longest prefix
of it that it has (Pagefind's design, no setting). Merged with the parts that do hold the word,
those pages crowd out the real matches: at 251,000 cables, 31 of 32 parts answered "Bandung"
with pages holding "band". So the search page first looks the query's words up here and merges
only the parts that hold them; a rare word then also costs one part's download, not all.

The words are Pagefind's own (lower-case Snowball English stems, read from each part's index
chunks), in files by their first three characters: ``lexicon/<hex of their UTF-8>.json``, each a
JSON object from word to the hexadecimal bit mask of the parts holding it (bit 0: the main
bundle, bit n: the n-th entry of ``parts.json``).
"""

from __future__ import annotations

import json
import os
import shutil
import string
from collections import defaultdict
from pathlib import Path

from .. import parallel
from .pagefind_format import index_entries

KEY_CHARACTERS = 3  # assets/cable-search.js names its files the same way


def file_key(word: str) -> str:
    """The name of the lexicon file that holds *word* (the search page computes the same)."""
    return word[:KEY_CHARACTERS].encode("utf-8").hex()


def _part_words(bundle: Path) -> set[str]:
    # The search page asks every part for a word shorter than a file key.
    return {word for word, *_ in index_entries(bundle) if len(word) >= KEY_CHARACTERS}


def write_lexicon(bundles: list[Path], folder: Path, jobs: int | None = None) -> int:
    """Write the lexicon of *bundles* (in ``parts.json`` order) into *folder*; return its size.

    The parts are read on *jobs* cores (all by default): decoding their index chunks is most of
    the work, 7 minutes on one core for the 63 parts of 251,000 cables.
    """
    masks: dict[str, int] = defaultdict(int)
    with parallel.fork_pool(max(1, min(len(bundles), jobs or os.cpu_count() or 1))) as pool:
        for number, words in enumerate(pool.map(_part_words, bundles)):
            bit = 1 << number
            for word in words:
                masks[word] |= bit
    files: dict[str, dict[str, str]] = defaultdict(dict)
    for word in sorted(masks):
        files[file_key(word)][word] = format(masks[word], "x")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for key, words in files.items():
        (folder / f"{key}.json").write_text(
            json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    # Which word files exist, by the words' first character (keys/<hex of it>.json): the page
    # asks for a word file only when it exists, so a word no cable holds costs no failed
    # request, and each list stays small at the release's size.
    # (every letter and digit has its list, empty or not: most queries start with one)
    keys: dict[str, list[str]] = {
        c.encode().hex(): [] for c in string.ascii_lowercase + string.digits
    }
    for key in sorted(files):
        keys.setdefault(bytes.fromhex(key).decode("utf-8")[:1].encode("utf-8").hex(), []).append(
            key
        )
    (folder / "keys").mkdir()
    for first, listed in keys.items():
        (folder / "keys" / f"{first}.json").write_text(json.dumps(listed), encoding="utf-8")
    return len(masks)
