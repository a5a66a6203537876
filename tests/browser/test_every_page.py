"""What is checked on every page of the built site, from one visit a page: axe in both colour
schemes, no request to another host, no script error, no Content-Security-Policy violation, every
link reached by Tab, and every table cell tied to its headers (HTML_CodeSniffer).

Loading a page and waiting for its scripts is most of what a check over every page costs, and
each of these checks loaded every page of both builds on its own. The `sweep` fixture visits each
page once per builder, running each check's step in turn and keeping what it found; each test
then asserts on its own part, naming the page (and scheme) of each problem. A step that fails on a
page is kept as that check's problem there, so one check's failure hides none of the others.

On each English page (its sitemap's, and the not-found page), in this order:
1. the CSP watch is installed (it runs before the page's own scripts), and the page visited as a
   reader opens it (harness.visit: the load event, the estimator's data-ready mark, two frames);
2. axe in the light colour scheme, then in the dark one, switched as a reader's setting switches it;
3. back in the light scheme, the Tab walk over every visible link;
4. the CSP watch read, once the network has been idle for 500 ms (`networkidle`, which the CSP
   check waited for when it loaded each page on its own, so a request the page makes late is still
   seen): the two axe runs and the walk take longer than that (0.5 to 4 s from load to this read, as
   measured), so Playwright has marked it already and the wait costs nothing;
5. HTML_CodeSniffer injected and run, last, as it is the test's script and not the site's. It runs
   under the site's policy (no bypass_csp): page.evaluate is not subject to it, and the checker loads
   and inserts nothing the policy would block (its findings are the same with bypass_csp).
After the not-found page, search: its worker loads the index, and its requests are watched too.
The Japanese pages (only the table headers were checked there) get steps 1, 4 and 5, their CSP
watch read without the wait for idle (a check they did not have; waiting would add half a second a
page), and their requests and script errors are watched as the English pages' are.

Requests, console errors and page errors are counted from each page's visit until HTML_CodeSniffer
is injected (so through the site's own steps, the walk and search included), not while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from axe_checks import WCAG
from conftest import BUILDERS
from csp_watch import WATCH, violations
from focus import focus_walk, settle
from harness import sitemap_paths, visit
from validators import MODULES

# Both builders, each in a group of its own: the tests share one sweep per builder (the fixture is
# per module), and `--dist loadgroup` keeps a group on one worker, so no page is visited twice.
pytestmark = pytest.mark.parametrize(
    "builder", [pytest.param(b, marks=pytest.mark.xdist_group(f"every-page-{b}")) for b in BUILDERS], indirect=True
)

SCHEMES = (("light", "default"), ("dark", "slate"))  # the reader's setting, and the theme's name for it
# The Tab walk's window (the desktop layout, its sidebars shown); axe runs in it too.
VIEWPORT = {"width": 1280, "height": 900}

HTMLCS = MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
# Its table-header sniffs: H43 (headers and ids) and H63 (scope).
HEADER_ERRORS = """() => new Promise(done => HTMLCS.process('WCAG2AA', document, () => done(
    HTMLCS.getMessages()
      .filter(m => m.type === HTMLCS.ERROR && /\\.H(43|63)/.test(m.code))
      .map(m => m.code + ': ' + m.msg + ' ' + m.element.outerHTML.slice(0, 120)))))"""


@dataclass
class Sweep:
    """What one builder's sweep found, and which pages (and schemes) each check ran on (`visited`,
    `axe_checked`, `walked`, the keys of `csp` and `headers`): a test asserts on what its check
    found, then that it covered every page it should (`stopped` says why a page was not covered)."""

    english: list[str]  # the English sitemap's pages and the not-found page
    japanese: list[str]  # the Japanese sitemap's pages
    visited: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)  # "page (scheme): axe's report, or what stopped it"
    axe_checked: list[tuple[str, str]] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)  # "page: address" for each request to another host
    errors: list[str] = field(default_factory=list)  # "page: message" for each console error or page error
    csp: dict[str, list[str]] = field(default_factory=dict)  # each page's recorded violations
    # "page: message" for the console's policy messages, and pages whose network never went idle
    csp_other: list[str] = field(default_factory=list)
    stopped: dict[str, str] = field(default_factory=dict)  # pages the sweep could not finish, and why
    missed: dict[str, list[str] | str] = field(default_factory=dict)  # links Tab never reached, or the walk's failure
    walked: list[str] = field(default_factory=list)
    headers: dict[str, list[str] | str] = field(default_factory=dict)  # HTMLCS's errors, or what stopped it
    tables: int = 0  # article tables on the pages HTMLCS ran on


def _failure(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def _axe(page, axe: Axe, path: str, found: Sweep) -> None:
    """Axe in each colour scheme, switched as a reader's setting switches it (the theme follows it)."""
    for scheme, name in SCHEMES:
        found.axe_checked.append((path, scheme))
        page.emulate_media(color_scheme=scheme)
        try:
            page.wait_for_function(
                "name => document.body.getAttribute('data-md-color-scheme') === name", arg=name, timeout=5000
            )
        except Exception:
            shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            found.axe.append(f"{path} ({scheme}): the page's colour scheme is {shown!r}, not {name!r}")
            continue
        try:
            settle(page)  # colours at rest
            result = axe.run(page, options=WCAG)
        except Exception as exc:
            found.axe.append(f"{path} ({scheme}): axe did not run: {_failure(exc)}")
            continue
        if result.violations_count:
            found.axe.append(f"{path} ({scheme}):\n{result.generate_report()}")
    page.emulate_media(color_scheme="light")


def _walk(page, path: str, found: Sweep) -> None:
    found.walked.append(path)
    try:
        lost = focus_walk(page)
    except Exception as exc:
        found.missed[path] = _failure(exc)
        return
    if lost:
        found.missed[path] = lost


def _search(page, result: str, found: Sweep) -> None:
    """Search loads its index in a worker: its requests are watched as the pages' are. From the page
    as the walk left it: whatever the walk opened closed, and focus nowhere, as a reader's "/" finds it."""
    try:
        page.keyboard.press("Escape")
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        page.keyboard.press("/")
        page.keyboard.type("tier")
        page.locator(result).first.wait_for()
    except Exception as exc:
        found.elsewhere.append(f"search showed no result, so its requests were not all watched: {_failure(exc)}")


def _headers(page, path: str, htmlcs: str | None, found: Sweep) -> None:
    found.tables += page.locator("article table").count()
    if htmlcs is None:
        return  # the test says the checker is missing
    try:
        page.evaluate(htmlcs)
        found.headers[path] = page.evaluate(HEADER_ERRORS)
    except Exception as exc:
        found.headers[path] = _failure(exc)


def _check(page, axe: Axe, site_url: str, path: str, htmlcs: str | None, search_ui, found: Sweep, at: list) -> None:
    """Every check's step on one page, in the order the module's docstring gives."""
    page.emulate_media(color_scheme="light")
    visit(page, site_url + path)
    found.visited.append(path)
    if path in found.english:
        _axe(page, axe, path, found)
        _walk(page, path, found)
        try:  # marked long before (load to here is 0.5 to 4 s): a request made late is in the watch
            page.wait_for_load_state("networkidle")
        except Exception as exc:
            found.csp_other.append(
                f"{path}: the network never went idle, so late requests were not all seen: {_failure(exc)}"
            )
    found.csp[path] = violations(page)
    if path == "/404.html":
        at[0] = "search (from /404.html)"
        _search(page, search_ui["result"], found)
    at[0] = None
    if path != "/404.html":
        _headers(page, path, htmlcs, found)


def _covered(sweep: Sweep, checked: list, wanted: list) -> None:
    """A check ran on every page (and scheme) it should; else which it missed, and why."""
    missed = [w for w in wanted if w not in checked]
    assert not missed, f"not checked: {missed}; the sweep stopped on: {sweep.stopped}"


@pytest.fixture(scope="module")
def sweep(browser, site_url, site_dir, search_ui) -> Sweep:
    english, japanese = sitemap_paths(site_dir), sitemap_paths(site_dir, "ja")
    assert len(english) >= 10 and len(japanese) >= 10, (english, japanese)
    found = Sweep(english=english + ["/404.html"], japanese=japanese)
    htmlcs = HTMLCS.read_text(encoding="utf-8") + "\n;window.HTMLCS = HTMLCS;" if HTMLCS.is_file() else None

    context = browser.new_context(color_scheme="light", viewport=VIEWPORT)
    page = context.new_page()
    page.add_init_script(WATCH)
    own = urlsplit(site_url).netloc
    # What the listeners hear is filed under the page being checked, while the site's own steps
    # run; None while the test's own script (HTML_CodeSniffer) runs.
    at: list[str | None] = [None]

    def request(request) -> None:
        url = urlsplit(request.url)
        if at[0] and url.scheme not in ("data", "blob") and url.netloc != own:
            found.elsewhere.append(f"{at[0]}: {request.url}")

    def console(message) -> None:
        if at[0] and message.type == "error":
            found.errors.append(f"{at[0]}: {message.text}")
        if at[0] and "Content Security Policy" in message.text:
            found.csp_other.append(f"{at[0]}: {message.text}")

    def page_error(error) -> None:
        if at[0]:
            found.errors.append(f"{at[0]}: {error}")

    page.on("request", request)
    page.on("console", console)
    page.on("pageerror", page_error)
    axe = Axe()
    try:
        for path in [*found.english, *found.japanese]:
            at[0] = path
            try:  # a page that stops the sweep is reported by each check it missed, then the next page
                _check(page, axe, site_url, path, htmlcs, search_ui, found, at)
            except Exception as exc:
                found.stopped[path] = _failure(exc)
    finally:
        context.close()
    return found


def test_every_page_passes_axe_in_both_colour_schemes(sweep):
    """Each English page in both colour schemes: loaded in the light one, then switched to the dark
    one as a reader's setting switches it (the theme follows it), axe run in each."""
    assert not sweep.axe, "\n".join(sweep.axe)
    _covered(sweep, sweep.axe_checked, [(path, scheme) for path in sweep.english for scheme, _ in SCHEMES])


def test_every_page_stays_on_its_own_host(sweep):
    """No request to another host from any page, through both axe runs and the Tab walk, nor from
    search's worker loading its index."""
    assert not sweep.elsewhere, "\n".join(sweep.elsewhere)
    _covered(sweep, sweep.visited, [*sweep.english, *sweep.japanese])


def test_no_script_error_on_any_page(sweep):
    """No console error and no uncaught page error, on load or after it (axe reads each English page
    twice, and the Tab walk moves focus through it)."""
    assert not sweep.errors, "\n".join(sweep.errors)
    _covered(sweep, sweep.visited, [*sweep.english, *sweep.japanese])


def test_no_policy_violation_on_any_page_loaded_directly(sweep):
    """Zero `securitypolicyviolation` events, and no policy message in the console, on every page of
    both languages loaded directly (instant navigation is test_csp.py's)."""
    assert not any(sweep.csp.values()), "\n".join(f"{path}: {v}" for path, seen in sweep.csp.items() for v in seen)
    assert not sweep.csp_other, "\n".join(sweep.csp_other)
    _covered(sweep, list(sweep.csp), [*sweep.english, *sweep.japanese])


def test_keyboard_reaches_every_link(sweep):
    """Tab from the top of each English page reaches every visible link before it comes round again."""
    assert not sweep.missed, "\n".join(
        f"{path}: " + (f"the walk failed: {lost}" if isinstance(lost, str) else f"Tab never reached {lost}")
        for path, lost in sweep.missed.items()
    )
    _covered(sweep, sweep.walked, sweep.english)


def test_every_table_cell_has_its_headers(sweep):
    """Every data table's cells are tied to their headers (WCAG 2.1 1.3.1, technique H43), as
    HTML_CodeSniffer judges it, the checker pa11y runs: its build (pinned in tools/validators) run
    inside Chromium over every page of both languages. A row header that spans columns, such as a
    bills total's label across the bills' columns, makes the table's headers two levels deep, and
    scope alone no longer says which header a cell falls under."""
    assert HTMLCS.is_file(), f"{HTMLCS} is missing: run `make validators-deps`"
    pages = [p for p in sweep.english if p != "/404.html"] + sweep.japanese
    assert len(pages) >= 20 and any(p.startswith("/ja/") for p in pages), pages
    assert not any(sweep.headers.values()), "\n".join(
        f"{path}: {m}" for path, found in sweep.headers.items() for m in ([found] if isinstance(found, str) else found)
    )
    _covered(sweep, list(sweep.headers), pages)
    assert sweep.tables >= 68, sweep.tables  # the worked scenarios' quotes and bills at least, in both languages
