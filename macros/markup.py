"""The one way the macros write HTML: elements whose every text and attribute value is escaped.

`el("p", "Fish & chips", class_="gc-hint")` is `<p class="gc-hint">Fish &amp; chips</p>`.
What is already markup (an element built here, the words of a data field through
`rich`) is a `Markup` and nests as it is; anything else is text and is escaped,
so no word from the data or the vocabulary can open a tag or end an attribute.
(Not `macros/html.py`: a builder that puts macros/ on the path would shadow the
standard library's `html`.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Union

from govcloud.words.richtext import html_text
from govcloud.words.vocabulary import PLACEHOLDER


class Markup(str):
    """HTML built here: nested as it is, never escaped again."""

    __slots__ = ()


Child = Union[str, int, "Markup", Iterable["Child"], None]
Attr = str | int | float | bool | None

# Elements with no end tag, in HTML and in SVG (which closes them with "/>").
VOID = frozenset({"input", "link", "br", "hr", "img", "meta"})
SVG_EMPTY = frozenset({"line", "circle", "rect", "polygon", "polyline", "path"})
NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")

NL = Markup("\n")


_SPECIAL = re.compile(r"[&<>\"']")


def escape(value: object) -> str:
    """Text or an attribute value as HTML: & < > " ' all escaped."""
    text = str(value)
    return html.escape(text) if _SPECIAL.search(text) else text  # most words have none: skip five replaces


def _child(child: Child) -> str:
    if child is None:
        return ""
    if isinstance(child, Markup):
        return child
    if isinstance(child, str):
        return escape(child)
    if isinstance(child, int):
        return str(child)
    return "".join([_child(c) for c in child])


_NAMES: dict[str, str] = {}  # keyword -> attribute name, each checked once
_TAGS: set[str] = set()


def _name(key: str) -> str:
    """An attribute's name from its keyword: class_ -> class, data_gc -> data-gc."""
    name = _NAMES.get(key)
    if name is None:
        name = key.rstrip("_").replace("_", "-")
        if not NAME.fullmatch(name):
            raise ValueError(f"not an attribute name: {name!r}")
        _NAMES[key] = name
    return name


def attributes(attrs: Mapping[str, Attr]) -> str:
    """` name="value"` for each attribute in order: True is the bare name, None and False none."""
    out = ""
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            out += " " + _name(key)
        elif isinstance(value, (int, float)):  # digits, a sign and a point: nothing to escape
            out += f' {_name(key)}="{value}"'
        else:
            out += f' {_name(key)}="{escape(value)}"'
    return out


def el(tag: str, *children: Child, **attrs: Attr) -> Markup:
    """One element: `attrs` as keywords (`class_`, `data_gc`, `aria_labelledby`), `children` text or Markup."""
    if tag not in _TAGS:
        if not NAME.fullmatch(tag):
            raise ValueError(f"not a tag name: {tag!r}")
        _TAGS.add(tag)
    start = f"<{tag}{attributes(attrs)}" if attrs else "<" + tag
    inner = "".join([_child(c) for c in children]) if children else ""
    if tag in VOID:
        assert not inner, tag
        return Markup(start + ">")
    if tag in SVG_EMPTY and not inner:
        return Markup(start + "/>")
    return Markup(f"{start}>{inner}</{tag}>")


def concat(*children: Child) -> Markup:
    """Several pieces of markup (and text, escaped) as one."""
    return Markup(_child(children))


def lines(items: Iterable[Child]) -> Markup:
    """Pieces one a line, as a table's rows are written."""
    return Markup("\n".join(_child(i) for i in items))


def fill(template: str, **values: Child) -> Markup:
    """A sentence of the vocabulary with markup in it: its words escaped, each `{name}` replaced by a
    value (Markup as it is, text escaped). A missing value is an error, as `vocabulary.fill` makes it."""
    out, at = [], 0
    for m in PLACEHOLDER.finditer(template):
        if m[1] not in values:
            raise KeyError(f"template {template!r} needs {m[1]!r}")
        out += [escape(template[at : m.start()]), _child(values[m[1]])]
        at = m.end()
    out.append(escape(template[at:]))
    return Markup("".join(out))


def rich(text: str, values: Mapping[str, str] | None = None) -> Markup:
    """A formatted field of the data as HTML: richtext re-emits its subset and escapes the rest."""
    return Markup(html_text(text, values))
