"""The calculation compiled with mypyc, used only when it was compiled from these very sources.

mypyc turns the typed source of `quote.py` into a C extension: the same code, about a third
faster (`make bench` prints both). `make setup` compiles it (govcloud.calc.compiler)
into the virtualenv, not beside the source, with a digest of the sources it was compiled from.
`govcloud.calc` puts that folder first on its search path only while the digest matches: after an
edit the source runs, until `make setup` compiles it again, so a stale build never hides a change.
The digest covers every module of the package, not `quote.py` alone: compiled code relies on the
types of what it imports (the fields of a NamedTuple, for one).
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

MODULES = ("govcloud.calc.quote",)  # what is compiled: the calculation every quote runs
PACKAGE = Path(__file__).resolve().parents[1]  # src/govcloud
FOLDER = Path(sys.prefix) / "govcloud-compiled"  # one per virtualenv, for its own Python
STAMP = "sources.sha256"


def digest(package: Path = PACKAGE) -> str:
    """One digest of every module of the package: names and contents."""
    sha = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        sha.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()


def fresh(folder: Path = FOLDER) -> bool:
    """Whether `folder` holds modules compiled from the sources as they are now."""
    stamp = folder / STAMP
    return stamp.is_file() and stamp.read_text().strip() == digest()


def search_path(package: str, path: list[str], folder: Path = FOLDER) -> list[str]:
    """`package`'s search path, with its compiled modules' folder first when they are fresh."""
    return [str(folder.joinpath(*package.split("."))), *path] if fresh(folder) else path


def in_use(module: ModuleType) -> bool:
    """Whether `module` runs compiled (an extension) rather than from its source."""
    return not (module.__file__ or "").endswith(".py")


def source(name: str) -> ModuleType:
    """Module `name` run from its source, under another name, even while its compiled copy is in
    use: the bench times the two side by side and a test holds them to the same quotes."""
    path = PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
    spec = importlib.util.spec_from_file_location(f"{name}_source", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NamedTuple and dataclass machinery look their module up
    spec.loader.exec_module(module)
    return module
