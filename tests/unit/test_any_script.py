"""Anchors and glossary links for terms in any script: a Japanese term gets an anchor and its
first use in a Japanese sentence (no spaces between words) links to it; English is as it was."""

from __future__ import annotations

import pytest
from macros.glossary import GlossaryMacros

from govcloud.words.richtext import anchor


def _glossary(*entries: tuple[str, list[str]]) -> GlossaryMacros:
    g = GlossaryMacros()
    g.glossary = [{"term": t, "forms": forms, "text": f"{t}.", "unconfirmed": []} for t, forms in entries]
    return g


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("ユーザー ティア", "ユーザー-ティア"),
        ("サブスクリプション", "サブスクリプション"),
        ("プロレーション（日割り）", "プロレーション-日割り"),
        ("用户层级", "用户层级"),
        ("Über-Stufe 2", "über-stufe-2"),
    ],
)
def test_a_term_in_any_script_has_an_anchor_of_its_letters_and_digits(term, expected):
    assert anchor(term) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("User tier", "user-tier"),
        ("Co-terming", "co-terming"),
        ("Illustrative price", "illustrative-price"),
        ("Jira Service Management", "jira-service-management"),
        ("  Pay_as-you go (monthly)!  ", "pay-as-you-go-monthly"),
        ("products.yml", "products-yml"),
        ("—", ""),
    ],
)
def test_english_anchors_are_as_they_were(term, expected):
    assert anchor(term) == expected


def test_the_first_use_of_a_japanese_term_in_a_japanese_sentence_is_linked():
    g = _glossary(
        ("ユーザー ティア", ["ユーザー ティア", "ユーザーティア"]), ("サブスクリプション", ["サブスクリプション"])
    )
    page = "各製品のサブスクリプションは、ユーザーティアごとに価格が決まります。サブスクリプションは一年です。"
    assert g.link_terms(page) == (
        '各製品の[サブスクリプション](glossary.md#サブスクリプション "サブスクリプション."){ .gc-glossary-term }は、'
        '[ユーザーティア](glossary.md#ユーザー-ティア "ユーザー ティア."){ .gc-glossary-term }ごとに価格が決まります。'
        "サブスクリプションは一年です。"
    )


def test_an_english_name_in_a_japanese_sentence_is_linked():
    g = _glossary(("Jira", ["Jira"]))
    assert (
        g.link_terms("Jiraのサブスクリプション")
        == '[Jira](glossary.md#jira "Jira."){ .gc-glossary-term }のサブスクリプション'
    )


@pytest.mark.parametrize("japanese", ["", " 日本語の文。"])
def test_english_terms_are_still_whole_words(japanese):
    # On a page with no Japanese and on one with some (which takes the slower pattern).
    g = _glossary(("tier", ["tier"]))
    page = "A tiered sub-tier, tier_x, tiers and 2tier." + japanese
    assert g.link_terms(page) == page
    assert g.link_terms("Tier. A tier." + japanese) == (
        '[Tier](glossary.md#tier "tier."){ .gc-glossary-term }. A tier.' + japanese
    )
