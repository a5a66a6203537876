"""Numbers, amounts, dates and lists as readers of the vocabulary's locale write them.

The rules are CLDR's, through Babel: `count(1000)` is "1,000" in en_US and would
be "1 000" in fr; `join` puts "and" (or "、") where the language puts it. Every
output that shows a figure, a date or a list of names formats it here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from govcloud.words.vocabulary import LISTS_AS, LOCALE


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


@lru_cache(maxsize=65536)  # tier sizes and counts recur; Babel takes ~10 µs a number
def count(n: int) -> str:
    """A whole number: '1,000'."""
    return format_decimal(n, locale=_locale(LOCALE))


@lru_cache(maxsize=65536)  # a table shows the same few prices many times; Babel takes ~20 µs an amount
def money(amount: Decimal, currency: str) -> str:
    """An amount already rounded to cents: '$23,400.00'."""
    return format_currency(amount, currency, locale=_locale(LOCALE))


def axis_money(amount: Decimal, currency: str) -> str:
    """An amount as a chart's axis labels it, with no zeros after the point: '$1,000', '$0.1'."""
    return format_currency(amount, currency, format="¤#,##0.##", currency_digits=False, locale=_locale(LOCALE))


def long_date(day: date) -> str:
    """'March 26, 2027' (files and links keep YYYY-MM-DD)."""
    return format_date(day, "long", locale=_locale(LOCALE))


def join(words: Sequence[str]) -> str:
    """'A, B and C'."""
    return format_list(list(words), locale=_locale(LISTS_AS.get(LOCALE, LOCALE)))
