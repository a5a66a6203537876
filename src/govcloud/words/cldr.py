"""Numbers, amounts, dates and lists as readers of the current language write them.

The rules are CLDR's, through Babel: `count(1000)` is "1,000" in en_US and would
be "1 000" in fr; `join` puts "and" (or "、") where the language puts it. Every
output that shows a figure, a date or a list of names formats it here, for the
locale of the current language (govcloud.words.language); each cache is keyed by
that locale, so a build in Japanese never reads an English figure from it.
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

from govcloud.words.language import current
from govcloud.words.vocabulary import LISTS_AS


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def count(n: int) -> str:
    """A whole number: '1,000'."""
    return _count(n, current().locale)


@lru_cache(maxsize=65536)  # tier sizes and counts recur; Babel takes ~10 µs a number
def _count(n: int, locale: str) -> str:
    return format_decimal(n, locale=_locale(locale))


def money(amount: Decimal, currency: str) -> str:
    """An amount already rounded to cents: '$23,400.00' (in Japanese too: US dollars as Americans write them)."""
    return _money(amount, currency, current().locale)


@lru_cache(maxsize=65536)  # a table shows the same few prices many times; Babel takes ~20 µs an amount
def _money(amount: Decimal, currency: str, locale: str) -> str:
    return format_currency(amount, currency, locale=_locale(locale))


def axis_money(amount: Decimal, currency: str) -> str:
    """An amount as a chart's axis labels it, with no zeros after the point: '$1,000', '$0.1'."""
    return format_currency(
        amount, currency, format="¤#,##0.##", currency_digits=False, locale=_locale(current().locale)
    )


def long_date(day: date) -> str:
    """'March 26, 2027', '2027年3月26日' (files and links keep YYYY-MM-DD)."""
    return format_date(day, "long", locale=_locale(current().locale))


def join(words: Sequence[str]) -> str:
    """'A, B and C', 'A、B、C'."""
    locale = current().locale
    return format_list(list(words), locale=_locale(LISTS_AS.get(locale, locale)))
