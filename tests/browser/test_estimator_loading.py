"""The estimator's code loads only on its page: a direct visit and an instant
navigation both start it, with `window.govcloud.ready` and `data-ready`
(docs/formats.md); plain pages request none of its files; each part loads when
first needed; a hostile address cannot flood the notice."""

from __future__ import annotations

import re
from datetime import datetime

from playwright.sync_api import expect

from govcloud.calc.quote import quote
from govcloud.load.loading import load_catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query

CATALOG = load_catalog()
FIRST = CATALOG.products[0]
# The estimator's own files: styles, the calculation and the page modules.
OWN = ("/assets/estimator", "/assets/govcloud-quote.js")


def expected_total(users: int) -> str:
    q = quote(CATALOG, Scenario.model_validate({"proposed": {FIRST.key: {"users": users}}}))
    return show(q.annual_total)


def estimator_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if any(o in r.url for o in OWN) else None)
    return seen


def held_request(page, held: list) -> object:
    """The page asks for a held file (page.js from a dynamic import after its first event), and a
    route's handler runs only when Playwright's loop next turns: give it turns until the request is
    held (CI once asserted before the handler had run)."""
    for _ in range(500):
        if held:
            break
        page.wait_for_timeout(10)
    assert len(held) == 1, "the held file was requested once"
    return held[0]


def check_started(page) -> None:
    """ready resolves with quote and pricebook set, data-ready is on the root, typing gives a total."""
    started = page.evaluate("""async () => {
        const ns = await window.govcloud.ready;
        return [ns === window.govcloud, typeof ns.quote, Array.isArray(ns.pricebook.products)];
    }""")
    assert started == [True, "function", True]
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    users = FIRST.tiers[1].users
    page.get_by_test_id(f"users-{FIRST.key}").fill(str(users))
    expect(page.get_by_test_id("annual-total")).to_have_text(expected_total(users))


def test_direct_visit_starts_the_estimator(page, site_url):
    page.goto(f"{site_url}/estimator/")
    check_started(page)


def test_instant_navigation_starts_it_and_plain_pages_load_none_of_it(page, instant_url):
    seen = estimator_requests(page)
    page.goto(f"{instant_url}/", wait_until="networkidle")
    page.goto(f"{instant_url}/products/", wait_until="networkidle")
    assert seen == [], "a plain page requested the estimator's files"
    assert page.evaluate("window.govcloud && window.govcloud.ready") is None
    page.evaluate("window.sameDocument = true")
    page.locator('.md-nav a[href$="estimator/"]').first.click()
    expect(page.locator("#gc-estimator")).to_be_visible()
    check_started(page)
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded, not navigated instantly"
    assert any("/assets/estimator/main.js" in u for u in seen) and any("estimator.css" in u for u in seen)


def test_a_flood_of_parameters_gives_a_short_notice(page, site_url, site_dir):
    """50,000 repeated parameters once wrote 3.5 MB into a live region. The test server
    refuses so long an address, so the browser is handed the page itself."""
    query = "&".join([f"{FIRST.key}=1"] * 50_000)
    page.route(
        "**/estimator/?*",
        lambda route: route.fulfill(
            path=site_dir / "estimator" / "index.html", content_type="text/html; charset=utf-8"
        ),
    )
    page.goto(f"{site_url}/estimator/?{query}")
    notice = page.locator('[data-gc="address-notice"]')
    expect(notice).to_contain_text("49,994 more parts of the link")
    assert len(notice.inner_text()) < 2_000
    assert notice.locator("li").count() == 6


def own_fetched(page) -> list[str]:
    """The estimator's files fetched, by name, in order."""
    seen: list[str] = []
    page.on(
        "requestfinished",
        lambda r: (
            seen.append(r.url.rsplit("/", 1)[-1]) if "/assets/estimator/" in r.url or r.url.endswith(".xml") else None
        ),
    )
    return seen


def test_what_loads_when(page, site_url):
    """A visit that only reads the page fetches main.js (and what it shares), not the page
    code; approaching the form fetches it; the tier charts come with the first estimate."""
    seen = own_fetched(page)
    page.goto(f"{site_url}/estimator/", wait_until="networkidle")
    assert "main.js" in seen and "page.js" not in seen and "ladder-charts.xml" not in seen, seen
    page.focus(f"#gc-users-{FIRST.key}")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.wait_for_function("() => window.govcloud.estimator !== undefined")
    assert "page.js" in seen and "ladder-charts.xml" not in seen, seen
    users = FIRST.tiers[1].users
    page.get_by_test_id(f"users-{FIRST.key}").fill(str(users))
    expect(page.get_by_test_id("annual-total")).to_have_text(expected_total(users))
    expect(page.locator("[data-ladder-estimate] svg[role=img]").first).to_be_attached()
    assert "ladder-charts.xml" in seen


def test_what_is_done_before_the_page_code_runs_is_kept(page, site_url):
    """Choices, typing, fields left and buttons pressed while the page code is on its way are
    handed to it, in order: a field left with a wrong value shows its problem, a pressed
    "Add an option" adds one."""
    held = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered only below
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    users = FIRST.tiers[1].users
    page.get_by_test_id("customer").select_option("commercial")
    page.get_by_test_id(f"users-{FIRST.key}").fill(str(users))
    page.get_by_test_id(f"instances-{FIRST.key}").fill("two")
    page.get_by_test_id(f"users-{FIRST.key}").focus()  # the instances field is left
    page.get_by_test_id("option-add").click()
    route = held_request(page, held)
    assert page.evaluate("window.govcloud.estimator") is None
    route.continue_()
    expect(page.locator(f"#gc-instances-{FIRST.key}-error")).to_be_visible()
    expect(page.locator(f"#gc-instances-{FIRST.key}-error")).not_to_be_empty()
    expect(page.locator('[data-option="opt2"]')).to_be_visible()
    expect(page.get_by_test_id("contact")).to_have_text(CATALOG.contacts.commercial.name)


def test_a_change_shows_its_fields_before_the_page_code_runs(page, site_url):
    """Choosing "a change" shows today's fields at once: a keyboard user who tabs on while the
    page code is on its way reaches them (once they were skipped, hidden, and the form lost them)."""
    held = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered only below
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.get_by_test_id("mode-new").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # who is buying
    page.keyboard.press("Tab")  # the date of the change, in both modes
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.testid") == "days-remaining"
    route = held_request(page, held)
    assert page.evaluate("window.govcloud.estimator") is None
    route.continue_()
    expect(page.get_by_test_id("mode-change")).to_be_checked()


def change_begun_with_the_page_code_held(page, site_url) -> list:
    """The estimator open on November 26, 2026 with its page code's request held (the list gets the
    route, answered by the test), "a change" chosen and today's users of the first product typed."""
    held: list = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered by the test
    page.clock.set_fixed_time(datetime(2026, 11, 26, 15, 30))
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id(f"current-users-{FIRST.key}").fill(str(FIRST.tiers[0].users))
    return held


def test_typing_before_the_page_code_runs_ends_as_typed(page, site_url):
    """Events made before the page code runs are handed to it with the values they carried: today's
    users copied into the "after" field must not overwrite what was typed there, and a days value
    typed before a renewal date must not clear the date (CI once lost the typed users this way)."""
    held = change_begun_with_the_page_code_held(page, site_url)
    today, after = str(FIRST.tiers[0].users), str(FIRST.tiers[1].users)
    page.get_by_test_id(f"users-{FIRST.key}").fill(after)
    page.get_by_test_id("days-remaining").fill("abc")
    page.get_by_test_id("renewal-date").fill("2027-03-26")
    route = held_request(page, held)
    assert page.evaluate("window.govcloud.estimator") is None
    route.continue_()
    page.wait_for_function("() => window.govcloud.estimator !== undefined")
    expect(page.get_by_test_id(f"users-{FIRST.key}")).to_have_value(after)
    expect(page.get_by_test_id(f"current-users-{FIRST.key}")).to_have_value(today)
    expect(page.get_by_test_id("renewal-date")).to_have_value("2027-03-26")
    expect(page.get_by_test_id("days-remaining")).to_have_value("120")
    expect(page).to_have_url(re.compile(rf"[?&]{FIRST.key}={after}&.*renewal=2027-03-26"))


def test_the_code_arriving_while_the_after_field_is_in_use_leaves_it_to_the_person(page, site_url):
    """Today's users are copied into the "after" field until the person types there. When the page code
    arrives while the person is already in that field (focused, its text selected, as Tab, a click and
    Playwright's fill leave it), the copy must not rewrite it under the caret: the typing then went after
    the copied number (CI saw 10 and 20 typed give 1020)."""
    held = change_begun_with_the_page_code_held(page, site_url)
    after = str(FIRST.tiers[1].users)
    users = page.get_by_test_id(f"users-{FIRST.key}")
    users.focus()
    users.evaluate("field => field.select()")
    route = held_request(page, held)
    route.continue_()
    page.wait_for_function("() => window.govcloud.estimator !== undefined")
    page.keyboard.insert_text(after)
    expect(users).to_have_value(after)


def test_a_product_cancelled_before_the_page_code_runs_is_set_aside_at_once(page, site_url):
    """Ticking "Cancel this product" greys its "after" fields at once, as it does once the page
    code runs, and the estimate that follows counts the cancellation."""
    held = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered only below
    page.clock.set_fixed_time(datetime(2026, 11, 26, 15, 30))
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id(f"current-users-{FIRST.key}").fill(str(FIRST.tiers[0].users))
    page.get_by_test_id(f"cancel-{FIRST.key}").check()
    expect(page.get_by_test_id(f"users-{FIRST.key}")).to_be_disabled()
    expect(page.get_by_test_id(f"instances-{FIRST.key}")).to_be_disabled()
    page.get_by_test_id(f"cancel-{FIRST.key}").uncheck()
    expect(page.get_by_test_id(f"users-{FIRST.key}")).to_be_enabled()
    page.get_by_test_id(f"cancel-{FIRST.key}").check()
    route = held_request(page, held)
    assert page.evaluate("window.govcloud.estimator") is None
    route.continue_()
    page.wait_for_function("() => window.govcloud.estimator !== undefined")
    expect(page.get_by_test_id(f"users-{FIRST.key}")).to_be_disabled()
    cancelled = Scenario.model_validate(
        {"current": {FIRST.key: {"users": FIRST.tiers[0].users}}, "proposed": {}, "date": "2026-11-26"}
    )
    expect(page).to_have_url(f"{site_url}/estimator/?{estimator_query(cancelled)}")


STATIC_PARTS = """() => {
    const root = document.getElementById('gc-estimator'), q = (s) => root.querySelector(s);
    const texts = ['[data-testid=summary-status]', '[data-gc=empty]', '[data-testid=contact]', '[data-gc=who]',
                   '[data-gc=illustrative]'].map((s) => [s, q(s).textContent]);
    const hidden = ['[data-gc=summary-link]', '[data-gc=summary-figures]', '[data-gc=why]', '[data-gc=actions]',
                    '[data-gc=table-wrap]', '[data-gc=bills]', '[data-gc=empty]',
                    ...[...root.querySelectorAll('.gc-contact')]
                        .map((e) => `.gc-contact[data-customer=${e.dataset.customer}]`)]
                    .map((s) => [s, q(s).hidden]);
    return {texts, hidden, mode: root.getAttribute('data-mode')};
}"""


def test_the_page_as_built_shows_what_the_estimator_shows_before_an_answer(browser, site_url):
    """The page code loads when the form is approached: until then the page as built must show
    what the code shows before an answer (contact, price note, status), or the page changes under
    the reader's pointer."""
    # The page as built: its scripts refused (page.evaluate still runs).
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(f"{site_url}/estimator/")
    built = page.evaluate(STATIC_PARTS)
    context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.focus(f"#gc-users-{FIRST.key}")
    page.wait_for_function("() => window.govcloud.estimator !== undefined")
    page.evaluate("document.activeElement.blur()")
    assert page.evaluate(STATIC_PARTS) == built
    assert built["texts"][2][1], "the contact is named before an answer"
    context.close()


def test_a_link_with_an_estimate_keeps_the_fields_until_the_page_code_has_filled_them(page, site_url):
    """On a link that holds an estimate the page code fills the form from the address when it
    arrives: until then the text fields are read-only (and the estimator busy), so nothing typed
    meanwhile is overwritten, and a test's fill waits for them (CI once typed too early)."""
    held = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered only below
    page.goto(f"{site_url}/estimator/?{FIRST.key}={FIRST.tiers[0].users}")
    users = page.get_by_test_id(f"users-{FIRST.key}")
    expect(users).not_to_be_editable()
    expect(page.locator("#gc-estimator")).to_have_attribute("aria-busy", "true")
    held_request(page, held).continue_()
    expect(users).to_be_editable()
    expect(users).to_have_value(str(FIRST.tiers[0].users))
    expect(page.locator("#gc-estimator")).not_to_have_attribute("aria-busy", "true")
    users.fill(str(FIRST.tiers[1].users))
    expect(page.get_by_test_id("annual-total")).to_have_text(expected_total(FIRST.tiers[1].users))


# Every date the first bill has shown, from the moment the page code's request is answered.
WATCH_BILL_DATES = """() => {
    window.billDates = [];
    const root = document.getElementById('gc-estimator');
    const read = () => {
        const on = root.querySelector('[data-testid="bill-on-0"]');
        if (on && window.billDates.at(-1) !== on.dataset.value) window.billDates.push(on.dataset.value);
    };
    new MutationObserver(read).observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def test_a_date_typed_before_the_page_code_runs_is_never_replaced_by_today(page, site_url):
    """The date of the change typed while the page code is on its way is the estimate's from its
    first showing: the code's start once put today's date back in the field, and showed an estimate
    dated today until the events typed were handed to it (a loaded run read the bills then)."""
    held = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered only below
    page.clock.set_fixed_time(datetime(2026, 11, 26, 15, 30))
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.get_by_test_id("change-date").fill("2026-12-10")
    page.get_by_test_id(f"users-{FIRST.key}").fill(str(FIRST.tiers[1].users))
    route = held_request(page, held)
    page.evaluate(WATCH_BILL_DATES)
    route.continue_()
    expect(page.get_by_test_id("bill-on-0")).to_have_attribute("data-value", "2026-12-10")
    expect(page.get_by_test_id("change-date")).to_have_value("2026-12-10")
    assert page.evaluate("window.billDates") == ["2026-12-10"]


def test_the_day_filled_in_moves_on_when_the_page_was_left_open_overnight(page, site_url):
    """The date filled in for the reader is today's when the page code starts: a page opened before
    midnight and first typed in after it estimates for the new day (a typed date stands: above)."""
    held = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered only below
    page.clock.set_fixed_time(datetime(2026, 11, 26, 23, 59))
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    expect(page.get_by_test_id("change-date")).to_have_value("2026-11-26")
    page.clock.set_fixed_time(datetime(2026, 11, 27, 0, 1))
    page.get_by_test_id(f"users-{FIRST.key}").fill(str(FIRST.tiers[1].users))
    route = held_request(page, held)
    route.continue_()
    expect(page.get_by_test_id("change-date")).to_have_value("2026-11-27")
    expect(page.get_by_test_id("bill-on-0")).to_have_attribute("data-value", "2026-11-27")


def test_a_date_typed_before_the_first_script_runs_stands(page, site_url):
    """A date in the field before the estimator's first module runs (a slow connection) was not filled
    in for the reader, so it is theirs: it stands when the page code starts."""
    held = []
    page.route("**/assets/estimator/main.js", lambda route: held.append(route))  # answered only below
    page.clock.set_fixed_time(datetime(2026, 11, 26, 15, 30))
    page.goto(f"{site_url}/estimator/", wait_until="domcontentloaded")
    page.get_by_test_id("change-date").fill("2026-12-10")
    held_request(page, held).continue_()
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    page.get_by_test_id(f"users-{FIRST.key}").fill(str(FIRST.tiers[1].users))
    expect(page.get_by_test_id("bill-on-0")).to_have_attribute("data-value", "2026-12-10")
    expect(page.get_by_test_id("change-date")).to_have_value("2026-12-10")


def test_typing_while_the_tier_charts_load_is_not_handed_over_twice(page, site_url):
    """The events that came before the page code are handed to it as soon as it is built, not once
    the tier charts (fetched with the first estimate) are in: typing in that wait reached the page
    code and was then handed to it again, and the second time "left" the field being typed in, whose
    problem then showed while it was still being typed (CI, under load)."""
    held: list = []
    charts: list = []
    page.route("**/assets/estimator/page.js", lambda route: held.append(route))  # answered below
    page.route("**/ladder-charts.xml", lambda route: charts.append(route))  # answered at the end
    page.goto(f"{site_url}/estimator/")
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    first, second = (page.get_by_test_id(f"users-{p.key}") for p in CATALOG.products[:2])
    first.fill(str(FIRST.tiers[1].users))
    held_request(page, held).continue_()
    page.wait_for_function("() => window.govcloud.estimator !== undefined")
    held_request(page, charts)  # the first estimate asked for the charts: they are on their way
    second.fill("abc")
    summary = page.locator('[data-gc="error-summary"]')
    charts[0].continue_()
    expect(page.locator("[data-ladder-estimate] svg[role=img]").first).to_be_attached()
    expect(summary).to_be_hidden()
    second.press("Tab")  # left: now its problem shows
    expect(summary).to_be_visible()
    expect(page.locator(f"#gc-users-{CATALOG.products[1].key}-error")).not_to_be_empty()
