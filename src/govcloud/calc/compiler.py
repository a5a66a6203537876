"""`python -m govcloud.calc.compiler [--force]`: compile the calculation with mypyc unless today's
sources are compiled already (`make setup` runs it: a fifth of a second when nothing changed).

What is compiled, where it is kept and when it is used: govcloud.calc.compiled. A build that
fails (a type error mypy finds, no C compiler) is reported and leaves the calculation running
from its source, so that `make serve` and `make build` go on; tests/unit/test_compiled.py fails
until it compiles.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from govcloud.calc.compiled import FOLDER, MODULES, PACKAGE, build_folder


def build(folder: Path = FOLDER) -> Path:
    """Compile MODULES into the folder for today's sources: built beside it, then renamed into
    place whole (one rename on one file system), so that a failed, interrupted or concurrent build
    never leaves a partial folder under that name; older builds are then removed."""
    from mypyc.build import mypycify  # the lint extra's mypy: only `make setup` needs it
    from setuptools import Distribution

    target = build_folder(folder)  # named by the sources as they were when the compiler read them
    paths = [str(PACKAGE.joinpath(*m.split(".")[1:]).with_suffix(".py")) for m in MODULES]
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".building-", dir=folder) as temp:
        work, built = Path(temp, "c"), Path(temp, "lib")
        extensions = mypycify(paths, target_dir=str(work))
        dist = Distribution({"name": "govcloud-compiled", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib, command.build_temp = str(built), str(work / "temp")
        dist.run_command("build_ext")
        try:
            os.rename(built, target)
        except OSError:
            if not target.is_dir():  # else another build of the same sources got there first
                raise
    for old in folder.iterdir():
        if old != target and not old.name.startswith(".building-"):
            shutil.rmtree(old, ignore_errors=True)
    return target


def main(argv: list[str]) -> int:
    if "--force" not in argv and build_folder().is_dir():
        return 0
    try:
        target = build(FOLDER)
    except (Exception, SystemExit) as failed:  # mypyc reports a type error by exiting
        print(
            f"govcloud: the calculation was not compiled ({type(failed).__name__}: {failed}); it runs "
            "from its source (`make check` shows a type error)",
            file=sys.stderr,
        )
        return 0
    print(f"compiled {', '.join(MODULES)} into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
