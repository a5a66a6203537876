"""What the project's documents name exists: every path and dotted Python name that the README,
CONTRIBUTING.md and the pages under docs/ cite in backticks or link to, and no tracked file
names a document kept outside the repository.

Run it on one file to see what it finds: `.venv/bin/python tests/unit/test_doc_references.py README.md`."""

from __future__ import annotations

import fnmatch
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script: the support modules that pytest puts on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from harness import ROOT

DOCUMENTS = [
    "README.md",
    "CONTRIBUTING.md",
    *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")),
]
# The project's own packages: a dotted name that starts with one of them must import.
PACKAGES = ("govcloud", "govcloud_site", "macros", "bench")
EXTENSIONS = ("md", "py", "yml", "yaml", "json", "lock", "in", "js", "mjs", "css", "toml", "html", "cfg", "txt")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
SPAN = re.compile(r"(`+)(.+?)\1", re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)")
DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+")
BARE_FILE = re.compile(rf"[\w.-]+\.(?:{'|'.join(EXTENSIONS)})")
# Where a path's own words end: a line number, an anchor, a query or a closing mark.
TAIL = re.compile(r"[:#?)\],;]+.*$")


def tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [name for name in out.decode().split("\0") if name]


def ignored_patterns() -> list[str]:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().strip("/") for line in lines if line.strip() and not line.startswith("#")]


def cited(text: str) -> list[tuple[str, str]]:
    """Each link target and each word of an inline code span, in order, code blocks left out."""
    prose = FENCE.sub("", text)
    found = []
    for match in re.finditer(f"{SPAN.pattern}|{LINK.pattern}", prose, re.S):
        if match.group(3) is not None:
            found.append(("link", match.group(3)))
        else:
            found += [("code", word) for word in match.group(2).split()]
    return found


def missing(text: str, here: Path = ROOT) -> list[str]:
    """What `text` (a document in the folder `here`) cites that is not there."""
    names = {Path(f).name for f in tracked()}
    ignored = ignored_patterns()
    wrong = []
    for kind, word in cited(text):
        if kind == "link":
            # A link is followed from the document's own folder, as the site and GitHub do.
            path = word.split("#", 1)[0]
            if "://" not in word and not word.startswith("mailto:") and path and not (here / path).exists():
                wrong.append(word)
            continue
        if (
            "://" in word
            or word.startswith(("<", "{", "-", "$", "#", "*", "/", "~"))
            or any(c in word for c in "<{=\"'")
        ):
            continue
        word = TAIL.sub("", word.strip("\"'“”").rstrip(".,;:"))
        if not word:
            continue
        if "/" in word:
            parts = Path(word).parts
            generated = any(
                fnmatch.fnmatch("/".join(parts[: i + 1]), pattern) for pattern in ignored for i in range(len(parts))
            )
            there = any((base / word).exists() or list(base.glob(word)) for base in (ROOT, here))
            if not (there or generated):
                wrong.append(word)
        elif BARE_FILE.fullmatch(word):
            # A file named alone: beside the document, at the top, or anywhere in the repository.
            there = (here / word).exists() or (ROOT / word).exists()
            if not (there or word in names or any(fnmatch.fnmatch(n, word) for n in names)):
                wrong.append(word)
        elif DOTTED.fullmatch(word) and word.split(".")[0] in PACKAGES:
            if not python_name_exists(word):
                wrong.append(word)
    return wrong


def python_name_exists(dotted: str) -> bool:
    """`a.b.c.NAME`: the longest importable module, then attributes for the rest."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def missing_from(document: str) -> list[str]:
    path = ROOT / document
    return missing(path.read_text(encoding="utf-8"), path.parent)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_path_and_python_name_a_document_cites_exists(document):
    assert missing_from(document) == [], f"{document} cites what does not exist"


def test_the_check_finds_a_stale_path_and_a_stale_python_name():
    text = (
        "See `src/govcloud/nowhere.py`, `govcloud.render.tables.NO_SUCH_LABELS`, `vanished.py` and "
        "[a page](gone.md); `data/products.yml:12`, `site/index.html`, [changes](changes.md#cancel) and "
        "`govcloud.words.vocabulary.WORDS` are there.\n\n```sh\nnot/checked/in/a/block.py\n```\n"
    )
    found = missing(text, ROOT / "docs")
    assert found == ["src/govcloud/nowhere.py", "govcloud.render.tables.NO_SUCH_LABELS", "vanished.py", "gone.md"]


# The documents that once held the project's facts and contracts lived outside the
# repository; their content is now docs/sources.md and docs/formats.md.
OUTSIDE = re.compile(r"FACTS\.md|CONTRACTS\.md|\.\./shared")


def test_no_tracked_file_names_a_document_outside_the_repository():
    named = []
    for name in tracked():
        path = ROOT / name
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        named += [f"{name}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}" for m in OUTSIDE.finditer(text)]
    assert named == []


if __name__ == "__main__":
    for document in sys.argv[1:] or DOCUMENTS:
        print(document, missing_from(document))
