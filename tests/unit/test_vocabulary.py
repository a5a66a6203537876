"""The vocabulary: every word a quote is shown with, written once and filled the same
way everywhere."""

from __future__ import annotations

from typing import get_args

import pytest

from cli_run import FIXTURE, run
from govcloud.model.catalog import Contacts
from govcloud.model.scenario import Customer
from govcloud.words import vocabulary
from govcloud.words.vocabulary import PLACEHOLDER, SITE_WORDS, WORDS, fill, word


def leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    else:
        yield ".".join(path), node


# Both trees, each word under the path `word` looks it up by.
EVERY = {**WORDS, "site": SITE_WORDS}


def test_every_word_is_text_with_simple_placeholders():
    for path, template in leaves(EVERY):
        assert isinstance(template, str) and (template.strip() == template or path.endswith("join")), path
        # Only {name} placeholders: JavaScript fills them with one regular expression.
        assert template.count("{") == template.count("}") == len(PLACEHOLDER.findall(template)), path


def test_every_word_is_found_by_its_path_and_a_group_is_no_word():
    for path, text in leaves(EVERY):
        assert vocabulary.template(path) == text
    with pytest.raises(KeyError):
        vocabulary.template("site.estimator")


def test_fill_refuses_a_missing_value_and_fills_once():
    with pytest.raises(KeyError):
        fill("{product}: {users} users", product="Jira")
    # A value that looks like a placeholder stays as it is.
    assert fill("{a} and {b}", a="{b}", b="x") == "{b} and x"


def test_customer_kinds_are_the_datas_contacts():
    assert get_args(Customer) == tuple(Contacts.model_fields)


def test_file_problems_use_the_vocabularys_words(tmp_path):
    (tmp_path / "s.yml").write_text("current: {jira: {users: 5}}\nproposed: {jira: {users: 0}}\n")
    result = run("quote", "s.yml", "--data", str(FIXTURE), cwd=tmp_path)
    assert result.stderr.splitlines() == [f"s.yml:2: proposed.jira.users: {word('problems.at_least', min=1)}"]


def test_the_price_book_carries_a_copy_of_the_words():
    """Editing the document (as a test or a tool may) must not change what every output says."""
    from govcloud.calc.pricebook import pricebook
    from govcloud.load.loading import load_catalog

    book = pricebook(load_catalog(FIXTURE))
    assert book["words"] == WORDS
    book["words"]["change"]["new"] = "edited"
    assert WORDS["change"]["new"] != "edited"


def test_a_yearly_figure_has_an_amount():
    # "no change a year" read as nonsense beside "$21,700.00 a year less from renewal":
    # "a year" belongs only to a sentence that says how much.
    for path, template in leaves(EVERY):
        if "a year" in template:
            assert "{" in template.split("a year", 1)[0], path


# The problems the form and the CLI put after a field's label ("{what} {problem}" or
# "field: problem"): the number fields' labels are plural ("Jira users") and the
# others singular ("Renewal date", "Name of option 2"), so each problem is a
# predicate whose verb agrees with both.
AFTER_A_LABEL = [
    "problems.whole",
    "problems.digits",
    "problems.at_least",
    "problems.too_large",
    "problems.days_at_most",
    "problems.renewal_not_date",
    "problems.renewal_past",
    "problems.renewal_far",
    "options.name_missing",
    "options.name_long",
    "options.name_plain",
]


@pytest.mark.parametrize("path", AFTER_A_LABEL)
def test_a_problem_after_a_label_reads_as_one_sentence(path):
    section, key = path.split(".")
    template = WORDS[section][key]
    assert template.split()[0] == "must", (path, template)
    for what in ("Jira users", "Renewal date", "Name of option 2"):
        sentence = word("problems.field", what=what, problem=template)
        assert sentence.startswith(f"{what} must "), sentence
