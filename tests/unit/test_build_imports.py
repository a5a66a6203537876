"""What each command imports: a step that needs no data must not load the data model
(pydantic and the whole package cost every build about a tenth of a second of CPU,
paid once more by each post-build step run as its own process)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "govcloud.model.catalog", "macros.pages")


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize(
    "module",
    [
        "govcloud_site.postbuild",
        "govcloud_site.postbuild.csp",
        "govcloud_site.publish",
        "govcloud_site.postbuild.minify",
        "govcloud_site.markdown",
    ],
)
def test_post_build_steps_load_no_data_model(module):
    assert not loaded_after(f"import {module}") & set(HEAVY)


def test_the_macros_still_register_from_the_package():
    # mkdocs-macros and Zensical find `define_env` on the package itself.
    assert "macros.pages" not in loaded_after("import macros; assert callable(macros.define_env)")
