"""The vocabulary as a gettext template (`locale/messages.pot`), for translators.

Each word is one message: its path in the vocabulary ("bills.title",
"site.estimator.empty") is the context (msgctxt), its English the msgid; a
translation is then looked up by the same pair (`vocabulary.translate_with`).
`extract_vocabulary` is a Babel extraction method, named in babel.cfg, so
`pybabel extract -F babel.cfg src` finds the same messages; `make pot` runs
this module, which writes the template without the date Babel stamps on it, so
that the file changes only when the words do (tests/unit/test_translation.py).

    python -m govcloud.words.pot locale/messages.pot
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from govcloud.words.vocabulary import PLACEHOLDER

ROOT = Path(__file__).resolve().parents[3]
# The trees of words in vocabulary.py, and the first part of their words' paths
# (vocabulary.template reads them so).
TREES = {"WORDS": "", "SITE_WORDS": "site."}
# Babel's default names the year it was written: a template that changes every January.
HEADER = """\
# Translations template for govcloud: every word of src/govcloud/words/vocabulary.py,
# its path there as the context (msgctxt). Written by `make pot`: edit the vocabulary,
# not this file.
#"""


def extract_vocabulary(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel's extraction method for vocabulary.py: (line, "pgettext", (path, English), comments)
    for every word, read from the source (not imported), as Babel reads any file."""
    tree = ast.parse(fileobj.read())
    for node in tree.body:
        value: ast.expr | None
        if isinstance(node, ast.Assign):
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in TREES and isinstance(value, ast.Dict):
            yield from _words(value, TREES[target.id])


def _words(node: ast.Dict, prefix: str) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    for key, value in zip(node.keys, node.values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            raise ValueError(f"line {value.lineno}: a vocabulary key must be a string")
        if isinstance(value, ast.Dict):
            yield from _words(value, f"{prefix}{key.value}.")
        elif isinstance(value, ast.Constant) and isinstance(value.value, str):
            names = PLACEHOLDER.findall(value.value)
            said = ", ".join("{" + n + "}" for n in names)
            comments = [f"{said}: filled in by the site; keep as written."] if names else []
            yield value.lineno, "pgettext", (prefix + key.value, value.value), comments
        else:
            raise ValueError(f"line {value.lineno}: {prefix}{key.value} is not a word (a string) or a group")


def template_text() -> str:
    """locale/messages.pot as it should be: every word of the vocabulary, in the file's order."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    catalog = Catalog(project="govcloud", fuzzy=False, header_comment=HEADER)
    for filename, lineno, message, comments, context in extract_from_dir(ROOT / "src", method_map, options_map):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    out = io.BytesIO()
    # No locations: a word's path (its context) says where it is, and a line moved is nothing to translate.
    write_po(out, catalog, width=100, no_location=True)
    # Nor the time it was written: the file changes only when the words do.
    return "".join(
        line + "\n"
        for line in out.getvalue().decode("utf-8").splitlines()
        if not line.startswith('"POT-Creation-Date:')
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else ROOT / "locale" / "messages.pot")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template_text(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
