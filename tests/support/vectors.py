"""Shared test vectors for the estimator: scenarios that Python generates from a
fixed seed, each dated on a random day D (a few left undated: they are quoted on
DAY), with the quotes `govcloud` gives for them. golden.py writes them with their
quotes to tests/support/golden/quotes.json, which the JavaScript calculation must
agree with on every field. The variant catalog records price changes (`dated`),
so that bills fall before, between and after them.

Run it to see what it covers: `python tests/support/vectors.py`.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from govcloud.calc.quote import quote
from govcloud.load.scenarios import read_scenarios
from govcloud.model.catalog import Catalog, Contacts
from govcloud.model.checks import catalog_cross_checks
from govcloud.model.scenario import Holding, Scenario
from govcloud.model.tiers import change_of, tier_index

SEED = 4_2026
CUSTOMERS = tuple(Contacts.model_fields)  # the data's kinds of customer
EDGE_DAYS = (0, 1, 364, 365)
# The day an undated vector is quoted on (the `--today` of the golden file's sets).
DAY = date(2026, 1, 1)
# The days a dated vector's D is drawn from: around DAY and the variant's price changes.
FIRST_DAY, LAST_DAY = date(2025, 6, 1), date(2029, 6, 30)
# Share of the vectors left undated (quoted on DAY).
UNDATED = 0.15


def _users_near_boundaries(catalog: Catalog) -> dict[str, list[int]]:
    """Per product: 1, each tier's limit and one above it."""
    out = {}
    for p in catalog.products:
        out[p.key] = sorted({1} | {t.users for t in p.tiers} | {t.users + 1 for t in p.tiers})
    return out


def _rounding_days(catalog: Catalog, low_cents: int, high_cents: int) -> list[int]:
    """Days whose prorated charge lands just below and just above half a cent."""
    term, diff = catalog.term_days, high_cents - low_cents
    days = [d for d in range(term + 1) if abs(2 * (diff * d % term) - term) <= 2]
    return days[:2]


def generate(catalog: Catalog, seed: int = SEED, random_count: int = 1600) -> list[dict[str, Any]]:
    """Scenarios in the contract's input format (as `govcloud quote` reads them)."""
    rng = random.Random(seed)
    term, limit = catalog.term_days, catalog.max_instances
    near = _users_near_boundaries(catalog)
    prices = catalog.prices_on(DAY)
    out: list[dict[str, Any]] = []

    def customer() -> str:
        return rng.choice(CUSTOMERS)

    # Every tier boundary and one above, as a new purchase (the top's +1 is beyond the book).
    for p in catalog.products:
        for users in near[p.key]:
            out.append({"customer": customer(), "proposed": {p.key: {"users": users}}})

    # Upgrades between tiers, on the edge days and on days that round near half a cent.
    for p in catalog.products:
        cents = [int(t.annual * 100) for t in prices.ladder(p.key)]
        for i in range(len(p.tiers) - 1):
            j = rng.randrange(i + 1, len(p.tiers))
            for days in EDGE_DAYS + tuple(_rounding_days(catalog, cents[i], cents[j])) + (rng.randrange(term + 1),):
                out.append(
                    {
                        "customer": customer(),
                        "current": {p.key: {"users": p.tiers[i].users}},
                        "proposed": {
                            p.key: {"users": p.tiers[j].users - rng.randrange(0, 2) if j > i + 1 else p.tiers[j].users}
                        },
                        "days_remaining": days,
                    }
                )

    # One of each other change kind per product, and the limits around them.
    for p in catalog.products:
        top = p.tiers[-1].users
        mid = p.tiers[len(p.tiers) // 2].users
        fixed = [
            ({p.key: {"users": mid}}, {p.key: {"users": 1}}),  # downgrade
            ({p.key: {"users": mid, "instances": 2}}, {p.key: {"users": mid, "instances": limit}}),  # instances
            ({p.key: {"users": mid, "instances": 3}}, {p.key: {"users": mid - 1, "instances": 3}}),  # unchanged
            ({p.key: {"users": mid}}, {}),  # cancel
            ({p.key: {"users": top + 1}}, {}),  # cancel beyond
            ({p.key: {"users": top}}, {p.key: {"users": top + 1}}),  # upgrade beyond
            ({p.key: {"users": top + 1}}, {p.key: {"users": top}}),  # downgrade, was beyond
            ({p.key: {"users": top + 1}}, {p.key: {"users": top + 2}}),  # upgrade, both beyond
            ({p.key: {"users": top + 2}}, {p.key: {"users": top + 1}}),  # downgrade, both beyond
            ({p.key: {"users": 5, "instances": limit}}, {p.key: {"users": 5, "instances": limit + 1}}),
            ({p.key: {"users": 5, "instances": limit + 1}}, {p.key: {"users": 5, "instances": limit}}),
            ({p.key: {"users": 10**12, "instances": 10**6}}, {p.key: {"users": 3}}),
            ({}, {p.key: {"users": 7}}),  # change, nothing today
        ]
        for current, proposed in fixed:
            for days in EDGE_DAYS:
                out.append({"customer": customer(), "current": current, "proposed": proposed, "days_remaining": days})

    # Random mixes: each product absent, held, wanted or both; sizes spread over the ladder.
    def users_for(p) -> int:
        roll = rng.random()
        if roll < 0.5:
            return rng.choice(near[p.key])
        if roll < 0.95:
            return rng.randint(1, p.tiers[-1].users)
        return rng.randint(p.tiers[-1].users + 1, p.tiers[-1].users * 3)

    def instances() -> int:
        roll = rng.random()
        return 1 if roll < 0.4 else rng.randint(1, limit) if roll < 0.95 else rng.randint(limit + 1, limit * 2)

    def holding(p) -> dict[str, int]:
        h = {"users": users_for(p)}
        n = instances()
        if n != 1 or rng.random() < 0.3:
            h["instances"] = n
        return h

    # Each dated change of the catalog at the edges: the renewal, a new line's first renewal and the
    # quote's validity falling on its date and the day before, and D on it and the day before.
    for effective in catalog.change_dates():
        for p in catalog.products[:2]:
            low, high = p.tiers[0].users, p.tiers[len(p.tiers) // 2].users
            upgrade = {"current": {p.key: {"users": low}}, "proposed": {p.key: {"users": high}}}
            for days in (40, 200):
                for d in (effective - timedelta(days=days), effective - timedelta(days=days - 1)):
                    out.append({"date": d.isoformat(), **upgrade, "days_remaining": days})
            for d in (effective - timedelta(days=term), effective - timedelta(days=term - 1)):
                out.append({"date": d.isoformat(), "proposed": {p.key: {"users": high}}})
            valid = catalog.quote_valid_days
            for d in (effective - timedelta(days=valid), effective - timedelta(days=valid + 1), effective):
                out.append({"date": d.isoformat(), **upgrade, "days_remaining": 100})
            out.append({"date": (effective - timedelta(days=1)).isoformat(), **upgrade, "days_remaining": 0})
            out.append({"date": (effective - timedelta(days=10)).isoformat(), **upgrade})  # undated renewal
            del out[-1]["proposed"][p.key]  # ... of a cancel: no bill, no sentence
            out.append(
                {
                    "date": (effective - timedelta(days=10)).isoformat(),
                    "current": {p.key: {"users": high}},
                    "proposed": {p.key: {"users": low}},
                }
            )  # a downgrade's undated renewal

    while random_count > 0:
        change = rng.random() < 0.7
        current, proposed = {}, {}
        for p in catalog.products:
            state = rng.choice(("none", "held", "wanted", "both", "both"))
            if change and state in ("held", "both"):
                current[p.key] = holding(p)
            if state in ("wanted", "both") or (not change and state == "held"):
                keep = p.key in current and rng.random() < 0.4
                proposed[p.key] = dict(current[p.key]) if keep else holding(p)
        if not current and not proposed:
            continue
        scenario: dict[str, Any] = {"proposed": proposed}
        if rng.random() < 0.8:
            scenario["customer"] = customer()
        if change:
            scenario["current"] = current
            scenario["days_remaining"] = rng.choice(EDGE_DAYS) if rng.random() < 0.2 else rng.randint(0, term)
        elif not proposed:
            continue
        out.append(scenario)
        random_count -= 1
    return _dated(_undated(catalog, out, random.Random(seed + 1)), random.Random(seed + 2))


def _dated(scenarios: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Each vector without a date gets a random D, or none (then it is quoted on DAY); the date
    leads the scenario, as a file writes it."""
    span = (LAST_DAY - FIRST_DAY).days
    out = []
    for s in scenarios:
        if "date" not in s and rng.random() >= UNDATED:
            s = {"date": (FIRST_DAY + timedelta(days=rng.randrange(span + 1))).isoformat(), **s}
        out.append(s)
    return out


def _undated(catalog: Catalog, scenarios: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """A quarter of the changes with no upgrade lose their days left: the days are needed
    only for an upgrade, and the renewal bill then has no date."""
    for s in scenarios:
        if "days_remaining" not in s or rng.random() >= 0.25:
            continue
        current, proposed = s["current"], s["proposed"]
        kinds = {
            change_of(p, _holding(current.get(p.key)), _holding(proposed.get(p.key)))
            for p in catalog.products
            if p.key in current or p.key in proposed
        }
        if "upgrade" not in kinds:
            del s["days_remaining"]
    return scenarios


def _holding(raw: dict[str, int] | None) -> Holding | None:
    return None if raw is None else Holding.model_validate(raw)


def variant(catalog: Catalog, seed: int = SEED) -> Catalog:
    """The same products on other terms: a 366-day term (so a charge can sit exactly
    on half a cent), a small instance limit, prices with odd cents, and the upgrade
    and cancel rules confirmed (so their assumption keys drop out)."""
    rng = random.Random(seed)
    products = [
        p.model_copy(
            update={
                "tiers": [
                    t.model_copy(update={"annual": t.annual + Decimal(rng.randint(0, 99)) / 100}) for t in p.tiers
                ]
            }
        )
        for p in catalog.products
    ]
    rules = catalog.rules.model_copy(
        update={
            name: getattr(catalog.rules, name).model_copy(update={"confirmed": True}) for name in ("upgrade", "cancel")
        }
    )
    changed = catalog.model_copy(update={"term_days": 366, "max_instances": 7, "products": products, "rules": rules})
    return dated(changed, seed)


# The variant's price changes: before DAY, and between and after the bills of the vectors' dates.
CHANGE_DAYS = (date(2025, 11, 15), date(2026, 3, 1), date(2026, 9, 15), date(2027, 2, 1), date(2027, 8, 1))


def dated(catalog: Catalog, seed: int = SEED) -> Catalog:
    """The catalog with a price change on each of CHANGE_DAYS: some products' whole ladders, some
    single tiers, rises and falls (each entry kept only when `govcloud check` accepts it)."""
    rng = random.Random(seed + 3)
    raw: dict[str, Any] = catalog.model_dump()  # amounts as Decimals, as the loader reads a file
    raw["price_changes"] = []
    for day in CHANGE_DAYS:
        for _ in range(100):
            entry: dict[str, Any] = {"effective": day, "products": {}}
            for p in rng.sample(catalog.products, rng.randint(1, len(catalog.products))):
                if rng.random() < 0.5:  # the whole ladder, by one share
                    share = Decimal(rng.choice((-8, -3, 2, 4, 5, 7, 12))) / 100
                    sizes = [t.users for t in p.tiers]
                else:  # a few tiers, each by its own share
                    share = None
                    sizes = rng.sample([t.users for t in p.tiers], rng.randint(1, 3))
                ladder = {t.users: t.annual for t in Catalog.model_validate(raw).prices_on(day).ladder(p.key)}
                entry["products"][p.key] = {
                    str(users): (
                        ladder[users] * (1 + (share if share is not None else Decimal(rng.randint(-6, 9)) / 100))
                    ).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                    for users in sorted(sizes)
                }
            trial = {**raw, "price_changes": raw["price_changes"] + [entry]}
            if not list(catalog_cross_checks(trial)):
                raw = trial
                break
    return Catalog.model_validate(raw)


def exact_halves(catalog: Catalog, quotes: list[dict[str, Any]], scenarios: list[dict[str, Any]]) -> int:
    """Upgrade lines whose exact prorated charge ends in exactly half a cent."""
    count = 0
    for s, q in zip(scenarios, quotes):
        prices = catalog.prices_on(date.fromisoformat(q["date"]))
        for line in q["lines"]:
            if line["change"] == "upgrade" and line["status"] == "ok":
                p = catalog.product(line["product"])
                old = prices.ladder(p.key)[tier_index(p, s["current"][line["product"]]["users"])].annual
                exact = (Decimal(line["annual"]) - old) * 100 * s["days_remaining"] / catalog.term_days
                count += exact % 1 == Decimal("0.5")
    return count


def parse(catalog: Catalog, scenarios: list[dict[str, Any]]) -> list[Scenario]:
    """Through govcloud's own reader, so every vector is an input `govcloud quote` accepts."""
    parsed, _ = read_scenarios(json.dumps(scenarios), "vectors.json", catalog)
    return parsed


def with_quotes(
    catalog: Catalog, seed: int = SEED, random_count: int = 1600
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    scenarios = generate(catalog, seed, random_count)
    return scenarios, [quote(catalog, s, DAY).as_json() for s in parse(catalog, scenarios)]


def coverage(quotes: list[dict[str, Any]], scenarios: list[dict[str, Any]]) -> Counter:
    seen: Counter = Counter()
    for s, q in zip(scenarios, quotes):
        seen["customer:" + q["customer"]] += 1
        seen[f"complete:{q['complete']}"] += 1
        if "days_remaining" in s:
            seen[f"days:{s['days_remaining']}"] += 1
        seen[f"today_total:{q['today_annual_total'] is not None}"] += 1
        seen[f"first_year:{q['first_year_total'] is not None}"] += 1
        seen[f"dated:{'date' in s}"] += 1
        for bill in q["bills"]:
            seen["bill:" + "+".join(bill["parts"])] += 1
            seen[f"bill_prices_from:{bill['prices_from'] is not None}"] += 1
            if bill["in_days"] and bill["prices_from"] is not None and bill["prices_from"] > q["date"]:
                seen["bill_after_a_change:" + "+".join(bill["parts"])] += 1
            seen[f"bill_dated:{bill['in_days'] is not None}"] += 1
            seen[f"bill_assumed:{bool(bill['assumptions'])}"] += 1
        for line in q["lines"]:
            seen[f"line_assumed:{bool(line['assumptions'])}"] += 1
            seen[f"change:{line['change']}"] += 1
            seen[f"status:{line['status']}"] += 1
            seen[f"{line['change']}:{line['status']}"] += 1
            if line["renewal_annual"] is not None and line["renewal_annual"] != line["annual"]:
                seen[f"renewal_moved:{line['change']}"] += 1
        # The dated sentences, by their template (their product and wording are compared in full).
        for message in q["messages"]:
            for kind in ("rises", "falls", "this applies to your renewal", "prices hold until"):
                seen[f"says:{kind}"] += kind in message
    return seen


if __name__ == "__main__":
    from govcloud.load.loading import load_catalog

    catalog = load_catalog()
    scenarios, quotes = with_quotes(catalog)
    print(len(scenarios), "scenarios")
    for key, n in sorted(coverage(quotes, scenarios).items()):
        if not key.startswith("days:") or key in {f"days:{d}" for d in EDGE_DAYS}:
            print(f"{key:32} {n}")
