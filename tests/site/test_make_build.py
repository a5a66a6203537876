"""`make build` as a maintainer runs it: strict (a broken link fails it), a failed build
leaves the published site as it was, and two builds at once both finish. How SITE is
replaced without being partly written is in tests/unit/test_publish.py."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from harness import ROOT

DATA_VARS = ("GOVCLOUD_DATA", "GOVCLOUD_SCENARIOS", "GOVCLOUD_GLOSSARY")


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _env(**extra: str) -> dict[str, str]:
    """This environment without data overrides, and without the make flags of a `make test` around it."""
    return {**{k: v for k, v in os.environ.items() if k not in DATA_VARS}, "MAKEFLAGS": "", **extra}


def _make_build(site: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        ["make", "--no-print-directory", "-C", str(ROOT), "build", f"SITE={site}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(**env),
    )


def test_a_failed_build_leaves_the_old_site_as_it_was(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(3):
        (site / f"page{i}.html").write_text(f"old {i}")
    before = _tree(site)
    broken = tmp_path / "products.yml"
    broken.write_text((ROOT / "data" / "products.yml").read_text().replace("max_instances: 150", "max_instances: many"))
    process = _make_build(site, GOVCLOUD_DATA=str(broken))
    out, err = process.communicate(timeout=300)
    assert process.returncode != 0
    assert "Traceback" not in out + err
    assert re.search(rf"{re.escape(str(broken))}:\d+: max_instances: ", err), err
    assert _tree(site) == before, "a failed build changed the published site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["products.yml", "site"]  # no scratch folder left


def test_two_builds_at_once_both_finish(tmp_path):
    site = tmp_path / "site"
    runs = [_make_build(site) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in runs]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert (site / "index.html").is_file() and (site / "estimator" / "index.html").is_file()
    assert 'http-equiv="Content-Security-Policy"' in (site / "index.html").read_text()
    assert oct(site.stat().st_mode & 0o777) == "0o755"  # a web server can read it
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_a_broken_link_fails_make_build_naming_the_page(tmp_path):
    """`make build` is strict: a link to a missing page is a warning, and warnings fail
    the build (`--quiet` once hid them from --strict's count, and the site was published)."""
    # A copy of the project made of links, docs/ copied for real, so that its site/ and
    # docs/ are ours alone; `-o setup` and `-o esbuild-deps` keep make away from the
    # shared venv and node tools.
    project = tmp_path / "project"
    project.mkdir()
    for entry in ROOT.iterdir():
        if entry.name == "docs":
            shutil.copytree(entry, project / entry.name)
        elif entry.name not in {"site", "site.tmp", ".git", "bench", "tools"}:
            (project / entry.name).symlink_to(entry)
    page = project / "docs" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the old page](no-such-page.md).\n", encoding="utf-8")
    make = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(project)]
    result = subprocess.run(
        [*make, "-o", "setup", "-o", "esbuild-deps", "build"], env=_env(), capture_output=True, text=True
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "contact.md" in result.stderr and "no-such-page.md" in result.stderr
    assert not (project / "site").exists()


def test_a_failed_japanese_build_publishes_neither_language(tmp_path):
    """Both languages or neither: the English builds, the Japanese fails on a broken link,
    and the published site stays as it was (govcloud_site.sites)."""
    project = tmp_path / "project"
    project.mkdir()
    for entry in ROOT.iterdir():
        if entry.name == "docs-ja":
            shutil.copytree(entry, project / entry.name, symlinks=True)
        elif entry.name not in {"site", "site.tmp", ".git", "bench", "tools"}:
            (project / entry.name).symlink_to(entry)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    page = project / "docs-ja" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[古いページ](no-such-page.md)\n", encoding="utf-8")
    make = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(project)]
    result = subprocess.run(
        [*make, "-o", "setup", "-o", "esbuild-deps", "build"], env=_env(), capture_output=True, text=True
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "mkdocs.ja.yml" in result.stderr and "no-such-page.md" in result.stderr
    assert _tree(site) == {"index.html": hashlib.sha256(b"old").hexdigest()}
    left = [p.name for p in project.iterdir() if not p.is_symlink() and p.name.startswith(("site.tmp", ".site."))]
    assert not left, f"scratch left: {left}"
