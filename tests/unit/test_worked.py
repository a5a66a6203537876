"""The worked scenarios promise the new figures too: today's yearly total and the first
year's bills. A wrong promise fails `govcloud check` (and so the build), naming the field."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from cli_run import SCENARIOS, edited, line_of, run

WORKED = yaml.load(SCENARIOS.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("field", ["first_year_total", "today_annual_total"])
def test_broken_new_expectation_names_the_scenario_and_field(tmp_path, field):
    # The figure as the file writes it, one cent off: the test holds whatever today's prices are.
    index = [w["id"] for w in WORKED].index("upgrade-and-add-product")
    right = WORKED[index]["expected"][field]
    wrong = f"{Decimal(right) + Decimal('0.01'):.2f}"
    text = edited(tmp_path, f"{field}: {right}", f"{field}: {wrong}", name="scenarios.yml", source=SCENARIOS)
    line = line_of(text, f"{field}: {wrong}")
    expected = (
        f"scenarios.yml:{line}: [{index}].expected.{field}: scenario 'upgrade-and-add-product' "
        f"expects {wrong} but govcloud computes {right}"
    )
    result = run("check", "--scenarios", "scenarios.yml", cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()) == (2, [expected])


def test_every_worked_scenario_promises_its_first_year():
    assert all("first_year_total" in w["expected"] for w in WORKED)
    changes = [w for w in WORKED if "current" in w]
    assert changes and all("today_annual_total" in w["expected"] for w in changes)
