"""The golden file: the conformance scenarios (vectors.py) with the quote govcloud gives
for each, on the real data and on its variant (other terms, odd cents, dated price changes),
each set with the price book it was quoted with (its `price_history` prices every date) and
the day an undated scenario is quoted on (`day`, as `--today`); most scenarios carry their
own `date`.

`make golden` rewrites it. tests/unit/test_golden.py fails while it is stale (and names
what moved); Node (tests/js/golden.test.mjs) checks that the JavaScript calculation gives
every quote in it; the browser replays `sample()` of it on the built page.

One case a line, and the price book one key a line, so that a diff shows what moved.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import vectors
from govcloud.calc.pricebook import pricebook
from govcloud.calc.quote import quote
from govcloud.load.loading import load_catalog
from govcloud.model.catalog import Catalog
from harness import ROOT

PATH = ROOT / "tests" / "support" / "golden" / "quotes.json"
DATA = ROOT / "data" / "products.yml"
ABOUT = "Written by `make golden` (tests/support/golden.py) from tests/support/vectors.py: do not edit."
# Random scenarios of each set, beside the generated edges and boundaries.
RANDOM = {"real": 1320, "variant": 1300}


def catalogs() -> dict[str, Catalog]:
    real = load_catalog(DATA)
    return {"real": real, "variant": vectors.variant(real)}


def build() -> dict[str, Any]:
    """The golden document, worked out now."""
    sets = []
    for name, catalog in catalogs().items():
        scenarios = vectors.generate(catalog, random_count=RANDOM[name])
        cases = []
        for raw, scenario in zip(scenarios, vectors.parse(catalog, scenarios)):
            q = quote(catalog, scenario, vectors.DAY)
            # Each message's product and rules, beside the quote's `messages` (their texts).
            notes = [[n.product, list(n.assumptions)] for n in q.notes]
            cases.append({"scenario": raw, "quote": q.as_json(), "notes": notes})
        book = pricebook(catalog, vectors.DAY)
        sets.append({"name": name, "day": vectors.DAY.isoformat(), "pricebook": book, "cases": cases})
    return {"about": ABOUT, "sets": sets}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dumps(golden: dict[str, Any]) -> str:
    """The file's text: JSON, one case a line."""

    def block(items: list[str], open_: str, close: str, indent: str) -> str:
        return open_ + "\n" + ",\n".join(indent + i for i in items) + "\n" + indent[:-1] + close

    sets = []
    for s in golden["sets"]:
        fields = [f"{_json(k)}:{_json(v)}" for k, v in s.items() if k not in ("pricebook", "cases")]
        book = block([f"{_json(k)}:{_json(v)}" for k, v in s["pricebook"].items()], "{", "}", "    ")
        cases = block([_json(c) for c in s["cases"]], "[", "]", "    ")
        sets.append(block(fields + [f'"pricebook":{book}', f'"cases":{cases}'], "{", "}", "   "))
    top = [f'"about":{_json(golden["about"])}', '"sets":' + block(sets, "[", "]", "  ")]
    return block(top, "{", "}", " ") + "\n"


def load() -> dict[str, Any]:
    return json.loads(PATH.read_text(encoding="utf-8"))


def moved(was: Any, now: Any, where: str = "") -> list[str]:
    """Every place where two JSON values differ, as 'path: old → new'."""
    if isinstance(was, dict) and isinstance(now, dict):
        out = []
        for key in list(was) + [k for k in now if k not in was]:
            if key not in now:
                out.append(f"{where}.{key}: removed")
            elif key not in was:
                out.append(f"{where}.{key}: added")
            else:
                out += moved(was[key], now[key], f"{where}.{key}")
        return out
    if isinstance(was, list) and isinstance(now, list):
        out = [line for i, (a, b) in enumerate(zip(was, now)) for line in moved(a, b, f"{where}[{i}]")]
        if len(was) != len(now):
            out.append(f"{where}: {len(was)} items → {len(now)}")
        return out
    return [] if was == now and type(was) is type(now) else [f"{where}: {_json(was)} → {_json(now)}"]


def features(golden: dict[str, Any]) -> dict[tuple[str, int], set[str]]:
    """What each case (set name, index) shows: its kinds in vectors.coverage, the edge days,
    and a prorated charge on exactly half a cent."""
    found = catalogs()
    out: dict[tuple[str, int], set[str]] = {}
    for s in golden["sets"]:
        for i, case in enumerate(s["cases"]):
            seen = vectors.coverage([case["quote"]], [case["scenario"]])
            kinds = {f"{s['name']}:{k}" for k in seen if not k.startswith("days:")}
            kinds |= {f"days:{d}" for d in vectors.EDGE_DAYS if case["scenario"].get("days_remaining") == d}
            if vectors.exact_halves(found[s["name"]], [case["quote"]], [case["scenario"]]):
                kinds.add("exact_half")
            out[(s["name"], i)] = kinds
    return out


def sample(golden: dict[str, Any], size: int = 50) -> list[tuple[str, int]]:
    """About `size` cases (set name, index) for the browser: first a few that together show
    every feature of the cases, then cases spread evenly over the rest. The same every run."""
    shows = features(golden)
    chosen: list[tuple[str, int]] = []
    missing = set().union(*shows.values())
    while missing and len(chosen) < size:
        best = max(shows, key=lambda c: len(shows[c] & missing))  # the first of the best: stable
        chosen.append(best)
        missing -= shows[best]
    rest = [c for c in shows if c not in chosen]
    step = len(rest) / max(size - len(chosen), 1)
    chosen += [rest[int(k * step)] for k in range(size - len(chosen))]
    return chosen


if __name__ == "__main__":
    PATH.parent.mkdir(parents=True, exist_ok=True)
    golden = build()
    PATH.write_text(dumps(golden), encoding="utf-8")
    counts = ", ".join(f"{s['name']}: {len(s['cases'])}" for s in golden["sets"])
    print(f"wrote {PATH.relative_to(ROOT)} ({counts} cases)", file=sys.stderr)
