"""`python -m govcloud.calc.compiler`: compile the calculation with mypyc unless today's sources
are compiled already (`make setup` runs it: a fifth of a second when nothing changed).

What is compiled, where it is kept and when it is used: govcloud.calc.compiled. A build that
cannot run (no C compiler, no Python headers) or fails (a type error mypy finds) is reported and
leaves the calculation running from its source, so that `make serve` and `make build` go on;
tests/unit/test_compiled.py fails until it compiles. A failed build of some sources is not tried
again until they change (or `.venv/govcloud-compiled/` is deleted).
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from govcloud.calc.compiled import FOLDER, MODULES, build_folder, source_path

FAILED = ".failed-"  # a marker beside the builds: these sources did not compile
BUILDING = ".building-"  # a build under way (or one killed: removed after an hour)


def missing_tools() -> str | None:
    """What mypyc needs and this machine lacks, in words; None when it has both."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}: apt-get install gcc)"
    if not headers.is_file():
        return f"no {headers} (apt-get install python3-dev)"
    return None


def build(folder: Path = FOLDER) -> Path:
    """Compile MODULES into the folder for today's sources: built beside it, then renamed into
    place whole (one rename on one file system), so that a failed, interrupted or concurrent build
    never leaves a partial folder under that name; the other builds are then removed."""
    from mypyc.build import mypycify  # the lint extra's mypy: only `make setup` needs it
    from setuptools import Distribution

    target = build_folder(folder)  # named by the sources as they were when the compiler read them
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=BUILDING, dir=folder) as temp:
        work, built = Path(temp, "c"), Path(temp, "lib")
        extensions = mypycify([str(source_path(m)) for m in MODULES], target_dir=str(work))
        dist = Distribution({"name": "govcloud-compiled", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib, command.build_temp = str(built), str(work / "temp")
        dist.run_command("build_ext")
        if build_folder(folder) != target:
            raise RuntimeError("a module changed while it was compiled: run `make setup` again")
        try:
            os.rename(built, target)
        except OSError:
            if not target.is_dir():  # else another build of the same sources got there first
                raise
    for other in folder.iterdir():
        if other == target or other.name.startswith(BUILDING) and time.time() - other.stat().st_mtime < 3600:
            continue
        if other.is_dir():
            shutil.rmtree(other)
        else:
            other.unlink()  # a failed build's marker
    return target


def main(folder: Path = FOLDER) -> int:
    target = build_folder(folder)
    failed = folder / (FAILED + target.name)
    if target.is_dir():
        return 0
    reason: str | None
    if failed.is_file():
        reason = failed.read_text().strip()
    else:
        reason = missing_tools()
        if reason is None:
            try:
                print(f"compiled {', '.join(MODULES)} into {build(folder)}")
                return 0
            except (Exception, SystemExit) as error:  # mypyc reports a type error by exiting
                reason = f"it failed ({type(error).__name__}: {error}; `make check` shows a type error)"
                folder.mkdir(parents=True, exist_ok=True)
                failed.write_text(reason + "\n")
    print(f"govcloud: the calculation is not compiled: {reason}; it runs from its source", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
