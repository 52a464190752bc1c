"""Every person page of an archive, with its cable count, and the checks of one page per person.

Usage: python tools/people_pages.py FOLDER [FILE ...] [--out PATH]

Parses the cables of FOLDER (and the extra FILEs), builds the archive's people as
``cable2md build`` does (with the repository's ``people.yml``) and writes one row per
person page to PATH (tab-separated: cables, name, slug, identification, also written,
candidates of a name alone), for review. Prints: how many pages, how many are a surname
alone, how many of those stand beside the archive's one full name of that family (should be
0), how many pages share a spelling key with another (should be 0) and how many list
candidates (disambiguation pages). Part of ``make eval``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cable2md.archive import Curation, build_index, family_name, identification  # noqa: E402
from cable2md.archive.spellings import skeleton, variant_key  # noqa: E402
from cable2md.parse import CableError, index_row_of, parse_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "eval" / "people.tsv")
    args = parser.parse_args(argv)
    rows = {}
    for path in [*sorted(args.folder.rglob("*.txt")), *args.files]:
        try:
            row = index_row_of(parse_file(str(path)))
        except CableError:
            continue
        rows.setdefault(row.id, row)
    index = build_index(list(rows.values()), Curation.load(ROOT / "people.yml"))
    people = index.people
    families: dict[str, list[str]] = defaultdict(list)
    spellings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug, person in people.items():
        words = person.name.split()
        if len(words) > 1:
            families[skeleton(family_name(person.name))].append(slug)
            spellings[variant_key(person.name)].append(slug)
    alone = [s for s, p in people.items() if len(p.name.split()) == 1]
    beside_one = [s for s in alone if len(families.get(skeleton(people[s].name), [])) == 1]
    unresolved = [s for s in beside_one if not people[s].candidates]
    pairs = [slugs for slugs in spellings.values() if len(slugs) > 1]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("cables\tname\tslug\tidentification\talso written\tcandidates\n")
        for slug, person in sorted(people.items(), key=lambda item: item[1].name.casefold()):
            cables = len({a.cable for a in person.appearances})
            out.write(
                f"{cables}\t{person.name}\t{slug}\t{identification(person, index.cables)}\t"
                f"{'; '.join(person.also)}\t{'; '.join(person.candidates)}\n"
            )
    print(f"cable2md eval: person pages of {len(rows)} cables (list: {args.out})")
    print(f"  {len(people):,} person pages; {len(alone):,} a name alone")
    print(
        f"  names alone beside the archive's one full name of that family: {len(unresolved)}"
        + (f" ({', '.join(people[s].name for s in unresolved[:10])})" if unresolved else "")
    )
    kept = [people[s].name for s in beside_one if people[s].candidates]
    print(
        "  names alone kept apart from that one full name (a signature at a post where it is "
        f"not seen, or another office in the same years), listing it: {len(kept)}"
        + (f" ({', '.join(kept[:12])})" if kept else "")
    )
    print(
        f"  pages sharing a given and family name but for spelling: {len(pairs)}"
        + (f" ({'; '.join(', '.join(p) for p in pairs[:5])})" if pairs else "")
    )
    print(f"  pages listing candidates (a name alone, several people): "
          f"{sum(1 for p in people.values() if p.candidates)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
