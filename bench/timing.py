"""Interleaved timing: each round runs every task once, so drift on a shared
machine hits all of them alike; medians resist the odd slow run."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def interleaved(tasks: dict[str, Callable[[], object]], runs: int, warmup: int = 1) -> dict[str, list[float]]:
    """Seconds per run of each task, with `warmup` untimed rounds first (disk and import caches)."""
    for _ in range(warmup):
        for task in tasks.values():
            task()
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for round_ in range(runs):
        # Rotate the order too, so no task always runs right after the heaviest one.
        names = list(tasks)
        names = names[round_ % len(names):] + names[:round_ % len(names)]
        for name in names:
            start = time.perf_counter()
            tasks[name]()
            times[name].append(time.perf_counter() - start)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)
