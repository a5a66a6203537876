"""Seeded damage to the real data files, for tests/site/test_damaged_data.py.

Each mutation is a small, plausible editing accident (a deleted or duplicated
line, two numbers swapped, a sign flipped, a value of the wrong type, a file
cut short, bytes that are not UTF-8). Whether the result is still valid data
is not decided here: the test asks `govcloud check`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable

SEED = 20261126

# A number standing alone (not part of a word, a URL or a longer number).
NUMBER = re.compile(rb"(?<![\w.\-])\d[\d_]*(?:\.\d+)?(?![\w.])")
# `key: value` with the value on the same line, in block or flow style.
KEY_VALUE = re.compile(rb"(?:^\s*-?\s*|[{,]\s*)([a-z_]+): *([^,{}\n#]+?)(?=\s*(?:[,}]|#|$))", re.M)
KEY_LINE = re.compile(rb"^\s*(?:- )?[a-z_]+:", re.M)
WRONG_TYPES = [b'"many"', b"[1, 2]", b"{a: 1}", b"true", b"null", b"12.5", b"~", b"-3"]
DAMAGE = [b"\xff", b"\xc3\x28", b"\xe9", b"\x80\x80", b"\xed\xa0\x80"]


@dataclass(frozen=True)
class Mutation:
    file: str  # "products" or "scenarios"
    kind: str
    detail: str
    data: bytes  # the whole damaged file

    @property
    def id(self) -> str:
        return f"{self.file}-{self.kind}-{self.detail}"


def _line_at(text: bytes, pos: int) -> int:
    return text.count(b"\n", 0, pos) + 1


def _lines(text: bytes) -> list[bytes]:
    return text.splitlines(keepends=True)


def _content_lines(lines: list[bytes]) -> list[int]:
    """Indexes of lines that hold data (not blank, not a comment)."""
    return [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith(b"#")]


def _numbers(text: bytes) -> list[re.Match]:
    lines_start = [m.start() for m in re.finditer(rb"^", text, re.M)]
    comment = set()
    for start in lines_start:
        end = text.find(b"\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if line.lstrip().startswith(b"#"):
            comment.update(range(start, start + len(line)))
    return [m for m in NUMBER.finditer(text) if m.start() not in comment]


def delete_line(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    lines = _lines(text)
    i = rng.choice(_content_lines(lines))
    return f"L{i + 1}", b"".join(lines[:i] + lines[i + 1 :])


def duplicate_line(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    lines = _lines(text)
    i = rng.choice(_content_lines(lines))
    return f"L{i + 1}", b"".join(lines[: i + 1] + [lines[i]] + lines[i + 1 :])


def delete_key(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    """Remove one `key: value` pair (with its value), block or flow style."""
    m = rng.choice(list(KEY_VALUE.finditer(text)))
    line = _line_at(text, m.start(1))
    return f"L{line}-{m.group(1).decode()}", text[: m.start(1)] + text[m.end(2) :].lstrip(b",")


def duplicate_key(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    """Write a `key: value` pair twice in the same mapping."""
    m = rng.choice(
        [
            m
            for m in KEY_VALUE.finditer(text)
            if b"{" in text[m.start() : m.start(1)] or text.rfind(b"{", 0, m.start(1)) > text.rfind(b"}", 0, m.start(1))
        ]
    )
    pair = text[m.start(1) : m.end(2)]
    line = _line_at(text, m.start(1))
    return f"L{line}-{m.group(1).decode()}", text[: m.end(2)] + b", " + pair + text[m.end(2) :]


def swap_numbers(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    numbers = _numbers(text)
    while True:
        a, b = sorted(rng.sample(numbers, 2), key=lambda m: m.start())
        if a.group() != b.group():
            break
    out = text[: a.start()] + b.group() + text[a.end() : b.start()] + a.group() + text[b.end() :]
    return f"L{_line_at(text, a.start())}-L{_line_at(text, b.start())}", out


def negate_number(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    m = rng.choice(_numbers(text))
    return f"L{_line_at(text, m.start())}", text[: m.start()] + b"-" + text[m.start() :]


def change_type(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    m = rng.choice(list(KEY_VALUE.finditer(text)))
    value = rng.choice([v for v in WRONG_TYPES if v != m.group(2)])
    line = _line_at(text, m.start(1))
    return f"L{line}-{m.group(1).decode()}", text[: m.start(2)] + value + text[m.end(2) :]


def truncate(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    cut = rng.randrange(0, len(text) * 9 // 10)
    return f"at{cut}", text[:cut]


def encoding_damage(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    at = rng.randrange(len(text))
    bad = rng.choice(DAMAGE)
    return f"L{_line_at(text, at)}", text[:at] + bad + text[at:]


def latin1_text(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    """The file saved as Latin-1 by an editor, after someone typed an accent."""
    lines = _lines(text)
    i = rng.choice([i for i in _content_lines(lines) if re.search(rb"[A-Za-z]{4}\s*$", lines[i])])
    lines[i] = lines[i].rstrip() + " caf\u00e9\n".encode("latin-1")
    return f"L{i + 1}", b"".join(lines)


def byte_order_mark(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    """A UTF-8 byte order mark, as some Windows editors write: still valid."""
    return "start", b"\xef\xbb\xbf" + text


def comment_out_line(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    lines = _lines(text)
    i = rng.choice(_content_lines(lines))
    indent = len(lines[i]) - len(lines[i].lstrip())
    lines[i] = lines[i][:indent] + b"# " + lines[i][indent:]
    return f"L{i + 1}", b"".join(lines)


KINDS: dict[str, Callable[[bytes, random.Random], tuple[str, bytes]]] = {
    f.__name__: f
    for f in (
        delete_line,
        duplicate_line,
        delete_key,
        duplicate_key,
        swap_numbers,
        negate_number,
        change_type,
        truncate,
        encoding_damage,
        latin1_text,
        byte_order_mark,
        comment_out_line,
    )
}


def mutations(originals: dict[str, bytes], plan: dict[str, dict[str, int]], seed: int = SEED) -> list[Mutation]:
    """`plan[file][kind]` damaged copies of each file, reproducible from the seed."""
    rng = random.Random(seed)
    out: dict[str, Mutation] = {}
    for file, kinds in plan.items():
        text = originals[file]
        for kind, count in kinds.items():
            made = attempts = 0
            while made < count:
                attempts += 1
                assert attempts < 100 * count, f"cannot make {count} distinct {kind} mutations of {file}"
                detail, data = KINDS[kind](text, rng)
                m = Mutation(file, kind, detail, data)
                if data == text or m.id in out or any(o.data == data for o in out.values()):
                    continue
                out[m.id] = m
                made += 1
    return list(out.values())
