"""Properties of the calculation over generated catalogs and scenarios (hypothesis).

Catalogs have valid ladders (users strictly increasing, prices non-decreasing, whole
cents) and random term lengths and instance limits. Where a property needs the
right figure, it is computed here apart from govcloud: tiers by a plain scan and
proration with exact fractions, rounded half-up by integer arithmetic.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogs import synthetic
from govcloud.calc.quote import quote
from govcloud.model.catalog import Catalog
from govcloud.model.scenario import Scenario

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ["alpha", "beta", "gamma"]
ZERO = Decimal("0.00")


@st.composite
def catalogs(draw) -> Catalog:
    keys = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True))
    products = {}
    for key in keys:
        size = draw(st.integers(1, 6))
        users = sorted(draw(st.sets(st.integers(1, 3000), min_size=size, max_size=size)))
        cents = sorted(draw(st.lists(st.integers(1, 100_000_000_000), min_size=size, max_size=size)))
        # Prices in cents, or in whole dollars as the data may write them ("1500").
        dollars = draw(st.booleans())
        products[key] = [
            (u, Decimal(max(1, c // 100)) if dollars else Decimal(c).scaleb(-2)) for u, c in zip(users, cents)
        ]
    return synthetic(products, term_days=draw(st.integers(1, 366)), max_instances=draw(st.integers(1, 200)))


def holdings(draw, catalog: Catalog, product) -> dict:
    top = product.tiers[-1].users
    users = draw(
        st.one_of(st.sampled_from([t.users + d for t in product.tiers for d in (0, 1)]), st.integers(1, top + 10))
    )
    instances = draw(
        st.one_of(
            st.integers(1, catalog.max_instances + 2),
            st.sampled_from([1, catalog.max_instances, catalog.max_instances + 1]),
        )
    )
    return {"users": users, "instances": instances}


@st.composite
def cases(draw) -> tuple[Catalog, Scenario]:
    catalog = draw(catalogs())
    current, proposed = {}, {}
    change = draw(st.booleans())
    for product in catalog.products:
        state = draw(st.sampled_from(["none", "current", "proposed", "both"] if change else ["none", "proposed"]))
        if state in ("current", "both"):
            current[product.key] = holdings(draw, catalog, product)
        if state in ("proposed", "both"):
            proposed[product.key] = holdings(draw, catalog, product)
    scenario = {"customer": draw(st.sampled_from(["government", "commercial"])), "proposed": proposed}
    if change:
        scenario.update(current=current, days_remaining=draw(st.integers(0, catalog.term_days)))
    return catalog, Scenario.model_validate(scenario)


# --- an oracle written apart from govcloud ------------------------------------------------------


def tier_of(product, users: int):
    """The first tier (ascending) whose maximum covers `users`, or None beyond the ladder."""
    for tier in product.tiers:
        if tier.users >= users:
            return tier
    return None


def half_up_cents(value: Fraction) -> Decimal:
    assert value >= 0
    cents = (value * 100 * 2 + 1) // 2  # floor(x*100 + 1/2) in integers
    return Decimal(int(cents)).scaleb(-2)


def beyond(catalog: Catalog, product, *held) -> bool:
    return any(
        h is not None and (h.users > product.tiers[-1].users or h.instances > catalog.max_instances) for h in held
    )


def lines_by_key(q) -> dict:
    return {line.product: line for line in q.lines}


# --- properties ----------------------------------------------------------------------------------


@SETTINGS
@given(cases())
def test_lines_match_the_rules(case):
    """Every line's status, tier, annual and due_now, recomputed here."""
    catalog, scenario = case
    current = scenario.current or {}
    lines = lines_by_key(quote(catalog, scenario))
    for product in catalog.products:
        now, wanted = current.get(product.key), scenario.proposed.get(product.key)
        if now is None and wanted is None:
            assert product.key not in lines
            continue
        line = lines[product.key]
        # contact_sales exactly when users exceed the top tier or instances the limit, on either side;
        # a cancellation bills nothing more, so it is priced (at nothing) whatever today's holding is.
        if wanted is not None and beyond(catalog, product, now, wanted):
            assert line.status == "contact_sales"
            assert (line.tier, line.annual, line.due_now) == (None, None, None)
            continue
        assert line.status == "ok"
        if wanted is None:
            assert (line.change, line.users, line.tier, line.annual, line.due_now) == ("cancel", 0, None, ZERO, ZERO)
            continue
        tier = tier_of(product, wanted.users)
        assert (line.users, line.tier, line.instances, line.annual) == (
            wanted.users,
            tier.users,
            wanted.instances,
            tier.annual,
        )
        if now is None:
            assert (line.change, line.due_now) == ("new", tier.annual)
            continue
        old = tier_of(product, now.users)
        if tier.users > old.users:
            due = half_up_cents(Fraction(tier.annual - old.annual) * scenario.days_remaining / catalog.term_days)
            assert (line.change, line.due_now) == ("upgrade", due)
        elif tier.users < old.users:
            assert (line.change, line.due_now) == ("downgrade", ZERO)
        else:
            kind = "unchanged" if now.instances == wanted.instances else "instances_only"
            assert (line.change, line.due_now) == (kind, ZERO)


@SETTINGS
@given(cases())
def test_totals_are_the_sum_of_the_priced_lines(case):
    catalog, scenario = case
    q = quote(catalog, scenario)
    priced = [line for line in q.lines if line.status == "ok"]
    assert q.annual_total == sum((line.annual for line in priced), ZERO)
    assert q.due_now_total == sum((line.due_now for line in priced), ZERO)
    assert q.complete == (len(priced) == len(q.lines))
    doc = q.as_json()
    assert Decimal(doc["annual_total"]) == q.annual_total and Decimal(doc["due_now_total"]) == q.due_now_total


@SETTINGS
@given(cases())
def test_nothing_is_due_now_except_for_new_and_upgrade(case):
    catalog, scenario = case
    for line in quote(catalog, scenario).lines:
        if line.status == "ok" and line.change in ("downgrade", "cancel", "instances_only", "unchanged"):
            assert line.due_now == ZERO, line


@SETTINGS
@given(cases())
def test_an_upgrade_never_costs_more_now_than_the_price_difference(case):
    catalog, scenario = case
    for line in quote(catalog, scenario).lines:
        if line.status == "ok" and line.change == "upgrade":
            product = catalog.product(line.product)
            old = tier_of(product, scenario.current[line.product].users)
            assert ZERO <= line.due_now <= line.annual - old.annual


@SETTINGS
@given(catalogs(), st.data())
def test_more_users_never_cost_less(catalog, data):
    product = data.draw(st.sampled_from(catalog.products))
    top = product.tiers[-1].users
    fewer = data.draw(st.integers(1, top + 5))
    more = data.draw(st.integers(fewer, top + 5))

    def line(users: int):
        return quote(catalog, Scenario.model_validate({"proposed": {product.key: {"users": users}}})).lines[0]

    small, large = line(fewer), line(more)
    if small.status == "contact_sales":
        assert large.status == "contact_sales"
    elif large.status == "ok":
        assert large.annual >= small.annual and large.due_now >= small.due_now


@SETTINGS
@given(catalogs(), st.data())
def test_instances_up_to_the_limit_never_change_a_price(catalog, data):
    product = data.draw(st.sampled_from(catalog.products))
    users = data.draw(st.integers(1, product.tiers[-1].users))
    now_users = data.draw(st.integers(1, product.tiers[-1].users))
    days = data.draw(st.integers(0, catalog.term_days))
    counts = data.draw(st.lists(st.integers(1, catalog.max_instances), min_size=2, max_size=2))

    def line(instances: int):
        scenario = {
            "current": {product.key: {"users": now_users, "instances": instances}},
            "proposed": {product.key: {"users": users, "instances": instances}},
            "days_remaining": days,
        }
        return quote(catalog, Scenario.model_validate(scenario)).lines[0]

    a, b = (line(n) for n in counts)
    assert a.status == b.status == "ok"
    assert (a.tier, a.annual, a.due_now, a.change) == (b.tier, b.annual, b.due_now, b.change)


CENTS = re.compile(r"-?\d+\.\d\d")


@SETTINGS
@given(cases())
def test_every_amount_of_the_json_is_written_in_cents(case):
    """money.text writes an amount as str() does, so every amount a quote holds must carry two
    decimals: the data's are read so (whole dollars included), each one worked out is rounded so."""
    catalog, scenario = case
    q = quote(catalog, scenario).as_json()
    totals = ("annual_total", "due_now_total", "today_annual_total", "first_year_total")
    amounts = [q[k] for k in totals] + [b["amount"] for b in q["bills"]]
    amounts += [line[k] for line in q["lines"] for k in ("annual", "due_now", "today_annual", "renewal_annual")]
    assert all(a is None or CENTS.fullmatch(a) for a in amounts), amounts
