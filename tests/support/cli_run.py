"""Run `govcloud` as a user does, and make bad copies of the real data.

A run calls the CLI's main() in this process, with its own standard streams, working
folder and environment, and reports what a subprocess would (exit code, stdout,
stderr, a traceback as text): starting an interpreter per case cost a third of a second
and checked nothing more. A new process is started where only one can show the
effect: `python -m govcloud`, `process=True` (the installed script), a memory cap,
or an environment that the interpreter reads as it starts (encoding, locale).

Bad data files are built by editing a copy of `data/products.yml` textually, so
the line numbers in the expected messages are real and can be read off the text.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import subprocess
import sys
import traceback
import warnings
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


# Variables read as the interpreter starts (stream encodings, locale): a change to one
# shows only in a new process.
STARTUP_VARS = ("PYTHON", "LC_", "LANG")


def run(
    *args: str,
    cwd: Path = ROOT,
    stdin: bytes | str | None = None,
    module: bool = False,
    env: dict[str, str] | None = None,
    cap_memory: bool = False,
    process: bool = False,
) -> subprocess.CompletedProcess:
    """`govcloud ARGS` (or `python -m govcloud ARGS`), text output, never raising on failure."""
    env = env or clean_env()
    data = stdin.encode() if isinstance(stdin, str) else stdin
    if process or module or cap_memory or _startup_differs(env):
        return _in_subprocess(list(args), cwd, data, module, env, cap_memory)
    return _in_process(list(args), cwd, data, env)


def _startup_differs(env: dict[str, str]) -> bool:
    names = {k for k in {*env, *os.environ} if k.startswith(STARTUP_VARS)}
    return any(env.get(k) != os.environ.get(k) for k in names)


def _in_subprocess(
    args: list[str], cwd: Path, data: bytes | None, module: bool, env: dict[str, str], cap_memory: bool
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "govcloud"] if module else [str(GOVCLOUD)]
    result = subprocess.run(
        command + args,
        cwd=cwd,
        input=data,
        capture_output=True,
        env=env,
        timeout=60,
        preexec_fn=_cap_memory if cap_memory else None,
    )
    # Decode here so invalid bytes in the output cannot hide a failure.
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


@contextlib.contextmanager
def _as_a_process(cwd: Path, env: dict[str, str]):
    """This process's working folder and environment set as a subprocess's would be, then restored."""
    here, before = os.getcwd(), dict(os.environ)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)
        os.chdir(here)


def _in_process(args: list[str], cwd: Path, data: bytes | None, env: dict[str, str]) -> subprocess.CompletedProcess:
    from govcloud.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    # Streams as an interpreter opens them on pipes: UTF-8 (the locale here), stderr escaping what it cannot encode.
    streams = (
        io.TextIOWrapper(io.BytesIO(data or b""), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    saved = (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        with _as_a_process(cwd, env), warnings.catch_warnings(record=True) as caught:
            # The interpreter's default filters: what a user's run would print on stderr.
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for quiet in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", quiet)
            try:
                code = main(args)
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
            except BaseException:  # what the interpreter would print for an uncaught exception
                traceback.print_exc(file=sys.stderr)
                code = 1
            for w in caught:
                sys.stderr.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line))
        for stream in streams[1:]:
            stream.flush()
        return subprocess.CompletedProcess(
            ["govcloud", *args],
            code,
            out.getvalue().decode("utf-8", "replace"),
            err.getvalue().decode("utf-8", "replace"),
        )
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


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


def as_from_a_terminal() -> None:
    """For Popen's preexec_fn: Ctrl-C and Ctrl-\\ as a terminal's foreground job gets them. A command
    started in the background without job control (`(make test &)` in a script) ignores both, and a
    Python started so keeps ignoring SIGINT: the Ctrl-C tests then failed for the way they were run."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)
