"""The estimator's problems and notices read as plain sentences (option names, the
cancel box, copying, the renewal date, thousands separators), checked in Chromium on
the built site: each expected sentence is the vocabulary's template filled, or the
page's own label read from the page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from govcloud.load.loading import load_catalog
from govcloud.render.present import long_date
from govcloud.words.vocabulary import word

CATALOG = load_catalog()
TODAY = datetime(2026, 11, 26, 15, 30)
JIRA = CATALOG.products[0]


def tier_for(users: int) -> int:
    return next(t.users for t in JIRA.tiers if t.users >= users)


def error_of(page, testid: str):
    return page.locator(f"#{page.get_by_test_id(testid).get_attribute('id')}-error")


def label_of(page, testid: str) -> str:
    box = page.get_by_test_id(testid)
    return page.locator(f'label[for="{box.get_attribute("id")}"]').inner_text()


def test_an_emptied_option_name_reads_as_one_sentence(page, site_url):
    page.goto(f"{site_url}/estimator/?{JIRA.key}=20")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()  # the page code is running
    page.get_by_test_id("option-add").click()
    expect(page.get_by_test_id("opt2-name")).to_be_focused()
    page.get_by_test_id("opt2-name").fill("")
    page.get_by_test_id("opt2-name").blur()
    expected = word("problems.field", what="Name of option 2", problem=word("options.name_missing"))
    expect(error_of(page, "opt2-name")).to_contain_text(expected)
    assert expected.startswith("Name of option 2 must ")


def test_an_emptied_after_field_names_the_cancel_box_that_is_there(page, site_url):
    page.goto(f"{site_url}/estimator/?current.{JIRA.key}=10&{JIRA.key}=20&days_remaining=100")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()  # the page code is running
    page.get_by_test_id("option-add").click()
    expect(page.get_by_test_id("opt2-name")).to_be_focused()
    for prefix, what in (
        ("", f"{JIRA.name} users"),
        ("opt2-", f"{word('options.default_name', n=2)}: {JIRA.name} users"),
    ):
        field = page.get_by_test_id(f"{prefix}users-{JIRA.key}")
        field.fill("")
        field.blur()
        label = label_of(page, f"{prefix}cancel-{JIRA.key}")
        expect(error_of(page, f"{prefix}users-{JIRA.key}")).to_contain_text(
            word("problems.users_after_missing", what=what, cancel=label)
        )
    # Option 2's box is not option 1's: each message names its own.
    assert label_of(page, f"opt2-cancel-{JIRA.key}") != label_of(page, f"cancel-{JIRA.key}")


def test_a_refused_copy_ends_as_a_sentence(page, site_url):
    page.goto(f"{site_url}/estimator/?{JIRA.key}=20")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    page.get_by_test_id(f"users-{JIRA.key}").fill("abc")
    expect(page.locator('[data-gc="stale"]')).to_be_visible()  # the figures shown are the last complete ones
    page.get_by_role("button", name="Copy link").click()
    status = page.locator('[data-gc="action-status"]')
    expect(status).to_contain_text("Nothing was copied or saved")
    said = status.inner_text()
    assert said.endswith(".") and "(" not in said, said


def test_the_renewal_hint_says_today_and_one_day_plainly(page, site_url):
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{site_url}/estimator/?current.{JIRA.key}=10&{JIRA.key}=20")
    hint = page.locator("#gc-renewal-hint .gc-hint-text")
    today = TODAY.date()
    page.get_by_test_id("renewal-date").fill(today.isoformat())
    expect(hint).to_have_text("That is today.")
    page.get_by_test_id("renewal-date").fill((today + timedelta(days=1)).isoformat())
    expect(hint).to_have_text("That is 1 day from today.")
    page.get_by_test_id("renewal-date").fill((today + timedelta(days=2)).isoformat())
    expect(hint).to_have_text("That is 2 days from today.")
    # The days count from the date of the change: another day than today is named as such.
    page.get_by_test_id("change-date").fill((today + timedelta(days=1)).isoformat())
    expect(hint).to_have_text("That is 1 day after the date of the change.")
    page.get_by_test_id("change-date").fill((today + timedelta(days=2)).isoformat())
    expect(hint).to_have_text("That is the date of the change.")
    # The format stays in sight beside it.
    expect(page.locator("#gc-renewal-hint")).to_contain_text("YYYY-MM-DD")


def test_the_renewal_notice_writes_the_date_as_the_page_does(page, site_url):
    page.clock.set_fixed_time(TODAY)
    renewal = date(2027, 3, 26)
    days = (renewal - TODAY.date()).days
    page.goto(f"{site_url}/estimator/?current.{JIRA.key}=10&{JIRA.key}=20&days_remaining=5&renewal={renewal}")
    notice = page.locator('[data-gc="address-notice"]')
    expect(notice).to_contain_text(f"Used the renewal date {long_date(renewal)} ({days} days from today)")
    assert renewal.isoformat() not in notice.inner_text()


def test_days_left_in_a_new_purchase_link_are_ignored_with_a_notice(page, site_url):
    page.goto(f"{site_url}/estimator/?{JIRA.key}=10&days_remaining=10")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    notice = page.locator('[data-gc="address-notice"]')
    expect(notice).to_contain_text("Ignored “days_remaining=10”")
    expect(notice).to_contain_text("new purchase")
    expect(page.get_by_test_id("mode-new")).to_be_checked()
    # The link written back is the purchase's alone.
    page.get_by_test_id(f"users-{JIRA.key}").fill("11")
    expect(page.get_by_test_id(f"users-{JIRA.key}")).to_have_value("11")
    page.wait_for_function("() => location.search.includes('=11')")
    assert "days_remaining" not in dict(parse_qsl(urlsplit(page.url).query))


@pytest.mark.parametrize("typed, users", [("1 200", 1200), ("12\u00a0000", 12000), ("1\u202f500", 1500)])
def test_a_space_separates_thousands_as_a_comma_does(page, site_url, typed, users):
    page.goto(f"{site_url}/estimator/")
    field = page.get_by_test_id(f"users-{JIRA.key}")
    field.fill(typed)
    field.blur()
    expect(error_of(page, f"users-{JIRA.key}")).to_be_hidden()
    expect(page.get_by_test_id(f"tier-{JIRA.key}")).to_contain_text(f"{tier_for(users):,}")
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('{JIRA.key}') === '{users}'")
