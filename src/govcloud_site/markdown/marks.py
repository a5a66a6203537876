"""Marks that macros leave in a page's Markdown for the page-level work
(`pagework`), which reads and removes them before the page is parsed.

Macros cannot see the page they render under Zensical (no per-page hooks, and
`define_env` runs once per page), so whatever must be known about a whole page
travels in the page's own text. An HTML comment stays invisible should a mark
ever be left behind."""

from __future__ import annotations

import re

MARK = re.compile(r"<!--govcloud:(?P<kind>[a-z-]+)(?: (?P<value>[A-Za-z0-9_-]+))?-->")

# A rule shown on the page: its source goes into the page's "Sources" section.
RULE = "rule"
# A page whose own content is a glossary or a form: no term links are added to it.
NO_TERM_LINKS = "no-term-links"


def mark(kind: str, value: str = "") -> str:
    text = f"<!--govcloud:{kind}{' ' + value if value else ''}-->"
    assert MARK.fullmatch(text), text  # a value outside the pattern would never be read back
    return text


def take_marks(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """The Markdown without its marks, and the marks in the order they appear."""
    found = [(m["kind"], m["value"] or "") for m in MARK.finditer(markdown)]
    return MARK.sub("", markdown), found


# Generated HTML (a table): Markdown keeps it as it is, unparsed (pagework's
# `RawHtml`). Not a `MARK`: it must outlive `take_marks` and reach a later step.
HTML_START, HTML_END = "<!--govcloud-html-->", "<!--/govcloud-html-->"
RAW_HTML = re.compile(re.escape(HTML_START) + "(.*?)" + re.escape(HTML_END), re.S)
ID = re.compile(r"<[^>]*\sid\s*=", re.I)


def raw_html(html: str, unlinked_ids: bool = False) -> str:
    """Block-level HTML that Markdown passes through untouched: it is stored aside
    before Markdown reads the page (its parse of a large table costs more than the
    rest of the page) and put back, byte for byte, in the page it writes.

    No `id` inside, unless `unlinked_ids`: MkDocs learns the link targets in a
    page's HTML before it is stored, so a link to a stored id fails the strict
    build. `unlinked_ids` is for ids that no link points to: a chart's title
    named by its `aria-labelledby`, a form's fields, the page's script hooks."""
    if ID.search(html) and not unlinked_ids:
        raise ValueError("raw_html: HTML with an id must stay in the page (its anchor is checked)")
    return HTML_START + html + HTML_END
