"""`--dist loadgroup` keeps the tests of one `xdist_group` on one worker: the every-page sweep and
Lighthouse's audits are module fixtures that several tests share, and run once per worker that their
tests land on. pytest 9.2 and pytest-xdist 3.8 together lost the groups without a word
(tests/conftest.py restores them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.xdist_group("grouped-probe")
@pytest.mark.parametrize("n", range(4))
def test_grouped_probe(n):
    """Run below, under two workers: nothing to check in itself."""


def test_a_group_runs_on_one_worker():
    probe = f"{Path(__file__).relative_to(ROOT)}::test_grouped_probe"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup", probe],
        cwd=ROOT,
        env={**os.environ, "PYTEST_ADDOPTS": ""},  # the probe runs whatever options this run was given
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = re.findall(r"^\[(gw\d+)\] .*PASSED .*test_grouped_probe\[\d\]@grouped-probe", run.stdout, re.M)
    assert len(workers) == 4 and len(set(workers)) == 1, run.stdout
