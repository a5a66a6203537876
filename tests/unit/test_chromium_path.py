"""Which Chromium the browser tests, Lighthouse and the bench launch (harness.chromium_path)."""

from __future__ import annotations

import shutil

import pytest

import harness

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
    with pytest.raises(RuntimeError, match="--headed"):
        harness.chromium_path(headed=True)


def test_chromium_names_the_one_to_run(installed, monkeypatch):
    installed |= EVERY
    monkeypatch.setenv("CHROMIUM", "/opt/chrome/chrome")
    assert harness.chromium_path() == harness.chromium_path(headed=True) == "/opt/chrome/chrome"


def test_none_installed_says_what_to_install(installed):
    with pytest.raises(RuntimeError, match="chromium-headless-shell"):
        harness.chromium_path()
