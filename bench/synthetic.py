"""Synthetic policy data for the growth benchmark: the real file's rules, contacts
and sources with more products, longer tier ladders and more worked scenarios.

The expected figures of the synthetic scenarios come from govcloud itself: they
are a benchmark input, not a test. Every file is checked like real data
(`govcloud check`) before it is used.
"""

from __future__ import annotations

import io
import json
import random
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path

import yaml

from govcloud.calc.quote import quote
from govcloud.calc.worked import load_worked
from govcloud.cli.commands import main as govcloud
from govcloud.load.loading import load_catalog
from govcloud.load.scenarios import read_scenarios

from .sites import ROOT

REAL_DATA = ROOT / "data" / "products.yml"
SEED = 5


class _Dumper(yaml.SafeDumper):
    """Amounts as plain YAML numbers written from their exact digits."""


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", f"{v:.2f}"))


def real_shape() -> dict:
    """How big the real data is: the 1x of every scale."""
    catalog = load_catalog(REAL_DATA)
    return {
        "products": len(catalog.products),
        "tiers": max(len(p.tiers) for p in catalog.products),
        "scenarios": len(load_worked(catalog, ROOT / "data" / "scenarios.yml")),
    }


def products(real: list[dict], count: int, tiers: int) -> list[dict]:
    """The real products (as data/products.yml holds them) first, with their real tiers (the
    maintainers' page applies an example price change to them, tier by tier), then made-up ones on
    the first one's tier sizes at prices of their own; every ladder `tiers` long at least, going on
    above the real top tier."""
    out = [{**p, "tiers": _longer([(t["users"], Decimal(str(t["annual"]))) for t in p["tiers"]], tiers)} for p in real]
    for i in range(len(real), count):
        rate = Decimal(30 + i % 23)  # dollars per user and year, different for each product
        extra = Decimal(i % 100) / 100
        ladder = [(t["users"], t["users"] * rate + extra) for t in real[0]["tiers"]]
        out.append(
            {
                "key": f"p{i:04d}",
                "name": f"Synthetic product {i:04d}",
                "description": "A made-up product that sizes the growth benchmark.",
                "tiers": _longer(ladder, tiers),
            }
        )
    return out


def _longer(ladder: list[tuple[int, Decimal]], count: int) -> list[dict]:
    """A ladder as it is, with tiers added above its top up to `count`: a tenth of the top's users
    more each, priced above the top tier per user, with room for the maintainers' example's 5 %
    rise of the real tiers (the ladder must still rise after it)."""
    top_users, top_annual = ladder[-1]
    step, rate = max(1, top_users // 10), (top_annual / top_users * Decimal("1.2")).quantize(Decimal("0.01"))
    added = [(top_users + step * j, top_annual + step * j * rate) for j in range(1, count - len(ladder) + 1)]
    return [{"users": users, "annual": annual} for users, annual in ladder + added]


def _scenario(rng: random.Random, i: int, day: str, items: list[dict], limit: int, term: int) -> dict:
    """Every kind of change in turn: new, upgrade, downgrade, instances only, cancel, contact sales,
    and an upgrade beside a new product (a bill of every kind: the formats page shows one)."""

    def users(product, over=False):
        top = product["tiers"][-1]["users"]
        return top + rng.randint(1, 100) if over else rng.randint(1, top)

    picks = rng.sample(items, k=min(len(items), rng.randint(1, 3)))
    kind = i % 7
    out = {
        "id": f"synthetic-{i:05d}",
        "date": day,  # worked examples are dated: the real ones' first date
        "title": f"Synthetic scenario {i}",
        "summary": "A made-up change that sizes the growth benchmark.",
        "customer": rng.choice(["government", "commercial"]),
    }
    if kind == 0:
        out["proposed"] = {p["key"]: {"users": users(p)} for p in picks}
        return out
    current, proposed = {}, {}
    for p in picks:
        have = users(p)
        current[p["key"]] = {"users": have, "instances": rng.randint(1, 20)}
        if kind == 1:
            proposed[p["key"]] = {"users": users(p), "instances": rng.randint(1, limit)}
        elif kind == 2:
            proposed[p["key"]] = {"users": max(1, have // 3), "instances": 1}
        elif kind == 3:
            proposed[p["key"]] = {"users": have, "instances": rng.randint(1, limit)}
        elif kind == 5:
            proposed[p["key"]] = {"users": users(p, over=True)}
    if kind == 6 and len(items) > 1:
        held, added = rng.sample(items, k=2)
        low = held["tiers"][0]["users"]
        current = {held["key"]: {"users": low, "instances": 1}}
        proposed = {
            held["key"]: {"users": held["tiers"][-1]["users"], "instances": 1},
            added["key"]: {"users": users(added)},
        }
    if kind == 4:  # cancel all but one
        keep = picks[0]["key"]
        proposed = {keep: current[keep]}
    out.update(
        current=current, proposed=proposed or {picks[0]["key"]: {"users": 1}}, days_remaining=rng.randint(0, term)
    )
    return out


def write(folder: Path, n_products: int, n_tiers: int, n_scenarios: int) -> dict[str, str]:
    """Data and scenario files in `folder`; returns the env vars that point a build at them."""
    folder.mkdir(parents=True, exist_ok=True)
    day = str(yaml.safe_load((ROOT / "data" / "scenarios.yml").read_text(encoding="utf-8"))[0]["date"])
    data = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))
    data["products"] = products(data["products"], n_products, n_tiers)
    data_file = folder / "products.yml"
    data_file.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, width=120), encoding="utf-8")

    catalog = load_catalog(data_file)
    rng = random.Random(SEED)
    raw = [
        _scenario(rng, i, day, data["products"], catalog.max_instances, catalog.term_days) for i in range(n_scenarios)
    ]
    scenarios, _ = read_scenarios(json.dumps(raw), "synthetic", catalog)
    for item, scenario in zip(raw, scenarios):
        q = quote(catalog, scenario)
        item["expected"] = {
            "annual_total": q.annual_total,
            "due_now_total": q.due_now_total,
            "complete": q.complete,
            "changes": {l.product: l.change for l in q.lines},
        }
    scenario_file = folder / "scenarios.yml"
    scenario_file.write_text(yaml.dump(raw, Dumper=_Dumper, sort_keys=False, width=120), encoding="utf-8")

    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = govcloud(["check", str(data_file), "--scenarios", str(scenario_file)])
    if code != 0:
        raise RuntimeError(f"synthetic data is not valid:\n{err.getvalue()}")
    return {"GOVCLOUD_DATA": str(data_file), "GOVCLOUD_SCENARIOS": str(scenario_file)}
