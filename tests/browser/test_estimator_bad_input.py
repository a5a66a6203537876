"""Hostile and mistaken input, typed into fields and put in the address: each gets a
clear message, and none breaks the page, runs code or adds an element."""

from __future__ import annotations

from urllib.parse import quote as urlquote

import pytest
from playwright.sync_api import expect

from estimator_hooks import BROKEN
from govcloud.load.loading import load_catalog
from govcloud.words.vocabulary import word

CATALOG = load_catalog()
TERM = CATALOG.term_days
CONTACT = CATALOG.contacts.government.name
WHOLE = "Jira users must be a whole number"


def field(what: str, problem: str, **values) -> str:
    """A problem as the form shows it: the vocabulary's words, as the CLI's for files."""
    return word("problems.field", what=what, problem=word(f"problems.{problem}", **values))


# (field, what is typed, what the message next to the field says); None: accepted as the number shown.
TYPED = [
    ("users-jira", "0", field("Jira users", "at_least", min=1)),
    ("users-jira", "-1", field("Jira users", "at_least", min=1)),
    ("users-jira", "1.5", WHOLE),
    ("users-jira", "1e3", WHOLE),
    ("users-jira", "١٢", "Jira users must be written with the digits 0 to 9"),
    ("users-jira", "𝟗", "Jira users must be written with the digits 0 to 9"),
    ("users-jira", "100000000000000000000", field("Jira users", "too_large", contact=CONTACT)),
    ("users-jira", "about five hundred people, give or take", WHOLE),
    ("users-jira", "<img src=x onerror=alert(1)>", WHOLE),
    ("users-jira", "<script>alert(1)</script>", WHOLE),
    ("users-jira", "12abc", WHOLE),
    ("users-jira", "1,00", WHOLE),
    ("users-jira", "Infinity", WHOLE),
    ("users-jira", "NaN", WHOLE),
    ("users-jira", "0x10", WHOLE),
    ("users-jira", "+5", WHOLE),
    ("users-jira", "null", WHOLE),
    ("instances-jira", "0", field("Jira instances", "at_least", min=1)),
    ("instances-jira", "2.0", "Jira instances must be a whole number"),
    ("instances-jira", "undefined", "Jira instances must be a whole number"),
]
# Accepted: spaces around the digits and thousands separators, as GOV.UK advises.
# Full-width digits and separators too: what a Japanese keyboard types by default.
ACCEPTED = [
    ("  12 ", "15 users"),
    ("1,000", "1,000 users"),
    ("007", "10 users"),
    ("９", "10 users"),
    ("１，２００", "1,500 users"),
]
DAYS = [
    (str(TERM + 1), field("Days left in the term", "days_at_most", term_days=TERM)),
    ("9" * 20, field("Days left in the term", "days_at_most", term_days=TERM)),
    ("-3", field("Days left in the term", "at_least", min=0)),
    ("", word("problems.days_needed_form")),
    ("12 days", "Days left in the term must be a whole number"),
]

ADDRESS = [
    ("jira=", "Ignored “jira”: it is empty."),
    ("jira=0", "Ignored “jira=0”: it must be 1 or more."),
    ("jira=-1", "Ignored “jira=-1”: it must be a whole number, 1 or more."),
    ("jira=1.5", "Ignored “jira=1.5”: it must be a whole number"),
    ("jira=1e3", "Ignored “jira=1e3”: it must be a whole number"),
    ("jira=" + urlquote("١٢"), "Ignored “jira=١٢”: it must be a whole number"),
    ("jira=" + "1" + "0" * 20, "the number is too large"),
    ("jira=" + urlquote("<img src=x onerror=alert(1)>"), "Ignored “jira=<img src=x onerror=alert(1)>”"),
    ("jira=" + urlquote("<script>alert(1)</script>"), "Ignored “jira=<script>alert(1)</script>”"),
    (urlquote("<script>alert(1)</script>") + "=1", "Ignored “<script>alert(1)</script>=1”: the estimator has no such"),
    ("bogus=1", "Ignored “bogus=1”: the estimator has no such setting."),
    ("JIRA=5", "Ignored “JIRA=5”: the estimator has no such setting."),
    ("__proto__=1", "Ignored “__proto__=1”"),
    ("constructor=1&toString=2", "Ignored “toString=2”"),
    ("jira=5&jira=7", "Ignored “jira=7”: “jira” was already given; the first one is used."),
    (f"current.jira=5&jira=5&days_remaining={TERM + 35}", f"a term has {TERM} days"),
    ("customer=alien&jira=5", "Ignored “customer=alien”: use government or commercial."),
    ("jira=5&jira.instances=abc", "Ignored “jira.instances=abc”"),
    ("jira=" + urlquote("a" * 300), "Ignored “jira=" + "a" * 40 + "…”"),
    ("jira=" + urlquote("about five hundred people"), "Ignored “jira=about five hundred people”"),
]


@pytest.fixture
def watched(page):
    """The page, with every console error, page error and dialog recorded."""
    trouble = []
    page.on("console", lambda m: m.type == "error" and trouble.append(m.text))
    page.on("pageerror", lambda e: trouble.append(str(e)))
    page.on("dialog", lambda d: (trouble.append("dialog: " + d.message), d.dismiss()))
    yield page, trouble
    assert trouble == []


def assert_unharmed(page):
    text = page.locator("#gc-estimator").inner_text()
    assert not BROKEN.search(text), BROKEN.search(text)
    # No element came from the input: no image, no script, no handler.
    assert page.evaluate("document.querySelectorAll('#gc-estimator img, #gc-estimator script, [onerror]').length") == 0


def test_typed_input(watched, site_url):
    page, _ = watched
    assert len(TYPED) + len(ACCEPTED) + len(DAYS) >= 25
    page.goto(f"{site_url}/estimator/")
    page.get_by_test_id("users-confluence").fill("10")  # a good estimate to fall back on
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    good = page.get_by_test_id("annual-total").text_content()
    for testid, typed, message in TYPED:
        if testid == "instances-jira":
            page.get_by_test_id("users-jira").fill("50")
            expect(page.locator('[data-gc="stale"]')).to_be_hidden()
            good = page.get_by_test_id("annual-total").text_content()
        page.get_by_test_id(testid).fill(typed)
        page.get_by_test_id(testid).blur()  # problems are reported once the field is left
        field = page.get_by_test_id(testid)
        field_id = field.get_attribute("id")
        error = page.locator(f"#{field_id}-error")
        expect(error).to_be_visible()
        expect(error).to_contain_text(message)
        expect(field).to_have_attribute("aria-invalid", "true")
        assert f"{field_id}-error" in field.get_attribute("aria-describedby").split()
        summary = page.locator('[data-gc="error-summary"]')
        expect(summary).to_be_visible()
        expect(summary.locator(f'a[href$="#{field_id}"]')).to_contain_text(message)
        # The last good figures stay, marked out of date.
        expect(page.locator('[data-gc="stale"]')).to_be_visible()
        expect(page.get_by_test_id("annual-total")).to_have_text(good)
        assert_unharmed(page)
        page.get_by_test_id("instances-jira").fill("")
    # Empty users with instances: the instances need their users.
    page.get_by_test_id("users-jira").fill("")
    page.get_by_test_id("instances-jira").fill("3")
    page.get_by_test_id("instances-jira").blur()
    expect(page.locator("#gc-users-jira-error")).to_contain_text(
        word("problems.users_missing", what="Jira users", other="Jira instances")
    )
    page.get_by_test_id("instances-jira").fill("")
    expect(page.locator('[data-gc="error-summary"]')).to_be_hidden()
    expect(page.locator('[data-gc="stale"]')).to_be_hidden()
    for typed, tier in ACCEPTED:
        page.get_by_test_id("users-jira").fill(typed)
        expect(page.get_by_test_id("tier-jira")).to_have_text(tier)
        expect(page.locator("#gc-users-jira-error")).to_be_hidden()
    # Over the top tier or the instance limit is valid input: the line asks for a quote.
    page.get_by_test_id("instances-jira").fill(str(CATALOG.max_instances + 1))
    expect(page.get_by_test_id("annual-jira")).to_have_text(f"Ask {CONTACT}")
    expect(page.locator('[data-gc="incomplete"]')).to_be_visible()
    page.get_by_test_id("instances-jira").fill("")
    # Everything empty: a prompt, not an error.
    page.get_by_test_id("users-jira").fill("")
    page.get_by_test_id("users-confluence").fill("")
    expect(page.locator('[data-gc="empty"]')).to_be_visible()
    expect(page.locator('[data-gc="error-summary"]')).to_be_hidden()
    # Days left, in a change.
    page.get_by_test_id("mode-change").check()
    page.get_by_test_id("current-users-jira").fill("10")
    page.get_by_test_id("users-jira").fill("15")
    for typed, message in DAYS:
        page.get_by_test_id("days-remaining").fill(typed)
        page.get_by_test_id("days-remaining").blur()
        expect(page.locator("#gc-days-remaining-error")).to_contain_text(message)
        assert_unharmed(page)
    # A link in the summary takes the keyboard to the field.
    page.locator('[data-gc="error-summary"] a').first.click()
    expect(page.get_by_test_id("days-remaining")).to_be_focused()


def test_address_input(watched, site_url):
    page, _ = watched
    assert len(ADDRESS) >= 20
    for query, notice in ADDRESS:
        page.goto(f"{site_url}/estimator/?{query}")
        box = page.locator('[data-gc="address-notice"]')
        expect(box).to_be_visible()
        expect(box).to_contain_text(notice)
        assert_unharmed(page)
    # An ignored value leaves its field empty; the good parts of the link still count.
    page.goto(f"{site_url}/estimator/?jira=5&jira.instances=abc&confluence=" + urlquote("<b>1</b>"))
    expect(page.get_by_test_id("instances-jira")).to_have_value("")
    expect(page.get_by_test_id("users-confluence")).to_have_value("")
    expect(page.get_by_test_id("tier-jira")).to_have_text("10 users")
    expect(page.get_by_test_id("tier-confluence")).to_have_count(0)
