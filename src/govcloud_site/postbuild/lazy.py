"""Move the markup a page shows only later into a file of its own, loaded when needed.

    python -m govcloud_site.postbuild.lazy SITE_DIR

A page marks such markup as `<template data-gc-lazy="NAME">…</template>` (inert:
the browser parses it but neither shows nor loads it). This step writes the
template's content to NAME beside the page and leaves the template empty; the
page's script fetches NAME when the markup is first needed, and uses the
template's content as it is where this step did not run. Today: the
estimator's tier charts (`ladder-charts.xml`, XHTML with SVG, about a third
of the estimator page's bytes), fetched with the first estimate (issue 12).

It runs on any builder's output (MkDocs, Zensical), before the CSP step.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LAZY = re.compile(r'(<template data-gc-lazy="([\w-]+\.xml)">)(.*?)(</template>)', re.S)


def split_page(page: Path, text: str | None = None) -> list[Path]:
    """Writes each lazy template's content beside the page (whose `text` the caller may have
    read already); returns the files written."""
    text = page.read_text(encoding="utf-8") if text is None else text
    written: list[Path] = []

    def move(match: re.Match) -> str:
        content = match.group(3)
        if not content.strip():  # split already (a second run)
            return match.group(0)
        target = page.parent / match.group(2)
        if target in written:
            raise ValueError(f"{page}: two templates want {target.name}")
        target.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + content.strip() + "\n", encoding="utf-8")
        written.append(target)
        return match.group(1) + match.group(4)

    after = LAZY.sub(move, text)
    if after != text:
        page.write_text(after, encoding="utf-8")
    return written


def split_site(site: Path) -> list[Path]:
    site = Path(site)
    written: list[Path] = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-gc-lazy" in text:
            written += split_page(page, text)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m govcloud_site.postbuild.lazy SITE_DIR", file=sys.stderr)
        return 2
    done = split_site(Path(args[0]))
    print(f"lazy: {len(done)} files written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
