"""Load and validate input files, reporting every problem as `file:line: field: message`."""
from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from pydantic import BaseModel, ValidationError

from .model import Catalog, _amount
from .problems import InputError, Problem, field_path
from .yamlsource import Source, load_file

M = TypeVar("M", bound=BaseModel)
CrossCheck = Callable[[Any], Iterable[tuple[tuple, str]]]

# Where the policy data lives, relative to the project (or the working folder).
PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = "data/products.yml"
DEFAULT_SCENARIOS = "data/scenarios.yml"
# Builds and tests point the site at other data through these.
ENV_VARS = {DEFAULT_DATA: "GOVCLOUD_DATA", DEFAULT_SCENARIOS: "GOVCLOUD_SCENARIOS"}


def data_path(given: str | None, default: str = DEFAULT_DATA) -> Path:
    """The file given, else $GOVCLOUD_DATA / $GOVCLOUD_SCENARIOS, else the project's own."""
    given = given or os.environ.get(ENV_VARS[default])
    if given:
        return Path(given)
    here = Path(default)
    return here if here.exists() else PROJECT / default


def display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_catalog(path: str | Path | None = None) -> Catalog:
    path = data_path(str(path) if path else None)
    return validate(Catalog, load_file(path, display_name(path)), catalog_cross_checks)


def validate(model: type[M], source: Source, cross_checks: CrossCheck | None = None,
             context: dict | None = None) -> M:
    problems: list[Problem] = []
    result = None
    try:
        result = model.model_validate(source.value, context=context)
    except ValidationError as exc:
        schema = model.model_json_schema()
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            problems.append(source.problem(loc, field_path(loc), _message(error, schema)))
    if cross_checks:
        problems += [source.problem(loc, field_path(loc), msg) for loc, msg in cross_checks(source.value)]
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    return result


def _message(error: dict, schema: dict) -> str:
    kind, ctx, loc = error["type"], error.get("ctx") or {}, tuple(error["loc"])
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        known = _known_fields(schema, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else (f"; expected one of: {', '.join(known)}" if known else "")
        return f"unknown field{hint}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return "must be a whole number"
    if kind in {"bool_type", "bool_parsing"}:
        return "must be true or false"
    if kind == "string_type":
        return "must be text"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind == "too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx['max_length']} characters"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", "").startswith("^https"):
            return "must be an https:// address"
        if "-" in ctx.get("pattern", ""):
            return "must be lowercase letters, digits or -"
        return "must be lowercase letters, digits or _, starting with a letter"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"must be a mapping of fields, not {_kind_of(error.get('input'))}"
    if kind == "list_type":
        return f"must be a list, not {_kind_of(error.get('input'))}"
    return error["msg"][0].lower() + error["msg"][1:] if error["msg"] else kind


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), "a number")


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


def catalog_cross_checks(raw: Any) -> Iterable[tuple[tuple, str]]:
    """Rules between values, checked on the raw data so they come with type problems."""
    if not isinstance(raw, dict):
        return
    products = raw.get("products")
    if isinstance(products, list):
        seen: dict[str, int] = {}
        for i, product in enumerate(products):
            if not isinstance(product, dict):
                continue
            key = product.get("key")
            if isinstance(key, str):
                if key in seen:
                    yield (("products", i, "key"), f"{key!r} is already the key of products[{seen[key]}]")
                seen.setdefault(key, i)
            yield from _ladder_checks(product.get("tiers"), ("products", i, "tiers"))
    sources, rules = raw.get("sources"), raw.get("rules")
    if isinstance(sources, dict) and isinstance(rules, dict):
        for name, rule in rules.items():
            ref = rule.get("source") if isinstance(rule, dict) else None
            if isinstance(ref, str) and ref not in sources:
                yield (("rules", name, "source"), f"{ref!r} is not a key of sources")


def _ladder_checks(tiers: Any, loc: tuple) -> Iterable[tuple[tuple, str]]:
    if not isinstance(tiers, list):
        return
    previous = None
    for j, tier in enumerate(tiers):
        if not isinstance(tier, dict):
            previous = None
            continue
        users = tier.get("users")
        users = users if isinstance(users, int) and not isinstance(users, bool) else None
        try:
            annual = _amount(tier.get("annual"))
        except Exception:
            annual = None
        if previous:
            prev_users, prev_annual = previous
            if users is not None and prev_users is not None and users <= prev_users:
                yield (loc + (j, "users"), f"must be more than the tier before it ({prev_users:,} users); "
                       "list tiers in ascending order, each once")
            if annual is not None and prev_annual is not None and annual < prev_annual:
                yield (loc + (j, "annual"), f"must not be less than the tier before it ({prev_annual:,})")
        previous = (users, annual)
