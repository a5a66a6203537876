"""The calculation compiled with mypyc (govcloud.calc.compiled): `make setup` leaves it in use,
it quotes every golden scenario as its source does, and a build of other sources is never used."""

from __future__ import annotations

import shutil

import golden
import vectors
from govcloud.calc import compiled
from govcloud.calc import quote as calculation


def test_make_setup_leaves_the_calculation_compiled():
    assert compiled.fresh(), (
        f"{compiled.FOLDER} is missing or was compiled from other sources: run `make setup` "
        "(python -m govcloud.calc.compiler)"
    )
    assert compiled.in_use(calculation), calculation.__file__


def test_the_compiled_calculation_quotes_as_its_source_does():
    source = compiled.source("govcloud.calc.quote")
    assert not compiled.in_use(source)
    compared = 0
    for catalog in golden.catalogs().values():
        for scenario in vectors.parse(catalog, vectors.generate(catalog, random_count=200)):
            ours = calculation.quote(catalog, scenario, vectors.DAY)
            theirs = source.quote(catalog, scenario, vectors.DAY)
            assert ours.as_json() == theirs.as_json(), scenario
            assert [(n.product, n.assumptions) for n in ours.notes] == [
                (n.product, n.assumptions) for n in theirs.notes
            ]
            compared += 1
    assert compared > 1000, compared


def test_only_a_build_of_these_very_sources_is_used(tmp_path):
    package = "govcloud.calc"
    path = ["src/govcloud/calc"]
    folder = tmp_path / "compiled"
    assert compiled.search_path(package, path, folder) == path  # none built
    folder.mkdir()
    (folder / compiled.STAMP).write_text("0" * 64 + "\n")
    assert compiled.search_path(package, path, folder) == path  # built from other sources
    (folder / compiled.STAMP).write_text(compiled.digest() + "\n")
    assert compiled.search_path(package, path, folder) == [str(folder / "govcloud" / "calc"), *path]


def test_an_edit_to_any_module_of_the_package_makes_a_build_stale(tmp_path):
    copy = tmp_path / "govcloud"
    shutil.copytree(compiled.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = compiled.digest(copy)
    assert before == compiled.digest()
    catalog = copy / "model" / "catalog.py"  # not compiled, but the compiled code relies on its types
    catalog.write_text(catalog.read_text() + "\n# an edit\n")
    edited = compiled.digest(copy)
    (copy / "model" / "new.py").write_text("")
    assert len({before, edited, compiled.digest(copy)}) == 3
