"""Precision and recall of person extraction on hand-annotated snippets (part of ``make eval``).

Usage: python tools/evaluate_people.py [SNIPPETS.yaml ...] [--misses N]

By default two sets are scored: ``snippets.yaml``, the development set the rules
were written against, and ``heldout.yaml``, written independently and never used
to tune them, so its figures show how the rules generalise. Each snippet is
placed in the body of a minimal cable, parsed, and its people resolved as for a
cable page; the names found are compared with the annotation on the key people
merge on (case, dots and spacing ignored).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cable2md.archive import Curation, one_cable  # noqa: E402
from cable2md.parse import parse_bytes  # noqa: E402
from cable2md.parse.names import name_key  # noqa: E402

HEADER = "UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: EVALUATION SNIPPET\n\n"
FIXTURES = ROOT / "tests" / "fixtures" / "people"


def snippet_cable(text: str) -> bytes:
    body = text.strip("\n")
    if not re.match(r"\s*(?:classified by|¶|\d{1,2} ?\.\s)", body, re.I):
        body = f"¶1. (U) {body}"
    return (HEADER + body + "\n").encode("utf-8")


def people_in(text: str) -> set[str]:
    """The people a cable page would list for *text* (the archive's rules, on this cable)."""
    cable = parse_bytes(snippet_cable(text), "<snippet>")
    people, _set_aside = one_cable(cable, Curation())
    return {person.name for person in people.values()}


def score_file(path: Path, shown: int) -> tuple[float, float]:
    snippets = yaml.safe_load(path.read_text(encoding="utf-8"))
    found_total = expected_total = right = 0
    misses: list[str] = []
    for snippet in snippets:
        found = {name_key(n): n for n in people_in(snippet["text"])}
        expected = {name_key(n): n for n in snippet["people"]}
        found_total += len(found)
        expected_total += len(expected)
        right += len(found.keys() & expected.keys())
        misses += [
            f"    {snippet['id']}: extra {found[k]!r}"
            for k in sorted(found.keys() - expected.keys())
        ]
        misses += [
            f"    {snippet['id']}: missed {expected[k]!r}"
            for k in sorted(expected.keys() - found.keys())
        ]
    precision = right / found_total if found_total else 0.0
    recall = right / expected_total if expected_total else 0.0
    print(
        f"  people ({path.name}): {len(snippets)} snippets, {expected_total} annotated, "
        f"{found_total} found, {right} right: precision {precision:.3f}, recall {recall:.3f}"
    )
    if misses and shown:
        print(f"  misses ({len(misses)}):")
        print("\n".join(misses[:shown]))
    return precision, recall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "snippets",
        nargs="*",
        type=Path,
        default=[FIXTURES / "snippets.yaml", FIXTURES / "heldout.yaml"],
    )
    parser.add_argument("--misses", type=int, default=30)
    args = parser.parse_args(argv)
    print("cable2md eval: person extraction")
    for path in args.snippets:
        score_file(path, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
