"""The outside validators over every page of both builds: the W3C Nu Html Checker and
html-validate report no error from the project's own markup, and what the theme's templates
still do is in tests/support/validators-allow.yml, each entry with its reason
(tests/support/validators.py reads both). stylelint finds nothing in the project's CSS."""

from __future__ import annotations

import pytest

from conftest import ROOT, both_builders
from validators import RUNNERS, VALIDATORS, judge, load_allow_list, run_stylelint


@both_builders
@pytest.mark.parametrize("validator", VALIDATORS)
def test_no_error_but_the_allowed_ones(site_dir, builder, validator):
    allowed = load_allow_list()
    findings = RUNNERS[validator](site_dir)
    problems = judge(findings, allowed, validator, builder)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_project_css_has_no_stylelint_finding():
    files = sorted((ROOT / "docs" / "assets").rglob("*.css"))
    assert files
    assert run_stylelint(files) == ""
