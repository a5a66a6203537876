"""Rules between values of the policy data (ladder order, unique keys, references),
checked on the raw data so that they are reported together with type problems."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

from govcloud.model.catalog import TIER_KEY, _amount, _day, trimmed
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
    yield from _price_change_checks(raw)


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


def _price_change_checks(raw: dict) -> Iterable[tuple[tuple, str]]:
    """`price_changes`: dates strictly ascending; products and tiers that exist; no entry that
    changes nothing; no ladder whose prices fall as tiers grow on any date. Types and amounts
    are the model's to report: what cannot be read here is left to it."""
    changes, products = raw.get("price_changes"), raw.get("products")
    if not isinstance(changes, list) or not isinstance(products, list):
        return
    # Each product's prices in force, by tier size, as the entries are applied in order.
    in_force: dict[str, dict[int, Decimal | None]] = {}
    for product in products:
        if isinstance(product, dict) and isinstance(product.get("key"), str) and isinstance(product.get("tiers"), list):
            in_force[product["key"]] = {
                size: _or_none(tier.get("annual"))
                for tier in product["tiers"]
                if isinstance(tier, dict) and (size := _size(tier.get("users"))) is not None
            }
    previous: date | None = None
    for i, entry in enumerate(changes):
        if not isinstance(entry, dict):
            continue
        at = ("price_changes", i)
        day = _or_none(entry.get("effective"), _day)
        if day is not None and previous is not None and day <= previous:
            yield (
                at + ("effective",),
                f"must be after the date of the entry before it ({previous.isoformat()}); "
                "list price changes in ascending order of date, one entry a date",
            )
        previous = day if day is not None else previous
        named = entry.get("products")
        if not isinstance(named, dict):
            continue
        changed, priced = False, False
        for key, tiers in named.items():
            if key not in in_force:
                known = ", ".join(in_force)
                yield (at + ("products", key), f"{key!r} is not the key of a product; the products are: {known}")
                continue
            if not isinstance(tiers, dict):
                continue
            ladder = in_force[key]
            for size_text, price in tiers.items():
                size = _size(size_text)
                if size is None:
                    continue
                if size not in ladder:
                    sizes = ", ".join(f"{s:,}" for s in ladder)
                    yield (
                        at + ("products", key, size_text),
                        f"{key} has no {size:,}-user tier (its tiers: {sizes}); a change prices existing tiers only",
                    )
                    continue
                amount = _or_none(price)
                if amount is None:
                    continue
                priced = True
                changed = changed or ladder[size] != amount
                ladder[size] = amount
            yield from _falling(ladder, tiers, at + ("products", key), day)
        if priced and not changed:
            yield (
                at,
                "changes nothing: every price it names is already the price in force on its date; remove the entry",
            )


def _falling(
    ladder: dict[int, Decimal | None], named: dict, loc: tuple, day: date | None
) -> Iterable[tuple[tuple, str]]:
    """A named tier whose new price is below a smaller tier's, or above a larger tier's, in force that day."""
    sizes = sorted(s for s, price in ladder.items() if price is not None)
    by_text = {_size(k): k for k in named}
    when = f"on {day.isoformat()}" if day else "from this entry's date"
    for lower, upper in zip(sizes, sizes[1:]):
        low, high = ladder[lower], ladder[upper]
        assert low is not None and high is not None
        if high >= low:
            continue
        if upper in by_text:
            yield (
                loc + (by_text[upper],),
                f"must not be less than the {lower:,}-user tier's price {when} ({low:,}): "
                "a larger tier never costs less",
            )
        elif lower in by_text:
            yield (
                loc + (by_text[lower],),
                f"must not be more than the {upper:,}-user tier's price {when} ({high:,}): "
                "a larger tier never costs less",
            )


def _size(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 1 else None
    return int(value) if isinstance(value, str) and re.fullmatch(TIER_KEY, value) else None


def _or_none(value: Any, read: Any = _amount) -> Any:
    """The value read as an amount (or by `read`), or None when it cannot be (the model says why)."""
    try:
        return read(value)
    except Exception:
        return None
