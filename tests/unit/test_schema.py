"""The committed JSON Schema is what the model generates, and the data file points editors at it."""

from __future__ import annotations

import json
import re

import yaml

from cli_run import DATA, ROOT, run

SCHEMA = ROOT / "schema" / "products.schema.json"


def test_committed_schema_equals_govcloud_schema():
    # Fails when the model changes and `govcloud schema > schema/products.schema.json` was not rerun.
    result = run("schema")
    assert (result.returncode, result.stderr) == (0, "")
    assert SCHEMA.read_text(encoding="utf-8").rstrip("\n") == result.stdout.rstrip("\n")


def test_data_file_first_line_references_the_schema():
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    assert (DATA.parent / match.group(1)).resolve() == SCHEMA.resolve()


def test_schema_names_exactly_the_fields_the_data_holds():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    raw = yaml.load(DATA.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    # Every field the data holds, and the optional one it may leave out (price_changes, recorded or not).
    assert set(schema["properties"]) == set(raw) | {"price_changes"}
    assert set(schema["required"]) == set(raw) - {"price_changes"}
    tier = schema["$defs"]["Tier"]
    assert set(tier["properties"]) == {"users", "annual"} and tier["additionalProperties"] is False
    for product in raw["products"]:
        assert all(set(t) == set(tier["properties"]) for t in product["tiers"])
