"""Post-build step: one Content-Security-Policy for every page of a built site.

    python -m govcloud_site.csp SITE_DIR            # write the policy into every page
    python -m govcloud_site.csp SITE_DIR --header   # print it, for a host that sets headers

Runs on any builder's output (MkDocs, Zensical), after the minify step, since
it hashes the inline scripts exactly as they are served. The policy is the
same on every page: Material's instant navigation keeps the first page's
policy and adds any other it meets, so per-page hashes would block the
scripts of the pages reached by navigation. It lists the hash of every inline
script on any page (Material's `__md_scope` script differs with the page's
depth), never 'unsafe-inline', 'unsafe-eval' or 'strict-dynamic'.

GitHub Pages cannot set headers, so the policy is a `<meta http-equiv>` at the
top of each page's head. A meta policy cannot say `frame-ancestors`; the
README gives the header form for hosts that can send one.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from .themestyles import inserted_styles

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?', re.I)
HEAD = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>\s*)?", re.I)
# Script types a browser runs; JSON and templates' contents are data.
RUNS = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

FIXED = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: URLs in its CSS
    # No 'unsafe-inline': the pages carry no <style> or style="" attribute, and
    # Material and the estimator set styles through the CSSOM (element.style),
    # which a policy does not restrict (tests/test_csp.py watches for violations).
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # instant navigation and the search index
    "worker-src": ["'self'"],  # the search worker
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


class _Scripts(HTMLParser):
    """The text of every inline script a browser would run (none inside <template>)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self._template = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self._template += 1
        elif tag == "script":
            attrs = dict(attrs)
            runs = (attrs.get("type") or "").strip().lower() in RUNS
            self._current = [] if runs and "src" not in attrs and not self._template else None

    def handle_endtag(self, tag):
        if tag == "template":
            self._template = max(0, self._template - 1)
        elif tag == "script" and self._current is not None:
            self.found.append("".join(self._current))
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)


# What can hold a script, found at the speed of a regular expression; HTMLParser walking
# every tag of a large page (a catalog of hundreds of products) cost more than the build's
# own work on it. The parser then reads only these, in order: the same scripts come out.
_WHERE_SCRIPTS_ARE = re.compile(r"""
    <!--.*?(?:--\s*>|\Z)                                     # a comment: nothing in it runs
  | <(?P<raw>script|style)(?=[\t\n\r\f />])(?:[^>"']|"[^"]*"|'[^']*')*>
    .*?(?:</\s*(?P=raw)\s*>|\Z)                              # a script or style element, whole
  | </?template(?=[\t\n\r\f />])(?:[^>"']|"[^"]*"|'[^']*')*>   # a template's start or end
  | <[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>                    # any other tag, skipped whole
""", re.S | re.I | re.X)


def inline_scripts(html: str) -> list[str]:
    parser = _Scripts()
    for m in _WHERE_SCRIPTS_ARE.finditer(html):
        if m["raw"] and m["raw"].lower() == "script" or m[0][:9].lower() in ("<template", "</templat"):
            parser.feed(m[0])
    parser.close()
    return parser.found


def script_hash(text: str) -> str:
    # The browser hashes the script's text after the HTML parser normalised its line ends.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def policy(site: Path) -> str:
    """The one policy for every page of the site."""
    hashes = sorted({script_hash(s) for page in pages(site) for s in inline_scripts(_read(page))})
    # Styles the theme's script inserts (Zensical's search dialog), allowed by their hashes.
    styles = sorted({script_hash(s) for s in inserted_styles(site)})
    directives = {"default-src": FIXED["default-src"], "script-src": ["'self'", *hashes],
                  **{k: v for k, v in FIXED.items() if k != "default-src"}}
    directives["style-src"] = [*FIXED["style-src"], *styles]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def apply(site: Path) -> str:
    """Write the policy into every page (replacing an earlier one); return it."""
    site = Path(site)
    if not site.is_dir():
        raise FileNotFoundError(f"{site}: no such folder (build the site first)")
    for page in pages(site):  # an earlier run's meta is not a script, but start clean
        text = _read(page)
        if META.search(text):
            page.write_text(META.sub("", text), encoding="utf-8")
    value = policy(site)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{value}">\n'
    for page in pages(site):
        text = _read(page)
        head = HEAD.search(text)
        if head is None:
            raise ValueError(f"{page}: no <head> to put the Content-Security-Policy in")
        page.write_text(text[:head.end()] + meta + text[head.end():], encoding="utf-8")
    return value


def _read(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govcloud_site.csp", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--header", action="store_true", help="print the policy as a header value instead")
    args = parser.parse_args(argv)
    try:
        if args.header:
            print(policy(args.site) + "; frame-ancestors 'self'")
        else:
            value = apply(args.site)
            print(f"csp: {len(pages(args.site))} pages, {value.count('sha256-')} inline script hashes",
                  file=sys.stderr)
    except (OSError, ValueError) as exc:
        print(f"csp: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
