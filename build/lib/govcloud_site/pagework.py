"""Page-level work, as a Python-Markdown extension that MkDocs and Zensical both
run (`markdown_extensions: [govcloud_site.pagework]`).

It sees each page's Markdown after the macros have filled it in, and before
Markdown reads it. Zensical's macros have no per-page hooks, so whatever
concerns a page as a whole belongs here, not in a macro:

- the first use of each glossary term becomes a link to its entry, except on
  pages whose macros mark them `no-term-links` (the glossary, the estimator);
- a page that shows rules (the `rule` macro marks each) gets a "Sources"
  section naming where they come from.

To add page-level work: have the macro leave a mark (`marks.mark`), and act on
it in `PageWork.run` below.
"""
from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .marks import NO_TERM_LINKS, RULE, take_marks
from .state import current_site

# Zensical renders macros as a preprocessor at 35 (MkDocs before Markdown
# starts); pymdownx.snippets runs at 32. Between the two, as the page hooks were.
PRIORITY = 34


class PageWork(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        markdown, marks = take_marks("\n".join(lines))
        pages = current_site().pages
        if (NO_TERM_LINKS, "") not in marks:
            markdown = pages.link_terms(markdown)
        rules = list(dict.fromkeys(value for kind, value in marks if kind == RULE))
        if rules:
            markdown = markdown.rstrip() + "\n\n" + pages.sources_section(rules) + "\n"
        return markdown.split("\n")


class PageWorkExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(PageWork(md), "govcloud_pagework", PRIORITY)


def makeExtension(**kwargs) -> PageWorkExtension:
    return PageWorkExtension(**kwargs)
