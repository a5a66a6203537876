"""Plain-text tables of quotes and the price book: what a salesperson pastes into an email."""
from __future__ import annotations

from decimal import Decimal

from .model import Catalog
from .money import show
from .quote import Quote, tier_index
from .scenario import Change, Scenario

# The words every output uses for a change kind (the estimator's page module says the same).
CHANGE_LABELS: dict[Change, str] = {
    "new": "New subscription", "upgrade": "Upgrade", "downgrade": "Downgrade",
    "instances_only": "Instances", "unchanged": "No change", "cancel": "Cancelled",
}


def align(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
            for r in rows]


def quote_table(catalog: Catalog, scenario: Scenario, q: Quote, heading: str) -> str:
    """The quote as a heading, what it is about, an aligned table and the messages."""
    ask = f"ask {q.contact}"
    change = scenario.current is not None
    today_cols = ["Tier today", "Annual today"] if change else []
    rows = [["Product", "Change", *today_cols, "Users", "Tier", "Instances", "Each year from renewal", "Due now"]]
    for line in q.lines:
        product = catalog.product(line.product)
        priced = line.status == "ok"
        today = []
        if change:
            held = scenario.current.get(line.product)
            index = tier_index(product, held.users) if held else None
            if held is None:
                today = ["-", "-"]
            elif index == len(product.tiers) or held.instances > catalog.max_instances:
                # Beyond the price book today too: no tier or price to show.
                today = [f"{held.users:,} users", ask]
            else:
                tier = product.tiers[index]
                today = [f"{tier.users:,}", show(tier.annual)]
        rows.append([product.name, CHANGE_LABELS[line.change], *today, f"{line.users:,}",
                     f"{line.tier:,}" if line.tier else "-", f"{line.instances:,}",
                     show(line.annual) if priced else ask, show(line.due_now) if priced else ask])
    priced_any = any(line.status == "ok" for line in q.lines)
    total = (show(q.annual_total), show(q.due_now_total)) if priced_any else (ask, ask)
    rows.append(["Total" + ("" if q.complete or not priced_any else " (priced lines only)"), "", *["" for _ in today_cols],
                 "", "", "", *total])
    about = f"{q.customer.capitalize()} customer: contact {q.contact}."
    if change:
        about += f" A change with {scenario.days_remaining} of {catalog.term_days} days left in the term."
    money = {len(rows[0]) - 2, len(rows[0]) - 1}
    numbers = {i for i, name in enumerate(rows[0]) if name in ("Tier today", "Annual today", "Users", "Tier", "Instances")}
    return "\n".join([heading, about, ""] + align(rows, money | numbers) + [""] + [f"- {m}" for m in q.messages])


def quote_tables(catalog: Catalog, scenarios: list[Scenario], quotes: list[Quote]) -> str:
    count = len(scenarios)
    parts = []
    for n, (scenario, q) in enumerate(zip(scenarios, quotes), start=1):
        number = f"Scenario {n} of {count}" if count > 1 else "Quote"
        heading = f"{number}: {scenario.title}" if scenario.title else number
        parts.append(quote_table(catalog, scenario, q, heading))
    return "\n\n\n".join(parts)


def pricebook_table(book: dict) -> str:
    contacts = book["contacts"]
    parts = [f"Illustrative annual prices in {book['currency']}; the quote from {contacts['government']} "
             f"(government customers) or {contacts['commercial']} governs. "
             f"Up to {book['max_instances']} instances per subscription at no extra cost."]
    for product in book["products"]:
        rows = [["Users up to", "Annual"]] + [[f"{t['users']:,}", show(Decimal(t["annual"]))]
                                             for t in product["tiers"]]
        parts.append("\n".join([product["name"]] + align(rows, {0, 1})))
    return "\n\n".join(parts)
