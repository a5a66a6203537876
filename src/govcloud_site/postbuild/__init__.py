"""The steps that run on a built site folder, whichever builder made it (MkDocs
or Zensical), in this order: minify first, then the Content-Security-Policy,
which hashes the inline scripts exactly as they will be served.

    python -m govcloud_site.postbuild SITE_DIR

`make build`, the test harness and the benchmarks all run this one list.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from govcloud_site.postbuild import csp, lazy, minify, words

# (name, step): each takes the site folder. Add a step where its order needs it.
STEPS: list[tuple[str, Callable[[Path], object]]] = [
    ("lazy", lazy.split_site),  # markup shown only later (the estimator's charts) into files of their own
    ("minify", minify.minify_site),  # the site's own scripts and styles, in place, names kept
    ("words", words.apply),  # the site-wide script's words on every page's <body>
    ("csp", csp.apply),  # last: it hashes the inline scripts as they will be served
]


def run(site: Path, skip: tuple[str, ...] = ()) -> None:
    """Every step on `site`, but those named in `skip` (govcloud_site.sites writes the policy
    once over both languages)."""
    for name, step in STEPS:
        if name not in skip:
            step(Path(site))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m govcloud_site.postbuild SITE_DIR", file=sys.stderr)
        return 2
    try:
        run(Path(args[0]))
    except (OSError, ValueError) as exc:
        print(f"postbuild: {exc}", file=sys.stderr)
        return 1
    return 0
