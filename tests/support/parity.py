"""Page-for-page parity of two builds of the site: MkDocs' and Zensical's.

    python tests/support/parity.py SITE_A SITE_B     # one line per difference; exit 1 if any

For every page: its title, its article's text (block by block) and the links in
its article (where each leads, and its words). The theme around the article
(navigation, header, footer, scripts) is the builders' own and is not compared.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from html import unescape
from pathlib import Path

from sitecheck import Page, read_site


def _side(lines: list[str]) -> str:
    return " / ".join(lines)


def _sequence(path: str, what: str, a: list[str], b: list[str], names: tuple[str, str]) -> list[str]:
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            out += [f"{path}: {what}: {names[0]} {x!r} | {names[1]} {y!r}" for x, y in zip(a[i1:i2], b[j1:j2])]
        else:
            left = _side([repr(x) for x in a[i1:i2]]) or "(nothing)"
            right = _side([repr(y) for y in b[j1:j2]]) or "(nothing)"
            out.append(f"{path}: {what}: {names[0]} {left} | {names[1]} {right}")
    return out


def compare_page(path: str, a: Page, b: Page, names: tuple[str, str]) -> list[str]:
    out = []
    if a.title != b.title:
        out.append(f"{path}: title: {names[0]} {a.title!r} | {names[1]} {b.title!r}")
    out += _sequence(path, "text", a.blocks, b.blocks, names)
    links_a = [f"{link.target} [{link.text}]" for link in a.article_links]
    links_b = [f"{link.target} [{link.text}]" for link in b.article_links]
    out += _sequence(path, "link", links_a, links_b, names)
    return out


def build_day(site: Path) -> str | None:
    """The day a build's prices are as of: its embedded price book's `date` (the estimator page);
    None when the page or the date is missing."""
    try:
        html = (site / "estimator" / "index.html").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r'<script type="?application/json"? id="?govcloud-pricebook"?>(.*?)</script>', html, re.S)
    if not found:
        return None
    try:
        day = json.loads(unescape(found.group(1))).get("date")
    except (ValueError, AttributeError):
        return None
    return day if isinstance(day, str) else None


def compare(site_a: Path, site_b: Path, names: tuple[str, str] = ("mkdocs", "zensical")) -> tuple[int, list[str]]:
    """(pages compared, one line per difference)."""
    pages_a, pages_b = read_site(site_a), read_site(site_b)
    content_a = {p for p, page in pages_a.items() if page.blocks}
    content_b = {p for p, page in pages_b.items() if page.blocks}
    out = [f"{p}: page only in {names[0]}" for p in sorted(content_a - content_b)]
    out += [f"{p}: page only in {names[1]}" for p in sorted(content_b - content_a)]
    both = sorted(content_a & content_b)
    for path in both:
        out += compare_page(path, pages_a[path], pages_b[path], names)
    return len(both), out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tests/support/parity.py MKDOCS_SITE ZENSICAL_SITE", file=sys.stderr)
        return 2
    a, b = map(Path, argv)
    for site in (a, b):
        if not (site / "index.html").is_file():
            print(f"{site}: no built site here (index.html is missing)", file=sys.stderr)
            return 2
    # Builds of different days differ wherever a price changed between them: not a builder's difference.
    days = build_day(a), build_day(b)
    if days[0] != days[1]:
        print(
            f"parity: {a} is as of {days[0]} and {b} as of {days[1]}: build both with one SOURCE_DATE_EPOCH "
            "(make parity does)",
            file=sys.stderr,
        )
        return 2
    count, differences = compare(a, b)
    for line in differences:
        print(line)
    print(
        f"parity: {count} pages compared, {len(differences)} difference(s)",
        file=sys.stderr if not differences else sys.stdout,
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
