"""The vocabulary as a gettext template (`locale/messages.pot`), for translators.

Each word is one message: its path in the vocabulary ("bills.title",
"site.estimator.empty") is the context (msgctxt), its English the msgid; a
translation is then looked up by the same pair (`vocabulary.translate_with`).
`extract_vocabulary` is a Babel extraction method, named in babel.cfg, so
`pybabel extract -F babel.cfg src` finds the same messages; `make pot` runs
this module, which writes the template without the date Babel stamps on it, so
that the file changes only when the words do (tests/unit/test_translation.py).

It then brings each other language's catalog (locale/<code>/LC_MESSAGES/messages.po)
up to the template, as `pybabel update` (or msginit, for a language with none yet)
would: a new word comes in untranslated, a changed one keeps its old translation
marked fuzzy (with the English it translated, `#| msgid`), a word gone is dropped.

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
from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from govcloud.words import catalogs, language
from govcloud.words.vocabulary import PLACEHOLDER, SETTINGS

ROOT = Path(__file__).resolve().parents[3]
# The trees of words in vocabulary.py, and the first part of their words' paths
# (vocabulary.template reads them so).
TREES = {"WORDS": "", "SITE_WORDS": "site.", "CLI_WORDS": "cli."}
# Babel's default names the year it was written: a template that changes every January.
HEADER = """\
# Translations template for govcloud: every word of src/govcloud/words/vocabulary.py, its
# path there as the context (msgctxt), then the prose of the data, the glossary, the worked
# scenarios and the data's schema, its record as the context ("data:rules.cancel.summary").
# Written by `make pot`: edit the vocabulary or the data, not this file.
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
            if prefix + key.value in SETTINGS:  # not a word: the language gives it
                continue
            names = PLACEHOLDER.findall(value.value)
            said = ", ".join("{" + n + "}" for n in names)
            comments = [f"{said}: filled in by the site; keep as written."] if names else []
            yield value.lineno, "pgettext", (prefix + key.value, value.value), comments
        else:
            raise ValueError(f"line {value.lineno}: {prefix}{key.value} is not a word (a string) or a group")


def template() -> Catalog:
    """Every message of the files babel.cfg names, each file in its order, as a catalog: the
    vocabulary's words, then the data's prose (by their extraction methods)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    catalog = Catalog(project="govcloud", fuzzy=False, header_comment=HEADER)
    for path, method in method_map:
        for lineno, message, comments, context in extract_from_file(method, ROOT / path, options=options_map[path]):
            catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def _text(catalog: Catalog) -> str:
    out = io.BytesIO()
    # No locations: a word's path (its context) says where it is, and a line moved is nothing to translate.
    write_po(out, catalog, width=100, no_location=True, ignore_obsolete=True, include_previous=True)
    # Nor the time it was written: the file changes only when the words do.
    return "".join(
        line + "\n"
        for line in out.getvalue().decode("utf-8").splitlines()
        if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:'))
    )


def template_text() -> str:
    """locale/messages.pot as it should be."""
    return _text(template())


def catalog_text(code: str, folder: Path = catalogs.LOCALE_DIR) -> str:
    """Language `code`'s catalog brought up to the template: its translations kept, new words
    added untranslated, changed ones marked fuzzy."""
    path = catalogs.po_path(code, folder)
    if path.exists():
        catalog = catalogs.read_catalog(path)
    else:
        header = f"# {language.get(code).tag} translations of govcloud's words (locale/messages.pot).\n#"
        catalog = Catalog(locale=code, project="govcloud", fuzzy=False, header_comment=header)
    # A word's context is its path, which stays when its English changes: its old translation is
    # matched by the path and kept fuzzy (Babel's own matching, by likeness of the English, would
    # miss a rewritten sentence and could pair words of different paths).
    before = {m.context: m for m in catalog if m.id and m.string}
    catalog.update(template(), no_fuzzy_matching=True, update_creation_date=False)
    for message in catalog:
        old = before.get(message.context)
        if message.id and not message.string and old is not None:
            message.string = old.string
            message.flags.add("fuzzy")
            message.previous_id = [old.id] if isinstance(old.id, str) else list(old.id)
    return _text(catalog)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else ROOT / "locale" / "messages.pot")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template_text(), encoding="utf-8")
    print(f"wrote {path}")
    for code in language.LANGUAGES:
        if code != language.ENGLISH.code:
            po = catalogs.po_path(code, path.parent)
            text = catalog_text(code, path.parent)
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(text, encoding="utf-8")
            print(f"wrote {po}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
