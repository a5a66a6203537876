"""The two builders side by side (issue 11): Zensical's strict build of the
same site against MkDocs', as `make build` and `make zensical` run them."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from harness import build_site, build_zensical

from . import synthetic
from .timing import interleaved, median


def _task(build, env=None, **options):
    def task():
        with tempfile.TemporaryDirectory(prefix="bench-builders-") as scratch:
            result = build(Path(scratch) / "site", env, **options)
            if result.returncode != 0:
                raise RuntimeError(f"build failed:\n{result.stdout}{result.stderr}")

    return task


def bench_builders(report, runs: int, scratch: Path) -> None:
    shape = synthetic.real_shape()
    big = synthetic.write(scratch / "builders-10x", shape["products"] * 10, shape["tiers"], shape["scenarios"] * 10)
    tasks = {
        "mkdocs": _task(build_site),
        "zensical cold": _task(build_zensical),  # as `make zensical`: cache cleared
        "zensical warm": _task(build_zensical, clean=False),  # its cache kept, as `zensical serve` rebuilds
    }
    big_tasks = {"mkdocs 10x": _task(build_site, big), "zensical 10x": _task(build_zensical, big)}
    try:
        for task in big_tasks.values():
            task()
    except RuntimeError as exc:  # the synthetic data may lack what a page needs: say so, time the rest
        said = [line for line in str(exc).splitlines() if re.search(r"\w+Error: |: .+: ", line)]
        big_problem = (said[-1] if said else str(exc).strip().splitlines()[-1]).strip()[:160]
    else:
        big_problem = ""
        tasks.update(big_tasks)
    times = interleaved(tasks, runs)
    med = {name: median(t) for name, t in times.items()}
    report.raw["builders"] = {"runs": runs, "seconds": times, "median_seconds": med}
    note = f"medians over {runs} interleaved runs: " + ", ".join(f"{k} {v:.2f}s" for k, v in med.items())
    report.add("builders", "zensical cold / mkdocs build", med["zensical cold"] / med["mkdocs"], "x", note=note)
    report.add("builders", "zensical warm / mkdocs build", med["zensical warm"] / med["mkdocs"], "x")
    if big_problem:
        report.add(
            "builders",
            "zensical / mkdocs, catalog 10x",
            None,
            "x",
            note=f"the 10x synthetic site does not build: {big_problem}",
        )
    else:
        report.add("builders", "zensical / mkdocs, catalog 10x", med["zensical 10x"] / med["mkdocs 10x"], "x")
