"""Small helpers that turn numbers and names into the words pages show (CLDR's rules: govcloud.words.cldr)."""

from __future__ import annotations

from govcloud.words import cldr
from govcloud.words.richtext import anchor


def join(words: list[str]) -> str:
    """'A, B and C'."""
    return cldr.join(words)


def count(n: int) -> str:
    """A whole number as readers expect it: '1,000'."""
    return cldr.count(n)


def slug(text: str) -> str:
    """An anchor for a heading or a glossary entry: 'User tier' -> 'user-tier' (govcloud checks them)."""
    return anchor(text)
