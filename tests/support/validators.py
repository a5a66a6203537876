"""The outside validators over a built site: the W3C Nu Html Checker and html-validate, each
run once over every page, their errors read into one shape, and judged against the
allow-list (tests/support/validators-allow.yml) of what the theme's templates still do.

Every finding names its element by the start tag it sits in, as the page's source has it
(`<label class="md-nav__link" ... tabindex="">`), so one allow-list entry reads the same for
either validator. An error the list does not allow fails; so does an entry that allows
nothing any more (the theme fixed it, or our markup that it covered changed)."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "validators"
MODULES = TOOLS / "node_modules"
VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_VALIDATE = MODULES / ".bin" / "html-validate"
HTML_VALIDATE_CONFIG = TOOLS / "htmlvalidate.json"
STYLELINT = MODULES / ".bin" / "stylelint"
STYLELINT_CONFIG = TOOLS / "stylelint.json"
ALLOW_LIST = ROOT / "tests" / "support" / "validators-allow.yml"
VALIDATORS = ("nu", "html-validate")
BUILDERS = ("mkdocs", "zensical")


@dataclass(frozen=True)
class Finding:
    validator: str  # "nu" or "html-validate"
    page: str  # the page's path in the site, "estimator/index.html"
    line: int
    message: str
    rule: str  # html-validate's rule; Nu has none
    element: str  # the start tag the error is in, as the page's source has it

    def __str__(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.page}:{self.line}: {self.validator}{rule}: {self.message} ({self.element})"


@dataclass(frozen=True)
class Allowed:
    """One allow-list entry: which findings it covers, and why they stay."""

    line: int  # where the entry starts in the allow-list, for the stale-entry message
    validator: str
    pages: tuple[str, ...]  # globs over the page's path
    element: re.Pattern[str]  # searched in the finding's start tag
    reason: str
    message: re.Pattern[str] | None = None  # searched in the finding's message
    rule: str | None = None  # html-validate's rule, exactly
    builders: tuple[str, ...] = BUILDERS

    def covers(self, f: Finding, builder: str) -> bool:
        return (
            builder in self.builders
            and f.validator == self.validator
            and (self.rule is None or f.rule == self.rule)
            and (self.message is None or bool(self.message.search(f.message)))
            and any(fnmatch.fnmatchcase(f.page, p) for p in self.pages)
            and bool(self.element.search(f.element))
        )


class _Loader(yaml.SafeLoader):
    """YAML that remembers the line each entry starts on."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict:
    out = loader.construct_mapping(node)
    out["__line__"] = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)

KEYS = {"validator", "pages", "element", "reason", "message", "rule", "builders"}


def load_allow_list(path: Path = ALLOW_LIST) -> list[Allowed]:
    """The entries, or ValueError naming `file:line: field: message` for each bad one."""
    entries, problems = [], []
    for raw in yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []:  # noqa: S506 (a SafeLoader)
        line = raw.pop("__line__")

        def bad(field: str, why: str, line: int = line) -> None:
            problems.append(f"{path.name}:{line}: {field}: {why}")

        for key in sorted(set(raw) - KEYS):
            bad(key, "not a field of an entry")
        if raw.get("validator") not in VALIDATORS:
            bad("validator", f"one of {', '.join(VALIDATORS)}")
        for key in ("pages", "element", "reason"):
            if not str(raw.get(key) or "").strip():
                bad(key, "missing")
        if not raw.get("message") and not raw.get("rule"):
            bad("message", "a message, a rule or both")
        if raw.get("rule") and raw.get("validator") != "html-validate":
            bad("rule", "only html-validate names rules")
        builders = tuple(raw.get("builders") or BUILDERS)
        if set(builders) - set(BUILDERS):
            bad("builders", f"some of {', '.join(BUILDERS)}")
        if problems:
            continue
        entries.append(
            Allowed(
                line=line,
                validator=raw["validator"],
                pages=(raw["pages"],) if isinstance(raw["pages"], str) else tuple(raw["pages"]),
                element=re.compile(raw["element"]),
                reason=raw["reason"],
                message=re.compile(raw["message"]) if raw.get("message") else None,
                rule=raw.get("rule"),
                builders=builders,
            )
        )
    if problems:
        raise ValueError("\n".join(problems))
    return entries


def judge(findings: list[Finding], allowed: list[Allowed], validator: str, builder: str) -> list[str]:
    """One line per error no entry allows, then one per entry (of this validator and builder)
    that allowed nothing: empty when the build passes."""
    mine = [a for a in allowed if a.validator == validator and builder in a.builders]
    used: set[int] = set()
    out = []
    for f in findings:
        hits = [a.line for a in mine if a.covers(f, builder)]
        used.update(hits)
        if not hits:
            out.append(str(f))
    for a in mine:
        if a.line not in used:
            out.append(f"{ALLOW_LIST.name}:{a.line}: allows no {validator} error on the {builder} build any more")
    return out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def start_tag(source: str, offset: int) -> str:
    """The start tag that the character at `offset` is in (or begins)."""
    begin = source.rfind("<", 0, offset + 1)
    end = source.find(">", offset)
    return " ".join(source[begin : end + 1].split()) if begin >= 0 and end >= 0 else ""


def _require(path: Path) -> None:
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run `make validators-deps`")


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise RuntimeError("Java is missing (the Nu checker runs on it): `make validators-deps` installs it")
    return found


def run_nu(site: Path) -> list[Finding]:
    """The Nu checker once over every page: its errors (its warnings and notes are advice)."""
    _require(VNU)
    files = pages(site)
    done = subprocess.run(
        [java(), "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    out = []
    for m in json.loads(done.stdout)["messages"]:
        if m["type"] == "info":
            continue
        path = Path(m["url"].removeprefix("file:"))
        extract, at = m.get("extract", ""), m.get("hiliteStart", 0)
        element = " ".join(extract[at : at + m.get("hiliteLength", 0)].split())
        if not element.startswith("<"):
            element = start_tag(extract, at)
        out.append(Finding("nu", _page(site, path), m.get("lastLine", 0), m["message"], "", element or m["type"]))
    return out


def run_html_validate(site: Path) -> list[Finding]:
    """html-validate once over every page, with the project's rules (tools/validators/htmlvalidate.json)."""
    _require(HTML_VALIDATE)
    # Into a file: Node cuts a long report short when it exits while a pipe is still draining.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as report:
        done = subprocess.run(
            [str(HTML_VALIDATE), "--config", str(HTML_VALIDATE_CONFIG), "--formatter", "json", *map(str, pages(site))],
            stdout=report,
            stderr=subprocess.PIPE,
            text=True,
        )
        if done.returncode not in (0, 1):  # 1: it found errors
            raise RuntimeError(done.stderr)
        report.seek(0)
        results = json.loads(report.read() or "[]")
    out = []
    for result in results:
        path = Path(result["filePath"])
        source = path.read_text(encoding="utf-8")
        for m in result["messages"]:
            if m["severity"] < 2:
                continue
            element = start_tag(source, m["offset"])
            out.append(Finding("html-validate", _page(site, path), m["line"], m["message"], m["ruleId"], element))
    return out


def run_stylelint(files: list[Path]) -> str:
    """stylelint's findings on the project's own CSS, as it prints them; empty when there are none."""
    _require(STYLELINT)
    done = subprocess.run(
        [str(STYLELINT), "--config", str(STYLELINT_CONFIG), "--formatter", "unix", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return "" if done.returncode == 0 else (done.stdout + done.stderr).strip()


def _page(site: Path, path: Path) -> str:
    return path.resolve().relative_to(site.resolve()).as_posix()


RUNNERS = {"nu": run_nu, "html-validate": run_html_validate}
