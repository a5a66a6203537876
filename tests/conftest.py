"""Shared fixtures: a strict build of the real site, a local server for it, and
Debian's Chromium for Playwright (it cannot download a browser here).

`site_dir` and `site_url` are MkDocs' build. A test that matters for both
builders takes `@both_builders`: it then runs once on MkDocs' build and once on
Zensical's, each built once per session, or not at all when `make test`
has just built it: it names its builds in BUILT_SITE_MKDOCS and BUILT_SITE_ZENSICAL.
Tests read those folders and never write to them (checked at the session's end)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from govcloud.model import clock
from harness import (  # noqa: F401 (tests import them from here)
    BIN,
    BUILDERS,
    CHROMIUM_FLAGS,
    ROOT,
    TEST_FLAGS,
    build_site,
    build_with,
    serve,
    with_rule_confirmed,
)
from harness import chromium_path as _chromium_path


def chromium_path(headed: bool = False) -> str:
    try:
        return _chromium_path(headed)
    except RuntimeError as exc:
        pytest.fail(str(exc))


both_builders = pytest.mark.parametrize("builder", BUILDERS, indirect=True)

KINDS = ("unit", "site", "browser")


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Each test is marked by its folder: tests/unit, tests/site or tests/browser (before `-m`
    selects by those marks); then, once every plugin's hook has run, the xdist groups are restored."""
    for item in items:
        kind = item.path.parent.name
        if kind in KINDS:
            item.add_marker(kind)
    result = yield
    _restore_xdist_groups(items)
    return result


def _restore_xdist_groups(items) -> None:
    """`--dist loadgroup` sends the tests that share an `xdist_group` mark to one worker: pytest-xdist
    3.8 names the group to its scheduler by setting each such test's `_nodeid` to its node id with
    "@group" appended, a field pytest 9.2's structured node ids (`_id`) no longer read (pytest-xdist
    issue #1386). The marks were silently ignored, and a fixture shared per module (Lighthouse's
    audits, the every-page sweep) ran once on each worker its tests fell on. The id xdist worked out
    is given to pytest's field here; once xdist sets it there itself (or names groups another way),
    the two agree and this does nothing (tests/unit/test_xdist_groups.py fails if groups split)."""
    from _pytest.nodeid import coerce_node_id

    for item in items:
        wanted = item.__dict__.get("_nodeid")
        if isinstance(wanted, str) and wanted != item.nodeid:
            item._id = coerce_node_id(wanted)


@pytest.fixture(scope="session")
def builder(request) -> str:
    """Which tool builds the site: MkDocs unless the test is marked `@both_builders`."""
    return getattr(request, "param", "mkdocs")


# How each builder's search looks to a test: what a pointer opens it with (at
# desktop width), its results, its open state. "/" opens it in both (Material also
# takes "s"); Zensical draws its dialog in a shadow root, which Playwright's CSS
# selectors and axe both enter.
SEARCH_UI = {
    "mkdocs": {
        "opener": "input.md-search__input",
        "result": ".md-search-result__item",
        "result_links": ".md-search-result__item a",
        "shown": ".md-search-result__meta",
    },
    "zensical": {
        "opener": "button.md-search__button",
        "result": "[role=listbox] [role=option]",
        "result_links": "[role=listbox] a[role=option]",
        "shown": "dialog[aria-label=Search][open]",
    },
}


@pytest.fixture(scope="session")
def search_ui(builder) -> dict[str, str]:
    return SEARCH_UI[builder]


# Builds of the real site made before the session (`make test` makes them for its parity step).
BUILT = {"mkdocs": "BUILT_SITE_MKDOCS", "zensical": "BUILT_SITE_ZENSICAL"}


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def _built(tmp_path_factory):
    """Each builder's site, built once per session however often tests switch between them,
    or the build named by its BUILT_SITE_* variable. Every test shares it: a test that
    changes a file works on a copy, and the session ends by checking that none did."""
    built: dict[str, Path] = {}
    digests: dict[str, dict[str, str]] = {}

    def get(builder: str) -> Path:
        if builder not in built:
            given = os.environ.get(BUILT[builder])
            if given:
                dest = Path(given).resolve()
                assert (dest / "index.html").is_file(), f"{BUILT[builder]}={given} holds no built site"
            else:
                dest = tmp_path_factory.mktemp(f"site-{builder}") / "site"
                result = build_with(builder, dest)
                assert result.returncode == 0, result.stdout + result.stderr
            built[builder], digests[builder] = dest, _digest(dest)
        return built[builder]

    yield get
    for builder, dest in built.items():
        now = _digest(dest)
        changed = sorted(k for k in {*now, *digests[builder]} if now.get(k) != digests[builder].get(k))
        assert not changed, f"a test changed the {builder} build it shares ({dest}): {changed[:10]}"


@pytest.fixture(scope="session")
def _servers():
    servers: dict[Path, object] = {}

    def get(directory: Path) -> str:
        if directory not in servers:
            servers[directory] = serve(directory)
        return f"http://127.0.0.1:{servers[directory].server_address[1]}"

    yield get
    for server in servers.values():
        server.shutdown()


@pytest.fixture(scope="session")
def upgrade_confirmed_site(tmp_path_factory) -> Path:
    """The real site built from the data with its upgrade rule confirmed: the glossary's and
    the estimator's to-confirm markers follow the data (one build for both tests)."""
    folder = tmp_path_factory.mktemp("upgrade-confirmed")
    data = folder / "products.yml"
    data.write_text(with_rule_confirmed((ROOT / "data" / "products.yml").read_text(encoding="utf-8"), "upgrade"))
    result = build_site(folder / "site", env={"GOVCLOUD_DATA": str(data)})
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def site_dir(builder, _built) -> Path:
    return _built(builder)


@pytest.fixture(scope="session")
def site_url(site_dir, _servers) -> str:
    return _servers(site_dir)


@pytest.fixture
def new_context(new_context):
    """pytest-playwright's contexts (its `context` and `page` come from here), counting from the
    day the tests' own quotes do: the build's (SOURCE_DATE_EPOCH, as clock.today gives it). The
    browser's day is the local date, which moves on at midnight while the build's stays: a run
    crossing midnight compared pages and quotes a day apart. Only when the two days differ, the
    context's clock is set back (or on) by whole days: Playwright's fake clock then serves the
    pages' timers, frames and `performance` too, still running with real time."""
    shift = (date.today() - clock.today()).days

    def made(**kwargs):
        context = new_context(**kwargs)
        if shift:
            context.clock.set_system_time(datetime.now() - timedelta(days=shift))
        return context

    return made


@pytest.fixture(scope="session")
def base_url() -> None:
    """No base URL: each test names its own address (site_url), so `--base-url` is not used.
    Replaces pytest-playwright's fallback, a method of a plugin object, which pytest 9 warned about
    in every run."""
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path(headed=browser_type_launch_args.get("headless") is False)  # a window: --headed
    return {**browser_type_launch_args, "executable_path": path, "args": [*CHROMIUM_FLAGS, *TEST_FLAGS]}


@pytest.fixture(scope="session")
def instant_url(site_dir, tmp_path_factory):
    """The built site served at the address its sitemap gives. Material navigates
    instantly only to pages its sitemap lists, and it matches the port too: the
    session server's random port is not site_url's, so this copy's sitemap is
    pointed at the port it is served on, as a deployment's would be."""
    copy = tmp_path_factory.mktemp("instant") / "site"
    shutil.copytree(site_dir, copy)
    server = serve(copy)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    sitemap = copy / "sitemap.xml"
    home = re.search(r"<loc>(.*?)</loc>", sitemap.read_text()).group(1)
    sitemap.write_text(sitemap.read_text().replace(home, url))
    # The pages' absolute links to themselves (canonical, hreflang) likewise, in both languages
    # (harness.SiteHandler does it as it serves, from the sitemap rewritten here).
    (copy / "ja" / "sitemap.xml").write_text((copy / "ja" / "sitemap.xml").read_text().replace(home, url))
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f'href="{home}' in text:
            page.write_text(text.replace(f'href="{home}', f'href="{url}'), encoding="utf-8")
    yield url.rstrip("/")
    server.shutdown()


@pytest.fixture(scope="session")
def instant_site_url(instant_url):
    """The same served copy, by the name the CSP tests use."""
    return instant_url
