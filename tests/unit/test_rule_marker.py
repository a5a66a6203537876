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
