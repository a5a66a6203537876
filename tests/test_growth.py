"""Work done once per build however large the data: what the pages show is what
the slower, obvious way shows (issue 12, a catalog 100 times the real one)."""
from __future__ import annotations

import re

from govcloud.loading import catalog_cross_checks, data_path, display_name, load_catalog_source, validate
from govcloud.model import Catalog
from govcloud.problems import InputError
from govcloud.worked import load_worked
from govcloud.yamlsource import load_text, read_text
from govcloud_site.pages import Pages


def _shown(example: str) -> tuple[list[tuple[int, str]], str]:
    """The numbered lines and the problems of the maintainers' page's example."""
    lines, problems = re.findall(r"```text\n(.*?)\n```", example, re.S)
    return [(int(n), text) for n, text in re.findall(r"^\s*(\d+)  (.*)$", lines, re.M)], problems


def test_validation_example_is_what_govcloud_says_of_the_file_with_its_lines_edited():
    # The page builds the broken document from the loaded one (no second parse of a large
    # file); govcloud reading the file with the shown lines edited must say the same.
    catalog, source = load_catalog_source()
    edits, problems = _shown(Pages(catalog, load_worked(catalog), source).validation_example())
    path = data_path(None)
    name = display_name(path)
    lines = read_text(path, name).split("\n")
    assert len(edits) == 2
    for n, text in edits:
        indent = lines[n - 1][: len(lines[n - 1]) - len(lines[n - 1].lstrip())]
        assert lines[n - 1] != indent + text  # the line is edited
        lines[n - 1] = indent + text
    try:
        validate(Catalog, load_text("\n".join(lines), name), catalog_cross_checks)
    except InputError as exc:
        assert problems == str(exc)
    else:
        raise AssertionError("the edited file passed validation")
