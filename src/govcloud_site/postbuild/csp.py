"""Post-build step: one Content-Security-Policy for every page of a built site.

    python -m govcloud_site.postbuild.csp SITE_DIR            # write the policy into every page
    python -m govcloud_site.postbuild.csp SITE_DIR --header   # print it, for a host that sets headers

Runs on any builder's output (MkDocs, Zensical), after the minify step, since
it hashes the inline scripts exactly as they are served. The policy is the
same on every page: Material's instant navigation keeps the first page's
policy and adds any other it meets, so per-page hashes would block the
scripts of the pages reached by navigation. It lists the hash of every inline
script on any page (Material's `__md_scope` script differs with the page's
depth), never 'unsafe-inline', 'unsafe-eval' or 'strict-dynamic'.

GitHub Pages cannot set headers, so the policy is a `<meta http-equiv>` at the
top of each page's head. A meta policy cannot say `frame-ancestors`;
docs/publishing.md gives the header form for hosts that can send one.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

from govcloud_site.postbuild.themestyles import inserted_styles

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?', re.I)
HEAD = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>\s*)?", re.I)
# Script types a browser runs; JSON and templates' contents are data.
RUNS = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

FIXED = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: URLs in its CSS
    # No 'unsafe-inline': the pages carry no <style> or style="" attribute, and
    # Material and the estimator set styles through the CSSOM (element.style),
    # which a policy does not restrict (tests/browser/test_csp.py watches for violations).
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # instant navigation and the search index
    "worker-src": ["'self'"],  # the search worker
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


# One pass over a page's markup, in the order a browser's tokenizer meets it:
# comments, whole <script> and <style> elements (their text is raw: no tag
# inside it counts), <template> and </template>, and every other tag, whose
# quoted attribute values may hold "<" or ">". A regular expression instead of
# html.parser: the post-build step reads every page, and html.parser's
# per-tag Python work was most of its cost (tests/browser/test_csp.py holds the two
# to the same answers on both builders' pages and on awkward markup).
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<script(?=[\s/>])(?P<attrs>{_ATTRS})>(?P<text>.*?)(?:</script(?=[\s/>])[^>]*>|\Z)"
    rf"|<style(?=[\s/>]){_ATTRS}>.*?(?:</style(?=[\s/>])[^>]*>|\Z)"
    rf"|<(?P<open>template)(?=[\s/>]){_ATTRS}>"
    r"|</(?P<close>template)(?=[\s/>])[^>]*>"
    rf"|<[a-zA-Z][^\s/>]*{_ATTRS}>"
    r"|<[!?][^>]*>",
    re.S | re.I,
)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        found.setdefault(m[1].lower(), next((v for v in m.group(2, 3, 4) if v is not None), ""))
    return found


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (none inside <template>)."""
    found: list[str] = []
    template = 0
    for m in _MARKUP.finditer(html):
        if m["open"]:
            template += 1
        elif m["close"]:
            template = max(0, template - 1)
        elif m["text"] is not None and not template:
            attrs = _attributes(m["attrs"])
            if "src" not in attrs and attrs.get("type", "").strip().lower() in RUNS:
                found.append(m["text"])
    return found


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
    directives = {
        "default-src": FIXED["default-src"],
        "script-src": ["'self'", *hashes],
        **{k: v for k, v in FIXED.items() if k != "default-src"},
    }
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
        page.write_text(text[: head.end()] + meta + text[head.end() :], encoding="utf-8")
    return value


def _read(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govcloud_site.postbuild.csp", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder")
    parser.add_argument("--header", action="store_true", help="print the policy as a header value instead")
    args = parser.parse_args(argv)
    try:
        if args.header:
            print(policy(args.site) + "; frame-ancestors 'self'")
        else:
            value = apply(args.site)
            print(f"csp: {len(pages(args.site))} pages, {value.count('sha256-')} inline script hashes", file=sys.stderr)
    except (OSError, ValueError) as exc:
        print(f"csp: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
