"""Python and the JavaScript calculation agree under Node, without a build or a browser: the
sentences and dates. The quotes themselves are compared case by case with the golden file
(tests/js/golden.test.mjs, kept current by tests/unit/test_golden.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from govcloud.calc.pricebook import pricebook
from govcloud.load.loading import load_catalog

CALCULATION = ROOT / "docs" / "assets" / "govcloud-quote.js"
# Loads the calculation as the page does (a script that sets window.govcloud), then
# quotes every scenario on stdin: {"book": ..., "scenarios": [...]} -> [{quote, notes}].
RUNNER = """
global.window = {};
require(process.argv[1]);
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const { book, scenarios } = JSON.parse(input);
  const gc = window.govcloud;
  process.stdout.write(JSON.stringify(scenarios.map((s) => ({
    quote: gc.quote(book, s),
    notes: gc.explain(book, s).notes.map((n) => [n.text, n.product, n.assumptions]),
  }))));
});
"""


def run_js(book: dict, scenarios: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: `make test` installs it")
    result = subprocess.run(
        [node, "-e", RUNNER, str(CALCULATION)],
        input=json.dumps({"book": book, "scenarios": scenarios}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_calculation_writes_no_sentence_of_its_own():
    """Every sentence comes from the price book's words: no run of three words of any
    template is written in the JavaScript calculation."""
    from govcloud.words.vocabulary import WORDS

    source = CALCULATION.read_text(encoding="utf-8")
    strings = " ".join(re.findall(r'"([^"\\\\]*)"', source))

    def templates(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from templates(value)
        else:
            yield node

    copied = []
    for template in templates(WORDS):
        for piece in re.split(r"\{[a-z_]+\}", template):
            words = piece.split()
            copied += [
                " ".join(words[i : i + 3]) for i in range(len(words) - 2) if " ".join(words[i : i + 3]) in strings
            ]
    assert copied == []


def test_the_calculation_fills_the_shipped_templates():
    """A word changed in the price book changes what the calculation says."""
    book = pricebook(load_catalog())
    book["words"]["messages"]["tier"] = "TIER {tier} FOR {product}"
    book["words"]["messages"]["illustrative"] = "ASK {contact}"
    got = run_js(book, [{"proposed": {book["products"][0]["key"]: {"users": 5}}}])[0]["quote"]["messages"]
    tier = book["products"][0]["tiers"][0]["users"]
    assert got[0] == f"TIER {tier:,} FOR {book['products'][0]['name']}"
    assert got[-1] == f"ASK {book['contacts']['government']}"


def test_dates_read_the_same_in_python_and_javascript():
    """A bill's date and the renewal read "March 26, 2027" on the page (view.js) and in the CLI
    (present.py): every day of two years, a leap day among them, reads the same in both."""
    from datetime import date, timedelta

    from govcloud.render.present import long_date

    days = [date(2027, 1, 1) + timedelta(days=n) for n in range(731)]
    numbers = (ROOT / "docs" / "assets" / "estimator" / "numbers.js").as_uri()
    script = (
        f'import {{ longDate }} from "{numbers}";'
        'let input = ""; process.stdin.on("data", (d) => { input += d; });'
        'process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(input).map(longDate))));'
    )
    result = subprocess.run(
        [shutil.which("node") or "node", "--input-type=module", "-e", script],
        input=json.dumps([d.isoformat() for d in days]),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [long_date(d) for d in days]
    assert date(2028, 2, 29) in days and long_date(date(2027, 3, 6)) == "March 6, 2027"
