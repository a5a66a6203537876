"""Macros for the formats page (`docs/formats.md`): the examples there are the real
output of `govcloud` on the data, so the maintainers' document cannot drift from it."""

from __future__ import annotations

import json
from typing import Any

from govcloud.calc.pricebook import pricebook
from govcloud.calc.quote import Quote
from govcloud.model.catalog import Catalog
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.words.vocabulary import WORDS, word


def _example(worked: list[tuple[Scenario, Quote]]) -> tuple[Scenario, Quote]:
    """The first worked scenario with a bill of every kind: an upgrade beside a new product."""
    for scenario, result in worked:
        parts = {p for b in result.bills for p in b.parts}
        if scenario.current and {"due_now", "renewal", "first_renewal"} <= parts:
            return scenario, result
    raise ValueError("no worked scenario has an upgrade beside a new product; the formats page needs one")


def _json(value: Any) -> str:
    # Plain text: the highlighter's colour for numbers fails contrast in the dark scheme.
    return "```text\n" + json.dumps(value, indent=2, ensure_ascii=False) + "\n```"


def register(env, catalog: Catalog, worked: list[tuple[Scenario, Quote]]) -> None:
    def format_scenario() -> str:
        scenario, _ = _example(worked)
        fields = scenario.model_dump(
            mode="json", include={"date", "customer", "current", "proposed", "days_remaining"}, exclude_none=True
        )
        return _json(fields)

    def format_quote() -> str:
        return _json(_example(worked)[1].as_json())

    def format_address() -> str:
        return f"`?{estimator_query(_example(worked)[0])}`"

    def format_pricebook() -> str:
        # On the example's date, so that the page does not depend on the day it is built.
        book = pricebook(catalog, _example(worked)[0].date)
        # One product with two tiers, two rules, two tables of the calculation and one group of words show the shape.
        book["products"] = [{**book["products"][0], "tiers": book["products"][0]["tiers"][:2]}, "…"]
        first = book["products"][0]["key"]
        book["price_history"] = [
            {
                "effective": v["effective"],
                "products": {first: v["products"][first][:2], "…": "…"},
            }
            for v in book["price_history"][:1]
        ] + ["…"]
        book["rules"] = dict(list(book["rules"].items())[:2]) | {"…": "…"}
        book["calculation"] = dict(list(book["calculation"].items())[:2]) | {"…": "…"}
        book["words"] = {"change": WORDS["change"], "…": "…"}
        return _json(book)

    def vocabulary_groups() -> str:
        rows = [f"| {word('site.formats.group')} | {word('site.formats.keys')} |", "| --- | --- |"]
        rows += [f"| `{group}` | {', '.join(f'`{k}`' for k in keys)} |" for group, keys in WORDS.items()]
        return "\n".join(rows)

    for macro in (format_scenario, format_quote, format_address, format_pricebook, vocabulary_groups):
        env.macro(macro, macro.__name__)
