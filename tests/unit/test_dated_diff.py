"""`govcloud diff` on dated price changes: an entry added or removed, its date moved, a price
within it changed, per product and tier, and the worked scenarios it moves (their bills priced
on their own days). The old data is the frozen fixture; the new one adds the fixture's changes
(tests/support/fixtures/price-changes.yml), edited as text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from catalogs import PRICE, dated_text
from cli_run import FIXTURE
from govcloud.cli.commands import main as govcloud

# A worked scenario dated December 1, 2026: Jira from the 500- to the 1,000-user tier with 115 days
# left, so its renewal falls on March 26, 2027, after the rise of February 1; and one renewing before it.
SCENARIOS = """\
- id: grow
  title: Grow Jira
  date: 2026-12-01
  current: {jira: {users: 480}}
  proposed: {jira: {users: 520}}
  days_remaining: 115
- id: early
  title: Renew early
  date: 2026-12-01
  current: {jira: {users: 480}}
  proposed: {jira: {users: 480}}
  days_remaining: 30
"""
FIRST = dated_text()[: dated_text().index("      confluence: {200: 9450.00}")]  # the 5% rise on Jira alone


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "old.yml").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "scenarios.yml").write_text(SCENARIOS, encoding="utf-8")
    return tmp_path


def diff(folder, old: str, new: str, capsys) -> list[str]:
    (folder / "old.yml").write_text(old, encoding="utf-8")
    (folder / "new.yml").write_text(new, encoding="utf-8")
    code = govcloud(
        ["diff", str(folder / "old.yml"), str(folder / "new.yml"), "--scenarios", str(folder / "scenarios.yml")]
    )
    out = capsys.readouterr()
    assert (code, out.err) == (0, "")
    return out.out.splitlines()


def test_a_5_percent_rise_added_names_each_tier_and_the_scenarios_it_moves(folder, capsys):
    old = FIXTURE.read_text(encoding="utf-8")
    lines = diff(folder, old, FIRST, capsys)
    assert lines[2:4] == [
        "Price changes",
        f"  - Price change added, effective February 1, 2027: Jira ({len(PRICE['jira'])} tiers, +5.0% each)",
    ]
    # Each tier against the price in force the day before: 23,400.00 x 1.05 = 24,570.00.
    assert "      Jira, up to 1,000 users: $23,400.00 → $24,570.00 (+$1,170.00, +5.0%)" in lines
    assert "      Jira, up to 10 users: $600.00 → $630.00 (+$30.00, +5.0%)" in lines
    # `grow` renews on March 26, 2027 at the new price; what is paid in its first 365 days moves with it:
    # due now (23,400.00 - 11,200.00) x 115 / 365 = 3,843.84 does not (priced on D, before the rise).
    at = lines.index("  - grow: Grow Jira")
    assert lines[at + 1 : at + 3] == [
        "      Paid in the next 365 days: $27,243.84 → $28,413.84 (+$1,170.00)",
        "      The renewal of the current term, March 26, 2027: $23,400.00 → $24,570.00 (+$1,170.00)",
    ]
    assert not [line for line in lines if "early" in line]  # renews on December 31, 2026: nothing moves
    # The prices under `tiers` did not change: no "Prices" section repeats the change.
    assert "Prices (a year)" not in lines


def test_a_change_removed(folder, capsys):
    lines = diff(folder, FIRST, FIXTURE.read_text(encoding="utf-8"), capsys)
    assert f"  - Price change removed, of February 1, 2027: Jira ({len(PRICE['jira'])} tiers, +5.0% each)" in lines
    assert "      Jira, up to 1,000 users: $23,400.00 → $24,570.00 (+$1,170.00, +5.0%)" in lines


def test_a_change_moved_to_another_date(folder, capsys):
    lines = diff(folder, FIRST, FIRST.replace("effective: 2027-02-01", "effective: 2027-04-01"), capsys)
    assert (
        f"  - Price change of February 1, 2027 moved to April 1, 2027: Jira ({len(PRICE['jira'])} tiers, +5.0% each)"
        in lines
    )
    # `grow` renews on March 26, 2027: now before the change.
    assert "      The renewal of the current term, March 26, 2027: $24,570.00 → $23,400.00 (-$1,170.00)" in lines


def test_a_price_within_a_change_and_a_tier_it_names(folder, capsys):
    assert PRICE["jira"][1000] == Decimal("23400.00")
    new = FIRST.replace("1000: 24570.00", "1000: 24600.00").replace(
        "jira: {10: 630.00,", "jsm: {10: 1200.00}\n      jira: {10: 630.00,"
    )
    lines = diff(folder, FIRST, new, capsys)
    assert "  - Price change of February 1, 2027: Jira, up to 1,000 users: $24,570.00 → $24,600.00 (+$30.00)" in lines
    assert (
        "  - Price change of February 1, 2027: Jira Service Management, up to 10 users: now named, at $1,200.00 a year"
        in lines
    )
    assert "      The renewal of the current term, March 26, 2027: $24,570.00 → $24,600.00 (+$30.00)" in lines
