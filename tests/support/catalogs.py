"""The fixture catalog, its prices read apart from govcloud, the real catalog, the fixture
with two dated price changes, and small synthetic catalogs.

Calculation and CLI tests use `FIXTURE` (tests/support/fixtures/products.yml, a frozen copy of
the data): their hand-worked figures do not move when a price in data/products.yml does.
Tests of the real site use `REAL` and derive what they expect from it.

`PRICE` comes from the fixture file's own text (YAML's base loader keeps every scalar
as written), so expected figures in the tests do not pass through govcloud's loader.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

import yaml

from cli_run import DATA, FIXTURE, PRICE_CHANGES
from govcloud.load.loading import catalog_cross_checks, load_catalog, validate
from govcloud.load.yamlsource import load_text
from govcloud.model.catalog import Catalog
from govcloud.model.scenario import Scenario

REAL = load_catalog(DATA)
CATALOG = load_catalog(FIXTURE)
_RAW = yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
# PRICE["jira"][1000] == Decimal("23400.00"): each product's tiers by their maximum users.
PRICE = {p["key"]: {int(t["users"]): Decimal(t["annual"]) for t in p["tiers"]} for p in _RAW["products"]}
KEYS = [p["key"] for p in _RAW["products"]]
TERM_DAYS = int(_RAW["term_days"])
MAX_INSTANCES = int(_RAW["max_instances"])
CONTACT = {kind: _RAW["contacts"][kind]["name"] for kind in ("government", "commercial")}


def dated_text() -> str:
    """The fixture's text with its price changes (tests/support/fixtures/price-changes.yml) at the end."""
    return FIXTURE.read_text(encoding="utf-8") + "\n" + PRICE_CHANGES.read_text(encoding="utf-8")


# The fixture with its two price changes (February 1 and August 1, 2027).
DATED = validate(Catalog, load_text(dated_text(), "dated.yml"), catalog_cross_checks)


def load_dated(folder: Path) -> tuple[Path, Catalog]:
    """The dated fixture written to `folder` (as `dated.yml`, for the command line), and its catalog."""
    path = folder / "dated.yml"
    path.write_text(dated_text(), encoding="utf-8")
    return path, load_catalog(path)


Ladder = Sequence[tuple[int, str | Decimal]]


def synthetic(
    products: dict[str, Ladder], term_days: int = 365, max_instances: int = 150, contacts: dict[str, str] | None = None
) -> Catalog:
    """A catalog with the real rules and sources but the given products, ladders and limits."""
    base: dict[str, Any] = CATALOG.model_dump()
    base.update(
        term_days=term_days,
        max_instances=max_instances,
        products=[
            {
                "key": key,
                "name": key.capitalize(),
                "description": f"The {key} product.",
                "tiers": [{"users": users, "annual": Decimal(annual)} for users, annual in ladder],
            }
            for key, ladder in products.items()
        ],
    )
    for kind, name in (contacts or {}).items():
        base["contacts"][kind]["name"] = name
    return Catalog.model_validate(base)


def scenario(**fields: Any) -> Scenario:
    return Scenario.model_validate(fields)
