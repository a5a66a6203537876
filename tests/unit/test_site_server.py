"""The tests' own HTTP server (tests/support/harness.py) stays quiet when a browser leaves a page
before a file is sent, and still prints every other error."""

from __future__ import annotations

import pytest

from harness import SiteServer, serve


@pytest.fixture
def server(tmp_path):
    running = serve(tmp_path)
    yield running
    running.shutdown()
    running.server_close()


def _fail_with(server: SiteServer, error: Exception) -> None:
    try:
        raise error
    except Exception:
        server.handle_error(None, ("127.0.0.1", 1))


@pytest.mark.parametrize(
    "error",
    [BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset"), ConnectionAbortedError(103, "aborted")],
)
def test_a_page_left_while_a_file_is_sent_prints_nothing(server, capsys, error):
    _fail_with(server, error)
    assert capsys.readouterr().err == ""


def test_any_other_error_prints_its_traceback(server, capsys):
    _fail_with(server, ValueError("a real fault"))
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError: a real fault" in err
