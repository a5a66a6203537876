"""Large inputs (issue 10, item 6): what a list of invalid scenarios costs against
a list of valid ones, a long plain list, and how fast an oversized file is refused;
and (issue 21, item 7) what `govcloud quote --json` takes for 100,000 scenarios."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from alone import alone  # tests/support
from govcloud.load.scenarios import read_scenarios
from govcloud.load.yamlsource import load_text
from govcloud.model.catalog import Catalog
from govcloud.model.problems import InputError

from .timing import median


def _seconds(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return median(times)


def _refused(text: str, name: str, catalog: Catalog) -> None:
    try:
        read_scenarios(text, name, catalog)
    except InputError:
        return
    raise AssertionError(f"{name} was not refused")


def measure(catalog: Catalog, runs: int = 3) -> dict[str, float]:
    valid = json.dumps([{"proposed": {"jira": {"users": 1 + i % 500}}} for i in range(10_000)])
    invalid = json.dumps([{"proposed": {"jira": {"users": 0}}} for _ in range(10_000)])
    plain = "".join(f"- proposed: {{jira: {{users: {1 + i % 500}}}}}\n" for i in range(30_000))
    big = "- proposed: {jira: {users: 5}}\n" * 170_000  # 5.3 MB
    out = {
        "valid_10k_s": _seconds(lambda: read_scenarios(valid, "valid.json", catalog), runs),
        "invalid_10k_s": _seconds(lambda: _refused(invalid, "invalid.json", catalog), runs),
        "plain_30k_s": _seconds(lambda: read_scenarios(plain, "plain.yml", catalog), runs),
        "refuse_5mb_ms": 1000 * _seconds(lambda: _expect_refused(big), runs),
    }
    out["invalid_over_valid"] = out["invalid_10k_s"] / out["valid_10k_s"]
    return out


def _expect_refused(text: str) -> None:
    try:
        load_text(text, "big.yml")
    except InputError:
        return
    raise AssertionError("a 5 MB file was read")


def quote_100k() -> dict[str, float]:
    """`govcloud quote FILE --json` on 100,000 one-line scenarios (3.3 MB, under the 4 MB bound),
    run as a user runs it: wall and CPU seconds, and its peak memory (tests/support/alone.py)."""
    with tempfile.TemporaryDirectory(prefix="govcloud-100k-") as tmp:
        path = Path(tmp) / "100k.yml"
        path.write_text("".join(f"- proposed: {{jira: {{users: {1 + i % 500}}}}}\n" for i in range(100_000)))
        usage = alone([str(Path(sys.executable).parent / "govcloud"), "quote", str(path), "--json"])
        if usage["code"]:
            raise RuntimeError(f"govcloud quote exited {usage['code']} on 100,000 scenarios")
        return {"file_mb": path.stat().st_size / 1e6, **usage}
