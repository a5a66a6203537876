"""Post-build step: the site-wide script's words in every page.

    python -m govcloud_site.postbuild SITE_DIR   (this step among the others)

docs/assets/govcloud.js runs on every page (table regions, menu buttons,
tooltips) and names what it adds in the vocabulary's words (its `site_script`
group). The estimator's words come in the price book, which only the estimator's
page carries, so these are written into each page as JSON in one attribute of
its <body>: `<body data-gc-words="{&quot;table&quot;:&quot;Table&quot;}">`.

Why an attribute written here: the page holds it before the script runs (no
request to wait for, no inline script, which the Content-Security-Policy does not
allow); the theme's templates cannot reach the vocabulary in both builders, and
this step runs on MkDocs' and Zensical's pages alike; instant navigation keeps
the first page's <body>, whose words are every page's.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from govcloud.words import language
from govcloud.words.vocabulary import words

ATTRIBUTE = "data-gc-words"
GROUP = "site_script"
# The first <body> tag, whose quoted attribute values may hold ">"; an attribute
# written by an earlier run is replaced, not repeated.
_BODY = re.compile(r"""<body(?=[\s>])((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
_OURS = re.compile(rf"""\s{ATTRIBUTE}\s*=\s*(?:"[^"]*"|'[^']*')""", re.I)


# The page's language, from its <html lang="..."> ("ja", "ja-JP"): its words are that language's.
_LANG = re.compile(r"""<html(?=[\s>])[^>]*?\slang\s*=\s*["']?([A-Za-z]+)""", re.I)


def attribute(code: str = language.ENGLISH.code) -> str:
    """The attribute in language `code`, its value escaped for a double-quoted HTML attribute."""
    with language.use(code):
        said = json.dumps(words(GROUP), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f' {ATTRIBUTE}="{escape(said, quote=True)}"'


def page_language(html: str) -> str:
    """The language the page names, when the site has it; else English."""
    found = _LANG.search(html)
    code = found[1].lower() if found else language.ENGLISH.code
    return code if code in language.LANGUAGES else language.ENGLISH.code


def with_words(html: str) -> str:
    body = _BODY.search(html)
    if body is None:
        raise ValueError("no <body> to put the site's words on")
    attrs = _OURS.sub("", body[1])
    return html[: body.start()] + f"<body{attrs}{attribute(page_language(html))}>" + html[body.end() :]


def apply(site: Path) -> int:
    """Write the words into every page of the site; return how many pages."""
    site = Path(site)
    if not site.is_dir():
        raise FileNotFoundError(f"{site}: no such folder (build the site first)")
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        try:
            page.write_text(with_words(page.read_text(encoding="utf-8")), encoding="utf-8")
        except ValueError as exc:
            raise ValueError(f"{page}: {exc}") from None
    return len(pages)
