"""What the estimator's `data-testid` hooks should read for a scenario, worked out
from `govcloud` (Python), and how to read them from the page in one call."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from govcloud.model import Catalog
from govcloud.money import show
from govcloud.quote import quote
from govcloud.scenario import Scenario

KIND = {"new": "New subscription", "upgrade": "Upgrade", "downgrade": "Downgrade",
        "instances_only": "Instances", "unchanged": "No change", "cancel": "Cancelled"}
# Words the page must never show: signs of a number gone wrong.
BROKEN = re.compile(r"\b(NaN|undefined|Infinity|null)\b")

READ_HOOKS = """() => Object.fromEntries([...document.querySelectorAll('#gc-estimator [data-testid]')]
    .filter(e => !['INPUT', 'SELECT'].includes(e.tagName))
    .map(e => [e.dataset.testid, {text: e.textContent, value: e.dataset.value ?? null}]))"""


def change_words(catalog: Catalog, scenario: Scenario, line, contact: str) -> str:
    kind = KIND[line.change]
    if line.status != "ok":
        return f"{kind}: beyond the price book, ask {contact} for a quote"
    return {
        "new": f"{kind}: billed for a full term",
        "upgrade": f"{kind}: prorated for {scenario.days_remaining} of {catalog.term_days} days",
        "downgrade": f"{kind}: takes effect at renewal",
        "instances_only": f"{kind}: {line.instances} of {catalog.max_instances}, no extra cost",
        "unchanged": f"{kind}: the bill stays the same",
        "cancel": f"{kind}: ends with the current term, no credit",
    }[line.change]


def expected_hooks(catalog: Catalog, scenario: Scenario) -> dict[str, dict]:
    q = quote(catalog, scenario)
    ask = f"Ask {q.contact}"
    out: dict[str, dict] = {
        "annual-total": {"text": show(q.annual_total), "value": None},
        "due-now-total": {"text": show(q.due_now_total), "value": None},
        "contact": {"text": q.contact, "value": None},
    }
    for line in q.lines:
        ok, key = line.status == "ok", line.product
        out[f"tier-{key}"] = {"text": f"{line.tier:,} users" if line.tier else ("None" if ok else ask),
                              "value": str(line.tier) if line.tier else ""}
        out[f"annual-{key}"] = {"text": show(line.annual) if ok else ask, "value": None}
        out[f"due-now-{key}"] = {"text": show(line.due_now) if ok else ask, "value": None}
        out[f"change-{key}"] = {"text": change_words(catalog, scenario, line, q.contact), "value": line.change}
    return out


def query_pairs(url: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def type_scenario(page, catalog: Catalog, scenario: Scenario) -> None:
    """Enter a scenario through the form, as a person would, from a blank estimator."""
    page.get_by_test_id("mode-change" if scenario.current is not None else "mode-new").check()
    page.get_by_test_id("customer").select_option(scenario.customer)
    if scenario.current is not None:
        page.get_by_test_id("days-remaining").fill(str(scenario.days_remaining))
    for p in catalog.products:
        for prefix, holdings in (("current-", scenario.current or {}), ("", scenario.proposed)):
            held = holdings.get(p.key)
            if held is None:
                continue
            page.get_by_test_id(f"{prefix}users-{p.key}").press_sequentially(str(held.users))
            if held.instances != 1:
                page.get_by_test_id(f"{prefix}instances-{p.key}").fill(str(held.instances))


def product_hooks(hooks: dict, catalog: Catalog) -> set[str]:
    keys = {p.key for p in catalog.products}
    return {h for h in hooks if h.rsplit("-", 1)[-1] in keys and not h.startswith(("users-", "instances-"))}
