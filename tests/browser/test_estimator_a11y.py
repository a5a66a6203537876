"""Accessibility of the estimator: no axe violations (WCAG 2.1 A and AA) in either
colour scheme, with results and with errors shown, and the whole flow by keyboard
with the focus always visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe_checks import violations
from conftest import both_builders
from estimator_hooks import expected_hooks
from govcloud.load.loading import load_catalog
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query

# A change with every kind of line on show: upgrade, new, cancel and one beyond the price book.
SHOWCASE = Scenario.model_validate(
    {
        "current": {"jira": {"users": 480, "instances": 2}, "confluence": {"users": 30}},
        "proposed": {"jira": {"users": 520, "instances": 3}, "jsm": {"users": 20, "instances": 900}},
        "days_remaining": 120,
    }
)


@both_builders
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)  # Material keeps a chosen palette per context
    page = context.new_page()
    page.goto(f"{site_url}/estimator/?{estimator_query(SHOWCASE)}&unknown=1")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    want = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == want
    assert violations(page) == [], "with results"
    # (Confluence is cancelled in SHOWCASE: its "after" fields are set aside, so today's instances instead.)
    for testid, typed in (
        ("users-jira", "1.5"),
        ("days-remaining", "999"),
        ("current-instances-confluence", "0"),
        ("renewal-date", "2000-01-01"),
    ):
        page.get_by_test_id(testid).fill(typed)
        page.get_by_test_id(testid).blur()  # problems are reported once the field is left
    expect(page.locator('[data-gc="error-summary"]')).to_be_visible()
    expect(page.locator('[data-gc="stale"]')).to_be_visible()
    assert violations(page) == [], "with errors"
    context.close()


FOCUS_SHOWN = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    return ring || (s.boxShadow && s.boxShadow !== 'none');
}"""
WHERE = """() => { const e = document.activeElement;
    return {testid: e.dataset.testid || null, action: e.dataset.action || null,
            inside: !!e.closest('#gc-estimator'), tag: e.tagName, id: e.id}; }"""


@both_builders
def test_whole_flow_by_keyboard(page, site_url):
    catalog = load_catalog()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/estimator/")
    typed = {
        "days-remaining": "120",
        "current-users-jira": "480",
        "current-instances-jira": "2",
        "users-jira": "520",
        "instances-jira": "3",
        "users-confluence": "200",
    }
    seen, done = [], False
    for _ in range(250):
        page.keyboard.press("Tab")
        at = page.evaluate(WHERE)
        if at["inside"]:
            assert page.evaluate(FOCUS_SHOWN), f"focus not visible on {at}"
            seen.append(at["testid"] or at["action"] or at["id"])
        if at["testid"] == "mode-new":
            page.keyboard.press("ArrowDown")  # radios: arrows choose
            expect(page.get_by_test_id("mode-change")).to_be_checked()
        elif at["testid"] == "customer":
            page.keyboard.press("ArrowDown")
            expect(page.get_by_test_id("customer")).to_have_value("commercial")
        elif at["testid"] in typed:
            page.keyboard.type(typed.pop(at["testid"]))
        elif at["action"] == "copy-link":
            page.keyboard.press("Enter")
            expect(page.locator('[data-gc="action-status"]')).to_have_text("Link copied.")
            done = True
            break
    assert done and not typed, (seen, typed)
    scenario = Scenario.model_validate(
        {
            "customer": "commercial",
            "current": {"jira": {"users": 480, "instances": 2}},
            "proposed": {"jira": {"users": 520, "instances": 3}, "confluence": {"users": 200}},
            "days_remaining": 120,
        }
    )
    want = expected_hooks(catalog, scenario)
    for hook, value in want.items():
        expect(page.get_by_test_id(hook)).to_have_text(value["text"])
    # The timeline is on the page: what is due now, the renewal, the new subscription's first renewal.
    timeline = page.locator('[data-gc="bills-lines"] tr')
    expect(timeline).to_have_count(3)
    shown = timeline.all_inner_texts()
    # The copied link, opened in a new page, gives the same timeline and figures.
    link = page.evaluate("navigator.clipboard.readText()")
    fresh = page.context.new_page()
    fresh.goto(link)
    expect(fresh.locator('[data-gc="bills-lines"] tr')).to_have_count(3)
    assert fresh.locator('[data-gc="bills-lines"] tr').all_inner_texts() == shown
    for hook, value in want.items():
        expect(fresh.get_by_test_id(hook)).to_have_text(value["text"])
    fresh.close()
    # Errors by keyboard: the summary's link takes the focus to the field.
    page.get_by_test_id("users-jira").fill("x")
    page.get_by_test_id("users-jira").blur()
    page.locator('[data-gc="error-summary"] a').first.focus()
    assert page.evaluate(FOCUS_SHOWN)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("users-jira")).to_be_focused()
