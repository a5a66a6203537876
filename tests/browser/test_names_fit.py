"""The longest names the rule allows (govcloud.model.names: NAME_LENGTH characters, words of at
most WORD_LENGTH) fit every page on a 375 px phone and a 1,280 px window: nothing is wider than
the window. Written in the widest letter, W; a 330-character word once made /products/ 1,846 px
wider than the window (the check now refuses it: tests/unit/test_names_rule.py)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
import yaml

from cli_run import DATA, run
from govcloud.model.names import NAME_LENGTH, WORD_LENGTH
from harness import build_site, serve, visit

WIDTHS = (375, 1280)


def widest(n: int) -> str:
    """A name of NAME_LENGTH characters, every word WORD_LENGTH W's but the last, which ends in n."""
    words, left = [], NAME_LENGTH
    while left > WORD_LENGTH + 1:
        words.append("W" * WORD_LENGTH)
        left -= WORD_LENGTH + 1
    words.append("W" * (left - 1) + str(n))
    name = " ".join(words)
    assert len(name) == NAME_LENGTH and max(map(len, name.split())) <= WORD_LENGTH
    return name


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wide")
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for n, product in enumerate(data["products"]):
        product["name"] = widest(n)
    path = folder / "products.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")
    assert run("check", str(path)).returncode == 0  # the longest the rule allows
    dest = folder / "site"
    result = build_site(dest, env={"GOVCLOUD_DATA": str(path)})
    assert result.returncode == 0, result.stderr
    return dest


def test_the_longest_names_fit_every_page(browser, wide_site):
    server = serve(wide_site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sitemap = (wide_site / "sitemap.xml").read_text(encoding="utf-8")
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    # The estimator with three options named as long as allowed, side by side.
    options = urlencode(
        {"jira": 500, "name": widest(7), "opt2.name": widest(8), "opt2.jira": 1000, "opt3.name": widest(9)}
    )
    paths.append("/estimator/?" + options + "&opt3.confluence=200")
    too_wide = []
    try:
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in paths:
                visit(page, base + path)
                if path.startswith("/estimator/?"):
                    page.get_by_test_id("opt3-name").wait_for()
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    too_wide.append((width, path, scroll))
            page.close()
    finally:
        server.shutdown()
    assert too_wide == []
