"""What pytest 10 removes fails a run (pyproject.toml's filterwarnings); the fixture pytest 9
warned about in every run is the suite's own now."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_base_url_is_the_suites_own(base_url):
    """No test uses a base URL (each names its own address: site_url); run on its own below."""
    assert base_url is None


def test_the_base_url_fixture_is_not_deprecated():
    """pytest-playwright's fallback `base_url` is a method of a plugin object, which pytest 9 warns
    about (PytestRemovedIn10Warning) in every run that opens a page; the suite's own replaces it."""
    probe = f"{Path(__file__).relative_to(ROOT)}::test_base_url_is_the_suites_own"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error::pytest.PytestRemovedIn10Warning",
            probe,
        ],
        cwd=ROOT,
        env={**os.environ, "PYTEST_ADDOPTS": ""},  # the probe runs whatever options this run was given
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
