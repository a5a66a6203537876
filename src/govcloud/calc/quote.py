"""The calculation: a quote for a scenario on a catalog, as docs/formats.md describes it.

Every sentence comes from `vocabulary.WORDS`; `docs/assets/govcloud-quote.js`
does the same arithmetic on the price book and fills the same templates.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from govcloud.model.catalog import Catalog, Ladder, Prices, Product, Rules
from govcloud.model.memo import per_object
from govcloud.model.money import ZERO, cents, show, text
from govcloud.model.scenario import Change, Holding, Scenario, quote_date
from govcloud.model.tiers import change_of, sizes, tier_index
from govcloud.words.cldr import long_date
from govcloud.words.vocabulary import word

# Changes that keep today's subscription: they renew on the current term's date.
KEPT: tuple[Change, ...] = ("upgrade", "downgrade", "instances_only", "unchanged")
# The rules a line's figures rest on, by change kind (kept only while the data marks them unconfirmed).
LINE_RULES: dict[str, tuple[str, ...]] = {
    "new": ("new_subscription_term",),
    "upgrade": ("upgrade",),
    "downgrade": ("downgrade",),
    "cancel": ("cancel",),
    "contact_sales": ("beyond_limits",),
}
# ... and the rules each part of a bill rests on, by the change of the line it carries.
PART_RULES: dict[str, dict[str, tuple[str, ...]]] = {
    "due_now": {"upgrade": ("upgrade",), "new": ("new_subscription_term",)},
    "renewal": {"downgrade": ("downgrade",)},
    "first_renewal": {"new": ("new_subscription_term",)},
}
PARTS = ("due_now", "renewal", "first_renewal")
# Changes whose yearly difference from today (a column of the quote's table) carries the line's rules.
DIFFERENCE_RULES: tuple[Change, ...] = ("downgrade", "cancel")
# The rule a quote's due-now bill rests on while a price change falls inside the quote's validity.
HOLDS_RULE = "quote_holds_price"


class Line(NamedTuple):
    product: str
    change: Change
    users: int
    tier: int | None
    instances: int
    annual: Decimal | None
    due_now: Decimal | None
    status: str
    today_tier: int | None = None
    today_annual: Decimal | None = None
    assumptions: tuple[str, ...] = ()
    # The yearly price the line's next full-term bill charges (its renewal, or a new line's first
    # renewal), on that bill's day; None for a cancel and beyond the price book.
    renewal_annual: Decimal | None = None
    # The day that bill is priced on (the renewal's, D when undated; a new line's first renewal).
    renews_on: date | None = None
    # The date of the last price change before that bill that moved this tier's price (None when
    # none did): tables show "$23,400.00; $24,570.00 from February 1, 2027".
    renewal_from: date | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "change": self.change,
            "users": self.users,
            "tier": self.tier,
            "instances": self.instances,
            "annual": text(self.annual),
            "due_now": text(self.due_now),
            "status": self.status,
            "today_tier": self.today_tier,
            "today_annual": text(self.today_annual),
            "renewal_annual": text(self.renewal_annual),
            "assumptions": list(self.assumptions),
        }


class Bill(NamedTuple):
    """Money that falls due on one day: `in_days` from the quote's date, or None when the days left
    were not given; priced on that day (`on`), or on the quote's date when undated."""

    in_days: int | None
    amount: Decimal
    products: tuple[str, ...]
    parts: tuple[str, ...]
    assumptions: tuple[str, ...]
    on: date | None = None
    prices_from: date | None = None  # the version of the prices it is priced on (Prices.version)

    def as_json(self) -> dict[str, Any]:
        return {
            "in_days": self.in_days,
            "on": None if self.on is None else self.on.isoformat(),
            "amount": text(self.amount),
            "products": list(self.products),
            "parts": list(self.parts),
            "prices_from": None if self.prices_from is None else self.prices_from.isoformat(),
            "assumptions": list(self.assumptions),
        }


def in_term(in_days: int | None, term_days: int) -> bool:
    """Whether a bill `in_days` from D falls in the next term's days (D the first): a known day
    before the term's length. An undated bill is in no term; one on day `term_days` or later is after it."""
    return in_days is not None and in_days < term_days


class Note(NamedTuple):
    """One sentence of the explanation, the product it is about, and the rules it rests on."""

    text: str
    product: str | None = None
    assumptions: tuple[str, ...] = ()


class Quote(NamedTuple):
    """What quote() works out: a tuple, as each line, bill and note is (nothing changes them)."""

    currency: str
    customer: str
    contact: str
    lines: list[Line]
    prices: Prices  # the ladders the lines are priced on
    notes: list[Note]
    has_current: bool
    bills: list[Bill]
    term_days: int
    day: date  # D, the quote's `date`: the day the change is made and priced
    valid_until: date  # D + the data's quote_valid_days
    # The totals, added up once (`_totals`): every line priced; what the priced lines cost a year
    # and what they bill now; what today's holdings cost a year (None without a `current`, or when
    # one is beyond the price book); what is paid in the next term's days (None while a bill has
    # no date).
    complete: bool
    annual_total: Decimal
    due_now_total: Decimal
    today_annual_total: Decimal | None
    first_year_total: Decimal | None

    @property
    def messages(self) -> list[str]:
        return [n.text for n in self.notes]

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "valid_until": self.valid_until.isoformat(),
            "currency": self.currency,
            "customer": self.customer,
            "contact": self.contact,
            "complete": self.complete,
            "lines": [l.as_json() for l in self.lines],
            "annual_total": text(self.annual_total),
            "due_now_total": text(self.due_now_total),
            "messages": self.messages,
            "today_annual_total": text(self.today_annual_total),
            "bills": [b.as_json() for b in self.bills],
            "first_year_total": text(self.first_year_total),
        }


def _totals(
    lines: list[Line], bills: list[Bill], held: bool, term_days: int
) -> tuple[bool, Decimal, Decimal, Decimal | None, Decimal | None]:
    """A quote's totals, `complete` first, in one pass over its lines and bills (`held`: the scenario
    has a `current`)."""
    complete, annual, due = True, ZERO, ZERO
    today: Decimal | None = ZERO if held else None
    for line in lines:
        if line.status != "ok":
            complete = False
        elif line.annual is not None and line.due_now is not None:
            annual += line.annual
            due += line.due_now
        if today is not None and line.change != "new":
            today = None if line.today_annual is None else today + line.today_annual
    first = ZERO
    for bill in bills:
        if bill.in_days is None:
            return complete, annual, due, today, None
        if in_term(bill.in_days, term_days):
            first += bill.amount
    return complete, annual, due, today, first


def prorate(difference: Decimal, days: int, term_days: int) -> Decimal:
    return cents(difference * days / term_days)


class _Rests:
    """The rules each kind of figure rests on while the data marks them unconfirmed, worked out
    once per rules object: `kept` when the scenario keeps a subscription of today's, `fresh` when it
    keeps none (a new one then has no term to be co-termed with, so it rests on no rule)."""

    def __init__(self, rules: Rules):
        self.order = tuple(k for k in Rules.model_fields if not getattr(rules, k).confirmed)
        self.kept = _Table(self, LINE_RULES, PART_RULES)
        self.fresh = _Table(
            self,
            {**LINE_RULES, "new": ()},
            {part: {c: r for c, r in by.items() if c != "new"} for part, by in PART_RULES.items()},
        )
        self.beyond = self.of(LINE_RULES["contact_sales"])
        self.holds = self.of((HOLDS_RULE,))

    def of(self, keys: tuple[str, ...] | set[str]) -> tuple[str, ...]:
        return tuple(k for k in self.order if k in keys) if keys else ()


class _Table:
    """For one kind of scenario: a line's rules by change, and each bill part's rules by change."""

    def __init__(
        self, rests: _Rests, line_rules: dict[str, tuple[str, ...]], part_rules: dict[str, dict[str, tuple[str, ...]]]
    ):
        self.line = {change: rests.of(keys) for change, keys in line_rules.items()}
        self.part = {part: {change: rests.of(keys) for change, keys in by.items()} for part, by in part_rules.items()}


# Found by identity: a copy with a rule confirmed is another object (hashing the frozen model
# walked every rule, a tenth of a quote's time).
_rests = per_object(_Rests)


def quote(catalog: Catalog, scenario: Scenario, today: date | None = None) -> Quote:
    """The quote dated D (the scenario's `date`, else `today`, else the system date): the lines
    and due now on D's prices, each bill on the prices of its own day."""
    day = quote_date(scenario, today)
    prices = catalog.prices_on(day)
    contact = getattr(catalog.contacts, scenario.customer).name
    current, proposed = scenario.current or {}, scenario.proposed
    rests = _rests(catalog.rules)
    table = rests.fresh if current.keys().isdisjoint(proposed) else rests.kept
    days = scenario.days_remaining
    dated = _Dated(catalog, prices, days)
    lines: list[Line] = []
    notes: list[Note] = []
    for product in catalog.products:
        now, wanted = current.get(product.key), proposed.get(product.key)
        if now is None and wanted is None:
            continue
        line, said = _line(catalog, product, dated, now, wanted, days, contact, table, rests)
        if prices.later:  # a price change after D may move the line's next bill
            moves, moved_on = _price_moves(catalog, product, dated, line, table)
            said += moves
            if moved_on != line.renewal_from:
                line = line._replace(renewal_from=moved_on)
        lines.append(line)
        notes += said
    valid_until = day + timedelta(catalog.quote_valid_days)
    holds = [d for d in prices.later if d <= valid_until]
    for d in holds:
        text = word("messages.prices_hold", date=long_date(d), valid_until=long_date(valid_until))
        notes.append(Note(text, None, rests.holds))
    bills = _bills(catalog, dated, lines, days, table, rests, {HOLDS_RULE} if holds else set())
    held = scenario.current is not None
    complete, annual_total, due_now_total, today_annual_total, first_year_total = _totals(
        lines, bills, held, catalog.term_days
    )
    if not complete:  # a line beyond the price book
        notes.append(Note(word("messages.incomplete", contact=contact)))
    notes.append(Note(word("messages.illustrative", contact=contact)))
    return Quote(
        catalog.currency,
        scenario.customer,
        contact,
        lines,
        prices,
        notes,
        held,
        bills,
        catalog.term_days,
        day,
        valid_until,
        complete,
        annual_total,
        due_now_total,
        today_annual_total,
        first_year_total,
    )


class _Dated:
    """The days a quote's bills fall on, and the prices in force on each (D's ladders reused for
    every day of the same version of the prices)."""

    __slots__ = ("catalog", "day", "prices", "undated", "renewal", "first_renewal")

    def __init__(self, catalog: Catalog, prices: Prices, days: int | None):
        self.catalog, self.prices, self.day = catalog, prices, prices.day
        self.undated = days is None
        # The current term's renewal (on D when its days were not given), and a new line's first renewal.
        self.renewal = self.day + timedelta(days) if days is not None else self.day
        self.first_renewal = self.day + timedelta(catalog.term_days)

    def prices_on(self, day: date) -> Prices:
        """The prices in force on `day`, which is D or a day after it (a bill's or a renewal's): D's
        unless a price change after D (`prices.later`) comes on or before it."""
        later = self.prices.later
        if not later or day < later[0]:
            return self.prices
        return self.catalog.prices_on(day)

    def renews_on(self, change: Change) -> date:
        return self.first_renewal if change == "new" else self.renewal


def _bills(
    catalog: Catalog,
    dated: _Dated,
    lines: list[Line],
    days: int | None,
    table: _Table,
    rests: _Rests,
    due_now_rules: set[str],
) -> list[Bill]:
    """The contract's dated bills: due now, the current term's renewal, each new subscription's
    first renewal; each priced on its own day (the lines' `renewal_annual`)."""
    # Each day's bill as the lines add to it, in their order.
    adding: dict[int | None, _Adding] = {}
    for line in lines:
        if line.status != "ok" or line.renewal_annual is None or line.due_now is None:
            continue
        if line.due_now > 0:
            _add(adding, 0, dated.day, "due_now", line, line.due_now, table)
        if line.change in KEPT:
            _add(adding, days, None if dated.undated else dated.renewal, "renewal", line, line.renewal_annual, table)
        elif line.change == "new":
            _add(adding, catalog.term_days, dated.first_renewal, "first_renewal", line, line.renewal_annual, table)
    bills = []
    # In date order, the undated renewal last.
    for in_days in sorted(adding, key=_undated_last):
        bill = adding[in_days]
        rules = bill.rules | due_now_rules if in_days == 0 and due_now_rules else bill.rules
        bills.append(
            Bill(
                in_days,
                bill.amount,
                tuple(bill.products),
                tuple([p for p in PARTS if p in bill.parts]),
                rests.of(rules) if rules else (),
                bill.on,
                dated.prices_on(bill.on or dated.day).version,
            )
        )
    return bills


class _Adding:
    """One day's bill while the lines add to it."""

    __slots__ = ("on", "amount", "products", "parts", "rules")

    def __init__(self, on: date | None) -> None:
        self.on = on
        self.amount = ZERO
        self.products: list[str] = []
        self.parts: set[str] = set()
        self.rules: set[str] = set()


def _add(
    adding: dict[int | None, _Adding],
    in_days: int | None,
    on: date | None,
    part: str,
    line: Line,
    value: Decimal,
    table: _Table,
) -> None:
    bill = adding.get(in_days)
    if bill is None:
        bill = adding[in_days] = _Adding(on)
    bill.amount += value
    if not bill.products or bill.products[-1] != line.product:  # a line's parts of one day are side by side
        bill.products.append(line.product)
    bill.parts.add(part)
    rules = table.part[part].get(line.change)
    if rules:
        bill.rules.update(rules)


def _undated_last(in_days: int | None) -> tuple[bool, int]:
    return (True, 0) if in_days is None else (False, in_days)


def _price_moves(
    catalog: Catalog,
    product: Product,
    dated: _Dated,
    line: Line,
    table: _Table,
) -> tuple[list[Note], date | None]:
    """A sentence for each dated change of the line's tier price after D, up to the day its next
    bill is priced (for an undated renewal, within a term of D: it applies if the renewal is later);
    and the date of the last such change when the bill is dated."""
    if line.status != "ok" or line.tier is None or line.renews_on is None:
        return [], None
    undated = dated.undated and line.change in KEPT
    last = dated.first_renewal if undated else line.renews_on
    part = "first_renewal" if line.change == "new" else "renewal"
    rests_on = table.part[part].get(line.change, ())
    index = tier_index(product, line.users)
    notes, moved_on = [], None
    for effective in dated.prices.later:
        if effective > last:
            break
        old = dated.prices_on(effective - timedelta(days=1)).ladder(product.key)[index].annual
        new = dated.prices_on(effective).ladder(product.key)[index].annual
        if old == new:
            continue  # the entry does not name this tier (or names it at its price)
        move = "rise" if new > old else "fall"
        when = "undated" if undated else "before_first_renewal" if line.change == "new" else "before_renewal"
        values = {"product": product.name, "tier": f"{line.tier:,}", "old": show(old), "new": show(new)}
        values |= {"date": long_date(effective), "renewal": long_date(line.renews_on)}
        notes.append(Note(word(f"messages.{move}_{when}", **values), product.key, rests_on))
        moved_on = None if undated else effective
    return notes, moved_on


def _beyond(
    catalog: Catalog, product: Product, now: Holding | None, wanted: Holding, over_users: bool, over_instances: bool
) -> list[str]:
    """Why a line is beyond the price book, in words."""
    reasons = []
    if over_users:
        users, top = max(wanted.users, 0 if now is None else now.users), sizes(product)[-1]
        reasons.append(word("messages.beyond_users", users=f"{users:,}", top=f"{top:,}"))
    if over_instances:
        instances, most = max(wanted.instances, 0 if now is None else now.instances), catalog.max_instances
        reasons.append(word("messages.beyond_instances", instances=f"{instances:,}", max_instances=f"{most:,}"))
    return reasons


def _today(catalog: Catalog, ladder: Ladder, now: Holding | None, index: int) -> tuple[int | None, Decimal | None]:
    """Today's tier and price (`index`: today's tier_index); (None, None) with nothing today or a
    holding beyond the price book."""
    if now is None or now.instances > catalog.max_instances or index == len(ladder):
        return None, None
    return ladder[index].users, ladder[index].annual


def _line(
    catalog: Catalog,
    product: Product,
    dated: _Dated,
    now: Holding | None,
    wanted: Holding | None,
    days: int | None,
    contact: str,
    table: _Table,
    rests: _Rests,
) -> tuple[Line, list[Note]]:
    name, key = product.name, product.key
    # Each holding's tier, found once: the change kind, today's price and the line's all use it.
    now_index = -1 if now is None else tier_index(product, now.users)
    index = -1 if wanted is None else tier_index(product, wanted.users)
    change = change_of(product, now, wanted, (now_index, index))
    ladder = dated.prices.ladder(key)
    today_tier, today_annual = _today(catalog, ladder, now, now_index)
    rests_on = table.line.get(change, ())

    if wanted is None:
        # A cancellation bills nothing more, whatever today's holding is.
        return (
            Line(key, "cancel", 0, None, 0, ZERO, ZERO, "ok", today_tier, today_annual, rests_on),
            [Note(word("messages.cancel", product=name), key, rests_on)],
        )
    # Beyond the price book: more users than the largest tier (no tier index), or more instances than allowed.
    over_users = len(ladder) in (index, now_index)
    most = catalog.max_instances
    over_instances = wanted.instances > most or (now is not None and now.instances > most)
    if over_users or over_instances:
        reasons = _beyond(catalog, product, now, wanted, over_users, over_instances)
        beyond = rests.beyond
        reason = word("messages.beyond_join").join(reasons)
        return (
            Line(
                key,
                change,
                wanted.users,
                None,
                wanted.instances,
                None,
                None,
                "contact_sales",
                today_tier,
                today_annual,
                beyond,
            ),
            [Note(word("messages.beyond", product=name, reasons=reason, contact=contact), key, beyond)],
        )
    tier = ladder[index]
    renews_on = dated.renews_on(change)
    renewal_annual = dated.prices_on(renews_on).ladder(key)[index].annual
    users, tier_users = f"{wanted.users:,}", f"{tier.users:,}"
    said = [Note(word("messages.tier", product=name, users=users, tier=tier_users), key)]
    due = ZERO
    if change == "new":
        due = tier.annual
        said.append(Note(word("messages.new", product=name, due_now=show(due)), key, rests_on))
    elif now is not None:
        old = ladder[now_index]
        if change == "upgrade":
            if days is None:
                raise ValueError("days_remaining missing for an upgrade")
            difference = tier.annual - old.annual
            due = prorate(difference, days, catalog.term_days)
            shown = {"old_tier": f"{old.users:,}", "difference": show(difference), "due_now": show(due)}
            text = word("messages.upgrade", product=name, days=days, term_days=catalog.term_days, **shown)
            said.append(Note(text, key, rests_on))
        elif change == "downgrade":
            said.append(Note(word("messages.downgrade", product=name, old_tier=f"{old.users:,}"), key, rests_on))
        elif change == "instances_only":
            text = word(
                "messages.instances_only", product=name, old_instances=now.instances, instances=wanted.instances
            )
            said.append(Note(text, key))
        elif wanted.users != now.users:
            said.append(Note(word("messages.same_tier", product=name, users=users, tier=tier_users), key))
        else:
            said.append(Note(word("messages.unchanged", product=name), key))
    text = word("messages.instances", product=name, instances=wanted.instances, max_instances=catalog.max_instances)
    said.append(Note(text, key))
    return (
        Line(
            key,
            change,
            wanted.users,
            tier.users,
            wanted.instances,
            tier.annual,
            due,
            "ok",
            today_tier,
            today_annual,
            rests_on,
            renewal_annual,
            renews_on,
        ),
        said,
    )
