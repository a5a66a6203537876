"""Shared fixtures: a strict build of the real site, a local server for it, and
Debian's Chromium for Playwright (it cannot download a browser here)."""
from __future__ import annotations

import re
import shutil
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


@pytest.fixture(scope="session")
def instant_url(site_dir, tmp_path_factory):
    """The built site served at the address its sitemap gives. Material navigates
    instantly only to pages its sitemap lists, and it matches the port too: the
    session server's random port is not site_url's, so this copy's sitemap is
    pointed at the port it is served on, as a deployment's would be."""
    copy = tmp_path_factory.mktemp("instant") / "site"
    shutil.copytree(site_dir, copy)
    server = serve(copy)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    sitemap = copy / "sitemap.xml"
    home = re.search(r"<loc>(.*?)</loc>", sitemap.read_text()).group(1)
    sitemap.write_text(sitemap.read_text().replace(home, url))
    yield url.rstrip("/")
    server.shutdown()
