"""`python -m govcloud.calc.compiler [--force]`: compile the calculation with mypyc unless the
compiled copy is of today's sources (`make setup` runs it: a second or two when nothing changed).

What is compiled, where it is kept and when it is used: govcloud.calc.compiled.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from govcloud.calc.compiled import FOLDER, MODULES, PACKAGE, STAMP, digest, fresh


def build(folder: Path = FOLDER) -> None:
    """Compile MODULES into `folder`: built aside, then moved in, the stamp written last, so that
    a failed or interrupted build leaves no folder that claims to be fresh."""
    from mypyc.build import mypycify  # the lint extra's mypy: only `make setup` needs it
    from setuptools import Distribution

    stamp = digest()  # of the sources as they were when the compiler read them
    paths = [str(PACKAGE.joinpath(*m.split(".")[1:]).with_suffix(".py")) for m in MODULES]
    with tempfile.TemporaryDirectory(prefix="govcloud-mypyc-") as temp:
        work, built = Path(temp, "c"), Path(temp, "lib")
        extensions = mypycify(paths, target_dir=str(work))
        dist = Distribution({"name": "govcloud-compiled", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib, command.build_temp = str(built), str(work / "temp")
        dist.run_command("build_ext")
        (built / STAMP).write_text(stamp + "\n")
        shutil.rmtree(folder, ignore_errors=True)
        shutil.move(built, folder)


if __name__ == "__main__":
    if "--force" in sys.argv[1:] or not fresh():
        build()
        print(f"compiled {', '.join(MODULES)} into {FOLDER}")
