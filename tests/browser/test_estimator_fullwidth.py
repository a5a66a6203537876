"""Full-width digits and separators ("５００", "１，２００", what a Japanese keyboard types by
default) in every number field of the form give the estimate ASCII digits give: the same
address (ASCII) and the same figures."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.sync_api import expect

from estimator_hooks import READ_HOOKS

TODAY = datetime(2026, 11, 26, 12, tzinfo=UTC)
WIDE = str.maketrans("0123456789,", "０１２３４５６７８９，")
# (field, ASCII): a change with an upgrade (the days left) and a new product, thousands separated.
TYPED = [
    ("current-users-jira", "480"),
    ("current-instances-jira", "2"),
    ("users-jira", "1,200"),
    ("instances-jira", "3"),
    ("days-remaining", "120"),
    ("users-confluence", "200"),
]


def estimate(page, site_url: str, wide: bool) -> tuple[str, dict, object]:
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("mode-change").check()
    for testid, typed in TYPED:
        page.get_by_test_id(testid).fill(typed.translate(WIDE) if wide else typed)
        page.get_by_test_id(testid).blur()
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    expect(page.locator('#gc-estimator [id$="-error"]:visible')).to_have_count(0)
    search = page.evaluate("() => new URL(location.href).search")
    return page.url, page.evaluate(READ_HOOKS), search


def test_full_width_digits_give_the_ascii_estimate(page, site_url):
    url, hooks, search = estimate(page, site_url, wide=False)
    assert "jira=1200" in search and "current.jira=480" in search, search
    wide_url, wide_hooks, _ = estimate(page, site_url, wide=True)
    assert wide_url == url and wide_url.isascii()
    assert wide_hooks == hooks
