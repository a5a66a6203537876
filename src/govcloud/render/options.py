"""Options side by side as text: the table `govcloud quote` prints for a file of options."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from govcloud.calc.options import Option, _priced, as_json, compare
from govcloud.calc.quote import in_term
from govcloud.model.catalog import Catalog
from govcloud.model.money import signed
from govcloud.model.scenario import Scenario
from govcloud.render.present import view, window
from govcloud.render.tables import align, sentences
from govcloud.words.vocabulary import template, word


def table(catalog: Catalog, options: list[Option]) -> str:
    """One column per option: each product's change, tier, yearly price and amount due now, the totals,
    the dated bills, what is paid in the first term, and the difference from the first option."""
    views = [view(catalog, o.scenario, o.quote) for o in options]
    footnotes: list[str] = []  # rule keys, numbered across all options in order of first use

    def cell(c: Any) -> str:
        marks = ""
        for key in c.assumptions:
            if key not in footnotes:
                footnotes.append(key)
            marks += f"[{footnotes.index(key) + 1}]"
        return f"{c.text} {marks}" if marks and c.text else c.text

    none = template("cells.none")
    rows: list[list[str]] = [[""] + [o.name for o in options]]
    for product in catalog.products:
        found = [next((r for r in v.rows if r.key == product.key), None) for v in views]
        if not any(found):
            continue
        rows.append([product.name] + [cell(r.cells["change"]) if r else none for r in found])
        for key in ("tier", "annual", "due_now"):
            rows.append([f"  {template('columns.' + key)}"] + [cell(r.cells[key]) if r else none for r in found])
    if any(o.quote.has_current for o in options):
        rows.append(
            [template("totals.today")]
            + [cell(v.total.cells["today_annual"]) if "today_annual" in v.total.cells else none for v in views]
        )
    rows.append([template("totals.after")] + [cell(v.total.cells["annual"]) for v in views])
    rows.append([template("columns.due_now")] + [cell(v.total.cells["due_now"]) for v in views])
    # Bills by date: a row for each date any option has a bill on.
    # The options share the quote's date, so a bill's days name one date in every option.
    dates: list[tuple[int | None, str]] = []
    for v in views:
        for b in v.bills:
            label = b.when if b.in_days is None else word("bills.when_on", when=b.when, date=b.on)
            if (b.in_days, label) not in dates:
                dates.append((b.in_days, label))
    dates.sort(key=lambda d: (d[0] is None, d[0] or 0))
    rows.append([template("bills.title")] + [""] * len(views))
    term = catalog.term_days
    # The next term's total names its last day and sits after the bills it adds up, before those after it
    # (as each option's own bills, present.view); one label for all (each option's own may add "priced lines only").

    def bill_rows(selected: list[tuple[int | None, str]]) -> None:
        for in_days, label in selected:
            rows.append(
                [f"  {label}"] + [next((cell(b.amount) for b in v.bills if b.in_days == in_days), none) for v in views]
            )

    bill_rows([d for d in dates if in_term(d[0], term)])
    rows.append([window(_first_year(options[0]), options[0].quote)] + [cell(v.first_year) for v in views])
    bill_rows([d for d in dates if not in_term(d[0], term)])
    rows += _differences(options)
    out = [word("options.title", count=str(len(options))), sentences(views[0].about), ""]
    out += align(rows, set(range(1, len(views) + 1)))
    incomplete = [f"{o.name}: {v.incomplete}" for o, v in zip(options, views) if v.incomplete]
    out += incomplete
    if footnotes:
        out += [""] + [
            word("assumptions.footnote", n=i, title=getattr(catalog.rules, k).title, summary=catalog.rule_text(k))
            for i, k in enumerate(footnotes, start=1)
        ]
    return "\n".join(out)


def _differences(options: list[Option]) -> list[list[str]]:
    """A heading row naming the first option, then each total less the first option's."""
    first, none = options[0], template("cells.none")
    rows = [[word("options.difference", name=first.name)] + [""] * len(options)]
    for label, figure in (
        (template("totals.after"), _priced),
        (_first_year(first), lambda q: q.first_year_total),
    ):
        cells = [none]
        for o in options[1:]:
            a, b = figure(first.quote), figure(o.quote)
            cells.append(none if a is None or b is None else signed(b - a))
        rows.append([f"  {label}"] + cells)
    return rows


def _first_year(option: Option) -> str:
    return word("totals.first_year", term_days=option.quote.term_days)


def show_options(catalog: Catalog, named: list[tuple[str, Scenario]], as_json_doc: bool, today: date | None) -> str:
    """What `govcloud quote` prints for an options file: the table, or the JSON document."""
    options = compare(catalog, named, today)
    if as_json_doc:
        return json.dumps(as_json(options), indent=2)
    return table(catalog, options)
