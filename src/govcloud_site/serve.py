"""`make serve`: a preview server that stays up whatever the data or a macro does.

    python -m govcloud_site.serve [--port 8000] [--config mkdocs.yml]

`mkdocs serve` stops for good when a macro fails (mkdocs-macros calls exit()
under `on_error_fail`), and while a rebuild fails it holds every request open.
Here each build runs in a subprocess (`mkdocs build --strict`, then the
post-build steps, as `make build` does), so nothing a build does can stop the
server. While the last build failed, every page answers at once with the
problems (`file:line: field: message`) instead of the site, and the terminal
prints them too; the pages come back as soon as a build succeeds. An open page
reloads itself after each build (a small script from this server, allowed by
the site's Content-Security-Policy as a script of its own origin).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
from typing import cast

from govcloud.words.characters import shown

WATCH = ("docs", "docs-ja", "data", "includes", "locale", "macros", "overrides", "src", "mkdocs.yml", "mkdocs.ja.yml")
RELOAD_JS = b"""(() => {
  let seen = null;
  const poll = () => fetch('/__serve/version', {cache: 'no-store'}).then(r => r.text()).then(v => {
    if (seen !== null && v !== seen) location.reload();
    seen = v;
  }).catch(() => {}).finally(() => setTimeout(poll, 1000));
  poll();
})();
"""
ANSI = re.compile(r"\x1b\[[0-9;]*m")
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


class State:
    """The last good build, the last failure, and a version that changes with each build."""

    def __init__(self):
        self.lock = threading.Lock()
        self.site: Path | None = None
        self.problems: list[str] = []
        self.version = 0

    def snapshot(self) -> tuple[Path | None, list[str], int]:
        with self.lock:
            return self.site, list(self.problems), self.version


MACRO_FILE = re.compile(r"_File_: `([^`]+)`")
TEMPLATE_LINE = re.compile(r'File "<(?:template|unknown)>", line (\d+)')
LAST_ERROR = re.compile(r"^(\w+(?:Error|Exception|Undefined)\w*): (.+)$", re.M)


def _front_matter_lines(page: Path) -> int:
    """Lines before the Markdown the macros see: MkDocs takes the YAML front matter off first."""
    try:
        text = page.read_text(encoding="utf-8")
    except OSError:
        return 0
    meta = FRONT_MATTER.match(text)
    if not meta:
        return 0
    body = text[meta.end() :].lstrip("\n")
    return text[: len(text) - len(body)].count("\n")


def problems_of(log: str, docs: str = "docs", root: Path | None = None) -> list[str]:
    """What went wrong, from the build's log: a macro error as `page:line: error`, else
    from the first error to the end, without the noise."""
    log = ANSI.sub("", log)
    page, line, error = MACRO_FILE.search(log), TEMPLATE_LINE.findall(log), LAST_ERROR.findall(log)
    if page and error:
        source = f"{docs}/{page.group(1)}"
        where = source + (f":{int(line[-1]) + _front_matter_lines(Path(root or '.') / source)}" if line else "")
        return [f"{where}: {error[-1][0]}: {error[-1][1]}"]
    lines = [line.rstrip() for line in log.splitlines()]
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.startswith(("ERROR", "Error", "Aborted", "Traceback")) or re.match(r"\S+:\d+: ", line)
        ),
        max(0, len(lines) - 30),
    )
    keep = [
        re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line)
        for line in lines[start:]
        if line.strip() and not line.startswith(("INFO", "DEBUG")) and "│" not in line
    ]
    return keep or ["the build failed without saying why"]


class Builder:
    def __init__(self, config: Path, port: int, state: State, work: Path):
        self.config, self.port, self.state, self.work = config, port, state, work
        self.bin = Path(sys.executable).parent

    def build(self) -> None:
        """Both languages (English at /, Japanese at /ja/), as `make build` builds them."""
        dest = Path(tempfile.mkdtemp(prefix="build-", dir=self.work)) / "site"
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": os.environ.get("SITE_URL", f"http://127.0.0.1:{self.port}/"),
        }
        env.pop("SITE_URL_JA", None)  # the Japanese site's address follows SITE_URL (govcloud_site.sites)
        step = [sys.executable, "-m", "govcloud_site.sites", "mkdocs", str(dest), "--unpublished"]
        done = subprocess.run(
            step, cwd=self.config.parent, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        if done.returncode:
            docs = "docs-ja" if "of mkdocs.ja.yml failed" in done.stdout else "docs"
            problems = problems_of(done.stdout, docs=docs, root=self.config.parent)
            self._say("build failed; the pages show these problems until they are fixed:", problems)
            with self.state.lock:
                self.state.problems, self.state.version = problems, self.state.version + 1
            shutil.rmtree(dest.parent, ignore_errors=True)
            return
        with self.state.lock:
            old, self.state.site = self.state.site, dest
            self.state.problems, self.state.version = [], self.state.version + 1
        if old:
            shutil.rmtree(old.parent, ignore_errors=True)
        self._say(f"built: http://127.0.0.1:{self.port}/ and http://127.0.0.1:{self.port}/ja/", [])

    @staticmethod
    def _say(head: str, lines: list[str]) -> None:
        print("\n".join([f"serve: {head}", *(f"  {line}" for line in lines)]), file=sys.stderr, flush=True)

    def snapshot(self) -> dict[str, tuple[int, int]]:
        root, out = self.config.parent, {}
        for name in WATCH:
            path = root / name
            files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
            for f in files:
                if "__pycache__" in f.parts or not f.is_file():
                    continue
                try:
                    stat = f.stat()
                except OSError:
                    continue
                out[str(f)] = (stat.st_mtime_ns, stat.st_size)
        for var in ("GOVCLOUD_DATA", "GOVCLOUD_SCENARIOS", "GOVCLOUD_GLOSSARY"):
            if os.environ.get(var):
                try:
                    stat = os.stat(os.environ[var])
                    out[os.environ[var]] = (stat.st_mtime_ns, stat.st_size)
                except OSError:
                    out[os.environ[var]] = (0, 0)
        return out

    def watch(self, stop: threading.Event, every: float = 0.4) -> None:
        """Build, then build again whenever a watched file changes. The files are read before each
        build, the first included, so that an edit made while a build runs brings another."""
        seen = self.snapshot()
        self.build()
        while not stop.wait(every):
            now = self.snapshot()
            if now != seen:
                time.sleep(every)  # let an editor finish writing
                seen = self.snapshot()
                self.build()


# A connection that has sent nothing (or nothing more) for this long is closed.
IDLE_SECONDS = 10
# Threads that answer requests; a connection waits for one only once it has sent something.
WORKERS = 8


class Server(HTTPServer):
    """The preview's HTTP server, bounded: WORKERS threads answer requests, and a connection
    takes one only once it has something to read (a half-open socket waits in a selector, not
    in a thread, and is closed after IDLE_SECONDS). http.server's ThreadingHTTPServer started a
    thread per connection and waited forever: 300 idle sockets held 302 threads."""

    # Connections not yet accepted that the system queues (up to net.core.somaxconn): socketserver's
    # 5 dropped the rest of a burst (a page's assets, a test's 300 sockets), each then waiting for
    # the client to retry (1 s, then 3 s, ...): 300 connections took 12 s to open, now a fraction of one.
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]):
        super().__init__(address, handler)
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="serve")
        self.waiting = selectors.DefaultSelector()
        self.lock = threading.Lock()
        self.closing = threading.Event()
        threading.Thread(target=self._dispatch, name="serve-dispatch", daemon=True).start()

    def process_request(self, request, client_address) -> None:
        with self.lock:
            self.waiting.register(request, selectors.EVENT_READ, (client_address, time.monotonic()))

    def _dispatch(self) -> None:
        while not self.closing.is_set():
            try:
                ready = self.waiting.select(timeout=0.25)
            except (OSError, ValueError):  # closed under it: the server is stopping
                return
            now = time.monotonic()
            with self.lock:
                if self.closing.is_set():
                    return
                for key, _ in ready:
                    if key.fileobj in self.waiting.get_map():
                        self.waiting.unregister(key.fileobj)
                        self.pool.submit(self._answer, key.fileobj, key.data[0])
                for key in list(self.waiting.get_map().values()):
                    if now - key.data[1] > IDLE_SECONDS:
                        self.waiting.unregister(key.fileobj)
                        self.shutdown_request(cast(socket.socket, key.fileobj))

    def _answer(self, request, client_address) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        """One line, not a traceback: a client's fault is no fault of the site's."""
        error = sys.exc_info()[1]
        print(shown(f"serve: a request from {client_address[0]} failed: {error!r}"), file=sys.stderr, flush=True)

    def server_close(self) -> None:
        self.closing.set()
        super().server_close()
        with self.lock:
            for key in list(self.waiting.get_map().values()):
                self.shutdown_request(cast(socket.socket, key.fileobj))
            self.waiting.close()
        self.pool.shutdown(wait=False, cancel_futures=True)


class BadPath(ValueError):
    """A path no file can have (a NUL byte, a name longer than the system allows)."""


def handler_for(state: State):
    class Handler(SimpleHTTPRequestHandler):
        timeout = IDLE_SECONDS  # each read of the request: a connection that stops sending is let go

        def log_message(self, *args):
            pass

        def do_GET(self):
            self._answer(head=False)

        def do_HEAD(self):
            # What GET answers, from the site only (http.server's HEAD read the working directory:
            # the repository, .git and .venv included), without the body.
            self._answer(head=True)

        def _answer(self, head: bool) -> None:
            site, problems, version = state.snapshot()
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == "/__serve/version":
                return self._send(200, "text/plain", str(version).encode(), head)
            if path == "/__serve/reload.js":
                return self._send(200, "text/javascript", RELOAD_JS, head)
            if problems and (path.endswith("/") or path.endswith(".html")):
                return self._send(503, "text/html; charset=utf-8", _problem_page(problems), head)
            if site is None:
                return self._send(503, "text/html; charset=utf-8", _problem_page(["the first build is running"]), head)
            try:
                target = _resolve(site, path)
            except BadPath:
                return self._send(400, "text/plain; charset=utf-8", b"Bad request: no file has that path.\n", head)
            if target is None:
                target, status = site / "404.html", 404
            else:
                status = 200
            body = target.read_bytes()
            kind = self.guess_type(str(target))
            if target.suffix == ".html":
                body = body.replace(b"</body>", b'<script src="/__serve/reload.js"></script></body>', 1)
                kind = "text/html; charset=utf-8"
            return self._send(status, kind, body, head)

        def _send(self, status: int, kind: str, body: bytes, head: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if head:
                return
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def _resolve(site: Path, path: str) -> Path | None:
    """The file of the site a request's path names, None when the site has none; BadPath for a
    path no file can have (a NUL byte, a name too long for the system)."""
    from urllib.parse import unquote

    try:
        target = (site / unquote(path).lstrip("/")).resolve()
        if site.resolve() not in (target, *target.parents):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None
    except (ValueError, OSError) as exc:
        raise BadPath(path) from exc


def _problem_page(problems: list[str]) -> bytes:
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>'
        f"<body><main><h1>The site did not build</h1><p>Fix these problems; this page reloads "
        f"when the build succeeds.</p><ul>{items}</ul></main>"
        f'<script src="/__serve/reload.js"></script></body></html>'
    ).encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govcloud_site.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    state, stop = State(), threading.Event()
    work = Path(tempfile.mkdtemp(prefix="govcloud-serve-"))
    try:
        server = Server(("127.0.0.1", args.port), handler_for(state))
    except OSError as exc:
        print(f"serve: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    builder = Builder(args.config.resolve(), server.server_address[1], state, work)
    try:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"serve: http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
        builder.watch(stop)
    except KeyboardInterrupt:
        print("serve: stopped", file=sys.stderr)
        return 130
    finally:
        stop.set()
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
