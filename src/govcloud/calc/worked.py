"""Worked examples (`data/scenarios.yml`): each states its expected result, and
a disagreement with the calculation is an error that names the scenario."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import get_args

from govcloud.calc.quote import Quote, quote
from govcloud.load.loading import DEFAULT_SCENARIOS, data_path, display_name
from govcloud.load.scenarios import parse_scenarios
from govcloud.load.yamlsource import load_file
from govcloud.model.catalog import Catalog
from govcloud.model.money import text
from govcloud.model.problems import InputError, Problem
from govcloud.model.scenario import Change, Scenario


def load_worked(catalog: Catalog, path: str | Path | None = None) -> list[tuple[Scenario, Quote]]:
    path = data_path(str(path) if path else None, DEFAULT_SCENARIOS)
    source = load_file(path, display_name(path))
    scenarios, _ = parse_scenarios(source, catalog)
    problems: list[Problem] = []
    seen: dict[str | None, int] = {}
    out: list[tuple[Scenario, Quote]] = []
    for i, scenario in enumerate(scenarios):

        def at(*loc: str | int, field: str | None = None, i: int = i) -> Callable[[str], None]:
            """Report a problem of scenario `i` at a place in it (the line is the file's)."""
            return lambda message: problems.append(
                Problem(source.name, source.line_of((i,) + loc), field or f"[{i}]." + ".".join(map(str, loc)), message)
            )

        # Dated, so that no figure a page shows depends on the day the site is built.
        for name in ("id", "title", "date", "expected"):
            if getattr(scenario, name) is None:
                at(field=f"[{i}].{name}")("a worked example needs one")
        if scenario.id in seen:
            at("id")(f"{scenario.id!r} is already the id of [{seen[scenario.id]}]")
        seen.setdefault(scenario.id, i)
        result = quote(catalog, scenario)
        out.append((scenario, result))
        if scenario.expected is None:
            continue
        label = f"scenario {scenario.id!r}"
        exp = scenario.expected
        for field, promised, computed in (
            ("annual_total", text(exp.annual_total), text(result.annual_total)),
            ("due_now_total", text(exp.due_now_total), text(result.due_now_total)),
            ("complete", exp.complete, result.complete),
            ("today_annual_total", text(exp.today_annual_total), text(result.today_annual_total)),
            ("first_year_total", text(exp.first_year_total), text(result.first_year_total)),
        ):
            if promised is not None and promised != computed:
                at("expected", field)(f"{label} expects {promised} but govcloud computes {computed}")
        changes = {line.product: line.change for line in result.lines}
        for key, promised in exp.changes.items():
            if changes.get(key) != promised:
                at("expected", "changes", key)(
                    f"{label} expects {promised} but govcloud computes {changes.get(key, 'no line')}"
                )
    # The pages show an example of every kind of change, taken from these scenarios.
    shown = {line.change for _, result in out for line in result.lines}
    for kind in get_args(Change):
        if kind not in shown:
            problems.append(
                Problem(
                    source.name,
                    1,
                    "(file)",
                    f"no worked scenario shows a {kind!r} change; add one (the pages show each kind)",
                )
            )
    if problems:
        raise InputError(problems)
    return out
