"""What text the data may hold, and how it reaches a page: always as text.

Two kinds of field (docs/maintainers.md, "Text, keys and placeholders", lists which is which):

- **plain**: one line of words. Names, titles, terms. None of the characters
  that mean something in Markdown or HTML: ``< > [ ] { } * _ ` \\ |``.
- **formatted**: one paragraph that may use a small subset of Markdown:
  ``*emphasis*``, ``**strong**``, `` `code` `` and ``[words](target)`` where the
  target is an ``https://`` address or a page of this site (``changes.md``,
  ``changes.md#cancel``, ``#cancel``). Nothing else: no raw HTML, no other
  link schemes, no block syntax (headings, lists, quotes, admonitions).

Either kind may hold ``{name}`` placeholders where its field documents them:
a bare name, never a format spec (``{days:>9}``) or attribute access.

`problems` says what is wrong, for `govcloud check`. The site never passes
data text through as Markdown: `markdown` and `html` re-emit the parsed
tokens, escaping every character of the words, so what the check lets
through can only ever read as text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Literal, Mapping

from govcloud.words import characters

Kind = Literal["plain", "formatted"]

PLAIN_FORBIDDEN = set("<>[]{}*_`\\|")
# In formatted fields `_` is an ordinary character (escaped on output); the rest only as the subset uses them.
FORMATTED_FORBIDDEN = set("<>[]{}*`\\|")
SAFE_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9\-._~%!$&*+,;=:@/?#]*)?")
SITE_PAGE = re.compile(r"(?:(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md)?(?:#[a-z0-9][a-z0-9_-]*)?")
TOKENS = re.compile(
    r"""
    `(?P<code>[^`]+)`
  | \*\*(?P<strong>[^*]+)\*\*
  | \*(?P<em>[^*]+)\*
  | \[(?P<words>[^\[\]]+)\]\((?P<target>\S*?)\)
  | \{(?P<field>[^{}]*)\}
""",
    re.X,
)
NAME = re.compile(r"[a-z][a-z0-9_]*")
# How a line of Markdown opens a block; data text is always inline.
BLOCK_START = re.compile(r"\s|#|>|[-+*=_~:](?:\s|$|[-=_~:]{2})|\d+[.)](?:\s|$)|!!!|\?\?\?|\|")
# Control, format and bidirectional characters: one definition with the names' rule and the estimator.
CONTROL = characters.REFUSED_PATTERN


@dataclass(frozen=True)
class Token:
    kind: Literal["text", "code", "strong", "em", "link", "field"]
    value: str
    target: str = ""
    inner: tuple[Token, ...] = ()


def problems(text: str, kind: Kind, placeholders: Iterable[str] = ()) -> list[str]:
    """Everything wrong with `text` for a field of this kind, in the maintainer's words."""
    return _parse(text, kind, frozenset(placeholders))[1]


def tokens(text: str, kind: Kind = "formatted", placeholders: Iterable[str] = ()) -> tuple[Token, ...]:
    """The parse of text that passed the check (text that did not is read as plain words)."""
    return _parse(text, kind, frozenset(placeholders))[0]


def _parse(text: str, kind: Kind, names: frozenset[str]) -> tuple[tuple[Token, ...], list[str]]:
    found: list[str] = []
    if CONTROL.search(text):
        found.append(
            "must be one line: no line breaks, tabs or control characters (a long text can be folded with >- in YAML)"
        )
    if BLOCK_START.match(text):
        found.append(
            f"must not start with {text[:3].strip() or 'a space'!r}: "
            "that opens a heading, list, quote or other block in Markdown"
        )
    out: list[Token] = []
    at = 0
    for m in TOKENS.finditer(text):
        out += _words(text[at : m.start()], kind, found)
        at = m.end()
        if m["field"] is not None:
            out.append(_field(m["field"], names, found))
        elif kind == "plain":
            found.append(f"{m[0]!r}: this field is plain text, without formatting")
            out.append(Token("text", m[0]))
        elif m["code"] is not None:
            out.append(Token("code", m["code"]))
        elif m["target"] is not None:
            if text[: m.start()].endswith("!"):  # ![words](address): an image, fetched from wherever it points
                found.append("images are not allowed; write a link, without the ! before it")
            if not (SAFE_URL.fullmatch(m["target"]) or (m["target"] and SITE_PAGE.fullmatch(m["target"]))):
                found.append(
                    f"link to {m['target'] or 'nothing'!r}: links may go to an https:// address "
                    "or to a page of this site (name.md, name.md#anchor)"
                )
            out.append(Token("link", m["words"], m["target"], _inner(m["words"], names, found)))
        else:
            kind_: Literal["strong", "em"] = "strong" if m["strong"] is not None else "em"
            words = m[kind_]
            if words != words.strip():
                found.append(f"{m[0]!r}: emphasis must not start or end with a space")
            out.append(Token(kind_, words, inner=_inner(words, names, found)))
    out += _words(text[at:], kind, found)
    return tuple(out), list(dict.fromkeys(found))


def _inner(words: str, names: frozenset[str], found: list[str]) -> tuple[Token, ...]:
    """Words inside emphasis or a link: plain text and placeholders."""
    inner, problems_ = _parse(words, "plain", names)
    found += [p for p in problems_ if "must not start" not in p]
    return inner


def _words(text: str, kind: Kind, found: list[str]) -> list[Token]:
    if not text:
        return []
    bad = sorted(set(text) & (PLAIN_FORBIDDEN if kind == "plain" else FORMATTED_FORBIDDEN))
    if "<" in bad and re.search(r"<[A-Za-z/!?]", text):
        found.append("raw HTML is not allowed; write plain words")
    elif bad:
        what = (
            "plain text"
            if kind == "plain"
            else "text with the formatting *emphasis*, **strong**, `code`, [words](link)"
        )
        found.append(
            f"{' '.join(bad)}: not allowed here ({what}); reword, or put a name in `code` where the field allows it"
        )
    return [Token("text", text)]


def _field(name: str, names: frozenset[str], found: list[str]) -> Token:
    allowed = ", ".join("{" + n + "}" for n in sorted(names))
    if not names:
        found.append(f"{{{name}}}: this field takes no placeholders; write the words out")
    elif not NAME.fullmatch(name):
        found.append(
            f"{{{name}}}: a placeholder is a bare name, without format specs or attribute access; use {allowed}"
        )
    elif name not in names:
        found.append(f"unknown placeholder {{{name}}}; use {allowed}")
    return Token("field", name)


# -- output -------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def escape_markdown(text: str) -> str:
    """Words that read as themselves in Markdown, wherever on a line they go (one line: no blocks)."""
    text = re.sub(r"\s+", " ", str(text))
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A line that starts with '1.' or '-' would open a list; a space before them cannot, '\-' can't.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-=:>])", r"\\\1", text))


def markdown(text: str, values: Mapping[str, str] | None = None, kind: Kind = "formatted") -> str:
    """Data text as Markdown: the subset re-emitted, everything else escaped to read as text."""
    return "".join(_md(t, values or {}) for t in tokens(text, kind, (values or {}).keys()))


def _md(t: Token, values: Mapping[str, str]) -> str:
    inner = "".join(_md(i, values) for i in t.inner)
    if t.kind == "code":  # the parse holds no backtick inside code
        return f"`{t.value}`"
    if t.kind == "strong":
        return f"**{inner}**"
    if t.kind == "em":
        return f"*{inner}*"
    if t.kind == "link":
        return f"[{inner}]({t.target})" if _safe_target(t.target) else inner
    if t.kind == "field":
        return escape_markdown(values.get(t.value, "{" + t.value + "}"))
    return escape_markdown(t.value)


def html_text(text: str, values: Mapping[str, str] | None = None, kind: Kind = "formatted") -> str:
    """Data text as HTML (for raw HTML blocks and the estimator's form)."""
    return "".join(_html(t, values or {}) for t in tokens(text, kind, (values or {}).keys()))


def _html(t: Token, values: Mapping[str, str]) -> str:
    inner = "".join(_html(i, values) for i in t.inner)
    if t.kind == "code":
        return "<code>" + html.escape(t.value) + "</code>"
    if t.kind in ("strong", "em"):
        return f"<{t.kind}>{inner}</{t.kind}>"
    if t.kind == "link":
        # Raw HTML is not rewritten by the builder, so a link to one of the site's pages
        # (written as its Markdown source) keeps its words only; https links stay links.
        if not SAFE_URL.fullmatch(t.target):
            return inner
        return f'<a href="{html.escape(t.target)}">{inner}</a>'
    if t.kind == "field":
        return html.escape(values.get(t.value, "{" + t.value + "}"))
    return html.escape(t.value)


def plain(text: str, values: Mapping[str, str] | None = None, kind: Kind = "formatted") -> str:
    """Data text as words only, for tooltips and the command line."""

    def words(t: Token) -> str:
        if t.kind == "field":
            return (values or {}).get(t.value, "{" + t.value + "}")
        return "".join(map(words, t.inner)) if t.inner else t.value

    return " ".join("".join(map(words, tokens(text, kind, (values or {}).keys()))).split())


def anchor(text: str) -> str:
    """The id of a heading or a glossary entry: 'User tier' -> 'user-tier', 'ユーザー ティア' ->
    'ユーザー-ティア'. Letters (with their marks) and digits of any script, lower-cased; whatever
    else runs between them, one hyphen."""
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in text.lower())
    return "-".join(kept.split())


def fill(template: str, values: Mapping[str, str]) -> str:
    """`{name}` placeholders replaced by their values; never str.format, which reads attributes and specs."""
    return TOKENS.sub(lambda m: str(values.get(m["field"], m[0])) if m["field"] is not None else m[0], template)


def _safe_target(target: str) -> bool:
    return bool(SAFE_URL.fullmatch(target) or (target and SITE_PAGE.fullmatch(target)))
