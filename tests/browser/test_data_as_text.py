"""Data can't attack the site: hostile text in every text field of the three data
files is refused by `govcloud check` (file:line: field), and what the check lets
through as text reaches the built pages as text (Chromium: no dialog, no script,
no extra headings, images or links)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from cli_run import ROOT, clean_env, run
from govcloud.calc.worked import load_worked
from govcloud.load.glossary import load_glossary
from govcloud.load.loading import load_catalog
from govcloud.load.yamlsource import load_text
from govcloud.model.names import NAME_LENGTH, WORD_LENGTH
from govcloud.model.problems import InputError, field_path
from harness import BuildFarm, serve, visit

DATA, SCENARIOS, GLOSSARY = (
    ROOT / "data" / "products.yml",
    ROOT / "data" / "scenarios.yml",
    ROOT / "includes" / "glossary.yml",
)

# Every text field of the three files: (file, path to the field, plain or formatted).
FIELDS = [
    ("products", ("products", 0, "name"), "plain"),
    ("products", ("products", 0, "description"), "formatted"),
    ("products", ("contacts", "government", "name"), "plain"),
    ("products", ("contacts", "government", "who"), "plain"),
    ("products", ("contacts", "government", "how"), "formatted"),
    ("products", ("sources", "manage_subscription", "title"), "plain"),
    ("products", ("rules", "instances_free", "title"), "plain"),
    ("products", ("rules", "instances_free", "summary"), "formatted"),
    ("scenarios", (2, "title"), "plain"),
    ("scenarios", (2, "summary"), "formatted"),
    ("glossary", (0, "term"), "plain"),
    ("glossary", (0, "forms", 0), "plain"),
    ("glossary", (0, "text"), "plain"),
]

# Refused in every field.
REFUSED = [
    "Jira <img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "</template><script>alert(1)</script>",
    "<b>bold</b>",
    "<!-- an open comment",
    "[click](javascript:alert(1))",
    "[click](JavaScript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "[click](http://example.org/)",
    "[click](//evil.example/)",
    '[click](https://example.org/"onmouseover="alert)',
    "![pixel](https://example.org/p.png)",
    "<https://example.org/>",
    "Jira\n# An extra heading",
    "Jira\n\n- a list",
    "# An extra heading",
    "- a list item",
    "> a quote",
    '!!! danger "Boom"',
    "1. first",
    "| a | table |",
    "{quote_valid_days:s}",
    "{quote_valid_days:>200000000}",
    "{products.__class__.__mro__}",
    "{0}",
    "{{ 7 * 7 }}",
    "{% include 'mkdocs.yml' %}",
    "back\\slash",
    "a\ttab",
    "line\u2028separator",
]
# Refused where the field is plain; the formatted fields allow them.
REFUSED_IN_PLAIN = ["*emphasis*", "**strong**", "`code`", "[words](https://example.org/a)", "[page](changes.md)"]
# Let through as text (no digits, which rule texts refuse for another reason).
INERT = [
    "javascript:alert(document.domain)",
    "&lt;script&gt;alert(document.cookie)&lt;/script&gt;",
    '" onmouseover="alert(document.domain)" x="',
    "' onfocus='alert(document.domain)' autofocus x='",
    "&lt;img src=x onerror=alert(document.domain)&gt; AT&T ~ tilde, ends with #",
]
INERT_FORMATTED = (
    "*em* **strong** `<script>alert(document.domain)</script>` [words](https://example.org/a) [page](changes.md)"
)


def _files(tmp_path: Path, which: str, loc: tuple, value: str) -> dict[str, Path]:
    """Copies of the three files, with `value` at `loc` in `which`."""
    out = {}
    for name, source in (("products", DATA), ("scenarios", SCENARIOS), ("glossary", GLOSSARY)):
        path = tmp_path / f"{name}.yml"
        if name == which:
            doc = yaml.safe_load(source.read_text(encoding="utf-8"))
            node = doc
            for part in loc[:-1]:
                node = node[part]
            node[loc[-1]] = value
            path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")
        else:
            path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        out[name] = path
    return out


def _problems(files: dict[str, Path]) -> list[str]:
    found = []
    try:
        catalog = load_catalog(files["products"])
    except InputError as exc:
        return [str(p) for p in exc.problems]
    for load in (lambda: load_worked(catalog, files["scenarios"]), lambda: load_glossary(files["glossary"], catalog)):
        try:
            load()
        except InputError as exc:
            found += [str(p) for p in exc.problems]
    return found


def _cases():
    for which, loc, kind in FIELDS:
        for payload in REFUSED + (REFUSED_IN_PLAIN if kind == "plain" else []):
            yield pytest.param(which, loc, payload, id=f"{which}:{field_path(loc)}:{payload[:24]!r}")


@pytest.mark.parametrize("which, loc, payload", list(_cases()))
def test_check_refuses_markup_in_every_text_field(tmp_path, which, loc, payload):
    files = _files(tmp_path, which, loc, payload)
    path = files[which]
    line = load_text(path.read_text(encoding="utf-8"), str(path)).line_of(loc)
    field = field_path(loc)
    problems = _problems(files)
    assert any(p.startswith(f"{path}:{line}: {field}: ") for p in problems), (payload, problems)


def test_the_command_line_refuses_them_too(tmp_path):
    files = _files(tmp_path, "glossary", (0, "text"), "{products.__class__.__mro__}")
    result = run("check", str(files["products"]), "--glossary", str(files["glossary"]), env=clean_env())
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.fullmatch(
        rf"{re.escape(str(files['glossary']))}:\d+: \[0\]\.text: \{{products\.__class__\.__mro__\}}: "
        r"a placeholder is a bare name, without format specs or attribute access; use .*\n",
        result.stderr,
    ), result.stderr


# A product's name is held by the names rule too (words of at most 16 characters, 60 in all):
# there, what the check lets through is the payload cut to fit (the other fields carry it whole).
NAMED = {("products", ("products", 0, "name"))}


def fit_name(text: str) -> str:
    words = re.sub(rf"(\S{{{WORD_LENGTH}}})(?=\S)", r"\1 ", text)
    return words[:NAME_LENGTH].rstrip()


@pytest.mark.parametrize("which, loc, kind", FIELDS, ids=[f"{w}:{field_path(loc)}" for w, loc, _ in FIELDS])
def test_check_lets_plain_words_through(tmp_path, which, loc, kind):
    for payload in INERT + ([INERT_FORMATTED] if kind == "formatted" else []):
        value = fit_name(payload) if (which, loc) in NAMED else payload
        assert _problems(_files(tmp_path, which, loc, value)) == [], value


# --- what the check lets through, in the browser ------------------------------------------------

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november".split()


def _hostile_site(farm: BuildFarm, tmp_path: Path, payload: str, formatted: str | None = None) -> Path:
    """The site built with `payload` in every text field (formatted fields: `formatted`, when given)."""
    docs = {}
    for name, source in (("products", DATA), ("scenarios", SCENARIOS), ("glossary", GLOSSARY)):
        docs[name] = yaml.safe_load(source.read_text(encoding="utf-8"))
    for n, (which, loc, kind) in enumerate(FIELDS):
        node = docs[which]
        for part in loc[:-1]:
            node = node[part]
        # A word of its own in front, so that no two names or terms share an anchor.
        text = f"{WORDS[n]} " + (formatted if formatted and kind == "formatted" else payload)
        node[loc[-1]] = fit_name(text) if (which, loc) in NAMED else text
    env = {}
    for name, var in (
        ("products", "GOVCLOUD_DATA"),
        ("scenarios", "GOVCLOUD_SCENARIOS"),
        ("glossary", "GOVCLOUD_GLOSSARY"),
    ):
        path = tmp_path / f"{name}.yml"
        path.write_text(yaml.safe_dump(docs[name], sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")
        env[var] = str(path)
    dest = tmp_path / "site"
    result = farm.build(dest, env=env)
    assert result.returncode == 0, result.stderr
    return dest


SHAPE = """() => ({
    scripts: document.scripts.length,
    headings: document.querySelectorAll('h1,h2,h3,h4,h5,h6').length,
    images: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe,object,embed').length,
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
        .filter(n => n.startsWith('on')).length,
    badLinks: [...document.querySelectorAll('a[href]')].filter(a => !/^(https?:|#|$)/.test(a.href)).length,
    text: document.body.innerText,
})"""


def _shapes(browser, site: Path) -> tuple[dict[str, dict], list[str]]:
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sitemap = (site / "sitemap.xml").read_text()
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)] + ["/404.html"]
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    shapes = {}
    try:
        for path in paths:
            visit(page, base + path)
            page.mouse.move(200, 200)  # hover handlers, if any were written
            page.keyboard.press("Tab")
            shapes[path] = page.evaluate(SHAPE)
    finally:
        page.close()
        server.shutdown()
    return shapes, dialogs


@pytest.fixture(scope="module")
def farm():
    """The hostile sites' builds, each forked from one process that has imported MkDocs once."""
    farm = BuildFarm()
    yield farm
    farm.close()


@pytest.fixture(scope="module")
def baseline(browser, site_dir):
    return _shapes(browser, site_dir)[0]


@pytest.mark.parametrize("number", range(len(INERT) + 1))
def test_text_the_check_lets_through_is_inert_on_every_page(browser, baseline, farm, tmp_path, number):
    payload = INERT[number] if number < len(INERT) else INERT[0]
    formatted = INERT_FORMATTED if number == len(INERT) else None
    shapes, dialogs = _shapes(browser, _hostile_site(farm, tmp_path, payload, formatted))
    assert dialogs == []
    assert set(shapes) == set(baseline)
    for path, shape in shapes.items():
        before = baseline[path]
        for key in ("scripts", "headings", "images", "iframes", "handlers", "badLinks"):
            assert shape[key] == before[key], (path, key, shape[key], before[key])
    # It did reach the pages, as the words themselves.
    shown = "\n".join(s["text"] for s in shapes.values())
    assert "alert(document." in shown
    if formatted:
        assert "<script>alert(document.domain)</script>" in shown
