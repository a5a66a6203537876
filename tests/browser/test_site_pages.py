"""The built site in Debian's Chromium: accessibility (axe, both colour schemes),
no requests to other hosts, keyboard reach, search and printing."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from axe_checks import WCAG, contrast
from conftest import both_builders
from focus import settle
from govcloud.words.vocabulary import WORDS
from harness import visit


@pytest.fixture(scope="module")
def paths(site_dir) -> list[str]:
    """Every page the sitemap lists, and the not-found page."""
    sitemap = (site_dir / "sitemap.xml").read_text()
    found = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(found) >= 10, found
    return found + ["/404.html"]


@both_builders
def test_every_page_passes_axe_and_stays_on_its_own_host(browser, site_url, paths, search_ui):
    """Each page in both colour schemes: loaded in the light one, then switched to the dark one as
    a reader's setting switches it (the theme follows it), axe run in each."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    own = urlsplit(site_url).netloc
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url)
            if urlsplit(request.url).scheme not in ("data", "blob") and urlsplit(request.url).netloc != own
            else None
        ),
    )
    # And no script error on any page, after its load event too (each page is read twice by axe).
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    axe, problems = Axe(), []
    for path in paths:
        page.emulate_media(color_scheme="light")
        visit(page, site_url + path)
        for scheme, name in (("light", "default"), ("dark", "slate")):
            page.emulate_media(color_scheme=scheme)
            expect(page.locator("body"), f"{path} in the {scheme} scheme").to_have_attribute(
                "data-md-color-scheme", name
            )
            settle(page)  # colours at rest
            result = axe.run(page, options=WCAG)
            if result.violations_count:
                problems.append(f"{path} ({scheme}):\n{result.generate_report()}")
    # Search loads its index in a worker: include it in the requests watched.
    page.keyboard.press("/")
    page.keyboard.type("tier")
    page.wait_for_selector(search_ui["result"])
    context.close()
    assert not problems, "\n".join(problems)
    assert not elsewhere, elsewhere
    assert not errors, errors


# After each Tab, where focus landed: nowhere, a place already walked (the walk is over),
# or a link (its number) or another control. Read as each Tab's key comes up, so a few
# presses are sent between two reads, each step the same as if read after every press.
WALK_STEPS = """() => {
    window.gcWalk = [];
    addEventListener('keyup', event => {
        if (event.key !== 'Tab') return;
        const el = document.activeElement;
        if (!el || el === document.body) return void gcWalk.push({});
        if (el.dataset.walked) return void gcWalk.push({again: true});
        el.dataset.walked = '1';
        gcWalk.push({link: el.dataset.linkId ?? null});
    }, true);
}"""


def focus_walk(page, presses_per_read: int = 8) -> list[str]:
    """Tab through the page from the top; return the visible links that never got focus."""
    # Number every visible link, so that two links to the same address count separately.
    visible = page.evaluate("""() => [...document.querySelectorAll('a[href]')].filter(a => {
        const box = a.getBoundingClientRect(), style = getComputedStyle(a);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !a.closest('[hidden]');
    }).map((a, i) => { a.dataset.linkId = String(i); return a.href; })""")
    page.evaluate(WALK_STEPS)
    budget, pressed, steps = 4 * len(visible) + 40, 0, []
    while pressed < budget and not any(step.get("again") for step in steps):
        for _ in range(min(presses_per_read, budget - pressed)):
            page.keyboard.press("Tab")
            pressed += 1
        steps = page.evaluate("() => gcWalk")
        assert len(steps) == pressed, "each Tab press is read once"
    walked = steps[: next((i for i, step in enumerate(steps) if step.get("again")), len(steps))]
    focused = {int(step["link"]) for step in walked if step.get("link") is not None}
    assert len(focused) > 5, "the walk reached almost no links"
    return [href for i, href in enumerate(visible) if i not in focused]


@both_builders
def test_keyboard_reaches_every_link(browser, site_url, paths):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    missed = {}
    for path in paths:
        page.goto(site_url + path)
        lost = focus_walk(page)
        if lost:
            missed[path] = lost
    context.close()
    assert not missed, missed


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
