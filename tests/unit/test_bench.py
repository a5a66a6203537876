"""`make bench`'s own parts work: it imports every module it measures with outside pytest (which
puts tests/support on the path for the tests, not for the benchmarks), the inputs it makes from
the real site and data are valid, and a command's peak memory is that command's (each of these
once broke `make bench` and nothing else)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from macros.reference import price_change_example

from alone import alone
from conftest import ROOT
from govcloud.calc.worked import load_worked
from govcloud.load.loading import catalog_cross_checks, validate
from govcloud.load.yamlsource import load_file
from govcloud.model.catalog import Catalog


def test_python_m_bench_imports_its_modules_outside_pytest():
    result = subprocess.run(
        [sys.executable, "-c", "import bench.__main__"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_the_content_floor_takes_our_plugin_and_extension_out_of_the_real_config():
    # `make bench` failed here once the Markdown extension took an option (`pages:`).
    from bench.sites import floor_config

    text = floor_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "  - search\n" in text and "  - admonition\n" in text  # the rest stays


# The bench's shapes, cheap ones: the real size, more products, longer ladders.
@pytest.mark.parametrize("shape", [(3, 26, 12), (30, 26, 120), (3, 260, 12)], ids=["1x", "products", "ladders"])
def test_the_synthetic_data_passes_govcloud_check_and_takes_the_price_change_example(tmp_path, shape):
    # `make bench` failed here once worked examples had to be dated, and when the maintainers'
    # page's example price change (data/examples/price-changes.yml) met made-up products only.
    from bench import synthetic

    env = synthetic.write(tmp_path, *shape)  # raises with `govcloud check`'s words when not valid
    data = load_file(Path(env["GOVCLOUD_DATA"]), "products.yml")
    worked = load_worked(validate(Catalog, data, catalog_cross_checks), env["GOVCLOUD_SCENARIOS"])
    assert len(worked) == shape[2]
    assert "2027-02-01" in price_change_example(data, "products.yml", [s for s, _ in worked])


def test_a_commands_peak_memory_is_its_own_not_the_callers():
    # `make bench` once said 191 MB for `govcloud quote` on 100,000 scenarios, which peaks at 48 MB:
    # a child forked from the bench was charged the bench's own memory (tests/support/alone.py).
    held = bytearray(300 * 2**20)  # the bench holds this much by then; touched, so it is resident
    held[::4096] = b"x" * len(held[::4096])
    usage = alone([sys.executable, "-c", "pass"])
    assert usage["code"] == 0 and 0 < usage["peak_mb"] < 100, usage
    del held
