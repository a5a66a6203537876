"""What a maintainer's checks rely on: the package ships its py.typed marker, and
`make check` runs ruff and mypy."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_the_wheel_ships_py_typed(tmp_path):
    # Built from a copy: setuptools leaves a build/ folder beside the project it builds.
    project = tmp_path / "project"
    for folder in ("src", "macros"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "pyproject.toml", project)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("govcloud-*.whl"))
    assert "govcloud/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_make_check_runs_lint_format_and_types():
    recipe = (ROOT / "Makefile").read_text().split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    for command in ("ruff check", "ruff format --check", "mypy"):
        assert command in recipe, command
