"""The site and the build's day: the products page shows the prices in force on the day of the
build (SOURCE_DATE_EPOCH) with the scheduled ones beside them, a "Price changes" section, and
says that the estimator prices its own day; the price book embeds that day; the maintainers'
page shows the example with two changes; parity refuses builds of two days.

Dated builds use the fixture with two changes (tests/support/fixtures/price-changes.yml: Jira's
1,000-user tier 23,400.00, then 24,570.00 from February 1, 2027, then 24,000.00 from August 1,
2027; Confluence's 200-user tier 9,000.00, then 9,450.00 from February 1) and the worked
scenarios moved to a date whose bills all fall before the changes."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from catalogs import dated_text
from conftest import ROOT, build_site
from govcloud.load.loading import load_catalog
from govcloud.model import clock
from harness import Html, prose, read, sections
from parity import build_day
from parity import main as parity

SCENARIOS = ROOT / "data" / "scenarios.yml"


def epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()))


def long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@pytest.fixture(scope="module")
def dated_sites(tmp_path_factory) -> dict[date, Path]:
    """The site on the fixture with two changes, built as of January 15 and March 1, 2027."""
    folder = tmp_path_factory.mktemp("dated")
    (folder / "products.yml").write_text(dated_text(), encoding="utf-8")
    text = SCENARIOS.read_text(encoding="utf-8")
    assert text.count("date: 2026-12-01") >= 12
    # A year and a half earlier, every worked scenario's bills fall before the first change.
    (folder / "scenarios.yml").write_text(text.replace("date: 2026-12-01", "date: 2025-06-01"), encoding="utf-8")
    env = {"GOVCLOUD_DATA": str(folder / "products.yml"), "GOVCLOUD_SCENARIOS": str(folder / "scenarios.yml")}
    sites = {}
    for day in (date(2027, 1, 15), date(2027, 3, 1)):
        dest = folder / f"site-{day.isoformat()}"
        result = build_site(dest, env={**env, "SOURCE_DATE_EPOCH": epoch(day)})
        assert result.returncode == 0, result.stdout + result.stderr
        sites[day] = dest
    return sites


def ladder_cell(site: Path, product: str, users: int) -> dict:
    table = next(t for t in Html(read(site, "products/index.html")).tables if "data-ladder" in t["attrs"])
    row = next(r for r in table["rows"] if r["attrs"].get("data-users") == str(users))
    return next(c for c in row["cells"] if c["attrs"].get("data-product") == product)


def scheduled(site: Path, product: str, users: int) -> list[tuple[str, str]]:
    """The (date, price) of each scheduled price in a cell of the products page's ladder table."""
    html = read(site, "products/index.html")
    table = html[html.index("<table data-ladder") : html.index("</table>", html.index("<table data-ladder"))]
    row = re.search(rf'<tr data-users="?{users}"?>(.*?)</tr>', table, re.S)
    assert row, users
    cell = re.search(rf'<td data-product="?{product}"?[^>]*>(.*?)</td>', row.group(1), re.S)
    assert cell
    return re.findall(r'data-from="?([0-9-]+)"? data-annual="?([0-9.]+)"?', cell.group(1))


def changes_table(site: Path) -> list[list[str]]:
    table = next(t for t in Html(read(site, "products/index.html")).tables if "data-price-changes" in t["attrs"])
    return [[c["text"] for c in r["cells"]] for r in table["rows"][1:]]


def test_before_a_change_the_products_page_shows_todays_price_and_the_scheduled_ones(dated_sites):
    site = dated_sites[date(2027, 1, 15)]
    cell = ladder_cell(site, "jira", 1000)
    assert cell["attrs"]["data-annual"] == "23400.00" and cell["text"].startswith("$23,400.00")
    assert scheduled(site, "jira", 1000) == [("2027-02-01", "24570.00"), ("2027-08-01", "24000.00")]
    assert "$24,570.00 from February 1, 2027" in cell["text"] and "$24,000.00 from August 1, 2027" in cell["text"]
    assert scheduled(site, "confluence", 200) == [("2027-02-01", "9450.00")]
    assert scheduled(site, "jsm", 200) == []  # no change names it
    assert changes_table(site) == [
        ["February 1, 2027", "Jira and Confluence", "27 tiers, +5.0%", "Scheduled"],
        ["August 1, 2027", "Jira and Jira Service Management", "2 tiers, -2.3% to +5.0%", "Scheduled"],
    ]
    said = prose(read(site, "products/index.html"))
    assert "show the prices in force on January 15, 2027, the day the site was last built." in said
    assert "Prices already announced for a later date are shown beside them." in said


def test_after_a_change_the_products_page_shows_its_prices(dated_sites):
    site = dated_sites[date(2027, 3, 1)]
    cell = ladder_cell(site, "jira", 1000)
    assert cell["attrs"]["data-annual"] == "24570.00"
    assert scheduled(site, "jira", 1000) == [("2027-08-01", "24000.00")]
    assert scheduled(site, "jira", 500) == []  # 11,760.00 from February 1, and nothing later
    assert ladder_cell(site, "jira", 500)["attrs"]["data-annual"] == "11760.00"
    assert [row[3] for row in changes_table(site)] == ["In force", "Scheduled"]
    # The estimator embeds the same day and every version of the prices.
    book = embedded_book(site)
    assert book["date"] == "2027-03-01"
    assert [v["effective"] for v in book["price_history"]] == [None, "2027-02-01", "2027-08-01"]


def embedded_book(site: Path) -> dict:
    (book,) = [d for d in Html(read(site, "estimator/index.html")).documents() if "price_history" in d]
    return book


def test_the_real_site_says_whether_a_change_is_recorded_and_what_its_prices_are_as_of(site_dir):
    day = clock.today()  # SOURCE_DATE_EPOCH's day: one for the session (harness)
    products = sections(read(site_dir, "products/index.html"))
    recorded = bool(load_catalog(ROOT / "data" / "products.yml").price_changes)
    said = "Recorded price changes:" if recorded else "No price change is recorded"
    assert products["Price changes ¶"].startswith(said)
    assert f"show the prices in force on {long(day)}, the day the site was last built." in products["Price by tier ¶"]
    assert "always uses the prices in force on the day you open it" in products["Price by tier ¶"]
    estimator = prose(read(site_dir, "estimator/index.html"))
    assert "This estimator always uses the prices in force on the day you open it" in estimator
    assert f"show the prices in force on {long(day)}, the day the site was last built." in estimator
    assert embedded_book(site_dir)["date"] == day.isoformat() == build_day(site_dir)


def test_the_maintainers_page_shows_the_example_with_two_changes(site_dir):
    page = sections(read(site_dir, "maintainers/index.html"))["Record a price change ¶"]
    example = (ROOT / "data" / "examples" / "price-changes.yml").read_text(encoding="utf-8")
    assert example.count("- effective:") == 2
    assert "On February 1, 2027, the day of the first" in page
    assert "February 1, 2027 Jira 26 tiers, +5.0% In force August 1, 2027 Confluence 2 tiers, +5.0% Scheduled" in page
    assert "Price change added, effective February 1, 2027: Jira (26 tiers, +5.0% each)" in page
    assert "before your renewal on March 31, 2027." in page  # the worked scenario across the change


def test_parity_refuses_two_builds_of_different_days(tmp_path, capsys):
    for name, day in (("a", "2027-01-15"), ("b", "2027-03-01")):
        (tmp_path / name / "estimator").mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("<html></html>", encoding="utf-8")
        book = json.dumps({"date": day})
        (tmp_path / name / "estimator" / "index.html").write_text(
            f'<template><script type="application/json" id="govcloud-pricebook">{book}</script></template>',
            encoding="utf-8",
        )
    assert parity([str(tmp_path / "a"), str(tmp_path / "b")]) == 2
    assert "is as of 2027-01-15" in capsys.readouterr().err
