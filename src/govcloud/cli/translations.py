"""`govcloud translations`: what the Japanese site needs from a translator, and whether it is current.

A translated page (docs-ja/<name>.md) records in its front matter the sha256 of the bytes of the
English page it translates (`english_sha256`); the catalog (locale/ja/LC_MESSAGES/messages.po)
holds a translation for every message of the template; the term list (locale/ja/terms.yml)
names the variants a term must not be written as. One line per problem:

- a Japanese page missing, or whose English page changed since it was translated (stale);
- a catalog entry missing, fuzzy, of an English that changed since, or whose placeholders
  ({name}) differ from the English's;
- an `avoid` variant of a term on a Japanese page or in the catalog.

`make check` runs it (exit 1 on any problem). `--report` lists the same for a translator, with
the git command that shows what changed in each stale page's English; `--stamp PAGE` records
the English page's current hash in PAGE once its translation is brought up to date.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from govcloud.load.datafiles import PROJECT
from govcloud.words import catalogs, pot, richtext
from govcloud.words.vocabulary import PLACEHOLDER

CODE = "ja"
# What the data's prose may hold, by its context (as govcloud check holds the English to it):
# one line of plain words, or a paragraph with the documented formatting. (A number the data
# holds cannot be written as digits instead of its placeholder: the placeholders must be the
# English's; Japanese counters such as 1つ are no such number.)
PROSE_KINDS: tuple[tuple[re.Pattern, richtext.Kind], ...] = (
    (re.compile(r"data:(rules\.\w+\.summary|contacts\.\w+\.how|products\.\w+\.description)$"), "formatted"),
    (re.compile(r"scenarios:[^.]+\.summary$"), "formatted"),
    (re.compile(r"(data|glossary|scenarios):"), "plain"),
)
STAMP = "english_sha256"
# The front matter at the start of a page: `---`, YAML, `---`.
_FRONT = re.compile(r"\A---\r?\n(.*?\r?\n)?---\r?\n", re.S)


@dataclass(frozen=True)
class Folders:
    """Where the pages, the catalogs and the term list are (parameters, so tests use their own)."""

    english: Path = PROJECT / "docs"
    translated: Path = PROJECT / f"docs-{CODE}"
    locale: Path = PROJECT / "locale"

    @property
    def terms(self) -> Path:
        return self.locale / CODE / "terms.yml"

    @property
    def po(self) -> Path:
        return catalogs.po_path(CODE, self.locale)


@dataclass
class Found:
    problems: list[str] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)  # a stale page -> how to see what changed
    pages: int = 0
    messages: int = 0
    terms: int = 0


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def front_matter(text: str) -> dict:
    match = _FRONT.match(text)
    if not match or not match.group(1):
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}


def check_pages(folders: Folders, found: Found) -> None:
    for english in sorted(folders.english.rglob("*.md")):
        name = english.relative_to(folders.english)
        page = folders.translated / name
        found.pages += 1
        if not page.exists():
            found.problems.append(f"{shown(page)}: missing: no translation of {shown(english)}")
            continue
        stamped = front_matter(page.read_text(encoding="utf-8")).get(STAMP)
        if stamped != sha256(english):
            said = "has no english_sha256" if stamped is None else "is stale"
            found.problems.append(
                f"{shown(page)}: {said}: {shown(english)} changed since it was translated; update the translation, "
                f"then `govcloud translations --stamp {shown(page)}`"
            )
            found.hints[shown(page)] = _what_changed(english, stamped)
    if folders.translated.is_dir():
        for page in sorted(folders.translated.rglob("*.md")):
            if not (folders.english / page.relative_to(folders.translated)).exists():
                found.problems.append(
                    f"{shown(page)}: translates no page: {shown(folders.english)} has none of its name"
                )


def _what_changed(english: Path, stamped: object) -> str:
    """The git command that shows the English's changes since the version the translation's hash
    names, when git still has it; else the page's history."""
    log = ["git", "log", "--format=%H", "-n", "200", "--", english.name]
    try:
        commits = subprocess.run(log, cwd=english.parent, capture_output=True, text=True, timeout=30).stdout.split()
        for commit in commits:
            shown_file = subprocess.run(
                ["git", "show", f"{commit}:./{english.name}"], cwd=english.parent, capture_output=True, timeout=30
            )
            if shown_file.returncode == 0 and hashlib.sha256(shown_file.stdout).hexdigest() == stamped:
                return f"git diff {commit[:12]} -- {shown(english)}"
    except (OSError, subprocess.SubprocessError):
        pass
    return f"git log -p -- {shown(english)}"


def check_catalog(template: Catalog, folders: Folders, found: Found) -> None:
    po = shown(folders.po)
    if not folders.po.exists():
        found.problems.append(f"{po}: missing: run `make pot`, then translate it")
        return
    catalog = catalogs.read_catalog(folders.po)
    by_context = {m.context: m for m in catalog if m.id}
    for message in template:
        if not message.id:
            continue
        found.messages += 1
        entry = catalog.get(message.id, context=message.context)
        # An entry's problem names the line of its msgid; a missing one has no line to name.
        where = f"{po}:{entry.lineno}: {message.context}" if entry is not None else f"{po}: {message.context}"
        if entry is None:
            old = by_context.get(message.context)
            if old is not None and old.string:
                found.problems.append(f"{where}: its English changed since it was translated: run `make pot`")
            else:
                found.problems.append(f"{where}: missing: no translation of {message.id!r}")
        elif not entry.string:
            found.problems.append(f"{where}: missing: no translation of {message.id!r}")
        elif entry.fuzzy:
            found.problems.append(f"{where}: fuzzy: its English changed since it was translated; check it")
        elif Counter(PLACEHOLDER.findall(str(entry.string))) != Counter(PLACEHOLDER.findall(str(message.id))):
            english = ", ".join("{" + n + "}" for n in PLACEHOLDER.findall(str(message.id))) or "none"
            said = ", ".join("{" + n + "}" for n in PLACEHOLDER.findall(str(entry.string))) or "none"
            found.problems.append(f"{where}: placeholders {said} differ from the English's {english}")
        else:
            found.problems += [f"{where}: {p}" for p in prose_problems(str(message.context), str(entry.string))]


def prose_problems(context: str, text: str) -> list[str]:
    """What a translation of the data's prose holds that the data may not (markup, unsafe links,
    line breaks)."""
    kind = next((k for pattern, k in PROSE_KINDS if pattern.match(context)), None)
    if kind is None:
        return []
    return richtext.problems(text, kind, PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Term:
    en: str
    ja: str
    avoid: tuple[str, ...]

    def variants_in(self, text: str) -> list[str]:
        """The avoid variants written in `text`, once the term's own forms are set aside (サブスク
        inside サブスクリプション is the term, not the variant)."""
        for form in sorted(re.findall(r"[^\s()（）]+", self.ja), key=len, reverse=True):
            text = text.replace(form, "\0")
        return [v for v in self.avoid if v in text]


def load_terms(path: Path) -> list[Term]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Term(str(e["en"]), str(e["ja"]), tuple(str(v) for v in e.get("avoid") or [])) for e in entries]


def check_terms(folders: Folders, found: Found) -> None:
    if not folders.terms.exists():
        found.problems.append(f"{shown(folders.terms)}: missing: the term list")
        return
    terms = load_terms(folders.terms)
    found.terms = len(terms)

    def said(where: str, text: str) -> None:
        for term in terms:
            for variant in term.variants_in(text):
                found.problems.append(f"{where}: {variant!r} is written; the term list says {term.ja} ({term.en})")

    if folders.translated.is_dir():
        for page in sorted(folders.translated.rglob("*.md")):
            for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
                said(f"{shown(page)}:{n}", line)
    if folders.po.exists():
        for message in catalogs.read_catalog(folders.po):
            if message.id and message.string:
                said(f"{shown(folders.po)}: {message.context}", str(message.string))


def check(folders: Folders, template: Catalog | None = None) -> Found:
    found = Found()
    check_pages(folders, found)
    check_catalog(template if template is not None else pot.template(), folders, found)
    check_terms(folders, found)
    return found


def stamp(page: Path, folders: Folders) -> str:
    """Record in `page` (a Japanese page) the sha256 of the English page it translates."""
    page = page if page.is_absolute() or page.exists() else folders.translated / page
    try:
        name = page.resolve().relative_to(folders.translated.resolve())
    except ValueError:
        raise ValueError(f"{page}: not a page of {shown(folders.translated)}") from None
    english = folders.english / name
    if not english.exists():
        raise ValueError(f"{shown(page)}: translates no page: {shown(english)} does not exist")
    text = page.read_text(encoding="utf-8")
    line = f"{STAMP}: {sha256(english)}"
    match = _FRONT.match(text)
    if match is None:
        text = f"---\n{line}\n---\n\n{text}"
    elif re.search(rf"(?m)^{STAMP}:.*$", match.group(0)):
        text = re.sub(rf"(?m)^{STAMP}:.*$", line, match.group(0), count=1) + text[match.end() :]
    else:
        text = f"---\n{line}\n" + text[4:]
    page.write_text(text, encoding="utf-8")
    return f"stamped {shown(page)}: {line}"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", action="store_true", help="list what needs a translator (exit 0)")
    parser.add_argument("--stamp", metavar="PAGE", help="record in PAGE the hash of the English page it translates")
    parser.add_argument("--english", metavar="DIR", type=Path, default=Folders.english, help="default: docs/")
    parser.add_argument("--translated", metavar="DIR", type=Path, default=Folders.translated, help="default: docs-ja/")
    parser.add_argument("--locale", metavar="DIR", type=Path, default=Folders.locale, help="default: locale/")


def run(args: argparse.Namespace) -> int:
    folders = Folders(args.english, args.translated, args.locale)
    if args.stamp:
        print(stamp(Path(args.stamp), folders))
        return 0
    found = check(folders)
    if args.report:
        print(f"Japanese translations: {found.pages} pages, {found.messages} catalog messages, {found.terms} terms")
        print(f"{len(found.problems)} to do" + (":" if found.problems else "."))
        for problem in found.problems:
            print(f"- {problem}")
            page = problem.split(":", 1)[0]
            if page in found.hints:
                print(f"  what changed in the English: {found.hints[page]}")
        return 0
    # Bad data, as `govcloud check` reports it: one line a problem on stderr, exit 2.
    for problem in found.problems:
        print(problem, file=sys.stderr)
    if found.problems:
        return 2
    print(f"ok: {found.pages} pages, {found.messages} catalog messages, {found.terms} terms")
    return 0
