"""What a build did -> the counts and problems ``cable2md build`` prints."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    files: int = 0
    cables: int = 0
    parsed: int = 0
    rendered: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    def text(self) -> str:
        """The counts on one line, then a line for each duplicate and each rejected file."""
        lines = [
            f"cable2md build: read {self.files} files, {self.cables} cables "
            f"({self.parsed} parsed, {self.rendered} cable pages rendered); "
            f"wrote {self.written} files, {self.unchanged} unchanged, {self.removed} removed; "
            f"{len(self.duplicates)} duplicate, {len(self.rejected)} rejected"
        ]
        lines += [
            f"  duplicate: {path} has the same text as {other}" for path, other in self.duplicates
        ]
        lines += [f"  rejected: {message}" for message in self.rejected]
        return "\n".join(lines)
