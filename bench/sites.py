"""Sites to build and serve: the real one, the theme's one-page floor, and any
site built from other data (GOVCLOUD_DATA / GOVCLOUD_SCENARIOS)."""

from __future__ import annotations

import gzip
import io
import re
import shutil
import subprocess
import tempfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import harness
from harness import BIN, ROOT, build_site

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


# The same pages with nothing of ours: each page's Markdown as the macros left it,
# written out as static files, built by the same theme, search and Markdown
# extensions, without the macros plugin, the page-level work or the data they load.
# What the real build costs beyond this is ours; what this costs beyond the one-page
# floor is the theme's work on the site's twelve pages of content.
_CAPTURE = """
import sys
from pathlib import Path
from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.structure import pages
out = Path(sys.argv[1])
render = pages.Page.render
def keep(self, config, files):
    dest = out / "docs" / self.file.src_uri
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(self.markdown, encoding="utf-8")
    return render(self, config, files)
pages.Page.render = keep
build.build(load_config(str(Path(sys.argv[2])), site_dir=str(out / "scratch-site")))
"""


def content_floor_project(folder: Path, config: Path = ROOT / "mkdocs.yml") -> Path:
    """A static copy of the real site's pages and assets, configured without anything of ours."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    subprocess.run(
        [str(BIN / "python"), "-c", _CAPTURE, str(folder), str(config)],
        cwd=config.parent,
        check=True,
        capture_output=True,
        text=True,
        env={**harness.os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    shutil.rmtree(folder / "scratch-site")
    shutil.copytree(config.parent / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(config.parent / "overrides", folder / "overrides")
    out = folder / "mkdocs.yml"
    out.write_text(floor_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    return out


def floor_config(text: str) -> str:
    """The site's mkdocs.yml without our plugin, Markdown extension and watched folders."""
    text = re.sub(r"^\s*#.*\n", "", text, flags=re.M)  # comments name our modules too
    text = re.sub(r"^watch:\n(?:  - .*\n)+", "", text, flags=re.M)
    # An entry and its options (indented deeper than the entry's dash), if it has any.
    for entry in ("macros", "govcloud_site.markdown"):
        text = re.sub(rf"^  - {re.escape(entry)}:?\n(?:      .*\n)*", "", text, flags=re.M)
    if "macros" in text or "govcloud_site" in text:
        raise RuntimeError("content floor: mkdocs.yml changed shape; the macros or the page work are still configured")
    return text


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
