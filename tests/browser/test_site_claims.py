"""What the pages say must not go beyond the sources (docs/sources.md):
no promise the sources do not make, no claim about the sources that is false,
and a plain first sentence for the plain questions customers ask."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from harness import PAGES, prose, read, sections

RAW = yaml.safe_load((ROOT / "data" / "products.yml").read_text(encoding="utf-8"))
NAMES = {kind: RAW["contacts"][kind]["name"] for kind in ("government", "commercial")}


def all_pages(site_dir) -> dict[str, str]:
    return {page: prose(read(site_dir, page)) for page in [*PAGES, "estimator/index.html"]}


def test_no_page_promises_a_quote_beyond_the_limits(site_dir):
    # Past the largest tier or the instance limit nothing is documented: the
    # site may say to ask, not that sales "quotes it". A command does (the scenario
    # file's first line, in the estimator's price book: "`govcloud quote this-file.yml`
    # quotes it"): after a code span the words promise nothing of sales.
    for page, words in all_pages(site_dir).items():
        assert not re.search(r"(?<!`) quotes it", words), page
    assert "quotes it" not in RAW["rules"]["beyond_limits"]["summary"]


def test_a_to_confirm_box_never_says_a_government_cloud_page_is_silent_on_government_cloud(site_dir):
    # The box cites the closest page; for a Government Cloud page, "does not state it
    # for Government Cloud" contradicts the title it names.
    for page in PAGES:
        html = read(site_dir, page)
        for box in re.findall(r'<div class="admonition warning">(.*?)</div>', html, flags=re.S):
            if "Government Cloud" in "".join(re.findall(r"<a [^>]*>([^<]*)</a>", box)):
                assert "not state it for Government Cloud" not in box, (page, box)


def test_sources_page_does_not_claim_every_rule_to_confirm_is_documented_commercially(site_dir):
    intro = prose(read(site_dir, "sources/index.html")).split("Rules and their sources", 1)[0]
    # Two rules to confirm rest on no commercial page at all (the instance limit's
    # overflow, co-terming); a blanket claim would be false.
    assert not re.search(r"to confirm[”\"]? are documented for Atlassian's commercial cloud", intro), intro


def test_possessives_read_as_english(site_dir):
    for page, words in all_pages(site_dir).items():
        assert not re.search(r"s's\b", words), (page, re.search(r".{30}s's\b.{30}", words))


def test_questions_page_quotes_no_label_the_estimator_does_not_show(site_dir):
    words = prose(read(site_dir, "questions/index.html"))
    assert "ask sales" not in words.lower()


# -- plain questions, plain first sentences ------------------------------------


def first_sentence(answer: str) -> str:
    return re.split(r"(?<=[.!?])\s", answer, maxsplit=1)[0]


def answer_to(site_dir, words: str) -> str:
    answers = sections(read(site_dir, "questions/index.html"))
    matches = [a for q, a in answers.items() if all(w in q.lower() for w in words.split())]
    assert len(matches) == 1, (words, list(answers))
    return matches[0]


def test_two_subscriptions_for_one_product_answers_with_the_source_not_a_bare_no(site_dir):
    # The source says every instance of a product shares its one subscription; it never
    # says "No" to a second one. The answer opens with the data's rule, said once.
    answer = answer_to(site_dir, "two subscriptions")
    first = first_sentence(answer)
    assert not re.match(r"No\b", first), first
    rule = " ".join(RAW["rules"]["one_subscription_per_product"]["summary"].split())
    assert answer.startswith(rule), answer[:160]
    assert answer.count(rule) == 1


def test_changes_page_marks_what_rests_on_rules_to_confirm(site_dir):
    # Lowering a tier and cancelling rest on rules the data marks unconfirmed: the page's
    # own sentences about them carry the marker, as the rules' boxes do.
    assert not RAW["rules"]["downgrade"]["confirmed"] and not RAW["rules"]["cancel"]["confirmed"]
    words = prose(read(site_dir, "changes/index.html"))
    intro = words[: words.index("Raise a user tier")]
    said = [s for s in re.split(r"(?<=[.!?])\s", intro) if "lowering a tier" in s]
    assert said and all("(to confirm)" in s for s in said), said
    answers = sections(read(site_dir, "changes/index.html"))
    for heading in ("Lower a user tier", "Cancel"):
        text = next(a for q, a in answers.items() if q.startswith(heading))
        bill = text[text.index("Bill:") : text.index("Contact:")]
        assert "renewal" in bill and "(to confirm)" in bill, (heading, bill)


def test_contact_words_promise_nothing_the_sources_do_not_say(site_dir):
    # The source: Atlassian takes interest through its contact form and someone reaches
    # out; Carahsoft (or the sales team) works with the customer. It names no Carahsoft
    # web form and promises no quote from whoever answers.
    contacts = " ".join(" ".join(c["how"].split()) for c in RAW["contacts"].values())
    fixture = yaml.safe_load((ROOT / "tests" / "support" / "fixtures" / "products.yml").read_text(encoding="utf-8"))
    contacts += " ".join(" ".join(c["how"].split()) for c in fixture["contacts"].values())
    assert "form" not in contacts, contacts
    words = prose(read(site_dir, "contact/index.html"))
    assert "prepare a quote" not in words and "web form" not in words
    (form,) = re.findall(r"[^.?]*\bform\b[^.]*", words)
    assert "Atlassian" in form and "contact form" in form and NAMES["government"] not in form, form
    for page, text in all_pages(site_dir).items():
        assert "web form" not in text and "prepare a quote" not in text, page


def test_passing_the_instance_limit_says_it_is_undocumented_and_whom_to_ask(site_dir):
    first = first_sentence(answer_to(site_dir, f"{RAW['max_instances']} instances"))
    assert "not documented" in first or "no published" in first.lower(), first
    assert "ask" in first.lower(), first


def test_how_to_cancel_names_both_contacts_first(site_dir):
    first = first_sentence(answer_to(site_dir, "how cancel"))
    assert NAMES["government"] in first and NAMES["commercial"] in first, first


@pytest.mark.parametrize(
    "query, heading",
    [
        ("two subscriptions", "two subscriptions"),
        ("cancel", "how do we cancel"),
        (f"{RAW['max_instances']} instances", f"{RAW['max_instances']} instances"),
    ],
)
def test_search_puts_the_plain_answer_first(browser, site_url, query, heading):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/")
    box = page.get_by_role("textbox", name=re.compile("Search", re.I))
    box.click()
    # Material searches on each keyup: typed key by key, the results of "two" could be read as those of
    # "two subscriptions" (CI did once). The whole query, then one key that moves the caret: one search.
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item")
    # The first group of results is a page: its article first, then its sections by rank.
    links = page.eval_on_selector_all(
        ".md-search-result__item:first-child a",
        "as => as.map(a => ({path: a.pathname, hash: a.hash, text: a.textContent}))",
    )
    context.close()
    assert links[0]["path"].startswith("/questions/"), links
    sections = [link for link in links if link["hash"]]
    assert sections and heading in sections[0]["text"].lower(), links


def test_next_steps_offer_the_link_table_and_csv_before_the_scenario_file(site_dir):
    # Carahsoft has no `govcloud quote`: the estimate travels as a link, a table or a CSV
    # file; the scenario file is for whoever runs sales tools that read it.
    html = read(site_dir, "estimator/index.html")
    steps = html[html.index('id="gc-next-title"') : html.index("</section>", html.index('id="gc-next-title"'))]
    items = [prose(f"<article>{li}</article>") for li in re.findall(r"<li[^>]*>(.*?)</li>", steps, flags=re.S)]
    first = next(i for i, item in enumerate(items) if "Copy link" in item)
    scenario = next(i for i, item in enumerate(items) if "Download scenario" in item)
    assert first < scenario, items
    assert all(w in items[first] for w in ("Copy as table", "Download CSV")), items[first]
    assert "govcloud quote" not in items[scenario] and "sales tools" in items[scenario], items[scenario]


# -- the tier ladder is this site's own (docs/sources.md: not published, illustrative) ----


def sentences(words: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", words)


def test_where_a_page_states_the_tier_ladder_it_says_the_ladder_is_illustrative(site_dir):
    tiers = [t["users"] for p in RAW["products"] for t in p["tiers"]]
    low, high = f"{min(tiers):,}", f"{max(tiers):,}"
    stated = 0
    for page, words in all_pages(site_dir).items():
        said = sentences(words)
        for i, sentence in enumerate(said):
            if re.search(rf"\bfrom {low}\b.*\b{high} users", sentence):
                stated += 1
                assert "illustrative" in " ".join(said[max(i - 1, 0) : i + 2]), (page, sentence)
                # ...and the page says why: Atlassian publishes no ladder.
                assert any("not publish" in s and "tier" in s for s in said), page
    assert stated, "no page states the ladder's range"


def test_no_page_calls_the_largest_tier_published(site_dir):
    # No ladder is published, so the largest tier is the site's own: a sentence that
    # names the largest tier and "published" may only deny it.
    texts = dict(all_pages(site_dir)) | {"beyond_limits rule": RAW["rules"]["beyond_limits"]["summary"]}
    for page, words in texts.items():
        for sentence in sentences(" ".join(words.split())):
            if "largest tier" in sentence and "publish" in sentence:
                assert re.search(r"\b(not|no|nothing)\b", sentence), (page, sentence)


# -- each answer says its point once -------------------------------------------


def without_box(answer: str) -> str:
    return answer.split("To confirm", 1)[0]


def repeated_runs(text: str, length: int = 3) -> set[str]:
    """Runs of `length` words that two different sentences of `text` share."""
    seen: dict[str, int] = {}
    shared = set()
    for i, sentence in enumerate(sentences(text)):
        words = re.findall(r"[a-z0-9']+", sentence.lower())
        for j in range(len(words) - length + 1):
            run = " ".join(words[j : j + length])
            if seen.setdefault(run, i) != i:
                shared.add(run)
    return shared


def test_no_answer_repeats_itself(site_dir):
    for question, answer in sections(read(site_dir, "questions/index.html")).items():
        if question != "Sources":
            assert not repeated_runs(without_box(answer)), (question, repeated_runs(without_box(answer)))


def test_the_instance_limit_answer_names_the_contact_once(site_dir):
    answer = without_box(answer_to(site_dir, f"{RAW['max_instances']} instances"))
    assert answer.lower().count("sales contact") == 1, answer


def test_the_monthly_billing_answer_is_about_monthly_billing(site_dir):
    # The user-tier rule is the subscriptions page's; spliced in here it broke the answer's thought.
    answer = " ".join(without_box(answer_to(site_dir, "monthly annual")).split())
    assert " ".join(RAW["rules"]["user_tiers"]["summary"].split()) not in answer, answer
    assert "monthly" in first_sentence(answer) or "annual" in first_sentence(answer), answer
