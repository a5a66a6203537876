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

from govcloud.words.vocabulary import WORDS

ATTRIBUTE = "data-gc-words"
GROUP = "site_script"
# The first <body> tag, whose quoted attribute values may hold ">"; an attribute
# written by an earlier run is replaced, not repeated.
_BODY = re.compile(r"""<body(?=[\s>])((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
_OURS = re.compile(rf"""\s{ATTRIBUTE}\s*=\s*(?:"[^"]*"|'[^']*')""", re.I)


def attribute() -> str:
    """The attribute, its value escaped for a double-quoted HTML attribute."""
    words = json.dumps(WORDS[GROUP], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f' {ATTRIBUTE}="{escape(words, quote=True)}"'


def with_words(html: str) -> str:
    body = _BODY.search(html)
    if body is None:
        raise ValueError("no <body> to put the site's words on")
    attrs = _OURS.sub("", body[1])
    return html[: body.start()] + f"<body{attrs}{attribute()}>" + html[body.end() :]


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
