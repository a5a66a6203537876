"""The estimator's code loads only on its page (issue 12): a direct visit and an
instant navigation both start it, with `window.govcloud.ready` and `data-ready`
(CONTRACTS.md); plain pages request none of its files; a hostile address
cannot flood the notice (issue 10)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from govcloud.loading import load_catalog
from govcloud.money import show
from govcloud.quote import quote
from govcloud.scenario import Scenario

pytestmark = pytest.mark.browser

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
    page.route("**/estimator/?*", lambda route: route.fulfill(
        path=site_dir / "estimator" / "index.html", content_type="text/html; charset=utf-8"))
    page.goto(f"{site_url}/estimator/?{query}")
    notice = page.locator('[data-gc="address-notice"]')
    expect(notice).to_contain_text("49,994 more parts of the link")
    assert len(notice.inner_text()) < 2_000
    assert notice.locator("li").count() == 6
