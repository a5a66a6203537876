"""Dates as readers see them: the vocabulary's one date format (files and links keep YYYY-MM-DD)."""

from __future__ import annotations

from datetime import date

from govcloud.words.vocabulary import word


def long_date(day: date) -> str:
    """'March 26, 2027'."""
    return word("dates.long", month=f"{day:%B}", day=day.day, year=day.year)
