"""What YAML can smuggle into a number or a mapping: digits of other scripts, explicit tags,
merge keys and YAML 1.1's words. Each is refused in one line that says what to write, or read
as the text it is; none becomes a number the writer did not write in the digits 0 to 9."""

from __future__ import annotations

import pytest

from cli_run import FIXTURE, run

# Digits of other scripts: Arabic-Indic, Extended Arabic-Indic, Devanagari, full-width,
# mathematical bold (outside the BMP).
DIGITS = ["١٢", "۱۲", "१२", "１２", "𝟏𝟐", "1٢"]


def quote(tmp_path, text: str):
    path = tmp_path / "s.yml"
    path.write_text(text, encoding="utf-8")
    return run("quote", str(path))


def test_users_in_other_digits_are_not_a_number(tmp_path):
    forms = [w for d in DIGITS for w in (d, f'"{d}"', f"!!int {d}", f'!!int "{d}"')]
    result = quote(tmp_path, "".join(f"- proposed: {{jira: {{users: {w}}}}}\n" for w in forms))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    # One scenario of the list each, one line each, in the list's order.
    assert [line.split(": ")[1] for line in lines] == [f"[{i}].proposed.jira.users" for i in range(len(forms))]


@pytest.mark.parametrize("digits", ["١٠٠٠", "１２.5", "٣", " 12 ", "12\u00a0", "NaN", "infinity", "sNaN"])
def test_a_price_tagged_float_in_other_digits_or_words_is_refused(tmp_path, digits):
    """Decimal() reads Arabic-Indic and full-width digits and spaces: `!!float "١٠٠٠"` once
    became a price of 1000.00."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert "annual:    600.00}" in text
    path = tmp_path / "products.yml"
    path.write_text(text.replace("annual:    600.00}", f'annual: !!float "{digits}"}}', 1), encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 2
    assert f"annual: {digits!r} is not a number written in the digits 0 to 9" in result.stderr, result.stderr


def test_a_yes_or_no_where_a_number_is_wanted_asks_for_a_whole_number(tmp_path):
    words = ["yes", "no", "on", "off", "Yes", "OFF"]
    result = quote(tmp_path, "".join(f"- proposed: {{jira: {{users: {w}}}}}\n" for w in words))
    assert result.returncode == 2
    assert result.stderr == "".join(
        f"{tmp_path / 's.yml'}:{i + 1}: [{i}].proposed.jira.users: must be a whole number\n" for i in range(len(words))
    )


def test_a_yes_or_no_where_true_or_false_is_wanted_still_says_so(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("    confirmed: true\n", "    confirmed: on\n", 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "products.yml"))
    assert result.returncode == 2 and "confirmed: 'on': write true or false\n" in result.stderr


@pytest.mark.parametrize(
    "text, problem",
    [
        ("proposed: !!map {jira: {users: !!binary aGk=}}", "proposed.jira.users: the YAML tag !!binary is not allowed"),
        ("proposed: {jira: !!set {users}}", "proposed.jira: the YAML tag !!set is not allowed"),
        ("proposed: {jira: !!omap [users: 5]}", "proposed.jira: the YAML tag !!omap is not allowed"),
        ("proposed: {jira: {users: !!python/object:os.system 5}}", "the YAML tag !!python/object:os.system is not"),
        ("proposed: {jira: {users: !custom 5}}", "proposed.jira.users: the YAML tag !custom is not allowed"),
        ("proposed: {jira: {users: !!float 5}}", "proposed.jira.users: must be a whole number"),
        ("proposed: {jira: {users: !!str 5}}", "proposed.jira.users: must be a whole number"),
        ("proposed: {jira: {users: 0x10}}", "proposed.jira.users: '0x10': write whole numbers in plain digits"),
        ("proposed: {jira: {users: 1_000}}", "proposed.jira.users: '1_000': write whole numbers in plain digits"),
        ("proposed: {jira: {users: 1:30}}", "proposed.jira.users: '1:30': write whole numbers in plain digits"),
        ("proposed: {jira: {users: 1e3}}", "proposed.jira.users: must be a whole number"),
        ("proposed: {jira: {users: .inf}}", "proposed.jira.users: must be a whole number"),
        ("base: &b {users: 5}\nproposed: {jira: {<<: *b}}", "keys must be plain names (merge keys"),
        ("proposed: {jira: {<<: {users: 5}}}", "keys must be plain names (merge keys"),
        ("proposed: {jira: {? [users] : 5}}", "keys must be plain names (merge keys"),
        ("proposed: {jira: {users: 5, users: 6}}", "proposed.jira.users: duplicate key (first given on line 1)"),
        ("proposed: {jira: {users: *nothing}}", "found undefined alias"),
    ],
)
def test_tags_merge_keys_and_other_forms_are_refused_in_one_line_each(tmp_path, text, problem):
    result = quote(tmp_path, text + "\n")
    assert result.returncode == 2 and result.stdout == ""
    assert problem in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_extreme_numbers_in_a_scenario_are_one_line_each(tmp_path):
    """Past 2^53 - 1 (the estimator refuses it too: a JavaScript reader of the JSON quote would hold
    another number), past Python's own bound on digits, past the term."""
    forms = [
        (f"{{users: {10**30}}}", "proposed.jira.users: must be at most 9007199254740991"),
        (f"{{users: {2**53}}}", "proposed.jira.users: must be at most 9007199254740991"),
        (f"{{users: 5, instances: {2**64}}}", "proposed.jira.instances: must be at most 9007199254740991"),
        (f"{{users: {'9' * 5000}}}", "proposed.jira.users: is too long a number"),
        ("{users: -1}", "proposed.jira.users: must be at least 1"),
        ("{users: 1.0}", "proposed.jira.users: must be a whole number"),
        ("{users: 1e400}", "proposed.jira.users: must be a whole number"),
    ]
    text = "".join(f"- proposed: {{jira: {holding}}}\n" for holding, _ in forms)
    text += f"- {{current: {{jira: {{users: 5}}}}, proposed: {{jira: {{users: 6}}}}, days_remaining: {10**20}}}\n"
    result = quote(tmp_path, text)
    assert result.returncode == 2
    expected = [f"[{i}].{problem}" for i, (_, problem) in enumerate(forms)]
    expected.append(f"[{len(forms)}].days_remaining: must be at most 365 (the days in a term)")
    assert [line.split(": ", 1)[1] for line in result.stderr.splitlines()] == expected


def test_the_largest_exact_number_of_users_is_quoted(tmp_path):
    result = quote(tmp_path, f"proposed: {{jira: {{users: {2**53 - 1}}}}}\n")
    assert result.returncode == 0, result.stderr
