"""Cable files -> a contributor's report: what was read and every problem, with its place.

``cable2md check`` is what a pull request adding cables runs. For each file it
says what the parser read (id, date, post, classification, TAGS with names,
subject, paragraphs, participants, people) and lists problems as
``path:line:col: level: message``: errors (the file cannot be read, an id that
another file holds with a different text, a file not at its canonical place
``cables/<year>/<ID>.txt``) make the check fail; warnings (parser defects,
unknown TAGS codes or posts, a duplicate of a file already in the archive) do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..archive import Curation, cable_year, canonical_codes, decisions, is_keyword
from ..parse import Cable, CableError, parse_file, reference
from ..render import md


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    column: int
    level: str  # "error" or "warning"
    message: str

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level}: {self.message}"

    def github(self) -> str:
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.level} file={self.path},line={self.line},col={self.column}::{message}"


@dataclass
class FileReport:
    path: str
    cable: Cable | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(problem.level == "error" for problem in self.problems)


def canonical_place(cable: Cable) -> str:
    """``<year>/<ID>.txt``: where a cable belongs inside the cables folder."""
    return f"{cable_year(cable)}/{cable.id}.txt"


def _same_id_files(cables_dir: Path, ident: str, path: Path) -> list[Path]:
    if not cables_dir.is_dir():
        return []
    resolved = path.resolve()
    return sorted(p for p in cables_dir.glob(f"*/{ident}.txt") if p.resolve() != resolved)


def check_file(path: Path, cables_dir: Path) -> FileReport:
    """Check one cable file against the archive in *cables_dir*."""
    name = str(path)
    report = FileReport(name)
    try:
        cable = parse_file(path)
    except CableError as error:
        report.problems.append(Problem(name, error.line, error.column, "error", error.message))
        return report
    report.cable = cable
    for defect in cable.defects:
        # A guessed id stops the check: the archive would file the cable under a year that
        # no text states (cable2md add --id, or --accept-guess, settles it); so does no id.
        guess = cable.id_source == "guess" and "rests on a guess" in defect.message
        no_id = cable.id is None and defect.message.startswith("no id could be formed")
        level = "error" if guess or no_id else "warning"
        message = defect.message
        if no_id:
            message = "the cable has no place in the archive: " + message
        report.problems.append(Problem(name, defect.line, defect.column, level, message))
    if cable.id is None:
        return report
    for other in _same_id_files(cables_dir, cable.id, path):
        same = other.read_bytes() == path.read_bytes()
        level, what = ("warning", "a duplicate of") if same else ("error", "in conflict with")
        detail = "the same text" if same else "a different text"
        report.problems.append(
            Problem(name, 1, 1, level, f"cable {cable.id} is {what} {other} ({detail})")
        )
    expected = canonical_place(cable)
    parts = path.resolve().parts
    if cable.filed_as:
        line, column = cable.location("classification")
        report.problems.append(
            Problem(
                name, line, column, "warning",
                f"filed as {cable.filed_as}, but the text reads {cable.id}: the page is"
                f" {cable.id}'s, says so, and {cable.filed_as}'s address leads to it",
            )
        )  # fmt: skip
    elif tuple(parts[-2:]) != tuple(expected.split("/")):
        report.problems.append(
            Problem(
                name,
                1,
                1,
                "error",
                f"file should be at {cables_dir.name}/{expected} (id {cable.id}); `cable2md add` puts it there",
            )
        )
    line, column = cable.location("tags")
    known = reference.tags()
    for tag in cable.tags:
        if "," in tag or not tag.isupper() or " " in tag:
            continue
        if is_keyword(tag):
            report.problems.append(
                Problem(name, line, column, "warning",
                        f"TAGS entry {tag!r} is a word, not a code: kept as a keyword, no topic page")
            )  # fmt: skip
            continue
        codes = canonical_codes(tag)
        unknown = [code for code in codes if code not in known]
        if unknown or codes != (tag,):
            hint = f" (read as {', '.join(codes)})" if codes != (tag,) and not unknown else ""
            if unknown or hint:
                report.problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        "warning",
                        f"TAGS code {tag!r} is not a known code{hint}",
                    )
                )
    return report


_ID_SOURCES = {
    "text": "id from the text: its date and serial",
    "file": "id from the file's place in the archive",
    "guess": "id guessed: the text gives no date",
}


def describe(report: FileReport) -> list[str]:
    """What the parser read, as short lines for a person reviewing the file."""
    cable = report.cable
    if cable is None:
        return [f"{report.path}: not read"]
    known = reference.tags()
    tags = (
        ", ".join(f"{tag} ({known[tag]['name']})" if tag in known else tag for tag in cable.tags)
        or "none"
    )
    people, set_aside = decisions(cable, Curation())
    numbered = sum(1 for p in cable.paragraphs if p.number is not None)
    return [
        f"{report.path}: {cable.id or 'no id'} ({_ID_SOURCES.get(cable.id_source or '', 'no id')})",
        f"  date: {cable.date or 'not in the text'}"
        + (f" (year from {cable.year_source})" if not cable.date and cable.year_source else ""),
        f"  post: {cable.origin or cable.origin_code or 'unknown'}",
        f"  classification: {cable.classification or 'unknown'}"
        + (f" · {' '.join(cable.handling)}" if cable.handling else ""),
        f"  TAGS: {tags}",
        f"  subject: {cable.subject or 'none'}",
        f"  paragraphs: {numbered} numbered, {len(cable.paragraphs) - numbered} other blocks",
        f"  participants: {len(cable.participants)}"
        + (f" ({', '.join(p.name for p in cable.participants)})" if cable.participants else ""),
        f"  people: {'; '.join(people) if people else 'none'}",
        *([f"  not people: {'; '.join(set_aside)}"] if set_aside else []),
    ]


def markdown_summary(reports: list[FileReport]) -> str:
    """A summary for a GitHub job page: one row per file, then the problems."""
    rows = [
        "## cable2md check",
        "",
        "| File | Id | Id from | Date | Post | Classification | Subject | TAGS | Paragraphs | Partial | Result |",
        "|---|---|---|---|---|---|---|---|--:|---|---|",
    ]
    for report in reports:
        cable = report.cable
        result = (
            "ok"
            if report.ok and not report.problems
            else ("warnings" if report.ok else "**errors**")
        )
        numbered = sum(1 for p in cable.paragraphs if p.number is not None) if cable else 0
        cells = [
            report.path,
            cable.id if cable and cable.id else "-",
            cable.id_source if cable and cable.id_source else "-",
            cable.date if cable and cable.date else "-",
            cable.origin if cable and cable.origin else "-",
            cable.classification if cable and cable.classification else "-",
            cable.subject if cable and cable.subject else "-",
            " ".join(cable.tags) if cable and cable.tags else "-",
            str(numbered) if cable else "-",
            ("yes" if cable.partial else "no") if cable else "-",
            result,
        ]
        # cable text is data: escaped so it never becomes Markdown or HTML in the summary
        text = [md(str(cell)).replace("|", "\\|") for cell in cells[:-1]] + [cells[-1]]
        rows.append("| " + " | ".join(text) + " |")
    problems = [p for report in reports for p in report.problems]
    if problems:
        rows += ["", "### Problems", ""] + [
            f"- `{p.path}:{p.line}:{p.column}` {p.level}: {md(p.message)}" for p in problems
        ]
    return "\n".join(rows) + "\n"
