"""What the macros' source holds as string literals: the scans behind tests/unit/test_macro_source.py.

A literal is every string constant, and every constant part of an f-string, outside
docstrings and outside a `raise` (a build error is for maintainers, as a log line is).
Comments are not in the syntax tree at all."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

MACROS = Path(__file__).resolve().parents[2] / "macros"
# The one module that writes tags (macros/markup.py).
HELPER = "markup.py"

# An HTML tag, end tag or comment opening: `<td`, `</p`, `<!--`; not a regular
# expression's named group `(?P<name>` or lookbehind `(?<!`.
TAG = re.compile(r"(?<!\?P)(?<!\(\?)<[A-Za-z/!]")
# Two words of English side by side: letters, one space, letters. Not parts of names,
# classes, paths or attributes (`md-button gc-option-remove`, `aria-label="x" role`).
WORDS = re.compile(r"(?<![\w\-./#:=@`'\"<{])[A-Za-z][A-Za-z']* [A-Za-z][A-Za-z']*(?![\w\-./:=@`'\"(>}])")


def _docstrings(tree: ast.Module) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each string literal of a module that a reader could see."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            skip |= {id(n) for n in ast.walk(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def modules(folder: Path = MACROS) -> list[Path]:
    return sorted(folder.glob("*.py"))


def markup_literals(folder: Path = MACROS) -> list[str]:
    """`file:line: text` of each literal outside the helper that writes a tag."""
    return [
        f"{path.name}:{line}: {text!r}"
        for path in modules(folder)
        if path.name != HELPER
        for line, text in literals(path)
        if TAG.search(text)
    ]


def english_literals(folder: Path = MACROS, allowed: frozenset[str] = frozenset()) -> list[str]:
    """`file:line: text` of each literal that holds two words side by side, unless allowed."""
    return [
        f"{path.name}:{line}: {text!r}"
        for path in modules(folder)
        for line, text in literals(path)
        if WORDS.search(text) and text not in allowed
    ]
