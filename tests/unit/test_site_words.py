"""The site-wide script's words reach every page: the post-build step writes the
vocabulary's `site_script` group on each page's <body> (govcloud_site/postbuild/words.py),
where docs/assets/govcloud.js reads it."""

from __future__ import annotations

import html
import json
import re

import pytest

from govcloud.words import language
from govcloud.words.vocabulary import WORDS, words
from govcloud_site.postbuild import STEPS
from govcloud_site.postbuild.words import apply, with_words

PAGE = '<!doctype html><html lang="en"><head><title>t</title></head><body dir="ltr" data-x="a>b"><p>x</p></body></html>'


def words_on(page: str) -> dict:
    found = re.findall(r'\sdata-gc-words="([^"]*)"', page)
    assert len(found) == 1, page
    assert page.index("<body") < page.index("data-gc-words") < page.index("<p>"), page  # on the <body> tag
    return json.loads(html.unescape(found[0]))


def test_the_body_carries_the_vocabularys_site_words():
    page = with_words(PAGE)
    assert words_on(page) == WORDS["site_script"]
    # Only the tag changes; its other attributes stay, a ">" in one of them too.
    assert page.replace(re.search(r'\sdata-gc-words="[^"]*"', page)[0], "") == PAGE


def test_a_word_with_markup_characters_stays_text(monkeypatch):
    monkeypatch.setitem(WORDS, "site_script", {"table": "Table \"<b>\" & 'more'"})
    page = with_words(PAGE)
    assert "<b>" not in page
    assert words_on(page) == {"table": "Table \"<b>\" & 'more'"}


def test_a_second_run_replaces_the_words_instead_of_adding_more():
    once = with_words(PAGE)
    assert with_words(once) == once


def test_a_page_without_a_body_is_an_error():
    with pytest.raises(ValueError, match="no <body>"):
        with_words("<html><head></head></html>")


def test_every_page_of_a_folder_gets_them_and_the_step_runs_after_the_build(tmp_path):
    for name in ("index.html", "a/index.html", "404.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "charts.xml").write_text("<svg/>", encoding="utf-8")  # not a page: left alone
    assert apply(tmp_path) == 3
    assert all(words_on(p.read_text(encoding="utf-8")) == WORDS["site_script"] for p in tmp_path.rglob("*.html"))
    assert (tmp_path / "a" / "charts.xml").read_text(encoding="utf-8") == "<svg/>"
    # Before the policy, which hashes the pages' inline scripts (the words are none).
    names = [name for name, _ in STEPS]
    assert names.index("words") < names.index("csp")


def test_a_japanese_page_carries_the_japanese_words():
    japanese = PAGE.replace('lang="en"', 'lang="ja"')
    with language.use("ja"):
        expected = words("site_script")
    assert expected != WORDS["site_script"]  # the catalog translates them
    assert words_on(with_words(japanese)) == expected
    assert words_on(with_words(japanese.replace('lang="ja"', 'lang="ja-JP"'))) == expected
    # A language the site does not have: English.
    assert words_on(with_words(japanese.replace('lang="ja"', 'lang="xx"'))) == WORDS["site_script"]
