"""The command line as a user runs it, checked against docs/formats.md (exit codes, stderr
lines, JSON shapes): its main() with its own streams, folder and environment
(cli_run.run), and the installed `govcloud` script and `python -m govcloud` each in a
process of their own."""

from __future__ import annotations

import json
import re
from typing import get_args

import pytest
import yaml

from cli_run import DATA, FIXTURE, clean_env, run
from govcloud.model.scenario import Change
from govcloud.words.vocabulary import WORDS, word
from harness import with_rule_confirmed

MONEY = re.compile(r"^\d+\.\d{2}$")
QUOTE_KEYS = [
    "date",
    "valid_until",
    "currency",
    "customer",
    "contact",
    "complete",
    "lines",
    "annual_total",
    "due_now_total",
    "messages",
    "today_annual_total",
    "bills",
    "first_year_total",
]
LINE_KEYS = [
    "product",
    "change",
    "users",
    "tier",
    "instances",
    "annual",
    "due_now",
    "status",
    "today_tier",
    "today_annual",
    "renewal_annual",
    "assumptions",
]
# Quotes are worked out on the frozen fixture catalog, whose prices the figures below rest on.
DATA_ARGS = ("--data", str(FIXTURE))

# The formats page's example scenario, dated, and its figures worked out on the fixture catalog.
CONTRACT_SCENARIO = """\
date: 2026-11-26
customer: government
current:
  jira: {users: 480, instances: 2}
proposed:
  jira: {users: 520, instances: 3}
  confluence: {users: 200}
days_remaining: 120
"""
CONTRACT_QUOTE = {
    "date": "2026-11-26",
    "valid_until": "2026-12-26",
    "currency": "USD",
    "customer": "government",
    "contact": "Carahsoft",
    "complete": True,
    "lines": [
        {
            "product": "jira",
            "change": "upgrade",
            "users": 520,
            "tier": 1000,
            "instances": 3,
            "annual": "23400.00",
            "due_now": "4010.96",
            "status": "ok",
            "today_tier": 500,
            "today_annual": "11200.00",
            "renewal_annual": "23400.00",
            "assumptions": ["upgrade"],
        },
        {
            "product": "confluence",
            "change": "new",
            "users": 200,
            "tier": 200,
            "instances": 1,
            "annual": "9000.00",
            "due_now": "9000.00",
            "status": "ok",
            "today_tier": None,
            "today_annual": None,
            "renewal_annual": "9000.00",
            "assumptions": ["new_subscription_term"],
        },
    ],
    "annual_total": "32400.00",
    "due_now_total": "13010.96",
    "today_annual_total": "11200.00",
    "bills": [
        {
            "in_days": 0,
            "on": "2026-11-26",
            "amount": "13010.96",
            "products": ["jira", "confluence"],
            "parts": ["due_now"],
            "prices_from": None,
            "assumptions": ["upgrade", "new_subscription_term"],
        },
        {
            "in_days": 120,
            "on": "2027-03-26",
            "amount": "23400.00",
            "products": ["jira"],
            "parts": ["renewal"],
            "prices_from": None,
            "assumptions": [],
        },
        {
            "in_days": 365,
            "on": "2027-11-26",
            "amount": "9000.00",
            "products": ["confluence"],
            "parts": ["first_renewal"],
            "prices_from": None,
            "assumptions": ["new_subscription_term"],
        },
    ],
    "first_year_total": "36410.96",
}


def ok(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def failed(result) -> list[str]:
    """The stderr lines of a run that must exit 2 without a traceback."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    return result.stderr.splitlines()


def assert_quote_shape(doc: dict) -> None:
    assert list(doc) == QUOTE_KEYS
    assert MONEY.match(doc["annual_total"]) and MONEY.match(doc["due_now_total"])
    for bill in doc["bills"]:
        assert list(bill) == ["in_days", "on", "amount", "products", "parts", "prices_from", "assumptions"]
        assert MONEY.match(bill["amount"])
    assert doc["messages"] and all(isinstance(m, str) and m for m in doc["messages"])
    for line in doc["lines"]:
        assert list(line) == LINE_KEYS
        for key in ("annual", "due_now"):
            assert line[key] is None or MONEY.match(line[key]), line


@pytest.mark.parametrize("module", [False, True], ids=["govcloud", "python -m govcloud"])
def test_quote_json_is_the_contract_example(tmp_path, module):
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO)
    # Both ways a user starts it, each a process of its own.
    doc = json.loads(ok(run("quote", "change.yml", "--json", *DATA_ARGS, cwd=tmp_path, module=module, process=True)))
    assert_quote_shape(doc)
    assert {k: v for k, v in doc.items() if k != "messages"} == CONTRACT_QUOTE


def test_quote_from_stdin(tmp_path):
    doc = json.loads(ok(run("quote", "-", "--json", *DATA_ARGS, cwd=tmp_path, stdin=CONTRACT_SCENARIO)))
    assert {k: v for k, v in doc.items() if k != "messages"} == CONTRACT_QUOTE


def test_quote_of_a_json_scenario(tmp_path):
    (tmp_path / "change.json").write_text(
        json.dumps(yaml.safe_load(CONTRACT_SCENARIO), default=str)
    )  # the date as text
    doc = json.loads(ok(run("quote", "change.json", "--json", *DATA_ARGS, cwd=tmp_path)))
    assert {k: v for k, v in doc.items() if k != "messages"} == CONTRACT_QUOTE


def test_a_list_file_gives_a_list_of_quotes_in_order(tmp_path):
    # Prices from data/products.yml: Jira 50-user tier 2,600.00; Confluence 10-user tier 550.00.
    (tmp_path / "list.yml").write_text(
        "- customer: commercial\n  proposed: {jira: {users: 50}}\n- proposed: {confluence: {users: 3}}\n"
    )
    docs = json.loads(ok(run("quote", "list.yml", "--json", *DATA_ARGS, cwd=tmp_path)))
    assert isinstance(docs, list) and len(docs) == 2
    for doc in docs:
        assert_quote_shape(doc)
    assert [(d["customer"], d["contact"], d["annual_total"]) for d in docs] == [
        ("commercial", "Atlassian sales", "2600.00"),
        ("government", "Carahsoft", "550.00"),
    ]


def test_a_one_item_list_still_gives_a_list(tmp_path):
    (tmp_path / "list.yml").write_text("- proposed: {confluence: {users: 3}}\n")
    docs = json.loads(ok(run("quote", "list.yml", "--json", *DATA_ARGS, cwd=tmp_path)))
    assert isinstance(docs, list) and len(docs) == 1


def test_quote_table_by_default(tmp_path):
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO)
    out = ok(run("quote", "change.yml", *DATA_ARGS, cwd=tmp_path))
    assert "Carahsoft" in out
    rows = {row.split()[0]: row for row in out.splitlines() if row.strip()}
    assert "$23,400.00" in rows["Jira"] and "$4,010.96" in rows["Jira"]
    assert "$9,000.00" in rows["Confluence"]
    assert "$32,400.00" in rows["Total"] and "$13,010.96" in rows["Total"]


def table_rows(out: str) -> dict[str, list[str]]:
    """The quote table's rows by their first cell, split on the runs of spaces between columns."""
    lines = out.splitlines()
    start = next(i for i, row in enumerate(lines) if row.startswith(WORDS["columns"]["product"]))
    rows = {}
    for row in lines[start:]:
        if not row.strip():
            break
        cells = re.split(r"\s{2,}", row.strip())
        rows[cells[0]] = cells
    return rows


def test_quote_table_of_a_change_shows_today_and_the_days_left(tmp_path):
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO)
    out = ok(run("quote", "change.yml", *DATA_ARGS, cwd=tmp_path))
    assert "A change with 120 of 365 days left in the term." in out.splitlines()[1]
    cols = WORDS["columns"]
    rows = table_rows(out)
    assert rows[cols["product"]] == [
        cols[k]
        for k in (
            "product",
            "change",
            "today_tier",
            "today_annual",
            "users",
            "tier",
            "instances",
            "annual",
            "difference",
            "due_now",
        )
    ]
    # Today: 480 users sit in the 500-user tier at 11,200.00; from renewal the 1,000-user tier at
    # 23,400.00: 12,200.00 a year more. The prorated 4,010.96 rests on the unconfirmed upgrade rule: [1].
    assert rows["Jira"] == [
        "Jira",
        WORDS["change"]["upgrade"],
        "500",
        "$11,200.00",
        "520",
        "1,000",
        "3",
        "$23,400.00",
        "$12,200.00 a year more from renewal",
        "$4,010.96 [1]",
    ]
    assert rows["Confluence"][:4] == ["Confluence", WORDS["change"]["new"], "—", "—"]
    # Totals for today and for the new prices.
    assert rows["Total"] == ["Total", "$11,200.00", "$32,400.00", "$13,010.96 [1][2]"]


def test_quote_table_has_the_dated_bills_and_the_first_year(tmp_path):
    """Amounts that fall on different dates are shown apart; the first year's sum names its last
    day and sits between the bills it adds up and the one after (day 365 once seemed counted)."""
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO)
    out = ok(run("quote", "change.yml", *DATA_ARGS, cwd=tmp_path)).splitlines()
    bills = out[out.index(WORDS["bills"]["title"]) + 2 :][:5]
    assert [re.split(r"\s{2,}", b) for b in bills] == [
        ["Today", "November 26, 2026", "Due now", "Jira, Confluence", "$13,010.96 [1][2]"],
        ["In 120 days", "March 26, 2027", "The renewal of the current term", "Jira", "$23,400.00"],
        ["Paid in the next 365 days, through November 25, 2027: $36,410.96 [1][2]"],
        [
            "In 365 days",
            "November 26, 2027",
            "The first renewal of each new subscription",
            "Confluence",
            "$9,000.00 [2]",
        ],
        ["Bills from November 26, 2027 on are not in this total."],
    ]


def test_quote_table_footnotes_name_the_unconfirmed_rules(tmp_path):
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO)
    out = ok(run("quote", "change.yml", *DATA_ARGS, cwd=tmp_path)).splitlines()
    notes = [row for row in out if row.startswith("[")]
    assert [n.split(".")[0] for n in notes] == [
        "[1] To confirm: Raise a user tier",
        "[2] To confirm: A new subscription's own term",
    ]


def test_confirming_a_rule_removes_its_markers(tmp_path):
    (tmp_path / "p.yml").write_text(with_rule_confirmed(FIXTURE.read_text(), "upgrade"))
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO)
    out = ok(run("quote", "change.yml", "--data", "p.yml", cwd=tmp_path))
    assert table_rows(out)["Jira"][-1] == "$4,010.96"
    assert "Raise a user tier" not in out and "[1] To confirm: A new subscription's own term" in out
    doc = json.loads(ok(run("quote", "change.yml", "--json", "--data", "p.yml", cwd=tmp_path)))
    assert doc["lines"][0]["assumptions"] == [] and doc["bills"][0]["assumptions"] == ["new_subscription_term"]


def test_downgrade_and_cancel_say_the_yearly_difference_without_the_days_left(tmp_path):
    """Neither needs the days left; both say what they save a year."""
    # Jira 480 (500-user tier, 11,200.00) -> 200 (200-user tier, 6,300.00): 4,900.00 a year less.
    # Confluence 900 users (1,000-user tier, 26,800.00) cancelled: 26,800.00 a year less.
    (tmp_path / "s.yml").write_text(
        "current: {jira: {users: 480}, confluence: {users: 900}}\nproposed: {jira: {users: 200}}\n"
    )
    out = ok(run("quote", "s.yml", *DATA_ARGS, cwd=tmp_path))
    rows = table_rows(out)
    assert rows["Jira"][-2:] == ["$4,900.00 a year less from renewal [1]", "$0.00 [1]"]
    assert rows["Confluence"][-2:] == ["$26,800.00 a year less from renewal [2]", "$0.00 [2]"]
    assert rows["Total"] == ["Total", "$38,000.00", "$6,300.00", "$0.00 [1][2]"]
    assert WORDS["about"]["no_days"] in out
    assert "At renewal (the days left were not given)" in out


def test_renewal_date_with_today_dates_every_bill(tmp_path):
    # 2026-11-26 to 2027-03-26 is 4 + 31 + 31 + 28 + 26 = 120 days: the contract's example again.
    (tmp_path / "change.yml").write_text(CONTRACT_SCENARIO.replace("days_remaining: 120", "renewal: 2027-03-26"))
    doc = json.loads(ok(run("quote", "change.yml", "--json", "--today", "2026-11-26", *DATA_ARGS, cwd=tmp_path)))
    assert {k: v for k, v in doc.items() if k != "messages"} == CONTRACT_QUOTE
    out = ok(run("quote", "change.yml", "--today", "2026-11-26", *DATA_ARGS, cwd=tmp_path))
    assert "March 26, 2027" in out and "November 26, 2027" in out
    assert "A change renewing on March 26, 2027, 120 of 365 days from November 26, 2026." in out


@pytest.mark.parametrize(
    "renewal, problem",
    [
        ("2026-11-25", "renewal_past"),
        ("2027-11-27", "renewal_far"),
        ("2027-02-30", "renewal_not_date"),
        ("next week", "renewal_not_date"),
    ],
)
def test_renewal_problems(tmp_path, renewal, problem):
    # The message is the vocabulary's (its wording is written there once); 365 days is the fixture's term.
    message = word(f"problems.{problem}", term_days=365)
    (tmp_path / "s.yml").write_text(
        f"current: {{jira: {{users: 5}}}}\nproposed: {{jira: {{users: 50}}}}\nrenewal: {renewal}\n"
    )
    assert failed(run("quote", "s.yml", "--today", "2026-11-26", *DATA_ARGS, cwd=tmp_path)) == [
        f"s.yml:3: renewal: {message}"
    ]


def test_days_and_renewal_together_name_both(tmp_path):
    (tmp_path / "s.yml").write_text(
        "current: {jira: {users: 5}}\nproposed: {jira: {users: 5}}\ndays_remaining: 4\nrenewal: 2027-01-01\n"
    )
    lines = failed(run("quote", "s.yml", *DATA_ARGS, cwd=tmp_path))
    assert lines == ["s.yml:4: renewal: give days_remaining or renewal, not both"]


def test_quote_tables_of_a_list_are_numbered(tmp_path):
    (tmp_path / "three.yml").write_text(
        "- proposed: {jira: {users: 5}}\n"
        "- title: Bigger team\n  proposed: {jira: {users: 50}}\n"
        "- proposed: {confluence: {users: 5}}\n"
    )
    out = ok(run("quote", "three.yml", *DATA_ARGS, cwd=tmp_path)).splitlines()
    headings = [row for row in out if row.startswith("Scenario ")]
    assert headings == ["Scenario 1 of 3", "Scenario 2 of 3: Bigger team", "Scenario 3 of 3"]


def test_quote_table_with_nothing_priced_does_not_say_zero(tmp_path):
    (tmp_path / "big.yml").write_text("date: 2026-11-26\nproposed: {jira: {users: 480, instances: 200}}\n")
    out = ok(run("quote", "big.yml", *DATA_ARGS, cwd=tmp_path))
    total = table_rows(out)["Total"]
    # No "priced lines only" when none is priced, as on the page; whom to ask instead of $0.00.
    assert total == ["Total", "Ask Carahsoft", "Ask Carahsoft"]
    # The year too, and no empty bills table: a sentence says there is none (the page says the same).
    lines = out.splitlines()
    bills = lines.index(WORDS["bills"]["title"])
    assert lines[bills + 1 : bills + 3] == [
        WORDS["bills"]["none"],
        word(
            "bills.first_year",
            label=word("totals.window", label=word("totals.first_year", term_days=365), date="November 25, 2027"),
            amount="Ask Carahsoft",
        ),
    ]


def test_today_beyond_the_instance_limit_has_no_price(tmp_path):
    """Today's 200 instances are past the limit of 150: sales quote it, so no list price is 'today's'."""
    (tmp_path / "s.yml").write_text(
        "current: {jira: {users: 480, instances: 200}}\n"
        "proposed: {jira: {users: 480, instances: 100}}\ndays_remaining: 10\n"
    )
    out = ok(run("quote", "s.yml", *DATA_ARGS, cwd=tmp_path))
    # Its tier is known (480 users fit the 500-user tier); its price past the limit is not.
    assert table_rows(out)["Jira"][2:4] == ["500", "Ask Carahsoft"]
    assert "$11,200.00" not in out.split("\n- ")[0]


def test_a_line_past_the_instance_limit_still_shows_its_tier(tmp_path):
    # 50 Jira users fit the 50-user tier (the fixture's tiers go 25, 50, 100); only the price
    # of 200 instances is unknown: the table shows the tier, the money asks, the JSON keeps null.
    (tmp_path / "s.yml").write_text(
        "date: 2026-11-26\ncurrent: {jira: {users: 30, instances: 200}}\nproposed: {jira: {users: 50, instances: 200}}\n"
        "days_remaining: 10\n"
    )
    out = ok(run("quote", "s.yml", *DATA_ARGS, cwd=tmp_path))
    header, jira = table_rows(out)["Product"], table_rows(out)["Jira"]
    row = dict(zip(header, jira))
    cols = WORDS["columns"]
    # Today's 30 users sit in the 50-user tier too.
    assert (row[cols["today_tier"]], row[cols["tier"]]) == ("50", "50"), row
    assert row[cols["annual"]] == row[cols["due_now"]] == "Ask Carahsoft [1]"
    assert table_rows(out)["Total"][-2:] == ["Ask Carahsoft", "Ask Carahsoft"]
    (line,) = json.loads(ok(run("quote", "s.yml", "--json", *DATA_ARGS, cwd=tmp_path)))["lines"]
    assert (line["tier"], line["today_tier"], line["status"]) == (None, None, "contact_sales")


def test_a_product_written_by_its_name_gets_one_line_naming_the_keys(tmp_path):
    # The keys come from the data (jira, jsm, confluence): one line says which exist and which product
    # each names (a reader who wrote the name learns that jsm is it), with no second line about a
    # key's spelling that the reader did not mean to write as a key.
    products = yaml.safe_load(FIXTURE.read_text())["products"]
    keys = ", ".join(f"{p['key']} ({p['name']})" for p in products)
    assert keys == "jira (Jira), jsm (Jira Service Management), confluence (Confluence)"
    (tmp_path / "s.yml").write_text("proposed:\n  Jira Service Management: {users: 20}\n  jira-sm: {users: 5}\n")
    assert failed(run("quote", "s.yml", *DATA_ARGS, cwd=tmp_path)) == [
        f"s.yml:2: proposed.Jira Service Management: unknown product; use one of: {keys}",
        f"s.yml:3: proposed.jira-sm: unknown product; use one of: {keys}",
    ]


def test_a_product_key_of_the_data_that_breaks_the_pattern_says_what_a_key_may_hold(tmp_path):
    # A product key allows _ (not -): "digits or -" told the maintainer the wrong character.
    (tmp_path / "s.yml").write_text("proposed: {jira: {users: 5}}\n")
    text = FIXTURE.read_text().replace("key: jsm", "key: j-sm", 1)
    (tmp_path / "p.yml").write_text(text)
    line = text[: text.index("key: j-sm")].count("\n") + 1
    lines = failed(run("quote", "s.yml", "--data", "p.yml", cwd=tmp_path))
    assert f"p.yml:{line}: products[1].key: must be lowercase letters, digits or _, starting with a letter" in lines


def test_quote_table_of_an_incomplete_quote_says_contact_sales(tmp_path):
    (tmp_path / "big.yml").write_text("date: 2026-11-26\nproposed: {jira: {users: 60000}, confluence: {users: 20}}\n")
    out = ok(run("quote", "big.yml", *DATA_ARGS, cwd=tmp_path))
    jira = table_rows(out)["Jira"]
    assert jira[-2:] == ["Ask Carahsoft [1]", "Ask Carahsoft [1]"]
    assert "[1] To confirm: Beyond the price book" in out
    # Confluence is priced: the year's figure is its bills', and says it covers the priced lines only.
    label = word("totals.window", label=word("totals.first_year_priced_only", term_days=365), date="November 25, 2027")
    assert any(line.startswith(word("bills.first_year", label=label, amount="$")) for line in out.splitlines())


def test_pricebook_json_matches_the_data_file():
    book = json.loads(ok(run("pricebook", "--json")))
    # Read the data as plain text scalars, apart from govcloud, so prices keep their written digits.
    raw = yaml.load(DATA.read_text(), Loader=yaml.BaseLoader)
    assert list(book) == [
        "currency",
        "prices_are",
        "term_days",
        "max_instances",
        "date",
        "quote_valid_days",
        "contacts",
        "rules",
        "calculation",
        "option_names",
        "words",
        "products",
        "price_history",
    ]
    # Which rules each change rests on: rule keys of the book, change kinds of the scenario model.
    calc = book["calculation"]
    kinds = set(get_args(Change)) | {"contact_sales"}
    assert set(calc["kept"]) | set(calc["line_rules"]) | set(calc["difference_rules"]) <= kinds
    assert set(calc["parts"]) == set(calc["part_rules"])
    named = [r for rules in calc["line_rules"].values() for r in rules]
    named += [r for by in calc["part_rules"].values() for rules in by.values() for r in rules]
    assert named and set(named) <= set(book["rules"])
    assert book["option_names"]["most"] == 60 and book["option_names"]["most_options"] == 3
    assert book["words"] == WORDS
    assert {k: v["confirmed"] for k, v in book["rules"].items()} == {
        k: v["confirmed"] == "true" for k, v in raw["rules"].items()
    }
    assert book["currency"] == raw["currency"] and book["prices_are"] == raw["prices_are"]
    assert (book["term_days"], book["max_instances"]) == (int(raw["term_days"]), int(raw["max_instances"]))
    assert book["contacts"] == {k: raw["contacts"][k]["name"] for k in ("government", "commercial")}
    assert book["products"] == [
        {
            "key": p["key"],
            "name": p["name"],
            "tiers": [{"users": int(t["users"]), "annual": t["annual"]} for t in p["tiers"]],
        }
        for p in raw["products"]
    ]
    for product in book["products"]:
        users = [t["users"] for t in product["tiers"]]
        assert users == sorted(users) and len(set(users)) == len(users)
        assert all(MONEY.match(t["annual"]) for t in product["tiers"])


def test_pricebook_table_lists_every_product():
    out = ok(run("pricebook"))
    raw = yaml.load(DATA.read_text(), Loader=yaml.BaseLoader)
    for product in raw["products"]:
        assert product["name"] in out.splitlines()
    assert "$1,400.00" in out  # Jira's 25-user tier, written 1400.00 in the data


def test_check_says_ok():
    out = ok(run("check"))
    assert out.startswith("ok")


def test_python_m_govcloud_check_says_ok():
    assert ok(run("check", module=True)).startswith("ok")


def test_schema_prints_json():
    assert json.loads(ok(run("schema")))["type"] == "object"


@pytest.mark.parametrize("command", ["", "quote", "pricebook", "check", "schema"])
def test_help_of_every_command_shows_an_example(command):
    args = [command, "--help"] if command else ["--help"]
    out = ok(run(*args))
    assert "example:" in out
    assert f"$ govcloud {command or 'quote'}" in out


@pytest.mark.parametrize("command", ["quote", "check"])
def test_missing_file_exits_2_with_one_line(tmp_path, command):
    assert failed(run(command, "nowhere.yml", cwd=tmp_path)) == [
        "nowhere.yml:1: (file): cannot be read: No such file or directory"
    ]


def test_missing_data_file_for_quote(tmp_path):
    (tmp_path / "s.yml").write_text("proposed: {jira: {users: 5}}\n")
    assert failed(run("quote", "s.yml", "--data", "nowhere.yml", cwd=tmp_path)) == [
        "nowhere.yml:1: (file): cannot be read: No such file or directory"
    ]


def test_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "folder").mkdir()
    assert failed(run("quote", "folder", *DATA_ARGS, cwd=tmp_path)) == [
        "folder:1: (file): cannot be read: Is a directory"
    ]


@pytest.mark.parametrize("args", [[], ["quote"], ["frobnicate"], ["quote", "x.yml", "--bogus"]])
def test_usage_errors_exit_2_without_traceback(tmp_path, args):
    lines = failed(run(*args, cwd=tmp_path))
    assert lines[0].startswith("usage: govcloud")


def test_bad_data_through_quote_exits_2(tmp_path):
    (tmp_path / "s.yml").write_text("proposed: {jira: {users: 5}}\n")
    text = DATA.read_text().replace("term_days: 365", "term_days: 0", 1)
    (tmp_path / "p.yml").write_text(text)
    line = text[: text.index("term_days: 0")].count("\n") + 1
    assert failed(run("quote", "s.yml", "--data", "p.yml", cwd=tmp_path)) == [
        f"p.yml:{line}: term_days: must be at least 1"
    ]


def test_json_syntax_error_names_its_line(tmp_path):
    (tmp_path / "s.json").write_text('{\n  "proposed": {"jira": {"users": 5,}}\n}\n')
    assert failed(run("quote", "s.json", *DATA_ARGS, cwd=tmp_path)) == [
        "s.json:2: (file): JSON syntax: Expecting property name enclosed in double quotes"
    ]


# --- inputs that could end in a Python traceback: each is a plain problem line -----------------


@pytest.mark.parametrize("lang", ["C.UTF-8", "C"])
def test_invalid_utf8_on_stdin(tmp_path, lang):
    # Python reads stdin strictly under a UTF-8 locale and with surrogate escapes under C: both must agree.
    env = clean_env(LC_ALL=lang, PYTHONIOENCODING="")
    result = run("quote", "-", *DATA_ARGS, cwd=tmp_path, env=env, stdin=b"proposed: {jira: {users: 5}}\n# caf\xe9\n")
    assert failed(result) == ["<stdin>:2: (file): is not valid UTF-8 (byte 0xe9)"]


def test_json_nested_too_deeply(tmp_path):
    (tmp_path / "deep.json").write_text('{"proposed": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert failed(run("quote", "deep.json", *DATA_ARGS, cwd=tmp_path)) == [
        "deep.json:1: (file): JSON syntax: values are nested too deeply"
    ]


def test_json_file_with_a_byte_order_mark(tmp_path):
    # Some Windows editors start UTF-8 files with a BOM; YAML files already allowed it.
    (tmp_path / "s.json").write_bytes(b'\xef\xbb\xbf{"proposed": {"jira": {"users": 5}}}\n')
    doc = json.loads(ok(run("quote", "s.json", "--json", *DATA_ARGS, cwd=tmp_path)))
    assert doc["lines"][0]["tier"] == 10
