"""`govcloud translations`, the check `make check` runs: stale or missing Japanese pages, catalog
entries missing, fuzzy, changed or with other placeholders, and terms written as a variant to
avoid; each on folders of the test's own (a copy of the catalog and term list, pages made here)."""

from __future__ import annotations

import copy
import shutil

import pytest
from babel.messages.pofile import read_po, write_po

from catalogs import REAL
from cli_run import run
from conftest import ROOT
from govcloud.cli.translations import Folders, check, sha256, stamp
from govcloud.words import catalogs, pot, richtext

PAGE = "# Products\n\nEvery product has user tiers.\n"
JAPANESE = "# 製品 {{#products}}\n\nどの製品にもユーザー階層があります。\n"


@pytest.fixture(scope="module")
def _template():
    return pot.template()


@pytest.fixture
def template(_template):
    return copy.deepcopy(_template)  # a test may add or change a message


@pytest.fixture
def folders(tmp_path):
    """docs/ with one page, docs-ja/ with its translation stamped, and a copy of locale/."""
    f = Folders(tmp_path / "docs", tmp_path / "docs-ja", tmp_path / "locale")
    f.english.mkdir()
    f.translated.mkdir()
    (f.english / "products.md").write_text(PAGE, encoding="utf-8")
    (f.translated / "products.md").write_text(
        f"---\nenglish_sha256: {sha256(f.english / 'products.md')}\ndescription: 製品\n---\n\n" + JAPANESE,
        encoding="utf-8",
    )
    shutil.copytree(ROOT / "locale", f.locale)
    return f


def test_the_fixture_and_the_real_catalog_pass(folders, template):
    found = check(folders, template)
    assert found.problems == [] and found.pages == 1 and found.messages == len([m for m in template if m.id])


def test_a_changed_english_page_fails_until_its_translation_is_stamped(folders, template):
    (folders.english / "products.md").write_text(PAGE + "\nA new sentence.\n", encoding="utf-8")
    problems = check(folders, template).problems
    assert len(problems) == 1 and "products.md: is stale: " in problems[0] and "docs/products.md changed" in problems[0]
    said = stamp(folders.translated / "products.md", folders)
    assert said.startswith("stamped ") and sha256(folders.english / "products.md") in said
    assert check(folders, template).problems == []
    # The front matter's other fields and the page itself are kept.
    text = (folders.translated / "products.md").read_text(encoding="utf-8")
    assert text.endswith(JAPANESE) and "description: 製品\n" in text


def test_a_missing_or_unstamped_page_fails(folders, template):
    (folders.english / "glossary.md").write_text("# Glossary\n", encoding="utf-8")
    (folders.translated / "products.md").write_text(JAPANESE, encoding="utf-8")
    problems = check(folders, template).problems
    assert any("glossary.md: missing: no translation of" in p for p in problems)
    assert any("products.md: has no english_sha256" in p for p in problems)
    stamp(folders.translated / "products.md", folders)  # a page without front matter gets one
    assert (folders.translated / "products.md").read_text(encoding="utf-8").startswith("---\nenglish_sha256: ")


def test_a_new_word_without_a_translation_fails(folders, template):
    template.add("A new word", context="site.new.word")
    problems = check(folders, template).problems
    assert len(problems) == 1 and problems[0].endswith("site.new.word: missing: no translation of 'A new word'")


def test_a_changed_english_word_fails_until_make_pot_marks_it_and_it_is_checked(folders, template):
    template.delete("Bills, by date", context="bills.title")
    template.add("Bills by date", context="bills.title")
    problems = check(folders, template).problems
    assert problems == [f"{folders.po}: bills.title: its English changed since it was translated: run `make pot`"]


def _edit_catalog(folders, edit):
    with open(folders.po, "rb") as f:
        catalog = read_po(f)
    edit(catalog)
    with open(folders.po, "wb") as f:
        write_po(f, catalog)
    catalogs.translations.cache_clear()


def test_a_fuzzy_entry_or_other_placeholders_fail(folders, template):
    def edit(catalog):
        catalog.get("Bills, by date", context="bills.title").flags.add("fuzzy")
        catalog.get("In {days} days", context="bills.in_days").string = "{day}日後"
        catalog.get("Ask {contact}", context="cells.ask").string = "お問い合わせください"

    _edit_catalog(folders, edit)
    found = check(folders, template).problems
    # Each names the catalog's file and the line of the entry's msgid, as every bad-data problem does.
    lines = folders.po.read_text(encoding="utf-8").splitlines()
    for problem, context in zip(found, ("cells.ask", "bills.title", "bills.in_days")):
        at = lines.index(f'msgctxt "{context}"') + 2
        assert problem.startswith(f"{folders.po}:{at}: {context}: "), problem
    problems = [p.split(": ", 1)[1] for p in found]
    assert problems == [  # in the template's order
        "cells.ask: placeholders none differ from the English's {contact}",
        "bills.title: fuzzy: its English changed since it was translated; check it",
        "bills.in_days: placeholders {day} differ from the English's {days}",
    ]


def test_a_term_written_as_a_variant_to_avoid_fails(folders, template):
    page = folders.translated / "products.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nユーザーティアとサブスクの説明。\n", encoding="utf-8")
    _edit_catalog(folders, lambda c: setattr(c.get("Tier", context="columns.tier"), "string", "ティア"))
    problems = check(folders, template).problems
    assert sorted(p.split(f"{folders.translated}/", 1)[-1] for p in problems if "docs-ja" in p) == [
        "products.md:10: 'サブスク' is written; the term list says サブスクリプション (subscription)",
        "products.md:10: 'ティア' is written; the term list says 階層 (tier)",
        "products.md:10: 'ユーザーティア' is written; the term list says ユーザー階層 (user tier)",
    ]
    assert any(p.endswith("columns.tier: 'ティア' is written; the term list says 階層 (tier)") for p in problems)
    # The term itself holds a variant's letters (サブスク in サブスクリプション): that is no variant.
    assert not any("サブスク'" in p for p in problems if "products.md:8" in p)


def test_the_command_checks_reports_and_stamps(folders):
    where = (
        "--english",
        str(folders.english),
        "--translated",
        str(folders.translated),
        "--locale",
        str(folders.locale),
    )
    ok = run("translations", *where)
    assert ok.returncode == 0 and ok.stdout.startswith("ok: 1 pages, "), ok.stdout + ok.stderr
    (folders.english / "products.md").write_text(PAGE + "\nMore.\n", encoding="utf-8")
    stale = run("translations", *where)
    assert stale.returncode == 2 and "products.md: is stale: " in stale.stderr and stale.stdout == ""
    report = run("translations", "--report", *where)
    assert report.returncode == 0 and "1 to do:" in report.stdout
    assert "what changed in the English: git log -p -- " in report.stdout
    stamped = run("translations", "--stamp", str(folders.translated / "products.md"), *where)
    assert stamped.returncode == 0 and run("translations", *where).returncode == 0


def test_make_check_runs_the_translations_check():
    recipe = (ROOT / "Makefile").read_text().split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    assert "govcloud translations" in recipe


def test_japanese_anchors_keep_the_words_together():
    # No spaces between Japanese words: the anchor is the term's letters, lower-cased where they have case.
    assert richtext.anchor("ユーザー階層") == "ユーザー階層"
    assert richtext.anchor("Jiraのユーザー階層") == "jiraのユーザー階層"
    assert richtext.anchor("料金の変更（2027年）") == "料金の変更-2027年"


def test_a_translation_of_the_datas_prose_holds_what_the_data_may(folders, template):
    def edit(catalog):
        rule = catalog.get(REAL.rules.cancel.summary, context="data:rules.cancel.summary")
        rule.string = "<b>キャンセル</b>は[ここ](javascript:alert(1))から。{deactivation_days}日後です。"
        catalog.get(REAL.rules.cancel.title, context="data:rules.cancel.title").string = "製品を*キャンセル*する"

    _edit_catalog(folders, edit)
    problems = [p.split(": ", 1)[1] for p in check(folders, template).problems]
    assert problems[0].startswith("data:rules.cancel.title: ") and "data:rules.cancel.summary: raw HTML" in problems[1]
    assert any("data:rules.cancel.summary: link to 'javascript:alert(1'" in p for p in problems)
