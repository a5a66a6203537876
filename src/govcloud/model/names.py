"""The rule for a name a reader sees as a heading, a label or a column: a product's name in the
data and an option's name in `govcloud quote`, and the estimator's option names (it receives the
rule in the price book as `option_names` and applies it in options-address.js's `nameProblem`).

A name holds no control, format or bidirectional character (characters.REFUSED), anywhere;
trimmed of the spaces at its ends (characters.trim: the same spaces on both sides), it is one
line of plain words (richtext's "plain") of at most NAME_LENGTH characters with no word (a run
without a space) longer than WORD_LENGTH, and differs from the other names trimmed. The lengths fit the pages on a 375 px
phone: 16 of the widest letter, "W", fill a product's heading on /products/ and the estimator's
columns at that width (tests/browser/test_names_fit.py), and longer names wrap between words."""

from __future__ import annotations

import re
from typing import Any, Iterable

from govcloud.words import characters, richtext
from govcloud.words.vocabulary import word

KEY = "options"
# Side by side, two or three columns stay readable in a terminal and on a page.
FEWEST, MOST = 2, 3
NAME_LENGTH = 60
WORD_LENGTH = 16
_SPACES = re.compile(f"[{characters.SPACE}]+")


def longest_word(name: str) -> int:
    return max((len(w) for w in _SPACES.split(name)), default=0)


def fit_problem(name: str) -> str | None:
    """What makes a name too long for the pages, or None."""
    if len(name) > NAME_LENGTH:
        return word("options.name_long", most=NAME_LENGTH)
    if longest_word(name) > WORD_LENGTH:
        return word("names.word_long", most=WORD_LENGTH)
    return None


def name_problem(name: Any, others: Iterable[str] = ()) -> str | None:
    """What is wrong with an option's name, in the order the estimator checks it; `others`
    are the names before it."""
    if not isinstance(name, str) or not characters.trim(name):
        return word("options.name_missing")
    if characters.refused(name):  # anywhere, the ends too: trimming takes spaces only
        return word("names.control")
    trimmed = characters.trim(name)
    if len(trimmed) > NAME_LENGTH:
        return word("options.name_long", most=NAME_LENGTH)
    if richtext.problems(trimmed, "plain"):
        return word("options.name_plain")
    fit = fit_problem(trimmed)  # a word too long
    if fit:
        return fit
    if trimmed in {characters.trim(o) for o in others}:
        return word("options.name_taken")
    return None


def names() -> dict[str, Any]:
    """The rule for an option's name, for the estimator (the price book's `option_names`): no
    character that `refused` matches, anywhere; trimmed of what `space` matches at its ends (both
    JavaScript patterns for the flag u, a character each), at most `most` characters and no word
    (split at `space`) longer than `word`, no character of `forbidden`, no match of `block_start`
    at the start (a JavaScript-compatible pattern); 2 to 3 options."""
    return {
        "fewest": FEWEST,
        "most_options": MOST,
        "most": NAME_LENGTH,
        "word": WORD_LENGTH,
        "space": characters.SPACE_JS,
        "refused": characters.REFUSED_JS,
        "forbidden": "".join(sorted(richtext.PLAIN_FORBIDDEN)),
        "block_start": richtext.BLOCK_START.pattern,
    }
