"""Exact money: Decimal amounts, rounded half-up to cents, shown as readers expect."""

from decimal import ROUND_HALF_UP, Decimal

from govcloud.words import cldr

# Every amount's currency (the catalog's `currency` allows this one).
CURRENCY = "USD"
CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def show(amount: Decimal) -> str:
    """'$23,400.00': how pages, tables and messages show an amount (in the vocabulary's locale)."""
    return cldr.money(cents(amount), CURRENCY)


def signed(amount: Decimal) -> str:
    """'+$300.00', '-$80.00': a difference (zero counts as no rise: '+$0.00')."""
    return ("+" if amount >= 0 else "-") + show(abs(amount))


def text(amount: Decimal | None) -> str | None:
    """'23400.00': how the JSON contract carries an amount in cents. Every amount is one: the data's
    are read in cents (the catalog's schema), each one worked out is rounded with cents(), and sums
    and differences of cents keep the two decimals, which str() writes as they are (a quote's JSON
    writes about fourteen amounts; tests/unit/test_properties.py holds the quotes to it)."""
    return None if amount is None else str(amount)
