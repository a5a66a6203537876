"""Options side by side in the CLI (govcloud.calc.options): a scenario with `options:`
holding two or three named proposals. Figures are worked out by hand from the
fixture's prices (catalogs.PRICE)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal

from catalogs import PRICE, TERM_DAYS
from cli_run import FIXTURE, line_of, run

CENT = Decimal("0.01")
OPTIONS = """\
date: 2026-11-26
current:  {jira: {users: 480, instances: 2}}
days_remaining: 73
options:
  Stay at 500 users:
    jira: {users: 480, instances: 2}
  Go to 1,000 now:
    jira: {users: 900, instances: 2}
  Go to 1,000 and add Confluence:
    jira: {users: 900, instances: 3}
    confluence: {users: 200}
"""
NAMES = ["Stay at 500 users", "Go to 1,000 now", "Go to 1,000 and add Confluence"]


def quote(stdin: str, *extra: str):
    return run("quote", "-", "--data", str(FIXTURE), *extra, stdin=stdin)


def money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def by_hand() -> dict[str, Decimal]:
    jira500, jira1000, conf200 = PRICE["jira"][500], PRICE["jira"][1000], PRICE["confluence"][200]
    upgrade = ((jira1000 - jira500) * 73 / TERM_DAYS).quantize(CENT)
    return {"jira500": jira500, "jira1000": jira1000, "conf200": conf200, "upgrade": upgrade}


def test_json_gives_each_options_quote_and_the_differences_from_the_first():
    result = quote(OPTIONS, "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [o["name"] for o in doc["options"]] == NAMES
    # Each option's quote is exactly the quote of that proposal as a scenario of its own.
    for option, proposed in zip(
        doc["options"],
        [
            "{jira: {users: 480, instances: 2}}",
            "{jira: {users: 900, instances: 2}}",
            "{jira: {users: 900, instances: 3}, confluence: {users: 200}}",
        ],
    ):
        alone = quote(
            f"date: 2026-11-26\ncurrent: {{jira: {{users: 480, instances: 2}}}}\ndays_remaining: 73\n"
            f"proposed: {proposed}\n",
            "--json",
        )
        assert option["quote"] == json.loads(alone.stdout), option["name"]
    h = by_hand()
    first_year_stay = h["jira500"]  # the renewal in 73 days, nothing due now
    first_year_grow = h["upgrade"] + h["jira1000"]
    first_year_both = h["upgrade"] + h["conf200"] + h["jira1000"]  # the new subscription renews in 365 days: later
    assert doc["differences"] == [
        {
            "name": NAMES[1],
            "from": NAMES[0],
            "today_annual_total": "0.00",
            "annual_total": f"{h['jira1000'] - h['jira500']:.2f}",
            "due_now_total": f"{h['upgrade']:.2f}",
            "first_year_total": f"{first_year_grow - first_year_stay:.2f}",
        },
        {
            "name": NAMES[2],
            "from": NAMES[0],
            "today_annual_total": "0.00",
            "annual_total": f"{h['jira1000'] + h['conf200'] - h['jira500']:.2f}",
            "due_now_total": f"{h['upgrade'] + h['conf200']:.2f}",
            "first_year_total": f"{first_year_both - first_year_stay:.2f}",
        },
    ]


def rows(out: str) -> dict[str, list[str]]:
    """The side-by-side table's rows by their label (indented labels keep their indent)."""
    table: dict[str, list[str]] = {}
    for line in out.splitlines()[4:]:
        if not line.strip() or line.startswith("["):
            continue
        parts = re.split(r" {2,}", line.rstrip())
        label, cells = ("  " + parts[1], parts[2:]) if parts[0] == "" else (parts[0], parts[1:])
        table.setdefault(label, cells)
    return table


def test_table_puts_the_options_side_by_side_with_bills_first_year_and_differences():
    result = quote(OPTIONS)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "3 options side by side"
    assert lines[3].split() == " ".join(NAMES).split()
    h = by_hand()
    table = rows(out)
    assert table["Jira"] == ["No change", "Upgrade", "Upgrade"]
    assert table["Confluence"] == ["—", "—", "New subscription"]
    assert table["Yearly prices after"] == [
        money(h["jira500"]),
        money(h["jira1000"]),
        money(h["jira1000"] + h["conf200"]),
    ]
    # Each bill's days and date: 73 days from November 26, 2026 (4 + 31 + 31 + 7) is February 7, 2027.
    assert table["  In 73 days, February 7, 2027"] == [money(h["jira500"]), money(h["jira1000"]), money(h["jira1000"])]
    assert table["  In 365 days, November 26, 2027"] == ["—", "—", money(h["conf200"]) + " [2]"]
    # The total of the next 365 days names its last day (November 26, 2026 + 364 days) and sits between
    # the bills it adds up and the one after it, as each option's own bills do.
    last = date(2026, 11, 26) + timedelta(days=TERM_DAYS - 1)
    window = f"Paid in the next {TERM_DAYS} days, through {last:%B} {last.day}, {last.year}"
    labels = list(table)
    assert (
        labels.index("  In 73 days, February 7, 2027")
        < labels.index(window)
        < labels.index("  In 365 days, November 26, 2027")
    )
    assert table[window] == [
        money(h["jira500"]),
        money(h["upgrade"] + h["jira1000"]) + " [1]",
        money(h["upgrade"] + h["conf200"] + h["jira1000"]) + " [1][2]",
    ]
    assert table["Difference from “Stay at 500 users”"] == []
    grow = h["upgrade"] + h["jira1000"] - h["jira500"]
    assert table[f"  Paid in the next {TERM_DAYS} days"] == ["—", "+" + money(grow), "+" + money(grow + h["conf200"])]
    # One set of footnotes for all options, numbered in order of first use.
    assert [line[:4] for line in lines if line.startswith("[")] == ["[1] ", "[2] "]


def test_a_plain_list_still_means_a_list_of_scenarios():
    result = quote("- proposed: {jira: {users: 10}}\n- proposed: {jira: {users: 20}}\n", "--json")
    assert result.returncode == 0, result.stderr
    assert [q["annual_total"] for q in json.loads(result.stdout)] == [
        f"{PRICE['jira'][10]:.2f}",
        f"{PRICE['jira'][25]:.2f}",
    ]


def test_an_empty_option_cancels_everything_held():
    result = quote("current: {jira: {users: 40}}\noptions:\n  Keep: {jira: {users: 40}}\n  Leave: {}\n", "--json")
    assert result.returncode == 0, result.stderr
    leave = json.loads(result.stdout)["options"][1]["quote"]
    assert [line["change"] for line in leave["lines"]] == ["cancel"]


def test_problems_name_the_file_line_and_the_option(tmp_path):
    text = """\
current:  {jira: {users: 480}}
days_remaining: 400
proposed: {jira: {users: 1}}
options:
  Stay:
    jira: {users: 480}
  Grow <b>:
    jira: {users: 900}
  Shrink:
    jira: {users: -3}
    bitbucket: {users: 5}
  Fourth:
    jira: {users: 3}
"""
    (tmp_path / "options.yml").write_text(text, encoding="utf-8")
    result = run("quote", "options.yml", "--data", str(FIXTURE), cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    problems = result.stderr.splitlines()
    assert problems[:3] == [
        f"options.yml:{line_of(text, 'days_remaining')}: days_remaining: must be at most {TERM_DAYS} "
        "(the days in a term)",
        f"options.yml:{line_of(text, 'proposed')}: proposed: give proposed or options, not both",
        f"options.yml:{line_of(text, 'options:')}: options: name 2 or 3 options to compare (found 4)",
    ]
    assert problems[3].startswith(f"options.yml:{line_of(text, 'Grow <b>')}: options.Grow <b>: ")
    assert problems[4:] == [
        f"options.yml:{line_of(text, '-3')}: options.Shrink.jira.users: must be at least 1",
        f"options.yml:{line_of(text, 'bitbucket')}: options.Shrink.bitbucket: unknown product; "
        "use one of: jira (Jira), jsm (Jira Service Management), confluence (Confluence)",
    ]
    assert "Traceback" not in result.stderr


def test_options_must_be_a_mapping_of_names():
    result = quote("options: [a, b]\n")
    assert result.returncode == 2
    assert result.stderr == "<stdin>:1: options: must be a mapping of option names to what each option proposes\n"
