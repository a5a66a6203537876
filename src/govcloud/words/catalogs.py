"""Each language's translations, read from its gettext catalog (`locale/<code>/LC_MESSAGES/messages.po`).

The catalog is read as it is committed (Babel's read_po; no compiled .mo in the repository), once
per language and process. A word is looked up by its context and English (msgctxt, msgid), as
`pgettext` does; an entry that is missing, empty or fuzzy gives the English, as gettext does
(`govcloud translations` fails `make check` on each of them).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[3] / "locale"


def po_path(code: str, folder: Path = LOCALE_DIR) -> Path:
    """Where the catalog of language `code` lives."""
    return folder / code / "LC_MESSAGES" / "messages.po"


def read_catalog(path: Path) -> Catalog:
    """A catalog as Babel reads it (fuzzy entries kept, marked)."""
    with open(path, "rb") as f:
        return read_po(f, abort_invalid=True)


@cache
def translations(code: str, folder: Path = LOCALE_DIR) -> dict[tuple[str | None, str], str]:
    """(context, English) -> the translation, for every entry translated and not fuzzy; a language
    with no catalog has none (its words are the English)."""
    path = po_path(code, folder)
    if not path.exists():
        return {}
    out: dict[tuple[str | None, str], str] = {}
    for message in read_catalog(path):
        if message.id and isinstance(message.id, str) and isinstance(message.string, str):
            if message.string and not message.fuzzy:
                out[(message.context, message.id)] = message.string
    return out


def pgettext(code: str, context: str, message: str) -> str:
    """`message` (with its `context`) in language `code`, or as it is when not translated."""
    return translations(code, LOCALE_DIR).get((context, message), message)
