"""Minify the site's own scripts and styles in place; bundle the estimator's modules.

    python -m govcloud_site.postbuild.minify SITE_DIR

Why a step of our own: mkdocs-minify-plugin renames files to `*.min.js`
without rewriting the estimator's `import` paths, and Zensical runs no MkDocs
plugin. rjsmin and rcssmin only drop comments and whitespace that carry no
meaning: names, strings, template literals and selectors stay as written
(`.gc-table :is(td)` keeps its space, unlike the old CSS minifier).

The estimator's ES modules (`assets/estimator/`, with the calculation
`assets/govcloud-quote.js` they import) are bundled by esbuild (pinned by
tools/esbuild/package-lock.json, installed by `make esbuild-deps`, which
`make build`, `serve`, `zensical` and `test` run): `main.js`, which
the site-wide loader imports, becomes one file with everything the estimator
needs at start, and each module the code imports only when a feature is used
(`import("./options.js")`) stays a file of that name, loaded then; code both
share goes to `chunk-<hash>.js`. One request instead of ten, and names that
only the modules use are shortened (issue 12: the page's weight). The sources
in docs/assets stay plain modules that run as they are (Node's tests).

Only `assets/*.css` and `assets/**/*.js` are ours; the theme's files under
`assets/javascripts` and `assets/stylesheets` ship minified already.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import rcssmin
import rjsmin

THEME_DIRS = ("javascripts", "stylesheets")
# The estimator's modules: main.js is where the site-wide loader (govcloud.js) starts.
BUNDLE_DIR = "estimator"
BUNDLE_START = "main.js"
LAZY = re.compile(r"""\bimport\(\s*["']\./([\w.-]+\.js)["']\s*\)""")
ROOT = Path(__file__).resolve().parents[3]
ESBUILD_HOME = ROOT / "tools" / "esbuild"


def own_assets(site: Path) -> list[Path]:
    assets = site / "assets"
    if not assets.is_dir():
        return []
    found = []
    for path in sorted(assets.rglob("*")):
        rel = path.relative_to(assets).parts
        if path.is_file() and path.suffix in (".js", ".css") and rel[0] not in THEME_DIRS:
            found.append(path)
    return found


def minify_text(text: str, suffix: str) -> str:
    if suffix == ".js":
        return rjsmin.jsmin(text, keep_bang_comments=False).strip() + "\n"
    return rcssmin.cssmin(text, keep_bang_comments=False).strip() + "\n"


def esbuild() -> Path:
    """The pinned esbuild (GOVCLOUD_ESBUILD names another); a clear error when it is not installed."""
    named = os.environ.get("GOVCLOUD_ESBUILD")
    path = Path(named) if named else ESBUILD_HOME / "node_modules" / ".bin" / "esbuild"
    if not path.is_file():
        raise OSError(
            f"esbuild is not installed ({path}): run `make esbuild-deps` (make build, serve, zensical and test run it)"
        )
    return path


def lazy_modules(folder: Path) -> list[str]:
    """The modules imported with import("./name.js") somewhere in the folder: each stays a file of its own."""
    names = set()
    for path in sorted(folder.glob("*.js")):
        names.update(LAZY.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def bundle(site: Path) -> list[Path]:
    """Replaces assets/estimator/*.js with esbuild's bundle: main.js, the lazily imported modules
    under their own names, and the chunks they share. Returns the files written."""
    folder = site / "assets" / BUNDLE_DIR
    if not (folder / BUNDLE_START).is_file():
        return []
    entries = [BUNDLE_START] + [n for n in lazy_modules(folder) if n != BUNDLE_START]
    missing = [n for n in entries if not (folder / n).is_file()]
    if missing:
        raise ValueError(f"{folder}: imported but missing: {', '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="govcloud-bundle-") as scratch:
        out = Path(scratch) / "out"
        result = subprocess.run(
            [
                str(esbuild()),
                *entries,
                "--bundle",
                "--splitting",
                "--format=esm",
                "--minify",
                "--target=es2022",
                "--charset=utf8",
                "--legal-comments=none",
                "--log-level=warning",
                "--entry-names=[name]",
                "--chunk-names=chunk-[hash]",
                f"--outdir={out}",
            ],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise ValueError(f"esbuild could not bundle {folder}:\n{result.stderr}")
        for path in folder.glob("*.js"):
            path.unlink()
        done = []
        for path in sorted(out.glob("*.js")):
            target = folder / path.name
            shutil.copyfile(path, target)
            done.append(target)
    return done


def minify_site(site: Path) -> list[tuple[Path, int, int]]:
    """Bundles the estimator, then rewrites each other script and style of the site's own;
    returns (path, bytes before, bytes after)."""
    folder = site / "assets" / BUNDLE_DIR
    sizes = {p: p.stat().st_size for p in folder.glob("*.js")} if folder.is_dir() else {}
    bundled = bundle(site)
    done = [(folder, sum(sizes.values()), sum(p.stat().st_size for p in bundled))] if bundled else []
    for path in own_assets(site):
        if path in bundled:
            continue
        before = path.read_text(encoding="utf-8")
        after = minify_text(before, path.suffix)
        if after != before:
            path.write_text(after, encoding="utf-8")
        done.append((path, len(before.encode()), len(after.encode())))
    return done


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m govcloud_site.postbuild.minify SITE_DIR", file=sys.stderr)
        return 2
    site = Path(args[0])
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site (no index.html)", file=sys.stderr)
        return 2
    try:
        done = minify_site(site)
    except (OSError, ValueError) as exc:
        print(f"minify: {exc}", file=sys.stderr)
        return 1
    before, after = sum(d[1] for d in done), sum(d[2] for d in done)
    print(f"minified {len(done)} files in {site}: {before:,} -> {after:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
