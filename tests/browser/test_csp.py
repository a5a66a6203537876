"""One strict Content-Security-Policy on every page, and nothing the site does breaks it:
every English page reached by instant navigation, search and the estimator used, with zero
`securitypolicyviolation` events. Every page of both languages loaded directly is
test_every_page.py's (one visit a page serves all the checks over every page)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import both_builders
from csp_watch import WATCH, violations
from govcloud_site.postbuild.csp import RUNS, inline_scripts, policy, script_hash
from harness import sitemap_paths

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _pages(site_dir) -> list:
    return sorted(site_dir.rglob("*.html"))


def _directives(value: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in value.split(";") if part.strip()}


@both_builders
def test_every_page_carries_the_same_policy_first_in_its_head(site_dir):
    found = set()
    for page in _pages(site_dir):
        html = page.read_text(encoding="utf-8")
        metas = META.findall(html)
        assert len(metas) == 1, page
        head = html[html.index("<head") :]
        assert head.index("Content-Security-Policy") < head.index("<script"), page
        found.add(metas[0])
    assert len(found) == 1
    assert found == {policy(site_dir)}


@both_builders
def test_the_policy_is_strict(site_dir):
    value = policy(site_dir)
    d = _directives(value)
    for word in ("'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "*", "http:", "https:", "data:"):
        assert word not in d["script-src"], word
    assert d["script-src"][0] == "'self'"
    assert d["object-src"] == ["'none'"] and d["base-uri"] == ["'self'"] and d["form-action"] == ["'self'"]
    assert d["img-src"] == ["'self'", "data:"] and d["default-src"] == ["'self'"]


@both_builders
def test_every_inline_script_of_every_page_is_hashed(site_dir):
    allowed = set(_directives(policy(site_dir))["script-src"])
    scripts = [(page, s) for page in _pages(site_dir) for s in inline_scripts(page.read_text(encoding="utf-8"))]
    assert len({s for _, s in scripts}) >= 2  # Material's scope script differs with the page's depth
    for page, script in scripts:
        assert script_hash(script) in allowed, (page, script[:60])


def test_data_scripts_and_templates_are_not_hashed():
    html = (
        '<script>a()</script><script type="application/json">{"x": 1}</script>'
        '<template><script>b()</script></template><script src="x.js"></script><script type="module">c()</script>'
    )
    assert inline_scripts(html) == ["a()", "c()"]


# Markup where a hand-written scanner goes wrong: script text inside comments,
# attribute values and <style>, tags inside script text, case, nested templates.
AWKWARD = (
    "<!-- <script>no1()</script> --><div title=\"<script>no2()</script>\" data-x='a > b'>"
    '<SCRIPT>yes1()</SCRIPT ><script>if (a < b && c > d) { s = "<template>"; }</script>'
    '<style>.a::before { content: "<script>no3()</script>"; }</style>'
    "<template><template></template><script>no4()</script></template>"
    '<scripty>no5()</scripty><script type="text/template">no6()</script>'
    '<script type=" Module ">yes2()</script><script\ntype=module\n>yes3()</script >'
    "<script async src=x.js></script><script>/* </scripts> */ yes4()</script/>"
)


def test_awkward_markup_finds_only_the_scripts_a_browser_runs():
    assert inline_scripts(AWKWARD) == [
        "yes1()",
        'if (a < b && c > d) { s = "<template>"; }',
        "yes2()",
        "yes3()",
        "/* </scripts> */ yes4()",
    ]


class _Reference(HTMLParser):
    """The same question asked of Python's own HTML parser, tag by tag (what csp.py did before)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.template = 0
        self.current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self.template += 1
        elif tag == "script":
            attrs = dict(attrs)
            runs = (attrs.get("type") or "").strip().lower() in RUNS
            self.current = [] if runs and "src" not in attrs and not self.template else None

    def handle_endtag(self, tag):
        if tag == "template":
            self.template = max(0, self.template - 1)
        elif tag == "script" and self.current is not None:
            self.found.append("".join(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def _reference(html: str) -> list[str]:
    parser = _Reference()
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_reference_parser_misses_a_script_browsers_run():
    # html.parser ends a script only at `</script>`, browsers at `</script/>` too: the
    # old step left that script unhashed, so the policy would have blocked it.
    assert _reference(AWKWARD) == inline_scripts(AWKWARD)[:-1]


@both_builders
def test_the_scanner_finds_what_an_html_parser_finds_on_every_page(site_dir):
    for page in _pages(site_dir):
        html = page.read_text(encoding="utf-8")
        assert inline_scripts(html) == _reference(html), page


TRICKY = [
    "<!-- <script>no()</script> --><script>a()</script>",
    '<p title="<script>no()</script>">x</p><script data-x="a>b">b()</script>',
    "<style>p::after { content: '<script>no()</script>' }</style><SCRIPT>c()</SCRIPT >",
    '<template id="t"><div><script>no()</script></div></template><script>d()</script>',
    '<script>if (a < b && "</p>") e()</script><scripted>x</scripted><templates><script>f()</script>',
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_scanner_finds_what_an_html_parser_finds_in_tricky_markup(html):
    assert inline_scripts(html) == _reference(html)


def test_hashes_match_what_a_browser_computes():
    # Known value: printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert script_hash("a\r\nb") == script_hash("a\nb")


def test_running_the_step_twice_keeps_one_policy(site_dir, tmp_path):
    import shutil

    from govcloud_site.postbuild.csp import apply

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    first = apply(copy)
    assert apply(copy) == first
    assert all(len(META.findall(p.read_text(encoding="utf-8"))) == 1 for p in _pages(copy))


@pytest.fixture(scope="module")
def paths(site_dir) -> list[str]:
    return sitemap_paths(site_dir)


@both_builders
def test_no_violation_through_instant_navigation_search_and_the_estimator(browser, instant_site_url, paths, search_ui):
    site_url = instant_site_url
    page = browser.new_page()
    page.add_init_script(WATCH)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(site_url + "/", wait_until="networkidle")
    page.evaluate("() => { window.__sameDocument = true }")
    for path in [p for p in paths if p != "/"] + ["/"]:
        # A click on a link of the site: Material fetches the page and swaps it in.
        page.evaluate(
            """path => {
            window.__before = document.querySelector('article');
            const a = document.createElement('a'); a.href = path; a.textContent = 'go';
            document.querySelector('.md-content').append(a); a.click(); }""",
            path,
        )
        # The address changes before the new page is in: wait for its article too.
        page.wait_for_function(
            "path => location.pathname === path && document.querySelector('article') !== window.__before", arg=path
        )
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__sameDocument === true"), f"{path}: a full reload, not instant navigation"
        if path.rstrip("/").endswith("estimator"):
            page.wait_for_selector("#gc-estimator[data-ready]")
            page.fill('[data-testid="users-jira"]', "520")
            # The first answer comes once the page code is in (it loads when the form is approached).
            page.wait_for_function(
                "() => { const t = document.querySelector('[data-testid=\"annual-total\"]');"
                " return t !== null && t.textContent.includes('$'); }"
            )
    # Search: its worker loads the index.
    # Material sometimes closes a search opened as the last navigation settles, leaving the
    # box focused (a click then opens nothing): blur it, and open it again.
    for _ in range(3):
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        page.click(search_ui["opener"])
        page.keyboard.press("Control+A")
        page.keyboard.type("tier")
        try:
            page.wait_for_selector(search_ui["result"], timeout=5000)
            break
        except PlaywrightTimeoutError:
            continue
    else:
        pytest.fail("search never showed results")
    seen = violations(page)
    page.close()
    assert seen == []
    assert console == []


@both_builders
def test_the_estimator_works_under_the_policy_when_loaded_directly(browser, site_url):
    page = browser.new_page()
    page.add_init_script(WATCH)
    page.goto(site_url + "/estimator/?jira=520", wait_until="networkidle")
    page.wait_for_selector("#gc-estimator[data-ready]")
    page.wait_for_function("() => document.querySelector('[data-testid=\"annual-total\"]').textContent.includes('$')")
    page.click('[data-testid="mode-change"]')
    page.fill('[data-testid="current-users-jira"]', "480")
    page.fill('[data-testid="days-remaining"]', "120")
    page.wait_for_function("() => document.querySelector('[data-testid=\"due-now-total\"]').textContent.includes('$')")
    assert violations(page) == []
    page.close()


@both_builders
def test_a_script_the_policy_does_not_list_is_blocked(browser, site_url):
    """The policy is in force: an injected inline script does not run and is reported."""
    page = browser.new_page()
    page.add_init_script(WATCH)
    page.goto(site_url + "/", wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("() => window.__ran") is None
    page.close()
