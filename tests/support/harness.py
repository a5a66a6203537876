"""What the tests and the benchmarks share: the project's paths, a strict build of
the site (the real one, or a small one per case; by MkDocs or by Zensical) in a
subprocess, one reader of the HTML it writes, a local server for it, and Debian's
Chromium with its flags."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from html import unescape
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
# One day for the whole session (SOURCE_DATE_EPOCH: govcloud.model.clock): every build a test makes,
# and every figure a test works out for "today", are as of it, even across midnight; `make test`
# passes its own down.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
BIN = Path(sys.executable).parent
# Zensical lives in its own environment (`make zensical-setup`), from its own lock.
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_CONFIG = ROOT / "mkdocs.zensical.yml"
BUILDERS = ("mkdocs", "zensical")

# Without the background-networking flags Chromium calls Google's hosts, which
# this network refuses (and which the site's "no other hosts" tests would see).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The tests' browser only (not the benchmarks', which time what a reader's browser does): V8
# stops at its baseline compiler. A test's page lives a second or two, and compiling its hot
# code again for speed took a seventh of the CPU of loading pages and running axe (7.5 -> 6.5
# CPU seconds, three rounds); the scripts behave the same.
TEST_FLAGS = ["--js-flags=--max-opt=1"]


def build_site(
    dest: Path, env: dict[str, str] | None = None, config: Path | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` then the post-build steps, in subprocesses, as `make build`
    runs them; returns the first failed process, or the build's."""
    config = config or ROOT / "mkdocs.yml"
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(dest), "--config-file", str(config)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=run_env,
    )
    if built.returncode != 0:
        return built
    # The published output (minified, with its Content-Security-Policy): the tests see the
    # site's files as a host serves them.
    after = subprocess.run(
        [str(BIN / "python"), "-m", "govcloud_site.postbuild", str(dest)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env=run_env,
    )
    return built if after.returncode == 0 else after


class BuildFarm:
    """build_site's builds, many in a row, through one tests/support/buildfarm.py process:
    it imports MkDocs and the plugins once and forks each build from there."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("buildfarm.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def build(
        self, dest: Path, env: dict[str, str] | None = None, config: Path | None = None
    ) -> subprocess.CompletedProcess:
        config = config or ROOT / "mkdocs.yml"
        run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        assert self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps({"dest": str(dest), "config": str(config), "env": run_env}) + "\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the build farm stopped (exit code {self._process.wait()})")
        done = json.loads(answer)
        return subprocess.CompletedProcess(
            ["mkdocs", "build", "--strict", "--site-dir", str(dest)], done["returncode"], done["stdout"], done["stderr"]
        )

    def close(self) -> None:
        assert self._process.stdin
        self._process.stdin.close()
        self._process.wait(timeout=60)


def build_zensical(
    dest: Path, env: dict[str, str] | None = None, config: Path = ZENSICAL_CONFIG, clean: bool = True
) -> subprocess.CompletedProcess:
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
        cwd=config.parent,
        capture_output=True,
        text=True,
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
    """The real site in both languages (English in `dest`, Japanese in `dest`/ja), built by
    "mkdocs" or "zensical" as `make build` and `make zensical` build it: one build per builder
    per language (govcloud_site.sites)."""
    return subprocess.run(
        [str(BIN / "python"), "-m", "govcloud_site.sites", builder, str(dest), "--unpublished"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


@functools.cache
def built_address(directory: str) -> bytes | None:
    """The address a built site was built for (SITE_URL): its sitemap's first page."""
    try:
        found = re.search(rb"<loc>([^<]+)</loc>", (Path(directory) / "sitemap.xml").read_bytes())
    except OSError:
        return None
    return found[1] if found else None


class SiteHandler(QuietHandler):
    """A built site served as its host serves it, at the address it was built for: the pages'
    absolute links to themselves (canonical, hreflang, the sitemaps) name this server instead
    of SITE_URL's 127.0.0.1:8000, so that what the themes' scripts fetch from them stays on
    this server, as it stays on the host once published."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        built = built_address(str(self.directory))
        if built is None or not path.endswith((".html", ".xml")) or not os.path.isfile(path):
            return super().send_head()
        body = Path(path).read_bytes().replace(built, f"http://{self.headers['Host']}/".encode())
        self.send_response(200)
        self.send_header("Content-type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class SiteServer(ThreadingHTTPServer):
    """The test server. A browser that leaves a page while a file is still being sent (a sweep's next
    visit) closes the connection: that is the browser's choice, not a fault, so it prints nothing;
    any other error prints its traceback as before."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset or aborted
            super().handle_error(request, client_address)


def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = SiteHandler) -> ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1 at a free port, from a thread."""
    server = SiteServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def visit(page, url: str) -> None:
    """Open `url` in a Playwright page and wait for what a reader waits for: the load event (the
    theme's scripts have run) and, on the estimator, its data-ready mark (set once an estimate the
    address holds is shown). Sweeps over every page use it rather than network idle, which waits
    500 ms more a page; the sweep in test_every_page.py reads the CSP watch on each English page
    after axe, a Tab walk and network idle, so requests made late are still caught."""
    page.goto(url)
    if page.locator("#gc-estimator").count():
        page.locator("#gc-estimator[data-ready=true]").wait_for(state="attached")
    # And what the theme's scripts do on the frames after load (two frames: the next one has painted).
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def chromium_path(headed: bool = False) -> str:
    """$CHROMIUM, else Debian's headless shell (the Chromium build Playwright itself runs headless:
    the same Blink without the browser's window and services, a fifth less CPU over the browser
    tests), else the full browser; with a window (`pytest --headed`), the full browser only."""
    names = ("chromium", "chromium-browser") if headed else ("chromium-headless-shell", "chromium", "chromium-browser")
    path = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, names)), None)
    if path:
        return path
    if headed:
        raise RuntimeError(
            "a browser with a window (pytest --headed) needs a full Chromium: install Debian's chromium, "
            "or set CHROMIUM to one"
        )
    raise RuntimeError("Chromium is missing: `make test` installs Debian's chromium-headless-shell package")


# -- reading the HTML a build writes (the one parser every test uses) ---------------


class Html(HTMLParser):
    """A page or fragment read once: its tables (attributes, rows, cells with their tag,
    attributes and text), its visible text, the JSON of its data blocks and every tag seen."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: list[dict[str, Any]] = []
        self.text: list[str] = []
        self.json: list[str] = []
        self.tags: list[str] = []
        self._cell: dict[str, Any] | None = None
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "script":
            self._in = "json" if attrs.get("type") == "application/json" else "script"
        elif tag == "style":
            self._in = "style"
        elif tag == "table":
            self.tables.append({"attrs": attrs, "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append({"attrs": attrs, "cells": []})
        elif tag in ("td", "th") and self.tables and self.tables[-1]["rows"]:
            self._cell = {"tag": tag, "attrs": attrs, "text": ""}
            self.tables[-1]["rows"][-1]["cells"].append(self._cell)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in = None
        elif tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._in == "json":
            self.json.append(data)
        elif self._in is None:
            self.text.append(data)
            if self._cell is not None:
                self._cell["text"] += data

    def rows(self) -> list[list[str]]:
        """Every table row as its cells' text (a copied table, a CSV-like view)."""
        return [[c["text"] for c in r["cells"]] for t in self.tables for r in t["rows"] if r["cells"]]

    def documents(self) -> list[Any]:
        """The JSON data blocks that parse."""
        out = []
        for block in self.json:
            try:
                out.append(json.loads(unescape(block)) if "&quot;" in block else json.loads(block))
            except ValueError:
                pass
        return out


def sitemap_paths(site: Path, language: str = "") -> list[str]:
    """The address paths of the pages a language's sitemap lists ("" English, "ja" Japanese: each
    language's build writes its own)."""
    sitemap = (site / language / "sitemap.xml").read_text(encoding="utf-8")
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def with_rule_confirmed(data: str, rule: str) -> str:
    """The data file's text with one rule marked `confirmed: true` (markers must follow it)."""
    at = data.index(f"\n  {rule}:\n")
    cut = data.index("confirmed: false", at)
    return data[:cut] + "confirmed: true" + data[cut + len("confirmed: false") :]


def text_of(html: str) -> str:
    """The words of a page's article, without tags."""
    body = html[html.index("<article") : html.index("</article>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


# The help pages (the estimator page is tested by its own suite).
PAGES = [
    "index.html",
    "subscriptions/index.html",
    "products/index.html",
    "changes/index.html",
    "contact/index.html",
    "questions/index.html",
    "scenarios/index.html",
    "glossary/index.html",
    "sources/index.html",
    "maintainers/index.html",
    "architecture/index.html",
    "publishing/index.html",
    "builders/index.html",
    "measuring/index.html",
]


def prose(html: str) -> str:
    """text_of, with no space left before punctuation where an inline tag ended."""
    return re.sub(r"\s+([;:,.)”])", r"\1", text_of(html))


def sections(html: str) -> dict[str, str]:
    """Each h2 section of a page's article: its heading's words to the text under it."""
    body = html[html.index("<article") : html.index("</article>")]
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", body, flags=re.S)
    return {
        prose(f"<article>{parts[i]}</article>"): prose(f"<article>{parts[i + 1]}</article>")
        for i in range(1, len(parts) - 1, 2)
    }
