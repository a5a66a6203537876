"""The estimator page in Chromium: estimates opened by address, typed in, reached
by instant navigation, and taken away (link, table, CSV, YAML, print), each
checked through the `data-testid` hooks against `govcloud`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date, datetime
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

import vectors
from conftest import both_builders, serve
from estimator_hooks import BROKEN, READ_HOOKS, copied_table, expected_hooks, product_hooks, query_pairs, type_scenario
from govcloud.calc.quote import quote
from govcloud.calc.worked import load_worked
from govcloud.load.loading import load_catalog
from govcloud.model.money import text
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.render.present import view
from govcloud.words.vocabulary import WORDS, word
from harness import Html


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def worked(catalog) -> dict[str, Scenario]:
    return {s.id: s for s, _ in load_worked(catalog)}


def sampled(catalog, want: int = 12) -> list[Scenario]:
    """Generated scenarios, one per kind of line not yet seen, so the page meets every case."""
    picked, seen = [], set()
    raw = vectors.generate(catalog)
    for _s, parsed in zip(raw, vectors.parse(catalog, raw)):
        q = quote(catalog, parsed)
        kinds = {(l.change, l.status) for l in q.lines} | {q.customer, q.complete}
        if kinds - seen and len(q.lines) > 1 or (kinds - seen and len(picked) < want // 2):
            picked.append(parsed)
            seen |= kinds
        if len(picked) >= want:
            break
    return picked


def check_page(page, catalog, scenario: Scenario) -> None:
    expected = expected_hooks(catalog, scenario)
    # The hooks settle as soon as the page has read the address or the last key.
    expect(page.get_by_test_id("annual-total")).to_have_text(expected["annual-total"]["text"])
    hooks = page.evaluate(READ_HOOKS)
    for hook, want in expected.items():
        assert hooks.get(hook) == want, (hook, estimator_query(scenario))
    assert product_hooks(hooks, catalog) == product_hooks(expected, catalog), estimator_query(scenario)
    incomplete = page.locator('[data-gc="incomplete"]')
    if quote(catalog, scenario).complete:
        expect(incomplete).to_be_hidden()
    else:
        expect(incomplete).to_contain_text("Incomplete")
    assert not BROKEN.search(page.locator("#gc-estimator").inner_text())


def field_values(page, catalog) -> dict[str, str]:
    ids = [
        f"{prefix}{what}-{p.key}"
        for p in catalog.products
        for prefix in ("", "current-")
        for what in ("users", "instances")
    ]
    return {i: page.get_by_test_id(i).input_value() for i in ids}


@both_builders
def test_estimates_opened_by_address(page, site_url, catalog, worked):
    scenarios = list(worked.values()) + sampled(catalog)
    assert len(scenarios) >= 20
    errors, hosts = [], set()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc or r.url.split(":", 1)[0]))
    for scenario in scenarios:
        query = estimator_query(scenario)
        page.goto(f"{site_url}/estimator/?{query}")
        check_page(page, catalog, scenario)
        # An undated link (an old one) is dated on the day it is opened; with days left, a note says so.
        old_days = scenario.date is None and scenario.current is not None and scenario.days_remaining is not None
        notice = page.locator('[data-gc="address-notice"]')
        expect(notice).to_contain_text("without the date it was made") if old_days else expect(notice).to_be_hidden()
        # The page keeps the address as given when it already describes this estimate; else it dates it.
        dated = scenario if scenario.date else scenario.model_copy(update={"date": quote(catalog, scenario).day})
        assert query_pairs(page.url) == query_pairs("?" + estimator_query(dated))
        # And the form shows what the link holds, so the estimate can be changed from there.
        values = field_values(page, catalog)
        for prefix, holdings in (("", scenario.proposed), ("current-", scenario.current or {})):
            for key, held in holdings.items():
                assert values.pop(f"{prefix}users-{key}") == str(held.users)
                assert values.pop(f"{prefix}instances-{key}") in (
                    {"", "1"} if held.instances == 1 else {str(held.instances)}
                )
        assert set(values.values()) == {""}, values
        if scenario.current is not None:
            days = scenario.days_remaining
            expect(page.get_by_test_id("days-remaining")).to_have_value("" if days is None else str(days))
            expect(page.get_by_test_id("mode-change")).to_be_checked()
        else:
            expect(page.get_by_test_id("mode-new")).to_be_checked()
    assert errors == []
    assert hosts == {urlsplit(site_url).netloc}, "requests to other hosts"


@both_builders
def test_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/estimator/")
    expect(page.locator(".gc-noscript")).to_contain_text("needs JavaScript")
    expect(page.locator(".gc-noscript a[href$='products/']")).to_have_count(1)
    expect(page.locator(".gc-noscript a[href$='scenarios/']")).to_have_count(1)
    expect(page.locator("#gc-estimator")).to_be_hidden()
    context.close()


TYPED = [
    "upgrade-and-add-product",
    "add-instances",
    "downgrade-at-renewal",
    "cancel-one-product",
    "beyond-the-price-book",
    "commercial-customer",
]


@both_builders
def test_estimates_typed_in(page, site_url, catalog, worked):
    for name in TYPED:
        scenario = worked[name]
        page.goto(f"{site_url}/estimator/")
        entries = page.evaluate("history.length")
        type_scenario(page, catalog, scenario)
        check_page(page, catalog, scenario)
        # Typing kept the address up to date, without adding history entries.
        assert query_pairs(page.url) == query_pairs("?" + estimator_query(scenario))
        assert page.evaluate("history.length") == entries


@both_builders
def test_instant_navigation_from_the_home_page(page, instant_url, catalog, worked):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{instant_url}/", wait_until="networkidle")  # Material has its sitemap
    page.evaluate("window.sameDocument = true")
    for _ in range(2):  # twice: coming back must not attach a second set of listeners
        page.locator('.md-nav a[href$="estimator/"]').first.click()
        expect(page.locator("#gc-estimator")).to_be_visible()
        # As the contract tells automation: wait until the estimator has started.
        expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
        assert page.evaluate("window.sameDocument") is True, "the page was reloaded, not navigated instantly"
        scenario = worked["upgrade-and-add-product"]
        type_scenario(page, catalog, scenario)
        check_page(page, catalog, scenario)
        page.get_by_test_id("users-jira").fill("x")
        page.get_by_test_id("users-jira").blur()
        expect(page.locator('[data-gc="error-list"] li')).to_have_count(1)
        page.locator(".md-nav a").filter(has_text="Home").first.click()
        expect(page.locator("#gc-estimator")).to_have_count(0)
    # Material re-runs a page's scripts after instant navigation: the price book must not be one of them.
    assert errors == []


def test_worked_scenario_links_open_in_the_estimator(page, instant_url, catalog, worked):
    """The scenarios page links each example into the estimator; the instant navigation keeps the query."""
    page.goto(f"{instant_url}/scenarios/", wait_until="networkidle")
    page.evaluate("window.sameDocument = true")
    scenario = worked["upgrade-and-add-product"]
    link = page.locator(f'a[href*="estimator/?"][href$="{estimator_query(scenario)}"]').first
    link.click()
    check_page(page, catalog, scenario)
    assert page.evaluate("window.sameDocument") is True


# A change with each kind of row a copy must carry: priced upgrade, new beyond the limit, cancelled.
TAKEAWAY = Scenario.model_validate(
    {
        "customer": "commercial",
        "current": {"jira": {"users": 480, "instances": 2}, "confluence": {"users": 30}},
        "proposed": {"jira": {"users": 1200, "instances": 3}, "jsm": {"users": 20, "instances": 160}},
        "days_remaining": 120,
        "date": "2026-11-26",  # the day the page's clock says below: the form's date of the change
    }
)
TODAY = datetime(2026, 11, 26, 15, 30)


def test_take_the_estimate_away(page, site_url, catalog, worked, tmp_path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.clock.set_fixed_time(TODAY)
    scenario = TAKEAWAY
    q = quote(catalog, scenario)
    want = expected_hooks(catalog, scenario)
    names = {p.key: p.name for p in catalog.products}
    page.goto(f"{site_url}/estimator/")
    type_scenario(page, catalog, scenario)
    check_page(page, catalog, scenario)
    v = view(catalog, scenario, q)
    context = v.about + [
        "Estimate made on November 26, 2026.",
        word("messages.illustrative", contact=q.contact),
        f"Link: {page.url}",
    ]

    def marked(cell, shown: str | None = None) -> str:
        return (cell.text if shown is None else shown) + "".join(f" [{n}]" for n in v.mark(cell.assumptions))

    # The copied link restores the estimate in a fresh page.
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator('[data-gc="action-status"]')).to_have_text("Link copied.")
    link = page.evaluate("navigator.clipboard.readText()")
    fresh = page.context.new_page()
    fresh.goto(link)
    check_page(fresh, catalog, scenario)
    fresh.close()

    # The table, as text for a spreadsheet and as HTML for an email, after what it is for,
    # with the dated bills and the footnotes of the rules still to confirm.
    page.get_by_role("button", name="Copy as table").click()
    expect(page.locator('[data-gc="action-status"]')).to_have_text("Table copied.")
    copied = copied_table(page)
    about, body, timeline, notes = copied["plain"].rstrip("\n").split("\n\n")
    assert about.split("\n") == context
    plain = [row.split("\t") for row in body.split("\n")]
    bills_title, *bill_rows = timeline.split("\n")
    bill_rows = [row.split("\t") for row in bill_rows]
    cells = Html(copied["html"])
    rows = cells.rows()
    assert rows == plain + bill_rows and "table" in cells.tags and "img" not in cells.tags
    for line in context + notes.split("\n"):
        assert line.replace("&", "&amp;") in copied["html"]
    cols = WORDS["columns"]
    assert plain[0] == [
        cols[k] for k in ("product", "change", "today_tier", "today_annual", "tier", "annual", "difference", "due_now")
    ]
    assert len(plain) == len(q.lines) + 2
    for row, line, r in zip(plain[1:], q.lines, v.rows):
        k = line.product
        assert row == [
            names[k],
            want[f"change-{k}"]["text"],
            want.get(f"today-tier-{k}", {"text": "—"})["text"],
            want[f"today-{k}"]["text"],
            marked(r.cells["tier"], want[f"tier-{k}"]["text"]),
            marked(r.cells["annual"]),
            marked(r.cells["difference"]),
            marked(r.cells["due_now"]),
        ]
    assert plain[-1][0] == WORDS["totals"]["priced_only"]
    assert plain[-1][-3] == f"${q.annual_total:,.2f}" and plain[-1][-1] == marked(v.total.cells["due_now"])
    assert bills_title == WORDS["bills"]["title"]
    # The bills as the CLI lists them: when, on which date, what, for which products, how much.
    assert bill_rows[0] == [WORDS["bills"][k] for k in ("when", "on", "what", "products", "amount")]
    assert [r[1] for r in bill_rows[1:-1]] == [b.on for b in v.bills]
    assert [r[4] for r in bill_rows[1:-1]] == [marked(b.amount) for b in v.bills]
    assert bill_rows[-1][0] == v.first_year_label and bill_rows[-1][4] == marked(v.first_year)
    assert notes.split("\n") == [text_ for _, text_ in v.footnotes]

    # CSV: one table a spreadsheet sorts and filters: a kind column, plain amounts it can add up,
    # each bill's date as YYYY-MM-DD, words as the page says them, and a byte-order mark for Excel.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    assert download.value.suggested_filename == "govcloud-estimate-commercial-2026-11-26.csv"
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len({len(r) for r in table}) == 1, "every row has every column"
    files, cur = WORDS["estimator_files"], catalog.currency
    bill_words = WORDS["bills"]
    assert table[0][:7] == [files["csv_kind"]] + [
        cols[k] for k in ("product", "change", "users", "tier", "instances", "today_tier")
    ]
    records = [dict(zip(table[0], r)) for r in table[1:]]
    ask = word("cells.ask", contact=q.contact)
    of = lambda kind: [r for r in records if r[files["csv_kind"]] == files[f"csv_{kind}"]]  # noqa: E731
    usd = lambda key: f"{cols[key]} ({cur})"  # noqa: E731
    assert [
        (r[cols["product"]], r[cols["change"]], r[cols["users"]], r[usd("annual")], r[usd("due_now")])
        for r in of("line")
    ] == [
        (
            names[line.product],
            WORDS["change"][line.change],
            str(line.users),
            text(line.annual) or ask,
            text(line.due_now) or ask,
        )
        for line in q.lines
    ]
    [total] = of("total")
    assert (total[cols["product"]], total[usd("annual")], total[usd("due_now")]) == (
        WORDS["totals"]["priced_only"],
        text(q.annual_total),
        text(q.due_now_total),
    )
    amount = f"{bill_words['amount']} ({cur})"
    assert [(r[bill_words["on"]], r[amount]) for r in of("bill")] == [
        (b.on.isoformat() if b.on else "", text(b.amount)) for b in q.bills
    ]
    [year] = of("bills_total")
    assert (year[bill_words["what"]], year[amount]) == (v.first_year_label, text(q.first_year_total))
    assert [r[bill_words["what"]] for r in of("footnote")] == [text_ for _, text_ in v.footnotes]
    assert [r[bill_words["what"]] for r in of("about")] == context

    # The scenario file goes through `govcloud quote` unchanged and gives the same quote.
    for name in ("beyond-the-price-book", "upgrade-and-add-product", "cancel-everything"):
        scenario = worked[name]
        page.goto(f"{site_url}/estimator/?{estimator_query(scenario)}")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download scenario (YAML)").click()
        path = tmp_path / f"{name}.yml"
        download.value.save_as(path)
        result = subprocess.run(
            [sys.executable, "-m", "govcloud", "quote", str(path), "--json"], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == quote(catalog, scenario).as_json()


def test_renewal_date_gives_the_days_left(page, site_url, catalog):
    today = datetime(2026, 11, 26, 15, 30)
    page.clock.set_fixed_time(today)
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("mode-change").check()
    renewal = date(2027, 3, 26)
    page.get_by_test_id("renewal-date").fill(renewal.isoformat())
    expect(page.get_by_test_id("days-remaining")).to_have_value(str((renewal - today.date()).days))
    # A date is typed in a text field: its problem shows once the field is left, not mid-typing.
    page.get_by_test_id("renewal-date").fill("2026-11-25")
    expect(page.locator("#gc-renewal-error")).to_be_hidden()
    page.get_by_test_id("renewal-date").blur()
    expect(page.locator("#gc-renewal-error")).to_contain_text(word("problems.renewal_past"))
    far = date(2027, 12, 1)
    assert (far - today.date()).days > catalog.term_days
    page.get_by_test_id("renewal-date").fill(far.isoformat())
    expect(page.locator("#gc-renewal-error")).to_contain_text(word("problems.renewal_far", term_days=catalog.term_days))


def test_announcements_wait_for_a_pause(page, site_url):
    # The page's clock is the test's: typing takes no time, then time moves on
    # only when the test says so, however busy the machine is.
    page.clock.install()
    page.goto(f"{site_url}/estimator/")
    live = page.locator('[data-gc="live"]')
    expect(live).to_have_attribute("aria-live", "polite")
    page.evaluate("""() => { window.liveChanges = 0;
        new MutationObserver(() => window.liveChanges++).observe(
            document.querySelector('[data-gc="live"]'), {childList: true, characterData: true, subtree: true}); }""")
    page.get_by_test_id("users-jira").press_sequentially("1520")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()  # results follow every keystroke
    assert page.evaluate("window.liveChanges") == 0  # the announcement waits for a pause
    page.clock.run_for(5000)
    expect(live).to_contain_text("Estimate updated:")
    assert page.evaluate("window.liveChanges") == 1  # once, for the whole burst of typing


def test_phone_width_and_print(page, site_url, catalog, worked):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}/estimator/?{estimator_query(worked['upgrade-and-add-product'])}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator(".gc-table tbody tr").first.evaluate("e => getComputedStyle(e).display") == "block"
    page.emulate_media(media="print")
    expect(page.locator(".gc-form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".gc-actions")).to_be_hidden()
    expect(page.get_by_test_id("due-now-total")).to_be_visible()
    expect(page.get_by_test_id("contact")).to_be_visible()
    expect(page.locator('[data-gc="print-context"]')).to_contain_text(page.url)  # the paper leads back


def test_other_data_changes_the_page(page, tmp_path):
    """Names, the instance limit and contacts come from the data: a site built on other data shows them.
    (The term length stays: the worked scenarios, which the build checks, are worked out on it.)"""
    from conftest import ROOT, build_site

    text_ = (ROOT / "data" / "products.yml").read_text()
    for old, new in (
        ("name: Jira\n", "name: Tracker One\n"),
        ("max_instances: 150", "max_instances: 40"),
        ("name: Carahsoft", "name: Example Reseller"),
    ):
        assert old in text_
        text_ = text_.replace(old, new, 1)
    data = tmp_path / "products.yml"
    data.write_text(text_)
    result = build_site(tmp_path / "site", env={"GOVCLOUD_DATA": str(data)})
    assert result.returncode == 0, result.stderr
    server = serve(tmp_path / "site")
    try:
        other = load_catalog(data)
        url = f"http://127.0.0.1:{server.server_address[1]}/estimator/"
        for scenario in (
            Scenario.model_validate(
                {
                    "current": {"jira": {"users": 480}},
                    "proposed": {"jira": {"users": 520, "instances": 41}},
                    "days_remaining": 120,
                }
            ),
            Scenario.model_validate(
                {
                    "current": {"jira": {"users": 480, "instances": 2}},
                    "proposed": {"jira": {"users": 470, "instances": 40}},
                    "days_remaining": 120,
                }
            ),
        ):
            page.goto(f"{url}?{estimator_query(scenario)}")
            check_page(page, other, scenario)
        expect(page.get_by_test_id("change-jira")).to_have_text("Instances: 40 of 40, no extra cost")
        expect(page.locator(".gc-product legend").first).to_have_text("Tracker One")
        expect(page.get_by_test_id("contact")).to_have_text("Example Reseller")
        expect(page.locator("#gc-instances-jira-hint")).to_contain_text("Up to 40 ")
    finally:
        server.shutdown()


def test_the_form_does_not_shift_the_page_as_scripts_start(page, site_url):
    """The form is laid out from the first paint (a class set in <head>), not revealed
    by the page module afterwards: that pushed everything below it down (Lighthouse
    measured a layout shift of 0.90 on desktop)."""
    page.add_init_script("""
        window.__shift = 0;
        new PerformanceObserver(list => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
        }).observe({type: "layout-shift", buffered: true});
    """)
    page.set_viewport_size({"width": 1350, "height": 940})
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_be_visible()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    # Web Vitals calls a cumulative shift of 0.1 or less "good".
    assert page.evaluate("window.__shift") < 0.1


def test_copy_without_a_clipboard_says_so(page, site_url):
    """On a plain-http intranet host browsers give no clipboard API (and older ones no
    ClipboardItem): the buttons must say so, not throw (a console error, and silence)."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});")
    page.goto(f"{site_url}/estimator/?customer=government&jira=50")
    status = page.locator('[data-gc="action-status"]')
    for button in ("Copy link", "Copy as table"):
        page.get_by_role("button", name=button).click()
        expect(status).to_have_text("Copying failed: your browser did not allow it.")
        page.evaluate("document.querySelector('[data-gc=\"action-status\"]').textContent = ''")
    assert errors == []


def test_copy_table_without_clipboard_item_copies_text(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.add_init_script("delete window.ClipboardItem;")
    page.goto(f"{site_url}/estimator/?customer=government&jira=50")
    page.get_by_role("button", name="Copy as table").click()
    expect(page.locator('[data-gc="action-status"]')).to_have_text("Table copied.")
    assert "\t" in page.evaluate("navigator.clipboard.readText()")
