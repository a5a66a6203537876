"""Choosing the language: `language.use` makes the vocabulary read the language's catalog and
CLDR write its figures, dates and lists; the macros take it from the config's theme.language;
`govcloud pricebook --lang ja` carries the Japanese words and locale."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from babel.numbers import format_currency
from macros import site_language

from catalogs import REAL
from cli_run import FIXTURE, SCENARIOS, run
from govcloud.calc.pricebook import pricebook
from govcloud.calc.worked import load_worked
from govcloud.load.prose import translated, translated_scenario
from govcloud.words import catalogs, cldr, language, pot
from govcloud.words.characters import width
from govcloud.words.vocabulary import WORDS, template, word, words
from macro_env import MacroEnv

DAY = datetime.date(2027, 3, 26)
GLOSSARY_TEXT = (
    "What an organization pays for one product. All of a product's instances share its one subscription, "
    "so each product is billed separately."
)


@pytest.fixture
def locale_dir(tmp_path, monkeypatch):
    """A locale folder of our own whose Japanese catalog translates two words, one of them fuzzy."""
    catalog = Catalog(locale="ja")
    catalog.add("Bills, by date", "日付別の請求", context="bills.title")
    catalog.add("{days} days from today", "今日から{days}日後", context="estimator_dates.days")
    catalog.add("Total", "合計(古い訳)", context="totals.total", flags=["fuzzy"])
    # The data's prose, by record.
    cancel = REAL.rules.cancel
    catalog.add(cancel.title, "製品をキャンセルする", context="data:rules.cancel.title")
    catalog.add(cancel.summary, "{deactivation_days}日後に無効化されます。", context="data:rules.cancel.summary")
    catalog.add(REAL.contacts.commercial.who, "政府機関ではない顧客", context="data:contacts.commercial.who")
    catalog.add(REAL.products[0].description, "作業を計画します。", context="data:products.jira.description")
    catalog.add(
        "Largest number of users the tier covers.", "階層がカバーするユーザーの最大数。", context="schema:Tier.users"
    )
    catalog.add("Subscription", "サブスクリプション", context="glossary:Subscription.term")
    catalog.add("subscription, subscriptions", "サブスクリプション", context="glossary:Subscription.forms")
    catalog.add(GLOSSARY_TEXT, "製品ごとの支払い。", context="glossary:Subscription.definition")
    catalog.add("illustrative", "説明用", context="data:prices_are")
    catalog.add("Atlassian sales", "Atlassianの営業担当", context="data:contacts.commercial.name")
    path = catalogs.po_path("ja", tmp_path)
    path.parent.mkdir(parents=True)
    with open(path, "wb") as f:
        write_po(f, catalog)
    monkeypatch.setattr(catalogs, "LOCALE_DIR", tmp_path)
    yield tmp_path
    catalogs.translations.cache_clear()


def test_use_sets_the_language_for_a_block_or_from_then_on():
    assert language.current() is language.ENGLISH
    with language.use("ja") as ja:
        assert ja.locale == "ja_JP" and ja.tag == "ja-JP" and language.current() is ja
        with language.use("en"):
            assert language.current().code == "en"
        assert language.current() is ja
    assert language.current() is language.ENGLISH
    # A plain call, as a build makes it, holds until the next one.
    language.use("ja")
    try:
        assert language.current().code == "ja" and language.locale() == "ja_JP"
    finally:
        language.use("en")
    assert language.locale("ja") == "ja_JP" and language.locale("en") == "en_US"
    with pytest.raises(ValueError, match="unknown language 'xx'; use one of: en, ja"):
        language.use("xx")
    assert language.current() is language.ENGLISH


def test_the_vocabulary_reads_the_current_languages_catalog(locale_dir):
    assert word("bills.title") == "Bills, by date"
    with language.use("ja"):
        assert word("bills.title") == "日付別の請求"
        assert word("estimator_dates.days", days=3) == "今日から3日後"
        # Fuzzy (its English changed since) or missing: the English, as gettext gives it.
        assert word("totals.total") == "Total" and word("columns.product") == "Product"
        assert template("language.locale") == "ja-JP"
        tree = words()
        assert tree["bills"]["title"] == "日付別の請求" and tree["language"] == {"locale": "ja-JP"}
        assert words("bills")["title"] == "日付別の請求"
    assert word("bills.title") == "Bills, by date" and words()["language"] == {"locale": "en-US"}
    assert words() == WORDS and words() is not WORDS


def test_cldr_writes_in_the_current_languages_locale():
    with language.use("ja"):
        assert cldr.long_date(DAY) == "2027年3月26日"
        assert (
            cldr.join(["Jira", "Jira Service Management", "Confluence"]) == "Jira、Jira Service Management、Confluence"
        )
        # US dollars stay as Americans write them.
        assert cldr.money(Decimal("23400.00"), "USD") == "$23,400.00"
        assert cldr.count(1200) == "1,200"
    assert cldr.long_date(DAY) == "March 26, 2027" and cldr.join(["Jira", "Confluence"]) == "Jira and Confluence"


def test_the_figures_caches_are_kept_per_locale(monkeypatch):
    # Japanese writes 1,200 as English does; a locale that does not shows a cache shared across languages.
    monkeypatch.setitem(language.LANGUAGES, "de", language.Language("de", "de_DE", "de-DE"))
    assert cldr.count(1200) == "1,200" and cldr.money(Decimal("1200.00"), "USD") == "$1,200.00"
    with language.use("de"):
        assert cldr.count(1200) == "1.200" and cldr.money(Decimal("1200.00"), "USD") == "1.200,00\xa0$"
    assert cldr.count(1200) == "1,200"


class _Theme:
    """MkDocs' Theme answers ["language"] and has no .get of a dict's kind."""

    def __init__(self, language):
        self._language = language

    def __getitem__(self, key):
        return {"language": self._language}[key]


def test_the_macros_take_the_language_from_the_theme():
    assert site_language({"theme": _Theme("ja")}) == "ja"
    assert site_language({"theme": {"language": "ja"}}) == "ja"  # Zensical's config is a dict
    assert site_language({"theme": {"name": "material"}}) == "en"
    assert site_language({}) == "en"


def test_the_macros_speak_the_configs_language(monkeypatch):
    import macros

    try:
        macros.define_env(MacroEnv("ja"))
        assert language.current().code == "ja" and cldr.long_date(DAY) == "2027年3月26日"
    finally:
        language.use("en")


def test_the_price_book_carries_the_languages_words_and_locale(locale_dir):
    english = run("pricebook", "--json", "--data", str(FIXTURE), "--today", "2027-03-26")
    japanese = run("pricebook", "--json", "--lang", "ja", "--data", str(FIXTURE), "--today", "2027-03-26")
    assert english.returncode == japanese.returncode == 0, japanese.stderr
    en, ja = json.loads(english.stdout), json.loads(japanese.stdout)
    assert en["words"]["language"]["locale"] == "en-US" and en["words"]["bills"]["title"] == "Bills, by date"
    assert ja["words"]["language"]["locale"] == "ja-JP" and ja["words"]["bills"]["title"] == "日付別の請求"
    # Only the words and the data's prose differ: the figures are the same book.
    prose = ("words", "rules", "contacts")
    assert {k: v for k, v in en.items() if k not in prose} == {k: v for k, v in ja.items() if k not in prose}
    assert ja["rules"]["cancel"]["title"] == "製品をキャンセルする" and ja["rules"]["cancel"]["confirmed"] is False
    assert en["rules"]["cancel"]["title"] == "Cancel a product"
    assert language.current() is language.ENGLISH  # the command's language ends with it
    table = run("pricebook", "--lang", "ja", "--data", str(FIXTURE), "--today", "2027-03-26")
    assert "2027年3月26日" in table.stdout
    refused = run("pricebook", "--lang", "xx")
    assert refused.returncode == 2 and "invalid choice: 'xx'" in refused.stderr


def test_make_pot_brings_each_languages_catalog_up_to_the_template(tmp_path):
    # A first catalog, msginit-like: every word of the template, untranslated.
    first = pot.catalog_text("ja", tmp_path)
    assert '"Language: ja\\n"' in first and "Plural-Forms: nplurals=1; plural=0;" in first
    assert 'msgctxt "bills.title"\nmsgid "Bills, by date"\nmsgstr ""' in first
    assert 'msgctxt "language.locale"' not in first  # a setting, not a word
    # A translation is kept; an English changed since marks it fuzzy, showing the English it translated.
    path = catalogs.po_path("ja", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(
        first.replace('msgid "Bills, by date"\nmsgstr ""', 'msgid "Bills, by date"\nmsgstr "日付別の請求"').replace(
            'msgctxt "totals.total"\nmsgid "Total"\nmsgstr ""', 'msgctxt "totals.total"\nmsgid "Sum"\nmsgstr "合計"'
        ),
        encoding="utf-8",
    )
    again = pot.catalog_text("ja", tmp_path)
    assert 'msgid "Bills, by date"\nmsgstr "日付別の請求"' in again
    assert '#, fuzzy\n#| msgid "Sum"\nmsgctxt "totals.total"\nmsgid "Total"\nmsgstr "合計"' in again


def test_the_committed_catalogs_are_current():
    for code in language.LANGUAGES:
        if code != "en":
            committed = catalogs.po_path(code).read_text(encoding="utf-8")
            assert committed == pot.catalog_text(code), f"locale/{code}: out of date: run `make pot`"


def test_a_price_book_made_in_japanese_leaves_the_english_one_alone():
    with language.use("ja"):
        ja = pricebook(REAL, DAY)
    assert ja["words"]["language"]["locale"] == "ja-JP" and WORDS["language"]["locale"] == "en-US"


def test_the_datas_prose_is_in_the_template_under_its_records_id():
    found = {(m.context, m.id) for m in pot.template() if m.id}
    for name in type(REAL.rules).model_fields:
        rule = getattr(REAL.rules, name)
        assert (f"data:rules.{name}.title", rule.title) in found and (
            f"data:rules.{name}.summary",
            rule.summary,
        ) in found
    assert ("data:contacts.government.how", REAL.contacts.government.how) in found
    assert ("data:products.confluence.description", REAL.product("confluence").description) in found
    assert ("glossary:Subscription.definition", GLOSSARY_TEXT) in found
    assert ("glossary:Subscription.forms", "subscription, subscriptions") in found
    assert ("schema:Tier.users", "Largest number of users the tier covers.") in found
    worked = load_worked(REAL)
    assert all((f"scenarios:{s.id}.title", s.title) in found for s, _ in worked)


def test_the_catalog_is_read_in_the_current_language(locale_dir):
    # In English: the very object, so nothing the English site or CLI writes can change.
    assert translated(REAL) is REAL
    scenario = load_worked(REAL)[0][0]
    assert translated_scenario(scenario) is scenario
    with language.use("ja"):
        ja = translated(REAL)
    assert ja.rules.cancel.title == "製品をキャンセルする"
    assert ja.rule_text("cancel") == f"{REAL.deactivation_days}日後に無効化されます。"
    assert (
        ja.contacts.commercial.who == "政府機関ではない顧客" and ja.product("jira").description == "作業を計画します。"
    )
    # Not translated: the English; names, keys, figures: as they are; the data itself untouched.
    assert ja.rules.upgrade == REAL.rules.upgrade and ja.contacts.government.name == REAL.contacts.government.name
    assert ja.products[0].tiers == REAL.products[0].tiers and ja.prices_are == REAL.prices_are
    assert REAL.rules.cancel.title == "Cancel a product"


def test_the_pages_show_the_datas_prose_and_the_schemas_in_japanese(locale_dir):
    from macros.pages import Pages

    with language.use("ja"):
        catalog = translated(REAL)
        pages = Pages(catalog, [(translated_scenario(s), q) for s, q in load_worked(catalog)], None, REAL)
        rules, reference, glossary = pages.rule("cancel", heading=True), pages.field_reference(), pages.glossary_list()
        tiers = pages.tier_tables()
        text = "".join(pages.link_terms("サブスクリプションの説明です。"))
    assert (
        f"**製品をキャンセルする.** {REAL.deactivation_days}日後に無効化されます。" in rules
        and "階層がカバーするユーザーの最大数。" in reference
    )
    assert "説明用の年間価格" not in tiers and "説明用" in tiers  # prices_are in the caption's sentence
    # The entry is in Japanese; its anchor is the English term's, as on the English glossary.
    assert "サブスクリプション {#subscription}" in glossary and "製品ごとの支払い。" in glossary
    assert "Atlassianの営業担当 {#atlassian-sales}" in glossary  # a term that is a contact's name
    assert '[サブスクリプション](glossary.md#subscription "製品ごとの支払い。")' in text


SCENARIO = """\
date: 2026-11-26
customer: government
current:
  jira: {users: 480, instances: 2}
  confluence: {users: 150}
proposed:
  jira: {users: 520, instances: 3}
  confluence: {users: 150}
days_remaining: 120
"""


def test_a_quote_in_japanese(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text(SCENARIO, encoding="utf-8")
    english = run("quote", str(path), "--data", str(FIXTURE))
    japanese = run("quote", str(path), "--lang", "ja", "--data", str(FIXTURE))
    assert english.returncode == japanese.returncode == 0, japanese.stderr
    with language.use("ja"):
        heading, products = word("cli.quote"), "Jira" + template("bills.products_join") + "Confluence"
        bills_title = template("bills.title")
    assert heading != "Quote" and products == "Jira、Confluence"
    lines = japanese.stdout.splitlines()
    assert lines[0] == heading and bills_title in lines
    # Dates as Japanese writes them; the renewal bill's products listed with 、; money in US dollars.
    assert "2027年3月26日" in japanese.stdout and "March" not in japanese.stdout
    assert products in japanese.stdout and "$23,400.00" in japanese.stdout
    # Sentences follow one another without a space; the English keeps its own.
    assert "。2026年11月26日" in lines[1] and ". Dated November 26, 2026" in english.stdout
    # The table's columns line up on a terminal, where a Japanese character takes two columns:
    # the last column, right-aligned, ends at one place on every row.
    table = lines[3:7]
    ends = [[width(line[: m.end()]) for m in re.finditer(r"\S+(?=  |$)", line)] for line in table]
    assert len({e[-1] for e in ends[1:]}) == 1, table


def test_a_quotes_json_ignores_lang(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text(SCENARIO, encoding="utf-8")
    english = run("quote", str(path), "--json", "--data", str(FIXTURE))
    japanese = run("quote", str(path), "--json", "--lang", "ja", "--data", str(FIXTURE))
    assert japanese.returncode == 0 and japanese.stdout == english.stdout
    assert "Jira: upgrade from the 500-user tier" in japanese.stdout


def test_width_counts_a_wide_character_as_two_columns():
    assert width("Jira") == 4 and width("見積もり") == 8 and width("ＡＢ") == 4 and width("e\u0301") == 1


def test_a_scenarios_problems_in_japanese(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("proposed:\n  jira: {users: many, extar: 1}\n", encoding="utf-8")
    english = run("quote", str(path), "--data", str(FIXTURE))
    japanese = run("quote", str(path), "--lang", "ja", "--data", str(FIXTURE))
    assert english.returncode == japanese.returncode == 2
    assert f"{path}:2: proposed.jira.users: must be a whole number" in english.stderr
    with language.use("ja"):
        whole, unknown = word("cli.validation.whole"), word("cli.validation.unknown", hint="")
    assert whole != "must be a whole number" and unknown != "unknown field"
    assert f"{path}:2: proposed.jira.users: {whole}" in japanese.stderr
    assert f"{path}:2: proposed.jira.extar: {unknown}" in japanese.stderr


def test_a_worked_scenarios_title_is_in_japanese_in_the_cli(tmp_path):
    # data/scenarios.yml's titles have translations (scenarios:<id>.title), as the pages show them;
    # a file of one's own with another title under the same id keeps its own words.
    from govcloud.load.scenarios import parse_scenarios
    from govcloud.load.yamlsource import load_file

    path = SCENARIOS
    scenarios, _ = parse_scenarios(load_file(path, path.name), REAL)
    first = scenarios[0]
    with language.use("ja"):
        title = translated_scenario(first).title
        heading = word("cli.titled", number=word("cli.scenario", n=1, count=len(scenarios)), title=title)
    assert title != first.title
    japanese = run("quote", str(path), "--lang", "ja")
    assert japanese.returncode == 0, japanese.stderr
    assert japanese.stdout.splitlines()[0] == heading
    own = tmp_path / "own.yml"
    own.write_text(f"id: {first.id}\ntitle: Our own title\n" + SCENARIO, encoding="utf-8")
    mine = run("quote", str(own), "--lang", "ja", "--data", str(FIXTURE))
    assert mine.returncode == 0, mine.stderr
    assert mine.stdout.splitlines()[0].endswith("Our own title")


def test_the_pages_set_japanese_sentences_and_markers_without_english_spacing():
    # Two sentences the macros put side by side, and the "to confirm" markers they append, follow
    # the language: Japanese sets 。 against the next sentence and （要確認） against its text.
    from macros.pages import Pages

    def made(prose):
        catalog = translated(REAL)
        pages = Pages(catalog, [(translated_scenario(s), q) for s, q in load_worked(catalog)], None, REAL)
        scenario, result = next((s, q) for s, q in pages.worked if s.id == "upgrade-and-add-product")
        notice = pages.to_confirm("enterprise_bill")
        return notice, pages.glossary_list(), pages.scenario_block(scenario, result, 3), pages.link_terms(prose)

    with language.use("ja"):
        notice, glossary, block, linked = made("更新します。")
        ask, marker = word("site.rules.ask", government="Carahsoft", commercial="x")[:6], word("site.rules.marker")
    assert "。" + ask in notice and "。 " not in notice
    assert "ません。（要確認：[" in glossary and " (" not in glossary
    assert "ください。2026年12月1日付け" in block
    assert "ます。" + marker + '")' in linked
    english = made("It takes effect at renewal.")
    assert ". Confirm it with" in english[0] and " (to confirm: [" in english[1]
    assert '. (to confirm)")' in english[3]


def test_the_products_list_puts_a_japanese_colon_after_a_name():
    from macros.ladder import products_list

    with language.use("ja"):
        japanese = str(products_list(translated(REAL)))
    english = str(products_list(REAL))
    assert "<strong>Jira</strong>：" in japanese and "</strong>: " not in japanese
    assert "<strong>Jira</strong>: Plan" in english


def test_a_date_fields_two_hint_sentences_follow_each_other_as_the_language_sets_them():
    from macros.estimator import estimator_markup

    with language.use("ja"):
        japanese = str(estimator_markup(translated(REAL)))
    english = str(estimator_markup(REAL))
    assert (
        '</span><span class="gc-date-format">' in japanese and '</span> <span class="gc-date-format">' not in japanese
    )
    assert '</span> <span class="gc-date-format">' in english


@pytest.mark.parametrize("locale", ["en_US", "ja_JP", "de_DE", "fr_FR", "nl_NL", "hi_IN", "de_CH", "ar_EG"])
def test_amounts_are_written_as_babel_writes_them(locale):
    # The plain writer stands in for Babel only where it writes every amount the same; a locale
    # whose pattern it does not follow (Indian grouping, Swiss symbol placement) keeps Babel.
    write = cldr._money_writer("USD", locale)
    cents = [0, 1, 5, 10, 99, 100, 12_345, 99_999, 100_000, 123_456_789, 100_000_000_000]
    cents += [int(1.7**n) for n in range(1, 60)]
    for c in cents:
        for amount in (Decimal(c) / 100, -Decimal(c) / 100):
            amount = amount.quantize(Decimal("0.01"))
            assert write(amount) == format_currency(amount, "USD", locale=locale), (locale, amount)
    # A negative zero keeps its sign, as Babel writes it.
    assert write(Decimal("-0.00")) == format_currency(Decimal("-0.00"), "USD", locale=locale)
    assert (write.__name__ == "babel") == (locale in ("hi_IN", "de_CH"))
