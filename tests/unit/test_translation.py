"""Ready for translation: every word in locale/messages.pot under its path, one place where
words are looked up, and figures, dates and lists written by CLDR's rules."""

from __future__ import annotations

import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from babel.messages.pofile import read_po
from macros.estimator import estimator_markup
from macros.ladder import ladder_chart, ladder_estimate, ladder_table
from macros.pages import Pages

from catalogs import REAL
from cli_run import DATA
from govcloud.calc.worked import load_worked
from govcloud.model.catalog import Catalog
from govcloud.words import cldr, pot
from govcloud.words.vocabulary import (
    CLI_WORDS,
    PLACEHOLDER,
    SETTINGS,
    SITE_WORDS,
    WORDS,
    template,
    translate_with,
    word,
)


def paths(node, prefix=""):
    for key, value in node.items():
        if isinstance(value, dict):
            yield from paths(value, f"{prefix}{key}.")
        else:
            yield prefix + key


# Every word (a setting such as the language's locale is not one: the language gives it).
EVERY = [p for p in (*paths(WORDS), *paths(SITE_WORDS, "site."), *paths(CLI_WORDS, "cli.")) if p not in SETTINGS]


def test_the_committed_template_is_current():
    committed = (pot.ROOT / "locale" / "messages.pot").read_text(encoding="utf-8")
    assert committed == pot.template_text(), "locale/messages.pot is out of date: run `make pot`"


def test_the_template_holds_every_word_under_its_path():
    catalog = read_po(io.StringIO(pot.template_text()))
    found = {(m.context, m.id) for m in catalog if m.id}
    words = {(c, i) for c, i in found if not c.startswith(("data:", "glossary:", "scenarios:", "schema:"))}
    assert words == {(path, template(path)) for path in EVERY}
    # Nothing in it changes from one run to the next but the words.
    assert "Creation-Date" not in pot.template_text() and not re.search(r"Date: *20\d\d", pot.template_text())


def test_every_word_is_looked_up_in_one_place():
    translate_with(lambda context, message: "翻訳" if context == "site.estimator.results_title" else message)
    try:
        assert word("site.estimator.results_title") == "翻訳"
        assert word("bills.title") == "Bills, by date"
    finally:
        translate_with(None)
    assert word("site.estimator.results_title") == "Your estimate"


def _english(text: str) -> list[str]:
    """A word's runs of three or more words between its placeholders."""
    return [part.strip() for part in PLACEHOLDER.split(text)[::2] if len(part.split()) >= 3]


@pytest.fixture
def translated():
    translate_with(
        lambda context, message: f"⟦{context}⟧" + "".join("{" + n + "}" for n in PLACEHOLDER.findall(message))
    )
    yield
    translate_with(None)


def test_the_macros_show_no_word_that_does_not_come_through_the_lookup(translated):
    worked = load_worked(REAL)
    pages = Pages(REAL, worked)
    # The price book carries the JavaScript's words as they are (calc/pricebook.py copies WORDS):
    # its translation comes with the estimator's.
    estimator = re.sub(r'<template id="govcloud-pricebook-template">.*?</template>', "", estimator_markup(REAL))
    shown = "\n".join(
        [
            estimator,
            ladder_table(REAL),
            ladder_chart(REAL),
            ladder_estimate(REAL),
            pages.scenarios(),
            pages.tier_tables(),
            pages.price_note(),
            pages.to_confirm(),
            pages.contacts(),
            pages.ladder(),
            pages.field_reference(),
            pages.validation_example(),
            pages.sources_section(list(type(REAL.rules).model_fields)),
        ]
    )
    assert "⟦site.estimator.results_title⟧" in shown and "⟦site.tiers.caption⟧" in shown
    translate_with(None)
    # What the data says (its text, the model's descriptions of its fields) may say it too.
    data = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (DATA, DATA.parent / "scenarios.yml"))
    data += json.dumps(Catalog.model_json_schema())
    left = {
        run for path in EVERY for run in _english(template(path)) if run in shown and run.lower() not in data.lower()
    }
    assert left == set()


def test_figures_dates_and_lists_are_written_by_cldr_for_the_vocabularys_locale():
    assert cldr.count(1234567) == "1,234,567"
    assert cldr.money(Decimal("23400.00"), "USD") == "$23,400.00"
    assert cldr.axis_money(Decimal("1000"), "USD") == "$1,000" and cldr.axis_money(Decimal("0.1"), "USD") == "$0.1"
    assert cldr.long_date(datetime.date(2027, 3, 6)) == "March 6, 2027"
    # The site's lists have no serial comma (LISTS_AS); two names take no comma at all.
    assert (
        cldr.join(["Jira", "Jira Service Management", "Confluence"]) == "Jira, Jira Service Management and Confluence"
    )
    assert cldr.join(["Jira", "Confluence"]) == "Jira and Confluence" and cldr.join(["Jira"]) == "Jira"
