"""Bad policy data: `govcloud check FILE` exits 2 with one exact `file:line: field: message`
line per problem, and never a traceback.

Every bad file is a copy of the real `data/products.yml` edited as text, so each
expected line number is read off the edited text, not taken from govcloud.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cli_run import DATA, FIXTURE, ROOT, SCENARIOS, clean_env, edited, line_of, run

NAME = "products.yml"


def problems(tmp_path: Path, **kwargs) -> list[str]:
    """Run `govcloud check products.yml` in tmp_path; the lines it printed on stderr."""
    result = run("check", NAME, cwd=tmp_path, **kwargs)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    return result.stderr.splitlines()


def one_problem(tmp_path: Path, **kwargs) -> str:
    lines = problems(tmp_path, **kwargs)
    assert len(lines) == 1, lines
    return lines[0]


# --- the file as a whole -----------------------------------------------------------------------


def test_yaml_syntax_error_names_its_line(tmp_path):
    text = edited(tmp_path, "term_days: 365", "term_days: 365: days")
    line = line_of(text, "term_days: 365: days")
    assert one_problem(tmp_path) == f"{NAME}:{line}: (file): YAML syntax: mapping values are not allowed here"


def test_tab_indentation(tmp_path):
    text = edited(tmp_path, "    name: Carahsoft", "\tname: Carahsoft")
    line = line_of(text, "\tname: Carahsoft")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line}: (file): YAML syntax: a tab is used for indentation; indent with spaces"
    )


def test_duplicate_key_names_both_lines(tmp_path):
    text = edited(tmp_path, "max_instances: 150\n", "max_instances: 150\nterm_days: 360\n")
    first, again = line_of(text, "term_days: 365"), line_of(text, "term_days: 360")
    assert again == first + 2
    assert one_problem(tmp_path) == f"{NAME}:{again}: term_days: duplicate key (first given on line {first})"


def test_yaml_1_1_yes_is_not_a_boolean(tmp_path):
    text = edited(tmp_path, "    confirmed: true\n", "    confirmed: yes\n")
    line = line_of(text, "    confirmed: yes")
    field = "rules.one_subscription_per_product.confirmed"
    assert one_problem(tmp_path) == f"{NAME}:{line}: {field}: 'yes': write true or false"


def test_yaml_1_1_base_60_is_not_a_number(tmp_path):
    text = edited(tmp_path, "max_instances: 150", "max_instances: 2:30")
    line = line_of(text, "max_instances: 2:30")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line}: max_instances: '2:30': write whole numbers in plain digits, such as 1500"
    )


def test_empty_file(tmp_path):
    (tmp_path / NAME).write_text("", encoding="utf-8")
    assert one_problem(tmp_path) == f"{NAME}:1: (file): is empty"


def test_file_of_comments_only_is_empty(tmp_path):
    (tmp_path / NAME).write_text("# nothing here yet\n\n", encoding="utf-8")
    assert one_problem(tmp_path) == f"{NAME}:1: (file): is empty"


@pytest.mark.parametrize(
    "body, kind", [("- jira\n- confluence\n", "a list"), ("just some words\n", "text"), ("42\n", "a number")]
)
def test_file_that_is_not_a_mapping(tmp_path, body, kind):
    (tmp_path / NAME).write_text(body, encoding="utf-8")
    assert one_problem(tmp_path) == f"{NAME}:1: (document): must be a mapping of fields, not {kind}"


def test_invalid_utf8_names_its_line(tmp_path):
    raw = DATA.read_bytes()
    assert b"name: Confluence" in raw
    bad = raw.replace(b"name: Confluence", b"name: Conf\xfcluence", 1)  # Latin-1 "ü"
    (tmp_path / NAME).write_bytes(bad)
    line = bad[: bad.index(b"Conf\xfc")].count(b"\n") + 1
    assert one_problem(tmp_path) == f"{NAME}:{line}: (file): is not valid UTF-8 (byte 0xfc)"


def test_python_tag_is_rejected_and_never_executed(tmp_path):
    witness = tmp_path / "tag-was-executed"
    text = edited(
        tmp_path, "prices_are: illustrative", f'prices_are: !!python/object/apply:os.system ["touch {witness}"]'
    )
    line = line_of(text, "!!python/object/apply")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line}: prices_are: the YAML tag !!python/object/apply:os.system is not allowed; write a plain value"
    )
    assert not witness.exists()


def test_alias_bomb_is_rejected_within_a_memory_cap(tmp_path):
    # Nine levels of ten aliases each: a billion "lol"s if anything expanded them.
    levels = "abcdefghi"
    bomb = ["lol:", "  a: &a [" + ", ".join(["lol"] * 10) + "]"]
    bomb += [f"  {cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]" for prev, cur in zip(levels, levels[1:])]
    text = edited(tmp_path, "\ncurrency: USD", "\n" + "\n".join(bomb) + "\ncurrency: USD")
    # Where the 100,001st value that aliases add falls, counting by hand in document order.
    # Only repeats count: level a is written out (not counted); each alias of level k-1 adds
    # that level's whole size, size(a) = 11 and size(k) = 1 + 10 * size(k-1). So b adds
    # 10 * 11 = 110, c 10 * 111 = 1,110, d 10 * 1,111 = 11,110 (12,330 in all), and e's
    # expansions of d (11,111 values each) hold the 87,671st: 87,671 = 7*11,111 + 1 + 8*1,111
    # + 1 + 9*111 + 1 + 0*11 + 1 + 3 -> e[7][8][9][0][2], a "lol" of level a.
    assert 100_001 - (110 + 1_110 + 11_110) == 87_671 == 7 * 11_111 + 1 + 8 * 1_111 + 1 + 9 * 111 + 1 + 0 * 11 + 1 + 3
    line = line_of(text, "  a: &a")
    assert one_problem(tmp_path, cap_memory=True) == (
        f"{NAME}:{line}: lol.e[7][8][9][0][2]: the document expands to more than 100,000 values "
        "(aliases repeated too often); write the values out"
    )


# --- fields ------------------------------------------------------------------------------------


def test_misspelled_key_suggests_the_right_one(tmp_path):
    # The misspelling is unknown, and the field it was meant to be is then missing.
    text = edited(tmp_path, "term_days: 365", "term_dayz: 365")
    assert problems(tmp_path) == [
        f"{NAME}:{line_of(text, 'currency: USD')}: term_days: is required",
        f"{NAME}:{line_of(text, 'term_dayz')}: term_dayz: unknown field; did you mean 'term_days'?",
    ]


def test_unknown_key_inside_a_tier_suggests_the_right_one(tmp_path):
    text = edited(tmp_path, "{users:     10, annual:    600.00}", "{users:     10, annual:    600.00, anual: 1}")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line_of(text, 'anual: 1')}: products[0].tiers[0].anual: unknown field; did you mean 'annual'?"
    )


def test_missing_field_is_reported_at_its_mapping(tmp_path):
    text = edited(tmp_path, "    description: Plan, track and release work across teams.\n", "")
    assert one_problem(tmp_path) == f"{NAME}:{line_of(text, '- key: jira')}: products[0].description: is required"


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("{users:     10,", "{users:     ten,", "products[0].tiers[0].users", "must be a whole number"),
        ("{users:     10,", "{users:     10.5,", "products[0].tiers[0].users", "must be a whole number"),
        ("{users:     10,", "{users:     true,", "products[0].tiers[0].users", "must be a whole number"),
        (
            "annual:    600.00}",
            "annual:    six hundred}",
            "products[0].tiers[0].annual",
            "must be a positive amount, such as 1500.00",
        ),
        (
            "annual:    600.00}",
            "annual:    false}",
            "products[0].tiers[0].annual",
            "must be a positive amount, such as 1500.00",
        ),
        ("max_instances: 150", 'max_instances: "150"', "max_instances", "must be a whole number"),
        (
            "    confirmed: true",
            "    confirmed: 1",
            "rules.one_subscription_per_product.confirmed",
            "must be true or false",
        ),
    ],
)
def test_wrong_type(tmp_path, old, new, field, message):
    text = edited(tmp_path, old, new)
    assert one_problem(tmp_path) == f"{NAME}:{line_of(text, new)}: {field}: {message}"


@pytest.mark.parametrize("amount", ["0", "0.00", "-600.00", ".inf", "-.inf", ".nan", ".NaN"])
def test_amount_that_is_not_positive_and_finite(tmp_path, amount):
    text = edited(tmp_path, "annual:    600.00}", f"annual:    {amount}}}")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line_of(text, f'annual:    {amount}}}')}: products[0].tiers[0].annual: must be a positive amount"
    )


@pytest.mark.parametrize("amount", ["600.001", "600.125"])
def test_amount_with_more_than_two_decimals(tmp_path, amount):
    text = edited(tmp_path, "annual:    600.00}", f"annual:    {amount}}}")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line_of(text, amount)}: products[0].tiers[0].annual: must have at most two decimals (whole cents)"
    )


@pytest.mark.parametrize("users", ["10", "5"], ids=["repeated", "out-of-order"])
def test_tiers_repeated_or_out_of_order(tmp_path, users):
    text = edited(tmp_path, "{users:     15, annual:    900.00}", f"{{users: {users}, annual:    900.00}}")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line_of(text, f'{{users: {users}, ')}: products[0].tiers[1].users: must be more than "
        "the tier before it (10 users); list tiers in ascending order, each once"
    )


def test_higher_tier_cheaper_than_lower(tmp_path):
    text = edited(tmp_path, "{users:     15, annual:    900.00}", "{users:     15, annual:    599.99}")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line_of(text, '599.99')}: products[0].tiers[1].annual: "
        "must not be less than the tier before it (600.00)"
    )


@pytest.mark.parametrize(
    "old, new, field",
    [
        ("max_instances: 150", "max_instances: 0", "max_instances"),
        ("max_instances: 150", "max_instances: -3", "max_instances"),
        ("term_days: 365", "term_days: 0", "term_days"),
    ],
)
def test_limit_or_term_below_one(tmp_path, old, new, field):
    text = edited(tmp_path, old, new)
    assert one_problem(tmp_path) == f"{NAME}:{line_of(text, new)}: {field}: must be at least 1"


def test_duplicate_product_key(tmp_path):
    # On the frozen catalog: a price change recorded for jira in the data would name the duplicate too.
    text = edited(tmp_path, "  - key: confluence", "  - key: jira", source=FIXTURE)
    line = line_of(text, "  - key: jira", text.index("  - key: jsm"))
    assert one_problem(tmp_path) == f"{NAME}:{line}: products[2].key: 'jira' is already the key of products[0]"


def test_several_problems_are_all_reported_sorted_by_line(tmp_path):
    # Edits made bottom-up in file order would not matter: the report must be sorted by line.
    text = DATA.read_text(encoding="utf-8")
    edits = [
        ("name: Confluence", "nam: Confluence"),  # unknown field (+ name missing)
        ("{users:     15, annual:   1700.00}", "{users: 9, annual:   1700.00}"),  # jsm ladder order
        ("annual:   2600.00}", "annual:   -1}"),  # jira negative amount
        ("    who: Customers that are not government agencies", "    who: 12"),  # number for text
        ("term_days: 365", "term_days: 0"),  # below 1
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (tmp_path / NAME).write_text(text, encoding="utf-8")
    confluence = text.index("- key: confluence")
    assert problems(tmp_path) == [
        f"{NAME}:{line_of(text, 'term_days: 0')}: term_days: must be at least 1",
        f"{NAME}:{line_of(text, 'who: 12')}: contacts.commercial.who: must be text",
        f"{NAME}:{line_of(text, 'annual:   -1}')}: products[0].tiers[3].annual: must be a positive amount",
        f"{NAME}:{line_of(text, '{users: 9,')}: products[1].tiers[1].users: must be more than the tier "
        "before it (10 users); list tiers in ascending order, each once",
        f"{NAME}:{line_of(text, '- key: confluence')}: products[2].name: is required",
        f"{NAME}:{line_of(text, 'nam: Confluence', confluence)}: products[2].nam: unknown field; did you mean 'name'?",
    ]


def test_the_real_data_passes(tmp_path):
    (tmp_path / NAME).write_bytes(DATA.read_bytes())
    result = run("check", NAME, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("ok")


# --- inputs that could end in a Python traceback: each is a plain problem line -----------------


def test_control_character_names_its_line(tmp_path):
    text = edited(tmp_path, "name: Confluence", "name: Conf\x01luence")
    assert one_problem(tmp_path) == (
        f"{NAME}:{line_of(text, 'Conf')}: (file): YAML syntax: the control character U+0001 is not allowed"
    )


def test_number_too_long_to_read(tmp_path):
    text = edited(tmp_path, "term_days: 365", "term_days: " + "1" * 5000)
    assert one_problem(tmp_path) == f"{NAME}:{line_of(text, 'term_days: 1')}: term_days: is too long a number"


def test_nesting_too_deep(tmp_path):
    text = edited(tmp_path, "term_days: 365", "term_days: " + "[" * 5000 + "]" * 5000)
    line = line_of(text, "term_days: [")
    assert one_problem(tmp_path) == f"{NAME}:{line}: (file): YAML syntax: values are nested too deeply"


# --- worked scenarios (data/scenarios.yml) ------------------------------------------------------


def test_check_passes_on_the_real_data_and_worked_scenarios():
    worked = yaml.load(SCENARIOS.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    terms = yaml.load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    result = run("check")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == f"ok: 3 products, {len(worked)} worked scenarios, {len(terms)} glossary terms"


WORKED = yaml.load(SCENARIOS.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # scalars as written
WORKED_VALUES = yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", range(len(WORKED)), ids=[w["id"] for w in WORKED])
def test_worked_scenario_matches_its_expectation(index):
    # The expectations are compared as written (text) with the quote here, not by worked.py.
    from catalogs import REAL
    from govcloud.calc.quote import quote
    from govcloud.model.scenario import Scenario

    fields = {k: v for k, v in WORKED_VALUES[index].items() if k != "expected"}
    doc = quote(REAL, Scenario.model_validate(fields)).as_json()
    expected = WORKED[index]["expected"]
    assert doc["annual_total"] == expected["annual_total"]
    assert doc["due_now_total"] == expected["due_now_total"]
    assert doc["complete"] == (expected.get("complete", "true") == "true")
    assert {line["product"]: line["change"] for line in doc["lines"]} == expected["changes"]


def test_broken_expectation_names_the_scenario_and_field(tmp_path):
    # The figure as the file writes it, one cent off: the test holds whatever today's prices are.
    index = [w["id"] for w in WORKED].index("upgrade-and-add-product")
    right = WORKED[index]["expected"]["due_now_total"]
    wrong = f"{Decimal(right) + Decimal('0.01'):.2f}"
    text = edited(
        tmp_path, f"due_now_total: {right}", f"due_now_total: {wrong}", name="scenarios.yml", source=SCENARIOS
    )
    line = line_of(text, f"due_now_total: {wrong}")
    expected = (
        f"scenarios.yml:{line}: [{index}].expected.due_now_total: scenario 'upgrade-and-add-product' "
        f"expects {wrong} but govcloud computes {right}"
    )
    result = run("check", "--scenarios", "scenarios.yml", cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines(), result.stdout) == (2, [expected], "")
    # The same through the variable the site build uses, with `govcloud check` as `make check` runs it.
    result = run("check", cwd=tmp_path, env=clean_env(GOVCLOUD_SCENARIOS=str(tmp_path / "scenarios.yml")))
    assert (result.returncode, result.stderr.splitlines()) == (2, [expected])
    assert "Traceback" not in result.stderr


def test_broken_change_kind_names_the_scenario(tmp_path):
    text = edited(
        tmp_path, "changes: {jsm: instances_only}", "changes: {jsm: unchanged}", name="scenarios.yml", source=SCENARIOS
    )
    index = [w["id"] for w in WORKED].index("add-instances")
    result = run("check", "--scenarios", "scenarios.yml", cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()) == (
        2,
        [
            f"scenarios.yml:{line_of(text, 'jsm: unchanged')}: [{index}].expected.changes.jsm: "
            "scenario 'add-instances' expects unchanged but govcloud computes instances_only"
        ],
    )


def test_worked_scenarios_must_show_every_change_kind(tmp_path):
    """The pages show an example of each kind of change: `govcloud check` (docs CI's
    first step) says so when one is missing, instead of only the build failing."""
    text = SCENARIOS.read_text(encoding="utf-8")
    start = text.index("- id: downgrade-at-renewal")
    end = text.index("- id:", start + 1)
    (tmp_path / "scenarios.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("check", "--scenarios", "scenarios.yml", cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines(), result.stdout) == (
        2,
        ["scenarios.yml:1: (file): no worked scenario shows a 'downgrade' change; add one (the pages show each kind)"],
        "",
    )


def test_glossary_problems_are_file_line_field_lines(tmp_path):
    """The glossary is checked like the data (it was read with a bare YAML load, so a
    missing text was a KeyError traceback and a duplicate term passed silently)."""
    from govcloud.load.glossary import load_glossary
    from govcloud.model.problems import InputError

    bad = tmp_path / "glossary.yml"
    bad.write_text(
        "- term: Tier\n  text: The most users a bill covers.\n- term: Term\n  txt: A year.\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_glossary(bad)
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:3: [1].text: is required",
        f"{bad}:4: [1].txt: unknown field; did you mean 'text'?",
    ]
    bad.write_text("- term: Tier\n  text: The most users.\n  term: Again\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(bad)
    assert [str(p) for p in caught.value.problems] == [f"{bad}:3: [0].term: duplicate key (first given on line 1)"]
    bad.write_text("- term: Tier\n  text: The most users.\n- term: Tier\n  text: Again.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossary(bad)
    assert [str(p) for p in caught.value.problems] == [f"{bad}:3: [1].term: 'Tier' is already the term of [0]"]
