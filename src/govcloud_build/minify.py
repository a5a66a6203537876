"""Minify the site's own scripts and styles in place, keeping every file name.

    python -m govcloud_build.minify SITE_DIR

Why a step of our own: mkdocs-minify-plugin renames files to `*.min.js`
without rewriting the estimator's `import` paths, and Zensical runs no MkDocs
plugin. rjsmin and rcssmin only drop comments and whitespace that carry no
meaning: names, strings, template literals and selectors stay as written
(`.gc-table :is(td)` keeps its space, unlike the old CSS minifier).

Only `assets/*.css` and `assets/**/*.js` are ours; the theme's files under
`assets/javascripts` and `assets/stylesheets` ship minified already.
"""
from __future__ import annotations

import sys
from pathlib import Path

import rcssmin
import rjsmin

THEME_DIRS = ("javascripts", "stylesheets")


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


def minify_site(site: Path) -> list[tuple[Path, int, int]]:
    """Rewrites each of the site's own scripts and styles; returns (path, bytes before, bytes after)."""
    done = []
    for path in own_assets(site):
        before = path.read_text(encoding="utf-8")
        after = minify_text(before, path.suffix)
        if after != before:
            path.write_text(after, encoding="utf-8")
        done.append((path, len(before.encode()), len(after.encode())))
    return done


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m govcloud_build.minify SITE_DIR", file=sys.stderr)
        return 2
    site = Path(args[0])
    if not (site / "index.html").is_file():
        print(f"{site}: not a built site (no index.html)", file=sys.stderr)
        return 2
    done = minify_site(site)
    before, after = sum(d[1] for d in done), sum(d[2] for d in done)
    print(f"minified {len(done)} files in {site}: {before:,} -> {after:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
