"""The price book document: what `govcloud pricebook --json` prints and the estimator embeds."""

from __future__ import annotations

from datetime import date
from typing import Any

from govcloud.calc.quote import DIFFERENCE_RULES, HOLDS_RULE, KEPT, LINE_RULES, PART_RULES, PARTS
from govcloud.model import clock
from govcloud.model.catalog import Catalog, Contacts, Rules
from govcloud.model.money import text
from govcloud.model.names import names
from govcloud.words.vocabulary import words


def pricebook(catalog: Catalog, day: date | None = None) -> dict[str, Any]:
    """The price book on `day` (default: the build's day, clock.today): `tiers` hold the prices in
    force then, `price_history` every version, which the estimator prices its own day with
    (govcloud-quote.js: pricesOn)."""
    day = day or clock.today()
    prices = catalog.prices_on(day)
    return {
        "currency": catalog.currency,
        "prices_are": catalog.prices_are,
        "term_days": catalog.term_days,
        "max_instances": catalog.max_instances,
        "date": day.isoformat(),
        "quote_valid_days": catalog.quote_valid_days,
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
            # The rule the due-now bill rests on while a price change falls inside the quote's validity.
            "holds_rule": HOLDS_RULE,
        },
        "option_names": names(),  # how the estimator checks an option's name, as `govcloud quote` does
        # In the current language, with its locale for Intl (`words.language.locale`); a new tree
        # each time: whoever edits the document must not edit the vocabulary.
        "words": words(),
        "products": [
            {
                "key": p.key,
                "name": p.name,
                "tiers": [{"users": t.users, "annual": text(t.annual)} for t in prices.ladder(p.key)],
            }
            for p in catalog.products
        ],
        "price_history": price_history(catalog),
    }


def price_history(catalog: Catalog) -> list[dict[str, Any]]:
    """Every version of the prices, ascending: first those before any recorded change
    (`effective` null), then one a change, each with every product's whole ladder."""
    days: list[date | None] = [None, *catalog.change_dates()]
    return [
        {
            "effective": None if day is None else day.isoformat(),
            "products": {
                p.key: [
                    {"users": t.users, "annual": text(t.annual)}
                    for t in catalog.prices_on(day or date.min).ladder(p.key)
                ]
                for p in catalog.products
            },
        }
        for day in days
    ]
