"""The language every word, figure, date and list is written in, for a whole process or a block.

    language.use("ja")            # from here on (one site build, one command)
    with language.use("ja"):      # only inside the block; the language before comes back after
        ...

English is the language the vocabulary and the data are written in; another language's words come
from its gettext catalog (govcloud.words.catalogs), read through `vocabulary.template`, and its
numbers, dates and lists from CLDR's rules for its locale (govcloud.words.cldr). One language at a
time for the whole process (not per thread): a build or a command speaks one language.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType


@dataclass(frozen=True)
class Language:
    code: str  # as MkDocs' theme.language and `--lang` name it: "ja"
    locale: str  # CLDR's (Babel's) name of the locale its figures and dates follow: "ja_JP"
    tag: str  # BCP 47, for Intl in the estimator and <html lang>: "ja-JP"


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "en_US", "en-US"),
    "ja": Language("ja", "ja_JP", "ja-JP"),
}
ENGLISH = LANGUAGES["en"]  # the language the vocabulary and the data are written in

_current: Language = ENGLISH


def current() -> Language:
    """The language words are written in now."""
    return _current


def get(code: str) -> Language:
    """The language `code` names ("en", "ja"); a ValueError naming the known ones for another."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r}; use one of: {', '.join(LANGUAGES)}") from None


def locale(code: str | None = None) -> str:
    """The CLDR locale of a language (default: the current one): "ja" -> "ja_JP"."""
    return (get(code) if code is not None else _current).locale


class use:
    """Speak `code` from now on; as a context manager, only until the block ends."""

    def __init__(self, code: str) -> None:
        global _current
        self.language = get(code)
        self._before = _current
        _current = self.language

    def __enter__(self) -> Language:
        return self.language

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        global _current
        _current = self._before
