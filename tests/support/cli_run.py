"""Run `govcloud` as a user does (a subprocess), and make bad copies of the real data.

Bad data files are built by editing a copy of `data/products.yml` textually, so
the line numbers in the expected messages are real and can be read off the text.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from harness import ROOT

DATA = ROOT / "data" / "products.yml"
SCENARIOS = ROOT / "data" / "scenarios.yml"
# The frozen catalog the calculation and CLI tests work their figures out from.
FIXTURE = ROOT / "tests" / "support" / "fixtures" / "products.yml"
# Two dated price changes that tests add to FIXTURE (catalogs.dated_text).
PRICE_CHANGES = ROOT / "tests" / "support" / "fixtures" / "price-changes.yml"
GOVCLOUD = Path(sys.executable).parent / "govcloud"
# A cap on the address space of the child: an unbounded alias expansion would hit it.
MEMORY_CAP = 1 << 30


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the variables that point govcloud at other data."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVCLOUD_")}
    return {**env, **extra}


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(
    *args: str,
    cwd: Path = ROOT,
    stdin: bytes | str | None = None,
    module: bool = False,
    env: dict[str, str] | None = None,
    cap_memory: bool = False,
) -> subprocess.CompletedProcess:
    """`govcloud ARGS` (or `python -m govcloud ARGS`), text output, never raising on failure."""
    command = [sys.executable, "-m", "govcloud"] if module else [str(GOVCLOUD)]
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run(
        command + list(args),
        cwd=cwd,
        input=data,
        capture_output=True,
        env=env or clean_env(),
        timeout=60,
        preexec_fn=_cap_memory if cap_memory else None,
    )
    # Decode here so invalid bytes in the output cannot hide a failure.
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


def edited(tmp_path: Path, old: str, new: str, name: str = "products.yml", source: Path = DATA) -> str:
    """Write a copy of `source` with the first `old` replaced by `new`; return the new text."""
    text = source.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {source.name}: the test no longer matches the data"
    text = text.replace(old, new, 1)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based line of the first `needle` in `text` (after character `start`)."""
    at = text.index(needle, start)
    return text.count("\n", 0, at) + 1
