"""The day govcloud counts from when none is given: the system date, or the build's day.

A build (and every test that builds) can fix the day through SOURCE_DATE_EPOCH, the
reproducible-builds variable (seconds since 1970, UTC): the pages' tables, the price book's
`date` and the default date of a quote then follow it, so two builds made on different days
with the same SOURCE_DATE_EPOCH are the same, and the day of a build is stated where it shows.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

VARIABLE = "SOURCE_DATE_EPOCH"


def today() -> date:
    """SOURCE_DATE_EPOCH's day (UTC) when it is set to a whole number of seconds, else the system date."""
    given = os.environ.get(VARIABLE, "").strip()
    if given.isdigit():
        try:
            return datetime.fromtimestamp(int(given), UTC).date()
        except (OverflowError, OSError, ValueError):
            pass  # out of range: fall back to the system date, as an unset variable does
    return date.today()
