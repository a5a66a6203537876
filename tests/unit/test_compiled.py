"""The calculation compiled with mypyc (govcloud.calc.compiled): `make setup` leaves it in use,
it quotes every generated scenario as its source does, and a build of other sources is never used."""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

import mypyc.build
import pytest

import golden
import source_module
import vectors
from govcloud.calc import compiled, compiler
from govcloud.calc import quote as calculation


def test_make_setup_leaves_the_calculation_compiled():
    assert compiled.build_folder().is_dir(), (
        f"{compiled.FOLDER} holds no build of today's sources: run `make setup` "
        "(python -m govcloud.calc.compiler says why it did not compile)"
    )
    assert compiled.in_use(calculation), calculation.__file__


def test_the_compiled_calculation_quotes_as_its_source_does():
    source = source_module.load("govcloud.calc.quote")
    assert not compiled.in_use(source)
    compared = 0
    for catalog in golden.catalogs().values():
        for scenario in vectors.parse(catalog, vectors.generate(catalog, random_count=200)):
            # Every field, those the JSON leaves out too (NamedTuples compare field by field).
            assert calculation.quote(catalog, scenario, vectors.DAY) == source.quote(catalog, scenario, vectors.DAY)
            compared += 1
    assert compared > 1000, compared


def test_only_a_build_of_these_very_sources_is_used(tmp_path):
    package, path = "govcloud.calc", ["src/govcloud/calc"]
    assert compiled.search_path(package, path, tmp_path) == path  # none built
    (tmp_path / ("0" * 32)).mkdir()
    assert compiled.search_path(package, path, tmp_path) == path  # built from other sources
    compiled.build_folder(tmp_path).mkdir()
    assert compiled.search_path(package, path, tmp_path) == [
        str(compiled.build_folder(tmp_path) / "govcloud" / "calc"),
        *path,
    ]


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


def test_an_editors_lock_file_beside_a_module_is_no_module(tmp_path):
    """Emacs marks a file with unsaved edits by a dangling link `.#name.py` beside it: reading it
    made every import of govcloud.calc fail."""
    copy = tmp_path / "govcloud"
    shutil.copytree(compiled.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    os.symlink("user@host.1234:1700000000", copy / "calc" / ".#quote.py")
    assert compiled.digest(copy) == compiled.digest()


def test_the_digest_names_the_python_that_loads_the_build(monkeypatch):
    """A build for another Python (another version or ABI) is another build."""
    ours = compiled.digest()
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    monkeypatch.setattr(
        sysconfig, "get_config_var", lambda name: ".cpython-312-x86_64-linux-gnu.so" if name == "EXT_SUFFIX" else suffix
    )
    assert compiled.digest() != ours


def test_a_build_that_fails_leaves_the_source_running_and_is_not_tried_again(tmp_path, monkeypatch, capsys):
    """A type error stops mypyc; `make setup` (and so `make serve`) goes on with the source, saying
    why, leaves no build and no half-built folder behind, and does not try the same sources again."""
    tried = []

    def type_error(paths, **options):
        tried.append(paths)
        Path(options["target_dir"], "quote.c").parent.mkdir(parents=True)
        Path(options["target_dir"], "quote.c").write_text("/* half written */")
        sys.exit("error: Incompatible types in assignment")

    monkeypatch.setattr(mypyc.build, "mypycify", type_error)
    monkeypatch.setattr(compiler, "missing_tools", lambda: None)
    assert compiler.main(tmp_path) == 0
    said = capsys.readouterr().err
    assert "not compiled" in said and "Incompatible types" in said and "runs from its source" in said
    assert [p.name for p in tmp_path.iterdir()] == [compiler.FAILED + compiled.build_folder(tmp_path).name]
    assert compiler.main(tmp_path) == 0
    assert len(tried) == 1 and "Incompatible types" in capsys.readouterr().err


def test_a_machine_without_a_c_compiler_is_told_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sysconfig, "get_config_var", lambda name: "no-such-cc -pthread" if name == "CC" else None)
    assert "no C compiler (no-such-cc: apt-get install gcc)" in (compiler.missing_tools() or "")
    monkeypatch.setattr(compiler, "build", lambda folder: pytest.fail("built without a compiler"))
    assert compiler.main(tmp_path) == 0
    assert "apt-get install gcc" in capsys.readouterr().err


def test_the_compiler_does_nothing_when_the_build_is_current(monkeypatch, capsys):
    monkeypatch.setattr(compiler, "build", lambda folder: pytest.fail("compiled again"))
    assert compiler.main() == 0
    assert capsys.readouterr() == ("", "")
