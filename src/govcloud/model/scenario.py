"""Scenarios: what a customer has and wants, as sales, tests and the estimator write them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictInt
from pydantic_core import PydanticCustomError

from govcloud.model import clock
from govcloud.model.catalog import MAX_USERS, Key, Line, Money, Prose, Strict
from govcloud.words.vocabulary import word

Customer = Literal["government", "commercial"]
Change = Literal["new", "upgrade", "downgrade", "instances_only", "unchanged", "cancel"]


class Holding(Strict):
    # At most 2^53 - 1, as the estimator's fields: past it a JavaScript reader of the JSON quote
    # (or the estimator, given the same scenario) would hold another number.
    users: Annotated[StrictInt, Field(ge=1, le=MAX_USERS, description="Users the subscription must cover.")]
    instances: Annotated[StrictInt, Field(ge=1, le=MAX_USERS, description="Instances of the product.")] = 1


class Expected(Strict):
    """What a worked example promises; the build fails when the calculation disagrees."""

    annual_total: Money
    due_now_total: Money
    # Checked when given: what today's holdings cost a year, and what is paid in the next term's days.
    today_annual_total: Money | None = None
    first_year_total: Money | None = None
    complete: Annotated[bool, Field(strict=True)] = True
    changes: dict[Key, Change] = {}


def _date(value: object) -> date:
    """A renewal date: YAML's own date, or text written YYYY-MM-DD (JSON has no dates)."""
    if isinstance(value, date):
        return value
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise PydanticCustomError("renewal", word("problems.renewal_not_date"))


# A date as a scenario writes it (a field below is named `date`: the type goes by this name there).
Day = Annotated[date, BeforeValidator(_date)]
Slug = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


class Scenario(Strict):
    id: Slug | None = None
    title: Line | None = None
    summary: Prose | None = None
    customer: Customer = "government"
    current: dict[Key, Holding] | None = None
    proposed: dict[Key, Holding]
    days_remaining: Annotated[StrictInt, Field(ge=0)] | None = None
    # Instead of days_remaining: the current term's renewal date (days = renewal - the quote's date).
    renewal: Day | None = None
    # The quote's date D: the day the change is made and priced (default: `--today`, else the system date).
    date: Day | None = None
    expected: Expected | None = None


def quote_date(scenario: Scenario, today: date | None = None) -> date:
    """The quote's date D: the scenario's `date`, else `today` (`--today`), else the system date
    (or the build's day: clock.today)."""
    return scenario.date or today or clock.today()
