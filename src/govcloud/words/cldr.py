"""Numbers, amounts, dates and lists as readers of the current language write them.

The rules are CLDR's, through Babel: `count(1000)` is "1,000" in en_US and would
be "1 000" in fr; `join` puts "and" (or "、") where the language puts it. Every
output that shows a figure, a date or a list of names formats it here, for the
locale of the current language (govcloud.words.language); each cache is keyed by
that locale, so a build in Japanese never reads an English figure from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    return _money_writer(currency, current().locale)(amount)


# Amounts Babel writes once per locale: the plain writer below is used only if it writes each the same.
PROBES = tuple(
    Decimal(a)
    for a in ("0.00", "-0.00", "0.05", "7.10", "999.99", "1000.00", "12345.67", "1234567.89", "100000000000.01")
)


@cache
def _money_writer(currency: str, locale: str) -> Callable[[Decimal], str]:
    """How this locale writes an amount in cents: Babel's CLDR pattern, or, when the pattern is
    the common shape (one symbol before or after, groups of three, two decimals) and the plain
    writer gives Babel's text for every probe, negative ones included, the plain writer (Babel
    takes ~8 µs an amount, and a quote shows up to three amounts that no cache has seen)."""
    loc = _locale(locale)

    def babel(amount: Decimal) -> str:
        return format_currency(amount, currency, locale=loc)

    sample = babel(Decimal("1234567.89"))
    start, end = sample.find("1"), sample.rfind("9")
    middle = sample[start : end + 1]
    group, point = middle[1:2], middle[-3:-2]
    if start < 0 or middle != f"1{group}234{group}567{point}89":
        return babel
    before, after = sample[:start], sample[end + 1 :]
    negative = babel(Decimal("-1234567.89"))
    if not negative.endswith(after):
        return babel
    minus = negative[: negative.find("1")]
    digits = None if (group, point) == (",", ".") else str.maketrans({",": group, ".": point})

    def plain(amount: Decimal) -> str:
        text = f"{abs(amount):,.2f}"
        return (minus if amount.is_signed() else before) + (text.translate(digits) if digits else text) + after

    probes = [*PROBES, *(-p for p in PROBES if p)]  # -0.00 among them: Babel writes "-$0.00"
    return plain if all(plain(p) == babel(p) for p in probes) else babel


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
