"""The plugin hands MkDocs the generated pages; a hand-written page of the same path wins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel, get_files

from cable2md.build import MANIFEST, build
from cable2md.site.plugin import in_shard
from tests.helpers import ARCHIVE, ROOT, SEED


def test_generated_pages_are_files_and_hand_written_ones_win(tmp_path, monkeypatch):
    # on_files sets the build date for the sitemap when unset: not for the tests that follow.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    cables = tmp_path / "cables" / "2005"
    cables.mkdir(parents=True)
    shutil.copyfile(SEED, cables / SEED.name)
    generated = tmp_path / "generated"
    build(cables.parent, generated)
    docs = tmp_path / "docs"
    (docs / "topics").mkdir(parents=True)
    (docs / "topics" / "prel.md").write_text("# PREL, by hand\n", encoding="utf-8")
    assert (generated / "topics" / "prel.md").exists()
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
    plugin = config.plugins["cable2md"]
    plugin.config.generated, plugin.config.prebuilt = str(generated), True
    files = config.plugins.on_files(get_files(config), config=config)  # as MkDocs runs it
    hand = files.get_file_from_path("topics/prel.md")
    assert hand is not None and Path(hand.abs_src_path) == docs / "topics" / "prel.md"
    cable = files.get_file_from_path("cables/2005/05TOKYO1349.md")
    assert cable is not None and cable.generated_by == "cable2md"
    assert cable.inclusion == InclusionLevel.NOT_IN_NAV
    manifest = json.loads((generated / MANIFEST).read_text(encoding="utf-8"))
    pages = [uri for uri in manifest if uri.endswith(".md")]
    assert all(files.get_file_from_path(uri) is not None for uri in pages)


def test_a_shard_finds_the_pages_of_other_shards_without_listing_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.setenv("CABLE2MD_SHARD", "1/3")
    generated = tmp_path / "generated"
    build(ARCHIVE, generated)
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["cable2md"]
    plugin.config.generated, plugin.config.prebuilt = str(generated), True
    files = config.plugins.on_files(get_files(config), config=config)
    manifest = json.loads((generated / MANIFEST).read_text(encoding="utf-8"))
    pages = [uri for uri in manifest if uri.endswith(".md")]
    own = {file.src_uri for file in files}
    others = [uri for uri in pages if not in_shard(uri, (1, 3))]
    assert others and pages != others and not own & set(others)  # never iterated, never built
    for uri in others:
        found = files.get_file_from_path(uri)
        assert found.inclusion == InclusionLevel.EXCLUDED and found.generated_by == "cable2md"
        assert found is files.get_file_from_path(uri) and uri in files  # made once
        assert found.url.startswith(uri.rpartition("/")[0])
    assert files.get_file_from_path("no/such/page.md") is None
