"""A page's own sentence that rests on a rule carries "(to confirm)" while the rule is unconfirmed."""

from __future__ import annotations

import pytest
from macros.pages import Pages

from catalogs import REAL
from govcloud.words.vocabulary import word


def confirmed(name: str):
    rule = getattr(REAL.rules, name).model_copy(update={"confirmed": True})
    return REAL.model_copy(update={"rules": REAL.rules.model_copy(update={name: rule})})


def test_the_marker_follows_the_rules_status():
    assert not REAL.rules.downgrade.confirmed and not REAL.rules.cancel.confirmed
    mark = word("site.rules.marker")
    assert Pages(REAL, []).marker("downgrade", "cancel") == mark
    pages = Pages(confirmed("downgrade"), [])
    assert pages.marker("downgrade") == ""
    assert pages.marker("downgrade", "cancel") == mark  # cancel is still to confirm


def test_an_unknown_rule_names_the_known_ones():
    with pytest.raises(ValueError, match="unknown rule 'downgrades'.*downgrade"):
        Pages(REAL, []).marker("downgrades")


def test_a_worked_scenario_resting_on_a_rule_to_confirm_says_so():
    """Its summary is a page's sentence too (on /changes/ and /scenarios/): a lower tier or a cancel
    that the rules leave to confirm is not told flatly ("The lower tier starts at renewal")."""
    from govcloud.calc.worked import load_worked

    rule_of = {"downgrade": "downgrade", "cancel": "cancel"}
    resting = [
        s
        for s, _ in load_worked(REAL)
        if any(k in rule_of and not getattr(REAL.rules, rule_of[k]).confirmed for k in s.expected.changes.values())
    ]
    assert resting, "the worked scenarios have a lower tier or a cancel"
    for s in resting:
        assert "to be confirmed" in " ".join(s.summary.split()), s.id
