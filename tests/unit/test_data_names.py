"""Product keys, placeholders and glossary anchors: what the data may use as names."""

from __future__ import annotations

import pytest

from cli_run import DATA, clean_env, edited, line_of, run
from govcloud.model.catalog import RESERVED_KEYS
from govcloud.words.richtext import fill

GLOSSARY_HEAD = "- term: Subscription\n  text: What an organization pays for one product.\n"


@pytest.mark.parametrize(
    "key", ["constructor", "prototype", "then", "total", "customer", "current", "renewal", "days_remaining"]
)
def test_reserved_product_keys_are_refused(tmp_path, key):
    text = edited(tmp_path, "- key: jsm", f"- key: {key}")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path / 'products.yml'}:{line_of(text, f'- key: {key}')}: products[1].key: "
        f"{key!r} is a reserved word (the estimator's address or JavaScript uses it); "
        "pick another key\n"
    )


def test_the_reserved_words_are_one_list_that_the_maintainers_page_gives():
    from macros.reference import ReferenceMacros

    from cli_run import ROOT

    page = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    assert "{{ reserved_keys() }}" in page
    listed = ReferenceMacros.reserved_keys()
    for key in RESERVED_KEYS:
        assert f"`{key}`" in listed, key


@pytest.mark.parametrize("key", ["Jira", "__proto__", "jira-sm", "1jira", "j" * 33])
def test_product_keys_follow_the_pattern(tmp_path, key):
    edited(tmp_path, "- key: jsm", f"- key: '{key}'")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2 and "products[1].key: " in result.stderr, result.stderr


@pytest.mark.parametrize(
    "placeholder",
    [
        "{quote_valid_days:s}",
        "{quote_valid_days:>200000000}",
        "{quote_valid_days!r}",
        "{contacts.government}",
        "{quote_valid_days[0]}",
    ],
)
def test_rule_placeholders_are_bare_documented_names(tmp_path, placeholder):
    text = edited(tmp_path, "valid for {quote_valid_days}", f"valid for {placeholder}")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2
    line = line_of(text, "summary:", text.index("quote_validity:"))
    assert result.stderr.startswith(
        f"{tmp_path / 'products.yml'}:{line}: rules.quote_validity.summary: {placeholder}"
    ), result.stderr
    assert "Traceback" not in result.stderr


def test_filling_placeholders_never_reads_attributes_or_format_specs():
    values = {"products": "Jira", "quote_valid_days": "30"}
    assert (
        fill("{products.__class__.__mro__} {quote_valid_days:>9} {products}", values)
        == "{products.__class__.__mro__} {quote_valid_days:>9} Jira"
    )


def _check_glossary(tmp_path, text: str):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path, run("check", str(DATA), "--glossary", str(path), env=clean_env())


def test_two_terms_with_one_anchor_are_refused(tmp_path):
    path, result = _check_glossary(
        tmp_path, GLOSSARY_HEAD + "- term: Term\n  text: A year.\n- term: term\n  text: Again.\n"
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"{path}:5: [2].term: 'term' gets the anchor #term, as [1] does; give each entry a term of its own\n"
    )


def test_a_placeholder_term_that_fills_to_another_terms_anchor_is_refused(tmp_path):
    path, result = _check_glossary(
        tmp_path, GLOSSARY_HEAD + "- term: Carahsoft\n  text: A distributor.\n- term: '{government}'\n  text: Again.\n"
    )
    assert result.returncode == 2
    assert "[2].term: '{government}' gets the anchor #carahsoft, as [1] does" in result.stderr


def test_a_term_without_letters_is_refused(tmp_path):
    path, result = _check_glossary(tmp_path, GLOSSARY_HEAD + "- term: '...'\n  text: Dots.\n")
    assert result.returncode == 2
    assert result.stderr == f"{path}:3: [1].term: '...' has no letters or digits to make its anchor from\n"
    path, result = _check_glossary(tmp_path, GLOSSARY_HEAD + "- term: '!!!'\n  text: Bangs.\n")
    assert result.returncode == 2
    assert f"{path}:3: [1].term: '!!!' has no letters or digits to make its anchor from" in result.stderr
