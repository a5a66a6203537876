"""Macros for the formats page's "Options side by side" section: an options file
built from the worked example, and what `govcloud quote --json` makes of it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from govcloud.calc.options import as_json, compare
from govcloud.calc.quote import Quote
from govcloud.model.catalog import Catalog
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.words.vocabulary import word
from macros.formats import _example, _json


def _options(worked: list[tuple[Scenario, Quote]]) -> tuple[dict[str, Any], list[tuple[str, Scenario]]]:
    """The worked example as two options: keep what is held today, or take the example's proposal."""
    scenario, _ = _example(worked)
    assert scenario.current is not None and scenario.title is not None
    keep = scenario.model_copy(update={"proposed": scenario.current})
    named = [(word("site.formats.keep"), keep), (scenario.title, scenario)]
    holdings = {name: {k: h.model_dump() for k, h in s.proposed.items()} for name, s in named}
    fields = scenario.model_dump(
        mode="json", include={"date", "customer", "current", "days_remaining"}, exclude_none=True
    )
    return {**fields, "options": holdings}, named


def options_query(named: list[tuple[str, Scenario]]) -> str:
    """The estimator's address for options (docs/formats.md): option 1's address as ever, then
    `name=`, then each later option's name and proposal behind `opt<n>.`; nothing more for one option."""
    params = [("name", named[0][0])] if len(named) > 1 else []
    for n, (name, scenario) in enumerate(named[1:], start=2):
        params.append((f"opt{n}.name", name))
        for key, held in scenario.proposed.items():
            params.append((f"opt{n}.{key}", str(held.users)))
            if held.instances != 1:
                params.append((f"opt{n}.{key}.instances", str(held.instances)))
    return estimator_query(named[0][1]) + ("&" + urlencode(params) if params else "")


def register(env, catalog: Catalog, worked: list[tuple[Scenario, Quote]]) -> None:
    def format_options() -> str:
        return _json(_options(worked)[0])

    def format_options_json() -> str:
        doc = as_json(compare(catalog, _options(worked)[1]))
        # The quotes are the contract's, shown above: elided here.
        doc["options"] = [{"name": o["name"], "quote": "…"} for o in doc["options"]]
        return _json(doc)

    def format_options_address() -> str:
        return f"`?{options_query(_options(worked)[1])}`"

    for macro in (format_options, format_options_json, format_options_address):
        env.macro(macro, macro.__name__)
