"""What the tests and the benchmarks share: a strict build of the site in a
subprocess, a local server for it, and Debian's Chromium with its flags."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# Without the background-networking flags Chromium calls Google's hosts, which
# this network refuses (and which the site's "no other hosts" tests would see).
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_site(dest: Path, env: dict[str, str] | None = None, config: Path | None = None
               ) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` then the post-build steps, in subprocesses, as `make build`
    runs them; returns the first failed process, or the build's."""
    config = config or ROOT / "mkdocs.yml"
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(dest), "--config-file", str(config)],
        cwd=config.parent, capture_output=True, text=True, env=run_env,
    )
    if built.returncode != 0:
        return built
    # The published output: the tests see the site's files as a host serves them.
    minified = subprocess.run([str(BIN / "python"), "-m", "govcloud_build.minify", str(dest)],
                              cwd=config.parent, capture_output=True, text=True, env=run_env)
    return built if minified.returncode == 0 else minified


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1 at a free port, from a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is missing: `make test` installs Debian's chromium package")
    return path
