"""The fidelity audit: every word of a cable's body stands on its page, once, in its order.

Usage: python tools/fidelity.py CABLES [--list N] [--ocr [--harsh] [--seed N]]

For each cable the archive builds from CABLES, the words of its raw body (from its first
paragraph on: the parser's first paragraph, or an earlier ``1.`` with a marking that the
parser read as part of the header) are compared with the words of its page's Text section.
Lines the parser set aside as transmission furniture (page headers, routing blocks) and the
publisher's trailer are not the author's text and are left out. A word is a run of letters
and digits (case aside) of two characters or more, bare numbers of one or two digits aside
(paragraph numbers garbled by the scanner). What the page adds itself (permalinks, the
summary's label, comment boxes' titles, a note on an empty text) is left out of the page's.

The two sequences are aligned (difflib); a raw word with no place on the page is *lost*, a
lost run that stands elsewhere on the page is *moved*, and a page word that is in the raw
body fewer times than on the page is *duplicated*. Prints each cable with lost, moved or
duplicated words, the words, and the count; exits 0 (it measures, it does not judge).
With --ocr the cables are first noised as a scan would (tools/ocr_noise.py), as ``make eval``
does for the parser's accuracy.
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from cable2md.build import build  # noqa: E402
from cable2md.parse import Cable, CableError, parse_file  # noqa: E402

_WORD = re.compile(r"[^\W_]+")
# "1. (C/NF)" or "1. Summary": a first paragraph's mark, wherever on its line it stands.
_FIRST_MARK = re.compile(
    r"(?:^|(?<=\s))(?:¶\s*)?1\s*\.\s*(?=\(\s*[A-Z]{1,4}\b|[A-Z][a-z]|[A-Z]{2})"
)
_FURNITURE = re.compile(
    r"\s*(?:PAGE\s+\d|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE"
    r"|SENSITIVE|NOFORN|SIPDIS|PTQ\d+|\s)+$|VZCZC|NNNN|BT\s*$|#\d|ZNY\b|ZNR\b|[ROPZ]\s+\d{6}Z"
    r"|FM\s|TO\s|INFO\s|DE\s+R|R[UH][A-Z]{3}|[ROPZ]{1,2}\s+R[UH][A-Z]{3}|ACTION\s|[-_=\s]+(?:[A-Z0-9]{4,}\s+\d{6}Z\s*/\d+)?\s*$"
    r"|(?:[A-Z]{1,5}-\d\d\s*)+|/\d{3}W|[A-Z][A-Z .']*\s+\d{3,8}\s+\d{1,3}(?:\.\d)?\s+OF\s+\d{1,3}\s*$)"
)
# Field labels, which a section's repeated header may spell otherwise (SUBJ: for SUBJECT:).
_LABELS = {"subject", "subj", "tags", "ref", "refs", "eo", "decl", "classified", "by", "reason", "reasons"}  # fmt: skip
# What the renderer adds to the Text section that is not the cable's text.
_PAGE_ADDED = [
    re.compile(r'\[¶\]\(#[^)]*"Link to this paragraph"\)\{: \.cable-permalink \}'),
    re.compile(r'<p class="cable-summary-label">[^<]*</p>'),
    re.compile(r'^!!! \w+ "[^"]*"$', re.M),
    re.compile(r'<p class="cable-text-note">.*?</p>', re.S),
    re.compile(r"^\{:[^}]*\}$", re.M),
    re.compile(r"\{: [^}]*\}"),
]
_APPENDED_TITLE = re.compile(r'^### [^\n]*\n\n(?=<p class="cable-text-note">)', re.M)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")


def words(text: str) -> list[str]:
    found = []
    for word in _WORD.findall(text):
        if len(word) < 2 or (word.isdigit() and len(word) <= 2):
            continue
        found.append(word.casefold())
    return found


def text_section(page: str) -> str:
    """The Text section of a cable page's Markdown, as plain text."""
    start = page.find("\n## Text\n")
    if start < 0:
        return ""
    section = page[start + len("\n## Text\n") :]
    also = ""
    start = section.find("\n## Also in this file\n")
    if start >= 0:  # the other cables the file holds, each under its title and a note
        also = section[start + len("\n## Also in this file\n") :]
        also = _APPENDED_TITLE.sub("", also.split("\n## Referenced by\n")[0])
    for heading in ("\n## Participants\n", "\n## Also in this file\n", "\n## Referenced by\n"):
        end = section.find(heading)
        if end >= 0:
            section = section[:end]
    section += "\n" + also
    for pattern in _PAGE_ADDED:
        section = pattern.sub(" ", section)
    section = _LINK.sub(r"\1", section)
    section = _TAG.sub(" ", section)
    return html.unescape(section)


def _squeezed(text: str) -> str:
    return "".join(words(text))


def body_start(cable: Cable, lines: list[str]) -> tuple[int, int]:
    """Line (1-based) and column (0-based) where the cable's body begins: its first paragraph
    (or the heading over it), or an earlier first paragraph mark the header holds."""
    opening = next((p for p in cable.paragraphs if p.line), None)
    first = opening.line if opening else len(lines) + 1
    if opening and opening.heading:  # the heading stands on a line of its own above
        heading = _squeezed(opening.heading)
        first = next(
            (
                n
                for n in range(first - 1, max(first - 7, 0), -1)
                if _squeezed(lines[n - 1]) == heading
            ),
            first,
        )
    after = max(cable.location("subject")[0], cable.location("tags")[0])
    for number in range(after, min(first, len(lines)) + 1):
        match = _FIRST_MARK.search(lines[number - 1])
        if match:
            return number, match.start()
    return first, 0


def is_furniture(text: str, header: set[str]) -> bool:
    """Whether a line the parser set aside is transmission furniture by the audit's own
    reading: a page header, a marking, routing and distribution lines, a rule; or a header
    repeated at a new section, every word of which the cable's header holds. Anything else
    set aside counts as the author's text."""
    return bool(_FURNITURE.match(text)) or set(words(text)) - _LABELS <= header


def _first_line(cable: Cable) -> int:
    """The first line of the file a cable read from it holds (an appended cable's start)."""
    found = [p.line for p in cable.paragraphs] + [line for _, line, _ in cable.locations]
    return min(found + [a.line for a in cable.artifacts], default=0)


def raw_body(cable: Cable, text: str) -> str:
    """The raw body of *cable* and of each cable the file holds after it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ends = [_first_line(other) for other in cable.appended] + [len(lines) + 1]
    # Where the parser saw the second cable begin (its export row, its routing): the first
    # cable's text ends there.
    starts = [d.line for d in cable.defects if d.message.startswith("a second cable")]
    if cable.appended and starts:
        ends[0] = starts[0]
    # Furniture is set aside before the file is parted: any cable's may stand in another's.
    artifacts = [*cable.artifacts, *(a for other in cable.appended for a in other.artifacts)]
    parts = [_raw_body(cable, lines, ends[0] - 1, artifacts)]
    for other, end in zip(cable.appended, ends[1:], strict=True):
        parts.append(_raw_body(other, lines, end - 1, artifacts))
    return "\n".join(parts)


def _raw_body(cable: Cable, lines: list[str], last: int, artifacts: list) -> str:
    """The words of *cable*'s body: from its first paragraph to line *last*."""
    line, column = body_start(cable, lines)
    header = set(words("\n".join(lines[: line - 1])))
    furniture: dict[int, list[str]] = {}
    for artifact in artifacts:
        if is_furniture(artifact.text, header):
            furniture.setdefault(artifact.line, []).append(artifact.text)
    trailer = {line.strip() for line in cable.trailer}
    numbered = [p for p in cable.paragraphs if p.number is not None]
    # A paragraph's mark: on its line, or with its marking above a heading's rule
    # ("T4. (C) Gold To the Rescue?" over "-----"), as garbled as a scan made it.
    starts = {p.line: (p.number, r"\s*\.?") for p in numbered}
    for paragraph in numbered:
        for above in (1, 2):
            starts.setdefault(paragraph.line - above, (paragraph.number, r"\s*\.\s*(?=\()"))
    kept = []
    for number in range(line, last + 1):
        content = lines[number - 1][column if number == line else 0 :]
        for removed in furniture.get(number, ()):  # a page header's line may go on with text
            content = content.replace(removed.strip(), " ", 1)
        if number in starts:
            mark, after = starts[number]
            content = re.sub(rf"^\s*\S{{0,3}}?\s*{mark}{after}", " ", content, count=1)
        if content.strip() and content.strip() not in trailer:
            kept.append(content)
    signer, last = words(cable.signer or ""), words(kept[-1]) if kept else []
    # The release's export often doubles the signature ("PARDEW PARDEW"): one signer.
    if signer and len(last) > len(signer) and last == signer * (len(last) // len(signer)):
        kept[-1] = cable.signer or ""
    return "\n".join(kept)


@dataclass
class Finding:
    ident: str
    lost: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)

    @property
    def faulty(self) -> bool:
        return bool(self.lost or self.moved or self.duplicated)


def compare(ident: str, raw: list[str], page: list[str]) -> Finding:
    finding = Finding(ident)
    matcher = difflib.SequenceMatcher(None, raw, page, autojunk=False)
    deleted: list[str] = []
    inserted: Counter[str] = Counter()
    for tag, raw_start, raw_end, page_start, page_end in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            deleted += raw[raw_start:raw_end]
        if tag in ("insert", "replace"):
            inserted.update(page[page_start:page_end])
    for word in deleted:
        if inserted[word] > 0:
            inserted[word] -= 1
            finding.moved.append(word)
        else:
            finding.lost.append(word)
    raw_counts, page_counts = Counter(raw), Counter(page)
    finding.duplicated = sorted(w for w, n in page_counts.items() if n > raw_counts.get(w, 0) and w in raw_counts)  # fmt: skip
    return finding


def audit(cables: Path) -> tuple[int, list[Finding], list[str]]:
    """Build *cables* and audit every page; returns the number of cables, the findings of
    the faulty ones and the files that were not read."""
    with tempfile.TemporaryDirectory(prefix="cable2md-fidelity-") as scratch:
        docs = Path(scratch) / "docs"
        report, index = build(cables, docs, cache_dir=Path(scratch) / "cache")
        findings = []
        for ident in index.order:
            row = index.cables[ident]
            page = docs / "cables" / str(row.date[:4] if row.date else "") / f"{ident}.md"
            if not page.exists():
                page = next(docs.glob(f"cables/*/{ident}.md"))
            source = cables / row.source
            try:
                cable = parse_file(source)
            except CableError as error:
                report.rejected.append(str(error))
                continue
            raw = words(raw_body(cable, source.read_text(encoding="utf-8", errors="replace")))
            shown = words(text_section(page.read_text(encoding="utf-8")))
            finding = compare(ident, raw, shown)
            if finding.faulty:
                findings.append(finding)
        return len(index.order), findings, report.rejected


def _sample(items: list[str], size: int = 12) -> str:
    shown = " ".join(items[:size])
    return shown + (f" ... (+{len(items) - size})" if len(items) > size else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cables", type=Path)
    parser.add_argument("--list", type=int, default=1000, help="cables listed at most")
    parser.add_argument("--ocr", action="store_true", help="audit an OCR-noised copy")
    parser.add_argument("--harsh", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cable2md-noised-") as scratch:
        folder, label = args.cables, "clean"
        if args.ocr:
            from ocr_noise import noise_corpus

            folder = Path(scratch)
            noise_corpus(args.cables, folder, seed=args.seed, harsh=args.harsh)
            label = f"OCR-noised{' (harsh)' if args.harsh else ''}, seed {args.seed}"
        total, findings, rejected = audit(folder)
    for finding in findings[: args.list]:
        print(f"  {finding.ident}: {len(finding.lost)} lost, {len(finding.moved)} moved, "
              f"{len(finding.duplicated)} duplicated")  # fmt: skip
        for kind in ("lost", "moved", "duplicated"):
            if getattr(finding, kind):
                print(f"    {kind}: {_sample(getattr(finding, kind))}")
    for message in rejected:
        print(f"  not built: {message}")
    lost = sum(1 for f in findings if f.lost or f.moved)
    print(
        f"fidelity ({label}): {lost} of {total} cables with lost or moved words, "
        f"{sum(1 for f in findings if f.duplicated)} with duplicated words, "
        f"{len(rejected)} files not built"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
