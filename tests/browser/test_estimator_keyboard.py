"""The estimator by keyboard and on a phone (issue 20, items 6 and 9): the form's button and
Enter, the mode switch, the date field, every Tab stop visible, the summary bar clear of the
first field."""

from __future__ import annotations

from playwright.sync_api import expect

from govcloud.words.vocabulary import word


def test_the_button_shows_problems_left_and_enter_shows_the_estimate(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/estimator/")
    page.evaluate("window.gcSamePage = true")
    page.get_by_test_id("users-jira").fill("12")
    # A problem typed but not yet left is not reported while typing; the button reports it and
    # focus goes to the summary of problems.
    page.get_by_test_id("users-confluence").fill("abc")
    summary = page.locator('[data-gc="error-summary"]')
    expect(summary).to_be_hidden()
    page.get_by_role("button", name=word("site.estimator.submit")).click()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Confluence users must be a whole number")
    # The live update goes on: fixing the field updates the address without the button.
    users = page.get_by_test_id("users-confluence")
    users.fill("40")
    page.wait_for_function("location.search.includes('confluence=40')")
    expect(summary).to_be_hidden()
    # Enter in a field: no reload (the form is not sent); focus moves to the estimate.
    users.press("Enter")
    expect(page.locator("#gc-results-title")).to_be_focused()
    assert page.evaluate("window.gcSamePage") is True
    assert "jira=12" in page.url
    expect(page.get_by_test_id("tier-confluence")).not_to_have_attribute("data-value", "")


def test_enter_before_the_page_code_loads_is_not_lost(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/estimator/")
    users = page.get_by_test_id("users-jira")
    users.focus()
    users.press_sequentially("12")
    users.press("Enter")
    expect(page.locator("#gc-results-title")).to_be_focused()
    assert "jira=12" in page.url
