"""`make bench`'s own parts work: it imports every module it measures with outside pytest (which
puts tests/support on the path for the tests, not for the benchmarks), and the inputs it makes
from the real site and data are valid (each of these once broke `make bench` and nothing else)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


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


def test_the_synthetic_data_passes_govcloud_check(tmp_path):
    # `make bench` failed here once worked examples had to be dated.
    from bench import synthetic

    env = synthetic.write(tmp_path, 3, 4, 14)
    assert set(env) == {"GOVCLOUD_DATA", "GOVCLOUD_SCENARIOS"}


def test_a_commands_peak_memory_is_its_own_not_the_bench_s():
    # `make bench` once said 191 MB for `govcloud quote` on 100,000 scenarios, which peaks at 49 MB:
    # a child forked from the bench was charged the bench's own memory.
    from bench.inputs import alone

    held = bytearray(300 * 2**20)  # the bench holds this much by then; touched, so it is resident
    held[::4096] = b"x" * len(held[::4096])
    usage = alone([sys.executable, "-c", "pass"])
    assert usage["code"] == 0 and 0 < usage["peak_mb"] < 100, usage
    del held
