"""`govcloud quote` on a long list: one scenario at a time, so the memory it takes does not grow
with the list (100,000 one-line scenarios took 1.56 GB); every problem of the list before any
quote, as before; the JSON is the document the whole list made, byte for byte. The times are
in `make bench` (inputs: 100,000 scenarios quoted)."""

from __future__ import annotations

import json

import pytest

from alone import alone
from cli_run import GOVCLOUD, clean_env, run


def _lines(count: int, users=lambda i: 1 + i % 500) -> str:
    return "".join(f"- proposed: {{jira: {{users: {users(i)}}}}}\n" for i in range(count))


def _peak_mb(tmp_path, count: int) -> float:
    """The peak resident memory of `govcloud quote --json` on `count` scenarios, output thrown away."""
    path = tmp_path / f"{count}.yml"
    path.write_text(_lines(count), encoding="utf-8")
    usage = alone([str(GOVCLOUD), "quote", str(path), "--json"], env=clean_env())
    assert usage["code"] == 0
    return usage["peak_mb"]


def test_memory_does_not_grow_with_the_list(tmp_path):
    small, large = _peak_mb(tmp_path, 500), _peak_mb(tmp_path, 20_000)
    # Holding the list grew by about 16 MB per 1,000 scenarios (1.56 GB for 100,000): 300 MB here.
    assert large - small < 15, (small, large)


def test_the_json_of_a_list_is_the_whole_lists_document(tmp_path):
    (tmp_path / "s.yml").write_text(_lines(300), encoding="utf-8")
    result = run("quote", str(tmp_path / "s.yml"), "--json")
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)
    assert len(quotes) == 300 and [q["lines"][0]["users"] for q in quotes] == [1 + i % 500 for i in range(300)]
    assert result.stdout == json.dumps(quotes, indent=2) + "\n"


def test_every_problem_and_no_quote_when_any_scenario_is_wrong(tmp_path):
    text = _lines(5_000, users=lambda i: 0 if i in (0, 4_999) else 5)
    (tmp_path / "s.yml").write_text(text, encoding="utf-8")
    for form in ((), ("--json",)):
        result = run("quote", str(tmp_path / "s.yml"), *form)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == (
            f"{tmp_path / 's.yml'}:1: [0].proposed.jira.users: must be at least 1\n"
            f"{tmp_path / 's.yml'}:5000: [4999].proposed.jira.users: must be at least 1\n"
        )


def test_a_fault_at_the_end_of_the_text_is_the_one_problem(tmp_path):
    (tmp_path / "s.yml").write_text(_lines(2_000) + "- proposed: {jira: {users: 5}\n- x\n", encoding="utf-8")
    result = run("quote", str(tmp_path / "s.yml"), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"{tmp_path / 's.yml'}:2002: (file): YAML syntax: expected ',' or '}}', but got '-'\n"


def test_a_second_document_after_the_list_is_refused(tmp_path):
    (tmp_path / "s.yml").write_text(_lines(3) + "---\n" + _lines(1), encoding="utf-8")
    result = run("quote", str(tmp_path / "s.yml"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"{tmp_path / 's.yml'}:4: (file): YAML syntax: holds more than one document; keep one\n"


def test_an_alias_may_point_to_an_earlier_scenario(tmp_path):
    (tmp_path / "s.yml").write_text(
        "- &first {proposed: {jira: {users: 5}}}\n" + _lines(50) + "- *first\n", encoding="utf-8"
    )
    result = run("quote", str(tmp_path / "s.yml"), "--json")
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)
    assert len(quotes) == 52 and quotes[-1] == quotes[0]


def test_aliases_across_scenarios_are_counted_by_what_they_add(tmp_path):
    many = ", ".join(["*u"] * 1_000)
    text = "- &u {users: 5}\n" + f"- proposed: {{jira: &l [{many}]}}\n" + "- proposed: {jira: *l}\n" * 120
    (tmp_path / "s.yml").write_text(text, encoding="utf-8")
    result = run("quote", str(tmp_path / "s.yml"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "the document expands to more than 100,000 values" in result.stderr


def test_an_empty_list_is_one_problem():
    result = run("quote", "-", stdin="[]\n")
    assert result.returncode == 2 and result.stderr == "<stdin>:1: (file): the list of scenarios is empty\n"


@pytest.mark.parametrize(
    "text",
    [
        '[{"proposed": {"jira": {"users": 5}}} {"proposed": {}}]',
        '[{"proposed": {"jira": {"users": 5}}},]',
        '[{"proposed": {"jira": {"users": 5}}}] []',
        '[{"proposed": {"jira": {"users": 05}}}]',
    ],
)
def test_json_syntax_in_a_long_list_is_told_in_jsons_words(tmp_path, text):
    """A .json file's array is checked an element at a time; a fault is told as json.loads tells it."""
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    result = run("quote", str(tmp_path / "s.json"))
    assert result.returncode == 2
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        expected = f"{tmp_path / 's.json'}:{exc.lineno}: (file): JSON syntax: {exc.msg}\n"
    assert result.stderr == expected


def test_the_table_of_a_list_numbers_every_scenario(tmp_path):
    (tmp_path / "s.yml").write_text(_lines(3), encoding="utf-8")
    result = run("quote", str(tmp_path / "s.yml"))
    assert result.returncode == 0
    assert [line for line in result.stdout.splitlines() if line.startswith("Scenario ")] == [
        "Scenario 1 of 3",
        "Scenario 2 of 3",
        "Scenario 3 of 3",
    ]
