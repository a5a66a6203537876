"""Rules between values of the policy data (ladder order, unique keys, references),
checked on the raw data so that they are reported together with type problems."""

from __future__ import annotations

from typing import Any, Iterable

from govcloud.model.catalog import _amount, trimmed
from govcloud.words.vocabulary import word


def catalog_cross_checks(raw: Any) -> Iterable[tuple[tuple, str]]:
    """Rules between values, checked on the raw data so they come with type problems."""
    if not isinstance(raw, dict):
        return
    products = raw.get("products")
    if isinstance(products, list):
        seen: dict[str, int] = {}
        named: dict[str, int] = {}
        for i, product in enumerate(products):
            if not isinstance(product, dict):
                continue
            key = product.get("key")
            if isinstance(key, str):
                if key in seen:
                    yield (("products", i, "key"), f"{key!r} is already the key of products[{seen[key]}]")
                seen.setdefault(key, i)
            # Two products of one name read as one on every page: names differ once trimmed, as options' do.
            name = product.get("name")
            if isinstance(name, str) and trimmed(name):
                same = trimmed(name)
                if same in named:
                    yield (("products", i, "name"), word("names.taken", other=f"products[{named[same]}]"))
                named.setdefault(same, i)
            yield from _ladder_checks(product.get("tiers"), ("products", i, "tiers"))
    sources, rules = raw.get("sources"), raw.get("rules")
    if isinstance(sources, dict) and isinstance(rules, dict):
        for name, rule in rules.items():
            ref = rule.get("source") if isinstance(rule, dict) else None
            if isinstance(ref, str) and ref not in sources:
                yield (("rules", name, "source"), f"{ref!r} is not a key of sources")


def _ladder_checks(tiers: Any, loc: tuple) -> Iterable[tuple[tuple, str]]:
    if not isinstance(tiers, list):
        return
    previous = None
    for j, tier in enumerate(tiers):
        if not isinstance(tier, dict):
            previous = None
            continue
        users = tier.get("users")
        users = users if isinstance(users, int) and not isinstance(users, bool) else None
        try:
            annual = _amount(tier.get("annual"))
        except Exception:
            annual = None
        if previous:
            prev_users, prev_annual = previous
            if users is not None and prev_users is not None and users <= prev_users:
                yield (
                    loc + (j, "users"),
                    f"must be more than the tier before it ({prev_users:,} users); "
                    "list tiers in ascending order, each once",
                )
            if annual is not None and prev_annual is not None and annual < prev_annual:
                yield (loc + (j, "annual"), f"must not be less than the tier before it ({prev_annual:,})")
        previous = (users, annual)
