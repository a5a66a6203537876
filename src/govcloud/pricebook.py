"""The price book document: what `govcloud pricebook --json` prints and the estimator embeds."""
from __future__ import annotations

from typing import Any

from .model import Catalog
from .money import text


def pricebook(catalog: Catalog) -> dict[str, Any]:
    return {
        "currency": catalog.currency,
        "prices_are": catalog.prices_are,
        "term_days": catalog.term_days,
        "max_instances": catalog.max_instances,
        # Beyond CONTRACTS.md's shape: the estimator needs the contact names too.
        "contacts": {kind: getattr(catalog.contacts, kind).name for kind in ("government", "commercial")},
        "products": [
            {"key": p.key, "name": p.name,
             "tiers": [{"users": t.users, "annual": text(t.annual)} for t in p.tiers]}
            for p in catalog.products
        ],
    }
