"""Fault injection: the real data files, damaged in seeded ways, must either stop
the build with `file:line` problems (no traceback, no site written) or, when the
damage leaves the data valid by `govcloud check`, build pages that agree with
govcloud. And a failed `make build` must leave the published site untouched."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from fault_mutations import SEED, mutations
from govcloud.calc.pricebook import pricebook
from govcloud.calc.worked import load_worked
from govcloud.cli.commands import main as govcloud
from govcloud.load.loading import load_catalog
from harness import Html

ORIGINALS = {
    "products": (ROOT / "data/products.yml").read_bytes(),
    "scenarios": (ROOT / "data/scenarios.yml").read_bytes(),
}
# 46 damaged files: at most one build each keeps the suite near a minute.
PLAN = {
    "products": dict(
        delete_line=4,
        duplicate_line=3,
        delete_key=3,
        duplicate_key=2,
        swap_numbers=4,
        negate_number=3,
        change_type=4,
        truncate=3,
        encoding_damage=3,
        latin1_text=1,
        byte_order_mark=1,
        comment_out_line=2,
    ),
    "scenarios": dict(
        delete_line=2,
        duplicate_line=1,
        delete_key=1,
        duplicate_key=1,
        swap_numbers=2,
        negate_number=1,
        change_type=2,
        truncate=1,
        encoding_damage=1,
        comment_out_line=1,
    ),
}
MUTATIONS = mutations(ORIGINALS, PLAN, SEED)
ENV_OF = {"products": "GOVCLOUD_DATA", "scenarios": "GOVCLOUD_SCENARIOS"}


def check(files: dict[str, Path]) -> tuple[int, list[str]]:
    """`govcloud check DATA --scenarios SCENARIOS`: exit code and stderr lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = govcloud(["check", str(files["products"]), "--scenarios", str(files["scenarios"])])
    return code, err.getvalue().splitlines()


def site_view(site: Path) -> tuple[str, list]:
    """All pages' visible text, and every embedded JSON document."""
    text, docs = [], []
    for page in sorted(site.rglob("*.html")):
        parsed = Html(page.read_text(encoding="utf-8"))
        text.append(" ".join(parsed.text))
        docs += parsed.documents()
    return re.sub(r"\s+", " ", " ".join(text)), docs


def facts(data: Path, scenarios: Path) -> dict[str, object]:
    """What govcloud says the pages may show, in families a page shows whole or not at all."""
    catalog = load_catalog(data)
    book = pricebook(catalog)
    return {
        "product names": [p["name"] for p in book["products"]],
        "tier prices": sorted({f"{Decimal(t['annual']):,.2f}" for p in book["products"] for t in p["tiers"]}),
        "worked totals": sorted({f"{q.annual_total:,.2f}" for _, q in load_worked(catalog, scenarios)}),
        "price book": json.loads(json.dumps(book)),
    }


def shown(family: str, expected, view: tuple[str, list]) -> list:
    """The facts of a family the site fails to show (all of them when it shows none)."""
    text, docs = view
    if family == "price book":
        return [] if expected in docs else [expected]
    return [fact for fact in expected if fact not in text]


@pytest.fixture(scope="module")
def families_on_site(site_dir) -> list[str]:
    """The fact families the real site shows in full: those a damaged-but-valid build must keep right."""
    real = facts(ROOT / "data/products.yml", ROOT / "data/scenarios.yml")
    view = site_view(site_dir)
    found = [family for family, expected in real.items() if not shown(family, expected, view)]
    assert "product names" in found, "the real site should name every product"
    return found


def test_plan_covers_every_kind_of_damage():
    kinds = {m.kind for m in MUTATIONS}
    assert len(MUTATIONS) >= 40
    assert {
        "delete_line",
        "duplicate_line",
        "delete_key",
        "duplicate_key",
        "swap_numbers",
        "negate_number",
        "change_type",
        "truncate",
        "encoding_damage",
    } <= kinds


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.id for m in MUTATIONS])
def test_damaged_data(mutation, tmp_path, families_on_site):
    files = {}
    for name, original in ORIGINALS.items():
        files[name] = tmp_path / f"{name}.yml"
        files[name].write_bytes(mutation.data if name == mutation.file else original)
    code, problems = check(files)
    dest = tmp_path / "site"
    result = build_site(dest, env={ENV_OF[name]: str(path) for name, path in files.items()})
    log = result.stdout + result.stderr
    assert "Traceback" not in log, log

    if code != 0:
        assert code == 2 and problems, "govcloud check must name the problems"
        assert result.returncode != 0, "the build must fail on data that govcloud check rejects"
        assert not dest.exists(), "a failed build must write no site"
        damaged = str(files[mutation.file])
        lines = mutation.data.count(b"\n") + 1
        for problem in problems:
            assert problem in log, f"the build log should carry {problem!r}:\n{log}"
            where = re.match(r"(.+?):(\d+): ", problem)
            # Valid but different prices break the worked scenarios' promises: that is
            # reported where the promise is written, the scenarios file.
            promise = " but govcloud computes " in problem and where and where[1] == str(files["scenarios"])
            if promise:
                continue
            assert where and where[1] == damaged, problem
            assert 1 <= int(where[2]) <= lines, problem
        named = [damaged] + ([str(files["scenarios"])] if all(" but govcloud computes " in p for p in problems) else [])
        assert any(
            re.search(rf"^(?:ERROR\s+-\s+)?{re.escape(n)}:\d+: \S+: ", row) for n in named for row in log.splitlines()
        ), log
    else:
        assert result.returncode == 0, f"valid data ({mutation.id}) must build:\n{log}"
        view = site_view(dest)
        for family, expected in facts(files["products"], files["scenarios"]).items():
            if family in families_on_site:
                assert not shown(family, expected, view), f"{family} on the pages disagree with govcloud"


# --- nothing half-published ------------------------------------------------


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _linked_project(tmp_path: Path, copied: tuple[str, ...] = ()) -> tuple[Path, list[str]]:
    """A copy of the project made of links (the `copied` entries copied for real),
    so that its `site/` is ours alone, and the `make build` command to run in it;
    `-o setup` and `-o esbuild-deps` keep make away from the shared venv and node tools."""
    project = tmp_path / "project"
    project.mkdir()
    for entry in ROOT.iterdir():
        if entry.name in copied:
            shutil.copytree(entry, project / entry.name)
        elif entry.name not in {"site", "site.tmp", ".git", "bench", "tools"}:
            (project / entry.name).symlink_to(entry)
    make = [
        "make",
        "--no-print-directory",
        "-f",
        str(ROOT / "Makefile"),
        "-C",
        str(project),
        "-o",
        "setup",
        "-o",
        "esbuild-deps",
        "build",
    ]
    return project, make


def test_make_build_fails_on_a_broken_link(tmp_path):
    """`make build` is strict: a link to a missing page is a warning, and warnings fail
    the build (`--quiet` once hid them from --strict's count, and the site was published)."""
    project, make = _linked_project(tmp_path, copied=("docs",))
    page = project / "docs" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ENV_OF.values()}
    result = subprocess.run(make, env=env, capture_output=True, text=True)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "no-such-page.md" in result.stderr
    assert not (project / "site").exists()


def test_failed_make_build_leaves_the_published_site_untouched(tmp_path):
    project, make = _linked_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ENV_OF.values()}
    good = subprocess.run(make, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    site = project / "site"
    before = _tree(site)
    assert "index.html" in before

    broken = tmp_path / "products.yml"
    broken.write_bytes(ORIGINALS["products"].replace(b"max_instances: 150", b"max_instances: many", 1))
    bad = subprocess.run(make, env={**env, "GOVCLOUD_DATA": str(broken)}, capture_output=True, text=True)
    assert bad.returncode != 0
    assert "Traceback" not in bad.stdout + bad.stderr
    assert re.search(rf"{re.escape(str(broken))}:\d+: max_instances: ", bad.stderr), bad.stderr
    assert _tree(site) == before, "a failed build changed the published site"
