"""Each translated page (`docs-ja/<name>.md`) keeps what its English page (`docs/<name>.md`)
holds besides words: the same macro calls, the same link targets, and the same headings in the same
order, each with the English anchor written explicitly (so a link with `#anchor` and the language
switch land on the same section). Anchors are written `{: #anchor }`: `{#` would open a Jinja comment
and fail the page in mkdocs-macros.

Run it on one page to see what differs: `.venv/bin/python tests/unit/test_translated_pages.py products`."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

if __name__ == "__main__":  # run as a script: the support modules that pytest puts on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from harness import ROOT

ENGLISH = ROOT / "docs"
TRANSLATIONS = [ROOT / "docs-ja"]
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LINK = re.compile(r"\]\(((?:\{\{.*?\}\}|[^)\s])+)\)")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$", re.M)
# A heading's attribute list at its end (a macro call may sit inside it).
ATTRIBUTES = re.compile(r"[ \t]+\{:?[ \t]*((?:\{\{.*?\}\}|[^{}\n])*?)[ \t]*\}$")
ANCHOR = re.compile(r"#((?:\{\{.*?\}\}|[^\s{}])+)")


def pairs() -> list[tuple[Path, Path]]:
    return [(ENGLISH / page.name, page) for folder in TRANSLATIONS for page in sorted(folder.glob("*.md"))]


def body(path: Path) -> str:
    """The page without its front matter and code blocks (a code block's words are not its structure)."""
    return FENCE.sub("", FRONT_MATTER.sub("", path.read_text(encoding="utf-8")))


def macros(text: str) -> Counter[str]:
    return Counter(" ".join(call.split()) for call in MACRO.findall(text))


def links(text: str) -> Counter[str]:
    return Counter(LINK.findall(text))


def slug(words: str) -> str:
    """The anchor MkDocs gives a heading (toc's default slugify), with each macro call kept as
    written: it is filled in before the heading is read, in both languages alike."""
    calls = re.findall(r"\{\{.*?\}\}", words)
    out = slugify(re.sub(r"\{\{.*?\}\}", lambda m: f" gcmacro{calls.index(m.group())}gc ", words), "-")
    return re.sub(r"gcmacro(\d+)gc", lambda m: calls[int(m.group(1))], out)


def headings(text: str) -> list[tuple[int, str | None, str]]:
    """Each heading as (level, explicit anchor or None, words)."""
    found = []
    for level, line in HEADING.findall(text):
        attributes = ATTRIBUTES.search(line)
        anchor = ANCHOR.search(attributes.group(1)) if attributes else None
        words = line[: attributes.start()] if attributes else line
        found.append((len(level), anchor.group(1) if anchor else None, words))
    return found


def english_anchors(text: str) -> list[tuple[int, str]]:
    return [(level, anchor or slug(words)) for level, anchor, words in headings(text)]


def problems(english: Path, translated: Path, root: Path = ROOT) -> list[str]:
    """What the translation lost or added, one line each (paths named from `root`)."""
    name = translated.relative_to(root).as_posix()
    if not english.exists():
        return [f"{name}: no English page {english.relative_to(root).as_posix()}"]
    source, ours = body(english), body(translated)
    found = []
    for kind, count in (("macro calls", macros), ("link targets", links)):
        lost, added = count(source) - count(ours), count(ours) - count(source)
        if lost or added:
            found.append(f"{name}: {kind}: missing {sorted(lost.elements())}, extra {sorted(added.elements())}")
    for level, line in HEADING.findall(ours):
        if "{#" in line:
            found.append(f"{name}: heading {level} {line}: write {{: #anchor }}, not {{#anchor}} (a Jinja comment)")
    for level, anchor, words in headings(ours):
        if anchor is None:
            found.append(f"{name}: heading {'#' * level} {words}: no explicit English anchor {{: #... }}")
    expected = english_anchors(source)
    actual = [(level, anchor) for level, anchor, _ in headings(ours)]
    if actual != expected:
        found.append(f"{name}: headings (level, anchor): expected {expected}, found {actual}")
    return found


def test_there_are_translated_pages() -> None:
    assert pairs(), "no page under docs-ja/"


@pytest.mark.parametrize(("english", "translated"), pairs(), ids=lambda path: path.name)
def test_translation_keeps_the_english_structure(english: Path, translated: Path) -> None:
    assert problems(english, translated) == []


def test_slug_matches_what_mkdocs_writes() -> None:
    # Anchors read from the English site's HTML (`make build`).
    assert slug("Can we have two subscriptions for the same product?") == (
        "can-we-have-two-subscriptions-for-the-same-product"
    )
    assert slug("We need more users than the largest tier. What then?") == (
        "we-need-more-users-than-the-largest-tier-what-then"
    )
    assert slug("What happens when we pass {{ fill.max_instances }} instances?") == (
        "what-happens-when-we-pass-{{ fill.max_instances }}-instances"
    )
    assert slug("A user tier, billed annually") == "a-user-tier-billed-annually"


def test_a_lost_macro_link_or_anchor_is_found(tmp_path: Path) -> None:
    english = tmp_path / "en.md"
    english.write_text(
        '---\ndescription: x\n---\n\n# Title\n\n## Price changes\n\n{{ rule("cancel") }} [a](b.md#c)\n',
        encoding="utf-8",
    )
    good = tmp_path / "ja.md"
    good.write_text(
        '# 題 {: #title }\n\n## 料金の変更 {: #price-changes }\n\n{{ rule("cancel") }} [あ](b.md#c)\n',
        encoding="utf-8",
    )
    assert problems(english, good, tmp_path) == []
    bad = tmp_path / "bad.md"
    bad.write_text("# 題 {#title}\n\n## 料金の変更\n\n[あ](b.md)\n", encoding="utf-8")
    found = problems(english, bad, tmp_path)
    assert any("macro calls" in line for line in found)
    assert any("link targets" in line for line in found)
    assert any("no explicit English anchor" in line for line in found)
    assert any("a Jinja comment" in line for line in found)


if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for english, translated in pairs():
        if not wanted or translated.stem in wanted:
            print("\n".join(problems(english, translated)) or f"{translated.relative_to(ROOT)}: ok")
