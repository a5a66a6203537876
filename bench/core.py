"""Core speed: Python quotes per second, and a whole Python-vs-JS conformance run."""
from __future__ import annotations

import json
import random
import time

from govcloud.model import Catalog
from govcloud.quote import quote
from govcloud.scenario import read_scenarios

SEED = 11


def scenario_set(catalog: Catalog, count: int, seed: int = SEED) -> list[dict]:
    """Scenarios like the conformance vectors': tier edges, limits, every kind of change."""
    rng = random.Random(seed)
    limit, term = catalog.max_instances, catalog.term_days

    def users(product) -> int:
        edges = [t.users for t in product.tiers]
        pick = rng.random()
        if pick < 0.4:
            return rng.choice(edges)
        if pick < 0.6:
            return rng.choice(edges) + 1
        return rng.randint(1, edges[-1] + edges[-1] // 20)  # now and then beyond the largest tier

    def holding(product) -> dict:
        return {"users": users(product), "instances": rng.choice([1, 2, limit, limit + 1, rng.randint(1, limit)])}

    out = []
    for _ in range(count):
        chosen = rng.sample(catalog.products, rng.randint(1, len(catalog.products)))
        scenario = {"customer": rng.choice(["government", "commercial"]),
                    "proposed": {p.key: holding(p) for p in chosen}}
        if rng.random() < 0.7:
            had = rng.sample(catalog.products, rng.randint(1, len(catalog.products)))
            scenario["current"] = {p.key: holding(p) for p in had}
            scenario["days_remaining"] = rng.choice([0, term, rng.randint(0, term)])
        out.append(scenario)
    return out


def python_quotes(catalog: Catalog, scenarios: list[dict]) -> list[dict]:
    parsed, _ = read_scenarios(json.dumps(scenarios), "bench", catalog)
    return [quote(catalog, s).as_json() for s in parsed]


def quotes_per_second(catalog: Catalog, scenarios: list[dict], runs: int) -> tuple[float, list[float]]:
    """Median rate of quote() + as_json() over already-parsed scenarios."""
    parsed, _ = read_scenarios(json.dumps(scenarios), "bench", catalog)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for s in parsed:
            quote(catalog, s).as_json()
        rates.append(len(parsed) / (time.perf_counter() - start))
    rates.sort()
    return rates[len(rates) // 2], rates


def conformance_run(catalog: Catalog, scenarios: list[dict], page, js_quotes) -> dict:
    """Python quotes, JS quotes on the open estimator page, and their comparison, timed as one run."""
    start = time.perf_counter()
    expected = python_quotes(catalog, scenarios)
    python_done = time.perf_counter()
    got = js_quotes(page, scenarios)
    js_done = time.perf_counter()
    mismatches = sum(1 for e, g in zip(expected, got) if e != g) + abs(len(expected) - len(got))
    end = time.perf_counter()
    return {"scenarios": len(scenarios), "seconds": end - start, "python_seconds": python_done - start,
            "js_seconds": js_done - python_done, "mismatches": mismatches}
