"""Load the policy data: find the file, read it with line numbers, validate it.

The jobs live in their own modules (`datafiles`, `yamlsource`, `reporting`,
`catalog_checks`); the names below stay importable from here for the callers
that know this module.
"""

from __future__ import annotations

from pathlib import Path

from govcloud.load.datafiles import DEFAULT_DATA, DEFAULT_SCENARIOS, ENV_VARS, PROJECT, data_path, display_name
from govcloud.load.reporting import CrossCheck, validate
from govcloud.load.yamlsource import Document, load_file
from govcloud.model.catalog import Catalog
from govcloud.model.checks import catalog_cross_checks

__all__ = [
    "DEFAULT_DATA",
    "DEFAULT_SCENARIOS",
    "ENV_VARS",
    "PROJECT",
    "CrossCheck",
    "catalog_cross_checks",
    "data_path",
    "display_name",
    "load_catalog",
    "load_catalog_source",
    "validate",
]


def load_catalog(path: str | Path | None = None) -> Catalog:
    return load_catalog_source(path)[0]


def load_catalog_source(path: str | Path | None = None) -> tuple[Catalog, Document]:
    """The catalog and the document it was read from (its lines), for callers that need both."""
    path = data_path(str(path) if path else None)
    source = load_file(path, display_name(path))
    return validate(Catalog, source, catalog_cross_checks), source
