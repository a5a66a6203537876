"""The calculation compiled with mypyc, used only when it was compiled from these very sources.

mypyc turns the typed source of `quote.py` into a C extension: the same code, about 1.3 times as
fast (`make bench` prints both). `make setup` compiles it (govcloud.calc.compiler) into the
virtualenv, not beside the source, in a folder named by a digest of the sources it was compiled
from and of the Python that loads it. `govcloud.calc` puts that folder first on its search path
only if the folder for today's sources exists: after an edit the source runs, until `make setup`
compiles it again, so a stale build never hides a change. The digest covers every module of the
package, not `quote.py` alone: compiled code relies on the types of what it imports (the fields of
a NamedTuple, for one). A build is renamed into place whole, so a folder under its name is
complete. Compiled classes and functions keep no docstrings (nothing reads them at run time).
"""

from __future__ import annotations

import hashlib
import sys
import sysconfig
from importlib.machinery import ExtensionFileLoader
from pathlib import Path
from types import ModuleType

MODULES = ("govcloud.calc.quote",)  # what is compiled: the calculation every quote runs
PACKAGE = Path(__file__).resolve().parents[1]  # src/govcloud
FOLDER = Path(sys.prefix) / "govcloud-compiled"  # one per virtualenv, with a folder for each build


def digest(package: Path = PACKAGE) -> str:
    """One digest of every module of the package (names and contents) and of the extension suffix
    of the Python reading it (its version and ABI). An editor's lock or backup file beside a module
    (Emacs' `.#quote.py`, a dangling link) is not a module."""
    sha = hashlib.sha256(str(sysconfig.get_config_var("EXT_SUFFIX")).encode() + b"\0")
    for path in sorted(package.rglob("*.py")):
        if not path.name.startswith(".") and path.is_file():
            sha.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()


def source_path(module: str) -> Path:
    """The .py file of a module of the package ("govcloud.calc.quote")."""
    return PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py")


def build_folder(folder: Path = FOLDER) -> Path:
    """Where the build of today's sources is, or goes."""
    return folder / digest()[:32]


def search_path(package: str, path: list[str], folder: Path = FOLDER) -> list[str]:
    """`package`'s search path, with its compiled modules' folder first when they are of today's
    sources; as it was if they are not, or if the sources cannot be read as a whole just now."""
    try:
        built = build_folder(folder)
    except OSError:
        return path
    return [str(built.joinpath(*package.split("."))), *path] if built.is_dir() else path


def in_use(module: ModuleType) -> bool:
    """Whether `module` runs compiled (an extension module) rather than from its source."""
    return isinstance(getattr(module, "__loader__", None), ExtensionFileLoader)
