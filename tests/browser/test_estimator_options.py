"""Options side by side in the estimator: adding, renaming and removing
options, the address that restores them, every export carrying them (the YAML
through the real `govcloud quote`), option 1's contract hooks unchanged, axe in
both schemes, the keyboard, a phone's width, and a hostile name shown as text.
Expected figures come from govcloud (Python) for the same scenarios."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from urllib.parse import parse_qsl, urlsplit

import pytest
from macros.compare import options_query
from playwright.sync_api import expect

from axe_checks import violations
from estimator_hooks import READ_HOOKS, copied_table, expected_hooks
from govcloud.calc.options import as_json, compare
from govcloud.calc.quote import quote
from govcloud.load.loading import load_catalog
from govcloud.model.money import show, text
from govcloud.model.names import NAME_LENGTH
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.render.present import view
from govcloud.words.vocabulary import WORDS, word

# Shared by every option, the date of the change too (its link then carries it and the renewal date).
SHARED = {"customer": "government", "current": {"jira": {"users": 480}}, "days_remaining": 120, "date": "2026-12-01"}
OPTIONS = [
    ("Stay at 500 users", {"jira": {"users": 500}}),
    ("Go to 1,000 now", {"jira": {"users": 1000}}),
    ("Go to 1,000 and add Confluence", {"jira": {"users": 1000}, "confluence": {"users": 200}}),
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def scenario(proposed: dict) -> Scenario:
    return Scenario.model_validate({**SHARED, "proposed": proposed})


def address(options=OPTIONS) -> str:
    """The documented format, as the formats page writes it (macros.compare.options_query)."""
    return options_query([(name, scenario(p)) for name, p in options])


def hooks(page) -> dict:
    return page.evaluate(READ_HOOKS)


def quoted_download(page, tmp_path) -> dict:
    """The estimator's scenario file (Download scenario), read back by `govcloud quote --json`."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Download scenario (YAML)").click()
    path = tmp_path / "options.yml"
    download.value.save_as(path)
    result = subprocess.run(
        [sys.executable, "-m", "govcloud", "quote", str(path), "--json"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def check_options(page, catalog, options=OPTIONS) -> None:
    """Each option's figures in its column's `opt<n>-` hooks; option 1's contract hooks as for it alone."""
    expect(page.get_by_test_id(f"opt{len(options)}-first-year-total")).not_to_be_empty()
    got = hooks(page)
    quotes = [quote(catalog, scenario(p)) for _, p in options]
    for n, q in enumerate(quotes, start=1):
        assert got[f"opt{n}-annual-total"]["text"] == show(q.annual_total)
        assert got[f"opt{n}-due-now-total"]["text"] == show(q.due_now_total)
        assert got[f"opt{n}-first-year-total"]["text"] == show(q.first_year_total)
        assert got[f"opt{n}-today-annual-total"]["text"] == show(q.today_annual_total)
        for line in q.lines:
            assert got[f"opt{n}-change-{line.product}"]["value"] == line.change
            if line.annual is not None:
                assert got[f"opt{n}-annual-{line.product}"]["text"] == show(line.annual)
        if n > 1:
            delta = q.annual_total - quotes[0].annual_total
            assert got[f"opt{n}-difference-annual-total"]["value"] == text(delta)
            assert got[f"opt{n}-difference-annual-total"]["text"] == ("-" if delta < 0 else "+") + show(abs(delta))
    # A figure resting on a rule still to confirm says so, in every option's column (as the CLI marks it).
    for n, (_, proposed) in enumerate(options, start=1):
        s = scenario(proposed)
        rests_on = view(catalog, s, quote(catalog, s)).total.cells["due_now"].assumptions
        mark = page.get_by_test_id(f"opt{n}-due-now-total").locator("xpath=..").locator(".gc-confirm a")
        expect(mark).to_have_count(len(rests_on))
    assert any(
        view(catalog, scenario(p), quote(catalog, scenario(p))).total.cells["due_now"].assumptions for _, p in options
    ), "the scenarios should show a mark"
    names = page.locator('[data-gc="compare-head"] th').all_text_contents()
    assert names == [name for name, _ in options]
    want = expected_hooks(catalog, scenario(options[0][1]))
    for key, value in want.items():
        assert got[key] == value, key


def test_add_rename_and_remove(page, site_url, catalog):
    page.goto(f"{site_url}/estimator/?{address(OPTIONS[:1])}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    expect(page.locator('[data-gc="compare"]')).to_be_hidden()
    live = page.locator('[data-gc="live"]')
    page.get_by_test_id("option-add").click()
    expect(page.get_by_test_id("opt2-name")).to_be_focused()
    expect(page.get_by_test_id("opt2-name")).to_have_value(word("options.default_name", n=2))
    expect(live).to_have_text(word("options.added", name=word("options.default_name", n=2), count=2))
    # In a change, a new option starts from today's holdings (not from option 1's edits); its
    # difference from option 1 is govcloud's for those holdings.
    today = SHARED["current"]["jira"]["users"]
    expect(page.get_by_test_id("opt2-users-jira")).to_have_value(str(today))
    delta = (
        quote(catalog, scenario({"jira": {"users": today}})).annual_total
        - quote(catalog, scenario(OPTIONS[0][1])).annual_total
    )
    expect(page.get_by_test_id("opt2-difference-annual-total")).to_have_text(
        ("-" if delta < 0 else "+") + show(abs(delta))
    )
    page.get_by_test_id("opt1-name").fill(OPTIONS[0][0])
    page.get_by_test_id("opt2-name").fill(OPTIONS[1][0])
    page.get_by_test_id("opt2-users-jira").fill("1000")
    expect(page.locator('fieldset[data-option="opt2"] legend')).to_have_text(
        word("options.default_name", n=2) + ": " + OPTIONS[1][0]
    )
    page.get_by_test_id("option-add").click()
    page.get_by_test_id("opt3-name").fill(OPTIONS[2][0])
    page.get_by_test_id("opt3-users-jira").fill("1000")
    page.get_by_test_id("opt3-users-confluence").fill("200")
    expect(page.get_by_test_id("option-add")).to_be_hidden()  # three at most
    check_options(page, catalog)
    query = parse_qsl(urlsplit(page.url).query)
    assert ("opt2.name", OPTIONS[1][0]) in query and ("opt3.confluence", "200") in query
    assert ("name", OPTIONS[0][0]) in query
    # Removing option 2: option 3 takes its place (and its number), focus goes to it.
    page.get_by_test_id("opt2-remove").click()
    expect(live).to_have_text(word("options.removed", name=OPTIONS[1][0], count=2))
    expect(page.get_by_test_id("opt2-name")).to_be_focused()
    expect(page.get_by_test_id("opt2-name")).to_have_value(OPTIONS[2][0])
    check_options(page, catalog, [OPTIONS[0], OPTIONS[2]])
    page.get_by_test_id("opt2-remove").click()
    expect(page.get_by_test_id("option-add")).to_be_focused()  # the last option cannot be removed
    expect(page.locator('[data-gc="compare"]')).to_be_hidden()
    # One option again: the address is the one it always was.
    assert urlsplit(page.url).query == estimator_query(scenario(OPTIONS[0][1]))


def test_old_links_keep_their_meaning(page, site_url, catalog):
    query = estimator_query(scenario(OPTIONS[1][1]))
    page.goto(f"{site_url}/estimator/?{query}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    want = expected_hooks(catalog, scenario(OPTIONS[1][1]))
    got = hooks(page)
    assert {k: got[k] for k in want} == want
    assert urlsplit(page.url).query == query
    expect(page.locator('[data-gc="compare"]')).to_be_hidden()
    expect(page.locator('[data-gc="address-notice"]')).to_be_hidden()


def test_link_round_trip_and_every_export(page, site_url, catalog, tmp_path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/estimator/?{address()}")
    check_options(page, catalog)
    names = [n for n, _ in OPTIONS]
    quotes = [quote(catalog, scenario(p)) for _, p in OPTIONS]

    page.get_by_role("button", name="Copy link").click()
    expect(page.locator('[data-gc="action-status"]')).to_have_text("Link copied.")
    link = page.evaluate("navigator.clipboard.readText()")
    fresh = page.context.new_page()
    fresh.goto(link)
    check_options(fresh, catalog)
    assert hooks(fresh) == hooks(page)
    fresh.close()

    page.get_by_role("button", name="Copy as table").click()
    expect(page.locator('[data-gc="action-status"]')).to_have_text("Table copied.")
    copied = copied_table(page)
    grid = copied["plain"].split("\n\n")[1].split("\n")
    assert grid[0] == word("options.title", count=3)
    assert grid[1].split("\t") == [""] + names
    total = next(r.split("\t") for r in grid if r.startswith(WORDS["totals"]["after"] + "\t"))
    assert total[1:] == [show(q.annual_total) for q in quotes]
    # The grid's "to confirm" marks have their footnotes right under it, and in the HTML.
    notes = copied["plain"].split("\n\n")[2].split("\n")
    assert any(" [1]" in row for row in grid)
    assert notes[0].startswith(word("assumptions.footnote", n=1, title="", summary="").split(":")[0] + ":")
    assert notes[0].replace("&", "&amp;") in copied["html"]
    for name in names:
        assert word("options.details", name=name) in copied["plain"]
        assert word("options.details", name=name) in copied["html"]

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    # One table: each option's rows named in the "Option" column; its totals, its bills, and for
    # each later option the difference from the first.
    table = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig", newline="").read())))
    files = WORDS["estimator_files"]
    records = [dict(zip(table[0], r)) for r in table[1:]]
    of = lambda kind: [r for r in records if r[files["csv_kind"]] == files[f"csv_{kind}"]]  # noqa: E731
    after = f"{WORDS['columns']['annual']} ({catalog.currency})"
    assert [(r[files["csv_option"]], r[after]) for r in of("total")] == [
        (n, text(q.annual_total)) for n, q in zip(names, quotes)
    ]
    assert [r[files["csv_option"]] for r in of("difference")] == names[1:]
    assert [r[after] for r in of("difference")] == [text(q.annual_total - quotes[0].annual_total) for q in quotes[1:]]

    # The scenario file is `govcloud quote`'s options format, accepted as it is, with the same figures.
    assert quoted_download(page, tmp_path) == as_json(compare(catalog, [(n, scenario(p)) for n, p in OPTIONS]))

    # Print: the side-by-side table is on paper.
    page.emulate_media(media="print")
    expect(page.locator('[data-gc="compare"]')).to_be_visible()
    expect(page.locator('[data-gc="compare-head"]')).to_contain_text(names[2])


def test_a_hostile_name_is_text(page, site_url):
    hostile = '<img src=x onerror="window.pwned=1">'
    page.goto(f"{site_url}/estimator/?{address([OPTIONS[0], (hostile, OPTIONS[1][1])])}")
    expect(page.get_by_test_id("opt2-name")).to_have_value(hostile)
    expect(page.locator('fieldset[data-option="opt2"] legend')).to_contain_text(hostile)
    assert page.locator("#gc-estimator img").count() == 0
    assert page.evaluate("window.pwned") is None
    # govcloud quote refuses such a name, so the page says so rather than export a file it would refuse.
    problem = word("problems.field", what="Name of option 2", problem=word("options.name_plain"))
    expect(page.locator('[data-gc="error-list"]')).to_contain_text(problem)
    # A name too long to be one is cut in the legend (the field keeps it, with its problem).
    page.goto(f"{site_url}/estimator/?{address([OPTIONS[0], ('x' * 5000, OPTIONS[1][1])])}")
    expect(page.locator('fieldset[data-option="opt2"] legend')).to_have_text(
        word("options.default_name", n=2) + ": " + "x" * NAME_LENGTH + "…"
    )


def test_a_name_that_reads_as_a_formula_stays_text_in_a_spreadsheet(page, site_url):
    """A link can name an option "=1+1" (govcloud quote accepts it: names such as "+5 users" are
    plain words). The CSV and the copied table, which spreadsheets read, carry it as text: a
    leading ' keeps it from running as a formula, while amounts stay numbers."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    formula = '=HYPERLINK("x", "y")'  # words of at most 16 characters, as every name's
    # Option 2 costs less than option 1: its difference is a negative amount.
    page.goto(f"{site_url}/estimator/?{address([OPTIONS[1], ('=1+1', OPTIONS[0][1]), (formula, OPTIONS[2][1])])}")
    expect(page.get_by_test_id("opt3-first-year-total")).not_to_be_empty()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig", newline="").read())))
    option = rows[0].index(WORDS["estimator_files"]["csv_option"])
    assert [OPTIONS[1][0], "'=1+1", "'" + formula] == list(dict.fromkeys(r[option] for r in rows[1:] if r[option]))
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if c[:1] in ("=", "@")], "a cell a spreadsheet would run"
    assert any(c.startswith("-") and c[1:].replace(".", "").isdigit() for c in cells), "a negative amount, kept"
    page.get_by_role("button", name="Copy as table").click()
    expect(page.locator('[data-gc="action-status"]')).to_have_text("Table copied.")
    copied = copied_table(page)
    assert copied["plain"].split("\n\n")[1].split("\n")[1] == "\t".join(["", OPTIONS[1][0], "'=1+1", "'" + formula])
    assert "<th>'=1+1</th>" in copied["html"] and "<th>=1+1</th>" not in copied["html"]


def test_names_are_typed_as_words_and_counts_as_numbers(page, site_url):
    """A phone shows the keyboard a field asks for: an option's name is words (a full keyboard,
    spell-checked), users and instances are numbers (once every field asked for a number pad)."""
    page.goto(f"{site_url}/estimator/?{address()}")
    expect(page.get_by_test_id("opt3-name")).to_be_visible()
    fields = page.evaluate("""() => [...document.querySelectorAll('#gc-estimator input[type=text]')]
        .map((f) => [f.id, f.getAttribute('inputmode'), f.getAttribute('spellcheck')])""")
    names = [f for f in fields if f[0].endswith("-name")]
    assert [f[0] for f in names] == ["gc-opt1-name", "gc-opt2-name", "gc-opt3-name"]
    assert all(mode is None and spell is None for _, mode, spell in names), names
    counts = [f for f in fields if "users" in f[0] or "instances" in f[0]]
    assert counts and all(mode == "numeric" for _, mode, _ in counts), counts


def test_option_problems_and_notices(page, site_url):
    page.goto(f"{site_url}/estimator/?{address(OPTIONS[:2])}&opt2.jira.instances=x&opt4.jira=5&opt2.name=again")
    notice = page.locator('[data-gc="address-notice"]')
    expect(notice).to_contain_text("Ignored “opt2.jira.instances=x”")
    expect(notice).to_contain_text("at most 3 options")
    expect(notice).to_contain_text("“opt2.name” was already given")
    page.get_by_test_id("opt2-name").fill(OPTIONS[0][0])
    page.get_by_test_id("opt2-name").blur()
    taken = word("problems.field", what="Name of option 2", problem=word("options.name_taken"))
    expect(page.locator('[data-gc="error-list"]')).to_contain_text(taken)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_three_options(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/estimator/?{address()}")
    expect(page.get_by_test_id("opt3-first-year-total")).not_to_be_empty()
    assert violations(page) == []
    context.close()


def test_keyboard_only(page, site_url, catalog):
    page.goto(f"{site_url}/estimator/?{address(OPTIONS[:1])}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    page.get_by_test_id("users-confluence").focus()

    def tab_to(testid: str, limit: int = 40) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.testid") == testid:
                return
        raise AssertionError(f"{testid} not reached by Tab")

    tab_to("option-add")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("opt2-name")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type(OPTIONS[1][0])
    tab_to("opt2-users-jira")
    page.keyboard.press("Control+A")
    page.keyboard.type("1000")
    tab_to("opt2-remove")
    assert page.evaluate("document.activeElement.textContent") == "Remove this option"
    # Every option control has a name a screen reader reads.
    for testid in ("opt1-name", "opt2-name", "opt2-users-jira", "opt2-instances-jira", "opt2-cancel-jira"):
        label = page.get_by_test_id(testid).evaluate("e => e.labels.length ? e.labels[0].textContent : ''")
        assert label.strip(), testid
    check_options(page, catalog, [(word("options.default_name", n=1), OPTIONS[0][1]), OPTIONS[1]])
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("option-add")).to_be_focused()


def test_phone_width(page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site_url}/estimator/?{address()}")
    expect(page.get_by_test_id("opt3-first-year-total")).not_to_be_empty()
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376)
        .map(e => e.outerHTML.slice(0, 200) + ' in ' + e.parentNode.outerHTML.slice(0, 300))""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, wide
    # Stacked: each figure under the row's label, its option named beside it.
    cell = page.get_by_test_id("opt3-annual-total").locator("xpath=..")
    assert OPTIONS[2][0] in cell.evaluate("e => getComputedStyle(e, '::before').content")
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_options_code_loads_only_when_used(page, site_url):
    """A visit that never compares options does not fetch their code: it weighs nothing until used."""
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path.rsplit("/", 1)[-1]))
    page.goto(f"{site_url}/estimator/?{address(OPTIONS[:1])}")
    expect(page.get_by_test_id("annual-total")).not_to_be_empty()
    # The published modules are bundled (govcloud_site/postbuild/minify.py): options.js brings compare.js's code.
    assert "options.js" not in fetched
    page.get_by_test_id("option-add").click()
    expect(page.get_by_test_id("opt2-annual-total")).not_to_be_empty()
    assert "options.js" in fetched


def test_options_by_instant_navigation(page, instant_url, catalog):
    """An options link followed inside the site: the estimator waits for the options' code,
    so once `window.govcloud.ready` resolves every option is there."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{instant_url}/", wait_until="networkidle")
    page.evaluate("window.sameDocument = true")
    page.evaluate(
        """href => { const a = document.createElement('a'); a.id = 'to-options'; a.href = href;
        a.textContent = 'options'; document.querySelector('.md-content article').append(a); }""",
        f"{instant_url}/estimator/?{address()}",
    )
    page.locator("#to-options").click()
    expect(page.locator("#gc-estimator")).to_have_attribute("data-ready", "true")
    assert page.evaluate("window.sameDocument") is True
    assert page.evaluate("window.govcloud.ready.then(() => document.querySelectorAll('[data-option]').length)") == 2
    check_options(page, catalog)
    assert errors == []


def test_new_purchase_options_round_trip_through_the_cli(page, site_url, catalog, tmp_path):
    """No current holdings, a commercial customer: the file still goes through `govcloud quote` as it is."""
    named = [
        ("Small", Scenario.model_validate({"customer": "commercial", "proposed": {"jira": {"users": 50}}})),
        (
            "Large, with JSM",
            Scenario.model_validate(
                {"customer": "commercial", "proposed": {"jira": {"users": 1000, "instances": 3}, "jsm": {"users": 20}}}
            ),
        ),
    ]
    page.goto(f"{site_url}/estimator/?{options_query(named)}")
    expect(page.get_by_test_id("opt2-first-year-total")).to_have_text(
        show(quote(catalog, named[1][1]).first_year_total)
    )
    expect(page.get_by_test_id("opt2-instances-jira")).to_have_value("3")
    assert quoted_download(page, tmp_path) == as_json(compare(catalog, named))
