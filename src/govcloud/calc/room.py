"""Room in the tier: for each product a quote prices, how many more users fit
before the next tier, and what the next tier costs a year more.

"20 more users fit; the 1,000-user tier costs $12,200.00 a year more." The
figures follow the calculation's rule (the smallest tier that covers the
users); the words are the vocabulary's `room` group, which the estimator
receives in the price book and fills the same way (see INTERFACES.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from govcloud.calc.quote import Quote
from govcloud.model.catalog import Catalog, Prices, Product
from govcloud.model.money import show
from govcloud.model.tiers import tier_index
from govcloud.words.cldr import count
from govcloud.words.vocabulary import word


@dataclass(frozen=True)
class Room:
    product: str  # key
    users: int
    tier: int  # the tier's maximum users
    room: int  # more users that fit in it: tier - users
    next_tier: int | None  # the next tier's maximum users; None at the largest tier
    more: Decimal | None  # what the next tier costs a year more than this one

    def as_json(self) -> dict[str, object]:
        return {
            "product": self.product,
            "users": self.users,
            "tier": self.tier,
            "room": self.room,
            "next_tier": self.next_tier,
            "more": None if self.more is None else f"{self.more:.2f}",
        }


def room_in_tier(product: Product, users: int, prices: Prices) -> Room | None:
    """The room left at `users` on the ladder in force; None when no tier covers them (beyond the price book)."""
    ladder = prices.ladder(product.key)
    i = tier_index(product, users)
    if i >= len(ladder):
        return None
    tier = ladder[i]
    after = ladder[i + 1] if i + 1 < len(ladder) else None
    return Room(
        product.key,
        users,
        tier.users,
        tier.users - users,
        after.users if after else None,
        after.annual - tier.annual if after else None,
    )


def room(catalog: Catalog, q: Quote) -> list[Room]:
    """One entry per priced line the customer keeps or buys (not a cancel, not beyond the price book)."""
    out = []
    for line in q.lines:
        if line.status != "ok" or line.change == "cancel" or line.tier is None:
            continue
        found = room_in_tier(catalog.product(line.product), line.users, q.prices)
        if found is not None:
            out.append(found)
    return out


def say(catalog: Catalog, r: Room, contact: str) -> str:
    """The entry in words: "Jira: 20 more users fit; the 1,000-user tier costs $12,200.00 a year more."."""
    if r.room == 0:
        fit = word("room.full", tier=count(r.tier))
    elif r.room == 1:
        fit = word("room.fit_one")
    else:
        fit = word("room.fit_many", room=count(r.room))
    name = catalog.product(r.product).name
    if r.next_tier is None or r.more is None:
        return word("room.top", product=name, fit=fit, tier=count(r.tier), contact=contact)
    return word("room.next", product=name, fit=fit, next_tier=count(r.next_tier), more=show(r.more))


def room_lines(catalog: Catalog, q: Quote) -> list[str]:
    """The CLI table's section: a blank line, the title, one line per product (none when nothing is priced)."""
    entries = room(catalog, q)
    if not entries:
        return []
    return ["", word("room.title")] + [f"- {say(catalog, r, q.contact)}" for r in entries]
