"""Checks on a built site, whichever tool built it: what Zensical's strict mode
does not catch (and MkDocs' strict mode catches only for MkDocs).

    python tests/support/sitecheck.py SITE_DIR     # one line per problem; exit 1 if any

- every link between the site's pages reaches a page that exists, and the
  anchor it names (Zensical leaves some links unrewritten, e.g. `products.md`
  inside <noscript>, and its strict mode says nothing);
- every page is in the navigation of its language (Zensical ignores `validation.omitted_files`);
- no macro syntax or page-work mark is left in a page's text.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where a new line of text starts, for comparing text block by block.
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "caption",
    "div",
    "section",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "details",
    "summary",
    "fieldset",
    "legend",
    "label",
    "button",
    "option",
    "select",
    "br",
    "hr",
    "figure",
    "figcaption",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
}
# Text no reader sees as text: code run by the page, data, icons, the headings' permalink sign.
SILENT = {"script", "style", "template", "svg", "noscript-data"}
LEFTOVERS = re.compile(r"\{\{|\{%|<!--govcloud:")


@dataclass
class Link:
    href: str  # as written in the page
    target: str  # resolved against the page: "products/index.html#jira"
    text: str


@dataclass
class Page:
    path: str  # "products/index.html"
    title: str = ""
    blocks: list[str] = field(default_factory=list)  # the article's text, one block per line
    links: list[Link] = field(default_factory=list)  # every <a href> in the document
    article_links: list[Link] = field(default_factory=list)
    nav_targets: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    raw_article: str = ""


def resolve(page_path: str, href: str) -> str | None:
    """A link within the site as the file it reaches ("products/index.html#x"), or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    url = urljoin("/" + page_path, href)
    target = urlsplit(url)
    path = normpath(target.path) if target.path not in ("", "/") else "/"
    if target.path.endswith("/") or path == "/":
        path = path.rstrip("/") + "/index.html"
    out = path.lstrip("/")
    if target.query:
        out += "?" + target.query
    if target.fragment:
        out += "#" + target.fragment
    return out


class _Reader(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.article = 0  # depth of <article class="md-content__inner"> elements open
        self.silent = 0  # depth of elements whose text is not read
        self.in_title = False
        self.line: list[str] = []
        self.anchor: list[tuple[Link, bool]] = []  # open <a> elements: (link, inside the article)
        self.stack: list[str] = []  # open elements, to know what an end tag closes
        self.raw: list[str] = []

    # -- structure ------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self.article:
            self.raw.append(self.get_starttag_text() or "")
        for key in ("id",) + (("name",) if tag == "a" else ()):
            if a.get(key):
                self.page.ids.add(a[key])
        if tag == "title":
            self.in_title = True
        if tag in BLOCKS:
            self._flush()
        if tag in VOID:
            return
        quiet = tag in SILENT or "headerlink" in classes
        content = tag == "article" and "md-content__inner" in classes
        self.stack.append(tag + ("!" if quiet else "") + ("@" if content else ""))
        if quiet:
            self.silent += 1
        if tag == "article" and "md-content__inner" in classes:
            self.article += 1
        if tag == "a":
            href = a.get("href")
            link = Link(href, resolve(self.page.path, href) or href, "") if href is not None else None
            self.anchor.append((link, bool(self.article)))
            if link is not None and "md-nav__link" in classes and link.target:
                self.page.nav_targets.add(link.target.split("#")[0].split("?")[0])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.article:
            self.raw.append(f"</{tag}>")
        if tag == "title":
            self.in_title = False
        if tag in BLOCKS:
            self._flush()
        # Close up to the matching open element (HTML lets some end tags be left out).
        if not any(entry.split("!")[0].split("@")[0] == tag for entry in self.stack):
            return
        while self.stack:
            entry = self.stack.pop()
            name = entry.split("!")[0].split("@")[0]
            if "!" in entry:
                self.silent -= 1
            if entry.endswith("@"):
                self.article -= 1
                self._flush()
            if name == "a" and self.anchor:
                link, inside = self.anchor.pop()
                if link is not None:
                    link.text = " ".join(link.text.split())
                    self.page.links.append(link)
                    if inside:
                        self.page.article_links.append(link)
            if name == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        if self.article:
            self.raw.append(data)
        if self.silent:
            return
        for link, _ in self.anchor:
            if link is not None:
                link.text += data
        if self.article:
            self.line.append(data)

    def _flush(self):
        text = " ".join("".join(self.line).split())
        if text:
            self.page.blocks.append(text)
        self.line = []


def read_page(site: Path, path: str) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed((site / path).read_text(encoding="utf-8"))
    reader.close()
    page.title = " ".join(page.title.split())
    page.raw_article = "".join(reader.raw)
    return page


def page_paths(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def read_site(site: Path) -> dict[str, Page]:
    return {path: read_page(site, path) for path in page_paths(site)}


def check(site: Path) -> list[str]:
    """Every problem found in the built site, one line each: `page: what is wrong`."""
    pages = read_site(site)
    problems = []
    for path, page in pages.items():
        for link in page.links:
            problems += [f"{path}: {msg}" for msg in _link_problems(site, pages, path, link)]
        if LEFTOVERS.search(page.raw_article):
            found = LEFTOVERS.search(page.raw_article).group(0)
            problems.append(f"{path}: unprocessed {found!r} in the page's text")
    # Each language is a site of its own (ja/ has its own home, navigation and sitemap): a page
    # must be in the navigation of the language it is in.
    roots = sorted((str(p.parent.relative_to(site)) + "/").lstrip("./") for p in site.rglob("sitemap.xml"))
    for path in pages:
        root = max((r for r in roots if path.startswith(r)), key=len, default="")
        home = pages.get(root + "index.html")
        if home is not None and path != root + "404.html" and path not in home.nav_targets:
            problems.append(f"{path}: not in the navigation (omitted from the nav in its mkdocs config)")
    return problems


def _link_problems(site: Path, pages: dict[str, Page], path: str, link: Link) -> list[str]:
    href = link.href
    if resolve(path, href) is None or href.startswith(("mailto:", "tel:")):
        return []
    if href.startswith("javascript:"):
        return [f"link {href!r} runs script"]
    target = link.target.split("#")[0].split("?")[0]
    fragment = link.target.split("#", 1)[1] if "#" in link.target else ""
    bare = urlsplit(href).path
    if bare.endswith(".md"):
        return [f"link {href!r} ({link.text!r}) still names a Markdown source: the builder did not rewrite it"]
    if not (site / target).is_file():
        return [f"link {href!r} ({link.text!r}) reaches no page: {target}"]
    if fragment and target in pages and fragment not in pages[target].ids:
        return [f"link {href!r} ({link.text!r}) names an anchor that {target} does not have"]
    return []


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/support/sitecheck.py SITE_DIR", file=sys.stderr)
        return 2
    site = Path(argv[0])
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here (index.html is missing)", file=sys.stderr)
        return 2
    problems = check(site)
    for line in problems:
        print(f"{site}/{line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
