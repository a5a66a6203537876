"""The products page's tier ladder: one table across products and a build-time SVG
chart (src/govcloud_site/ladder.py). Figures expected here are worked out from the
ladders the tests give, never read back from the chart."""

from __future__ import annotations

import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from macros.ladder import LAYOUTS, ladder_chart, ladder_table

from catalogs import synthetic
from cli_run import DATA, SCENARIOS
from conftest import ROOT, build_site

LADDERS = {"alpha": [(10, "500.00"), (50, "2000.00"), (100, "3000.00")], "beta": [(10, "900.00"), (100, "5000.00")]}


class Tree(HTMLParser):
    """Elements as (tag, attributes, text) in document order, with their nesting path."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {
            "tag": tag,
            "attrs": dict(attrs),
            "text": "",
            "parents": [e["tag"] for e in self._open],
            "classes": [c for e in self._open for c in e["attrs"].get("class", "").split()],
        }
        self.elements.append(element)
        if tag not in ("line", "circle", "rect", "polygon", "polyline", "path", "br", "meta", "link", "input", "img"):
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(
            {
                "tag": tag,
                "attrs": dict(attrs),
                "text": "",
                "parents": [e["tag"] for e in self._open],
                "classes": [c for e in self._open for c in e["attrs"].get("class", "").split()],
            }
        )

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag: str, **attrs: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())]


def per_user(annual: str, users: int) -> str:
    return f"${(Decimal(annual) / users).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


# -- the table --------------------------------------------------------------------


def test_table_has_one_column_per_product_named_by_the_data_and_a_row_per_tier_size():
    catalog = synthetic(LADDERS)
    tree = Tree(ladder_table(catalog))
    heads = [th["text"] for th in tree.find("th", scope="col")]
    assert heads == ["Users, up to", "Alpha", "Beta"]
    rows = {tr["attrs"]["data-users"]: tr for tr in tree.find("tr") if "data-users" in tr["attrs"]}
    assert list(rows) == ["10", "50", "100"]
    assert [c["attrs"]["data-product"] for c in tree.find("td")] == ["alpha", "beta"] * 3
    texts = [c["text"] for c in tree.find("td")]
    assert texts == [
        f"$500.00{per_user('500.00', 10)} a user",
        f"$900.00{per_user('900.00', 10)} a user",
        f"$2,000.00{per_user('2000.00', 50)} a user",
        "—",
        f"$3,000.00{per_user('3000.00', 100)} a user",
        f"$5,000.00{per_user('5000.00', 100)} a user",
    ]
    # Beta has no 50-user tier: the dash is explained, and so is "beyond the largest tier".
    html = ladder_table(catalog)
    assert "the next tier up covers those users" in html and "More than 100 users" in html


def test_table_without_gaps_says_nothing_about_them():
    catalog = synthetic({"alpha": LADDERS["alpha"], "beta": [(10, "1.00"), (50, "2.00"), (100, "3.00")]})
    assert "next tier up" not in ladder_table(catalog)


def test_names_from_the_data_are_text_in_table_and_chart():
    catalog = synthetic(LADDERS)
    products = [p.model_copy(update={"name": "<b>Alpha & co</b>"}) if p.key == "alpha" else p for p in catalog.products]
    catalog = catalog.model_copy(update={"products": products})
    for html in (ladder_table(catalog), ladder_chart(catalog)):
        assert "<b>" not in html and "&lt;b&gt;Alpha &amp; co&lt;/b&gt;" in html


# -- the chart --------------------------------------------------------------------


def panels(html: str) -> list[dict]:
    return Tree(html).find("svg", role="img")


def test_each_panel_is_an_image_named_and_described_by_its_own_title_and_desc():
    html = ladder_chart(synthetic(LADDERS))
    tree = Tree(html)
    found = panels(html)
    assert {(p["attrs"]["data-kind"], p["attrs"]["data-layout"]) for p in found} == {
        (k, g.name) for k in ("annual", "per-user") for g in LAYOUTS
    }
    ids = [e["attrs"]["id"] for e in tree.elements if "id" in e["attrs"]]
    assert len(ids) == len(set(ids))
    for panel in found:
        title = tree.find("title", id=panel["attrs"]["aria-labelledby"])
        desc = tree.find("desc", id=panel["attrs"]["aria-describedby"])
        assert len(title) == len(desc) == 1
        assert title[0]["text"] and "Alpha" in desc[0]["text"] and "Beta" in desc[0]["text"]
    annual = next(p for p in found if p["attrs"]["data-kind"] == "annual")
    desc = tree.find("desc", id=annual["attrs"]["aria-describedby"])[0]["text"]
    assert "Alpha goes from $500.00 at 10 users to $3,000.00 at 100 users" in desc
    per = next(p for p in found if p["attrs"]["data-kind"] == "per-user")
    desc = tree.find("desc", id=per["attrs"]["aria-describedby"])[0]["text"]
    assert f"Beta goes from {per_user('900.00', 10)} a user at 10 users to {per_user('5000.00', 100)} a user" in desc


def test_the_chart_draws_with_the_theme_and_loads_nothing():
    html = ladder_chart(synthetic(LADDERS))
    # No colour of its own (the stylesheet maps the theme's), no inline style, script or link.
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(|style=|<script|href=|url\(", html)
    css = (ROOT / "docs" / "assets" / "ladder.css").read_text(encoding="utf-8")
    screen = css.split("@media print")[0]
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(|hsl\(", screen), "screen colours come from the theme"
    assert "var(--md-" in screen


def marks(html: str, product: str, kind: str, layout: str = "wide") -> dict[int, dict]:
    """The markers of one product's series in one panel, by tier size."""
    svg_html = re.search(rf'<svg[^>]*data-kind="{kind}" data-layout="{layout}".*?</svg>', html, re.S).group(0)
    series = re.search(rf'<g [^>]*data-product="{product}">.*?</g>', svg_html, re.S).group(0)
    tree = Tree(series)
    return {int(e["attrs"]["data-users"]): e["attrs"] for e in tree.elements if "data-users" in e["attrs"]}


def height(attrs: dict) -> float:
    """A marker's vertical position, whatever its shape (the top of a polygon, a rect's centre)."""
    if "cy" in attrs:
        return float(attrs["cy"])
    if "points" in attrs:
        return min(float(p.split(",")[1]) for p in attrs["points"].split())
    return float(attrs["y"]) + float(attrs["height"]) / 2


@pytest.mark.parametrize("layout", [g.name for g in LAYOUTS])
def test_a_changed_price_moves_its_point_and_only_its_point(layout):
    before = ladder_chart(synthetic(LADDERS))
    raised = {**LADDERS, "alpha": [(10, "500.00"), (50, "2500.00"), (100, "3000.00")]}
    after = ladder_chart(synthetic(raised))
    for kind in ("annual", "per-user"):
        old, new = marks(before, "alpha", kind, layout), marks(after, "alpha", kind, layout)
        assert height(new[50]) < height(old[50]), kind  # higher price, higher point (SVG y grows downward)
        assert new[50]["data-value"] == ("2500.00" if kind == "annual" else "50.00")
        assert {u: height(a) for u, a in new.items() if u != 50} == {u: height(a) for u, a in old.items() if u != 50}
        assert marks(before, "beta", kind, layout) == marks(after, "beta", kind, layout)


def test_points_keep_the_order_of_prices():
    """Up the ladder, a dearer tier sits higher; a cheaper price per user sits lower."""
    html = ladder_chart(synthetic(LADDERS))
    annual = marks(html, "alpha", "annual")
    assert height(annual[10]) > height(annual[50]) > height(annual[100])
    per = marks(html, "alpha", "per-user")  # 50.00, 40.00, 30.00 a user
    assert height(per[10]) < height(per[50]) < height(per[100])


# -- the real page, and a small site built from other data --------------------------


def test_products_page_shows_every_price_of_the_data_once(site_dir):
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    html = (site_dir / "products" / "index.html").read_text(encoding="utf-8")
    tree = Tree(html)
    assert [th["text"] for th in tree.find("th", scope="col")][1:] == [p["name"] for p in raw["products"]]
    shown = {
        (td["attrs"]["data-product"], td["attrs"]["data-annual"])
        for td in tree.find("td")
        if "data-annual" in td["attrs"]
    }
    assert shown == {(p["key"], f"{Decimal(str(t['annual'])):.2f}") for p in raw["products"] for t in p["tiers"]}
    assert len(tree.find("table")) == 1, "one table across products, not one per product"
    assert len(tree.find("svg", role="img")) == 2 * len(LAYOUTS)
    for product in raw["products"]:
        assert tree.find("p", id=product["key"]), "old links to #<key> still land on the product"


def small_site(tmp: Path, data: str) -> Path:
    """The products page alone, built with the real theme and config from other data."""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    # The glossary: the page's term links land there; the sources: the glossary's to-confirm links do.
    for page in ("products.md", "glossary.md", "sources.md"):
        shutil.copy(ROOT / "docs" / page, docs / page)
    (docs / "index.md").write_text("# Home\n")
    (docs / "estimator.md").write_text("# Cost estimator\n")  # the note on what the prices are as of links to it
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    config.update(
        docs_dir=str(docs),
        nav=[{"Home": "index.md"}, {"Products": "products.md"}, {"Glossary": "glossary.md"}, {"Sources": "sources.md"}],
        site_url="http://127.0.0.1:8000/",
        watch=[],
    )
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["validation"] = {**config.get("validation", {}), "omitted_files": "info"}
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config))
    (tmp / "products.yml").write_text(data, encoding="utf-8")
    shutil.copy(SCENARIOS, tmp / "scenarios.yml")
    site = tmp / "site"
    result = build_site(
        site,
        env={"GOVCLOUD_DATA": str(tmp / "products.yml"), "GOVCLOUD_SCENARIOS": str(tmp / "scenarios.yml")},
        config=tmp / "mkdocs.yml",
    )
    assert result.returncode == 0, result.stderr
    return site


def test_a_site_built_from_a_changed_price_moves_the_chart(tmp_path, site_dir):
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    product = raw["products"][-1]
    top = product["tiers"][-1]
    old = Decimal(str(top["annual"]))
    new = (old * Decimal("1.5")).quantize(Decimal("0.01"))
    text = DATA.read_text(encoding="utf-8")
    line = re.compile(rf"(\{{users:\s*{top['users']}, annual:\s*){old:.2f}\}}")
    # The last product's largest tier: no worked scenario prices it.
    matches = list(line.finditer(text))
    assert matches, "the data no longer writes tiers as {users: N, annual: X}"
    at = matches[-1]
    text = text[: at.start()] + at.group(1) + f"{new:.2f}}}" + text[at.end() :]
    site = small_site(tmp_path, text)
    before = (site_dir / "products" / "index.html").read_text(encoding="utf-8")
    after = (site / "products" / "index.html").read_text(encoding="utf-8")
    key, users = product["key"], top["users"]
    for kind in ("annual", "per-user"):
        old_marks, new_marks = marks(before, key, kind), marks(after, key, kind)
        assert height(new_marks[users]) < height(old_marks[users]), kind
    assert f"${new:,.2f}" in after and f"${old:,.2f}" not in after


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_products_page_in_chromium(browser, site_url, scheme, width):
    """0 axe violations at phone and desktop width; the layout that fits is the one shown; the
    lines take the scheme's colours with 3:1 against the page, and print in black."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/products/", wait_until="networkidle")
    result = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert result.violations_count == 0, result.generate_report()
    shown = page.evaluate("""() => [...document.querySelectorAll('svg[role=img]')]
        .filter(s => s.getBoundingClientRect().width > 0).map(s => s.dataset.layout)""")
    assert shown == (["narrow", "narrow"] if width < 600 else ["wide", "wide"])
    colours = page.evaluate(
        """() => { const svg = [...document.querySelectorAll('svg[role=img]')]
               .find(s => s.getBoundingClientRect().width > 0);
               return [...svg.querySelectorAll('polyline')].map(l => getComputedStyle(l).stroke); }"""
    )
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert len(set(colours)) == len(colours), colours
    for colour in colours:
        assert contrast(colour, background) >= 3, (colour, background)
    page.emulate_media(media="print")
    printed = page.evaluate("""() => [...document.querySelectorAll('svg[data-layout=wide] polyline')]
        .map(l => getComputedStyle(l).stroke)""")
    assert set(printed) == {"rgb(0, 0, 0)"}
    assert page.evaluate("""() => [...document.querySelectorAll('svg[role=img]')]
        .filter(s => s.getBoundingClientRect().width > 0).map(s => s.dataset.layout)""") == ["wide", "wide"]
    context.close()


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b_ = (int(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b_)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# -- the ladder on the estimator page -----------------------------------------------


def visible_marks(page, kind: str) -> list[tuple[str, str]]:
    """(product, tier) of each mark of this kind in the chart on screen."""
    return page.evaluate(
        """(kind) => {
        const svg = [...document.querySelectorAll('[data-ladder-estimate] svg[role=img]')]
            .find(s => s.getBoundingClientRect().width > 0);
        return [...svg.querySelectorAll('.' + kind)].map(m => [m.closest('[data-product]').dataset.product,
                                                               m.dataset.users]);
    }""",
        kind,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_estimator_ladder_marks_today_and_the_estimate_and_follows_typing(browser, site_url, scheme):
    from govcloud.words.vocabulary import word

    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    jira = next(p for p in raw["products"] if p["key"] == "jira")
    tiers = [t["users"] for t in jira["tiers"]]
    today = next(t for t in tiers if t >= 480)
    after = next(t for t in tiers if t >= 900)
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "/estimator/")
    page.wait_for_selector("[data-ready]")
    assert page.locator("[data-ladder-estimate]").is_hidden(), "no estimate yet: no ladder"
    page.goto(site_url + "/estimator/?customer=government&jira=900&current.jira=480&days_remaining=120")
    page.wait_for_selector("[data-ready]")
    section = page.locator("[data-ladder-estimate]")
    assert section.is_visible()
    assert visible_marks(page, "gc-ladder-at-today") == [["jira", str(today)]]
    assert visible_marks(page, "gc-ladder-at-estimate") == [["jira", str(after)]]
    said = word(
        "ladder.line",
        product=jira["name"],
        places=word("ladder.join").join(
            [word("ladder.today", tier=f"{today:,}"), word("ladder.estimate", tier=f"{after:,}")]
        ),
    )
    assert page.inner_text("[data-ladder-where]").strip() == said
    result = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert result.violations_count == 0, result.generate_report()
    # Typing moves the estimate's mark; today's stays.
    more = next(t for t in tiers if t > after)
    page.get_by_test_id("users-jira").fill(str(after + 1))
    page.wait_for_function(
        """(tier) => [...document.querySelectorAll('[data-ladder-estimate] .gc-ladder-at-estimate')]
        .some(m => m.dataset.users === tier)""",
        arg=str(more),
    )
    assert visible_marks(page, "gc-ladder-at-estimate") == [["jira", str(more)]]
    assert visible_marks(page, "gc-ladder-at-today") == [["jira", str(today)]]
    context.close()


ROOM_SCENARIOS = [
    # The contract's example: an upgrade and a new product.
    {
        "current": {"jira": {"users": 480, "instances": 2}},
        "days_remaining": 120,
        "proposed": {"jira": {"users": 520, "instances": 3}, "confluence": {"users": 200}},
    },
    # One more user fits, a full tier, and the largest tier.
    {
        "customer": "commercial",
        "proposed": {"jira": {"users": 499}, "jsm": {"users": 500}, "confluence": {"users": 50000}},
    },
    # A cancel and a line beyond the price book have no room; the kept line has.
    {
        "current": {"jira": {"users": 480}, "confluence": {"users": 10}},
        "proposed": {"confluence": {"users": 10}, "jsm": {"users": 999999}},
    },
]


@pytest.mark.parametrize("raw", ROOM_SCENARIOS)
def test_estimator_says_room_in_the_tier_as_the_cli_does(new_context, site_url, raw):
    """How many more users fit, and what the next tier costs, on the page as in
    `govcloud quote` (govcloud.calc.room on the same scenario)."""
    from govcloud.calc.quote import quote
    from govcloud.calc.room import room, say
    from govcloud.load.loading import load_catalog
    from govcloud.load.scenarios import read_scenarios
    from govcloud.render.address import estimator_query

    catalog = load_catalog()
    scenario = read_scenarios(yaml.safe_dump(raw), "scenario.yml", catalog)[0][0]
    q = quote(catalog, scenario)
    expected = [say(catalog, r, q.contact) for r in room(catalog, q)]
    assert expected, "each scenario has room to show"
    page = new_context().new_page()  # on the day the quote above is for
    page.goto(f"{site_url}/estimator/?{estimator_query(scenario)}")
    page.wait_for_selector("[data-ready]")
    page.wait_for_function("() => document.querySelectorAll('[data-ladder-room] li').length > 0")
    assert page.eval_on_selector_all("[data-ladder-room] li", "items => items.map(i => i.textContent)") == expected
    page.close()
