"""Page-level work, as a Python-Markdown extension that MkDocs and Zensical both
run (`markdown_extensions: [govcloud_site.markdown]`).

It sees each page's Markdown after the macros have filled it in, and before
Markdown reads it. Zensical's macros have no per-page hooks, so whatever
concerns a page as a whole belongs here, not in a macro:

- the first use of each glossary term becomes a link to its entry, except on
  pages whose macros mark them `no-term-links` (the glossary, the estimator);
- a page that shows rules (the `rule` macro marks each) gets a "Sources"
  section naming where they come from.

What to link and which sources to list is the macros' knowledge: the configuration
names the function that gives it (`pages: "module:function"`, an object with
`link_terms(markdown)` and `sources_section(rules)`), so this package imports no macro.

To add page-level work: have the macro leave a mark (`marks.mark`), and act on
it in `PageWork.run` below.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from markdown import Extension
from markdown.preprocessors import Preprocessor

from govcloud_site.markdown.marks import HTML_START, NO_TERM_LINKS, RAW_HTML, RULE, take_marks

# Zensical renders macros as a preprocessor at 35 (MkDocs before Markdown
# starts); pymdownx.snippets, were it used, runs at 32. Before it, as the page hooks were.
PRIORITY = 34
# After Python-Markdown's whitespace step (30), which would strip a stash
# placeholder's control characters, and before its HTML block step (20).
RAW_HTML_PRIORITY = 29


def _provider(name: str) -> Callable[[], Any]:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


class PageWork(Preprocessor):
    def __init__(self, md, pages: Callable[[], Any]):
        super().__init__(md)
        self.pages = pages

    def run(self, lines: list[str]) -> list[str]:
        markdown, marks = take_marks("\n".join(lines))
        pages = self.pages()
        if (NO_TERM_LINKS, "") not in marks:
            markdown = pages.link_terms(markdown)
        rules = list(dict.fromkeys(value for kind, value in marks if kind == RULE))
        if rules:
            markdown = markdown.rstrip() + "\n\n" + pages.sources_section(rules) + "\n"
        return markdown.split("\n")


class RawHtml(Preprocessor):
    """Generated HTML (`marks.raw_html`) goes into Markdown's own store of raw HTML,
    as its HTML block step would put it, without being parsed on the way."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if HTML_START not in text:
            return lines
        # Stored with its end of line, as the HTML block step stores a block: the page comes out the same.
        text = RAW_HTML.sub(lambda m: "\n\n" + self.md.htmlStash.store(m[1] + "\n") + "\n\n", text)
        return text.split("\n")


class PageWorkExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"pages": ["", "module:function giving the site's pages"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        pages = _provider(self.getConfig("pages"))
        md.preprocessors.register(PageWork(md, pages), "govcloud_pagework", PRIORITY)
        md.preprocessors.register(RawHtml(md), "govcloud_raw_html", RAW_HTML_PRIORITY)


def makeExtension(**kwargs) -> PageWorkExtension:
    return PageWorkExtension(**kwargs)
