"""Which tier covers a number of users, and what kind of change a product's holding makes."""

from __future__ import annotations

from bisect import bisect_left

from govcloud.model.catalog import Product
from govcloud.model.memo import per_object
from govcloud.model.scenario import Change, Holding


def tier_index(product: Product, users: int) -> int:
    """Index of the smallest tier covering `users`; len(tiers) when none does."""
    return bisect_left(sizes(product), users)


def _sizes(product: Product) -> tuple[int, ...]:
    return tuple(tier.users for tier in product.tiers)


# A bisect over plain numbers, not over tiers through a key function, in every line of a quote.
sizes = per_object(_sizes)
"""The users of each of a product's tiers, ascending."""


def change_of(
    product: Product,
    now: Holding | None,
    wanted: Holding | None,
    indices: tuple[int, int] | None = None,
) -> Change:
    """The change kind of one product, comparing tiers (before any quote: scenario checks need it);
    `indices`, when the caller has them, are the tier_index of `now` and of `wanted`."""
    if now is None:
        return "new"
    if wanted is None:
        return "cancel"
    old, new = indices or (tier_index(product, now.users), tier_index(product, wanted.users))
    if new != old:
        return "upgrade" if new > old else "downgrade"
    if old == len(sizes(product)) and now.users != wanted.users:
        # Beyond the largest tier, where there is no tier, holdings are ordered by users.
        return "upgrade" if wanted.users > now.users else "downgrade"
    return "unchanged" if now.instances == wanted.instances else "instances_only"
