"""The worked scenarios promise the new figures too: today's yearly total and the first
year's bills. A wrong promise fails `govcloud check` (and so the build), naming the field."""

from __future__ import annotations

import pytest
import yaml

from cli_run import SCENARIOS, edited, line_of, run

WORKED = yaml.load(SCENARIOS.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("field, written, wrong, computed", [
    ("first_year_total", "first_year_total: 36410.96", "first_year_total: 36410.95", "36410.96"),
    ("today_annual_total", "today_annual_total: 11200.00", "today_annual_total: 11200.01", "11200.00"),
])
def test_broken_new_expectation_names_the_scenario_and_field(tmp_path, field, written, wrong, computed):
    text = edited(tmp_path, written, wrong, name="scenarios.yml", source=SCENARIOS)
    line = line_of(text, wrong)
    index = [w["id"] for w in WORKED].index("upgrade-and-add-product")
    promised = wrong.split(": ")[1]
    expected = (f"scenarios.yml:{line}: [{index}].expected.{field}: scenario 'upgrade-and-add-product' "
                f"expects {promised} but govcloud computes {computed}")
    result = run("check", "--scenarios", "scenarios.yml", cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()) == (2, [expected])


def test_every_worked_scenario_promises_its_first_year():
    assert all("first_year_total" in w["expected"] for w in WORKED)
    changes = [w for w in WORKED if "current" in w]
    assert changes and all("today_annual_total" in w["expected"] for w in changes)
