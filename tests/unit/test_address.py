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


def test_a_renewal_date_is_written_instead_of_its_days():
    # The days were worked out from the renewal date: the date keeps its meaning whenever the link is opened.
    s = scenario(
        current={"jira": {"users": 480}},
        proposed={"jira": {"users": 520}},
        days_remaining=120,
        renewal=date(2027, 3, 26),
    )
    params = parse_qsl(estimator_query(s))
    assert params[-1:] == [("renewal", "2027-03-26")] and "days_remaining" not in dict(params)


def test_a_dated_scenario_writes_its_date_and_its_renewal_date_never_the_days():
    # 120 days from November 26, 2026: 4 to the end of November, 31, 31, 28, then March 26, 2027.
    s = scenario(
        date=date(2026, 11, 26), current={"jira": {"users": 480}}, proposed={"jira": {"users": 520}}, days_remaining=120
    )
    assert parse_qsl(estimator_query(s))[-2:] == [("renewal", "2027-03-26"), ("date", "2026-11-26")]
    # A new purchase carries its date too: its first renewal is a term from it.
    assert parse_qsl(estimator_query(scenario(date=date(2026, 11, 26), proposed={"jira": {"users": 5}}))) == [
        ("customer", "government"),
        ("jira", "5"),
        ("date", "2026-11-26"),
    ]
