"""One shard's files, with the pages other shards build made into files only when looked up.

A shard's pages link to pages of every other shard, so MkDocs must find those as files (to
turn and check the links), but it never builds them. At the scale of the release a shard has
about 30,000 pages of its own among 820,000 generated files: making a MkDocs ``File`` of each
took most of a shard's start (about 18 s of its 30). :class:`ShardFiles` makes one only for
the pages a link or a template looks up, each marked excluded, as the eager files were.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from mkdocs.structure.files import File, Files


class ShardFiles(Files):
    """*files*, and the files of *elsewhere* (their URIs), each made by *make* when asked for."""

    def __init__(self, files: Files, elsewhere: set[str], make: Callable[[str], File]) -> None:
        super().__init__(files)
        self._elsewhere = elsewhere
        self._make = make
        self._made: dict[str, File] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = super().get_file_from_path(path)
        if found is not None:
            return found
        uri = PurePath(path).as_posix()
        if uri not in self._elsewhere:
            return None
        made = self._made.get(uri)
        if made is None:
            made = self._made[uri] = self._make(uri)
        return made

    def __contains__(self, path: str) -> bool:
        return self.get_file_from_path(path) is not None
