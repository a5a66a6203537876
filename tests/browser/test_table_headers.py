"""Every data table's cells are tied to their headers (WCAG 2.1 1.3.1, technique H43), as
HTML_CodeSniffer judges it, the checker pa11y runs: its build (pinned in tools/validators)
run inside Chromium over every page of both builds. A row header that spans columns, such as a bills
total's label across the bills' columns, makes the table's headers two levels deep, and
scope alone no longer says which header a cell falls under."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import both_builders
from validators import MODULES

HTMLCS = MODULES / "html_codesniffer" / "build" / "HTMLCS.js"

# Its table-header sniffs: H43 (headers and ids) and H63 (scope).
RUN = """() => new Promise(done => HTMLCS.process('WCAG2AA', document, () => done(
    HTMLCS.getMessages()
      .filter(m => m.type === HTMLCS.ERROR && /\\.H(43|63)/.test(m.code))
      .map(m => m.code + ': ' + m.msg + ' ' + m.element.outerHTML.slice(0, 120)))))"""


@pytest.fixture(scope="module")
def paths(site_dir) -> list[str]:
    """Every page of every language: each language's build writes its own sitemap."""
    found = []
    for sitemap in (site_dir / "sitemap.xml", site_dir / "ja" / "sitemap.xml"):
        found += [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text())]
    assert len(found) >= 20 and any(p.startswith("/ja/") for p in found), found
    return found


@both_builders
def test_every_table_cell_has_its_headers(browser, site_url, paths):
    assert HTMLCS.is_file(), f"{HTMLCS} is missing: run `make validators-deps`"
    source = HTMLCS.read_text(encoding="utf-8") + "\n;window.HTMLCS = HTMLCS;"
    # The checker is injected by the test, not served by the site: past the site's CSP.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found, tables = {}, 0
    for path in paths:
        page.goto(site_url + path)
        tables += page.locator("article table").count()
        page.evaluate(source)
        found[path] = page.evaluate(RUN)
    context.close()
    assert tables >= 68, tables  # the worked scenarios' quotes and bills at least, in both languages
    assert not any(found.values()), {p: m for p, m in found.items() if m}
