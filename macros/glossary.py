"""The glossary on the site: its page, and the links from the first use of each
term on other pages to its entry (`includes/glossary.yml`, checked by govcloud)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from govcloud.load.glossary import load_glossary
from govcloud.model.catalog import Catalog
from govcloud.words import prose
from govcloud.words.richtext import escape_markdown, fill
from govcloud.words.vocabulary import word
from govcloud_site.markdown.marks import NO_TERM_LINKS, mark
from macros.text import join, slug

GLOSSARY_PAGE = "glossary.md"

# Markdown where a glossary link must not go: code, headings, admonition titles,
# raw HTML blocks (generated tables), links and their text, tags and attribute lists.
PROTECTED = re.compile(
    r"""
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
""",
    re.X,
)
# What protected text reads as while terms are looked for: no word, no hyphen, in no term.
BLANK = "\0"
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Hangul's syllables
# with their particles, kana, Han): a term in one has no space to mark where it starts or ends.
UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
_UNSPACED = re.compile(f"[{UNSPACED}]")
# A term that starts or ends with a letter of a spaced script is a whole word there: no letter,
# digit, underscore or hyphen of such a script touches it (a letter of an unspaced one may).
_AFTER = rf"(?![^\W{UNSPACED}]|-)"


def _anchor(entry: dict[str, Any]) -> str:
    """An entry's anchor: the English term's (set when loaded), else its term's."""
    return entry.get("anchor") or slug(entry["term"])


class GlossaryMacros:
    """Mixed into the page macros: needs `self.fill` (the data's words)."""

    catalog: Catalog
    fill: dict[str, str]
    english_names: dict[str, str]
    glossary: list[dict[str, Any]]

    def _load_glossary(self) -> list[dict[str, Any]]:
        out = []
        # Placeholders filled by name only (never str.format, which reads attributes and format specs).
        # In the current language (govcloud.words.prose); the anchor is the English term's in every
        # language, so that a link to an entry and the language switch land on the same entry.
        for entry in load_glossary(None, self.catalog):
            context = f"glossary:{entry.term}"
            term = fill(prose.text(f"{context}.term", entry.term), self.fill)
            forms = prose.forms(f"{context}.forms", entry.forms) if entry.forms is not None else [term]
            unconfirmed = [k for k in entry.rests_on or [] if not getattr(self.catalog.rules, k).confirmed]
            out.append(
                {
                    "term": term,
                    "anchor": slug(fill(entry.term, {**self.fill, **self.english_names})),
                    "text": " ".join(fill(prose.text(f"{context}.definition", entry.text), self.fill).split()),
                    "forms": [fill(f, self.fill) for f in forms],
                    "unconfirmed": unconfirmed,
                }
            )
        return sorted(out, key=lambda e: e["term"].lower())

    def glossary_list(self) -> str:
        # The glossary's own page links no terms to itself.
        return mark(NO_TERM_LINKS) + "\n\n".join(
            f"{escape_markdown(e['term'])} {{#{_anchor(e)}}}\n:   {self._definition(e)}" for e in self.glossary
        )

    def _definition(self, entry: dict[str, Any]) -> str:
        """An entry's definition, followed by its marker while a rule it states is unconfirmed."""
        text, marker = escape_markdown(entry["text"]), self._to_confirm(entry)
        return word("site.rules.marked", text=text, marker=marker) if marker else text

    def _to_confirm(self, entry: dict[str, Any]) -> str:
        """The marker an entry carries while a rule it states is unconfirmed: it leads to the rule."""
        links = [
            f"[{escape_markdown(getattr(self.catalog.rules, k).title)}](sources.md#rule-{k})"
            for k in entry["unconfirmed"]
        ]
        return word("site.rules.marker_rules", rules=join(links)) if links else ""

    def link_terms(self, markdown: str) -> str:
        """Make the first use of each glossary term on a page a link to its entry.

        A link, unlike an <abbr>, can be reached by keyboard and followed on a
        touch screen; its title is the tooltip. Later uses stay plain text, and
        headings, links, code and generated HTML are never touched.
        """
        # Only prose may take a link: the stretches of it, one BLANK between two, are searched
        # as one text (one pass over the page, however much generated HTML it holds); `starts`
        # maps a position back to the page.
        pieces, starts, start, at = [], [], 0, 0
        for m in PROTECTED.finditer(markdown):
            pieces.append(markdown[start : m.start()])
            starts.append((at, start))
            at += m.start() - start + 1
            start = m.end()
        pieces.append(markdown[start:])
        starts.append((at, start))
        prose = BLANK.join(pieces)
        offsets = [a for a, _ in starts]

        def uses(pattern: re.Pattern):
            """(start, end) in the page of each use of the term, in order."""
            for m in pattern.finditer(prose):
                a, s = starts[bisect_right(offsets, m.start()) - 1]
                yield s + m.start() - a, s + m.end() - a

        chosen: list[tuple[int, int, dict]] = []
        unspaced = bool(_UNSPACED.search(prose))  # else the page has no term that needs the slower pattern
        for entry in self.glossary:
            pattern = self._term_pattern(entry["forms"], unspaced)
            if pattern is None:
                continue
            # The term's first use that does not overlap a term already linked.
            found = next(((s, e) for s, e in uses(pattern) if not any(cs < e and s < ce for cs, ce, _ in chosen)), None)
            if found:
                chosen.append((*found, entry))
        for s, e, entry in sorted(chosen, key=lambda c: c[0], reverse=True):
            # The text is plain words (govcloud refuses markup in it); a quote would end the title.
            title = entry["text"].replace('"', "'")
            if entry["unconfirmed"]:
                title = word("site.rules.marked", text=title, marker=word("site.rules.marker"))
            link = f'[{markdown[s:e]}]({GLOSSARY_PAGE}#{_anchor(entry)} "{title}"){{ .gc-glossary-term }}'
            markdown = markdown[:s] + link + markdown[e:]
        return markdown

    @staticmethod
    def _term_pattern(forms: list[str], unspaced: bool = True) -> re.Pattern | None:
        """Any of the forms as a whole word, longest first, also with a capital at the start of a
        sentence. In a script without spaces (Japanese, Chinese) the term is found wherever it is;
        `unspaced`: whether the text may hold such a script at all."""
        words = sorted({w for f in forms for w in (f, f[:1].upper() + f[1:])}, key=len, reverse=True)
        if not words:
            return None

        def whole(w: str) -> str:
            return re.escape(w) + ("" if _UNSPACED.match(w[-1]) else _AFTER)

        # Before a term: no letter, digit or hyphen, or a letter of an unspaced script; or anything
        # before a term that starts in one. Each branch opens with its one test: a test in each
        # alternative would be tried at every character of the page, many times slower.
        every = "|".join(map(whole, words))
        branches = [rf"(?<![\w-])(?:{every})"]
        starts_unspaced = "|".join(whole(w) for w in words if _UNSPACED.match(w[0]))
        if unspaced:
            branches.append(rf"(?<=[{UNSPACED}])(?:{every})")
            if starts_unspaced:
                branches.append(f"(?:{starts_unspaced})")
        return re.compile("|".join(branches))
