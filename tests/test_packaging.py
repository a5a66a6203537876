"""What a maintainer's checks rely on: the package ships its py.typed marker, and
`make check` runs ruff and mypy."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_the_wheel_ships_py_typed(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("govcloud-*.whl"))
    assert "govcloud/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_make_check_runs_lint_format_and_types():
    recipe = (ROOT / "Makefile").read_text().split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    for command in ("ruff check", "ruff format --check", "mypy"):
        assert command in recipe, command
