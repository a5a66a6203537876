"""Core speed: Python quotes per second, and a whole Python-vs-JS conformance run."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import vectors  # the conformance scenario set the tests use
from govcloud.calc.quote import quote
from govcloud.load.scenarios import read_scenarios
from govcloud.model import clock
from govcloud.model.catalog import Catalog

from .timing import interleaved


def scenario_set(catalog: Catalog) -> list[dict]:
    return vectors.generate(catalog)


def python_quotes(catalog: Catalog, scenarios: list[dict]) -> list[dict]:
    day = clock.today()  # read once per list, as `govcloud quote` does
    parsed, _ = read_scenarios(json.dumps(scenarios), "bench", catalog, day)
    return [quote(catalog, s, day).as_json() for s in parsed]


def quotes_per_second(
    catalog: Catalog, scenarios: list[dict], runs: int, calculations: dict[str, Callable[..., Any]]
) -> dict[str, list[float]]:
    """Each calculation's rate of quote() + as_json() in each pass over already-parsed scenarios,
    dated as `govcloud quote` dates a list (the day read once); the calculations take turns pass by
    pass (timing.interleaved), so that a ratio of two compares passes run side by side."""
    day = clock.today()
    parsed, _ = read_scenarios(json.dumps(scenarios), "bench", catalog, day)

    def passes(calculate: Callable[..., Any]) -> Callable[[], None]:
        def one_pass() -> None:  # each quote dropped as the next is made, as `govcloud quote` streams them
            for s in parsed:
                calculate(catalog, s, day).as_json()

        return one_pass

    seconds = interleaved({name: passes(c) for name, c in calculations.items()}, runs)
    return {name: [len(parsed) / t for t in times] for name, times in seconds.items()}


def conformance_run(catalog: Catalog, scenarios: list[dict], page, js_quotes) -> dict:
    """Python quotes, JS quotes on the open estimator page, and their comparison, timed as one run."""
    start = time.perf_counter()
    expected = python_quotes(catalog, scenarios)
    python_done = time.perf_counter()
    got = js_quotes(page, scenarios)
    js_done = time.perf_counter()
    mismatches = sum(1 for e, g in zip(expected, got) if e != g) + abs(len(expected) - len(got))
    end = time.perf_counter()
    return {
        "scenarios": len(scenarios),
        "seconds": end - start,
        "python_seconds": python_done - start,
        "js_seconds": js_done - python_done,
        "mismatches": mismatches,
    }
