"""The second builder (issue 11): Zensical builds the same site from the same
docs/, data/ and macros, page for page, and fails as plainly as MkDocs does."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import parity
import sitecheck
from conftest import ROOT, both_builders
from harness import ZENSICAL, build_zensical

DATA = ROOT / "data" / "products.yml"
SCENARIOS = ROOT / "data" / "scenarios.yml"


def test_both_builds_have_the_same_pages_text_and_links(_built):
    count, differences = parity.compare(_built("mkdocs"), _built("zensical"))
    assert count >= 12
    assert differences == []


@both_builders
def test_the_built_site_passes_our_own_checks(site_dir):
    assert sitecheck.check(site_dir) == []


def test_zensical_is_the_locked_release():
    version = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True, check=True)
    locked = re.search(r"^zensical==(\S+)", (ROOT / "requirements-zensical.lock").read_text(), re.M)
    assert locked and version.stdout.strip() == locked.group(1)


def test_no_code_both_builders_run_imports_mkdocs():
    """Zensical has no `mkdocs` package: the macros and the page-level work must not need one."""
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("src", "macros")
        for path in (ROOT / folder).rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.match(r"\s*(from|import)\s+mkdocs\b", line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "pattern, replacement",
    [
        (r"^max_instances:", "max_instance:"),  # a misspelt field
        (r"annual:\s*(\d)", r"annual: -\1"),  # a negative price
    ],
)
def test_a_data_problem_stops_zensical_with_file_line_field_message(tmp_path, pattern, replacement):
    text = DATA.read_text(encoding="utf-8")
    broken = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert broken != text
    bad = tmp_path / "products.yml"
    bad.write_text(broken)
    result = build_zensical(tmp_path / "site", env={"GOVCLOUD_DATA": str(bad)})
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output and "No issues found" not in output
    problems = [line for line in output.splitlines() if line.startswith(f"{bad}:")]
    assert problems and all(re.match(rf"{re.escape(str(bad))}:\d+: [\w.\[\]]+: .+", p) for p in problems), output
    assert not (tmp_path / "site").exists()


def test_a_broken_worked_expectation_stops_zensical_naming_the_scenario(tmp_path):
    scenarios = SCENARIOS.read_text(encoding="utf-8").replace("annual_total: 4900.00", "annual_total: 4901.00", 1)
    (tmp_path / "scenarios.yml").write_text(scenarios)
    result = build_zensical(tmp_path / "site", env={"GOVCLOUD_SCENARIOS": str(tmp_path / "scenarios.yml")})
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert "'new-purchase'" in output and "annual_total" in output


# -- our own checks, on small sites made here -----------------------------------

PAGE = """<html><head><title>{title}</title></head><body>
<nav><a class="md-nav__link" href="{home}">Home</a><a class="md-nav__link" href="{home}a/">A</a></nav>
<article class="md-content__inner md-typeset"><h1 id="top">{title}</h1>{body}</article></body></html>"""


def small_site(root: Path, pages: dict[str, str]) -> Path:
    for path, body in pages.items():
        home = "../" * path.count("/")
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(PAGE.format(title=path, home=home or "./", body=body))
    return root


def test_sitecheck_finds_what_zensical_strict_mode_lets_through(tmp_path):
    site = small_site(
        tmp_path,
        {
            "index.html": '<p><a href="a/#top">fine</a> <a href="products.md">unrewritten</a></p>',
            "a/index.html": '<p><a href="../index.html#nowhere">bad anchor</a> <a href="../gone/">gone</a> {{ rule }}</p>',
            "b/index.html": "<p>Not in the navigation.</p>",
        },
    )
    problems = sitecheck.check(site)
    assert any(p.startswith("index.html:") and "'products.md'" in p and "Markdown source" in p for p in problems)
    assert any(p.startswith("a/index.html:") and "#nowhere" in p and "anchor" in p for p in problems)
    assert any(p.startswith("a/index.html:") and "'../gone/'" in p for p in problems)
    assert any(p.startswith("a/index.html:") and "'{{'" in p for p in problems)
    assert any(p.startswith("b/index.html:") and "navigation" in p for p in problems)
    assert not any("'a/#top'" in p for p in problems)
    assert len(problems) == 5, problems


def test_sitecheck_command_lists_problems_and_fails(tmp_path):
    site = small_site(tmp_path, {"index.html": '<a href="x.md">x</a>', "a/index.html": ""})
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "support" / "sitecheck.py"), str(site)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{site}/index.html: link 'x.md' ('x') still names a Markdown source: the builder did not rewrite it"
    ]


def test_parity_reports_each_difference_on_a_line(tmp_path):
    a = small_site(
        tmp_path / "a", {"index.html": '<p>Pay the <a href="a/">smallest</a> tier.</p>', "a/index.html": "<p>Same.</p>"}
    )
    b = small_site(
        tmp_path / "b",
        {
            "index.html": '<p>Pay the <a href="a/#top">smallest</a> tier!</p>',
            "a/index.html": "<p>Same.</p>",
            "c/index.html": "<p>New.</p>",
        },
    )
    count, differences = parity.compare(a, b)
    assert count == 2
    assert differences == [
        "c/index.html: page only in zensical",
        "index.html: text: mkdocs 'Pay the smallest tier.' | zensical 'Pay the smallest tier!'",
        "index.html: link: mkdocs 'a/index.html [smallest]' | zensical 'a/index.html#top [smallest]'",
    ]
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "support" / "parity.py"), str(a), str(b)],
        capture_output=True,
        text=True,
        cwd=ROOT / "tests" / "support",
    )
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 4  # three differences and the count


def locked(path: Path) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), re.M)}


def test_both_locks_agree_on_every_package_they_share():
    """Both builders parse pages with the same Markdown, extensions and data code."""
    mkdocs, zensical = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-zensical.lock")
    shared = set(mkdocs) & set(zensical)
    assert {"markdown", "pymdown-extensions", "pyyaml", "pydantic"} <= shared
    assert {name: (mkdocs[name], zensical[name]) for name in shared if mkdocs[name] != zensical[name]} == {}
    assert "mkdocs" not in zensical


def test_styles_the_theme_script_inserts_are_found_for_the_policy(tmp_path):
    """Zensical's search gives its shadow-root dialog a <style> from a string in its bundle;
    the policy allows that text by hash instead of allowing every inline style."""
    from govcloud_site.postbuild.themestyles import inserted_styles

    bundle = tmp_path / "assets" / "javascripts" / "bundle.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(
        "var Tc='.r{color:red}\\\\x',Q=1;function S(){o.appendChild(C(\"style\",{},Tc.toString()))}var other='.x{}';"
    )
    assert inserted_styles(tmp_path) == [".r{color:red}\\x"]
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text('C("div",{},Tc)')
    assert inserted_styles(tmp_path) == []
