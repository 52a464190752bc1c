"""The parser's modules compiled with mypyc, used only while they match their source.

``tools/build_native.py`` (run by ``make native``, which ``make test``, ``make bench``,
``make serve`` and ``make build`` run first) compiles every module of this folder but this one
and ``__init__`` (which load the others) into ``.cache/native/<digest>/``, where the digest
covers the interpreter's version and build and the source of every module compiled. On
import, :mod:`cable2md.parse` puts that folder first on its ``__path__`` when it exists: an
edited module changes the digest, so stale compiled code is never run; the parser is then
the plain Python one, which stays the reference (``CABLE2MD_PURE=1`` asks for it).
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib import machinery
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
STORE = FOLDER.parent.parent / ".cache" / "native"
# What loads the compiled modules stays Python: it runs before they can be found.
LOADERS = frozenset({"__init__", "native"})

# The folder in use, None when the parser runs as plain Python.
active: Path | None = None


def native_modules(folder: Path = FOLDER) -> list[str]:
    """The modules compiled: every module of the parser's folder but its loaders."""
    return sorted(path.stem for path in folder.glob("*.py") if path.stem not in LOADERS)


def digest(folder: Path = FOLDER) -> str:
    """A digest of what the compiled modules are made from: their source and the
    interpreter (two builds of one Python version share an extension suffix, not their
    internals)."""
    hasher = hashlib.sha256(f"{sys.version} {machinery.EXTENSION_SUFFIXES[0]}".encode())
    for module in native_modules(folder):
        hasher.update(module.encode())
        hasher.update((folder / f"{module}.py").read_bytes())
    return hasher.hexdigest()[:16]


def folder() -> Path:
    """Where the compiled modules of the current source are (or would be) kept."""
    return STORE / digest()


def use_native(package_path: list[str]) -> Path | None:
    """Put the compiled modules before the source on *package_path* (``cable2md.parse.__path__``)
    when they were built from the current source; return their folder, else None."""
    global active
    if os.environ.get("CABLE2MD_PURE"):
        return None
    trial = os.environ.get("CABLE2MD_NATIVE_TRIAL")  # a build being checked before it is kept
    try:
        built = Path(trial) if trial else folder()
    except OSError:  # an installed copy without its source: nothing to compare with
        return None
    if not (trial or (built / "complete").exists()):
        return None
    package_path.insert(0, str(built / "cable2md" / "parse"))
    sys.path.append(str(built))  # mypyc's shared library is a top-level module
    active = built
    return built
