"""The JSON Schema of the policy data, committed at schema/products.schema.json for editors."""

from __future__ import annotations

from typing import Any

from govcloud.model.catalog import Catalog


def catalog_schema() -> dict[str, Any]:
    schema = Catalog.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "govcloud policy data (data/products.yml)"
    return schema
