"""A built site -> published: GitHub Pages' limits checked, or an object store synced with rclone.

GitHub Pages takes a site of at most 1 GB, with no file over 100 MB (GitHub's documented
limits); :func:`pages_problems` says, before any upload, which of them a site passes. Past them,
:func:`sync` publishes to any S3-compatible object store (AWS S3, Cloudflare R2, MinIO)
with ``rclone sync --checksum``: a file is uploaded only when its content changed, so adding
a cable uploads the few pages it changed, and files the site no longer has are deleted.
The store is an rclone remote, configured by ``RCLONE_CONFIG_<NAME>_...`` environment
variables (docs/deploy.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

PAGES_SITE_LIMIT = 1_000_000_000  # bytes: "Published GitHub Pages sites may be no larger than 1 GB"
PAGES_FILE_LIMIT = 100 * 1024 * 1024  # bytes: GitHub blocks files over 100 MiB


class PublishError(RuntimeError):
    """The site cannot be published as asked; the message says why and what to do."""


def _size(number: int) -> str:
    return f"{number / 1_000_000:,.1f} MB"


def pages_problems(
    site: Path, site_limit: int = PAGES_SITE_LIMIT, file_limit: int = PAGES_FILE_LIMIT
) -> list[str]:
    """Why GitHub Pages would refuse *site* (empty when it fits)."""
    total, large = 0, []
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if size > file_limit:
                large.append(f"{path.relative_to(site).as_posix()} ({_size(size)})")
    problems = []
    if total > site_limit:
        problems.append(
            f"the site is {_size(total)}, over GitHub Pages' limit of {_size(site_limit)}: "
            "publish it to an object store instead (docs/deploy.md)"
        )
    if large:
        problems.append(
            f"{len(large)} file(s) over GitHub Pages' {_size(file_limit)} per file: "
            + ", ".join(large[:5])
        )
    return problems


@dataclass
class Synced:
    """What one sync did: the files uploaded (new or changed) and deleted, by path."""

    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def text(self) -> str:
        return f"{len(self.uploaded):,} file(s) uploaded, {len(self.deleted):,} deleted"


def sync(site: Path, remote: str, *, rclone: str = "rclone", transfers: int = 16) -> Synced:
    """``rclone sync --checksum`` of *site* to *remote* (``name:bucket/path``)."""
    program = shutil.which(rclone)
    if program is None:
        raise PublishError(
            f"{rclone} not found: install rclone (apt-get install rclone, or rclone.org)"
        )
    if ":" not in remote:
        raise PublishError(f"{remote!r} is not an rclone remote: write it as NAME:bucket/path")
    command = [
        program, "sync", str(site), remote, "--checksum", "--transfers", str(transfers),
        "--use-json-log", "--log-level", "INFO", "--stats", "0",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    done = Synced()
    for line in result.stderr.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        message, name = str(entry.get("msg", "")), str(entry.get("object", ""))
        if message.startswith("Copied (") and name:
            done.uploaded.append(name)
        elif message.startswith("Deleted") and name:
            done.deleted.append(name)
    if result.returncode:
        errors = [line for line in result.stderr.splitlines() if '"level":"error"' in line]
        raise PublishError(
            f"rclone sync to {remote} failed (exit {result.returncode}): "
            + ("; ".join(errors[:3]) or result.stderr[-500:])
        )
    return done
