"""Work done once per build however large the data: what the pages show is what
the slower, obvious way shows, on a catalog 100 times the real one."""

from __future__ import annotations

import gc
import itertools
import re
from decimal import ROUND_HALF_UP, Decimal
from html import escape

import pytest
from macros.ladder import LAYOUTS, MARKED_TIERS, ladder_chart, ladder_estimate, ladder_table
from macros.pages import SCENARIOS_IN_FULL, Pages

from catalogs import synthetic
from govcloud.calc.worked import load_worked
from govcloud.load.loading import catalog_cross_checks, data_path, display_name, load_catalog_source, validate
from govcloud.load.yamlsource import load_text, read_text
from govcloud.model.catalog import Catalog
from govcloud.model.money import show
from govcloud.model.problems import InputError
from govcloud.render.address import estimator_query
from govcloud.render.present import view
from govcloud.words.richtext import html_text
from govcloud.words.vocabulary import WORDS


def _shown(example: str) -> tuple[list[tuple[int, str]], str]:
    """The numbered lines and the problems of the maintainers' page's example."""
    lines, problems = re.findall(r"```text\n(.*?)\n```", example, re.S)
    return [(int(n), text) for n, text in re.findall(r"^\s*(\d+)  (.*)$", lines, re.M)], problems


def test_validation_example_is_what_govcloud_says_of_the_file_with_its_lines_edited():
    # The page builds the broken document from the loaded one (no second parse of a large
    # file); govcloud reading the file with the shown lines edited must say the same.
    catalog, source = load_catalog_source()
    edits, problems = _shown(Pages(catalog, load_worked(catalog), source).validation_example())
    path = data_path(None)
    name = display_name(path)
    lines = read_text(path, name).split("\n")
    assert len(edits) == 2
    for n, text in edits:
        indent = lines[n - 1][: len(lines[n - 1]) - len(lines[n - 1].lstrip())]
        assert lines[n - 1] != indent + text  # the line is edited
        lines[n - 1] = indent + text
    try:
        validate(Catalog, load_text("\n".join(lines), name), catalog_cross_checks)
    except InputError as exc:
        assert problems == str(exc)
    else:
        raise AssertionError("the edited file passed validation")


# -- the scenarios page with more worked scenarios than a page shows in full -----


def _many(worked, count: int):
    """`count` worked scenarios made of the real ones, each with its own id and title."""
    return [
        (s.model_copy(update={"id": f"{s.id}-{i}", "title": f"{s.title} ({i})"}), q)
        for i, (s, q) in zip(range(count), itertools.cycle(worked))
    ]


def test_real_scenarios_are_shown_in_full():
    catalog, source = load_catalog_source()
    worked = load_worked(catalog)
    assert len(worked) <= SCENARIOS_IN_FULL  # the real page shows each scenario's quote, bills and reasons
    page = Pages(catalog, worked, source).scenarios()
    assert page.count("data-bills=") == len(worked) and "data-scenarios=" not in page


def test_many_scenarios_are_one_row_each_grouped_by_their_changes_with_totals_and_a_link():
    catalog, source = load_catalog_source()
    worked = _many(load_worked(catalog), SCENARIOS_IN_FULL + 1)
    pages = Pages(catalog, worked, source)
    page = pages.scenarios()
    assert "data-bills=" not in page  # no scenario in full
    groups = re.findall(
        r"^## ([^\n]+) \{#(changes-[a-z-]+)\}\n\n<!--govcloud-html--><table data-scenarios=\"\2\">"
        r"(.*?)</table>",
        page,
        re.M | re.S,
    )
    rows = {}
    for label, _, table in groups:
        for scenario_id, row in re.findall(r'<tr data-scenario="([^"]+)">(.*?)</tr>', table, re.S):
            assert scenario_id not in rows
            rows[scenario_id] = (label, row)
    assert set(rows) == {s.id for s, _ in worked}
    names = {p.key: p.name for p in catalog.products}
    for scenario, result in worked:
        label, row = rows[scenario.id]
        kinds = {line.change for line in result.lines}
        # The group's heading names each kind of change the scenario makes, and no other.
        assert {k for k, w in WORDS["change"].items() if w.lower() in label.lower()} == kinds
        assert all(f"{escape(names[l.product])}: {WORDS['change'][l.change]}" in row for l in result.lines)
        assert f'<a href="{escape("../estimator/?" + estimator_query(scenario))}">{escape(scenario.title)}</a>' in row
        assert f"<td>{html_text(scenario.summary)}</td>" in row
        if result.complete:
            assert f'data-field="annual_total">{escape(show(result.annual_total))}' in row
            assert f'data-field="due_now_total">{escape(show(result.due_now_total))}' in row
        # The same totals, in the same words, as the scenario's full quote table.
        total = view(catalog, scenario, result).total.cells
        for key, field in (
            ("annual", "annual_total"),
            ("due_now", "due_now_total"),
            ("today_annual", "today_annual_total"),
        ):
            shown = total[key].text if key in total else WORDS["cells"]["none"]
            if key in total and total[key].assumptions:  # a figure resting on an unconfirmed rule says so
                shown += f" ({WORDS['assumptions']['marker']})"
            assert f'<td data-field="{field}">{escape(shown)}</td>' in row
    # The index lists the groups, each with how many scenarios it holds.
    index = pages.scenario_index()
    for _, anchor, table in groups:
        assert f"](#{anchor}) ({table.count('<tr data-scenario=')})" in index


# -- the tier chart with more tiers than marks can tell apart ---------------------


def _catalog_of(tiers_in_all: int):
    ladder = [(10 * (j + 1), f"{100 * (j + 1)}.00") for j in range(26)]
    products = {f"p{i:03d}": ladder for i in range(-(-tiers_in_all // len(ladder)))}
    return synthetic(products)


def _marks(html: str) -> int:
    return len(re.findall(r'class="gc-ladder-mark"[^>]* data-users=', html))


def test_chart_marks_each_tier_up_to_a_readable_number_then_draws_the_lines_alone():
    few, many = _catalog_of(MARKED_TIERS), _catalog_of(MARKED_TIERS + 1)
    panels = len(LAYOUTS) * 2
    assert _marks(ladder_chart(few)) == panels * sum(len(p.tiers) for p in few.products)
    html = ladder_chart(many)
    assert _marks(html) == 0
    # Every product still has its line through every tier, in every panel.
    lines = re.findall(r'<g class="gc-series-\d" data-product="([^"]+)"><polyline [^>]*points="([^"]+)"', html)
    assert sorted(key for key, _ in lines) == sorted(p.key for p in many.products for _ in range(panels))
    assert all(len(points.split()) == 26 for _, points in lines)


def test_estimator_ladder_keeps_a_mark_on_every_tier_for_its_script():
    # estimator/ladder.js marks today's tier and the estimate's on these, whatever the size.
    many = _catalog_of(MARKED_TIERS + 1)
    assert _marks(ladder_estimate(many)) == len(LAYOUTS) * sum(len(p.tiers) for p in many.products)


def test_table_past_the_bound_gives_each_product_a_row_with_every_tier_in_words():
    many = _catalog_of(MARKED_TIERS + 1)
    html = ladder_table(many)
    rows = dict(re.findall(r'<tr data-product="([^"]+)"><th scope="row">[^<]+</th><td>([^<]+)</td></tr>', html))
    assert list(rows) == [p.key for p in many.products]
    for product in many.products:
        said = rows[product.key].split("; ")
        assert len(said) == len(product.tiers)
        for tier, words in zip(product.tiers, said):
            each = (tier.annual / tier.users).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert words == f"{tier.users:,}: {show(tier.annual)} ({show(each)} a user)"
    # Up to the bound, a column per product as before.
    assert 'data-product="p000"' in ladder_table(_catalog_of(MARKED_TIERS)).split("<tbody>")[0]


# -- loading the data -------------------------------------------------------------


def test_loading_leaves_the_garbage_collector_on_also_when_the_data_is_bad(tmp_path, monkeypatch):
    from macros import state

    bad = tmp_path / "products.yml"
    bad.write_text("max_instances: -1\n", encoding="utf-8")
    monkeypatch.setenv("GOVCLOUD_DATA", str(bad))
    assert gc.isenabled()
    with pytest.raises(Exception, match="the site's data has problems"):
        state.current_site()
    assert gc.isenabled()
    monkeypatch.delenv("GOVCLOUD_DATA")
    assert state.current_site().catalog.products and gc.isenabled()
