"""The rule for an option's name, one rule for `govcloud quote` and the estimator (which
receives it in the price book as `option_names`)."""

from __future__ import annotations

from typing import Any

from govcloud.words import richtext
from govcloud.words.vocabulary import word

KEY = "options"
# Side by side, two or three columns stay readable in a terminal and on a page.
FEWEST, MOST = 2, 3
NAME_LENGTH = 60


def name_problem(name: Any) -> str | None:
    # The estimator checks a name by the same rule (`names()`, in the price book) and words.
    if not isinstance(name, str) or not name.strip():
        return word("options.name_missing")
    if len(name) > NAME_LENGTH:
        return word("options.name_long", most=NAME_LENGTH)
    return word("options.name_plain") if richtext.problems(name, "plain") else None


def names() -> dict[str, Any]:
    """The rule for an option's name, for the estimator (the price book's `option_names`): at most
    `most` characters, no character of `forbidden`, no match of `block_start` at the start (a
    JavaScript-compatible pattern), no control character (`control`); 2 to 3 options."""
    return {
        "fewest": FEWEST,
        "most_options": MOST,
        "most": NAME_LENGTH,
        "forbidden": "".join(sorted(richtext.PLAIN_FORBIDDEN)),
        "block_start": richtext.BLOCK_START.pattern,
        "control": richtext.CONTROL.pattern,
    }
