"""Score ``cable2md parse`` against a corpus with the publisher's metadata (``make eval``).

Usage: python tools/evaluate.py CORPUS_DIR [--misses N] [--ocr [--harsh]] [--seed S]

With --ocr the corpus is first noised as the seed's scan is (tools/ocr_noise.py: doubled
spaces, split punctuation, garbled paragraph marks, wrapped lines, page breaks) into a
temporary folder, and that copy is scored against the same metadata.

For each field (id, date, origin, classification, subject, tags) prints the
share of cables the parser gets right, and lists the misses. The corpus's
``metadata.csv`` was not derived from the text, so it is an independent check.
Comparison rules, the same for every cable:

- date: the ISO day of the publisher's ``created``; a cable whose text gives no
  date (the parser says null) is counted as *unknown*, shown apart, and as a
  miss in the strict figure;
- subject: the publisher keeps only the first line of a long subject (with the
  backslash its export ends lines with) and drops the opening parenthesis of a
  marking (``U) ...``): the parser's subject must start with the publisher's once
  both lose a leading marking, spacing and that line-end backslash;
- tags: the publisher indexes each upper-case word of the TAGS line as a tag and
  splits a person tag ``(STEINBERG, JAMES B.)`` into its names without initials;
  the parser's tags are tokenised the same way and compared as sets. Like the
  subject, the publisher's index often holds only the first line of a TAGS field
  that runs over several: a cable whose publisher tags equal the parser's reading
  of that first line alone is counted right, and the count of such cables is shown.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cable2md.parse import CableError, parse_file
from cable2md.parse.fields import parse_tags
from cable2md.parse.furniture import remove_furniture
from cable2md.parse.header import read_header
from cable2md.parse.lines import number_lines
from cable2md.parse.read import read_source

FIELDS = ("id", "date", "origin", "classification", "subject", "tags")
_MARKING_RE = re.compile(r"^\(?\s*[A-Z/]{1,8}\s*\)\s*")


def _norm(text: str | None) -> str:
    text = re.sub(r"\s+", " ", (text or "").upper()).strip()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _MARKING_RE.sub("", text).strip().lstrip('("').removesuffix("\\").strip()


def _tag_tokens(tags: list[str]) -> set[str]:
    tokens: set[str] = set()
    for tag in tags:
        if (
            not tag.isupper()
        ):  # a keyword such as "Organized Crime": the publisher indexes codes only
            continue
        if "," in tag or " " in tag:  # a person: the publisher keeps the names, not the initials
            tokens.update(word for word in re.split(r"[\s,]+", tag) if len(word.rstrip(".")) > 1)
        else:
            tokens.add(tag)
    return tokens


def first_line_tags(path: Path) -> set[str]:
    """The parser's reading of the first line of the TAGS field alone."""
    header, _ = read_header(remove_furniture(number_lines(read_source(path).lines)).lines)
    lines = header.fields.get("TAGS")
    return _tag_tokens(parse_tags(lines[0].text)) if lines else set()


def score(record: dict, truth: dict) -> dict[str, bool | None]:
    ours_subject, their_subject = _norm(record["subject"]), _norm(truth["subject"])
    return {
        "id": record["id"] == truth["reference_id"],
        "date": None if record["date"] is None else record["date"] == truth["created"][:10],
        "origin": record["origin"] == truth["origin"],
        "classification": record["classification"] == truth["classification"],
        "subject": ours_subject.startswith(their_subject) if their_subject else not ours_subject,
        "tags": _tag_tokens(record["tags"]) == set(filter(None, truth["tags"].split("|"))),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--misses", type=int, default=20, help="misses to list per field")
    parser.add_argument("--ocr", action="store_true", help="score an OCR-noised copy")
    parser.add_argument("--harsh", action="store_true", help="with --ocr: split marks 2 spaces off")
    parser.add_argument("--seed", type=int, default=1, help="with --ocr: the noise's seed")
    args = parser.parse_args(argv)
    if args.ocr:
        from ocr_noise import noise_corpus

        with tempfile.TemporaryDirectory() as scratch:
            noise_corpus(args.corpus, Path(scratch), args.seed, args.harsh)
            shutil.copyfile(args.corpus / "metadata.csv", Path(scratch) / "metadata.csv")
            style = "harsh " if args.harsh else ""
            print(f"OCR-noised copy ({style}seed {args.seed}) of {args.corpus}:")
            return _evaluate(Path(scratch), args.misses)
    return _evaluate(args.corpus, args.misses)


def _evaluate(corpus: Path, misses_shown: int) -> int:
    rows = list(csv.DictReader((corpus / "metadata.csv").open(encoding="utf-8")))
    results: dict[str, list[tuple[str, bool | None, str]]] = {name: [] for name in FIELDS}
    failed = []
    first_line_only: list[str] = []
    for row in rows:
        path = corpus / row["file"]
        try:
            record = parse_file(path).to_dict()
        except CableError as error:
            failed.append(str(error))
            for name in FIELDS:
                results[name].append((row["reference_id"], False, "not parsed"))
            continue
        truth_values = {
            "id": row["reference_id"], "date": row["created"][:10], "origin": row["origin"],
            "classification": row["classification"], "subject": row["subject"], "tags": row["tags"],
        }  # fmt: skip
        ours = {
            "id": record["id"], "date": record["date"], "origin": record["origin"],
            "classification": record["classification"], "subject": record["subject"],
            "tags": "|".join(sorted(_tag_tokens(record["tags"]))),
        }  # fmt: skip
        scores = score(record, row)
        if not scores["tags"] and first_line_tags(path) == set(
            filter(None, row["tags"].split("|"))
        ):
            scores["tags"] = True
            first_line_only.append(row["reference_id"])
        for name, ok in scores.items():
            results[name].append(
                (row["reference_id"], ok, f"ours {ours[name]!r} / publisher {truth_values[name]!r}")
            )
    total = len(rows)
    print(f"cable2md eval: {total} cables in {corpus}")
    for name in FIELDS:
        entries = results[name]
        right = sum(1 for _, ok, _ in entries if ok)
        unknown = sum(1 for _, ok, _ in entries if ok is None)
        answered = total - unknown
        line = f"  {name:<15} {100 * right / total:6.2f} %  ({right}/{total})"
        if unknown:
            line += f"; {unknown} unknown (text gives no date), {100 * right / answered:.2f} % of the {answered} answered"
        if name == "tags" and first_line_only:
            line += f"; {len(first_line_only)} of them match on the first TAGS line only"
        print(line)
    for name in FIELDS:
        misses = [(cable, note) for cable, ok, note in results[name] if ok is False]
        if misses:
            print(f"\n{name} misses ({len(misses)}):")
            for cable, note in misses[:misses_shown]:
                print(f"  {cable}: {note}")
    for error in failed:
        print(f"not parsed: {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
