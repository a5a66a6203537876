"""A field the estimator filled for the person (today's users copied into the "after" field)
is replaced by typing after a click or a tap, as after Tab: a caret after "480" once turned
520 into 480,520 users. A number that still looks like a slip gets a second look beside its
field, which never blocks the estimate. Real clicks at 1,280 px and real taps on a 375 px phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from axe_checks import violations
from govcloud.load.loading import load_catalog
from govcloud.words.vocabulary import word

CATALOG = load_catalog()
TOP = CATALOG.product("jira").tiers[-1].users
# The field's description names its hint and, while shown, the second look beside it.
POINTS_AT_CHECK = re.compile(r"(^| )gc-users-jira-hint .*\bgc-users-jira-check\b")
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(params=list(DEVICES))
def device(request, browser, site_url):
    context = browser.new_context(**DEVICES[request.param])
    page = context.new_page()
    page.goto(f"{site_url}/estimator/")
    press = (lambda locator: locator.tap()) if request.param == "phone" else (lambda locator: locator.click())
    yield page, press
    context.close()


def start_a_change(page, press, users: str = "480"):
    """Today's Jira users typed as a person types them: the page copies them into the "after" field."""
    press(page.get_by_test_id("mode-change"))
    today = page.get_by_test_id("current-users-jira")
    press(today)
    page.keyboard.type(users)
    expect(page.get_by_test_id("users-jira")).to_have_value(users)


def test_typing_replaces_the_prefilled_users_after_a_click_or_tap(device):
    page, press = device
    start_a_change(page, press)
    after = page.get_by_test_id("users-jira")
    press(after)
    page.keyboard.type("520")
    expect(after).to_have_value("520")
    # Editing goes on as usual after the first keystroke...
    page.keyboard.press("Backspace")
    page.keyboard.type("5")
    expect(after).to_have_value("525")
    # ...and a click into the field the person typed in places the caret, selecting nothing.
    press(page.get_by_test_id("instances-jira"))
    press(after)
    page.keyboard.press("End")
    page.keyboard.type("0")
    expect(after).to_have_value("5250")
    # Tab into a prefilled field still selects it, as the browser does.
    press(page.get_by_test_id("current-instances-jira"))
    page.keyboard.type("2")
    instances = page.get_by_test_id("instances-jira")
    expect(instances).to_have_value("2")
    press(after)
    page.keyboard.press("Tab")
    expect(instances).to_be_focused()
    page.keyboard.type("3")
    expect(instances).to_have_value("3")


def check_of(page, testid: str):
    return page.get_by_test_id(f"{testid}-check")


def test_a_jump_past_ten_times_today_gets_a_hint_beside_the_field_that_does_not_block(device):
    page, press = device
    start_a_change(page, press)
    page.get_by_test_id("days-remaining").fill("120")
    after = page.get_by_test_id("users-jira")
    press(after)
    page.keyboard.type("4801")  # more than 10 x 480 = 4,800
    note = check_of(page, "users-jira")
    expect(note).to_be_visible()
    expect(note).to_have_text(word("estimator_form.check_jump", users="4,801", times="10", today="480"))
    expect(after).to_have_attribute("aria-describedby", POINTS_AT_CHECK)
    # Not a problem: no error, and the estimate is there (the 5,000-user tier's).
    expect(page.locator("#gc-users-jira-error")).to_be_hidden()
    tier = CATALOG.product("jira").tiers[
        next(i for i, t in enumerate(CATALOG.product("jira").tiers) if t.users >= 4801)
    ]
    expect(page.get_by_test_id("tier-jira")).to_have_attribute("data-value", str(tier.users))
    assert violations(page) == []
    # Back within ten times: the hint goes, and the field no longer points at it.
    page.keyboard.press("Backspace")
    page.keyboard.type("0")
    expect(after).to_have_value("4800")
    expect(note).to_be_hidden()
    expect(after).not_to_have_attribute("aria-describedby", POINTS_AT_CHECK)
    expect(after).to_have_attribute("aria-describedby", re.compile(r"\bgc-users-jira-hint\b"))


def test_past_the_largest_tier_the_hint_says_so_and_the_estimate_asks(device):
    page, press = device
    press(page.get_by_test_id("mode-new"))
    field = page.get_by_test_id("users-jira")
    press(field)
    page.keyboard.type(str(TOP + 1))
    note = check_of(page, "users-jira")
    expect(note).to_have_text(word("estimator_form.check_beyond", users=f"{TOP + 1:,}", top=f"{TOP:,}"))
    expect(field).to_have_attribute("aria-describedby", POINTS_AT_CHECK)
    expect(page.get_by_test_id("tier-jira")).to_have_text(word("cells.ask", contact=CATALOG.contacts.government.name))
    assert violations(page) == []
    page.keyboard.press("Backspace")
    expect(note).to_be_hidden()
    expect(field).not_to_have_attribute("aria-describedby", POINTS_AT_CHECK)
