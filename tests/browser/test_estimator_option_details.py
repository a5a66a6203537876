"""Every option's detail on the estimator page (issue 20, item 5): each later option's table,
bills and room in the tier under its own name, on screen and on paper; the tier chart and its
"Room in the tier" say which option they are for and mark any of them; a new option in a
change starts from today's holdings. Figures from govcloud (Python) for the same scenarios."""

from __future__ import annotations

from macros.compare import options_query
from playwright.sync_api import expect

from govcloud.calc.quote import quote
from govcloud.calc.room import room, say
from govcloud.load.loading import load_catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.words.vocabulary import word

CATALOG = load_catalog()
SHARED = {"customer": "government", "current": {"jira": {"users": 480}}, "days_remaining": 120, "date": "2026-12-01"}
OPTIONS = [
    ("Stay at 500 users", {"jira": {"users": 500}}),
    ("Go to 1,000 now", {"jira": {"users": 1000}}),
    ("Go to 1,000 and add Confluence", {"jira": {"users": 1000}, "confluence": {"users": 200}}),
]


def room_lines(q) -> list[str]:
    """Room in the tier as `govcloud quote` says it for the same quote."""
    return [say(CATALOG, r, q.contact) for r in room(CATALOG, q)]


def scenario(proposed: dict) -> Scenario:
    return Scenario.model_validate({**SHARED, "proposed": proposed})


def address() -> str:
    return options_query([(name, scenario(p)) for name, p in OPTIONS])


def test_every_option_has_its_detail_under_its_name_on_screen_and_on_paper(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/estimator/?{address()}")
    names = [n for n, _ in OPTIONS]
    expect(page.locator('[data-gc="details"]')).to_have_text(word("options.details", name=names[0]))
    for n, (name, proposed) in enumerate(OPTIONS[1:], start=2):
        q = quote(CATALOG, scenario(proposed))
        detail = page.get_by_test_id(f"opt{n}-detail")
        expect(detail.locator("h3")).to_have_text(word("options.details", name=name))
        hook = lambda h: page.get_by_test_id(f"opt{n}-detail-{h}")  # noqa: B023, E731
        for line in q.lines:
            expect(hook(f"change-{line.product}")).to_have_attribute("data-value", line.change)
            expect(hook(f"annual-{line.product}")).to_have_text(show(line.annual))
        expect(hook("annual-total")).to_have_text(show(q.annual_total))
        expect(hook("due-now-total")).to_have_text(show(q.due_now_total))
        expect(hook("first-year-total")).to_have_text(show(q.first_year_total))
        expect(hook("bill-0")).to_have_text(show(q.bills[0].amount))
        room = detail.locator(".gc-ladder-where li")
        expect(room).to_have_text(room_lines(q))
    # Ids stay unique with the copies.
    assert page.evaluate("""() => { const ids = Array.from(document.querySelectorAll('[id]'), (e) => e.id);
                                    return ids.length === new Set(ids).size; }""")
    page.emulate_media(media="print")
    for n in (2, 3):
        expect(page.get_by_test_id(f"opt{n}-detail")).to_be_visible()
        expect(page.get_by_test_id(f"opt{n}-detail-first-year-total")).to_be_visible()


def test_the_tier_chart_says_which_option_it_marks_and_marks_any(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/estimator/?{address()}")
    chooser = page.get_by_test_id("ladder-option")
    names = [n for n, _ in OPTIONS]
    expect(chooser.locator("option")).to_have_text(names)
    expect(page.get_by_label(word("ladder.choose"))).to_have_value("0")
    first = quote(CATALOG, scenario(OPTIONS[0][1]))
    expect(page.locator("[data-ladder-room] li")).to_have_text(room_lines(first))
    chooser.select_option(label=names[2])
    last = quote(CATALOG, scenario(OPTIONS[2][1]))
    expect(page.locator("[data-ladder-room] li")).to_have_text(room_lines(last))
    confluence = next(line for line in last.lines if line.product == "confluence")
    expect(page.locator('[data-ladder-where] li[data-product="confluence"]')).to_contain_text(
        word("ladder.estimate", tier=f"{confluence.tier:,}")
    )
    # The chart's marks follow: Confluence's estimate tier is marked on its line.
    marked = page.locator(
        f'svg[role=img] [data-product="confluence"] [data-users="{confluence.tier}"].gc-ladder-at-estimate'
    )
    expect(marked.first).to_be_attached()


def started(page) -> None:
    """The page code has taken the form over. These pages open with an estimate in the address, which
    the page code fills in when it comes: a clean-clone run once saw check() find a box unticked
    right after its click, in that moment. These tests are about options, not about that moment, so
    they start from the page code."""
    page.wait_for_function("() => window.govcloud.estimator !== undefined")


def test_a_new_option_in_a_change_starts_from_todays_holdings(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(
        f"{site_url}/estimator/?current.jira=480&current.jira.instances=2&jira=600&current.confluence=30&days_remaining=120"
    )
    started(page)
    page.get_by_test_id("cancel-confluence").check()
    page.get_by_test_id("option-add").click()
    expect(page.get_by_test_id("opt2-users-jira")).to_have_value("480")
    expect(page.get_by_test_id("opt2-instances-jira")).to_have_value("2")
    expect(page.get_by_test_id("opt2-users-confluence")).to_have_value("30")
    expect(page.get_by_test_id("opt2-cancel-confluence")).not_to_be_checked()
    expect(page.get_by_test_id("opt2-detail-change-jira")).to_have_attribute("data-value", "unchanged")


def test_a_new_option_in_a_first_purchase_starts_from_option_1(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/estimator/?jira=600")
    started(page)
    page.get_by_test_id("option-add").click()
    expect(page.get_by_test_id("opt2-users-jira")).to_have_value("600")
