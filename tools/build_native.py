"""Compile the parser's modules with mypyc into .cache/native/<digest>/ (cable2md/parse/native.py).

Usage: python tools/build_native.py [--check]

Nothing is done when the folder of the current source is already complete. The compiled
parser is kept only if it reads the seed, the test fixtures and the hostile cables exactly as
the plain Python parser does; otherwise the folder is removed and the exit code is 1.
With --check, only say whether the compiled parser of the current source is built.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
os.environ["CABLE2MD_PURE"] = "1"  # this process reads the source, never a compiled copy

from cable2md.parse import native  # noqa: E402

# Cables read by both parsers before a build is kept: every shape the repository holds, and
# synthetic cables recombined from them (tools/synth.py).
SAMPLES = ("tests/fixtures", "tests/hostile", "cables")
SYNTHETIC = 400

_DUMP = """
import json, sys
from pathlib import Path
import cable2md
from cable2md.parse import CableError, parse_bytes
from cable2md.parse.native import active
out = {"native": str(active) if active else None, "records": {}}
for path in sys.argv[1:]:
    try:
        out["records"][path] = parse_bytes(Path(path).read_bytes(), path).to_dict()
    except CableError as error:
        out["records"][path] = str(error)
print(json.dumps(out, sort_keys=True, default=str))
"""


def _samples(scratch: Path) -> list[str]:
    from synth import generate

    paths: list[str] = []
    for folder in SAMPLES:
        paths += sorted(str(p) for p in (ROOT / folder).rglob("*.txt"))
    generate(scratch, SYNTHETIC, sources=[Path(p) for p in paths if "hostile" not in p])
    return paths + sorted(str(p) for p in scratch.rglob("*.txt"))


def _records(trial: Path | None, paths: list[str]) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "CABLE2MD_PURE"}
    if trial is None:
        env["CABLE2MD_PURE"] = "1"
    else:
        env["CABLE2MD_NATIVE_TRIAL"] = str(trial)
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, *paths], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"build_native: the parser failed on the samples:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def compile_into(target: Path) -> None:
    """Run mypyc over the native modules; the extensions land in *target*."""
    from mypyc.build import mypycify  # the build needs mypy; reading cables does not
    from setuptools import Distribution

    sources = [f"cable2md/parse/{module}.py" for module in native.native_modules()]
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(ROOT)  # mypyc names modules by their path from here
        extensions = mypycify(
            ["--ignore-missing-imports", *sources], opt_level="3", target_dir=f"{scratch}/c"
        )
        distribution = Distribution({"name": "cable2md-native", "ext_modules": extensions})
        command = distribution.get_command_obj("build_ext")
        command.build_lib, command.build_temp = str(target), f"{scratch}/o"
        command.ensure_finalized()
        command.run()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    final = native.folder()
    if (final / "complete").exists():
        print(f"build_native: compiled parser up to date ({final.relative_to(ROOT)})")
        return 0
    if args.check:
        print("build_native: the compiled parser of this source is not built")
        return 1
    start = time.perf_counter()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{final.name}-", dir=final.parent))
    try:
        compile_into(staging)
        with tempfile.TemporaryDirectory() as scratch:
            paths = _samples(Path(scratch))
            compiled, pure = _records(staging, paths), _records(None, paths)
            if compiled["native"] != str(staging):
                raise SystemExit(f"build_native: the compiled parser did not load from {staging}")
            differ = [p for p in paths if compiled["records"][p] != pure["records"][p]]
            if differ:
                raise SystemExit(
                    f"build_native: the compiled parser reads {len(differ)} of {len(paths)} "
                    f"cables otherwise than the Python one, first {differ[0]}; not kept"
                )
        (staging / "complete").write_text(f"{len(paths)} cables read alike\n")
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(final, ignore_errors=True)
        raise
    for old in final.parent.iterdir():  # earlier sources' builds
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    print(
        f"build_native: {len(native.native_modules())} modules compiled in "
        f"{time.perf_counter() - start:.0f} s, {len(paths)} cables read alike "
        f"({final.relative_to(ROOT)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
