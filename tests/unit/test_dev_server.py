"""The preview server of `make serve` (govcloud_site.serve) against hostile requests, as a real
process on a free port: its own server and handler serving a small built site (no build: the
site's own pages are tested in tests/site/test_serve.py). HEAD answers as GET does, from the
site only; a path no file can have is a 400, never a traceback; idle connections hold no thread
and are let go."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The server as `make serve` makes it, on a site already built; IDLE_SECONDS shortened so the
# test need not wait the full ten seconds (the rule is the same).
LAUNCH = """
import sys
from http.server import ThreadingHTTPServer
from pathlib import Path
from govcloud_site import serve
serve.IDLE_SECONDS = 2
state = serve.State()
state.site = Path(sys.argv[1])
server = getattr(serve, "Server", ThreadingHTTPServer)(("127.0.0.1", 0), serve.handler_for(state))
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@pytest.fixture()
def server(tmp_path):
    """(port, process): the site holds a home page, the estimator and 404.html; the process runs
    in a folder that looks like the repository (.git/config, .venv/pyvenv.cfg), as `make serve` does."""
    site = tmp_path / "site"
    (site / "estimator").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    (site / "estimator" / "index.html").write_text("<html><body>estimator</body></html>", encoding="utf-8")
    (site / "404.html").write_text("<html><body>not found</body></html>", encoding="utf-8")
    (site / "outside").symlink_to(tmp_path / "repo")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text("[core]\n\tsecret = 1\n", encoding="utf-8")
    (repo / ".venv").mkdir()
    (repo / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(site)], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    port = int(process.stdout.readline())
    yield port, process
    process.kill()
    process.communicate(timeout=30)


def ask(port: int, request: bytes, wait: float = 10) -> bytes:
    """The whole answer to a raw request (the server closes the connection after one)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def head_and_body(answer: bytes) -> tuple[dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    fields = dict(line.split(": ", 1) for line in head.decode("latin-1").split("\r\n")[1:])
    return fields, body


def stderr_of(process: subprocess.Popen) -> str:
    process.kill()
    return process.communicate(timeout=30)[1]


@pytest.mark.parametrize("path", ["/", "/estimator/", "/estimator/index.html", "/nowhere/", "/.git/config"])
def test_head_answers_what_get_answers_without_the_body(server, path):
    port, _ = server
    got = ask(port, f"GET {path} HTTP/1.0\r\n\r\n".encode())
    headed = ask(port, f"HEAD {path} HTTP/1.0\r\n\r\n".encode())
    assert status_of(headed) == status_of(got)
    (got_fields, body), (head_fields, nothing) = head_and_body(got), head_and_body(headed)
    assert nothing == b""
    for field in ("Content-Type", "Content-Length"):
        assert head_fields[field] == got_fields[field], field
    assert int(head_fields["Content-Length"]) == len(body)


@pytest.mark.parametrize(
    "path",
    ["/.git/config", "/.venv/pyvenv.cfg", "/outside/.git/config", "/../repo/.git/config", "/%2e%2e/repo/.git/config"],
)
def test_nothing_outside_the_site_is_served_by_any_method(server, path):
    port, _ = server
    for method in ("GET", "HEAD"):
        answer = ask(port, f"{method} {path} HTTP/1.0\r\n\r\n".encode())
        assert status_of(answer) == 404, (method, path)
        assert b"secret" not in answer and b"home = " not in answer


@pytest.mark.parametrize(
    "path",
    ["/%00", "/a%00b/", "/estimator/%00.html", "/" + "x" * 6000, "/" + "a/" * 2100, "/%00" + "x" * 6000],
)
def test_a_path_no_file_can_have_is_a_400_without_a_traceback(server, path):
    port, process = server
    for method in ("GET", "HEAD"):
        answer = ask(port, f"{method} {path} HTTP/1.0\r\n\r\n".encode())
        assert status_of(answer) == 400, (method, path[:20])
    assert status_of(ask(port, b"GET / HTTP/1.0\r\n\r\n")) == 200  # and it goes on serving
    assert "Traceback" not in stderr_of(process)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT", "get", "FOO"])
def test_other_methods_are_refused_in_one_answer(server, method):
    port, process = server
    answer = ask(port, f"{method} / HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc".encode())
    assert status_of(answer) == 501
    assert b"home" not in answer
    assert "Traceback" not in stderr_of(process)


def _threads(process: subprocess.Popen) -> int:
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("Threads:")))


def test_idle_connections_hold_no_thread_and_are_let_go(server):
    port, process = server
    before = _threads(process)
    # Each is accepted at once (a burst past the listen queue waited for the client's retry, 1 s or more).
    idle = [socket.create_connection(("127.0.0.1", port), timeout=0.9) for _ in range(300)]
    for s in idle:
        s.settimeout(10)
    slow = socket.create_connection(("127.0.0.1", port), timeout=10)
    slow.sendall(b"GET / HTTP/1.0\r\n")  # a request line, then nothing more
    try:
        time.sleep(0.5)
        # 300 idle sockets once held 302 threads; now the same few as before, and a page still comes at once.
        started = time.monotonic()
        assert status_of(ask(port, b"GET / HTTP/1.0\r\n\r\n", wait=5)) == 200
        assert time.monotonic() - started < 3
        assert _threads(process) <= before + 8, _threads(process)  # WORKERS, at most
        # After the idle time (2 s here, 10 s in `make serve`) the server has closed every one.
        time.sleep(4)
        for s in [*idle, slow]:
            assert s.recv(1024) == b""
    finally:
        for s in [*idle, slow]:
            s.close()
