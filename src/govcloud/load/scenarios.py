"""Reading scenarios: a document of one scenario or a list, checked against the catalog."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from govcloud.load.loading import validate
from govcloud.load.yamlsource import Document, load_text
from govcloud.model.catalog import Catalog
from govcloud.model.problems import InputError, Problem
from govcloud.model.scenario import Scenario, quote_date
from govcloud.model.tiers import change_of
from govcloud.words.vocabulary import word


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
                        yield (prefix + (part, key), word("problems.unknown_product", keys=", ".join(keys)))
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
        scenario, dated = _dated(scenario, view, catalog, today)
        problems += [p.__class__(p.file, p.line, _prefixed(prefix, p.field), p.message) for p in dated]
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


def read_scenarios(text: str, name: str, catalog: Catalog, today: date | None = None) -> tuple[list[Scenario], bool]:
    return parse_scenarios(load_text(text, name), catalog, today)
