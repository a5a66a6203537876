"""Sites to build and serve: the real one, the theme's one-page floor, and any
site built from other data (GOVCLOUD_DATA / GOVCLOUD_SCENARIOS)."""
from __future__ import annotations

import gzip
import io
import shutil
import sys
import tempfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import harness  # noqa: E402
from harness import ROOT, build_site  # noqa: E402

# The theme's floor: Material with nothing of ours, built with the same pinned versions.
FLOOR_CONFIG = """\
site_name: Floor
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
"""
FLOOR_PAGE = "# Floor\n\nOne page of plain text, built by the theme alone.\n"


def floor_project(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "index.md").write_text(FLOOR_PAGE)
    config = folder / "mkdocs.yml"
    config.write_text(FLOOR_CONFIG)
    return config


def build(dest: Path, config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None) -> None:
    """`mkdocs build --strict` in a subprocess, as `make build` runs it; raises with the log on failure."""
    shutil.rmtree(dest, ignore_errors=True)
    result = build_site(dest, env, config)
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{result.stderr}")


def builder(config: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None):
    """A task for timing: each call builds into a fresh scratch folder."""
    def task():
        with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
            build(Path(scratch) / "site", config, env)
    return task


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves text gzipped, as static hosts do, so transfer sizes are realistic."""

    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = harness.serve(directory, _GzipHandler)
    return server, f"http://127.0.0.1:{server.server_address[1]}"
