"""Options side by side: one scenario file, two or three named proposals.

A scenario whose top level holds `options:` (a mapping of option name to what
that option proposes, in the shape of `proposed`) instead of `proposed:` is
quoted once per option, everything else (customer, current, days or renewal)
shared. A plain list still means a list of scenarios. Each option is an
ordinary scenario to the calculation; what this module adds is the reading
(problems reported as `file:line: options.<name>...: message`), the side-by-side
table and the JSON document (docs/formats.md, "Options side by side").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from govcloud.calc.quote import Quote, quote
from govcloud.model.catalog import Catalog
from govcloud.model.money import text
from govcloud.model.scenario import Scenario


@dataclass(frozen=True)
class Option:
    name: str
    scenario: Scenario
    quote: Quote


def compare(catalog: Catalog, named: list[tuple[str, Scenario]], today: date | None = None) -> list[Option]:
    return [Option(name, scenario, quote(catalog, scenario, today)) for name, scenario in named]


# -- JSON -------------------------------------------------------------------------


def _delta(a: Decimal | None, b: Decimal | None) -> str | None:
    return None if a is None or b is None else text(b - a)


def _priced(q: Quote) -> Decimal | None:
    """The yearly total, when every line is priced (a partial total would mislead a comparison)."""
    return q.annual_total if q.complete else None


def as_json(options: list[Option]) -> dict[str, Any]:
    """`{"options": [{"name", "quote"}], "differences": [...]}`: each option's quote as the contract
    gives it, and each later option's totals less the first option's (null where either is unknown)."""
    first = options[0].quote
    return {
        "options": [{"name": o.name, "quote": o.quote.as_json()} for o in options],
        "differences": [
            {
                "name": o.name,
                "from": options[0].name,
                "today_annual_total": _delta(first.today_annual_total, o.quote.today_annual_total),
                "annual_total": _delta(_priced(first), _priced(o.quote)),
                "due_now_total": _delta(first.due_now_total, o.quote.due_now_total),
                "first_year_total": _delta(first.first_year_total, o.quote.first_year_total),
            }
            for o in options[1:]
        ],
    }
