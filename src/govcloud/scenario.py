"""Scenarios: what a customer has and wants, as sales, tests and the estimator write them."""
from __future__ import annotations

from typing import Annotated, Any, Iterable, Literal

from pydantic import Field, StrictInt

from .loading import validate
from .model import Catalog, Key, Line, Money, Prose, Strict
from .problems import InputError
from .yamlsource import Document, load_text

Customer = Literal["government", "commercial"]
Change = Literal["new", "upgrade", "downgrade", "instances_only", "unchanged", "cancel"]


class Holding(Strict):
    users: Annotated[StrictInt, Field(ge=1, description="Users the subscription must cover.")]
    instances: Annotated[StrictInt, Field(ge=1, description="Instances of the product.")] = 1


class Expected(Strict):
    """What a worked example promises; the build fails when the calculation disagrees."""

    annual_total: Money
    due_now_total: Money
    complete: Annotated[bool, Field(strict=True)] = True
    changes: dict[Key, Change] = {}


Slug = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


class Scenario(Strict):
    id: Slug | None = None
    title: Line | None = None
    summary: Prose | None = None
    customer: Customer = "government"
    current: dict[Key, Holding] | None = None
    proposed: dict[Key, Holding]
    days_remaining: Annotated[StrictInt, Field(ge=0)] | None = None
    expected: Expected | None = None



def _cross_checks(catalog: Catalog, prefix: tuple = ()):
    keys = [p.key for p in catalog.products]

    def check(raw: Any) -> Iterable[tuple[tuple, str]]:
        if not isinstance(raw, dict):
            return
        for part in ("current", "proposed"):
            holdings = raw.get(part)
            if isinstance(holdings, dict):
                for key in holdings:
                    if key not in keys:
                        yield (prefix + (part, key), f"unknown product; use one of: {', '.join(keys)}")
        days = raw.get("days_remaining")
        if raw.get("current") is not None and days is None:
            yield (prefix + ("current",), "a change needs days_remaining: whole days left in the current term")
        if isinstance(days, int) and not isinstance(days, bool) and days > catalog.term_days:
            yield (prefix + ("days_remaining",), f"must be at most {catalog.term_days} (the days in a term)")
        if not raw.get("current") and raw.get("proposed") == {}:
            yield (prefix + ("proposed",), "name at least one product")

    return check


def parse_scenarios(source: Document, catalog: Catalog) -> tuple[list[Scenario], bool]:
    """Every scenario in a document (one, or a list), and whether it was a list."""
    value = source.value
    items = value if isinstance(value, list) else [value]
    scenarios, problems = [], []
    # Each item's line numbers, grouped in one pass: filtering the whole map per
    # item made a long list of scenarios quadratic.
    lines_of: dict = {}
    for loc, line in source.lines.items():
        if not isinstance(value, list):
            lines_of.setdefault((), {})[loc] = line
        elif loc:
            lines_of.setdefault(loc[:1], {})[loc[1:]] = line
    for i, item in enumerate(items):
        prefix = (i,) if isinstance(value, list) else ()
        view = Document(source.name, item, lines_of.get(prefix, {}))
        try:
            scenario = validate(Scenario, view, _cross_checks(catalog))
        except InputError as exc:
            problems += [p.__class__(p.file, p.line, _prefixed(prefix, p.field), p.message) for p in exc.problems]
            continue
        scenarios.append(scenario)
    if isinstance(value, list) and not value:
        problems.append(source.problem((), "(file)", "the list of scenarios is empty"))
    if problems:
        raise InputError(problems)
    return scenarios, isinstance(value, list)


def _prefixed(prefix: tuple, field: str) -> str:
    if not prefix:
        return field
    head = f"[{prefix[0]}]"
    if field in ("(document)", "(file)"):
        return head
    return head + ("" if field.startswith("[") else ".") + field


def read_scenarios(text: str, name: str, catalog: Catalog) -> tuple[list[Scenario], bool]:
    return parse_scenarios(load_text(text, name), catalog)
