"""Python and the browser agree: every generated scenario gives the same quote,
field for field and message for message (today, the dated bills, the first year
and the assumptions too), from `govcloud` and from `window.govcloud.quote` on the
price book the page embeds. test_conformance_node.py runs the same vectors under
Node, without a build, and compares each message's assumptions as well."""

from __future__ import annotations

import json
import re

import pytest

import vectors
from conftest import both_builders
from govcloud.calc.pricebook import pricebook
from govcloud.load.loading import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def vector_set(catalog):
    return vectors.with_quotes(catalog)


def test_vectors_cover_every_rule(catalog, vector_set):
    scenarios, quotes = vector_set
    assert len(scenarios) >= 2000
    seen = vectors.coverage(quotes, scenarios)
    for change in ("new", "upgrade", "downgrade", "instances_only", "unchanged"):
        assert seen[f"{change}:ok"] > 0 and seen[f"{change}:contact_sales"] > 0, change
    # A cancellation bills nothing more, so it is priced (at nothing) even beyond the price book.
    assert seen["cancel:ok"] > 0 and seen["cancel:contact_sales"] == 0
    # The dated bills: every part, parts joined on one day, undated renewals, unknown totals.
    for key in (
        "bill:due_now",
        "bill:renewal",
        "bill:first_renewal",
        "bill:due_now+renewal",
        "bill:renewal+first_renewal",
        "bill_dated:False",
        "first_year:False",
        "first_year:True",
        "today_total:False",
        "today_total:True",
        "bill_assumed:True",
        "bill_assumed:False",
        "line_assumed:True",
        "line_assumed:False",
    ):
        assert seen[key] > 0, key
    for days in vectors.EDGE_DAYS:
        assert seen[f"days:{days}"] > 0
    for customer in vectors.CUSTOMERS:
        assert seen[f"customer:{customer}"] > 0
    assert seen["complete:False"] > 0 and seen["complete:True"] > 0
    # Every tier boundary and the user just above it, for every product.
    asked = {(k, h["users"]) for s in scenarios for k, h in s["proposed"].items()}
    for p in catalog.products:
        for t in p.tiers:
            assert (p.key, t.users) in asked and (p.key, t.users + 1) in asked
    # Plenty of prorated charges (the exact half-cent ones are in the 366-day variant below).
    upgrades = [line for q in quotes for line in q["lines"] if line["change"] == "upgrade" and line["status"] == "ok"]
    assert len(upgrades) > 100


def test_generation_is_repeatable(catalog):
    assert vectors.generate(catalog) == vectors.generate(catalog)
    assert vectors.generate(catalog, seed=1) != vectors.generate(catalog)


@both_builders
def test_browser_quotes_equal_python(page, site_url, catalog, vector_set):
    scenarios, expected = vector_set
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}/estimator/")
    embedded = page.evaluate("JSON.stringify(window.govcloud.pricebook)")
    assert json.loads(embedded) == pricebook(catalog)
    # One call for every scenario; JSON keeps whole numbers whole on the way back.
    got = json.loads(
        page.evaluate(
            "(scenarios) => JSON.stringify(scenarios.map(s => window.govcloud.quote(window.govcloud.pricebook, s)))",
            scenarios,
        )
    )
    assert len(got) == len(expected)
    mismatches = [(i, scenarios[i], g, e) for i, (g, e) in enumerate(zip(got, expected)) if g != e]
    assert not mismatches, f"{len(mismatches)} differ; first: {mismatches[0]}"
    assert errors == []


def test_browser_quotes_equal_python_on_other_terms(page, site_url, catalog):
    """A 366-day term and odd cents put charges exactly on half a cent: half-up must round them up."""
    other = vectors.variant(catalog)
    scenarios, expected = vectors.with_quotes(other, random_count=300)
    assert vectors.exact_halves(other, expected, scenarios) >= 20
    page.goto(f"{site_url}/estimator/")
    got = json.loads(
        page.evaluate(
            "([book, scenarios]) => JSON.stringify(scenarios.map(s => window.govcloud.quote(book, s)))",
            [pricebook(other), scenarios],
        )
    )
    mismatches = [(s, g, e) for s, g, e in zip(scenarios, got, expected) if g != e]
    assert not mismatches, f"{len(mismatches)} differ; first: {mismatches[0]}"


def test_embedded_price_book_is_escaped_json(site_dir, catalog):
    html = (site_dir / "estimator" / "index.html").read_text()
    start = html.index('<script type="application/json" id="govcloud-pricebook">')
    body = html[start : html.index("</script>", start)].split(">", 1)[1]
    assert "<" not in body and json.loads(body) == pricebook(catalog)


def test_scripts_and_page_name_no_product_or_figure(catalog):
    """Names and figures come from the embedded price book: the sources repeat none of them."""
    from conftest import ROOT

    files = ["docs/assets/govcloud-quote.js", "docs/assets/estimator.css", "docs/estimator.md"]
    files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs/assets/estimator").glob("*.js"))
    assert len(files) > 5
    held = {p.name for p in catalog.products} | {p.key for p in catalog.products}
    held |= {c.name for c in (catalog.contacts.government, catalog.contacts.commercial)}
    held |= {str(catalog.term_days), str(catalog.max_instances)}
    held |= {f"{t.annual:.2f}" for p in catalog.products for t in p.tiers}
    held |= {f"{t.users:,}" for p in catalog.products for t in p.tiers if t.users >= 1000}
    for name in files:
        source = (ROOT / name).read_text()
        found = sorted(h for h in held if re.search(rf"(?<![\w.#-]){re.escape(h)}(?![\w-])", source))
        assert found == [], f"{name} names {found}"
