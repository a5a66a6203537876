"""The quote's date on the command line: `govcloud quote` (the table's dated bills and their
price list, the JSON's new fields, options), and `govcloud pricebook --today` (the book's
`date` and `price_history`). The catalog is the fixture with two changes (test_dated_prices.py
gives the prices and the hand-worked figures)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from catalogs import load_dated
from cli_run import FIXTURE
from govcloud.cli.commands import main as govcloud
from govcloud.model import clock

CHANGE = "date: 2026-12-01\ncurrent: {jira: {users: 480}}\nproposed: {jira: {users: 520}, confluence: {users: 200}}\n"


@pytest.fixture
def dated(tmp_path):
    return load_dated(tmp_path)[0]


def run(capsys, *args: str) -> str:
    assert govcloud(list(args)) == 0
    out = capsys.readouterr()
    assert out.err == ""
    return out.out


def columns(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def test_the_table_dates_each_bill_and_names_its_prices(tmp_path, dated, capsys):
    (tmp_path / "s.yml").write_text(CHANGE + "days_remaining: 115\n", encoding="utf-8")
    out = run(capsys, "quote", str(tmp_path / "s.yml"), "--data", str(dated))
    lines = out.splitlines()
    at = lines.index("Bills, by date")
    assert [columns(line) for line in lines[at + 1 : at + 6]] == [
        ["When", "Date", "What", "Products", "Prices", "Amount"],
        ["Today", "December 1, 2026", "Due now", "Jira, Confluence", "before any recorded change", "$12,843.84 [1][2]"],
        [
            "In 115 days",
            "March 26, 2027",
            "The renewal of the current term",
            "Jira",
            "in force from February 1, 2027",
            "$24,570.00",
        ],
        # 3,843.84 + 9,000.00 due now, then the renewal at its own day's price.
        ["Paid in the next 365 days, through November 30, 2027: $37,413.84 [1][2]"],
        [
            "In 365 days",
            "December 1, 2027",
            "The first renewal of each new subscription",
            "Confluence",
            "in force from August 1, 2027",
            "$9,450.00 [2]",
        ],
    ]
    assert "Dated December 1, 2026, at the prices in force that day; valid until December 31, 2026." in lines[1]
    # The yearly price after the change, with the renewal's beside it.
    jira = next(line for line in lines if line.startswith("Jira  "))
    assert "$23,400.00; $24,570.00 from February 1, 2027" in jira
    assert (
        "- Jira: the 1,000-user tier rises from $23,400.00 to $24,570.00 a year on February 1, 2027, "
        "before your renewal on March 26, 2027." in lines
    )


def test_without_recorded_changes_the_table_names_no_price_list(tmp_path, capsys):
    (tmp_path / "s.yml").write_text(CHANGE + "days_remaining: 115\n", encoding="utf-8")
    # The frozen catalog records no change (the real data may).
    lines = run(capsys, "quote", str(tmp_path / "s.yml"), "--data", str(FIXTURE)).splitlines()
    at = lines.index("Bills, by date")
    assert columns(lines[at + 1]) == ["When", "Date", "What", "Products", "Amount"]


def test_the_json_quote_carries_its_date_validity_and_each_bills_day(tmp_path, dated, capsys):
    (tmp_path / "s.yml").write_text(CHANGE + "renewal: 2027-03-26\n", encoding="utf-8")
    q = json.loads(
        run(capsys, "quote", str(tmp_path / "s.yml"), "--json", "--data", str(dated), "--today", "2030-01-01")
    )
    assert (q["date"], q["valid_until"]) == ("2026-12-01", "2026-12-31")  # the scenario's date, not --today
    assert [(l["product"], l["annual"], l["renewal_annual"]) for l in q["lines"]] == [
        ("jira", "23400.00", "24570.00"),
        ("confluence", "9000.00", "9450.00"),
    ]
    assert [(b["in_days"], b["on"], b["prices_from"]) for b in q["bills"]] == [
        (0, "2026-12-01", None),
        (115, "2027-03-26", "2027-02-01"),
        (365, "2027-12-01", "2027-08-01"),
    ]


def test_today_dates_a_scenario_without_a_date(tmp_path, capsys):
    (tmp_path / "s.yml").write_text("proposed: {jira: {users: 5}}\n", encoding="utf-8")
    q = json.loads(run(capsys, "quote", str(tmp_path / "s.yml"), "--json", "--today", "2027-02-27"))
    assert (q["date"], q["valid_until"], q["bills"][1]["on"]) == ("2027-02-27", "2027-03-29", "2028-02-27")


def test_options_share_the_date_and_each_quote_carries_it(tmp_path, dated, capsys):
    (tmp_path / "o.yml").write_text(
        "date: 2026-12-01\ncurrent: {jira: {users: 480}}\ndays_remaining: 115\n"
        "options:\n  Keep: {jira: {users: 480}}\n  Grow: {jira: {users: 520}}\n",
        encoding="utf-8",
    )
    doc = json.loads(run(capsys, "quote", str(tmp_path / "o.yml"), "--json", "--data", str(dated)))
    assert [(o["quote"]["date"], o["quote"]["valid_until"]) for o in doc["options"]] == [
        ("2026-12-01", "2026-12-31")
    ] * 2
    # Keep renews the 500-user tier at 11,760.00, Grow the 1,000-user tier at 24,570.00 (both after February 1).
    assert [o["quote"]["bills"][-1]["amount"] for o in doc["options"]] == ["11760.00", "24570.00"]
    table = run(capsys, "quote", str(tmp_path / "o.yml"), "--data", str(dated)).splitlines()
    assert columns(next(line for line in table if line.strip().startswith("In 115 days"))) == [
        "In 115 days, March 26, 2027",
        "$11,760.00",
        "$24,570.00",
    ]


def test_an_option_cannot_set_its_own_date(tmp_path, capsys):
    (tmp_path / "o.yml").write_text(
        "current: {jira: {users: 480}}\noptions:\n  Keep: {jira: {users: 480}}\n  Later: {date: 2027-01-01}\n",
        encoding="utf-8",
    )
    assert govcloud(["quote", str(tmp_path / "o.yml")]) == 2
    err = capsys.readouterr().err
    assert "o.yml:4: options.Later.date: is shared by every option: give date once, beside options" in err, err
    assert len(err.splitlines()) == 1


def test_pricebook_on_a_day_and_its_history(dated, capsys):
    book = json.loads(run(capsys, "pricebook", "--json", "--today", "2027-03-01", "--data", str(dated)))
    assert (book["date"], book["quote_valid_days"]) == ("2027-03-01", 30)
    jira = {t["users"]: t["annual"] for t in book["products"][0]["tiers"]}
    assert (jira[500], jira[1000]) == ("11760.00", "24570.00")  # the first change is in force that day
    history = book["price_history"]
    assert [v["effective"] for v in history] == [None, "2027-02-01", "2027-08-01"]
    for version in history:  # every product's whole ladder in each version
        assert list(version["products"]) == ["jira", "jsm", "confluence"]
        assert [len(v) for v in version["products"].values()] == [len(p["tiers"]) for p in book["products"]]

    def price(version, key, users):
        return next(t["annual"] for t in history[version]["products"][key] if t["users"] == users)

    assert [price(v, "jira", 1000) for v in range(3)] == ["23400.00", "24570.00", "24000.00"]
    assert [price(v, "confluence", 200) for v in range(3)] == ["9000.00", "9450.00", "9450.00"]
    assert [price(v, "jsm", 100) for v in range(3)] == ["7800.00", "7800.00", "8190.00"]
    assert book["calculation"]["holds_rule"] == "quote_holds_price"


def test_pricebook_table_shows_the_scheduled_prices_beside_those_in_force(dated, capsys):
    lines = run(capsys, "pricebook", "--today", "2027-03-01", "--data", str(dated)).splitlines()
    assert "in force on March 1, 2027" in lines[0]
    at = lines.index("Jira")
    assert columns(lines[at + 1]) == ["Users up to", "Annual", "From August 1, 2027"]
    rows = {columns(line)[0]: columns(line)[1:] for line in lines[at + 2 : at + 28]}
    assert (rows["500"], rows["1,000"]) == (["$11,760.00"], ["$24,570.00", "$24,000.00"])


def test_one_run_counts_from_one_day_while_the_clock_moves_on(tmp_path, monkeypatch, capsys):
    """A list without dates, and options, are quoted as of the day the command started, every
    scenario alike, even when midnight passes during the run (each quote read the clock: a long
    list could mix two days, and a renewal date checked against one day was quoted on the next)."""
    days = iter(date(2026, 12, 6) + timedelta(days=n) for n in range(1000))
    monkeypatch.setattr(clock, "today", lambda: next(days))
    scenarios = tmp_path / "list.yml"
    scenarios.write_text(
        "- {proposed: {jira: {users: 10}}}\n"
        "- {current: {jira: {users: 10}}, proposed: {jira: {users: 50}}, renewal: 2027-03-26}\n"
        "- {proposed: {confluence: {users: 10}}}\n",
        encoding="utf-8",
    )
    quotes = json.loads(run(capsys, "quote", str(scenarios), "--data", str(FIXTURE), "--json"))
    assert len({q["date"] for q in quotes}) == 1
    assert quotes[1]["bills"][1]["on"] == "2027-03-26"
    options = tmp_path / "options.yml"
    options.write_text("options: {a: {jira: {users: 10}}, b: {jira: {users: 50}}}\n", encoding="utf-8")
    compared = json.loads(run(capsys, "quote", str(options), "--data", str(FIXTURE), "--json"))
    assert len({o["quote"]["date"] for o in compared["options"]}) == 1
