"""Issue 18 on the estimator page: the date of the change (D) and links that keep their meaning.
A link made with days left and opened a month later shows the same figures; an old link with
only `days_remaining` counts from the day it is opened and says so; an estimate whose quote
would no longer hold says that too. The browser's clock is moved with Playwright's `page.clock`."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from estimator_hooks import READ_HOOKS
from govcloud.load.loading import load_catalog
from govcloud.render.present import long_date

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
