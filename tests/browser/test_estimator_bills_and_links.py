"""The estimator's bills and links: bills that fall on different dates are never added
into one yearly figure, links into the page keep what was typed, a downgrade or a cancel
needs no days and the page never asks for users it has, an empty "after" field is never
a cancel, today stands beside tomorrow with the yearly difference in words, and every
figure on an unconfirmed rule carries a "to confirm" marker that follows the data."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import expect

from estimator_hooks import expected_hooks
from govcloud.calc.quote import quote
from govcloud.calc.worked import load_worked
from govcloud.load.loading import load_catalog
from govcloud.model.money import show, text
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.render.present import long_date
from govcloud.words.vocabulary import WORDS, word

CATALOG = load_catalog()
WORKED = {s.id: s for s, _ in load_worked(CATALOG)}
EXAMPLE = WORKED["upgrade-and-add-product"]  # the contract's example: Jira upgraded, Confluence bought
DOWNGRADE = Scenario.model_validate({"current": {"jira": {"users": 480}}, "proposed": {"jira": {"users": 40}}})


def test_bills_on_different_dates_are_never_one_yearly_figure(page, site_url):
    """What is paid in the next 12 months is the sum of the dated bills within them, never the
    annual total shown as "each year from renewal"."""
    q = quote(CATALOG, EXAMPLE)
    page.goto(f"{site_url}/estimator/?{estimator_query(EXAMPLE)}")
    first = page.get_by_test_id("first-year-total")
    expect(first).to_have_text(show(q.first_year_total))
    expect(first).to_have_attribute("data-value", text(q.first_year_total))
    assert q.first_year_total != q.annual_total
    expect(page.get_by_test_id("summary-first-year")).to_have_text(show(q.first_year_total))
    assert "each year from renewal" not in page.locator("#gc-estimator").inner_text().lower()
    rows = page.locator('[data-gc="bills-lines"] tr')
    expect(rows).to_have_count(len(q.bills))
    assert [r.get_attribute("data-in-days") for r in rows.all()] == [str(b.in_days) for b in q.bills]
    expect(rows.nth(1).locator("th")).to_have_text(word("bills.in_days", days=EXAMPLE.days_remaining))
    # Each bill carries its date, counted from the date of the change.
    assert [page.get_by_test_id(f"bill-on-{i}").get_attribute("data-value") for i in range(len(q.bills))] == [
        b.on.isoformat() for b in q.bills
    ]
    expect(page.get_by_test_id("bill-on-1")).to_have_text(long_date(q.bills[1].on))


def test_links_into_the_page_keep_what_was_typed(page, instant_url):
    """After instant navigation, "#x" links keep the address's query: a click never reloads an empty form."""
    page.goto(f"{instant_url}/", wait_until="networkidle")
    page.locator('.md-nav a[href$="estimator/"]').first.click()
    expect(page.locator("#gc-estimator[data-ready]")).to_be_attached()
    page.evaluate("window.sameDocument = true")
    page.get_by_test_id("users-jira").fill("520")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    typed = dict(parse_qsl(urlsplit(page.url).query))
    link = page.get_by_role("link", name="See the full estimate")
    assert dict(parse_qsl(urlsplit(link.get_attribute("href")).query)) == typed
    link.click()
    expect(page.locator("#gc-results-title")).to_be_in_viewport()
    expect(page.locator("#gc-results-title")).to_be_focused()
    assert page.evaluate("window.sameDocument") is True
    expect(page.get_by_test_id("users-jira")).to_have_value("520")
    assert dict(parse_qsl(urlsplit(page.url).query)) == typed
    # The error summary's links too.
    page.get_by_test_id("users-confluence").fill("x")
    page.get_by_test_id("users-confluence").blur()
    error = page.locator('[data-gc="error-summary"] a').first
    assert "?" in error.get_attribute("href") and error.get_attribute("href").endswith("#gc-users-confluence")
    error.click()
    expect(page.get_by_test_id("users-confluence")).to_be_focused()
    expect(page.get_by_test_id("users-jira")).to_have_value("520")
    assert page.evaluate("window.sameDocument") is True


def test_a_downgrade_or_a_cancel_needs_no_days(page, site_url):
    """A downgrade or a cancel does not wait for the days left; while an upgrade waits for them,
    the page never asks for users that are entered."""
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id("current-users-jira").fill("480")
    page.get_by_test_id("users-jira").fill("40")
    page.get_by_test_id("users-jira").blur()
    want = expected_hooks(CATALOG, DOWNGRADE)
    expect(page.get_by_test_id("annual-total")).to_have_text(want["annual-total"]["text"])
    expect(page.locator('[data-gc="error-summary"]')).to_be_hidden()
    # The renewal has no date yet: the bill says so, and the first year is not known ("—").
    expect(page.get_by_test_id("first-year-total")).to_have_text(WORDS["cells"]["none"])
    expect(page.get_by_test_id("first-year-total")).to_have_attribute("data-value", "")
    # An upgrade does need them; while they are missing the page never asks for the users it has.
    page.get_by_test_id("users-jira").fill("900")
    page.get_by_test_id("users-jira").blur()
    expect(page.locator('[data-gc="error-summary"]')).to_contain_text(word("problems.days_needed_form"))
    assert "Enter the users" not in page.locator("#gc-estimator").inner_text()


def test_an_empty_after_field_is_never_a_cancel(page, site_url):
    """An emptied "after" field is a problem to fix, never a silent cancel ("saves $… a year")."""
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id("current-users-jira").fill("480")
    expect(page.get_by_test_id("users-jira")).to_have_value("480")  # starts from today's
    page.get_by_test_id("users-jira").fill("")
    page.get_by_test_id("users-jira").blur()
    expect(page.locator("#gc-users-jira-error")).to_contain_text("Cancel this product")
    # The figures shown stay those of the last complete answers (unchanged), marked out of date.
    expect(page.get_by_test_id("change-jira")).to_have_attribute("data-value", "unchanged")
    expect(page.locator('[data-gc="stale"]')).to_be_visible()
    # Cancelling is the explicit control, and the link keeps its old meaning.
    page.get_by_test_id("cancel-jira").check()
    expect(page.get_by_test_id("change-jira")).to_have_attribute("data-value", "cancel")
    expect(page.get_by_test_id("users-jira")).to_be_disabled()
    params = parse_qsl(urlsplit(page.url).query)
    assert ("current.jira", "480") in params and "jira" not in dict(params)
    page.goto(f"{site_url}/estimator/?current.jira=480&current.confluence=30&confluence=30")
    expect(page.get_by_test_id("cancel-jira")).to_be_checked()
    expect(page.get_by_test_id("change-jira")).to_have_attribute("data-value", "cancel")
    expect(page.get_by_test_id("cancel-confluence")).not_to_be_checked()


def test_today_beside_tomorrow(page, site_url):
    """A downgrade shows what it saves a year, beside a total for today."""
    q = quote(CATALOG, DOWNGRADE)
    line = q.lines[0]
    page.goto(f"{site_url}/estimator/?{estimator_query(DOWNGRADE)}")
    expect(page.get_by_test_id("difference-jira")).to_have_text(
        word("difference.less", amount=show(line.today_annual - line.annual))
    )
    expect(page.get_by_test_id("today-annual-total")).to_have_text(show(q.today_annual_total))
    expect(page.get_by_test_id("today-annual-total")).to_have_attribute("data-value", text(q.today_annual_total))
    expect(page.get_by_test_id("annual-total")).to_have_text(show(q.annual_total))


def markers(page) -> dict[str, int]:
    return page.evaluate("""() => { const out = {};
        for (const a of document.querySelectorAll('#gc-estimator .gc-confirm a[data-rule]'))
            out[a.dataset.rule] = (out[a.dataset.rule] || 0) + 1;
        return out; }""")


def test_to_confirm_markers_follow_the_data(page, site_url, upgrade_confirmed_site, _servers):
    """Figures on unconfirmed rules carry a "to confirm" marker; confirming a rule in the data
    removes its markers."""
    page.goto(f"{site_url}/estimator/?{estimator_query(EXAMPLE)}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    found = markers(page)
    assert found.get("upgrade", 0) > 0 and found.get("new_subscription_term", 0) > 0, found
    due = page.locator('[data-testid="due-now-jira"] + .gc-confirm a')
    expect(due).to_have_attribute("href", "../sources/#rule-upgrade")
    # The marker leads to the rule's explanation on the site.
    due.click()
    expect(page.locator("#rule-upgrade")).to_be_visible()
    # The same site with the upgrade rule confirmed: its markers are gone, the others stay.
    page.goto(f"{_servers(upgrade_confirmed_site)}/estimator/?{estimator_query(EXAMPLE)}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    after = markers(page)
    assert "upgrade" not in after and after.get("new_subscription_term") == found["new_subscription_term"]
