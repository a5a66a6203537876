"""`make serve` as a user meets it: a real server process on a free port, a copy of
the project edited while it runs. A broken data file or macro never stops it; the
browser gets the problems (file:line) at once instead of a request that hangs; the
site comes back when the file is fixed; Ctrl-C ends it with one line."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cli_run import as_from_a_terminal
from harness import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    """Status and body; a request that takes more than 5 s is a hang, and fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def _until(url: str, status: int, seconds: float = 60, contains: str = "") -> str:
    end = time.monotonic() + seconds
    seen = None
    while time.monotonic() < end:
        try:
            seen = _get(url)
        except (urllib.error.URLError, ConnectionError):
            seen = None
        if seen and seen[0] == status and contains in seen[1]:
            return seen[1]
        time.sleep(0.3)
    raise AssertionError(f"{url} never answered {status}; last: {seen and (seen[0], seen[1][:300])}")


@pytest.fixture
def project(tmp_path) -> Path:
    """What a maintainer edits, copied; the code stays the installed project's."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("docs", "docs-ja", "data", "includes", "overrides"):
        shutil.copytree(ROOT / name, copy / name, symlinks=True)
    for config in ("mkdocs.yml", "mkdocs.ja.yml"):
        shutil.copy(ROOT / config, copy / config)
    for watched in ("src/govcloud", "src/govcloud_site", "macros"):  # mkdocs.yml's `watch:` must exist
        (copy / watched).mkdir(parents=True, exist_ok=True)
    return copy


@pytest.fixture
def server(project):
    port = _free_port()
    assert port != 8000
    process = subprocess.Popen(
        [sys.executable, "-m", "govcloud_site.serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield f"http://127.0.0.1:{port}", process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=30)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_data_error_shows_in_the_browser_and_the_site_comes_back(project, server):
    url, process = server
    assert "Government Cloud" in _until(url + "/changes/", 200)
    data = project / "data" / "products.yml"
    line = data.read_text().split("\n").index("term_days: 365") + 1
    _edit(data, "term_days: 365", "term_days: lots")
    _until(url + "/changes/", 503, contains=f"data/products.yml:{line}: term_days: must be a whole number")
    assert process.poll() is None
    _edit(data, "term_days: lots", "term_days: 365")
    assert "Government Cloud" in _until(url + "/changes/", 200)
    assert process.poll() is None


def test_a_macro_error_names_the_page_and_line(project, server):
    url, process = server
    _until(url + "/", 200)
    page = project / "docs" / "subscriptions.md"
    line = page.read_text().split("\n").index('{{ rule("user_tiers") }}') + 1
    _edit(page, '{{ rule("user_tiers") }}', '{{ rule("nope") }}')
    _until(
        url + "/subscriptions/",
        503,
        contains=f"docs/subscriptions.md:{line}: ValueError: unknown rule &#x27;nope&#x27;",
    )
    assert process.poll() is None
    _edit(page, '{{ rule("nope") }}', '{{ rule("user_tiers") }}')
    _until(url + "/subscriptions/", 200)


def test_both_languages_are_served_and_a_japanese_page_is_rebuilt(project, server):
    url, process = server
    assert '<html lang="en"' in _until(url + "/changes/", 200)
    assert '<html lang="ja"' in _until(url + "/ja/changes/", 200)
    page = project / "docs-ja" / "architecture.md"
    _edit(page, "\n\n", "\n\n編集したばかりの段落です。\n\n")
    _until(url + "/ja/architecture/", 200, contains="編集したばかりの段落です。")
    # A macro error on a Japanese page names the Japanese page.
    _edit(page, "\n\n編集したばかりの段落です。", '\n\n{{ rule("nope") }}')
    _until(url + "/ja/", 503, contains="docs-ja/architecture.md:")
    assert process.poll() is None


def test_broken_data_at_the_start_still_serves_the_problems(project):
    _edit(project / "data" / "products.yml", "term_days: 365", "term_days: lots")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "govcloud_site.serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_from_a_terminal,
    )
    try:
        _until(f"http://127.0.0.1:{port}/", 503, contains="term_days: must be a whole number")
        _edit(project / "data" / "products.yml", "term_days: lots", "term_days: 365")
        _until(f"http://127.0.0.1:{port}/", 200)
        # Ctrl-C: one line, exit 130, no traceback.
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
        assert process.returncode == 130
        assert "Traceback" not in err and err.rstrip().endswith("serve: stopped")
    finally:
        if process.poll() is None:
            process.kill()


def test_pages_reload_themselves_after_a_build(server):
    url, _ = server
    html = _until(url + "/", 200)
    assert '<script src="/__serve/reload.js"></script></body>' in html
    assert _get(url + "/__serve/reload.js")[0] == 200
    assert _get(url + "/__serve/version")[1].isdigit()
    assert _get(url + "/no-such-page/")[0] == 404
