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


def beyond_words(catalog: Catalog, scenario: Scenario, key: str, contact: str) -> str:
    """Why a line needs sales: users past the largest tier and/or instances past the limit."""
    product = next(p for p in catalog.products if p.key == key)
    held = [h for h in (scenario.proposed.get(key), (scenario.current or {}).get(key)) if h is not None]
    users = any(h.users > product.tiers[-1].users for h in held)
    instances = any(h.instances > catalog.max_instances for h in held)
    limit = f"{catalog.max_instances:,} instances"
    more = ("more than the listed tiers and " + limit if users and instances
            else "more than " + limit if instances else "more than the listed tiers")
    return f"{more}; {contact} quotes it"


def change_words(catalog: Catalog, scenario: Scenario, line, contact: str) -> str:
    kind = KIND[line.change]
    if line.status != "ok":
        return f"{kind}: {beyond_words(catalog, scenario, line.product, contact)}"
    return {
        "new": f"{kind}: billed for a full term",
        "upgrade": f"{kind}: prorated for {scenario.days_remaining} of {catalog.term_days} days",
        "downgrade": f"{kind}: takes effect at renewal",
        "instances_only": f"{kind}: {line.instances} of {catalog.max_instances}, no extra cost",
        "unchanged": f"{kind}: the bill stays the same",
        "cancel": f"{kind}: ends with the current term, no credit",
    }[line.change]


def today_price(catalog: Catalog, scenario: Scenario, key: str):
    """(tier, annual) the customer pays today for `key`, walking the tiers by hand;
    None when the product is new, "beyond" past the tiers or the instance limit."""
    held = (scenario.current or {}).get(key)
    if held is None:
        return None
    product = next(p for p in catalog.products if p.key == key)
    if held.instances > catalog.max_instances:
        return "beyond"
    for tier in product.tiers:
        if tier.users >= held.users:
            return tier.users, tier.annual
    return "beyond"


def expected_hooks(catalog: Catalog, scenario: Scenario) -> dict[str, dict]:
    q = quote(catalog, scenario)
    ask = f"Ask {q.contact}"
    # With no priced line, a total of $0.00 would mislead: the totals say whom to ask.
    priced = any(line.status == "ok" for line in q.lines)
    annual_total = show(q.annual_total) if priced else ask
    due_now_total = show(q.due_now_total) if priced else ask
    out: dict[str, dict] = {
        "annual-total": {"text": annual_total, "value": None},
        "due-now-total": {"text": due_now_total, "value": None},
        "summary-annual": {"text": annual_total, "value": None},
        "summary-due-now": {"text": due_now_total, "value": None},
        "contact": {"text": q.contact, "value": None},
    }
    for line in q.lines:
        ok, key = line.status == "ok", line.product
        out[f"tier-{key}"] = {"text": f"{line.tier:,} users" if line.tier else ("—" if ok else ask),
                              "value": str(line.tier) if line.tier else ""}
        out[f"annual-{key}"] = {"text": show(line.annual) if ok else ask, "value": None}
        out[f"due-now-{key}"] = {"text": show(line.due_now) if ok else ask, "value": None}
        out[f"change-{key}"] = {"text": change_words(catalog, scenario, line, q.contact), "value": line.change}
        if scenario.current is not None:
            now = today_price(catalog, scenario, key)
            out[f"today-{key}"] = (
                {"text": "—", "value": ""} if now is None else {"text": ask, "value": ""} if now == "beyond"
                else {"text": f"{now[0]:,} users, {show(now[1])}", "value": f"{now[1]:.2f}"})
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
