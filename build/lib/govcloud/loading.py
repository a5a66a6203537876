"""Load the policy data: find the file, read it with line numbers, validate it.

The jobs live in their own modules (`datafiles`, `yamlsource`, `reporting`,
`catalog_checks`); the names below stay importable from here for the callers
that know this module.
"""
from __future__ import annotations

from pathlib import Path

from .catalog_checks import catalog_cross_checks
from .datafiles import DEFAULT_DATA, DEFAULT_SCENARIOS, ENV_VARS, PROJECT, data_path, display_name
from .model import Catalog
from .reporting import CrossCheck, validate
from .yamlsource import load_file

__all__ = ["DEFAULT_DATA", "DEFAULT_SCENARIOS", "ENV_VARS", "PROJECT", "CrossCheck", "catalog_cross_checks",
           "data_path", "display_name", "load_catalog", "validate"]


def load_catalog(path: str | Path | None = None) -> Catalog:
    path = data_path(str(path) if path else None)
    return validate(Catalog, load_file(path, display_name(path)), catalog_cross_checks)
