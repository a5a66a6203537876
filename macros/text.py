"""Small helpers that turn numbers and names into the words pages show."""

from __future__ import annotations

from govcloud.words.richtext import anchor


def join(words: list[str]) -> str:
    """'A, B and C'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def count(n: int) -> str:
    """A whole number as readers expect it: '1,000'."""
    return f"{n:,}"


def slug(text: str) -> str:
    """An anchor for a heading or a glossary entry: 'User tier' -> 'user-tier' (govcloud checks them)."""
    return anchor(text)
