"""`price_changes` in the data: what `govcloud check` accepts and what it refuses, one exact
`file:line: field: message` line per problem; integer tier keys there only; the JSON Schema.

Each file is a copy of the frozen catalog (tests/support/fixtures/products.yml, which records no
price change, whatever data/products.yml holds) with a `price_changes` block added as text, so that
the expected line numbers are read off the text, not taken from govcloud. The prices named are
pinned first (PRICE: the fixture's own text, read apart from govcloud)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml

from cli_run import FIXTURE, ROOT, line_of
from govcloud.cli.commands import main as govcloud
from govcloud.model.catalog import RESERVED_KEYS

NAME = "products.yml"
_RAW = yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
PRICE = {p["key"]: {int(t["users"]): Decimal(t["annual"]) for t in p["tiers"]} for p in _RAW["products"]}


def test_the_prices_the_blocks_name():
    assert (PRICE["jira"][10], PRICE["jira"][15], PRICE["jira"][500], PRICE["jira"][1000]) == (
        Decimal("600.00"),
        Decimal("900.00"),
        Decimal("11200.00"),
        Decimal("23400.00"),
    )


def check(tmp_path, block: str, capsys, source: str | None = None) -> tuple[int, str, list[str]]:
    """`govcloud check` on the data with `block` added at its end: exit code, the file's text, stderr lines."""
    text = (source or FIXTURE.read_text(encoding="utf-8")) + block
    path = tmp_path / NAME
    path.write_text(text, encoding="utf-8")
    code = govcloud(["check", str(path)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, text, [line.removeprefix(f"{path}:") for line in out.err.splitlines()]


def test_two_changes_in_ascending_order_are_accepted(tmp_path, capsys):
    block = (
        "price_changes:\n"
        "  - effective: 2027-02-01\n"
        "    products:\n"
        "      jira: {10: 630.00, 500: 11760.00}\n"
        "  - effective: 2027-08-01\n"
        '    products: {confluence: {"10": 577.50}}\n'
    )
    code, _, err = check(tmp_path, block, capsys)
    assert (code, err) == (0, [])


def test_dates_not_strictly_ascending_and_not_real(tmp_path, capsys):
    block = (
        "price_changes:\n"
        "  - effective: 2027-02-01\n"
        "    products: {jira: {10: 630.00}}\n"
        "  - effective: 2027-02-01\n"
        "    products: {jira: {10: 640.00}}\n"
        "  - effective: 2027-01-15\n"
        "    products: {jira: {10: 650.00}}\n"
        "  - effective: 2027-02-30\n"
        "    products: {jira: {10: 660.00}}\n"
        "  - effective: soon\n"
        "    products: {jira: {10: 670.00}}\n"
    )
    code, text, err = check(tmp_path, block, capsys)
    at = text.index("price_changes:")
    assert code == 2
    assert err == [
        f"{line_of(text, 'effective: 2027-02-01', text.index('640.00') - 60)}: price_changes[1].effective: "
        "must be after the date of the entry before it (2027-02-01); "
        "list price changes in ascending order of date, one entry a date",
        f"{line_of(text, 'effective: 2027-01-15', at)}: price_changes[2].effective: "
        "must be after the date of the entry before it (2027-02-01); "
        "list price changes in ascending order of date, one entry a date",
        f"{line_of(text, 'effective: 2027-02-30', at)}: price_changes[3].effective: must be a real date, written YYYY-MM-DD",
        f"{line_of(text, 'effective: soon', at)}: price_changes[4].effective: must be a real date, written YYYY-MM-DD",
    ]


def test_a_product_or_a_tier_that_does_not_exist(tmp_path, capsys):
    block = (
        "price_changes:\n"
        "  - effective: 2027-02-01\n"
        "    products:\n"
        "      jria: {10: 630.00}\n"
        "      jira: {10: 630.00, 12: 700.00}\n"
    )
    code, text, err = check(tmp_path, block, capsys)
    at = text.index("price_changes:")
    sizes = ", ".join(f"{s:,}" for s in PRICE["jira"])
    assert code == 2
    assert err == [
        f"{line_of(text, 'jria:', at)}: price_changes[0].products.jria: "
        "'jria' is not the key of a product; the products are: jira, jsm, confluence",
        f"{line_of(text, '12: 700.00', at)}: price_changes[0].products.jira.12: "
        f"jira has no 12-user tier (its tiers: {sizes}); a change prices existing tiers only",
    ]


@pytest.mark.parametrize(
    "price, message",
    [
        ("0", "must be a positive amount"),
        ("-630.00", "must be a positive amount"),
        ("630.001", "must have at most two decimals (whole cents)"),
        ("soon", "must be a positive amount, such as 1500.00"),
    ],
)
def test_a_price_that_is_not_positive_or_has_more_than_two_decimals(tmp_path, capsys, price, message):
    block = f"price_changes:\n  - effective: 2027-02-01\n    products:\n      jira: {{10: {price}}}\n"
    code, text, err = check(tmp_path, block, capsys)
    assert (code, err) == (2, [f"{line_of(text, 'jira: {10:')}: price_changes[0].products.jira.10: {message}"])


def test_an_entry_that_changes_nothing(tmp_path, capsys):
    # 600.00 is Jira's 10-user price already; the second entry names 630.00 again after the first set it.
    block = (
        "price_changes:\n"
        "  - effective: 2027-02-01\n"
        "    products: {jira: {10: 600.00}}\n"
        "  - effective: 2027-03-01\n"
        "    products: {jira: {10: 630.00}}\n"
        "  - effective: 2027-04-01\n"
        "    products: {jira: {10: 630.00}}\n"
    )
    code, text, err = check(tmp_path, block, capsys)
    at = text.index("price_changes:")
    message = "changes nothing: every price it names is already the price in force on its date; remove the entry"
    assert code == 2
    assert err == [
        f"{line_of(text, '- effective: 2027-02-01', at)}: price_changes[0]: {message}",
        f"{line_of(text, '- effective: 2027-04-01', at)}: price_changes[2]: {message}",
    ]


def test_a_ladder_whose_prices_fall_as_tiers_grow(tmp_path, capsys):
    # Jira's 15-user tier at 500.00 would cost less than the 10-user tier (600.00); then the
    # 500-user tier at 24,000.00 more than the 1,000-user tier (23,400.00), whose price the entry does not name.
    block = (
        "price_changes:\n"
        "  - effective: 2027-02-01\n"
        "    products: {jira: {15: 500.00}}\n"
        "  - effective: 2027-03-01\n"
        "    products: {jira: {15: 900.00, 500: 24000.00}}\n"
    )
    code, text, err = check(tmp_path, block, capsys)
    at = text.index("price_changes:")
    assert code == 2
    assert err == [
        f"{line_of(text, '15: 500.00', at)}: price_changes[0].products.jira.15: "
        "must not be less than the 10-user tier's price on 2027-02-01 (600.00): a larger tier never costs less",
        f"{line_of(text, '500: 24000.00', at)}: price_changes[1].products.jira.500: "
        "must not be more than the 1,000-user tier's price on 2027-03-01 (23,400.00): a larger tier never costs less",
    ]


def test_10_and_quoted_10_in_one_mapping_are_a_duplicate(tmp_path, capsys):
    block = 'price_changes:\n  - effective: 2027-02-01\n    products:\n      jira: {10: 630.00, "10": 640.00}\n'
    code, text, err = check(tmp_path, block, capsys)
    line = line_of(text, "jira: {10:")
    assert (code, err) == (
        2,
        [f"{line}: price_changes[0].products.jira.10: duplicate key (first given on line {line})"],
    )


def test_integer_keys_are_accepted_under_price_changes_only(tmp_path, capsys):
    source = FIXTURE.read_text(encoding="utf-8").replace("  user_tiers:\n    title:", "  7:\n    title:", 1)
    code, text, err = check(tmp_path, "", capsys, source=source)
    assert code == 2 and err[0].startswith(f"{line_of(text, '  7:')}: sources: keys must be plain names"), err
    block = "price_changes:\n  - effective: 2027-02-01\n    products:\n      jira: {010: 630.00, -5: 1.00}\n"
    code, text, err = check(tmp_path, block, capsys)
    line = line_of(text, "jira: {010")
    assert (code, err) == (
        2,
        [
            f"{line}: price_changes[0].products.jira: '010': name a tier by its users, such as 500",
            f"{line}: price_changes[0].products.jira: '-5': name a tier by its users, such as 500",
        ],
    )


def test_json_data_names_tiers_by_their_digits(tmp_path, capsys):
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["price_changes"] = [{"effective": "2027-02-01", "products": {"jira": {"10": 630.0}}}]
    (tmp_path / "products.json").write_text(json.dumps(data, default=str), encoding="utf-8")
    assert govcloud(["check", str(tmp_path / "products.json")]) == 0
    assert capsys.readouterr().out.startswith("ok")


def test_the_schema_names_tiers_by_a_pattern_and_dates_as_dates():
    schema = json.loads((ROOT / "schema" / "products.schema.json").read_text(encoding="utf-8"))
    changes = schema["properties"]["price_changes"]
    assert "price_changes" not in schema["required"]
    entry = schema["$defs"][changes["items"]["$ref"].rsplit("/", 1)[-1]]
    assert entry["required"] == ["effective", "products"] and entry["additionalProperties"] is False
    assert entry["properties"]["effective"]["type"] == "string" and entry["properties"]["effective"]["format"] == "date"
    tiers = entry["properties"]["products"]["additionalProperties"]
    assert tiers["propertyNames"] == {"pattern": "^[1-9][0-9]*$"}
    assert tiers["additionalProperties"]["exclusiveMinimum"] == 0


def test_the_words_of_a_dated_quote_are_reserved():
    assert {"date", "valid_until", "renewal_annual", "prices_from", "on", "effective"} <= RESERVED_KEYS
