"""`govcloud diff --base REF`: whatever REF holds, git reads it as a revision, never as an
option of its own (`--output=FILE` once made `git show` write files), and an empty REF (which
git reads as the index) is refused, not compared as "no change"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cli_run import FIXTURE, run


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
        + list(args),
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    """A repository whose HEAD holds the fixture data and no worked scenarios to speak of."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data / "products.yml")
    (data / "scenarios.yml").write_text("- id: buy\n  title: Buy\n  proposed: {jira: {users: 5}}\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "data")
    return tmp_path


def test_a_ref_that_is_an_option_writes_no_file(repository, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    # `git show --output=OUT:./products.yml` writes into the folder "OUT:." when it exists.
    (out / "OUT:.").mkdir()
    result = run("diff", f"--base=--output={out}/OUT", cwd=repository)
    assert result.returncode == 2 and result.stdout == ""
    assert list((out / "OUT:.").iterdir()) == []
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("ref", ["-p", "--help", "--stat", "-h", "--no-index"])
def test_a_ref_that_is_an_option_is_a_revision_git_cannot_find(repository, ref):
    result = run("diff", f"--base={ref}", cwd=repository)
    assert result.returncode == 2 and result.stdout == ""
    # One line, naming what could not be read; no usage text or patch of git's.
    assert result.stderr.startswith(f"{ref}:data/products.yml:1: (file): git cannot read it: ")
    assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("ref", ["", " ", "\t"])
def test_an_empty_ref_is_refused_in_one_line(repository, ref):
    result = run("diff", "--base", ref, cwd=repository)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "govcloud diff: --base needs a git revision, such as main or a commit\n"


def test_a_ref_with_control_characters_is_one_escaped_line(repository):
    result = run("diff", "--base", "x\x1b[2J\ny", cwd=repository)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr
    assert result.stderr.startswith("x\\x1b[2J\\ny:data/products.yml:1: (file): ")


def test_a_real_ref_still_compares(repository):
    assert run("diff", "--base", "HEAD", cwd=repository).stdout == "no change\n"
