"""Python and the browser agree: the calculation on the built page gives the golden file's
quotes (tests/support/golden/quotes.json, Python's), field for field and message for message
(today, the dated bills, the first year, and each message's product and rules too), on the
price book the page embeds. Node compares every case of the golden file
(tests/js/golden.test.mjs); the browser replays a sample of them on each builder's page."""

from __future__ import annotations

import json
import re

import pytest

import golden
import vectors
from conftest import both_builders
from govcloud.calc.pricebook import pricebook
from govcloud.load.loading import load_catalog
from govcloud.model import clock


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def golden_file():
    return golden.load()


@pytest.fixture(scope="module")
def vector_set(golden_file):
    cases = golden_file["sets"][0]["cases"]
    return [c["scenario"] for c in cases], [c["quote"] for c in cases]


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


def test_the_other_terms_put_charges_on_exact_half_cents(golden_file):
    """A 366-day term and odd cents put charges exactly on half a cent: half-up must round them up."""
    other = golden_file["sets"][1]
    assert other["name"] == "variant"
    quotes, scenarios = [c["quote"] for c in other["cases"]], [c["scenario"] for c in other["cases"]]
    assert vectors.exact_halves(golden.catalogs()["variant"], quotes, scenarios) >= 20


@pytest.fixture(scope="module")
def sample(golden_file):
    """About 50 cases that together show every feature of the golden file (golden.sample)."""
    chosen = golden.sample(golden_file)
    shows = golden.features(golden_file)
    assert set().union(*(shows[c] for c in chosen)) == set().union(*shows.values())
    return chosen


@both_builders
def test_browser_quotes_equal_python(page, site_url, catalog, golden_file, sample):
    sets = {s["name"]: s for s in golden_file["sets"]}
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}/estimator/")
    embedded = json.loads(page.evaluate("JSON.stringify(window.govcloud.pricebook)"))
    assert embedded == pricebook(catalog)
    # The page's book is dated on the build's day, the golden file's on its own (vectors.DAY).
    assert embedded["date"] == clock.today().isoformat()
    undated = {k: v for k, v in embedded.items() if k != "date"}
    assert undated == {k: v for k, v in sets["real"]["pricebook"].items() if k != "date"}, (
        "the golden file is stale: run `make golden`"
    )
    # The real cases on the book the page embeds, the others on their own; one call for all of
    # them, and JSON keeps whole numbers whole on the way back.
    cases = [
        {
            "book": None if name == "real" else name,
            "day": sets[name]["day"],
            "scenario": sets[name]["cases"][i]["scenario"],
        }
        for name, i in sample
    ]
    got = json.loads(
        page.evaluate(
            """([cases, books]) => JSON.stringify(cases.map((c) => {
                 const gc = window.govcloud, book = c.book ? books[c.book] : gc.pricebook;
                 return { quote: gc.quote(book, c.scenario, c.day),
                          notes: gc.explain(book, c.scenario, c.day).notes.map((n) => [n.product, n.assumptions]) };
               }))""",
            [cases, {"variant": sets["variant"]["pricebook"]}],
        )
    )
    expected = [{"quote": sets[n]["cases"][i]["quote"], "notes": sets[n]["cases"][i]["notes"]} for n, i in sample]
    assert len(got) == len(expected) >= 45
    mismatches = [(c, g, e) for c, g, e in zip(sample, got, expected) if g != e]
    assert not mismatches, f"{len(mismatches)} differ; first: {mismatches[0]}"
    assert errors == []


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
