"""A command's own figures: exit code, wall and CPU seconds, peak memory. Used by `make bench` and
by the tests that hold `govcloud quote` to a memory bound.

The command is started by a small Python process that waits for it, not by the caller: Linux
charges a child the resident memory of the process it was forked from, so a child of the bench
(hundreds of MB by then) or of a pytest worker would report the parent's peak as its own."""

from __future__ import annotations

import json
import subprocess
import sys

_WAIT = """
import json, os, subprocess, sys, time
with open(os.devnull, "wb") as sink:
    start = time.perf_counter()
    child = subprocess.Popen(sys.argv[1:], stdout=sink)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "wall_s": wall,
                  "cpu_s": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024}))  # ru_maxrss is in KiB on Linux
"""


def alone(argv: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run `argv`, its output thrown away and its errors shown; return its figures alone."""
    waiter = subprocess.run(
        [sys.executable, "-c", _WAIT, *argv], stdout=subprocess.PIPE, text=True, env=env, check=True
    )
    return json.loads(waiter.stdout)
