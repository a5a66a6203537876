"""The estimator's address format (docs/formats.md): a scenario as query parameters,
so that a link reproduces an estimate."""

from __future__ import annotations

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
    """'customer=government&jira=520&jira.instances=3&current.jira=480&...&days_remaining=120'."""
    params = [("customer", scenario.customer)] + _holdings("", scenario.proposed)
    if scenario.current is not None:
        params += _holdings("current.", scenario.current)
        # The days only when known: a downgrade or a cancel needs none.
        if scenario.days_remaining is not None:
            params.append(("days_remaining", str(scenario.days_remaining)))
        if scenario.renewal is not None:
            params.append(("renewal", scenario.renewal.isoformat()))
    return urlencode(params)
