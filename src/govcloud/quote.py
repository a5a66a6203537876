"""The calculation: a quote for a scenario on a catalog, by the rules in CONTRACTS.md."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .model import Catalog, Product
from .money import ZERO, cents, show, text
from .scenario import Change, Holding, Scenario


@dataclass(frozen=True)
class Line:
    product: str
    change: Change
    users: int
    tier: int | None
    instances: int
    annual: Decimal | None
    due_now: Decimal | None
    status: str

    def as_json(self) -> dict[str, Any]:
        return {"product": self.product, "change": self.change, "users": self.users, "tier": self.tier,
                "instances": self.instances, "annual": text(self.annual), "due_now": text(self.due_now),
                "status": self.status}


@dataclass(frozen=True)
class Quote:
    currency: str
    customer: str
    contact: str
    lines: list[Line]
    messages: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(line.status == "ok" for line in self.lines)

    @property
    def annual_total(self) -> Decimal:
        return sum((l.annual for l in self.lines if l.status == "ok"), ZERO)

    @property
    def due_now_total(self) -> Decimal:
        return sum((l.due_now for l in self.lines if l.status == "ok"), ZERO)

    def as_json(self) -> dict[str, Any]:
        return {"currency": self.currency, "customer": self.customer, "contact": self.contact,
                "complete": self.complete, "lines": [l.as_json() for l in self.lines],
                "annual_total": text(self.annual_total), "due_now_total": text(self.due_now_total),
                "messages": self.messages}


def tier_index(product: Product, users: int) -> int:
    """Index of the smallest tier covering `users`; len(tiers) when none does."""
    return bisect_left([t.users for t in product.tiers], users)


def prorate(difference: Decimal, days: int, term_days: int) -> Decimal:
    return cents(difference * days / term_days)


def quote(catalog: Catalog, scenario: Scenario) -> Quote:
    contact = getattr(catalog.contacts, scenario.customer).name
    current = scenario.current or {}
    lines, messages = [], []
    for product in catalog.products:
        now, wanted = current.get(product.key), scenario.proposed.get(product.key)
        if now is None and wanted is None:
            continue
        line, said = _line(catalog, product, now, wanted, scenario.days_remaining or 0, contact)
        lines.append(line)
        messages += said
    result = Quote(catalog.currency, scenario.customer, contact, lines, messages)
    if not result.complete:
        messages.append(f"Totals cover the priced lines only; {contact} will quote the rest.")
    messages.append(f"Prices are illustrative list prices; the quote from {contact} governs.")
    return result


def _change(product: Product, now: Holding | None, wanted: Holding | None) -> Change:
    if now is None:
        return "new"
    if wanted is None:
        return "cancel"
    old, new = _rank(product, now.users), _rank(product, wanted.users)
    if new != old:
        return "upgrade" if new > old else "downgrade"
    return "unchanged" if now.instances == wanted.instances else "instances_only"


def _rank(product: Product, users: int) -> tuple[int, int]:
    """Orders holdings by tier; beyond the largest tier, where there is no tier, by users."""
    index = tier_index(product, users)
    return index, users if index == len(product.tiers) else 0


def _beyond(catalog: Catalog, product: Product, holdings: list[Holding]) -> list[str]:
    """Why a line is beyond the price book, in words; empty when it is not."""
    top = product.tiers[-1].users
    reasons = []
    users = max(h.users for h in holdings)
    if users > top:
        reasons.append(f"{users:,} users is more than the largest tier ({top:,} users)")
    instances = max(h.instances for h in holdings)
    if instances > catalog.max_instances:
        reasons.append(f"{instances:,} instances is more than the limit of {catalog.max_instances:,}")
    return reasons


def _line(catalog: Catalog, product: Product, now: Holding | None, wanted: Holding | None,
          days: int, contact: str) -> tuple[Line, list[str]]:
    name, change = product.name, _change(product, now, wanted)
    held = [h for h in (now, wanted) if h is not None]
    users, instances = (wanted.users, wanted.instances) if wanted else (0, 0)
    reasons = _beyond(catalog, product, held)
    if reasons:
        return (Line(product.key, change, users, None, instances, None, None, "contact_sales"),
                [f"{name}: {'; '.join(reasons)}; ask {contact} for a quote."])
    if wanted is None:
        return (Line(product.key, "cancel", 0, None, 0, ZERO, ZERO, "ok"),
                [f"{name}: cancelled; the subscription ends with the current term, "
                 "with no credit for the time left."])
    tier = product.tiers[tier_index(product, wanted.users)]
    said = [f"{name}, {wanted.users:,} users: the {tier.users:,}-user tier, the smallest that covers them."]
    due = ZERO
    if change == "new":
        due = tier.annual
        said.append(f"{name}: new subscription, billed for a full term: {show(due)} due now.")
    elif now is not None:
        old = product.tiers[tier_index(product, now.users)]
        if change == "upgrade":
            difference = tier.annual - old.annual
            due = prorate(difference, days, catalog.term_days)
            said.append(f"{name}: upgrade from the {old.users:,}-user tier; the difference of {show(difference)} "
                        f"a year is prorated for {days} of {catalog.term_days} days: {show(due)} due now.")
        elif change == "downgrade":
            said.append(f"{name}: downgrade from the {old.users:,}-user tier takes effect at renewal; "
                        "nothing is due now and no credit is given.")
        elif change == "instances_only":
            said.append(f"{name}: instances go from {now.instances} to {wanted.instances}; "
                        "the tier and the bill stay the same.")
        else:
            said.append(f"{name}: no change to the bill.")
    said.append(f"{name}: {wanted.instances} of {catalog.max_instances} instances, at no extra cost.")
    return Line(product.key, change, wanted.users, tier.users, wanted.instances, tier.annual, due, "ok"), said
