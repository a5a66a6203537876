"""The glossary on the site: its page, and the links from the first use of each
term on other pages to its entry (`includes/glossary.yml`, checked by govcloud)."""
from __future__ import annotations

import re
from typing import Any

from govcloud.glossary import load_glossary
from govcloud.model import Catalog
from govcloud.richtext import escape_markdown, fill

from .marks import NO_TERM_LINKS, mark
from .text import slug

GLOSSARY_PAGE = "glossary.md"

# Markdown where a glossary link must not go: code, headings, admonition titles,
# raw HTML blocks (generated tables), links and their text, tags and attribute lists.
PROTECTED = re.compile(r"""
    (?sm:^(?P<fence>```|~~~).*?^(?P=fence)[ \t]*$)
  | (?m:^\#{1,6}[ \t].*$)
  | (?m:^[ \t]*(?:!!!|\?\?\?\+?)[ \t].*$)
  | (?sm:^<.*?(?:\n[ \t]*\n|\Z))
  | `[^`\n]+`
  | !?\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?
  | \[[^\]\n]*\]\[[^\]\n]*\]
  | <[^>\n]+>
  | \{[^}\n]*\}
  | (?m:^[ ]{0,3}\[[^\]\n]+\]:.*$)
""", re.X)


class GlossaryMacros:
    """Mixed into the page macros: needs `self.fill` (the data's words)."""

    catalog: Catalog
    fill: dict[str, str]
    glossary: list[dict[str, Any]]

    def _load_glossary(self) -> list[dict[str, Any]]:
        out = []
        # Placeholders filled by name only (never str.format, which reads attributes and format specs).
        for entry in load_glossary(None, self.catalog):
            term = fill(entry.term, self.fill)
            out.append({"term": term, "text": " ".join(fill(entry.text, self.fill).split()),
                        "forms": [fill(f, self.fill) for f in (entry.forms if entry.forms is not None else [term])]})
        return sorted(out, key=lambda e: e["term"].lower())

    def glossary_list(self) -> str:
        # The glossary's own page links no terms to itself.
        return mark(NO_TERM_LINKS) + "\n\n".join(
            f"{escape_markdown(e['term'])} {{#{slug(e['term'])}}}\n:   {escape_markdown(e['text'])}" for e in self.glossary)

    def link_terms(self, markdown: str) -> str:
        """Make the first use of each glossary term on a page a link to its entry.

        A link, unlike an <abbr>, can be reached by keyboard and followed on a
        touch screen; its title is the tooltip. Later uses stay plain text, and
        headings, links, code and generated HTML are never touched.
        """
        spans, start = [], 0  # the stretches of prose a link may go into
        for m in PROTECTED.finditer(markdown):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(markdown)))
        chosen: list[tuple[int, int, dict]] = []
        for entry in self.glossary:
            pattern = self._term_pattern(entry["forms"])
            if pattern is None:
                continue
            # The term's first use that does not overlap a term already linked.
            found = next((m for a, b in spans for m in pattern.finditer(markdown, a, b)
                          if not any(s < m.end() and m.start() < e for s, e, _ in chosen)), None)
            if found:
                chosen.append((found.start(), found.end(), entry))
        for s, e, entry in sorted(chosen, key=lambda c: c[0], reverse=True):
            # The text is plain words (govcloud refuses markup in it); a quote would end the title.
            title = entry["text"].replace('"', "'")
            link = f'[{markdown[s:e]}]({GLOSSARY_PAGE}#{slug(entry["term"])} "{title}"){{ .gc-glossary-term }}'
            markdown = markdown[:s] + link + markdown[e:]
        return markdown

    @staticmethod
    def _term_pattern(forms: list[str]) -> re.Pattern | None:
        """Any of the forms as a whole word, longest first, also with a capital at the start of a sentence."""
        words = sorted({w for f in forms for w in (f, f[:1].upper() + f[1:])}, key=len, reverse=True)
        if not words:
            return None
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
