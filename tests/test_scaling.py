"""Work that grows with the data must grow no faster than the data: a list of
scenarios ten times longer may not take a hundred times longer to read."""
from __future__ import annotations

import json
import statistics
import time

from govcloud.loading import load_catalog
from govcloud.scenario import read_scenarios


def _seconds_to_read(count: int, catalog) -> float:
    keys = [p.key for p in catalog.products]
    text = json.dumps([{"current": {keys[i % len(keys)]: {"users": 1 + i % 40, "instances": 2}},
                        "proposed": {keys[i % len(keys)]: {"users": 2 + i % 40}},
                        "days_remaining": i % 300} for i in range(count)])
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        scenarios, many = read_scenarios(text, "many.json", catalog)
        runs.append(time.perf_counter() - start)
        assert many and len(scenarios) == count
    return statistics.median(runs)


def test_reading_scenarios_is_linear_in_their_number():
    catalog = load_catalog()
    small, large = _seconds_to_read(100, catalog), _seconds_to_read(1000, catalog)
    # Linear would be 10x; quadratic 100x. The margin absorbs a noisy machine.
    assert large / small < 30, f"100 scenarios: {small:.3f}s, 1000: {large:.3f}s ({large / small:.0f}x)"
