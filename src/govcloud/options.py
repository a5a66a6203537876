"""Options side by side: one scenario file, two or three named proposals.

A scenario whose top level holds `options:` (a mapping of option name to what
that option proposes, in the shape of `proposed`) instead of `proposed:` is
quoted once per option, everything else (customer, current, days or renewal)
shared. A plain list still means a list of scenarios. Each option is an
ordinary scenario to the calculation; what this module adds is the reading
(problems reported as `file:line: options.<name>...: message`), the side-by-side
table and the JSON document (README, "Compare options"; docs/formats.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from . import richtext
from .model import Catalog
from .money import signed, text
from .present import view
from .problems import InputError, Problem
from .quote import Quote, quote
from .scenario import Scenario, parse_scenarios
from .tables import align
from .vocabulary import WORDS, word
from .yamlsource import Document

KEY = "options"
# Side by side, two or three columns stay readable in a terminal and on a page.
FEWEST, MOST = 2, 3
NAME_LENGTH = 60


@dataclass(frozen=True)
class Option:
    name: str
    scenario: Scenario
    quote: Quote


def is_options(doc: Document) -> bool:
    return isinstance(doc.value, dict) and KEY in doc.value


def parse_options(doc: Document, catalog: Catalog, today: date | None = None) -> list[tuple[str, Scenario]]:
    """Each option's name and its scenario; every problem of the file at once."""
    value: dict = doc.value
    options = value[KEY]
    problems: list[Problem] = []
    if "proposed" in value:
        problems.append(doc.problem(("proposed",), "proposed", "give proposed or options, not both"))
    if not isinstance(options, dict):
        problems.append(doc.problem((KEY,), KEY, "must be a mapping of option names to what each option proposes"))
        raise InputError(problems)
    if not FEWEST <= len(options) <= MOST:
        problems.append(doc.problem((KEY,), KEY, f"name {FEWEST} or {MOST} options to compare (found {len(options)})"))
    shared = {k: v for k, v in value.items() if k not in (KEY, "proposed")}
    out: list[tuple[str, Scenario]] = []
    for name, proposed in options.items():
        where = f"{KEY}.{name}"
        wrong = _name_problems(name)
        if wrong:
            problems.append(doc.problem((KEY, name), where, wrong))
            continue
        lines = {loc: line for loc, line in doc.lines.items() if not loc or loc[0] not in (KEY, "proposed")}
        lines |= {("proposed",) + loc[2:]: line for loc, line in doc.lines.items() if loc[:2] == (KEY, name)}
        item = Document(doc.name, {**shared, "proposed": proposed}, lines)
        try:
            scenarios, _ = parse_scenarios(item, catalog, today)
        except InputError as exc:
            problems += [
                Problem(
                    p.file,
                    p.line,
                    where + p.field[len("proposed") :] if p.field.startswith("proposed") else p.field,
                    p.message,
                )
                for p in exc.problems
            ]
            continue
        out.append((name.strip(), scenarios[0]))
    if problems:
        raise InputError(list(dict.fromkeys(problems)))  # shared fields' problems once, not once per option
    return out


def _name_problems(name: Any) -> str | None:
    # The estimator checks a name by the same rule (`names()`, in the price book) and words.
    if not isinstance(name, str) or not name.strip():
        return word("options.name_missing")
    if len(name) > NAME_LENGTH:
        return word("options.name_long", most=NAME_LENGTH)
    return word("options.name_plain") if richtext.problems(name, "plain") else None


def names() -> dict[str, Any]:
    """The rule for an option's name, for the estimator (the price book's `option_names`): at most
    `most` characters, no character of `forbidden`, no match of `block_start` at the start (a
    JavaScript-compatible pattern), no control character (`control`); 2 to 3 options."""
    return {
        "fewest": FEWEST,
        "most_options": MOST,
        "most": NAME_LENGTH,
        "forbidden": "".join(sorted(richtext.PLAIN_FORBIDDEN)),
        "block_start": richtext.BLOCK_START.pattern,
        "control": richtext.CONTROL.pattern,
    }


def compare(catalog: Catalog, named: list[tuple[str, Scenario]]) -> list[Option]:
    return [Option(name, scenario, quote(catalog, scenario)) for name, scenario in named]


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


# -- the side-by-side table ---------------------------------------------------------


def table(catalog: Catalog, options: list[Option], today: date | None = None) -> str:
    """One column per option: each product's change, tier, yearly price and amount due now, the totals,
    the dated bills, what is paid in the first term, and the difference from the first option."""
    today = today or date.today()
    views = [view(catalog, o.scenario, o.quote, today) for o in options]
    footnotes: list[str] = []  # rule keys, numbered across all options in order of first use

    def cell(c: Any) -> str:
        marks = ""
        for key in c.assumptions:
            if key not in footnotes:
                footnotes.append(key)
            marks += f"[{footnotes.index(key) + 1}]"
        return f"{c.text} {marks}" if marks and c.text else c.text

    cols, none = WORDS["columns"], WORDS["cells"]["none"]
    rows: list[list[str]] = [[""] + [o.name for o in options]]
    for product in catalog.products:
        found = [next((r for r in v.rows if r.key == product.key), None) for v in views]
        if not any(found):
            continue
        rows.append([product.name] + [cell(r.cells["change"]) if r else none for r in found])
        for key in ("tier", "annual", "due_now"):
            rows.append([f"  {cols[key]}"] + [cell(r.cells[key]) if r else none for r in found])
    totals = WORDS["totals"]
    if any(o.quote.has_current for o in options):
        rows.append(
            [totals["today"]]
            + [cell(v.total.cells["today_annual"]) if "today_annual" in v.total.cells else none for v in views]
        )
    rows.append([totals["after"]] + [cell(v.total.cells["annual"]) for v in views])
    rows.append([cols["due_now"]] + [cell(v.total.cells["due_now"]) for v in views])
    # Bills by date: a row for each date any option has a bill on.
    dates: list[tuple[int | None, str]] = []
    for v in views:
        for b in v.bills:
            if (b.in_days, b.when) not in dates:
                dates.append((b.in_days, b.when))
    dates.sort(key=lambda d: (d[0] is None, d[0] or 0))
    rows.append([WORDS["bills"]["title"]] + [""] * len(views))
    for _, when in dates:
        rows.append([f"  {when}"] + [next((cell(b.amount) for b in v.bills if b.when == when), none) for v in views])
    rows.append([_first_year(options[0])] + [cell(v.first_year) for v in views])  # each option's own label may differ
    rows += _differences(options)
    out = [word("options.title", count=str(len(options))), " ".join(views[0].about), ""]
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
    first, none = options[0], WORDS["cells"]["none"]
    rows = [[word("options.difference", name=first.name)] + [""] * len(options)]
    for label, figure in (
        (WORDS["totals"]["after"], _priced),
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
    options = compare(catalog, named)
    if as_json_doc:
        import json

        return json.dumps(as_json(options), indent=2)
    return table(catalog, options, today)
