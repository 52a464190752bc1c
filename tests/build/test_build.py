"""cable2md build: no cable lost, duplicates and conflicts, determinism, incremental writes."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from cable2md.build import build
from cable2md.cli import main
from cable2md.parallel import PARALLEL_FROM
from cable2md.render import listings
from tests.helpers import CORPUS, FIXTURES, SEED, tool

FRONT_MATTER = "---\n"


def _archive(root: Path, *paths: Path) -> Path:
    cables = root / "cables"
    for path in paths:
        target = cables / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return cables


def _pages(docs: Path) -> dict[str, bytes]:
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file()
    }


def test_every_input_file_is_a_page_or_a_named_rejection(tmp_path):
    cables = _archive(tmp_path, SEED, *sorted((FIXTURES / "cables").glob("*.txt")))
    (cables / "copy-of-seed.txt").write_bytes(SEED.read_bytes())  # same text: one cable
    conflict = SEED.read_text(encoding="utf-8").replace("MICHALAK", "SOMEONE ELSE")
    (cables / "edited-seed.txt").write_text(conflict, encoding="utf-8")  # same id, other text
    (cables / "broken.txt").write_bytes(b"\x00\x01binary")
    (cables / "empty.txt").write_bytes(b"")
    report, index = build(cables, tmp_path / "docs")
    files = {p.name for p in cables.glob("*.txt")}
    paged = {Path(index.cables[i].source).name for i in index.order}
    rejected = {message.split(":")[0].rsplit("/", 1)[-1] for message in report.rejected}
    duplicates = {Path(path).name for path, _ in report.duplicates}
    assert files == paged | rejected | duplicates
    assert duplicates == {"copy-of-seed.txt"}
    assert rejected == {"edited-seed.txt", "broken.txt", "empty.txt"}
    conflict_message = next(m for m in report.rejected if "edited-seed" in m)
    assert "05TOKYO1349" in conflict_message and "05TOKYO1349.txt" in conflict_message
    assert report.cables == len(paged) == len(files) - 4


def test_strict_build_fails_when_a_cable_is_rejected(tmp_path, capsys):
    cables = _archive(tmp_path, SEED)
    docs = str(tmp_path / "docs")
    assert main(["build", str(cables), docs, "--strict", "--no-cache"]) == 0
    (cables / "broken.txt").write_text("nothing like a cable\n", encoding="utf-8")
    assert main(["build", str(cables), docs, "--no-cache"]) == 0
    assert main(["build", str(cables), docs, "--strict", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "broken.txt:1:1: not a cable" in err and "1 rejected" in err


def test_builds_are_byte_identical_across_folders(tmp_path):
    first = _archive(tmp_path / "a", *sorted((FIXTURES / "cables").glob("*.txt")))
    second = _archive(tmp_path / "b" / "elsewhere", *sorted((FIXTURES / "cables").glob("*.txt")))
    build(first, tmp_path / "docs-a", cache_dir=tmp_path / "cache")
    build(second, tmp_path / "docs-b")
    assert _pages(tmp_path / "docs-a") == _pages(tmp_path / "docs-b")


def test_rebuild_rewrites_only_changed_pages(tmp_path):
    cables = _archive(tmp_path, *sorted((FIXTURES / "cables").glob("*.txt")))
    docs = tmp_path / "docs"
    build(cables, docs, cache_dir=tmp_path / "cache")
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    again, _ = build(cables, docs, cache_dir=tmp_path / "cache")
    assert again.written == 0 and again.parsed == 0
    assert all(p.stat().st_mtime_ns == stamp for p, stamp in stamps.items())
    target = cables / "74MANILA777.txt"
    target.write_text(
        target.read_text(encoding="utf-8").replace("TIRED", "RESOLUTE"), encoding="utf-8"
    )
    changed, _ = build(cables, docs, cache_dir=tmp_path / "cache")
    assert changed.parsed == 1
    rewritten = {
        p.relative_to(docs).as_posix()
        for p, stamp in stamps.items()
        if p.stat().st_mtime_ns != stamp
    }
    assert "cables/1974/74MANILA777.md" in rewritten
    assert len(rewritten) < len(stamps) / 4
    os.remove(target)
    removed, _ = build(cables, docs, cache_dir=tmp_path / "cache")
    assert removed.removed >= 2 and not (docs / "cables/1974/74MANILA777.md").exists()


def test_a_build_on_two_cores_equals_a_build_on_one(tmp_path):
    """From PARALLEL_FROM cables on, parsing, related cables and rendering run in forked
    workers, in chunks: the tree they write is the one a single process writes."""
    cables = tmp_path / "cables"
    sources = [SEED, *sorted((FIXTURES / "cables").glob("*.txt"))]
    tool("synth").generate(cables, PARALLEL_FROM + 50, sources, seed=7)
    one, _ = build(cables, tmp_path / "one", jobs=1)
    two, _ = build(cables, tmp_path / "two", jobs=2)
    assert two.cables == one.cables >= PARALLEL_FROM
    assert _pages(tmp_path / "one") == _pages(tmp_path / "two")


def test_rebuilds_keep_related_cables_as_a_build_from_scratch_finds_them(tmp_path, monkeypatch):
    """At a size where a change reaches only some of the cables (see archive/test_related.py), with
    listings split by year from 20 cables on and by month and day from 5, so that a rebuild
    renders some sub-pages of a listing and keeps the others."""
    monkeypatch.setattr(listings, "LISTING_LIMIT", 20)
    monkeypatch.setattr(listings, "SPLIT_LIMIT", 5)
    cables = tmp_path / "cables"
    sources = [SEED, *sorted((FIXTURES / "cables").glob("*.txt"))]
    tool("synth").generate(cables, PARALLEL_FROM + 50, sources, seed=5)
    files = sorted(cables.rglob("*.txt"))
    retagged = next(path for path in files if "\nTAGS:" in path.read_text(encoding="utf-8"))

    def add():
        assert not (cables / SEED.name).exists()
        shutil.copyfile(SEED, cables / SEED.name)

    def retag():
        text = retagged.read_text(encoding="utf-8")
        retagged.write_text(text.replace("\nTAGS:", "\nTAGS: KNNP, MNUC,", 1), encoding="utf-8")

    def retitle():
        path = files[len(files) // 3]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nSUBJECT:", "\nSUBJECT: RETITLED", 1), encoding="utf-8")

    def remove():
        files[len(files) // 2].unlink()

    docs, cache = tmp_path / "docs", tmp_path / "cache"
    build(cables, docs, cache_dir=cache, jobs=1)
    days = [
        p for p in (docs / "topics").rglob("*.md") if re.search(r"/\d{4}-\d\d-\d\d\.md$", str(p))
    ]
    assert days, "no listing was split down to days: the test would not reach them"
    for change in (add, retag, retitle, remove):
        change()
        _, index = build(cables, docs, cache_dir=cache, jobs=1)
        fresh = tmp_path / f"fresh-{change.__name__}"
        _, full = build(cables, fresh, cache_dir=cache, jobs=1)
        assert index.related == full.related, change.__name__
        assert _pages(docs) == _pages(fresh), change.__name__


def test_hand_written_pages_are_left_alone(tmp_path):
    cables = _archive(tmp_path, SEED)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n", encoding="utf-8")
    build(cables, docs)
    shutil.rmtree(cables)
    cables.mkdir()
    build(cables, docs)
    assert (docs / "about.md").read_text(encoding="utf-8") == "# About\n"
    assert not (docs / "cables").exists() or not any((docs / "cables").rglob("*.md"))


def _check_pages(docs: Path) -> int:
    checked = 0
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert text.startswith(FRONT_MATTER), page
        end = text.index("\n---\n", 4)
        meta = yaml.safe_load(text[4:end])
        assert isinstance(meta, dict) and meta.get("title"), page
        assert yaml.safe_load(yaml.safe_dump(meta, allow_unicode=True)) == meta
        body = text[end + 5 :]
        assert body.strip().startswith("#"), page
        checked += 1
    return checked


def test_every_page_of_the_seed_has_loadable_front_matter(tmp_path):
    docs = tmp_path / "docs"
    build(_archive(tmp_path, SEED), docs)
    assert _check_pages(docs) > 20


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not here (GitHub Actions)")
def test_every_page_of_the_corpus_has_loadable_front_matter(tmp_path):
    docs = tmp_path / "docs"
    report, _ = build(CORPUS, docs)
    assert report.cables == 204 and not report.rejected
    assert _check_pages(docs) > 1000


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("huge.txt", b"UNCLAS " + b"x" * (5 * 1024 * 1024), "over the 5,242,880-byte limit"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte: binary data"),
        ("controls.txt", bytes(range(1, 32)) * 40, "control characters: binary data"),
    ],
)
def test_files_that_are_not_cables_are_rejected_by_name(tmp_path, name, content, message):
    cables = _archive(tmp_path, SEED)
    (cables / name).write_bytes(content)
    report, index = build(cables, tmp_path / "docs")
    assert index.order == ["05TOKYO1349"]
    assert len(report.rejected) == 1
    assert report.rejected[0].startswith(f"{cables / name}:") and message in report.rejected[0]


NEW_CABLE = """P 201530Z JAN 09
FM AMEMBASSY ZAGREB
TO SECSTATE WASHDC PRIORITY 8200

C O N F I D E N T I A L ZAGREB 000177

SIPDIS

E.O. 12958: DECL: 01/20/2019
TAGS: PREL HR
SUBJECT: CROATIA: FOREIGN MINISTER ON BORDER TALKS

Classified By: Ambassador Robert A. Bradtke for reasons 1.4 (b) and (d).

1. (C) Foreign Minister Gordan Jandrokovic said the border talks would resume in April.

BRADTKE
"""


def test_incremental_rebuilds_equal_full_builds(tmp_path):
    """After each change, a rebuild that renders only what changed writes the very tree a
    build from scratch writes."""
    cables = _archive(tmp_path, SEED, *sorted((FIXTURES / "cables").glob("*.txt")))
    people = tmp_path / "people.yml"
    people.write_text("people: []\n", encoding="utf-8")
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    zagreb = (cables / "09ZAGREB101.txt").read_text(encoding="utf-8")

    def add_cable():
        (cables / "09ZAGREB177.txt").write_text(NEW_CABLE, encoding="utf-8")

    def edit_subject():
        path = cables / "09ZAGREB101.txt"
        path.write_text(zagreb.replace("PREVIEWS NATO", "OUTLINES NATO"), encoding="utf-8")

    def rename_person():
        # The earlier cable's spelling names the person of 09ZAGREB101 too (same page, new
        # name), so the pages of the people seen with them there must name them anew.
        path = cables / "09ZAGREB177.txt"
        path.write_text(
            NEW_CABLE.replace("Gordan Jandrokovic", "Gordan Jandroković"), encoding="utf-8"
        )

    def remove_cable():
        (cables / "09ZAGREB177.txt").unlink()

    def edit_people_file():
        people.write_text(
            "people:\n  - name: Gordan Jandrokovic\n    note: Foreign Minister of Croatia.\n",
            encoding="utf-8",
        )

    build(cables, docs, cache_dir=cache, people_file=people)
    for change in (add_cable, edit_subject, rename_person, remove_cable, edit_people_file):
        change()
        report, _ = build(cables, docs, cache_dir=cache, people_file=people)
        fresh = tmp_path / f"fresh-{change.__name__}"
        build(cables, fresh, cache_dir=tmp_path / f"cache-{change.__name__}", people_file=people)
        assert _pages(docs) == _pages(fresh), change.__name__
        assert report.written < report.unchanged, change.__name__


def test_a_build_drops_the_records_parsed_by_other_code(tmp_path, monkeypatch):
    from cable2md.build import cache

    cables = _archive(tmp_path, *sorted((FIXTURES / "cables").glob("*.txt")))
    store = tmp_path / "cache"
    first, _ = build(cables, tmp_path / "docs", cache_dir=store)
    monkeypatch.setattr(cache, "parser_fingerprint", lambda: "another-parser")
    again, _ = build(cables, tmp_path / "docs", cache_dir=store)
    assert again.parsed == first.parsed > 0  # the old records are not this parser's
    with cache.sqlite3.connect(store / "records.sqlite") as db:
        prefixes = {key.split(":")[0] for (key,) in db.execute("SELECT key FROM parsed")}
    assert prefixes == {"another-parser"}


@pytest.mark.parametrize(
    ("place", "message"),
    [
        ("2007/05TOKYO1349.txt", "misplaced: cable 05TOKYO1349 belongs in the year folder 2005, not 2007"),
        ("2005/tokyo-extract.txt", "misplaced: a file in a year folder is named by its cable's id"),
    ],
)  # fmt: skip
def test_a_misplaced_file_is_rejected_with_where_it_belongs(tmp_path, place, message):
    cables = tmp_path / "cables"
    (cables / place).parent.mkdir(parents=True)
    shutil.copyfile(SEED, cables / place)
    report, index = build(cables, tmp_path / "docs", cache_dir=tmp_path / "cache", jobs=1)
    assert report.rejected == [
        f"{cables / place}:1:1: {message}" + report.rejected[0].split(message, 1)[1]
    ]
    assert not index.cables  # no page at an address its place would make wrong


def test_the_same_text_at_its_place_reads_the_id_its_place_gives(tmp_path):
    """The cache keeps a record by its bytes and its place: the seed parsed outside a year
    folder (its id a guess) and then at cables/2005/05TOKYO1349.txt (its id from the file)."""
    cache = tmp_path / "cache"
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copyfile(SEED, loose / "seed-extract.txt")
    build(loose, tmp_path / "docs-1", cache_dir=cache, jobs=1)
    page = (tmp_path / "docs-1" / "cables" / "2005" / "05TOKYO1349.md").read_text("utf-8")
    assert "05TOKYO1349, inferred: the text gives no date" in page
    placed = tmp_path / "cables" / "2005"
    placed.mkdir(parents=True)
    shutil.copyfile(SEED, placed / "05TOKYO1349.txt")
    build(tmp_path / "cables", tmp_path / "docs-2", cache_dir=cache, jobs=1)
    page = (tmp_path / "docs-2" / "cables" / "2005" / "05TOKYO1349.md").read_text("utf-8")
    assert "05TOKYO1349, from the release (the text gives no date)" in page


def test_the_data_files_list_every_cable_gzip_compressed_and_reproducible(tmp_path):
    cables = _archive(tmp_path, SEED, *sorted((FIXTURES / "cables").glob("*.txt"))[:3])
    _, index = build(cables, tmp_path / "docs")
    packed = tmp_path / "docs" / "data" / "cables.json.gz"
    rows = json.loads(gzip.decompress(packed.read_bytes()))
    assert [row["id"] for row in rows] == list(index.order)
    table = list(
        csv.DictReader(
            io.StringIO(
                gzip.decompress((tmp_path / "docs" / "data" / "cables.csv.gz").read_bytes()).decode(
                    "utf-8"
                )
            )
        )
    )
    assert [row["id"] for row in table] == list(index.order)
    assert not (tmp_path / "docs" / "data" / "cables.json").exists()
    first = packed.read_bytes()
    packed.unlink()
    build(cables, tmp_path / "docs")  # written again, the same bytes (no time in the header)
    assert packed.read_bytes() == first
