"""A Japanese page shows no English words: every word in Latin letters that a reader sees
(text, and the title, aria-label, alt and placeholder attributes) is a name from
tests/support/english-allowed.yml, or inside code, a file example (pre, code, kbd, samp)
or an address, and a template's `{placeholder}`. Run as a script to list what a translator still has to do:
`.venv/bin/python tests/site/test_japanese_words.py site/ja`."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from harness import ROOT

ALLOWED = sorted(
    yaml.safe_load((ROOT / "tests" / "support" / "english-allowed.yml").read_text()), key=len, reverse=True
)
# Where a reader sees no prose: code, file examples, and what is not shown at all.
UNSEEN = {"script", "style", "template", "pre", "code", "kbd", "samp", "svg", "noscript"}
SEEN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
ADDRESS = re.compile(
    r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:com|gov|org|io|md|yml|yaml|json|csv|py|js|html)\b"
)
# A template's placeholder, which the field reference quotes as the data writes it ("{max_instances}").
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
ALLOWED_RE = re.compile("|".join(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])" for name in ALLOWED))


class _Seen(HTMLParser):
    """The text and the shown attributes outside unseen elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # each open element, and whether it hides what is in it
        self.texts: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(hides for _, hides in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hides = tag in UNSEEN or "hidden" in attrs
        if not self.hidden and not hides:
            self.texts += [attrs[a] or "" for a in SEEN_ATTRIBUTES if a in attrs]
        if tag not in VOID:
            self.stack.append((tag, hides))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


def english_words(html: str) -> list[str]:
    """The words in Latin letters a reader sees on a page, names allowed and addresses left out."""
    seen = _Seen()
    seen.feed(html)
    text = " ".join(seen.texts)
    text = ALLOWED_RE.sub(" ", ADDRESS.sub(" ", PLACEHOLDER.sub(" ", text)))
    return WORD.findall(text)


def report(site: Path) -> dict[str, list[str]]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        found = english_words(page.read_text(encoding="utf-8"))
        if found:
            out[str(page.relative_to(site))] = found
    return out


def test_an_english_word_is_found_and_a_name_is_not():
    page = '<p title="Open it">製品は<b>Jira</b>とConfluenceです。Renewal<code>users: 10</code></p><pre>term_days</pre>'
    assert english_words(page) == ["Open", "it", "Renewal"]
    assert english_words("<p>{max_instances}まで。{Max} instances</p>") == ["Max", "instances"]
    assert english_words('<a href="https://x.example/a">https://support.atlassian.com/ja/</a>') == []


def test_no_japanese_page_shows_an_english_word(site_dir):
    found = report(site_dir / "ja")
    assert not found, "\n".join(f"{page}: {len(words)}: {' '.join(words[:30])}" for page, words in found.items())


if __name__ == "__main__":
    for page, words in report(Path(sys.argv[1])).items():
        print(f"{page}: {len(words)}: {' '.join(words)}")
