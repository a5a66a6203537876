"""Synthetic policy data for the growth benchmark: the real file's rules, contacts
and sources with more products, longer tier ladders and more worked scenarios.

The expected figures of the synthetic scenarios come from govcloud itself: they
are a benchmark input, not a test. Every file is checked like real data
(`govcloud check`) before it is used.
"""

from __future__ import annotations

import io
import json
import math
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


def _ladder(count: int, real_users: list[int]) -> list[int]:
    if count <= len(real_users):
        return real_users[:count]
    top = real_users[-1]
    # Evenly spread up to the real top tier, each step at least one user.
    users, last = [], 0
    for j in range(count):
        last = max(last + 1, math.ceil(top * (j + 1) / count))
        users.append(last)
    return users


def products(count: int, tiers: int) -> list[dict]:
    """The real products first, with their real tiers (the maintainers' page applies an example
    price change to them, tier by tier), then made-up ones; every ladder `tiers` long at least,
    the real ones going on above their top tier."""
    real = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))["products"]
    ladder = _ladder(tiers, [t["users"] for t in real[0]["tiers"]])
    out = [{**p, "tiers": _extended(p["tiers"], tiers)} for p in real]
    for i in range(len(real), count):
        rate = Decimal(30 + i % 23)  # dollars per user and year, different for each product
        extra = Decimal(i % 100) / 100
        out.append(
            {
                "key": f"p{i:04d}",
                "name": f"Synthetic product {i:04d}",
                "description": "A made-up product that sizes the growth benchmark.",
                "tiers": [{"users": u, "annual": u * rate + extra} for u in ladder],
            }
        )
    return out


def _extended(real: list[dict], count: int) -> list[dict]:
    """A real ladder, exact, with tiers added above its top up to `count`: a tenth of the top's
    users more each, at 1.2 times its price per user (so that a 5 % rise of the real tiers,
    the maintainers' example, leaves the ladder rising)."""
    tiers = [{"users": t["users"], "annual": Decimal(str(t["annual"]))} for t in real]
    top = tiers[-1]
    step, rate = top["users"] // 10, top["annual"] / top["users"] * Decimal("1.2")
    for j in range(1, count - len(tiers) + 1):
        users = top["users"] + step * j
        tiers.append(
            {"users": users, "annual": top["annual"] + (users - top["users"]) * rate.quantize(Decimal("0.01"))}
        )
    return tiers


def _scenario(rng: random.Random, i: int, items: list[dict], limit: int, term: int) -> dict:
    """Every kind of change in turn: new, upgrade, downgrade, instances only, cancel, contact sales,
    and an upgrade beside a new product (a bill of every kind: the formats page shows one)."""

    def users(product, over=False):
        top = product["tiers"][-1]["users"]
        return top + rng.randint(1, 100) if over else rng.randint(1, top)

    picks = rng.sample(items, k=min(len(items), rng.randint(1, 3)))
    kind = i % 7
    out = {
        "id": f"synthetic-{i:05d}",
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
    # Worked examples are dated: the synthetic ones take the real ones' first date.
    day = load_worked(load_catalog(REAL_DATA), ROOT / "data" / "scenarios.yml")[0][0].date
    data = yaml.safe_load(REAL_DATA.read_text(encoding="utf-8"))
    data["products"] = products(n_products, n_tiers)
    data_file = folder / "products.yml"
    data_file.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, width=120), encoding="utf-8")

    catalog = load_catalog(data_file)
    rng = random.Random(SEED)
    raw = [_scenario(rng, i, data["products"], catalog.max_instances, catalog.term_days) for i in range(n_scenarios)]
    for item in raw:
        item["date"] = day.isoformat()
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
