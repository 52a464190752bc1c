"""Clean cable text -> the same cable as a scanner and OCR leave it, like the seed's extract.

Usage: python tools/ocr_noise.py IN_DIR OUT_DIR [--seed S] [--harsh]

Used by ``tools/evaluate.py --ocr`` to score the parser on noised copies of the corpus. The
damage is the seed's (../shared/seed), each kind at a rate drawn per cable:

- spaces doubled between words (``This  record  is``);
- punctuation split from its word (``interests .``, ``DECL :``, ``Rice ' s``, ``U.S. -Japan``,
  ``1 . 4 ( b / d)``);
- paragraph marks read wrong: the ``¶`` of ``¶3.`` as ``1``, ``1.``, ``11.``, ``!!_``, ``1[``,
  ``1_`` or ``T``;
- lines of over 80 characters wrapped at 55 to 75, as on the scanned page;
- page breaks: blank lines in the middle of paragraphs and fields.

Words and their order are kept, so what a careful reader gets from the cable is unchanged.
"""

from __future__ import annotations

import argparse
import random
import re
import zlib
from pathlib import Path

_MARK_RE = re.compile(r"^(\s*)¶(\d+)(\s*\.)", re.M)
_GARBLES = ("1", "1.", "11.", "!!_", "1[", "1_", "T")
_REASON_RE = re.compile(r"\b1\.([4-6]) ?\(([a-h])\)")
_SPLITS = (
    (re.compile(r"(?<=\w)([.,;:])(?=\s)"), r" \1"),  # "interests ." / "DECL :"
    (re.compile(r"(?<=\w)'(?=s\b)"), " ' "),  # "Rice ' s"
    (re.compile(r"(?<=\b[A-Z]\.[A-Z]\.)-(?=[A-Z])"), " -"),  # "U.S. -Japan"
)


def _double_spaces(text: str, rng: random.Random, rate: float) -> str:
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        line = words[0]
        for word in words[1:]:
            line += ("  " if word and rng.random() < rate else " ") + word
        lines.append(line)
    return "\n".join(lines)


def _split_marks(text: str, rng: random.Random, rate: float) -> str:
    text = _REASON_RE.sub(
        lambda m: f"1 . {m.group(1)} ( {m.group(2)})" if rng.random() < rate else m.group(0),
        text,
    )
    for pattern, replacement in _SPLITS:
        text = pattern.sub(
            lambda m, r=replacement: m.expand(r) if rng.random() < rate else m.group(0), text
        )
    return text


def _wrap(line: str, rng: random.Random) -> str:
    """A long line broken at spaces into lines of 55 to 75 characters, as the scanned page
    had them."""
    if len(line) <= 80:
        return line
    out, current = [], ""
    width = rng.randint(55, 75)
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current, width = word, rng.randint(55, 75)
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\n".join(out)


def noise(text: str, rng: random.Random, harsh: bool = False) -> str:
    """*text* with the seed's kinds of OCR damage, at rates drawn from *rng*. The seed's split
    marks stand one space off their word ("DECL :"); *harsh* doubles those spaces too."""
    garble_rate, split_rate = rng.uniform(0.5, 1.0), rng.uniform(0.1, 0.5)
    double_rate, break_rate = rng.uniform(0.6, 0.95), rng.uniform(0.02, 0.08)

    def garble(match: re.Match[str]) -> str:
        if rng.random() > garble_rate:
            return match.group(0)
        return f"{match.group(1)}{rng.choice(_GARBLES)}{match.group(2)}{match.group(3)}"

    text = _MARK_RE.sub(garble, text)
    text = "\n".join(_wrap(line, rng) for line in text.split("\n"))
    if harsh:
        text = _double_spaces(_split_marks(text, rng, split_rate), rng, double_rate)
    else:
        text = _split_marks(_double_spaces(text, rng, double_rate), rng, split_rate)
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and following.strip() and rng.random() < break_rate:
            out.append("")  # a page break between two lines of one paragraph or field
    return "\n".join(out)


def noise_corpus(source: Path, target: Path, seed: int = 1, harsh: bool = False) -> list[Path]:
    """Write a noised copy of every ``*.txt`` of *source* into *target*, same names; each
    cable's damage is drawn from its name and *seed*, so a copy is the same on every run."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.txt")):
        rng = random.Random(zlib.crc32(f"{seed}:{path.name}".encode()))
        copy = target / path.name
        copy.write_text(noise(path.read_text(encoding="utf-8"), rng, harsh), encoding="utf-8")
        written.append(copy)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--harsh", action="store_true", help="split marks two spaces off too")
    args = parser.parse_args()
    noised = noise_corpus(args.source, args.target, args.seed, args.harsh)
    print(f"{len(noised)} cables noised")


if __name__ == "__main__":
    main()
