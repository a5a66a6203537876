"""Plain-text tables of quotes and the price book: what a salesperson pastes into an email.

The words and the figures come from `present.view`; this module only lays them out."""

from __future__ import annotations

from datetime import date
from functools import reduce

from govcloud.calc.quote import Quote
from govcloud.calc.room import room_lines
from govcloud.model.catalog import Catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.render.present import MONEY_COLUMNS, NUMBER_COLUMNS, Cell, QuoteView, view
from govcloud.words.characters import width
from govcloud.words.cldr import count as count_of
from govcloud.words.cldr import long_date
from govcloud.words.vocabulary import template, word


def align(rows: list[list[str]], right: set[int]) -> list[str]:
    """Columns padded to the terminal width of their widest cell (a Japanese character takes two)."""
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]

    def pad(c: str, w: int, to_right: bool) -> str:
        gap = " " * (w - width(c))
        return gap + c if to_right else c + gap

    return ["  ".join(pad(c, w, i in right) for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in rows]


def sentences(said: list[str]) -> str:
    """Sentences on one line, as the language sets them one after another."""
    return reduce(lambda first, then: word("cli.sentences", first=first, then=then), said) if said else ""


def _marked(v: QuoteView, cell: Cell) -> str:
    """The cell's text with its footnote markers: '$4,010.96 [1]'."""
    marks = "".join(f"[{n}]" for n in v.mark(cell.assumptions))
    return f"{cell.text} {marks}" if marks and cell.text else cell.text


def quote_table(catalog: Catalog, scenario: Scenario, q: Quote, heading: str) -> str:
    """The quote as a heading, what it is about, an aligned table, the bills, the explanation and footnotes."""
    v = view(catalog, scenario, q)
    keys = [k for k, _ in v.columns]
    rows = [[h for _, h in v.columns]]
    rows += [[_marked(v, r.cells[k]) for k in keys] for r in v.rows + [v.total]]
    right = {i for i, k in enumerate(keys) if k in MONEY_COLUMNS + NUMBER_COLUMNS}
    out = [heading, sentences(v.about), ""] + align(rows, right)
    if v.incomplete:
        out.append(v.incomplete)
    out += ["", template("bills.title")]
    # The price list each bill is priced on, once the data records price changes.
    priced = ["prices"] if v.dated_prices else []
    table = [[template(f"bills.{k}") for k in ("when", "on", "what", "products", *priced, "amount")]]
    table += [
        [b.when, b.on, b.what, b.products, *([b.prices] if v.dated_prices else []), _marked(v, b.amount)]
        for b in v.bills
    ]
    lines = align(table, {len(table[0]) - 1}) if v.bills else [template("bills.none")]
    # The total between the bills it sums and those after (a bill on the window's next day once seemed counted).
    year = word("bills.first_year", label=v.first_year_label, amount=_marked(v, v.first_year))
    cut = 1 + v.in_window if v.bills else 1
    out += lines[:cut] + [year] + lines[cut:]
    if v.after_window:
        out.append(v.after_window)
    out += room_lines(catalog, q)  # how many more users fit, and what the next tier costs
    out += [""] + [f"- {_marked(v, n)}" for n in v.notes]
    if v.footnotes:
        out += [""] + [text for _, text in v.footnotes]
    return "\n".join(out)


def heading(n: int, count: int, scenario: Scenario) -> str:
    """The heading of the n-th of `count` quotes: "Scenario 2 of 5: its title", or "Quote"."""
    number = word("cli.scenario", n=n, count=count) if count > 1 else word("cli.quote")
    return word("cli.titled", number=number, title=scenario.title) if scenario.title else number


# Between two quotes' tables.
GAP = "\n\n\n"


def pricebook_table(book: dict, catalog: Catalog) -> str:
    """The price book's products with the ladders in force on the book's day, and beside them
    each later recorded change's price of a tier it moves."""
    contacts = book["contacts"]
    day = date.fromisoformat(book["date"])
    prices = catalog.prices_on(day)
    later = [(d, catalog.prices_on(d)) for d in catalog.change_dates() if d > day]
    parts = [
        word(
            "cli.pricebook.intro",
            currency=book["currency"],
            date=long_date(day),
            government=contacts["government"],
            commercial=contacts["commercial"],
            max_instances=book["max_instances"],
        )
    ]
    for product in book["products"]:
        key = product["key"]
        ladder = prices.ladder(key)
        moved = [(d, p.ladder(key)) for d, p in later]
        # A column for each later change that moves one of this product's prices.
        moved = [(d, new) for i, (d, new) in enumerate(moved) if new != (moved[i - 1][1] if i else ladder)]
        rows = [[word("cli.pricebook.users"), word("cli.pricebook.annual")]]
        rows[0] += [word("cli.pricebook.from", date=long_date(d)) for d, _ in moved]
        for i, t in enumerate(ladder):
            cells, before = [], t.annual
            for _, new in moved:
                cells.append(show(new[i].annual) if new[i].annual != before else "")
                before = new[i].annual
            rows.append([count_of(t.users), show(t.annual), *cells])
        parts.append("\n".join([product["name"]] + align(rows, set(range(len(rows[0]))))))
    return "\n\n".join(parts)
