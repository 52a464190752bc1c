"""Synthetic archives for benchmarks: N cables that recombine the structure of real ones.

Usage: python tools/synth.py OUT_DIR N [--source DIR] [--seed S]

The real cables of SOURCE (default: ../shared/corpus when it exists, else the
repository's cables and test fixtures) are parsed once; their pieces are then
recombined: header styles (ACP-127 routing, partial-extract notice, dated
media copy, 1970s telegram), classification and caveats, TAGS lists, REF
lists (pointing at other synthetic cables), participant lists, paragraph
counts, markings and lengths, signers. Paragraph text is drawn from the
sources' own vocabulary with its Zipf-like frequencies, and a pool of people
(real names recombined) recurs across cables with Zipf popularity, so person,
topic and reference pages get the fan-out of a real archive. Output is
``OUT_DIR/<year>/<ID>.txt``, deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cable2md.parse import Cable, CableError, parse_file  # noqa: E402

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
LEVEL_LINES = {
    "UNCLASSIFIED": "UNCLAS", "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "UNCLAS",
    "CONFIDENTIAL": "C O N F I D E N T I A L", "CONFIDENTIAL//NOFORN": "C O N F I D E N T I A L",
    "SECRET": "S E C R E T", "SECRET//NOFORN": "S E C R E T",
}  # fmt: skip
ZNY = {
    "UNCLAS": "ZNR UUUUU ZZH",
    "C O N F I D E N T I A L": "ZNY CCCCC ZZH",
    "S E C R E T": "ZNY SSSSS ZZH",
}
TITLES = ["Foreign Minister", "Deputy Foreign Minister", "Ambassador", "Director General", "MFA Director",
          "Minister of Defense", "Prime Minister", "Deputy Chief of Mission", "Political Counselor",
          "Interior Minister", "Central Bank Governor", "Opposition leader", "Presidential advisor"]  # fmt: skip
# Years weighted as in the release: most cables are from 2005-2010.
YEAR_WEIGHTS = {**{y: 1 for y in range(1966, 2000)}, **{y: 6 for y in range(2000, 2005)},
                2005: 40, 2006: 80, 2007: 100, 2008: 120, 2009: 140, 2010: 30}  # fmt: skip


@dataclass
class Pieces:
    words: list[str] = field(default_factory=list)
    weights: list[int] = field(default_factory=list)
    tags: list[tuple[str, ...]] = field(default_factory=list)
    posts: list[tuple[str, str]] = field(default_factory=list)  # (code, classification-line post)
    labels: list[str] = field(default_factory=list)
    paragraphs: list[list[tuple[str | None, int]]] = field(
        default_factory=list
    )  # markings, lengths
    participants: list[list[tuple[str | None, str | None]]] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    given: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)


def collect(sources: list[Path]) -> Pieces:
    pieces = Pieces()
    counts: Counter[str] = Counter()
    for path in sources:
        try:
            cable: Cable = parse_file(path)
        except CableError:
            continue
        for paragraph in cable.paragraphs:
            counts.update(w for w in paragraph.text.split() if not re.fullmatch(r"[xX]{4,}\W*", w))
        if cable.tags:
            pieces.tags.append(tuple(t for t in cable.tags if t.isupper() and "," not in t))
        if cable.origin_code:
            pieces.posts.append(
                (cable.origin_code, re.sub(r"(?<=\w)(?=[A-Z]{3,})", "", cable.origin_code))
            )
        if cable.classification in LEVEL_LINES:
            pieces.labels.append(cable.classification)
        shape = [(p.marking, len(p.text.split())) for p in cable.paragraphs if p.number is not None]
        if shape:
            pieces.paragraphs.append(shape)
        if cable.participants:
            pieces.participants.append([(p.title, p.side) for p in cable.participants])
        if cable.signer:
            pieces.signers.append(cable.signer.upper())
        for name in [p.name for p in cable.participants] + [m.name for m in cable.mentions]:
            parts = name.split()
            if len(parts) >= 2 and parts[0][0].isupper() and parts[-1][0].isupper():
                pieces.given.append(parts[0])
                pieces.surnames.append(parts[-1])
    for word, count in counts.most_common():
        pieces.words.append(word)
        pieces.weights.append(count)
    return pieces


class Generator:
    def __init__(self, pieces: Pieces, seed: int, size: int) -> None:
        self.p = pieces
        self.rng = random.Random(seed)
        self.cumulative = list(itertools.accumulate(pieces.weights))
        people = sorted({f"{g} {s}" for g, s in zip(pieces.given, pieces.surnames, strict=False)})
        extra = max(50, size // 20) - len(people)
        for _ in range(max(0, extra)):
            people.append(f"{self.rng.choice(pieces.given)} {self.rng.choice(pieces.surnames)}")
        self.rng.shuffle(people)
        self.people = people
        self.people_cumulative = list(
            itertools.accumulate(1 / (rank + 1) for rank in range(len(people)))
        )
        self.years = list(YEAR_WEIGHTS)
        self.year_cumulative = list(itertools.accumulate(YEAR_WEIGHTS.values()))
        self.numbers: Counter[tuple[int, str]] = Counter()
        self.made: list[tuple[int, str, int]] = []  # (year, post, number) of cables written

    def _words(self, count: int) -> str:
        total = self.cumulative[-1]
        picks = [
            self.p.words[bisect.bisect(self.cumulative, self.rng.random() * total)]
            for _ in range(count)
        ]
        return " ".join(picks)

    def _person(self) -> str:
        position = bisect.bisect(
            self.people_cumulative, self.rng.random() * self.people_cumulative[-1]
        )
        return self.people[min(position, len(self.people) - 1)]

    def _wrap(self, text: str) -> list[str]:
        lines, line = [], []
        for word in text.split():
            line.append(word)
            if sum(len(w) + 1 for w in line) > 68:
                lines.append(" ".join(line))
                line = []
        if line:
            lines.append(" ".join(line))
        return lines

    def cable(self) -> tuple[str, str]:
        rng = self.rng
        year = self.years[
            bisect.bisect(self.year_cumulative, rng.random() * self.year_cumulative[-1])
        ]
        code, post = rng.choice(self.p.posts)
        self.numbers[(year, code)] += rng.randint(1, 40)
        number = self.numbers[(year, code)]
        self.made.append((year, post, number))
        ident = f"{year % 100:02d}{code}{number}"
        label = rng.choice(self.p.labels)
        level = LEVEL_LINES[label]
        month, day, hour = rng.randrange(12), rng.randint(1, 28), rng.randint(0, 23)
        dtg = f"{day:02d}{hour:02d}{rng.randint(0, 59):02d}Z {MONTHS[month]} {year % 100:02d}"
        shape = rng.choice(self.p.paragraphs)
        sections = max(1, sum(n for _, n in shape) // 400)
        lines: list[str] = []
        style = rng.random()
        if style < 0.75 or year < 2000:
            if year >= 2000:
                lines += [
                    f"VZCZCXRO{rng.randint(1000, 9999)}",
                    "PP RUEHWEB",
                    f"DE RUEH{code[:2]} #{number:04d}/01 {rng.randint(1, 365):03d}{hour:02d}00",
                    ZNY[level],
                ]
            lines += [f"{rng.choice('OPR')} {dtg}", f"FM AMEMBASSY {post}", "TO RUEHC/SECSTATE WASHDC PRIORITY 1234",
                      "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE"]  # fmt: skip
        elif style < 0.9:
            lines.append(
                "This record is a partial extract of the original cable. The full text of the original cable is not available."
            )
        else:
            lines.append(
                f"Monday, {day:02d} {['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month]} {year}, {hour:02d}:00"
            )
        section = f"SECTION 01 OF {sections:02d} " if sections > 1 else ""
        lines += [f"{level} {section}{post} {number:06d}", "", "SIPDIS"]
        if label.endswith("NOFORN"):
            lines.append("NOFORN")
        if label.endswith("OFFICIAL USE ONLY"):
            lines.append("SENSITIVE")
        lines += ["", f"E.O. 12958: DECL: {month + 1:02d}/{day:02d}/{year + 10}"]
        tags = list(rng.choice(self.p.tags) if self.p.tags else ("PREL",))
        lines.append("TAGS: " + " ".join(tags))
        lines.append("SUBJECT: " + self._words(rng.randint(4, 12)).upper())
        refs = [
            r
            for r in (rng.choice(self.made[-500:]) for _ in range(rng.randint(0, 3)))
            if r[2] != number
        ]
        if refs:
            items = [
                f"{chr(65 + i)}. {ry % 100:02d} {rp} {rn}" for i, (ry, rp, rn) in enumerate(refs)
            ]
            lines += ["", "REF: " + " ".join(items)]
        if level != "UNCLAS":
            # E.O. 12958 listed its reasons in section 1.5 until its amendment of March 2003
            reasons = "1.4" if year >= 2003 else "1.5"
            lines += [
                "",
                f"Classified By: {rng.choice(TITLES)} {self._person()} for reasons {reasons} (b) and (d).",
                "",
            ]
        lines.append("")
        participants = (
            rng.choice(self.p.participants) if self.p.participants and rng.random() < 0.2 else []
        )
        for index, (marking, length) in enumerate(shape, start=1):
            text = self._words(max(8, length))
            if rng.random() < 0.5:
                cut = text.split()
                spot = rng.randrange(len(cut))
                cut.insert(spot, f"{rng.choice(TITLES)} {self._person()}")
                text = " ".join(cut)
            if index == 1 and rng.random() < 0.5:
                text = f"Summary: {text}. End Summary"
            if rng.random() < 0.1:
                text += f" (COMMENT: {self._words(rng.randint(10, 40))}. END COMMENT.)"
            wrapped = self._wrap(text + ".")
            mark = f" ({marking})" if marking else ""
            lines.append(f"¶{index}.{mark} {wrapped[0]}")
            lines += [*wrapped[1:], ""]
        if participants:
            lines.append(f"¶{len(shape) + 1}. (U) Participants:")
            side = None
            for title, participant_side in participants:
                if participant_side != side and participant_side:
                    lines += ["", participant_side]
                    side = participant_side
                lines.append(f"{title or 'Delegate'} {self._person()}")
            lines.append("")
        lines.append(rng.choice(self.p.signers) if self.p.signers else "SMITH")
        return f"{year}/{ident}.txt", "\n".join(lines) + "\n"


def default_sources() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        return sorted(corpus.glob("*.txt"))
    return sorted((ROOT / "cables").rglob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "cables").glob("*.txt")
    )


def generate(out: Path, count: int, sources: list[Path] | None = None, seed: int = 1) -> int:
    """Write *count* synthetic cables under *out*; return how many were written."""
    generator = Generator(collect(sources or default_sources()), seed, count)
    written = 0
    for _ in range(count):
        relative, text = generator.cable()
        target = out / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--source", type=Path, help="folder of real cables to recombine")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sources = sorted(args.source.rglob("*.txt")) if args.source else None
    written = generate(args.out, args.count, sources, args.seed)
    print(f"synth: wrote {written} cables under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
