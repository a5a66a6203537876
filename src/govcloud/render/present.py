"""One view of a quote: labelled rows, totals, today's column, the dated bills,
the explanation and the assumption markers, every word from the vocabulary.

The CLI table (`tables.py`) and the pages' worked scenarios render this view;
the estimator's page code mirrors it on the JSON quote (see the maintainers'
document `docs/formats.md`). Renderers only lay cells out and draw markers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from govcloud.calc.quote import DIFFERENCE_RULES, Bill, Line, Quote, in_term
from govcloud.model.catalog import Catalog
from govcloud.model.money import show, text
from govcloud.model.scenario import Scenario
from govcloud.model.tiers import tier_index
from govcloud.words import cldr
from govcloud.words.cldr import long_date
from govcloud.words.vocabulary import template, word

__all__ = ["long_date"]  # dates as readers see them, for the renderers that import them from here

MONEY_COLUMNS = ("today_annual", "annual", "due_now")
NUMBER_COLUMNS = ("today_tier", "users", "tier", "instances")


@dataclass(frozen=True)
class Cell:
    """What a reader sees, the machine value behind it (money text, a count), and the
    unconfirmed rules the figure rests on."""

    text: str
    value: str | None = None
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    key: str | None  # product key; None for the totals row
    cells: dict[str, Cell]


@dataclass(frozen=True)
class BillRow:
    when: str
    on: str  # the bill's date as readers see it ("—" when undated)
    what: str
    products: str
    prices: str  # the version of the prices it is priced on, in words
    amount: Cell
    in_days: int | None


@dataclass
class QuoteView:
    about: list[str]
    columns: list[tuple[str, str]]  # (key, heading)
    rows: list[Row]
    total: Row
    incomplete: str | None
    bills: list[BillRow]
    first_year_label: str
    first_year: Cell
    notes: list[Cell]
    after_window: str | None  # that bills after the window are left out of its total, when there are some
    in_window: int  # how many of the bills (the first ones) the total covers: it is shown after them
    footnotes: list[tuple[str, str]] = field(default_factory=list)  # (rule key, footnote text), numbered from 1
    dated_prices: bool = False  # whether the data records price changes: the bills then name their prices

    def mark(self, assumptions: tuple[str, ...]) -> list[int]:
        """Footnote numbers of these rules (each rule numbered once, in order of first use)."""
        return [1 + [k for k, _ in self.footnotes].index(a) for a in assumptions]


def _mid_sentence(value: str) -> str:
    """Text that starts a sentence, lower-cased to follow other words ('US federal' stays)."""
    return value if value[1:2].isupper() else value[:1].lower() + value[1:]


def _count(n: int) -> str:
    return cldr.count(n)


def _known_tier(catalog: Catalog, key: str, users: int) -> int | None:
    """The tier that covers `users`, when the price book has one: a line past the instance
    limit has no price, yet its tier is known (the quote's `tier` stays null: no price rests on it)."""
    tiers = catalog.product(key).tiers
    index = tier_index(catalog.product(key), users)
    return tiers[index].users if users > 0 and index < len(tiers) else None


def _tier_cell(tier: int | None, fallback: Cell) -> Cell:
    return fallback if tier is None else Cell(_count(tier), str(tier))


def _difference(line: Line, ask: str) -> Cell:
    """The yearly difference from renewal, in words."""
    if line.status != "ok" or line.annual is None:
        return Cell(ask, None, line.assumptions)
    if line.change == "new":
        return Cell(word("difference.added", amount=show(line.annual)), text(line.annual))
    if line.today_annual is None:
        return Cell(template("cells.none"))
    delta: Decimal = line.annual - line.today_annual
    rests_on = line.assumptions if line.change in DIFFERENCE_RULES else ()
    if delta < 0:
        return Cell(word("difference.less", amount=show(-delta)), text(delta), rests_on)
    if delta > 0:
        return Cell(word("difference.more", amount=show(delta)), text(delta), rests_on)
    return Cell(template("difference.same"), text(delta), rests_on)


def _when(bill: Bill) -> str:
    if bill.in_days is None:
        return template("bills.undated")
    if bill.in_days == 0:
        return template("bills.now")
    return word("bills.in_day") if bill.in_days == 1 else word("bills.in_days", days=_count(bill.in_days))


def _prices(bill: Bill) -> str:
    """Which prices a bill is priced on: those in force from a change's date, or those before any."""
    if bill.prices_from is None:
        return template("bills.prices_base")
    return word("bills.prices_from", date=long_date(bill.prices_from))


def _annual(line: Line, cell: Cell) -> Cell:
    """The yearly price, and beside it the renewal's when a dated change moves it before that bill."""
    if line.renewal_annual is None or line.annual is None or line.renewal_annual == line.annual:
        return cell
    if line.renewal_from is None:
        return cell
    said = word(
        "cells.renewal_price", annual=cell.text, renewal=show(line.renewal_annual), date=long_date(line.renewal_from)
    )
    return Cell(said, cell.value, cell.assumptions)


def _money(amount: Decimal | None, priced: bool, ask: str, assumptions: tuple[str, ...] = ()) -> Cell:
    if not priced or amount is None:
        return Cell(ask, None, assumptions)
    return Cell(show(amount), text(amount), assumptions)


def _priced(q: Quote) -> bool:
    """Whether any line has a price (view.js's priced): with none, totals say whom to ask, not $0.00."""
    return any(line.status == "ok" for line in q.lines)


def totals(q: Quote) -> dict[str, Cell]:
    """The totals row: its label (`product`), `annual`, `due_now`, and `today_annual` for a change."""
    ask = word("cells.ask", contact=q.contact)
    priced = _priced(q)
    label = template("totals.priced_only") if priced and not q.complete else template("totals.total")
    due_rules = tuple(dict.fromkeys(a for l in q.lines if l.status == "ok" for a in l.assumptions))
    out = {
        "product": Cell(label),
        "annual": _money(q.annual_total, priced, ask),
        "due_now": _money(q.due_now_total, priced, ask, due_rules),
    }
    if q.has_current:
        today_total = q.today_annual_total
        out["today_annual"] = Cell(template("cells.none")) if today_total is None else _money(today_total, True, ask)
    return out


def window(label: str, q: Quote) -> str:
    """The next term's total's label with the last day it covers: "Paid in the next 365 days, through
    November 30, 2027" (the quote's day is the first of the term's days)."""
    return word("totals.window", label=label, date=long_date(q.day + timedelta(days=q.term_days - 1)))


def view(catalog: Catalog, scenario: Scenario, q: Quote) -> QuoteView:
    """The quote as rows and words (its bills dated from the quote's own date)."""
    names = {p.key: p.name for p in catalog.products}
    change = q.has_current
    keys = (
        ["product", "change"]
        + (["today_tier", "today_annual"] if change else [])
        + ["users", "tier", "instances", "annual"]
        + (["difference"] if change else [])
        + ["due_now"]
    )
    ask = word("cells.ask", contact=q.contact)
    none = template("cells.none")

    def money(amount: Decimal | None, priced: bool, assumptions: tuple[str, ...] = ()) -> Cell:
        return _money(amount, priced, ask, assumptions)

    rows = []
    for line in q.lines:
        ok = line.status == "ok"
        held = (scenario.current or {}).get(line.product)
        cells = {
            "product": Cell(names[line.product], line.product),
            "change": Cell(template(f"change.{line.change}"), line.change),
            "users": Cell(_count(line.users), str(line.users)),
            "tier": Cell(_count(line.tier), str(line.tier))
            if line.tier is not None
            else _tier_cell(
                None if ok else _known_tier(catalog, line.product, line.users),
                Cell(none if ok else ask, None, () if ok else line.assumptions),
            ),
            "instances": Cell(_count(line.instances), str(line.instances)),
            "annual": _annual(line, money(line.annual, ok, () if ok else line.assumptions)),
            "due_now": money(line.due_now, ok, line.assumptions),
        }
        if change:
            if held is None:
                cells["today_tier"], cells["today_annual"] = Cell(none), Cell(none)
            elif line.today_tier is None:
                known = _known_tier(catalog, line.product, held.users)
                cells["today_tier"] = _tier_cell(known, Cell(word("cells.tier", tier=_count(held.users))))
                cells["today_annual"] = Cell(ask)
            else:
                cells["today_tier"] = Cell(_count(line.today_tier), str(line.today_tier))
                cells["today_annual"] = money(line.today_annual, True)
            cells["difference"] = _difference(line, ask)
        rows.append(Row(line.product, cells))

    total = {key: Cell("") for key in keys}
    total.update(totals(q))
    incomplete = None if q.complete else word("totals.incomplete", ask=ask)

    bills = []
    for bill in q.bills:
        what = template("bills.join").join(template(f"bills.{p}") for p in bill.parts)
        bills.append(
            BillRow(
                _when(bill),
                none if bill.on is None else long_date(bill.on),
                what[:1].upper() + what[1:],
                template("bills.products_join").join(names[k] for k in bill.products),
                _prices(bill),
                Cell(show(bill.amount), text(bill.amount), bill.assumptions),
                bill.in_days,
            )
        )
    first = q.first_year_total
    year_rules = tuple(
        dict.fromkeys(a for b in q.bills if in_term(b.in_days, catalog.term_days) for a in b.assumptions)
    )
    priced = _priced(q)
    if first is None:
        first_year = Cell(template("bills.first_year_unknown"))
    elif not priced:
        first_year = Cell(ask)  # nothing priced: whom to ask, not $0.00
    else:
        first_year = Cell(show(first), text(first), year_rules)

    later = any(b.in_days is not None and not in_term(b.in_days, catalog.term_days) for b in q.bills)
    after_window = (
        word("totals.after_window", date=long_date(q.day + timedelta(days=catalog.term_days))) if later else None
    )

    contact = getattr(catalog.contacts, scenario.customer)
    about = [word("about.customer", who=_mid_sentence(contact.who), contact=contact.name)]
    about.append(word("about.date", date=long_date(q.day), valid_until=long_date(q.valid_until)))
    if change:
        if scenario.renewal is not None and scenario.days_remaining is not None:
            about.append(
                word(
                    "about.renewal",
                    date=long_date(scenario.renewal),
                    days=scenario.days_remaining,
                    term_days=catalog.term_days,
                    today=long_date(q.day),
                )
            )
        elif scenario.days_remaining is not None:
            about.append(word("about.days", days=scenario.days_remaining, term_days=catalog.term_days))
        else:
            about.append(template("about.no_days"))

    notes = [Cell(n.text, n.product, n.assumptions) for n in q.notes]
    result = QuoteView(
        about,
        [(k, template("columns." + ("annual_new" if k == "annual" and not change else k))) for k in keys],
        rows,
        Row(None, total),
        incomplete,
        bills,
        window(
            word(
                "totals.first_year_priced_only" if priced and not q.complete else "totals.first_year",
                term_days=catalog.term_days,
            ),
            q,
        ),
        first_year,
        notes,
        after_window,
        sum(1 for b in q.bills if in_term(b.in_days, catalog.term_days)),
        dated_prices=bool(catalog.price_changes),
    )
    # Footnotes in reading order: the table, its total, the bills, the first year, the explanation.
    used: list[str] = []
    figures = [c for r in [*rows, result.total] for c in r.cells.values()] + [b.amount for b in bills]
    for c in [*figures, first_year, *notes]:
        used += [a for a in c.assumptions if a not in used]
    result.footnotes = [
        (k, word("assumptions.footnote", n=i, title=getattr(catalog.rules, k).title, summary=catalog.rule_text(k)))
        for i, k in enumerate(used, start=1)
    ]
    return result
