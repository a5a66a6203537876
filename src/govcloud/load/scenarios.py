"""Reading scenarios: a document of one scenario or a list, checked against the catalog."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Iterator

from govcloud.load.loading import validate
from govcloud.load.yamlsource import Document, Items, load_text
from govcloud.model.catalog import Catalog
from govcloud.model.problems import InputError, Problem
from govcloud.model.scenario import Scenario, quote_date
from govcloud.model.tiers import change_of
from govcloud.words.vocabulary import word


def _cross_checks(catalog: Catalog, prefix: tuple = ()):
    keys = [p.key for p in catalog.products]

    def use() -> str:  # only for a problem: every scenario of a stream makes its own checks
        return ", ".join(word("problems.product_key", key=p.key, name=p.name) for p in catalog.products)

    def check(raw: Any) -> Iterable[tuple[tuple, str]]:
        if not isinstance(raw, dict):
            return
        for part in ("current", "proposed"):
            holdings = raw.get(part)
            if isinstance(holdings, dict):
                for key in holdings:
                    if key not in keys:
                        yield (prefix + (part, key), word("problems.unknown_product", keys=use()))
        days = raw.get("days_remaining")
        if days is not None and raw.get("renewal") is not None:
            yield (prefix + ("renewal",), word("problems.both_days"))
        if isinstance(days, int) and not isinstance(days, bool) and days > catalog.term_days:
            yield (prefix + ("days_remaining",), word("problems.days_at_most", term_days=catalog.term_days))
        if not raw.get("current") and raw.get("proposed") == {}:
            yield (prefix + ("proposed",), word("problems.no_product"))

    return check


def _dated(scenario: Scenario, view: Document, catalog: Catalog, today: date | None) -> tuple[Scenario, list[Problem]]:
    """The scenario with its days left worked out from `renewal` (counted from the quote's date),
    and the problems of its days."""
    if scenario.renewal is not None:
        days = (scenario.renewal - quote_date(scenario, today)).days
        problem = (
            word("problems.renewal_past")
            if days < 0
            else word("problems.renewal_far", term_days=catalog.term_days)
            if days > catalog.term_days
            else None
        )
        if problem:
            return scenario, [view.problem(("renewal",), "renewal", problem)]
        scenario = scenario.model_copy(update={"days_remaining": days})
    if scenario.days_remaining is None and scenario.current is not None:
        current = scenario.current
        if any(change_of(p, current.get(p.key), scenario.proposed.get(p.key)) == "upgrade" for p in catalog.products):
            return scenario, [view.problem(("current",), "current", word("problems.days_needed"))]
    return scenario, []


def parse_scenarios(source: Document, catalog: Catalog, today: date | None = None) -> tuple[list[Scenario], bool]:
    """Every scenario in a document (one, or a list), and whether it was a list.

    `today` is the date `renewal:` counts from (default: the system date)."""
    scenarios, problems = [], []
    for scenario, found in scenario_stream(source, catalog, today):
        problems += found
        if scenario is not None:
            scenarios.append(scenario)
    if problems:
        raise InputError(problems)
    return scenarios, is_list(source)


def is_list(source: Document | Items) -> bool:
    return isinstance(source, Items) or isinstance(source.value, list)


def scenario_stream(
    source: Document | Items, catalog: Catalog, today: date | None = None
) -> Iterator[tuple[Scenario | None, list[Problem]]]:
    """Each scenario of the document in turn, with its problems (None when it has any but those
    of its days), one item of a list at a time: `govcloud quote` holds one scenario, not the list.
    An empty list is one problem."""
    empty = is_list(source)
    for prefix, view, refused in _items(source):
        empty = False
        if refused:  # what the reader refused in it (a tag, a duplicate key): named [i]... already
            yield None, refused
            continue
        try:
            scenario = validate(Scenario, view, _cross_checks(catalog))
        except InputError as exc:
            yield None, [_renamed(p, prefix) for p in exc.problems]
            continue
        scenario, dated = _dated(scenario, view, catalog, today)
        yield scenario, [_renamed(p, prefix) for p in dated]
    if empty:
        line = source.line if isinstance(source, Items) else source.line_of(())
        yield None, [Problem(source.name, line, "(file)", "the list of scenarios is empty")]


def _items(source: Document | Items) -> Iterator[tuple[tuple, Document, list[Problem]]]:
    """(prefix, the item as a document of its own, what the reader refused in it) for each item."""
    if isinstance(source, Items):
        for item in source:
            yield (item.index,), item.document, item.problems
        return
    value = source.value
    items = value if isinstance(value, list) else [value]
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
        yield prefix, Document(source.name, item, lines_of.get(prefix, {})), []


def _renamed(p: Problem, prefix: tuple) -> Problem:
    return Problem(p.file, p.line, _prefixed(prefix, p.field), p.message)


def _prefixed(prefix: tuple, field: str) -> str:
    if not prefix:
        return field
    head = f"[{prefix[0]}]"
    if field in ("(document)", "(file)"):
        return head
    return head + ("" if field.startswith("[") else ".") + field


def read_scenarios(text: str, name: str, catalog: Catalog, today: date | None = None) -> tuple[list[Scenario], bool]:
    return parse_scenarios(load_text(text, name), catalog, today)
