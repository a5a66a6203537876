"""A module of the package run from its source, even while its compiled copy is in use
(govcloud.calc.compiled): the bench times the two side by side and a test holds them to the same
quotes."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from govcloud.calc.compiled import source_path


def load(name: str) -> ModuleType:
    """`name` ("govcloud.calc.quote") from its .py file, as a module of its own (not in sys.modules)."""
    spec = importlib.util.spec_from_file_location(f"{name}_source", source_path(name))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
