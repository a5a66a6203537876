"""Safe YAML loading that remembers where every value came from.

PyYAML's own loaders accept duplicate keys silently, expand aliases without a
bound and know nothing of line numbers once values are built. This module
composes the node graph with the safe loader and builds plain Python values
itself, so that it can refuse what policy data never needs and tell the line
of every field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import islice
from pathlib import Path
from typing import Any, Iterator

import yaml

from govcloud.model.problems import InputError, Problem, field_path

# libyaml's loader and the pure-Python one share no base class in the type stubs.
Loader = Any

# Values that aliases may add by repeating what the file already wrote: a bound
# that stops alias bombs early without limiting a long list written out in full.
MAX_NODES = 100_000
# Policy and scenario files are small: a larger file is refused before it is read
# into memory or composed (the longest real use, 30,000 scenarios, is about 1 MB).
MAX_BYTES = 4_000_000

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
}
_PLAIN_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
# A float as YAML resolves one (underscores already taken out), in ASCII digits only.
_PLAIN_FLOAT = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[-+]?[0-9]+)?$")
# YAML 1.1's words for true and false (kept as text: see _scalar).
YAML11_BOOLS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split())
_TIER_SIZE = re.compile(r"^[1-9][0-9]*$")
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

Lines = dict[tuple, int]


class Document:
    """A loaded document: its value and the 1-based line of every path in it."""

    def __init__(self, name: str, value: Any, lines: Lines):
        self.name = name
        self.value = value
        self.lines = lines

    def line_of(self, loc: tuple) -> int:
        """The line of the nearest enclosing value that the file holds."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)

    def problem(self, loc: tuple, field: str, message: str) -> Problem:
        return Problem(self.name, self.line_of(loc), field, message)


def read_text(path: Path, name: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # never more than the bound: a huge file is not read whole
    except OSError as exc:
        raise InputError([Problem(name, 1, "(file)", f"cannot be read: {exc.strerror}")]) from None
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of a file or of standard input, or the line of the first bad byte."""
    if len(data) > MAX_BYTES:
        raise InputError([_too_big(name)])
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte order mark, as some editors write; JSON refuses it
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            [Problem(name, line, "(file)", f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})")]
        ) from None


def load_file(path: str | Path, name: str | None = None) -> Document:
    path = Path(path)
    name = name or str(path)
    return load_text(read_text(path, name), name)


def load_text(text: str, name: str) -> Document:
    if len(text) > MAX_BYTES:  # checked before anything parses or composes it
        raise InputError([_too_big(name)])
    if name.endswith(".json") or text.lstrip().startswith(("{", "[")) and _is_json(text):
        return _load_json(text, name)
    return _load_yaml(text, name)


def load_stream(text: str, name: str) -> Document | Items:
    """As load_text, but a document whose top level is a list (of scenarios: up to 100,000 in a
    file under the size bound) comes back as its Items, read one at a time when iterated, so
    that what is read does not grow with the list; any other document, whole."""
    if len(text) > MAX_BYTES:
        raise InputError([_too_big(name)])
    if name.endswith(".json") or text.lstrip().startswith(("{", "[")) and _is_json(text):
        _json_syntax(text, name)
    if not text.strip():
        raise InputError([Problem(name, 1, "(file)", "is empty")])
    line = _list_start(text)
    return _load_yaml(text, name) if line is None else Items(text, name, line)


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_check(text: str) -> None:
    """json.loads's verdict on the text (raises as it does), without holding the whole value: a
    top-level array is decoded one element at a time; anything else, or anything amiss, is
    handed to json.loads itself, which then says what is wrong in its own words."""
    decoder = json.JSONDecoder()
    try:
        at = _JSON_SPACE.match(text).end()  # type: ignore[union-attr]
        if text.startswith("[", at):
            at = _JSON_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
            more = not text.startswith("]", at)
            while more:
                _, at = decoder.raw_decode(text, at)
                at = _JSON_SPACE.match(text, at).end()  # type: ignore[union-attr]
                if text.startswith(",", at):
                    at = _JSON_SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
                elif text.startswith("]", at):
                    more = False
                else:
                    raise ValueError(at)
            if _JSON_SPACE.match(text, at + 1).end() == len(text):  # type: ignore[union-attr]
                return
    except (ValueError, RecursionError):
        pass
    json.loads(text)


def _is_json(text: str) -> bool:
    try:
        _json_check(text)
    except ValueError:
        return False
    except RecursionError:  # JSON, but too deep to read: _load_json says so
        return True
    return True


def _json_syntax(text: str, name: str) -> None:
    # JSON carries no line numbers once parsed; YAML is a superset of JSON,
    # so the YAML path gives lines as well, but a JSON syntax error is best
    # told in JSON's own words.
    try:
        _json_check(text)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.lineno, "(file)", f"JSON syntax: {exc.msg}")]) from None
    except RecursionError:
        raise InputError([Problem(name, 1, "(file)", "JSON syntax: values are nested too deeply")]) from None


def _load_json(text: str, name: str) -> Document:
    _json_syntax(text, name)
    return _load_yaml(text, name)


if getattr(yaml, "__with_libyaml__", False):
    from yaml._yaml import CParser

    class _CStream(CParser, yaml.composer.Composer, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml's parser (its events, 15 times faster), with PyYAML's composer: a node at a time."""

        def __init__(self, text: str):
            CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _streamer(text: str) -> Any:
    return _CStream(text) if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader(text)


def _list_start(text: str) -> int | None:
    """The line of the document's list when its top level is a plain list (no tag, no anchor);
    None for anything else, a fault included: the whole-document reader then says what."""
    try:
        loader = _streamer(text)
    except yaml.YAMLError:
        return None
    try:
        loader.get_event()
        if not loader.check_event(yaml.DocumentStartEvent):
            return None
        loader.get_event()
        event = loader.peek_event()
        if isinstance(event, yaml.SequenceStartEvent) and event.anchor is None and event.tag is None:
            return event.start_mark.line + 1 if event.start_mark else 1
        return None
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class Item:
    """One item of a top-level list: its value and lines (paths inside the item, its own line
    at ()), and what the reader refused in it (tags, duplicate keys), named `[index]...`."""

    index: int
    document: Document
    problems: list[Problem]


class Items:
    """A document whose top level is a list, read one item at a time, each time it is iterated.
    Aliases may point back to any earlier item; a fault anywhere in the text is raised (as
    InputError, in the whole-document reader's words) when the reading reaches it."""

    def __init__(self, text: str, name: str, line: int):
        self.text, self.name, self.line = text, name, line

    def __iter__(self) -> Iterator[Item]:
        loader = _streamer(self.text)
        # Items are built one at a time and let go, so their nodes' ids are reused: only a node
        # that carries an anchor (the composer keeps it for the aliases to come) is still the
        # same node when met again, so only those count as built (see _Builder.build).
        anchored: set[int] = set()
        builder = _Builder(self.name, loader, anchored)
        try:
            for _ in range(3):  # the stream's, the document's and the list's start
                loader.get_event()
            index = 0
            while not loader.check_event(yaml.SequenceEndEvent):
                node = loader.compose_node(None, index)
                new = len(loader.anchors) - len(anchored)  # the composer's anchors, newest last
                anchored.update(id(n) for n in islice(reversed(loader.anchors.values()), new))
                builder.lines, builder.problems = {}, []
                try:
                    value = builder.build(node, (index,))
                except RecursionError:
                    raise InputError([_too_deep(self.name, builder.node.start_mark.line + 1)]) from None
                if builder.bomb:  # aliases past the bound: that alone, as the whole-document reader says it
                    raise InputError([builder.bomb])
                lines = {loc[1:]: line for loc, line in builder.lines.items()}
                yield Item(index, Document(self.name, value, lines), builder.problems)
                index += 1
            loader.get_event()
            loader.get_event()
            if not loader.check_event(yaml.StreamEndEvent):
                raise yaml.YAMLError("more than one document")
        except (yaml.YAMLError, RecursionError):
            _load_yaml(self.text, self.name)  # raises, saying what is wrong and where
            raise InputError([Problem(self.name, 1, "(file)", "YAML syntax: cannot be read")]) from None
        finally:
            loader.dispose()


def _compose_fast(text: str) -> tuple[yaml.Node | None, Loader] | None:
    """The node graph from libyaml (15 times faster on the data file), or None when it
    finds anything wrong: the pure-Python loader then says what, in its own words."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    loader = yaml.CSafeLoader(text)
    try:
        return loader.get_single_node(), loader
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def _load_yaml(text: str, name: str) -> Document:
    if not text.strip():
        raise InputError([Problem(name, 1, "(file)", "is empty")])
    fast = _compose_fast(text)
    if fast is not None:
        return _built(name, *fast)
    try:
        # The reader checks every character as the loader is made, so that is inside the try.
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(
            [Problem(name, line, "(file)", f"YAML syntax: the control character U+{exc.character:04X} is not allowed")]
        ) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(name, exc)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(name, 1, "(file)", f"YAML syntax: {exc}")]) from None
    except RecursionError:  # the composer recurses once per level of nesting
        raise InputError([_too_deep(name, loader.line + 1)]) from None
    finally:
        loader.dispose()
    return _built(name, node, loader)


def _built(name: str, node: yaml.Node | None, loader: Loader) -> Document:
    if node is None:
        raise InputError([Problem(name, 1, "(file)", "is empty")])
    builder = _Builder(name, loader)
    try:
        value = builder.build(node, ())
    except RecursionError:
        raise InputError([_too_deep(name, builder.node.start_mark.line + 1)]) from None
    if builder.problems:
        raise InputError(builder.problems)
    return Document(name, value, builder.lines)


def _too_big(name: str) -> Problem:
    return Problem(name, 1, "(file)", f"is larger than {MAX_BYTES // 1_000_000} MB; split it into smaller files")


def _too_deep(name: str, line: int) -> Problem:
    return Problem(name, line, "(file)", "YAML syntax: values are nested too deeply")


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or exc.context or "invalid YAML"
    if "'\\t'" in problem or "\\t" in problem:
        problem = "a tab is used for indentation; indent with spaces"
    elif "expected a single document" in (exc.context or ""):
        problem = "holds more than one document; keep one"
    return Problem(name, line, "(file)", f"YAML syntax: {problem}")


def _tier_keys(loc: tuple) -> bool:
    """Whether a mapping's keys may be whole numbers: only a price change's tiers of one product
    (`price_changes[i].products.<key>`, tier size to price); everywhere else keys are names."""
    return len(loc) == 4 and loc[0] == "price_changes" and isinstance(loc[1], int) and loc[2] == "products"


class _Builder:
    def __init__(self, name: str, loader: yaml.BaseLoader, anchored: set[int] | None = None):
        self.name = name
        self.loader = loader
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self.built: set[int] = set()  # nodes already built once: meeting one again is an alias
        # Whose ids `built` keeps: every node while the whole graph is held; only the anchored
        # ones while a list is read an item at a time (the others' ids are reused).
        self.anchored = anchored
        self.expanding = 0  # inside the expansion of an alias
        self.count = 0  # values that aliases added
        self.bomb: Problem | None = None  # the problem of going past MAX_NODES

    def fail(self, node: yaml.Node, loc: tuple, message: str) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1, field_path(loc), message))

    def build(self, node: yaml.Node, loc: tuple) -> Any:
        self.node = node  # where to point if the nesting is too deep to recurse into
        # Only what aliases add is counted: values written out are bounded by the file's size.
        repeat = id(node) in self.built
        if self.anchored is None or id(node) in self.anchored:
            self.built.add(id(node))
        if repeat or self.expanding:
            self.count += 1
            if self.count > MAX_NODES:
                if self.count == MAX_NODES + 1:
                    self.fail(
                        node,
                        loc,
                        f"the document expands to more than {MAX_NODES:,} values "
                        "(aliases repeated too often); write the values out",
                    )
                    self.bomb = self.problems[-1]
                return None
        if repeat:
            self.expanding += 1
        try:
            return self._build(node, loc)
        finally:
            if repeat:
                self.expanding -= 1

    def _build(self, node: yaml.Node, loc: tuple) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            return self._scalar(node, loc)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # a date stays its text, as in JSON; a field that wants a date reads it
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.fail(node, loc, f"the YAML tag {tag} is not allowed; write a plain value")
        return None

    def _mapping(self, node: yaml.MappingNode, loc: tuple) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            if _tier_keys(loc) and isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:int":
                if not _TIER_SIZE.match(key_node.value):
                    self.fail(key_node, loc, f"{key_node.value!r}: name a tier by its users, such as 500")
                    continue
                key = key_node.value  # a tier's size, kept as its digits: 10 and "10" are one key
            elif not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"):
                self.fail(key_node, loc, "keys must be plain names (merge keys and complex keys are not allowed)")
                continue
            else:
                key = key_node.value
            if key in out:
                first = self.lines.get(loc + (key,), 0)
                self.fail(key_node, loc + (key,), f"duplicate key (first given on line {first})")
                continue
            self.lines[loc + (key,)] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, loc + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, loc: tuple) -> Any:
        if node.tag == "tag:yaml.org,2002:float":
            # Money must stay exact: floats become Decimals from their own digits. Decimal() also
            # reads digits of other scripts and spaces (`!!float "١٠٠٠"`), so the text must be
            # written as YAML writes a number, in the digits 0 to 9.
            text = node.value.replace("_", "").lower()
            special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
            if text not in special and not _PLAIN_FLOAT.match(text):
                self.fail(node, loc, f"{node.value!r} is not a number written in the digits 0 to 9")
                return None
            try:
                return Decimal(special.get(text, text))
            except InvalidOperation:
                self.fail(node, loc, f"{node.value!r} is not a number")
                return None
        # YAML 1.1 also reads 0x10, 010 (octal), 1:30 (base 60) and yes/no/on/off:
        # a maintainer who writes those almost never means them, so say so.
        if node.tag == "tag:yaml.org,2002:int" and not _PLAIN_INT.match(node.value):
            self.fail(node, loc, f"{node.value!r}: write whole numbers in plain digits, such as 1500")
            return None
        if node.tag == "tag:yaml.org,2002:bool" and node.value not in ("true", "false"):
            # YAML 1.1's yes/no/on/off stay the words written: the field's own type says what it
            # wants ("'yes': write true or false" for a yes-or-no field, a whole number for users).
            return node.value
        # What PyYAML's constructors make of the forms left, made here directly (most of a
        # large file's scalars; the constructor's own bookkeeping doubled the time to read it).
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        if node.tag == "tag:yaml.org,2002:bool":
            return node.value == "true"
        try:
            if node.tag == "tag:yaml.org,2002:int":
                return int(node.value)
            return self.loader.construct_object(node)
        except ValueError:  # Python refuses to read integers of thousands of digits
            self.fail(node, loc, "is too long a number")
            return None
