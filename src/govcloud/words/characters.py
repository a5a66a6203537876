"""Which characters text may hold, and how a character that may not is shown: one
definition for the data, the command line and the estimator (which receives them
in the price book as patterns, `option_names.refused` and `option_names.space`).

Refused: every control character (Unicode category Cc: C0, DEL and C1, U+0085
included), every format character (Cf: the bidirectional overrides, embeddings,
isolates and marks, zero-width spaces and joiners, the byte order mark, soft
hyphen), line and paragraph separators (Zl, Zp), lone surrogates (Cs) and the
noncharacters (U+FDD0 to U+FDEF and the last two of every plane: U+FFFE, U+FFFF).
They are written out as code point ranges, not asked of the running Python's or
browser's Unicode tables, which differ by version (U+13439 is Cf in Unicode 15, not
in Python 3.11's 14): the same list is checked on both sides, and a test compares it
with Python's tables so an upgrade shows what changed.

A space, where a name is trimmed: the Unicode spaces (category Zs). Python's
`str.strip()` and JavaScript's `trim()` disagree (U+0085, U+001C to U+001F, U+FEFF),
so neither is used for names: both sides trim exactly these.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

REFUSED: tuple[tuple[int, int], ...] = (
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xD800, 0xDFFF),
    (0xFDD0, 0xFDEF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0xFFFE, 0xFFFF),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0x10000, 0xE0000, 0x10000)),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xEFFFE, 0xEFFFF),
    (0xFFFFE, 0xFFFFF),
    (0x10FFFE, 0x10FFFF),
)

SPACE = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _code(cp: int) -> str:
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


# One character class of every refused character (Python's re reads \x, \u and \U escapes).
REFUSED_PATTERN = re.compile("[" + "".join(_code(a) + (f"-{_code(b)}" if b > a else "") for a, b in REFUSED) + "]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _js_class(ranges: Iterable[tuple[int, int]]) -> str:
    return "[" + "".join(f"\\u{{{a:x}}}" + (f"-\\u{{{b:x}}}" if b > a else "") for a, b in ranges) + "]"


# The same two sets as JavaScript patterns (flag u: code points, lone surrogates included), for the price book.
REFUSED_JS = _js_class(REFUSED)
SPACE_JS = _js_class((ord(c), ord(c)) for c in SPACE)


def refused(text: str) -> bool:
    """Whether the text holds a character no text may hold."""
    return REFUSED_PATTERN.search(text) is not None


def trim(text: str) -> str:
    """The text without the spaces (SPACE) at its ends."""
    return text.strip(SPACE)


def shown(text: str) -> str:
    """The text as a terminal or a page may show it: each refused character as its escape
    (a tab as \\t, ESC as \\x1b, U+202E as \\u202e), so nothing in it moves the cursor,
    starts a line, reorders the line or hides; everything else as it is."""
    return REFUSED_PATTERN.sub(lambda m: _NAMED.get(m[0]) or _code(ord(m[0])), text)


def width(text: str) -> int:
    """How many columns a terminal gives `text`: two for a wide or full-width character (Japanese,
    Chinese, Korean), none for a combining mark, one for the rest; a table pads by it."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
