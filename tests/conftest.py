"""Shared fixtures: a strict build of the real site, a local server for it, and
Debian's Chromium for Playwright (it cannot download a browser here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import BIN, CHROMIUM_FLAGS, ROOT, build_site, serve  # noqa: F401 (tests import them from here)
from harness import chromium_path as _chromium_path


def chromium_path() -> str:
    try:
        return _chromium_path()
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site") / "site"
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="session")
def site_url(site_dir):
    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}
