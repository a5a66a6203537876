"""`make bench` starts: `python -m bench` imports every module it measures with, outside
pytest (which puts tests/support on the path for the tests, not for the benchmarks)."""

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
