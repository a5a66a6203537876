"""Finding the data files: the one named, else the environment's, else the project's own."""

from __future__ import annotations

import os
from pathlib import Path

# Where the policy data lives, relative to the project (or the working folder).
PROJECT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = "data/products.yml"
DEFAULT_SCENARIOS = "data/scenarios.yml"
DEFAULT_GLOSSARY = "includes/glossary.yml"
# Builds and tests point the site at other data through these.
ENV_VARS = {
    DEFAULT_DATA: "GOVCLOUD_DATA",
    DEFAULT_SCENARIOS: "GOVCLOUD_SCENARIOS",
    DEFAULT_GLOSSARY: "GOVCLOUD_GLOSSARY",
}


def data_path(given: str | None, default: str = DEFAULT_DATA) -> Path:
    """The file given, else $GOVCLOUD_DATA / _SCENARIOS / _GLOSSARY, else the project's own."""
    given = given or os.environ.get(ENV_VARS[default])
    if given:
        return Path(given)
    here = Path(default)
    return here if here.exists() else PROJECT / default


def display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
