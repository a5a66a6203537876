"""The validators' allow-list (tests/support/validators-allow.yml) as tests/site/test_validators.py
judges a build with it: an error no entry covers is named by page, line and message; an entry
that covers nothing fails too; a bad entry is named by file, line and field."""

from __future__ import annotations

import pytest

from validators import ALLOW_LIST, Finding, judge, load_allow_list

THEME = Finding(
    "nu",
    "changes/index.html",
    310,
    "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
    "",
    '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">',
)
OURS = Finding(
    "nu",
    "changes/index.html",
    1367,
    "The “role” attribute must not be used on a “td” element which has a “table” ancestor with no “role” attribute.",
    "",
    '<td role="cell" data-field="annual">',
)


def entry(tmp_path, text):
    path = tmp_path / "allow.yml"
    path.write_text(text, encoding="utf-8")
    return path


TABINDEX = """
- validator: nu
  message: 'Bad value “” for attribute “tabindex”'
  pages: "*"
  element: '^<label class="md-nav__link"'
  reason: the theme's navigation labels
"""


def test_an_allowed_error_passes_and_a_new_one_is_named(tmp_path):
    allowed = load_allow_list(entry(tmp_path, TABINDEX))
    assert judge([THEME], allowed, "nu", "mkdocs") == []
    assert judge([THEME, OURS], allowed, "nu", "mkdocs") == [
        f"changes/index.html:1367: nu: {OURS.message} ({OURS.element})"
    ]


def test_an_entry_that_allows_nothing_fails(tmp_path):
    allowed = load_allow_list(entry(tmp_path, TABINDEX))
    assert judge([], allowed, "nu", "zensical") == [
        f"{ALLOW_LIST.name}:2: allows no nu error on the zensical build any more"
    ]
    # Another validator's entries are judged with that validator's run.
    assert judge([], allowed, "html-validate", "mkdocs") == []


def test_an_entry_covers_only_its_pages_elements_and_builders(tmp_path):
    other_page = load_allow_list(entry(tmp_path, TABINDEX.replace('"*"', "estimator/index.html")))
    assert judge([THEME], other_page, "nu", "mkdocs")[0].startswith("changes/index.html:310:")
    other_element = load_allow_list(entry(tmp_path, TABINDEX.replace("md-nav__link", "gc-field")))
    assert len(judge([THEME], other_element, "nu", "mkdocs")) == 2
    one_builder = load_allow_list(entry(tmp_path, TABINDEX + "  builders: [zensical]\n"))
    assert judge([THEME], one_builder, "nu", "mkdocs") == [str(THEME)]


def test_a_bad_entry_is_named_by_line_and_field(tmp_path):
    bad = "- validator: axe\n  pages: '*'\n  element: x\n  colour: red\n"
    with pytest.raises(ValueError) as caught:
        load_allow_list(entry(tmp_path, bad))
    assert str(caught.value).splitlines() == [
        "allow.yml:1: colour: not a field of an entry",
        "allow.yml:1: validator: one of nu, html-validate",
        "allow.yml:1: reason: missing",
        "allow.yml:1: message: a message, a rule or both",
    ]


def test_the_project_allow_list_reads():
    assert load_allow_list()
