"""One rule for names (govcloud.model.names): a product's name in the data, an option's name in
`govcloud quote` and in the estimator (tests/js/names.test.mjs reads the same vectors), with one
definition of a control character and of a space on both sides (govcloud.words.characters)."""

from __future__ import annotations

import copy
import json
import sys
import unicodedata

import pytest

from cli_run import FIXTURE, ROOT, clean_env, line_of, run
from govcloud.calc.pricebook import pricebook
from govcloud.load.loading import catalog_cross_checks, load_catalog, validate
from govcloud.load.yamlsource import Document, load_file
from govcloud.model.catalog import Catalog
from govcloud.model.names import name_problem
from govcloud.model.problems import InputError
from govcloud.words import characters
from govcloud.words.vocabulary import word

VECTORS = json.loads((ROOT / "tests" / "support" / "name-vectors.json").read_text(encoding="utf-8"))["vectors"]


def _id(vector: dict) -> str:
    return vector["name"].encode("unicode_escape").decode("ascii")[:40] or "(empty)"


def _words(problem: list | None) -> str | None:
    return None if problem is None else word(problem[0], **(problem[1] if len(problem) > 1 else {}))


@pytest.mark.parametrize("vector", VECTORS, ids=_id)
def test_an_options_name_by_the_vectors(vector):
    assert name_problem(vector["name"], vector.get("others", ())) == _words(vector["problem"])


@pytest.fixture(scope="module")
def fixture_data() -> dict:
    return load_file(FIXTURE).value


def _as_product_names(data: dict, *names: str) -> list[str]:
    """The problems of the fixture catalog with its first products named `names`."""
    data = copy.deepcopy(data)
    for n, product in enumerate(data["products"]):  # none of the fixture's own names in the way
        product["name"] = f"Product {n}"
    for product, name in zip(data["products"], names):
        product["name"] = name
    try:
        validate(Catalog, Document("products.yml", data, {}), catalog_cross_checks)
    except InputError as exc:
        return [p.field + ": " + p.message for p in exc.problems]
    return []


@pytest.mark.parametrize("vector", VECTORS, ids=_id)
def test_a_products_name_by_the_same_vectors(fixture_data, vector):
    """Accepted as a product's name exactly when accepted as an option's (the data's own words
    for what is wrong: a product's name is checked with the other text of the data)."""
    others = vector.get("others", ())
    found = _as_product_names(fixture_data, *others, vector["name"])
    named = [p for p in found if p.startswith(f"products[{len(others)}].name")]
    assert (named == []) == (vector["problem"] is None), found
    assert len(found) == len(named), found  # nothing else of the catalog moved


def test_the_refused_ranges_are_pythons_categories_and_the_noncharacters():
    """The list written out in characters.py is what Python's Unicode tables say (Cc, Cf, Cs,
    Zl, Zp and the noncharacters): a Python with newer tables fails here, naming the change."""
    wanted, ranges = {"Cc", "Cf", "Cs", "Zl", "Zp"}, []
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) in wanted or 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    assert [list(r) for r in characters.REFUSED] == ranges, unicodedata.unidata_version


def test_the_spaces_are_the_unicode_spaces():
    assert characters.SPACE == "".join(
        c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Zs"
    )


def test_the_price_book_ships_the_rule():
    rule = pricebook(load_catalog(FIXTURE))["option_names"]
    assert rule["most"] == 60 and rule["word"] == 16
    # The two sets as JavaScript patterns, written from the same ranges (names.test.mjs applies them).
    assert rule["refused"].startswith("[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{ad}") and rule["refused"].endswith("]")
    assert rule["refused"].count("\\u{") == sum(1 if a == b else 2 for a, b in characters.REFUSED)
    assert (
        rule["space"]
        == "[\\u{20}\\u{a0}\\u{1680}\\u{2000}"
        + "".join(f"\\u{{{c:x}}}" for c in range(0x2001, 0x200B))
        + "\\u{202f}\\u{205f}\\u{3000}]"
    )


# -- through the command line ------------------------------------------------------


def test_two_products_of_one_name_are_refused(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    assert "name: Jira Service Management\n" in text
    text = text.replace("name: Jira Service Management\n", "name: ' Jira'\n", 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2
    line = line_of(text, "name: ' Jira'")
    assert result.stderr == (
        f"{tmp_path / 'products.yml'}:{line}: products[1].name: "
        "is already the name of products[0]; give each product a name of its own\n"
    )


def test_a_long_word_for_a_products_name_is_refused(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("name: Jira\n", f"name: {'W' * 330}\n", 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2
    assert result.stderr.endswith("products[0].name: must be at most 60 characters\n"), result.stderr


@pytest.mark.parametrize("mark", ["\u202e", "\u200b", "\u2066", "\x85"])
def test_bidi_and_invisible_characters_in_a_products_name_are_refused(tmp_path, mark):
    escaped = mark.encode("unicode_escape").decode("ascii")  # a YAML double-quoted escape
    text = FIXTURE.read_text(encoding="utf-8").replace("name: Jira\n", f'name: "Jira{escaped}"\n', 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2
    assert "products[0].name: must not hold line breaks, tabs, control characters or invisible" in result.stderr


def test_two_options_that_differ_by_a_space_are_one_name():
    text = 'options:\n  A: {jira: {users: 5}}\n  "A ": {jira: {users: 6}}\n'
    result = run("quote", "-", stdin=text, env=clean_env(GOVCLOUD_DATA=str(FIXTURE)))
    assert result.returncode == 2
    assert result.stderr == "<stdin>:3: options.A : is already the name of another option\n"


# -- max_instances and tiers: within what every output holds exactly -----------------


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("max_instances: 150", "max_instances: 10001", "max_instances", "must be at most 10000"),
        ("max_instances: 150", f"max_instances: {10**30}", "max_instances", "must be at most 10000"),
        ("max_instances: 150", f"max_instances: {2**53 + 1}", "max_instances", "must be at most 10000"),
        (
            "{users:     10, annual:    600.00}",
            f"{{users: {2**53}, annual: 600.00}}",
            "products[0].tiers[0].users",
            f"must be at most {2**53 - 1}",
        ),
    ],
)
def test_extreme_limits_are_refused(tmp_path, old, new, field, message):
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    result = run("check", str(tmp_path / "products.yml"), env=clean_env())
    assert result.returncode == 2
    assert f"{field}: {message}" in result.stderr, result.stderr


def test_the_largest_limit_is_accepted(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("max_instances: 150", "max_instances: 10000", 1)
    (tmp_path / "products.yml").write_text(text, encoding="utf-8")
    assert load_catalog(tmp_path / "products.yml").max_instances == 10_000
