"""Issue 18 on the estimator page: the date of the change (D), links that keep their meaning, and
prices that change on a date. A link made with days left and opened a month later shows the same
figures; an old link with only `days_remaining` counts from the day it is opened and says so; an
estimate whose quote would no longer hold says that too; a page built before a change and opened
after it quotes at the new price; a scenario straddling a change says so in the vocabulary's words.
The browser's clock is moved with Playwright's `page.clock`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT, build_site, serve
from estimator_hooks import READ_HOOKS
from govcloud.calc.quote import quote
from govcloud.load.loading import load_catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.model.tiers import tier_index
from govcloud.render.address import estimator_query
from govcloud.render.present import long_date
from govcloud.words.vocabulary import WORDS, word

CATALOG = load_catalog()
MADE = date(2026, 11, 26)
JIRA = CATALOG.products[0]
# An upgrade (prorated by the days left) and a new product: figures that move with the days.
TYPED = {"current": 480, "after": 520, "new": 200, "days": 120}
NEW = CATALOG.products[-1]


def at(page, day: date, hour: int = 15) -> None:
    page.clock.set_fixed_time(f"{day.isoformat()}T{hour:02d}:30:00")


def figures(page) -> dict:
    """Every figure and word the results show (hooks), without the inputs."""
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    return page.evaluate(READ_HOOKS)


def type_change(page) -> None:
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id(f"current-users-{JIRA.key}").fill(str(TYPED["current"]))
    page.get_by_test_id(f"users-{JIRA.key}").fill(str(TYPED["after"]))
    page.get_by_test_id(f"users-{NEW.key}").fill(str(TYPED["new"]))
    page.get_by_test_id("days-remaining").fill(str(TYPED["days"]))
    expect(page.get_by_test_id(f"change-{JIRA.key}")).to_have_attribute("data-value", "upgrade")


def test_a_link_made_with_days_shows_the_same_figures_30_days_later(page, site_url):
    at(page, MADE)
    page.goto(f"{site_url}/estimator/")
    expect(page.get_by_test_id("change-date")).to_have_value(MADE.isoformat())
    type_change(page)
    expect(page.get_by_test_id("due-now-total")).not_to_be_empty()
    made = figures(page)
    link = page.url
    query = parse_qs(urlsplit(link).query)
    # The days typed become the renewal date; the link carries the date of the change, never the days.
    renewal = MADE + timedelta(days=TYPED["days"])
    assert query["date"] == [MADE.isoformat()] and query["renewal"] == [renewal.isoformat()]
    assert "days_remaining" not in query
    at(page, MADE + timedelta(days=30))
    page.goto(link)
    expect(page.get_by_test_id("change-date")).to_have_value(MADE.isoformat())
    expect(page.get_by_test_id("days-remaining")).to_have_value(str(TYPED["days"]))
    assert figures(page) == made
    assert made["quote-date"] == {"text": long_date(MADE), "value": MADE.isoformat()}
    assert made["valid-until"]["value"] == (MADE + timedelta(days=CATALOG.quote_valid_days)).isoformat()
    # On the last day its quote holds, nothing says otherwise; the day after, a notice does.
    expect(page.locator('[data-gc="dated-passed"]')).to_be_hidden()
    at(page, MADE + timedelta(days=CATALOG.quote_valid_days + 1))
    page.goto(link)
    assert figures(page) == made
    passed = page.locator('[data-gc="dated-passed"]')
    expect(passed).to_be_visible()
    expect(passed).to_contain_text(long_date(MADE))
    expect(passed).to_contain_text("A quote made today may differ.")


def test_an_old_link_with_days_counts_from_the_day_it_is_opened(page, site_url):
    opened = MADE + timedelta(days=30)
    at(page, opened)
    old = f"current.{JIRA.key}={TYPED['current']}&{JIRA.key}={TYPED['after']}&days_remaining={TYPED['days']}"
    page.goto(f"{site_url}/estimator/?{old}")
    renewal = opened + timedelta(days=TYPED["days"])
    notice = page.locator('[data-gc="address-notice"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("“days_remaining=120” without the date it was made")
    expect(notice).to_contain_text(long_date(renewal))
    expect(page.get_by_test_id("days-remaining")).to_have_value(str(TYPED["days"]))
    expect(page.get_by_test_id("change-date")).to_have_value(opened.isoformat())
    query = parse_qs(urlsplit(page.url).query)
    assert query["date"] == [opened.isoformat()] and query["renewal"] == [renewal.isoformat()]
    assert "days_remaining" not in query
    # The address now carries the date: opened again, it needs no notice.
    page.goto(page.url)
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    expect(notice).to_be_hidden()


def test_the_date_of_the_change_moves_the_days_of_a_renewal_date(page, site_url):
    """The renewal date counts from the date of the change, not from the reader's today."""
    at(page, MADE)
    page.goto(f"{site_url}/estimator/")
    type_change(page)
    page.get_by_test_id("renewal-date").fill("2027-03-26")
    expect(page.get_by_test_id("days-remaining")).to_have_value("120")
    page.get_by_test_id("change-date").fill("2026-12-26")
    expect(page.get_by_test_id("days-remaining")).to_have_value("90")
    expect(page.get_by_test_id("quote-date")).to_have_attribute("data-value", "2026-12-26")
    assert parse_qs(urlsplit(page.url).query)["date"] == ["2026-12-26"]
    # A date that is no date is a problem of its field, once it is left.
    page.get_by_test_id("change-date").fill("2026-02-30")
    page.get_by_test_id("change-date").blur()
    expect(page.locator("#gc-date-error")).to_contain_text("Date of the change must be a real date")


# Two changes on a copy of the real data, after the worked scenarios' bills (the build checks those):
# Confluence's 200-user tier rises inside the validity of a quote made on DATED (January 5, 2028),
# Jira's 1,000-user tier before that quote's renewal (February 1, 2028).
CHANGES = """
price_changes:
  - effective: 2028-01-05
    products:
      confluence: {200: 9450.00}
  - effective: 2028-02-01
    products:
      jira: {1000: 24570.00}
"""
BUILT = date(2027, 11, 1)  # before both changes
DATED = date(2027, 12, 20)
STRADDLE = {
    "current": {"jira": {"users": 480}},
    "proposed": {"jira": {"users": 520}, "confluence": {"users": 200}},
    "date": DATED.isoformat(),
    "renewal": (DATED + timedelta(days=120)).isoformat(),
    "days_remaining": 120,
}


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The site built on BUILT from the data with CHANGES, its catalog, and its address."""
    where = tmp_path_factory.mktemp("dated")
    data = where / "products.yml"
    data.write_text((ROOT / "data" / "products.yml").read_text() + CHANGES)
    epoch = int(datetime(BUILT.year, BUILT.month, BUILT.day, 12, tzinfo=UTC).timestamp())
    result = build_site(where / "site", env={"GOVCLOUD_DATA": str(data), "SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(where / "site")
    yield load_catalog(data), f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_page_built_before_a_change_quotes_at_the_new_price_after_it(page, changed):
    catalog, url = changed
    jira = catalog.product("jira")
    old, new = (
        catalog.prices_on(day).ladder("jira")[tier_index(jira, 520)].annual for day in (BUILT, date(2028, 2, 1))
    )
    assert (old, new) == (Decimal("23400.00"), Decimal("24570.00"))
    opened = date(2028, 2, 10)
    at(page, opened)
    page.goto(f"{url}/estimator/")
    book = page.evaluate("window.govcloud.pricebook")
    assert book["date"] == BUILT.isoformat()  # the page as built: its tiers are the old prices
    assert book["products"][0]["tiers"][tier_index(jira, 520)]["annual"] == "23400.00"
    expect(page.get_by_test_id("change-date")).to_have_value(opened.isoformat())
    page.get_by_test_id("users-jira").fill("520")
    expect(page.get_by_test_id("annual-jira")).to_have_text(show(new))
    expect(page.get_by_test_id("due-now-jira")).to_have_text(show(new))
    # Its link keeps the day it was made: opened again later, the same prices.
    at(page, date(2028, 9, 1))
    page.goto(page.url)
    expect(page.get_by_test_id("annual-jira")).to_have_text(show(new))
    # An estimate dated before the change, on the same page, is at the old price.
    page.get_by_test_id("change-date").fill("2028-01-31")
    expect(page.get_by_test_id("annual-jira")).to_have_text(show(old))


def test_the_sentences_of_a_scenario_straddling_a_change(page, changed):
    catalog, url = changed
    scenario = Scenario.model_validate(STRADDLE)
    q = quote(catalog, scenario)
    at(page, DATED)
    page.goto(f"{url}/estimator/?{estimator_query(scenario)}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    said = page.locator('[data-gc="messages"] li > span:first-child').all_text_contents()
    assert said == q.messages
    jira, confluence = q.lines
    rise = word(
        "messages.rise_before_renewal",
        product="Jira",
        tier="1,000",
        old="$23,400.00",
        new="$24,570.00",
        date="February 1, 2028",
        renewal=long_date(DATED + timedelta(days=120)),
    )
    assert rise in said
    assert word("messages.prices_hold", date="January 5, 2028", valid_until="January 19, 2028") in said
    # The line whose renewal is at another price shows both; its hooks hold one amount each.
    expect(page.get_by_test_id("annual-jira")).to_have_text("$23,400.00")
    expect(page.get_by_test_id("renewal-annual-jira")).to_have_text("$24,570.00")
    cell = page.locator("td", has=page.get_by_test_id("annual-jira"))
    expect(cell).to_contain_text("$23,400.00; $24,570.00 from February 1, 2028")
    expect(page.get_by_test_id("renewal-annual-confluence")).to_have_text(show(confluence.renewal_annual))
    assert (jira.renewal_annual, confluence.renewal_annual) == (Decimal("24570.00"), Decimal("9450.00"))
    # The bills: each on its date, at the prices of its day, naming them.
    rows = page.locator('[data-gc="bills-lines"] tr')
    expect(rows).to_have_count(3)
    assert [rows.nth(i).get_by_test_id(f"bill-{i}").inner_text() for i in range(3)] == [show(b.amount) for b in q.bills]
    assert [rows.nth(i).get_by_test_id(f"bill-on-{i}").get_attribute("data-value") for i in range(3)] == [
        b.on.isoformat() for b in q.bills
    ]
    expect(rows.nth(1)).to_contain_text(word("bills.prices_from", date="February 1, 2028"))
    expect(rows.nth(0)).to_contain_text(WORDS["bills"]["prices_base"])
    expect(page.get_by_test_id("first-year-total")).to_have_text(show(q.first_year_total))
    # The bill on D rests on the rule that a quote holds its prices: its marker is there.
    expect(rows.nth(0).locator('a[data-rule="quote_holds_price"]')).to_have_count(1)


@pytest.fixture
def built_yesterday(monkeypatch) -> date:
    """The build's day one day behind the browser's, as in a run that crosses midnight."""
    day = date.today() - timedelta(days=1)
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()))
    )
    return day


def test_pages_count_from_the_build_day_when_a_run_crosses_midnight(built_yesterday, page, site_url):
    """The browser's today is the build's (conftest's `new_context`): pages and the tests' quotes
    count from one day even when the run crosses midnight (two tests compared days a day apart then)."""
    page.goto(f"{site_url}/estimator/")
    assert page.evaluate("new Date().toLocaleDateString('sv')") == built_yesterday.isoformat()
    expect(page.get_by_test_id("change-date")).to_have_value(built_yesterday.isoformat())
