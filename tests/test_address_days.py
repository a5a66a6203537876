"""The estimator link of a change without days left carries no `days_remaining`
(it read `days_remaining=None`, which the page reported as a malformed parameter)."""
from __future__ import annotations

from urllib.parse import parse_qsl

from catalogs import scenario
from govcloud.address import estimator_query


def test_a_change_without_days_leaves_them_out_of_the_link():
    s = scenario(current={"jira": {"users": 480}}, proposed={"jira": {"users": 40}})
    assert "days_remaining" not in dict(parse_qsl(estimator_query(s)))


def test_a_change_with_days_keeps_them():
    s = scenario(current={"jira": {"users": 480}}, proposed={"jira": {"users": 900}}, days_remaining=0)
    assert dict(parse_qsl(estimator_query(s)))["days_remaining"] == "0"
