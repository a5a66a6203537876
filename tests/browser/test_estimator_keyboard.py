"""The estimator by keyboard and on a phone (issue 20, items 6 and 9): the form's button and
Enter, the mode switch, the date field, every Tab stop visible, the summary bar clear of the
first field."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import both_builders
from focus import FOCUSED
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


PHONE = {"width": 375, "height": 800}


def tab_walk(page, limit=120) -> list[dict]:
    """Every Tab stop from the top of the page until focus leaves it (or comes round again)."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop == stops[0]):
            return stops
        stops.append(stop)
    raise AssertionError("Tab never left the page")


@both_builders
def test_every_tab_stop_at_phone_width_is_visible(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    # An estimate with a second option: the results, the options' fields and the actions take stops too.
    page.goto(f"{site_url}/estimator/?jira=12&confluence=40&opt2.jira=600", wait_until="networkidle")
    stops = tab_walk(page)
    assert len(stops) > 20
    hidden = [s for s in stops if not (s["width"] > 0 and s["height"] > 0 and s["visible"])]
    assert hidden == []
    # Each stop is brought inside the window, across and down.
    outside = [
        s
        for s in stops
        if s["left"] < 0 or s["right"] > PHONE["width"] + 1 or s["bottom"] <= 0 or s["top"] >= s["inner"]
    ]
    assert outside == []
    context.close()


def test_the_date_of_the_change_is_one_tab_stop_with_its_format_shown(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/estimator/?jira=12")
    page.get_by_test_id("customer").focus()
    page.keyboard.press("Tab")
    date = page.get_by_test_id("change-date")
    expect(date).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("users-jira")).to_be_focused()  # the next field, not a part of the date
    expect(page.locator("#gc-date-hint")).to_contain_text(word("estimator_form.date_format").split(",")[0])
    # Typed in that one field, the date is the address's date= and the estimate's quote-date.
    day = date.input_value()
    date.fill("")
    date.press_sequentially(day)
    page.wait_for_function(f"location.search.includes('date={day}')")
    expect(page.get_by_test_id("quote-date")).to_have_attribute("data-value", day)


def test_the_mode_switch_works_by_arrow_keys_as_its_hint_says(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/estimator/")
    hint = page.locator("#" + page.locator("fieldset.gc-mode").get_attribute("aria-describedby"))
    expect(hint).to_have_text(word("site.estimator.mode_hint"))
    page.get_by_test_id("mode-new").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_test_id("mode-change")).to_be_checked()
    expect(page.locator("#gc-estimator")).to_have_attribute("data-mode", "change")
    expect(page.get_by_test_id("current-users-jira")).to_be_visible()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_test_id("mode-new")).to_be_checked()
    expect(page.get_by_test_id("current-users-jira")).to_be_hidden()
    # One Tab stop for the pair: Tab leaves it for the next field.
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("customer")).to_be_focused()


OVERLAP = """() => {
  const bar = document.querySelector('.gc-summary').getBoundingClientRect();
  const shown = (r) => r.bottom > 0 && r.top < innerHeight;
  return ['.gc-mode', 'label[for=gc-customer]', '#gc-customer-hint', '#gc-customer'].filter((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return shown(bar) && shown(r) && r.top < bar.bottom && bar.top < r.bottom;
  });
}"""


def test_the_summary_bar_leaves_the_first_fields_clear_on_first_load(page, site_url):
    # Phones 375 pixels wide, of every height from short to tall: nothing of "What do you want to
    # estimate?" or "Who is buying?" lies under the summary bar when the page opens.
    for height in range(560, 1081, 40):
        page.set_viewport_size({"width": 375, "height": height})
        page.goto(f"{site_url}/estimator/")
        assert page.evaluate(OVERLAP) == [], height
    # Once answers are typed the bar follows the window again, figures in sight.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("users-jira").fill("12")
    expect(page.get_by_test_id("summary-due-now")).not_to_be_empty()
    assert page.locator('[data-gc="summary"]').evaluate("e => e.getBoundingClientRect().bottom <= innerHeight + 1")
