"""The help site as built by `mkdocs build --strict`: what its pages say, checked
against the data read independently (plain YAML, hand-worked expectations),
and builds that must fail when data, a link or a macro is broken."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from decimal import Decimal
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, build_site
from govcloud.calc.worked import load_worked
from govcloud.load.loading import load_catalog
from govcloud.model.catalog import Catalog
from govcloud.words.vocabulary import WORDS
from harness import PAGES, Html, prose, read, sections, text_of

DATA = ROOT / "data" / "products.yml"
SCENARIOS = ROOT / "data" / "scenarios.yml"
# The help pages this brief owns (the estimator page is tested by its own suite).
# Which rules each page states, by hand: its Sources section must cite theirs.
RULES_ON = {
    "subscriptions/index.html": [
        "one_subscription_per_product",
        "user_tiers",
        "users_counted_once",
        "instances_free",
        "beyond_limits",
    ],
    "products/index.html": ["user_tiers", "quote_holds_price"],
    "changes/index.html": ["upgrade", "add_instances", "new_product", "downgrade", "cancel"],
    "contact/index.html": ["contact_route"],
    "questions/index.html": [
        "one_subscription_per_product",
        "beyond_limits",
        "cancel",
        "downgrade",
        "new_product",
        "upgrade",
        "users_counted_once",
        "add_instances",
        "quote_validity",
    ],
}
GLOSSARY = ROOT / "includes" / "glossary.yml"
ESTIMATOR_JS = ROOT / "docs" / "assets" / "estimator" / "view.js"


# -- reading the built HTML ----------------------------------------------------


def dollars(amount) -> str:
    """How a page shows money, worked out here from the raw YAML value."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    return f"${value:,.2f}"


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def raw_scenarios():
    return yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))


CATALOG = load_catalog()


def mkdocs_config() -> dict:
    """mkdocs.yml as MkDocs reads it (its `!ENV` tag resolved)."""
    return yaml_load((ROOT / "mkdocs.yml").read_text())


# -- the real site -------------------------------------------------------------


def test_every_page_is_rendered_and_described(site_dir):
    site_description = mkdocs_config()["site_description"]
    for page in PAGES:
        html = read(site_dir, page)
        for leftover in ("{{", "{%", "{#", "Macro Rendering Error", "Traceback", "Undefined"):
            assert leftover not in html, f"{page} holds {leftover!r}"
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert description and description.group(1) != site_description, f"{page} has no description of its own"
    assert (site_dir / "404.html").exists()
    sitemap = (site_dir / "sitemap.xml").read_text()
    for page in PAGES:
        assert "/" + page.removesuffix("index.html") + "</loc>" in sitemap, page


def ladder_table(site: Path) -> dict:
    """The products page's one table across products (see also test_ladder.py)."""
    return next(t for t in Html(read(site, "products/index.html")).tables if "data-ladder" in t["attrs"])


def test_tier_tables_show_every_price_in_the_data(site_dir, raw):
    table = ladder_table(site_dir)
    assert [c["text"] for c in table["rows"][0]["cells"]][1:] == [p["name"] for p in raw["products"]]
    page = text_of(read(site_dir, "products/index.html"))
    for i, product in enumerate(raw["products"], start=1):
        shown = {r["cells"][0]["text"]: r["cells"][i]["text"] for r in table["rows"][1:]}
        for t in product["tiers"]:
            assert shown[f"{t['users']:,}"].startswith(dollars(t["annual"])), (product["key"], t["users"])
    assert "illustrative" in page and raw["contacts"]["government"]["name"] in page


def test_tier_tables_agree_with_govcloud_pricebook(site_dir):
    from govcloud.calc.pricebook import pricebook

    book = pricebook(load_catalog(DATA))
    cells = [c for r in ladder_table(site_dir)["rows"][1:] for c in r["cells"] if "data-annual" in c["attrs"]]
    for product in book["products"]:
        shown = [Decimal(c["attrs"]["data-annual"]) for c in cells if c["attrs"]["data-product"] == product["key"]]
        assert shown == [Decimal(t["annual"]) for t in product["tiers"]]


def unmarked(text: str) -> str:
    """A cell's text without its "to confirm" footnote markers ([1][2])."""
    return re.sub(r"(\[\d+\])+$", "", text.strip())


def scenario_tables(site: Path, page: str) -> dict[str, dict]:
    return {t["attrs"]["data-scenario"]: t for t in Html(read(site, page)).tables if "data-scenario" in t["attrs"]}


def test_worked_scenarios_show_the_quote_and_their_hand_worked_totals(site_dir, raw_scenarios):
    catalog = load_catalog(DATA)
    tables = scenario_tables(site_dir, "scenarios/index.html")
    assert list(tables) == [s["id"] for s in raw_scenarios]
    for scenario, result in load_worked(catalog, SCENARIOS):
        rows = tables[scenario.id]["rows"]
        lines = {
            r["attrs"]["data-product"]: {c["attrs"].get("data-field"): unmarked(c["text"]) for c in r["cells"]}
            for r in rows
            if "data-product" in r["attrs"]
        }
        assert list(lines) == [line.product for line in result.lines]
        for line in result.lines:
            shown = lines[line.product]
            assert shown["users"] == f"{line.users:,}"
            assert shown["instances"] == f"{line.instances:,}"
            if line.status == "ok":
                assert shown["annual"] == dollars(line.annual) and shown["due_now"] == dollars(line.due_now)
                assert shown["tier"] == (WORDS["cells"]["none"] if line.tier is None else f"{line.tier:,}")
            else:
                assert "$" not in shown["annual"] + shown["due_now"]
        total = next(
            {c["attrs"].get("data-field"): unmarked(c["text"]) for c in r["cells"]}
            for r in rows
            if "data-total" in r["attrs"]
        )
        # Against the figures worked out by hand in data/scenarios.yml, not the program's.
        hand = next(s["expected"] for s in raw_scenarios if s["id"] == scenario.id)
        assert total["annual_total"] == dollars(hand["annual_total"]), scenario.id
        assert total["due_now_total"] == dollars(hand["due_now_total"]), scenario.id


def test_each_scenario_links_to_the_estimator_prefilled(site_dir, raw_scenarios):
    html = read(site_dir, "scenarios/index.html")
    found = [(unescape(h), unescape(t)) for h, t in re.findall(r'<a href="([^"]*)">(Open [^<]*)</a>', html)]
    links = [h for h, _ in found]
    assert len(links) == len(raw_scenarios)
    # Each link says which scenario it opens, so a list of links is not twelve identical ones.
    assert [t for _, t in found] == [f"Open “{s['title']}” in the cost estimator" for s in raw_scenarios]
    for link, scenario in zip(links, raw_scenarios):
        url = urlsplit(link)
        assert url.path == "../estimator/", link
        params = dict(parse_qsl(url.query))
        assert params["customer"] == scenario.get("customer", "government")
        for key, held in scenario["proposed"].items():
            assert params[key] == str(held["users"])
            assert params.get(f"{key}.instances", "1") == str(held.get("instances", 1))
        for key, held in (scenario.get("current") or {}).items():
            assert params[f"current.{key}"] == str(held["users"])
        # Dated: the quote's date, and for a change the renewal that its days give (never the days).
        assert params["date"] == str(scenario["date"])
        assert "days_remaining" not in params
        if "current" in scenario:
            renewal = scenario["date"] + timedelta(days=scenario["days_remaining"])
            assert params["renewal"] == renewal.isoformat()


def estimator_change_words() -> dict[str, str]:
    """The words for each change kind: the vocabulary's, which the estimator receives in the price book."""
    return dict(WORDS["change"])


def test_change_page_shows_an_example_of_each_change(site_dir):
    words = estimator_change_words()
    assert set(words) == {"new", "upgrade", "downgrade", "instances_only", "unchanged", "cancel"}
    tables = scenario_tables(site_dir, "changes/index.html")
    kinds = {
        c["text"].strip()
        for t in tables.values()
        for r in t["rows"]
        for c in r["cells"]
        if c["attrs"].get("data-field") == "change"
    }
    assert {words[k] for k in ("upgrade", "instances_only", "new", "downgrade", "cancel")} <= kinds


def test_quote_tables_use_the_estimators_words(site_dir):
    words = estimator_change_words()
    for page in ("changes/index.html", "scenarios/index.html"):
        for key, table in scenario_tables(site_dir, page).items():
            heads = [c["text"].strip() for c in table["rows"][0]["cells"]]
            assert heads[-1] == WORDS["columns"]["due_now"], (page, key)
            assert WORDS["columns"]["annual"] in heads or WORDS["columns"]["annual_new"] in heads, (page, key)
            shown = {
                c["text"].strip() for r in table["rows"] for c in r["cells"] if c["attrs"].get("data-field") == "change"
            }
            assert shown and shown <= set(words.values()), (page, key, shown)
            # Every value cell carries its column's name, for the stacked phone layout.
            for row in table["rows"][1:]:
                for i, c in enumerate(row["cells"]):
                    if c["tag"] == "td" and c["text"].strip():
                        assert c["attrs"].get("data-label") == heads[i], (page, key, c)


def test_rule_pages_cite_the_sources_of_their_rules(site_dir, raw):
    for page, rules in RULES_ON.items():
        html = read(site_dir, page)
        assert 'id="sources"' in html, page
        cited = html[html.index('id="sources"') : html.index("</article>")]
        for rule in rules:
            # The whole rule, as the data words it (spacing aside: links inside add some).
            assert re.sub(r"\s", "", CATALOG.rule_text(rule)) in re.sub(r"\s", "", text_of(html)), (page, rule)
            url = raw["sources"][raw["rules"][rule]["source"]]["url"]
            assert f'href="{url}"' in cited, (page, rule)
    sources = read(site_dir, "sources/index.html")
    for rule in raw["rules"].values():
        assert raw["sources"][rule["source"]]["url"] in sources


def test_questions_name_their_sources_and_the_facts_customers_need(site_dir, raw):
    html = read(site_dir, "questions/index.html")
    answers = sections(html)
    titles = [s["title"] for s in raw["sources"].values()]
    boxes = 0
    for question, answer in answers.items():
        if question == "Sources":
            continue
        # At most one "To confirm" per answer, and each names what it rests on.
        assert answer.count("To confirm") <= 1, question
        if "To confirm" in answer:
            boxes += 1
            box = answer.split("To confirm", 1)[1]
            assert any(t in box for t in titles) or "No Atlassian page documents" in box, question
    assert boxes >= 5
    cancel = next(a for q, a in answers.items() if "cancel" in q.lower())
    assert f"deactivated {raw['deactivation_days']} days after the term ends" in cancel
    assert raw["sources"]["cancel_subscription"]["title"] in cancel.split("To confirm", 1)[1]
    quote_answer = next(a for q, a in answers.items() if "quote" in q.lower())
    assert f"valid for {raw['quote_valid_days']} days" in quote_answer
    assert raw["sources"][raw["rules"]["quote_validity"]["source"]]["title"] in quote_answer
    monthly = next(a for q, a in answers.items() if "monthly" in q.lower())
    assert monthly.split()[0].strip(":,.") in ("Yes", "No", "Probably"), monthly[:80]


def test_contact_page_says_each_route_once_and_marks_links_that_leave(site_dir, raw):
    html = read(site_dir, "contact/index.html")
    words = prose(html)
    names = {kind: raw["contacts"][kind]["name"] for kind in ("government", "commercial")}
    route = " ".join(raw["rules"]["contact_route"]["summary"].split()).format(**names)
    assert words.count(route) == 1
    assert words.lower().count("government customers in the us public sector") == 1
    assert "contact form" in words and "gets back to you" in words
    for kind in ("government", "commercial"):
        contact = raw["contacts"][kind]
        host = urlsplit(contact["url"]).hostname.removeprefix("www.")
        link = re.search(rf'<a href="{re.escape(contact["url"])}">([^<]+)</a>', html)
        assert link and host in link.group(1) and "another site" in link.group(1), kind
    assert "For customers that are not government agencies." in words
    assert "For government customers in the US public sector." in words


def test_unconfirmed_rules_are_flagged(site_dir, raw):
    questions = text_of(read(site_dir, "questions/index.html"))
    unconfirmed = [(key, r) for key, r in raw["rules"].items() if not r["confirmed"]]
    assert unconfirmed
    for key, rule in unconfirmed:
        opening = " ".join(CATALOG.rule_text(key).split()[:6])  # as the page shows it: placeholders filled
        assert opening in questions, rule["title"]
        following = " ".join(questions.split(opening, 1)[1].split()[:60])
        assert "To confirm" in following, rule["title"]


TERM_LINK = re.compile(r'<a class="gc-glossary-term" href="([^"]+)" title="([^"]+)">([^<]+)</a>')


def test_glossary_terms_link_to_their_entry_once_per_page(site_dir, raw):
    glossary_html = read(site_dir, "glossary/index.html")
    glossary = text_of(glossary_html)
    entries = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    # Every form of every term, with the data's names put in by hand.
    names = {
        "{government}": raw["contacts"]["government"]["name"],
        "{commercial}": raw["contacts"]["commercial"]["name"],
    }
    forms = {names.get(f, f).lower() for e in entries for f in e.get("forms", [])}
    assert "gc-glossary-term" not in glossary_html and "<abbr" not in glossary_html
    assert "first use" in glossary and "link" in glossary and "keyboard" in glossary
    for page in PAGES:
        if page == "glossary/index.html":
            continue
        html = read(site_dir, page)
        assert "<abbr" not in html, page
        links = TERM_LINK.findall(html)
        targets = [href for href, _, _ in links]
        assert len(targets) == len(set(targets)), f"{page} links a term more than once: {targets}"
        for href, meaning, word in links:
            assert href.removeprefix("../").startswith("glossary/#"), (page, href)
            assert f'id="{href.split("#")[1]}"' in glossary_html, (page, href)
            # The tooltip is the entry's text, with its to-confirm marker (tests/site/test_glossary_markers.py).
            assert unescape(meaning).removesuffix(" (to confirm)") in glossary, (page, word)
            assert word.lower() in forms, (page, word)
        # Never inside a heading (a link inside a link cannot be written at all).
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, flags=re.S):
            assert "gc-glossary-term" not in heading, (page, heading)
    # The change page marks each term once, not every use: the ones it uses are included.
    changes = TERM_LINK.findall(read(site_dir, "changes/index.html"))
    assert {"instances", "renewal", "subscription"} <= {w for _, _, w in changes}
    assert len(changes) <= len(entries)


def all_fields(model, seen=None) -> set[str]:
    """Every field name of the model, walked through its annotations (not its JSON schema)."""
    import typing

    from pydantic import BaseModel

    seen = seen if seen is not None else set()
    names = set()
    for name, info in model.model_fields.items():
        names.add(name)
        stack = [info.annotation]
        while stack:
            kind = stack.pop()
            if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
                seen.add(kind)
                names |= all_fields(kind, seen)
            stack += list(typing.get_args(kind))
    return names


def test_maintainers_page_documents_every_field_and_a_real_error(site_dir):
    html = read(site_dir, "maintainers/index.html")
    documented = set(re.findall(r"<tr>\s*<td><code>([a-z_]+)</code></td>", html))
    assert all_fields(Catalog) <= documented
    page = text_of(html)
    assert re.search(r"data/products\.yml:\d+: max_instance: unknown field; did you mean 'max_instances'\?", page)
    assert re.search(r"data/products\.yml:\d+: products\[0\]\.tiers\[\d\]\.annual: must be a positive amount", page)


# -- builds from other data, and builds that must fail --------------------------


def changed_data(tmp: Path) -> dict[str, str]:
    """A copy of the data with a renamed product, a renamed contact, a new price and a
    new instance limit, and the scenarios adapted by hand to the new price and name."""
    data = DATA.read_text(encoding="utf-8")
    data = data.replace("name: Jira Service Management", "name: Helpdesk Suite", 1)
    data = data.replace("name: Carahsoft", "name: Capitol Resellers", 1)
    data = re.sub(r"^max_instances: 150$", "max_instances: 140", data, count=1, flags=re.M)
    data = data.replace("{users:     10, annual:    550.00}", "{users:     10, annual:    575.00}", 1)
    scenarios = SCENARIOS.read_text(encoding="utf-8").replace("Carahsoft", "Capitol Resellers")
    # commercial-customer: 1,150.00 + 575.00 (was 550.00), worked by hand.
    scenarios = scenarios.replace(
        "annual_total: 1700.00\n    due_now_total: 1700.00\n    first_year_total: 1700.00",
        "annual_total: 1725.00\n    due_now_total: 1725.00\n    first_year_total: 1725.00",
        1,
    )
    assert data.count("Helpdesk Suite") == 1 and "max_instances: 140" in data and "575.00" in data
    assert data.count("name: Capitol Resellers") == 1
    assert "1725.00" in scenarios
    (tmp / "products.yml").write_text(data)
    (tmp / "scenarios.yml").write_text(scenarios)
    return {"GOVCLOUD_DATA": str(tmp / "products.yml"), "GOVCLOUD_SCENARIOS": str(tmp / "scenarios.yml")}


def test_pages_follow_the_data_not_hard_coded_values(tmp_path):
    env = changed_data(tmp_path)
    site = tmp_path / "site"
    result = build_site(site, env=env)
    assert result.returncode == 0, result.stderr
    old_limit, new_limit = re.compile(r"(?<![\d,.$])150(?![\d,])"), re.compile(r"(?<![\d,.$])140(?![\d,])")
    shows_name = [
        "index.html",
        "subscriptions/index.html",
        "products/index.html",
        "changes/index.html",
        "contact/index.html",
        "scenarios/index.html",
    ]
    shows_limit = [
        "subscriptions/index.html",
        "changes/index.html",
        "questions/index.html",
        "scenarios/index.html",
        "glossary/index.html",
        "sources/index.html",
    ]
    for page in PAGES:
        html = read(site, page)
        # The maintainers' page names the data file it checked: its temporary folder's
        # name has digits of its own (pytest-150 once looked like the old limit).
        words = text_of(html).replace(str(tmp_path), "<tmp>")
        assert "Jira Service Management" not in html, page
        assert "Carahsoft" not in words, f"{page} still names the old contact"
        assert not old_limit.search(words), f"{page} still shows the old instance limit"
        assert "$550.00" not in words, page
        if page in shows_name:
            assert "Helpdesk Suite" in words, page
        if page in shows_limit:
            assert new_limit.search(words), page
    for page in ("contact/index.html", "estimator/index.html", "scenarios/index.html", "glossary/index.html"):
        assert "Capitol Resellers" in text_of(read(site, page)), page
    assert "$575.00" in text_of(read(site, "products/index.html"))
    scenarios = text_of(read(site, "scenarios/index.html"))
    assert "$575.00" in scenarios and "$1,725.00" in scenarios


def copy_site_source(tmp: Path) -> tuple[Path, Path]:
    """A copy of docs/ and an mkdocs config pointing at it (everything else stays the project's)."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    config = mkdocs_config()
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["watch"] = [str(ROOT / path) for path in config.get("watch", [])]
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config))
    return docs, path


def test_a_broken_worked_expectation_fails_the_build_naming_the_scenario(tmp_path):
    scenarios = SCENARIOS.read_text(encoding="utf-8").replace("annual_total: 4900.00", "annual_total: 4901.00", 1)
    (tmp_path / "scenarios.yml").write_text(scenarios)
    result = build_site(tmp_path / "site", env={"GOVCLOUD_SCENARIOS": str(tmp_path / "scenarios.yml")})
    assert result.returncode != 0
    assert "'new-purchase'" in result.stderr and "annual_total" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_broken_macro_fails_the_build_naming_the_page(tmp_path):
    docs, config = copy_site_source(tmp_path)
    page = docs / "questions.md"
    page.write_text(page.read_text() + '\n{{ rule("no_such_rule") }}\n')
    result = build_site(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "questions.md" in result.stderr and "no_such_rule" in result.stderr


def test_pages_other_than_the_estimator_reference_none_of_its_files(site_dir):
    """Its scripts, styles and price book are on its page alone: other pages load none of them."""
    own = ("assets/estimator", "govcloud-quote", "govcloud-pricebook")
    for page in site_dir.rglob("*.html"):
        # A page may name the files in its words (the maintainers' pages do): only markup counts.
        html = re.sub(r"<code>.*?</code>", "", page.read_text(encoding="utf-8"), flags=re.S)
        found = [name for name in own if name in html]
        if page.parent.name == "estimator":
            # Its styles and price book; its scripts come through the site-wide loader.
            assert found == ["assets/estimator", "govcloud-pricebook"], found
        else:
            assert found == [], f"{page.relative_to(site_dir)} references {found}"
