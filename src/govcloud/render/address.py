"""The estimator's address format (docs/formats.md): a scenario as query parameters,
so that a link reproduces an estimate."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from govcloud.model.scenario import Holding, Scenario


def _holdings(prefix: str, holdings: dict[str, Holding]) -> list[tuple[str, str]]:
    params = []
    for key, held in holdings.items():
        params.append((f"{prefix}{key}", str(held.users)))
        if held.instances != 1:
            params.append((f"{prefix}{key}.instances", str(held.instances)))
    return params


def estimator_query(scenario: Scenario) -> str:
    """'customer=government&jira=520&...&current.jira=480&...&date=2026-12-01&renewal=2027-03-31'.

    A dated scenario's link carries its date and, for a change, the renewal date (its days
    counted from that date), never the days: opened a month later it shows the same estimate.
    An undated one keeps `days_remaining` (or `renewal`), counted from the day it is opened."""
    params = [("customer", scenario.customer)] + _holdings("", scenario.proposed)
    if scenario.current is not None:
        params += _holdings("current.", scenario.current)
        # The days only when known: a downgrade or a cancel needs none.
        renewal = scenario.renewal
        if renewal is None and scenario.date is not None and scenario.days_remaining is not None:
            renewal = scenario.date + timedelta(days=scenario.days_remaining)
        if renewal is not None:
            params.append(("renewal", renewal.isoformat()))
        elif scenario.days_remaining is not None:
            params.append(("days_remaining", str(scenario.days_remaining)))
    if scenario.date is not None:
        params.append(("date", scenario.date.isoformat()))
    return urlencode(params)
