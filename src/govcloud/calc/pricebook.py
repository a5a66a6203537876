"""The price book document: what `govcloud pricebook --json` prints and the estimator embeds."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from govcloud.calc.quote import DIFFERENCE_RULES, KEPT, LINE_RULES, PART_RULES, PARTS
from govcloud.model.catalog import Catalog, Contacts, Rules
from govcloud.model.money import text
from govcloud.model.names import names
from govcloud.words.vocabulary import WORDS


def pricebook(catalog: Catalog) -> dict[str, Any]:
    # The prices under `tiers`: those in force before any dated change (date.min); the
    # estimator works out the ladder in force on its own day (govcloud-quote.js: pricesOn).
    prices = catalog.prices_on(date.min)
    return {
        "currency": catalog.currency,
        "prices_are": catalog.prices_are,
        "term_days": catalog.term_days,
        "max_instances": catalog.max_instances,
        # Beyond the fields above (all documented in docs/formats.md): the contact of each
        # customer kind (its keys are the kinds), the rules with whether each is confirmed
        # (the calculation's `assumptions` follow them), and every word a quote is shown with.
        "contacts": {kind: getattr(catalog.contacts, kind).name for kind in Contacts.model_fields},
        "rules": {
            name: {
                "title": getattr(catalog.rules, name).title,
                "summary": catalog.rule_text(name),
                "confirmed": getattr(catalog.rules, name).confirmed,
            }
            for name in Rules.model_fields
        },
        # Which rules each change rests on and which bills it makes (quote.py's tables): the
        # estimator reads them here and keeps only the arithmetic.
        "calculation": {
            "kept": list(KEPT),
            "line_rules": {change: list(rules) for change, rules in LINE_RULES.items()},
            "part_rules": {part: {c: list(r) for c, r in by.items()} for part, by in PART_RULES.items()},
            "parts": list(PARTS),
            "difference_rules": list(DIFFERENCE_RULES),
        },
        "option_names": names(),  # how the estimator checks an option's name, as `govcloud quote` does
        "words": copy.deepcopy(WORDS),  # a copy: whoever edits the document must not edit the vocabulary
        "products": [
            {
                "key": p.key,
                "name": p.name,
                "tiers": [{"users": t.users, "annual": text(t.annual)} for t in prices.ladder(p.key)],
            }
            for p in catalog.products
        ],
    }
