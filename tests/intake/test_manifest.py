"""Stable addresses: cables/manifest.tsv holds every cable's id and address; a change that
would move one fails until the manifest is written in the same change, and the old address
then sends readers to the new page."""

from __future__ import annotations

import shutil

from cable2md.build import build
from cable2md.cli import main
from tests.helpers import FIXTURES


def test_a_changed_id_fails_until_the_manifest_is_written_then_redirects(tmp_path, capsys):
    cables = tmp_path / "cables"
    (cables / "1974").mkdir(parents=True)
    shutil.copyfile(FIXTURES / "cables" / "74MANILA777.txt", cables / "1974" / "74MANILA777.txt")
    assert main(["manifest", "--cables", str(cables)]) == 1  # none yet: say how to write it
    assert main(["manifest", "--cables", str(cables), "--write"]) == 0
    manifest = (cables / "manifest.tsv").read_text(encoding="utf-8")
    assert "1974/74MANILA777.txt\t74MANILA777\tcables/1974/74MANILA777/\n" in manifest
    assert main(["manifest", "--cables", str(cables)]) == 0
    capsys.readouterr()
    # A change that reads another id for the same file (here: its serial edited; a change of
    # the parser or its data can do the same).
    placed = cables / "1974" / "74MANILA777.txt"
    placed.write_text(placed.read_text(encoding="utf-8").replace("MANILA 0777", "MANILA 0778"), encoding="utf-8")  # fmt: skip
    assert main(["manifest", "--cables", str(cables)]) == 1
    err = capsys.readouterr().err
    assert "74MANILA777.txt: its id would change from 74MANILA777 to 74MANILA778" in err
    assert "run `cable2md manifest --write`" in err
    assert main(["manifest", "--cables", str(cables), "--write"]) == 0
    assert "moved\t74MANILA777\t74MANILA778" in (cables / "manifest.tsv").read_text("utf-8")
    assert main(["manifest", "--cables", str(cables)]) == 0
    docs = tmp_path / "docs"
    build(cables, docs, cache_dir=tmp_path / "cache", jobs=1)
    old = (docs / "cables" / "1974" / "74MANILA777.md").read_text(encoding="utf-8")
    assert "template: redirect.html" in old and "target: cables/1974/74MANILA778.md" in old


def test_an_address_that_moved_sends_readers_to_the_new_page():
    from cable2md.archive import build_index
    from cable2md.render.browse import redirect_pages
    from tests.helpers import index_row

    index = build_index([index_row(1)])
    index.moved = {"08POST9": "09POST1", "08POST8": "09POST404"}  # the second's cable is gone
    pages = dict(redirect_pages(index))
    assert list(pages) == ["cables/2008/08POST9.md"]
    assert "moved: true" in pages["cables/2008/08POST9.md"]
    assert "target: cables/2009/09POST1.md" in pages["cables/2008/08POST9.md"]
