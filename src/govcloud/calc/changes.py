"""What a recorded price change moves: each tier it names, with the price in force the day
before and the price from its date, and the share of the change; read by `govcloud diff`
and the products page's "Price changes" section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from govcloud.model.catalog import Catalog, PriceChange


@dataclass(frozen=True)
class Move:
    product: str  # key
    users: int  # the tier's size
    old: Decimal  # the price in force the day before the change
    new: Decimal  # the price from its date


def moves(catalog: Catalog, change: PriceChange) -> list[Move]:
    """Each tier the change names, product by product in the entry's order, tiers ascending."""
    before = catalog.prices_on(change.effective - timedelta(days=1))
    after = catalog.prices_on(change.effective)
    return [
        Move(key, b.users, b.annual, a.annual)
        for key in change.products
        for b, a in zip(before.ladder(key), after.ladder(key))
        if b.users in change.products[key]
    ]


def percent(old: Decimal, new: Decimal) -> str:
    """'+5.0%': the change as a share of the old price, to a tenth of a percent."""
    change = ((new - old) * 100 / old).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{change:+}%"


def shares(found: list[Move]) -> list[str]:
    """The distinct shares of some moves, lowest first."""
    return sorted({percent(m.old, m.new) for m in found}, key=lambda p: Decimal(p[:-1]))


def scheduled(catalog: Catalog, day: date, key: str) -> list[tuple[date, dict[int, Decimal]]]:
    """Each change after `day` that moves one of the product's prices: its date and the tiers it
    moves (by size) with their new prices."""
    out = []
    before = {t.users: t.annual for t in catalog.prices_on(day).ladder(key)}
    for effective in catalog.change_dates():
        if effective <= day:
            continue
        now = {t.users: t.annual for t in catalog.prices_on(effective).ladder(key)}
        moved = {users: price for users, price in now.items() if before[users] != price}
        if moved:
            out.append((effective, moved))
        before = now
    return out
