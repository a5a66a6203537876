"""The Japanese site in Chromium: the language selector keeps the page, its estimate and
its section; Material's search finds Japanese words; no Japanese page is wider than a
375-pixel screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe_checks import violations
from conftest import both_builders
from estimator_hooks import READ_HOOKS
from harness import PAGES, visit

# A change with an upgrade and a new product: every figure of the estimate depends on the query.
QUERY = "customer=government&jira=520&jira.instances=3&current.jira=480&current.jira.instances=2&confluence=200&days_remaining=120"


def values(hooks: dict) -> dict:
    """The figures of the estimate (data-value), which do not depend on the language."""
    return {k: v["value"] for k, v in hooks.items() if v["value"] is not None}


def follow_language(page, lang: str) -> None:
    """Open the language selector (it shows on hover) and follow the link to `lang`."""
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()


@both_builders
def test_switching_language_keeps_the_estimate(browser, instant_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{instant_url}/estimator/?{QUERY}")
    expect(page.get_by_test_id("annual-total")).to_have_attribute("data-value", "32400.00")
    english = page.evaluate(READ_HOOKS)
    query = page.url.split("?", 1)[1]  # the address as the estimator writes it (the renewal as a date)
    follow_language(page, "ja")
    expect(page).to_have_url(f"{instant_url}/ja/estimator/?{query}")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_test_id("annual-total")).to_have_attribute("data-value", english["annual-total"]["value"])
    japanese = page.evaluate(READ_HOOKS)
    assert values(japanese) == values(english) and values(english)
    assert page.evaluate("() => typeof window.govcloud.quote") == "function"
    follow_language(page, "en")
    expect(page).to_have_url(f"{instant_url}/estimator/?{query}")
    expect(page.get_by_test_id("annual-total")).to_have_attribute("data-value", english["annual-total"]["value"])
    assert values(page.evaluate(READ_HOOKS)) == values(english)
    context.close()


@both_builders
def test_switching_language_keeps_the_section(browser, instant_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{instant_url}/changes/")
    anchor = page.locator("article h2[id]").first.get_attribute("id")
    page.goto(f"{instant_url}/changes/#{anchor}")
    follow_language(page, "ja")
    expect(page).to_have_url(f"{instant_url}/ja/changes/#{anchor}")
    expect(page.locator(f"article h2#{anchor}")).to_have_count(1)
    context.close()


@pytest.mark.parametrize(
    "query, expected_page", [("サブスクリプション", "/ja/subscriptions/"), ("インスタンス", "/ja/subscriptions/")]
)
def test_japanese_search_finds_the_right_page_first(browser, site_url, query, expected_page, search_ui):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/ja/", wait_until="networkidle")
    page.click(search_ui["opener"])
    # Typed as an input method writes it: the whole word at once, then a key comes up.
    page.fill(search_ui["opener"], query)
    page.keyboard.press("End")
    page.wait_for_selector(search_ui["result"])
    hrefs = page.locator(search_ui["result_links"]).evaluate_all("links => links.map(a => a.pathname)")
    context.close()
    assert hrefs and hrefs[0].startswith(expected_page), hrefs


@both_builders
def test_no_japanese_page_is_wider_than_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    wide = {}
    for path in [*PAGES, "estimator/index.html", "404.html"]:
        page.goto(f"{site_url}/ja/{path.removesuffix('index.html')}")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            wide[path] = width
    context.close()
    assert not wide, wide


@both_builders
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_japanese_home_estimator_and_products_pass_axe(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = {}
    for path in ("/ja/", f"/ja/estimator/?{QUERY}", "/ja/products/"):
        visit(page, site_url + path)
        found = violations(page)
        if found:
            problems[path] = found
    context.close()
    assert not problems, problems


@both_builders
def test_pages_log_no_error_in_either_language(browser, instant_url):
    """The themes fetch a sitemap beside each alternate link: each page's folder answers one."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: errors.append(request.url))
    for path in ("/products/", "/ja/products/", "/ja/", f"/ja/estimator/?{QUERY}"):
        page.goto(instant_url + path, wait_until="networkidle")
    context.close()
    assert not errors, errors
