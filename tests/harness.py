"""What the tests and the benchmarks share: a strict build of the site in a
subprocess (by MkDocs or by Zensical), a local server for it, and Debian's
Chromium with its flags."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# Zensical lives in its own environment (`make zensical-setup`), from its own lock.
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_CONFIG = ROOT / "mkdocs.zensical.yml"
BUILDERS = ("mkdocs", "zensical")

# Without the background-networking flags Chromium calls Google's hosts, which
# this network refuses (and which the site's "no other hosts" tests would see).
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_site(dest: Path, env: dict[str, str] | None = None, config: Path | None = None
               ) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` then the post-build steps (minify, CSP) in subprocesses, as
    `make build` and docs CI run them; returns the finished process (the first that failed)."""
    config = config or ROOT / "mkdocs.yml"
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(dest), "--config-file", str(config)],
        cwd=config.parent, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    if built.returncode:
        return built
    after = subprocess.run([sys.executable, "-m", "govcloud_site.postbuild", str(dest)], capture_output=True, text=True)
    return after if after.returncode else built


def build_zensical(dest: Path, env: dict[str, str] | None = None, config: Path = ZENSICAL_CONFIG,
                   clean: bool = True) -> subprocess.CompletedProcess:
    """`zensical build --strict` then the post-build steps, in subprocesses, as `make zensical`
    runs them; the site ends up in `dest`.

    Zensical has no --site-dir and refuses a site folder outside the project:
    it builds into a scratch folder beside its config, moved to `dest` after.
    From a clean cache unless told otherwise: the cache does not know about
    GOVCLOUD_DATA (a warm build is for timing the same data again)."""
    if not ZENSICAL.exists():
        raise RuntimeError(f"{ZENSICAL} is missing: run `make zensical-setup`")
    scratch = config.parent / f".zensical-build-{uuid.uuid4().hex[:12]}"
    result = subprocess.run(
        [str(ZENSICAL), "build", "--strict", *(["--clean"] if clean else []), "--config-file", str(config)],
        cwd=config.parent, capture_output=True, text=True,
        env={**os.environ, **(env or {}), "ZENSICAL_SITE_DIR": str(scratch)},
    )
    if scratch.exists():
        if result.returncode == 0:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(scratch), str(dest))
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if result.returncode:
        return result
    # The same post-build steps (minify, CSP) as MkDocs' output gets.
    after = subprocess.run([sys.executable, "-m", "govcloud_site.postbuild", str(dest)], capture_output=True, text=True)
    return after if after.returncode else result


def build_with(builder: str, dest: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real site, built by "mkdocs" or "zensical"."""
    return {"mkdocs": build_site, "zensical": build_zensical}[builder](dest, env)


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
