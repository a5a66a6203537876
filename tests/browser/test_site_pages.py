"""The built site in Debian's Chromium: search, printing, tables on a phone, glossary terms by
keyboard, and what shows only on hover or focus. What is checked on every page (axe in both colour
schemes, no request to another host, keyboard reach) is test_every_page.py's, on one visit a page."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe

from axe_checks import WCAG, contrast
from conftest import both_builders
from focus import settle
from govcloud.words.vocabulary import WORDS


@both_builders
@pytest.mark.parametrize("query, expected_page", [("cancel", "/changes/"), ("instances", "/subscriptions/")])
def test_search_finds_answers(browser, site_url, query, expected_page, search_ui):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/", wait_until="networkidle")
    page.click(search_ui["opener"])
    page.keyboard.type(query)
    page.wait_for_selector(search_ui["result"])
    hrefs = page.locator(search_ui["result_links"]).evaluate_all("links => links.map(a => a.pathname)")
    context.close()
    assert any(h.startswith(expected_page) for h in hrefs), hrefs


def test_print_shows_only_the_page_content(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/changes/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(s => document.querySelector(s)).filter(Boolean).map(el => getComputedStyle(el).display)""")
    article_visible = page.is_visible("article h1")
    after = page.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .filter(a => !a.classList.contains('headerlink'))
        .map(a => [a.host === location.host, getComputedStyle(a, '::after').content])""")
    context.close()
    assert hidden and set(hidden) == {"none"}, hidden
    assert article_visible
    # Links to other sites print their address; links within the site do not.
    assert any(not own and "http" in content for own, content in after), after
    assert all(content in ("none", "normal") for own, content in after if own), after


@pytest.mark.parametrize("path", ["/changes/", "/scenarios/"])
def test_quote_tables_fit_a_phone_and_stay_tables(browser, site_url, path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + path)
    width = 375
    measured = page.evaluate("""() => [...document.querySelectorAll('table[data-scenario]')].map(t => {
        const cells = [...t.querySelectorAll('td[data-field="annual"], td[data-field="due_now"]')];
        return {id: t.dataset.scenario, right: t.getBoundingClientRect().right,
                scroll: t.closest('.md-typeset__scrollwrap').scrollWidth,
                client: t.closest('.md-typeset__scrollwrap').clientWidth,
                cells: cells.map(c => ({right: c.getBoundingClientRect().right,
                                        label: getComputedStyle(c, '::before').content}))};
    })""")
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    # Chromium's own accessibility tree: the stacked layout must still be a table of cells.
    cdp = context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    context.close()
    assert measured and page_width <= width, page_width
    for table in measured:
        assert table["right"] <= width and table["scroll"] <= table["client"], table
        for c in table["cells"]:
            assert c["right"] <= width, table["id"]
            assert any(WORDS["columns"][k] in c["label"] for k in ("annual", "annual_new", "due_now")), c
    roles = [n.get("role", {}).get("value") for n in nodes if not n.get("ignored")]
    assert roles.count("table") >= len(measured), roles.count("table")
    assert "cell" in roles and "rowheader" in roles and "columnheader" in roles
    # The shown label is not read out again in the cell (its alternative text is empty).
    labels = tuple(WORDS["columns"][k] for k in ("annual", "annual_new", "due_now"))
    names = [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "cell"]
    doubled = [name for name in names if name.startswith(labels) and name not in labels]
    assert names and not doubled, doubled[:10]


# Records, on the scroll wrappers of tables, each width read and each attribute set, in order.
WATCH_WRAPS = """
window.__wraps = [];
const width = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollWidth');
Object.defineProperty(Element.prototype, 'scrollWidth', {configurable: true, get() {
  if (this.classList.contains('md-typeset__scrollwrap')) window.__wraps.push('read');
  return width.get.call(this);
}});
const set = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this.classList && this.classList.contains('md-typeset__scrollwrap')) window.__wraps.push('write');
  return set.call(this, name, value);
};
"""


def test_wide_tables_become_named_regions_measured_before_any_change(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(WATCH_WRAPS)
    page.goto(site_url + "/changes/", wait_until="networkidle")
    order = page.evaluate("() => window.__wraps")  # before this test's own reads below
    wraps = page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(w => ({
        overflows: w.scrollWidth > w.clientWidth + 1, role: w.getAttribute('role'),
        tabindex: w.getAttribute('tabindex'), label: w.getAttribute('aria-label')}))""")
    context.close()
    assert any(w["overflows"] for w in wraps) and not all(w["overflows"] for w in wraps), wraps
    for w in wraps:
        if w["overflows"]:
            assert w["role"] == "region" and w["tabindex"] == "0" and w["label"], w
        else:
            assert w["role"] is None and w["tabindex"] is None, w
    # Every width is read before the first attribute is set: a read after a change
    # makes the browser restyle and lay out the page again, once per table.
    assert "write" in order and "read" not in order[order.index("write") :], order


@both_builders
def test_glossary_terms_work_by_keyboard(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/changes/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('gc-glossary-term')"):
            break
    term = page.evaluate("""() => { const a = document.activeElement;
        return {cls: a.className, word: a.textContent, hash: a.hash} }""")
    assert "gc-glossary-term" in term["cls"], "Tab never reached a glossary term"
    # Focus alone shows the meaning (Material's tooltip, tied to the link by aria-describedby).
    page.wait_for_function("() => document.activeElement.getAttribute('aria-describedby')")
    tip = page.evaluate("""() => { const el = document.getElementById(
        document.activeElement.getAttribute('aria-describedby'));
        return el && {text: el.textContent.trim(), visible: getComputedStyle(el).visibility === 'visible'} }""")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/glossary/#"))
    landed = page.evaluate("() => location.hash")
    # Instant navigation may change the address before the new page is in: wait for the entry.
    target_text = page.locator(f"[id='{unquote(landed[1:])}']").text_content()
    context.close()
    assert tip and tip["visible"] and len(tip["text"]) > 20, tip
    assert landed == term["hash"]
    assert term["word"].lower()[:5] in target_text.lower()


@both_builders
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_permalinks_and_search_hint_have_contrast_when_shown(browser, site_url, scheme, search_ui):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/changes/")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    shown = {}
    page.hover("article h2")
    shown["hovered heading"] = page.evaluate(
        "() => getComputedStyle(document.querySelector('article h2 .headerlink')).color"
    )
    page.focus("article h2 .headerlink")
    shown["focused permalink"] = page.evaluate("() => getComputedStyle(document.activeElement).color")
    # axe reads the pilcrow as a symbol and passes it: measure it here instead.
    ratios = {state: round(contrast(color, background), 2) for state, color in shown.items()}
    page.keyboard.press("Escape")
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("/")
    page.wait_for_selector(search_ui["shown"], state="visible")
    # Measure the dialog as it settles, not halfway through its fade-in.
    settle(page)
    result = Axe().run(page, options=WCAG)
    context.close()
    assert all(r >= 4.5 for r in ratios.values()), ratios
    assert result.violations_count == 0, result.generate_report()
