"""Which Chromium the browser tests, Lighthouse and the bench launch (harness.chromium_path)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import harness

ROOT = Path(__file__).resolve().parents[2]
EVERY = {"chromium-headless-shell", "chromium", "chromium-browser"}


@pytest.fixture
def installed(monkeypatch):
    """The programs on PATH, as a set the test fills; $CHROMIUM unset."""
    found: set[str] = set()
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}" if name in found else None)
    return found


def test_the_headless_shell_first_then_the_full_browser(installed):
    installed |= EVERY
    assert harness.chromium_path() == "/usr/bin/chromium-headless-shell"
    installed.discard("chromium-headless-shell")
    assert harness.chromium_path() == "/usr/bin/chromium"
    installed.discard("chromium")
    assert harness.chromium_path() == "/usr/bin/chromium-browser"


def test_a_window_needs_the_full_browser(installed):
    """`pytest --headed` cannot open a window with the headless shell: it takes the full browser."""
    installed |= EVERY
    assert harness.chromium_path(headed=True) == "/usr/bin/chromium"
    installed.intersection_update({"chromium-headless-shell", "chromium-browser"})
    assert harness.chromium_path(headed=True) == "/usr/bin/chromium-browser"
    installed.intersection_update({"chromium-headless-shell"})
    with pytest.raises(RuntimeError, match="pytest --headed"):
        harness.chromium_path(headed=True)


def test_chromium_names_the_one_to_run(installed, monkeypatch):
    installed |= EVERY
    monkeypatch.setenv("CHROMIUM", "/opt/chrome/chrome")
    assert harness.chromium_path() == harness.chromium_path(headed=True) == "/opt/chrome/chrome"


def test_none_installed_says_what_to_install(installed):
    with pytest.raises(RuntimeError, match="chromium-headless-shell"):
        harness.chromium_path()


def test_launch_args_probe(browser_type_launch_args):
    """The Chromium the suite's browsers launch (run on its own below, and shown with -s)."""
    print("launches", browser_type_launch_args["executable_path"])


def test_the_suite_launches_the_full_browser_for_a_window(tmp_path):
    """The launch arguments take the window's choice: with --headed, a machine that has only the
    headless shell gets the error saying what to install; without, the shell."""
    shell = tmp_path / "chromium-headless-shell"
    shell.write_text("#!/bin/sh\n", encoding="utf-8")
    shell.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "CHROMIUM"} | {"PATH": str(tmp_path), "PYTEST_ADDOPTS": ""}
    probe = f"{Path(__file__).relative_to(ROOT)}::test_launch_args_probe"

    def run(*options: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", *options, probe]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)

    headless = run()
    assert headless.returncode == 0 and f"launches {shell}" in headless.stdout, headless.stdout + headless.stderr
    headed = run("--headed")
    assert headed.returncode != 0 and "pytest --headed) needs a full Chromium" in headed.stdout, headed.stdout
