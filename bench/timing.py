"""Interleaved timing: each round runs every task once, so drift on a shared
machine hits all of them alike; medians resist the odd slow run.

Besides wall time, each run's CPU time (user + system) of the processes it
waited for is recorded: the builds run in subprocesses, and on a machine whose
cores other work keeps busy, wall time measures the queue as much as the build."""

from __future__ import annotations

import resource
import statistics
import time
from typing import Callable


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def interleaved(
    tasks: dict[str, Callable[[], object]], runs: int, warmup: int = 1, cpu: dict[str, list[float]] | None = None
) -> dict[str, list[float]]:
    """Seconds per run of each task, with `warmup` untimed rounds first (disk and import caches);
    `cpu`, when given, receives each run's CPU seconds of the subprocesses it ran."""
    for _ in range(warmup):
        for task in tasks.values():
            task()
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for round_ in range(runs):
        # Rotate the order too, so no task always runs right after the heaviest one.
        names = list(tasks)
        names = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in names:
            start, start_cpu = time.perf_counter(), children_cpu()
            tasks[name]()
            times[name].append(time.perf_counter() - start)
            if cpu is not None:
                cpu.setdefault(name, []).append(children_cpu() - start_cpu)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)
