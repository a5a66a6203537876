"""Which tier covers a number of users, and what kind of change a product's holding makes."""

from __future__ import annotations

from bisect import bisect_left

from govcloud.model.catalog import Product, Tier
from govcloud.model.scenario import Change, Holding


def tier_index(product: Product, users: int) -> int:
    """Index of the smallest tier covering `users`; len(tiers) when none does."""
    return bisect_left(product.tiers, users, key=_users)


def _users(tier: Tier) -> int:
    return tier.users


def change_of(product: Product, now: Holding | None, wanted: Holding | None) -> Change:
    """The change kind of one product, comparing tiers (before any quote: scenario checks need it)."""
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
