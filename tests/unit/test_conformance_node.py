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


# Runs numbers.js's longDate and count in Node on {"book", "days", "counts"} from stdin, in
# the locale the price book names (read as the page reads it).
NUMBERS_RUNNER = """
globalThis.window = globalThis;
await import("%s");
const { longDate, count, localeOf } = await import("%s");
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const { book, days, counts } = JSON.parse(input), locale = localeOf(book);
  process.stdout.write(JSON.stringify({ days: days.map((d) => longDate(d, book)),
                                        counts: counts.map((n) => count(n, locale)) }));
});
"""


def run_numbers(book: dict, days: list[str], counts: list[int]) -> dict:
    numbers = (ROOT / "docs" / "assets" / "estimator" / "numbers.js").as_uri()
    calculation = (ROOT / "docs" / "assets" / "govcloud-quote.js").as_uri()
    result = subprocess.run(
        [shutil.which("node") or "node", "--input-type=module", "-e", NUMBERS_RUNNER % (calculation, numbers)],
        input=json.dumps({"book": book, "days": days, "counts": counts}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_dates_and_counts_read_the_same_in_python_and_javascript():
    """A bill's date and the renewal read "March 26, 2027" on the page (view.js, through Intl in
    the locale the price book ships) and in the CLI (present.py): every day of two years, a
    leap day among them, reads the same in both; so do counts with thousands separators."""
    from datetime import date, timedelta

    from govcloud.render.present import long_date

    days = [date(2027, 1, 1) + timedelta(days=n) for n in range(731)]
    counts = [0, 7, 999, 1000, 1234, 49_994, 1_000_000, 2**53 - 1]
    got = run_numbers(pricebook(load_catalog()), [d.isoformat() for d in days], counts)
    assert got["days"] == [long_date(d) for d in days]
    assert got["counts"] == [f"{n:,}" for n in counts]
    assert date(2028, 2, 29) in days and long_date(date(2027, 3, 6)) == "March 6, 2027"


def test_dates_and_counts_follow_the_locale_given():
    """The locale is the one given (the price book's), not the browser's nor a fixed one:
    another one gives other dates and counts, so the comparison above is through the shipped value."""
    book = pricebook(load_catalog())
    book["words"]["language"]["locale"] = "de-DE"
    got = run_numbers(book, ["2027-03-06"], [1234])
    assert got == {"days": ["6. März 2027"], "counts": ["1.234"]}
