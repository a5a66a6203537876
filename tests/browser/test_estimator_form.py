"""Fixes from the estimator's user test, each checked in Chromium on the built site:
readable buttons on hover and focus, a summary that stays in sight, today's price in
a change, no problems reported before a field is used and no jump when they are,
totals with no priced line, one explanation per row, printouts that stand alone,
and the renewal date kept in the link."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from estimator_hooks import expected_hooks, type_scenario
from govcloud.calc.quote import quote
from govcloud.load.loading import load_catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.render.present import long_date
from govcloud.words.vocabulary import WORDS, word

CATALOG = load_catalog()
CONTACT = CATALOG.contacts.government.name
TODAY = datetime(2026, 11, 26, 15, 30)
CHANGE = Scenario.model_validate(
    {
        "current": {"jira": {"users": 480, "instances": 2}, "confluence": {"users": 30}},
        "proposed": {"jira": {"users": 520, "instances": 3}, "jsm": {"users": 20, "instances": 900}},
        "days_remaining": 120,
    }
)

# WCAG contrast of an element's text against what is painted behind it (its own
# background composited over its ancestors'), after any colour transition ends.
CONTRAST = """async (e) => {
    await Promise.all(e.getAnimations().map(a => a.finished));
    const rgba = c => { const p = c.match(/[\\d.]+/g).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
    const layers = [];
    for (let n = e; n; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let back = [255, 255, 255];
    for (const c of layers.reverse()) back = back.map((v, i) => c[i] * c[3] + v * (1 - c[3]));
    const f = rgba(getComputedStyle(e).color);
    const fore = back.map((v, i) => f[i] * f[3] + v * (1 - f[3]));
    const linear = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const lum = c => { const [r, g, b] = c.map(linear); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const a = lum(fore), b = lum(back);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_action_buttons_readable_on_hover_and_focus(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/estimator/?{estimator_query(CHANGE)}")
    buttons = page.locator(".gc-actions button")
    expect(buttons).to_have_count(5)
    for i in range(5):
        button = buttons.nth(i)
        button.scroll_into_view_if_needed()
        page.mouse.move(0, 0)
        assert button.evaluate(CONTRAST) >= 4.5, f"button {i} at rest"
        button.hover()
        assert button.evaluate(CONTRAST) >= 4.5, f"button {i} hovered"
        page.mouse.move(0, 0)
        # Keyboard focus, so that :focus-visible applies.
        (buttons.nth(i - 1) if i else page.locator('[data-gc="why"] summary')).focus()
        page.keyboard.press("Tab")
        assert button.evaluate("e => e === document.activeElement && e.matches(':focus-visible')")
        assert button.evaluate(CONTRAST) >= 4.5, f"button {i} focused"
    context.close()


def test_action_buttons_fit_one_row_at_desktop_width(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/estimator/?{estimator_query(CHANGE)}")
    tops = page.locator(".gc-actions button").evaluate_all("bs => bs.map(b => b.getBoundingClientRect().top)")
    assert len(tops) == 5 and len(set(tops)) == 1, tops


@pytest.mark.parametrize("width,height", [(1280, 800), (360, 740)])
def test_summary_stays_in_sight_while_typing(page, site_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{site_url}/estimator/")
    summary = page.locator('[data-gc="summary"]')
    type_scenario(page, CATALOG, CHANGE)
    want = expected_hooks(CATALOG, CHANGE)
    expect(page.get_by_test_id("summary-due-now")).to_have_text(want["due-now-total"]["text"])
    # Beside what is due now, what the next term's days bring, never a sum of bills on other dates.
    expect(page.get_by_test_id("summary-first-year")).to_have_text(want["summary-first-year"]["text"])
    expect(page.get_by_test_id("summary-status")).to_contain_text(
        word("totals.incomplete", ask=word("cells.ask", contact=CONTACT))
    )
    in_view = "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    # Typing at the top of the form: the results are out of sight below, the summary is not.
    users = page.get_by_test_id("users-jira")
    users.fill("")
    users.press_sequentially(str(CHANGE.proposed["jira"].users))
    expect(page.get_by_test_id("summary-due-now")).to_have_text(want["due-now-total"]["text"])
    assert page.locator("#gc-results-title").evaluate("e => e.getBoundingClientRect().top > innerHeight")
    assert summary.evaluate(in_view)
    # A field reached by Tab is not hidden under the summary.
    page.get_by_test_id("users-jsm").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getBoundingClientRect().bottom")
    assert focused <= summary.evaluate("e => e.getBoundingClientRect().top") + 1
    page.get_by_role("link", name="See the full estimate").click()
    expect(page.locator("#gc-results-title")).to_be_in_viewport()


def test_change_shows_what_is_paid_today(page, site_url):
    page.goto(f"{site_url}/estimator/?{estimator_query(CHANGE)}")
    cols = WORDS["columns"]
    expect(page.locator(".gc-table thead th").first).to_be_attached()
    expect(page.locator('[data-gc="head"] th')).to_have_text(
        [cols[k] for k in ("product", "change", "today", "tier", "annual", "due_now")]
    )
    # Worked by hand from the price book: Jira's 480 users sit in its 500-user tier, Confluence's 30 in its 50.
    tiers = {p.key: {t.users: t.annual for t in p.tiers} for p in CATALOG.products}
    expect(page.get_by_test_id("today-tier-jira")).to_have_text("500 users")
    expect(page.get_by_test_id("today-jira")).to_have_text(f"${tiers['jira'][500]:,.2f}")
    expect(page.get_by_test_id("today-jsm")).to_have_text("—")
    expect(page.get_by_test_id("today-tier-confluence")).to_have_text("50 users")
    expect(page.get_by_test_id("today-confluence")).to_have_text(f"${tiers['confluence'][50]:,.2f}")
    # Every line says its yearly difference in words: the cancel its saving, the upgrade its cost.
    expect(page.get_by_test_id("difference-confluence")).to_have_text(
        word("difference.less", amount=f"${tiers['confluence'][50]:,.2f}")
    )
    expect(page.get_by_test_id("difference-jira")).to_have_text(
        word("difference.more", amount=f"${tiers['jira'][1000] - tiers['jira'][500]:,.2f}")
    )
    # Today's total beside the new one.
    expect(page.get_by_test_id("today-annual-total")).to_have_text(
        f"${tiers['jira'][500] + tiers['confluence'][50]:,.2f}"
    )
    # A new purchase has no today column.
    page.goto(f"{site_url}/estimator/?jira=10")
    expect(page.locator('[data-gc="head"] th:visible')).to_have_count(5)
    expect(page.get_by_test_id("today-jira")).to_have_count(0)


def test_no_problem_shown_before_a_field_is_used_and_no_jump(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/estimator/")
    summary = page.locator('[data-gc="error-summary"]')
    page.get_by_test_id("mode-change").check()
    expect(summary).to_be_hidden()
    expect(page.locator(".gc-field--error")).to_have_count(0)
    # Today's users alone: the "after" field starts from them, nothing is an upgrade, no days are asked.
    field = page.get_by_test_id("current-users-jira")
    field.focus()
    top = field.evaluate("e => e.getBoundingClientRect().top")
    field.press_sequentially("480")
    expect(page.get_by_test_id("users-jira")).to_have_value("480")
    expect(page.get_by_test_id("change-jira")).to_have_attribute("data-value", "unchanged")
    expect(summary).to_be_hidden()
    assert abs(field.evaluate("e => e.getBoundingClientRect().top") - top) < 1
    # A bad value is reported once the field is left, not while it is typed; nothing jumps then either.
    users = page.get_by_test_id("users-jira")
    users.fill("")
    users.focus()
    top = users.evaluate("e => e.getBoundingClientRect().top")
    users.press_sequentially("1.5")
    page.wait_for_timeout(200)
    expect(page.locator("#gc-users-jira-error")).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.locator("#gc-users-jira-error")).to_contain_text("Jira users must be a whole number")
    nxt = page.get_by_test_id("instances-jira")
    expect(nxt).to_be_focused()
    # Fixing it while back in the field removes the message without moving the field.
    users.focus()
    top = users.evaluate("e => e.getBoundingClientRect().top")
    users.fill("520")
    expect(page.locator("#gc-users-jira-error")).to_be_hidden()
    assert abs(users.evaluate("e => e.getBoundingClientRect().top") - top) < 1


def test_export_reports_every_problem_left(page, site_url):
    page.goto(f"{site_url}/estimator/?jira=10")
    page.get_by_test_id("users-confluence").fill("abc")  # typed, not left
    expect(page.locator('[data-gc="error-summary"]')).to_be_hidden()
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Download scenario (YAML)").click()
    expect(page.locator('[data-gc="error-summary"]')).to_contain_text("Confluence users must be a whole number")
    # ...and hands over nothing: the last good figures (Jira alone) are not what the form says.
    expect(page.locator('[data-gc="action-status"]')).to_contain_text("Nothing was copied or saved")
    page.get_by_role("button", name="Download CSV").click()
    page.wait_for_load_state()
    assert downloads == []


def test_total_with_no_priced_line_says_whom_to_ask(page, site_url):
    top = CATALOG.products[0].tiers[-1].users
    page.goto(f"{site_url}/estimator/?jira={top + 1}&jira.instances={CATALOG.max_instances + 1}")
    for hook in ("annual-total", "due-now-total", "summary-first-year", "summary-due-now", "annual-jira"):
        expect(page.get_by_test_id(hook)).to_have_text(f"Ask {CONTACT}")
    expect(page.locator('[data-gc="foot"] th')).to_have_text(WORDS["totals"]["total"])
    assert "$0.00" not in page.locator("#gc-estimator").inner_text()
    # With a priced line as well, the total says it covers the priced lines only.
    page.goto(f"{site_url}/estimator/?jira={top + 1}&confluence=10")
    expect(page.locator('[data-gc="foot"] th')).to_have_text(WORDS["totals"]["priced_only"])


def test_each_row_explains_itself_once(page, site_url):
    page.goto(f"{site_url}/estimator/?{estimator_query(CHANGE)}")
    table = page.locator(".gc-table").first.inner_text()
    q = quote(CATALOG, CHANGE)
    for message in q.messages:
        assert message not in table  # the quote's sentences live under "Why these figures"
    assert "None" not in table
    expect(page.get_by_test_id("change-jsm")).to_have_text(
        f"{WORDS['change']['new']}: {WORDS['change_detail']['beyond']}"
    )
    expect(page.get_by_test_id("tier-confluence")).to_have_text("—")
    why = page.locator('[data-gc="why"]')
    expect(why.locator("summary")).to_have_text("Why these figures")
    # Each sentence first, then its "to confirm" marker where it rests on an unconfirmed rule.
    assert why.locator("li > span:first-child").all_text_contents() == q.messages


def test_printout_stands_alone(page, site_url):
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{site_url}/estimator/?{estimator_query(CHANGE)}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    page.emulate_media(media="print")
    context = page.locator('[data-gc="print-context"]')
    expect(context).to_be_visible()
    for words in (
        word(
            "about.customer",
            who=CATALOG.contacts.government.who[:1].lower() + CATALOG.contacts.government.who[1:],
            contact=CONTACT,
        ),
        word("about.days", days=120, term_days=CATALOG.term_days),
        "Estimate made on November 26, 2026",
        word("messages.illustrative", contact=CONTACT),
        page.url,
    ):
        expect(context).to_contain_text(words)
    # The dated bills are printed with the table.
    expect(page.locator('[data-gc="bills"]')).to_be_visible()
    nxt = page.locator(".gc-next").inner_text()
    assert "Copy link" not in nxt and "Download scenario" not in nxt and "link printed" in nxt
    expect(page.locator('[data-gc="summary"]')).to_be_hidden()


def test_renewal_date_is_kept_in_the_link(page, site_url):
    page.clock.set_fixed_time(TODAY)
    renewal = date(2027, 3, 26)
    days = (renewal - TODAY.date()).days
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id("current-users-jira").fill("10")
    page.get_by_test_id("users-jira").fill("20")
    page.get_by_test_id("days-remaining").fill("abc")
    page.get_by_test_id("days-remaining").blur()
    expect(page.locator("#gc-days-remaining-error")).to_be_visible()
    page.get_by_test_id("renewal-date").fill(renewal.isoformat())
    # The date replaces the bad days value, and its problem goes.
    expect(page.get_by_test_id("days-remaining")).to_have_value(str(days))
    expect(page.locator("#gc-days-remaining-error")).to_be_hidden()
    # The address carries the renewal date and the date of the change, never the days left.
    expect(page).to_have_url(
        f"{site_url}/estimator/?customer=government&jira=20&current.jira=10"
        f"&renewal={renewal.isoformat()}&date={TODAY.date().isoformat()}"
    )
    # Opened again (later, the days would differ): the date is restored and wins over the days.
    page.goto(f"{site_url}/estimator/?current.jira=10&jira=20&days_remaining=100&renewal={renewal.isoformat()}")
    expect(page.get_by_test_id("renewal-date")).to_have_value(renewal.isoformat())
    expect(page.get_by_test_id("days-remaining")).to_have_value(str(days))
    expect(page.locator('[data-gc="address-notice"]')).to_contain_text(
        f"Used the renewal date {long_date(renewal)} ({days} days from today) instead of “days_remaining=100”."
    )
    expect(page.get_by_test_id("change-jira")).to_contain_text(f"prorated for {days} of")
    page.goto(f"{site_url}/estimator/?current.jira=10&jira=20&days_remaining=5&renewal=2027-02-30")
    expect(page.locator('[data-gc="address-notice"]')).to_contain_text(
        "Ignored “renewal=2027-02-30”: there is no such date."
    )
    expect(page.get_by_test_id("days-remaining")).to_have_value("5")


def test_print_unfolds_the_explanations_then_folds_them_back(page, site_url):
    page.goto(f"{site_url}/estimator/?{estimator_query(CHANGE)}")
    why = page.locator('[data-gc="why"]')
    expect(why).not_to_have_attribute("open", "")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(why).to_have_attribute("open", "")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(why).not_to_have_attribute("open", "")


@pytest.mark.parametrize("kind", ["beyond the price book", "all cancelled"])
def test_a_quote_with_no_bill_says_so_instead_of_an_empty_table(page, site_url, kind):
    """No line priced (today's 60,000 users are past the largest tier), or every product cancelled:
    no bill falls due. The page says so in a sentence, not a table of headings; the year says whom to
    ask when nothing is priced, and $0.00 when everything is cancelled (the CLI says the same)."""
    top = CATALOG.products[0].tiers[-1].users
    proposed = {"jira": {"users": 100}} if kind == "beyond the price book" else {}
    s = Scenario.model_validate(
        {"current": {"jira": {"users": top + 10_000}}, "proposed": proposed, "days_remaining": 10}
    )
    page.goto(f"{site_url}/estimator/?{estimator_query(s)}")
    expect(page.locator('[data-gc="bills-none"]')).to_have_text(WORDS["bills"]["none"])
    expect(page.locator('[data-gc="bills-none"]')).to_be_visible()
    expect(page.locator('[data-gc="bills-table"]')).to_be_hidden()
    q = quote(CATALOG, s)
    year = word("cells.ask", contact=CONTACT) if kind == "beyond the price book" else show(q.first_year_total)
    expect(page.get_by_test_id("first-year-total")).to_have_text(year)
