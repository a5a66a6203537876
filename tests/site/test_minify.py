"""The post-build minifier: the published scripts and styles are minified in
place, keep their names (the estimator's modules import each other by name)
and keep every CSS selector as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from conftest import BIN, ROOT
from govcloud_site.postbuild.minify import BUNDLE_DIR, BUNDLE_START, lazy_modules, minify_text, own_assets

SOURCE = ROOT / "docs" / "assets"


def selectors(css: str) -> list[str]:
    """Each rule's selector list, whitespace normalised the way a correct minifier may:
    runs of spaces become one, none around `>`, `+`, `~`, `,` or inside brackets."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for head in re.findall(r"([^{};]+)\{", css):
        head = head.strip()
        if not head or head.startswith("@"):
            continue
        head = re.sub(r"\s+", " ", head)
        head = re.sub(r"\s*([>+~,])\s*", r"\1", head)
        head = re.sub(r"\(\s*", "(", re.sub(r"\s*\)", ")", head))
        found.append(head)
    return found


def test_descendant_combinators_survive():
    """The old minifier turned `.gc-table :is(td)` into `.gc-table:is(td)`: another selector."""
    for css, kept in (
        (".gc-table :is(th, td) { padding: 0 }", ".gc-table :is(th,td)"),
        (".a :hover { color: red }", ".a :hover"),
        (".a ::after { content: '' }", ".a ::after"),
        (".a :not([hidden]) b { x: 1 }", ".a :not([hidden]) b"),
    ):
        assert kept + "{" in minify_text(css, ".css"), css


def test_every_selector_of_the_site_styles_is_kept():
    files = sorted(SOURCE.glob("*.css"))
    assert files
    for path in files:
        source = path.read_text(encoding="utf-8")
        out = minify_text(source, ".css")
        assert len(out) < len(source)
        assert selectors(out) == selectors(source), path.name


def test_published_files_are_minified_under_their_own_names(site_dir):
    """Each script and style of ours keeps its name, minified; the estimator's modules are
    bundled: main.js (where the loader starts), each module imported lazily, and shared chunks."""
    published = {p.relative_to(site_dir / "assets").as_posix() for p in own_assets(site_dir)}
    sources = {p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*") if p.suffix in (".js", ".css")}
    mine = {p for p in published if p.startswith(BUNDLE_DIR + "/")}
    bundled = {s for s in sources if s.startswith(BUNDLE_DIR + "/")}
    assert published - mine == sources - bundled
    entries = {f"{BUNDLE_DIR}/{n}" for n in [BUNDLE_START, *lazy_modules(SOURCE / BUNDLE_DIR)]}
    assert {"estimator/options.js", "estimator/actions.js"} <= entries  # features loaded when used
    chunks = mine - entries
    assert all(re.fullmatch(r"estimator/chunk-[A-Z0-9]+\.js", c) for c in chunks), chunks
    assert mine >= entries
    for name in sorted(published - mine):
        text = (site_dir / "assets" / name).read_text(encoding="utf-8")
        assert minify_text(text, (site_dir / "assets" / name).suffix) == text, name  # already minified
        assert len(text) < len((SOURCE / name).read_text(encoding="utf-8")), name
    assert not [p for p in own_assets(site_dir) if p.name.endswith(".min.js")]


def test_the_bundle_imports_only_its_own_files(site_dir):
    """Every import in the bundle names a file that is published; no comment is left."""
    folder = site_dir / "assets" / BUNDLE_DIR
    names = {p.name for p in folder.glob("*.js")}
    for path in folder.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        wanted = set(re.findall(r'''(?:from|import\(?)\s*"\./([\w.-]+\.js)"''', text))
        assert wanted <= names, (path.name, wanted - names)
        assert "/*" not in text and "\n//" not in text, path.name


def test_template_literals_strings_and_regexes_are_left_alone():
    js = 'const a = `x // ${b} /* y */`; const r = /\\/\\*/g; const s = "  //  ";\n'
    out = minify_text(js, ".js")
    for part in ("`x // ${b} /* y */`", "/\\/\\*/g", '"  //  "'):
        assert part in out


def test_the_command_refuses_what_is_not_a_site(tmp_path):
    run = [str(BIN / "python"), "-m", "govcloud_site.postbuild.minify"]
    none = subprocess.run(run, capture_output=True, text=True)
    assert none.returncode == 2 and "usage" in none.stderr
    empty = subprocess.run(run + [str(tmp_path)], capture_output=True, text=True)
    assert empty.returncode == 2 and "not a built site" in empty.stderr


def test_without_esbuild_the_step_says_how_to_install_it(site_dir, tmp_path):
    """The bundle is not optional: a site missing it would be heavier without a word."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    shutil.copytree(SOURCE / BUNDLE_DIR, site / "assets" / BUNDLE_DIR, dirs_exist_ok=True)
    run = [str(BIN / "python"), "-m", "govcloud_site.postbuild.minify", str(site)]
    result = subprocess.run(
        run, capture_output=True, text=True, env={**os.environ, "GOVCLOUD_ESBUILD": str(tmp_path / "no-esbuild")}
    )
    assert result.returncode == 1 and "make esbuild-deps" in result.stderr
