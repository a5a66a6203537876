"""The estimator's address written from a scenario (docs/formats.md, "The estimator's address")."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

from catalogs import scenario
from govcloud.render.address import estimator_query


def test_a_change_without_the_days_left_writes_none():
    # A downgrade needs no days; "days_remaining=None" would be a malformed parameter.
    query = estimator_query(scenario(current={"jira": {"users": 480}}, proposed={"jira": {"users": 200}}))
    assert parse_qsl(query) == [("customer", "government"), ("jira", "200"), ("current.jira", "480")]


def test_a_renewal_date_is_written_beside_its_days():
    s = scenario(
        current={"jira": {"users": 480}},
        proposed={"jira": {"users": 520}},
        days_remaining=120,
        renewal=date(2027, 3, 26),
    )
    assert parse_qsl(estimator_query(s))[-2:] == [("days_remaining", "120"), ("renewal", "2027-03-26")]
