"""Validating a loaded document against a model, every problem as `file:line: field: message`
in words written for the person who edits the file."""

from __future__ import annotations

import difflib
import functools
from typing import Any, Callable, Iterable, TypeVar

from pydantic import BaseModel, ValidationError

from govcloud.load.yamlsource import YAML11_BOOLS, Document
from govcloud.model.problems import InputError, field_path
from govcloud.words.vocabulary import word

M = TypeVar("M", bound=BaseModel)
CrossCheck = Callable[[Any], Iterable[tuple[tuple, str]]]
# Problems with how a text is written (its characters, its length), not with what it says.
SHAPE = frozenset({"string_pattern_mismatch", "string_too_long"})


@functools.cache
def _schema(model: type[BaseModel]) -> dict:
    """The model's JSON schema, for 'did you mean': built once per model, not once per problem
    (a list of 10,000 bad scenarios rebuilt it 10,000 times)."""
    return model.model_json_schema()


def validate(
    model: type[M], source: Document, cross_checks: CrossCheck | None = None, context: dict | None = None
) -> M:
    found: list[tuple[tuple, str, bool]] = []  # where, what, and whether it is about the text's shape
    result = None
    try:
        result = model.model_validate(source.value, context=context)
    except ValidationError as exc:
        schema = _schema(model)
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            loc = loc[:-1] if loc[-1:] == ("[key]",) else loc  # a mapping's key: the line and name of the key
            found.append((loc, _message(error, schema), error["type"] in SHAPE))
    checked = list(cross_checks(source.value)) if cross_checks else []
    # A cross check knows what the value should have been ("unknown product; use one of: jira, ..."):
    # where it speaks, a problem of the text's shape at the same place ("Jira Service Management"
    # is not spelled as a key) is a second line about the same mistake, and a misleading one.
    known = {loc for loc, _ in checked}
    problems = [source.problem(loc, field_path(loc), msg) for loc, msg, shape in found if not (shape and loc in known)]
    problems += [source.problem(loc, field_path(loc), msg) for loc, msg in checked]
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    assert result is not None  # validated without a problem
    return result


def _message(error: Any, schema: dict) -> str:
    kind, ctx, loc = error["type"], error.get("ctx") or {}, tuple(error["loc"])
    said = _said
    if kind == "missing":
        return said("required")
    if kind == "extra_forbidden":
        known = _known_fields(schema, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = (
            said("did_you_mean", name=repr(close[0]))
            if close
            else (said("expected_one_of", names=", ".join(known)) if known else "")
        )
        return said("unknown", hint=hint)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return said("whole")
    if kind in {"bool_type", "bool_parsing"}:
        given = error.get("input")
        return said("yaml_bool", given=repr(given)) if given in YAML11_BOOLS else said("bool")
    if kind == "string_type":
        return said("text")
    if kind == "literal_error":
        return said("literal", expected=ctx.get("expected"))
    if kind == "greater_than_equal":
        return said("at_least", min=ctx["ge"])
    if kind == "less_than_equal":
        return said("at_most", max=ctx["le"])
    if kind == "too_short":
        return said("empty")
    if kind == "string_too_long":
        return said("too_long", most=ctx["max_length"])
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", "").startswith("^https"):
            return said("https")
        # A class that ends in "-]" allows the hyphen itself (a slug); "a-z" alone is a range.
        if "-]" in ctx.get("pattern", ""):
            return said("slug")
        return said("key")
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return said("mapping", kind=_kind_of(error.get("input")))
    if kind == "list_type":
        return said("list", kind=_kind_of(error.get("input")))
    # Pydantic's own words for what the cases above do not cover (English in every language).
    return error["msg"][0].lower() + error["msg"][1:] if error["msg"] else kind


def _said(key: str, **values: object) -> str:
    return word(f"cli.validation.{key}", **values)


def _kind_of(value: Any) -> str:
    if value is None:
        return _said("kind_none")
    kinds = {bool: "kind_bool", int: "kind_number", str: "kind_text", list: "kind_list", dict: "kind_mapping"}
    return _said(kinds.get(type(value), "kind_number"))


def _known_fields(schema: dict, loc: tuple) -> list[str]:
    """Field names the schema allows at a location, for 'did you mean'."""
    defs = schema.get("$defs", {})

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        for key in ("allOf", "anyOf"):
            if key in node:
                for option in node[key]:
                    option = resolve(option)
                    if "properties" in option or "items" in option or "additionalProperties" in option:
                        return option
        return node

    node = resolve(schema)
    for part in loc:
        if isinstance(part, int):
            node = resolve(node.get("items", {}))
        elif part in node.get("properties", {}):
            node = resolve(node["properties"][part])
        elif isinstance(node.get("additionalProperties"), dict):
            node = resolve(node["additionalProperties"])
        else:
            return []
    return list(node.get("properties", {}))
