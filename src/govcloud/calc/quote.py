"""The calculation: a quote for a scenario on a catalog, as docs/formats.md describes it.

Every sentence comes from `vocabulary.WORDS`; `docs/assets/govcloud-quote.js`
does the same arithmetic on the price book and fills the same templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from govcloud.model.catalog import Catalog, Ladder, Prices, Product, Rules
from govcloud.model.money import ZERO, cents, show, text
from govcloud.model.scenario import Change, Holding, Scenario, quote_date
from govcloud.model.tiers import change_of, tier_index
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


@dataclass(frozen=True)
class Line:
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


@dataclass(frozen=True)
class Bill:
    """Money that falls due on one day: `in_days` from the quote's date, or None when the days left
    were not given; priced on that day (`on`), or on the quote's date when undated."""

    in_days: int | None
    amount: Decimal
    products: tuple[str, ...]
    parts: tuple[str, ...]
    assumptions: tuple[str, ...]
    on: date | None = None
    prices_from: date | None = None  # the version of the prices it is priced on (Catalog.prices_from)

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


@dataclass(frozen=True)
class Note:
    """One sentence of the explanation, the product it is about, and the rules it rests on."""

    text: str
    product: str | None = None
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    currency: str
    customer: str
    contact: str
    lines: list[Line]
    prices: Prices = field(repr=False, compare=False)  # the ladders the lines are priced on
    notes: list[Note] = field(default_factory=list)
    has_current: bool = False
    bills: list[Bill] = field(default_factory=list)
    term_days: int = 365
    day: date = date.min  # D, the quote's `date`: the day the change is made and priced
    valid_until: date = date.min  # D + the data's quote_valid_days

    @property
    def messages(self) -> list[str]:
        return [n.text for n in self.notes]

    @property
    def complete(self) -> bool:
        return all(line.status == "ok" for line in self.lines)

    @property
    def annual_total(self) -> Decimal:
        return sum((l.annual for l in self.lines if l.status == "ok" and l.annual is not None), ZERO)

    @property
    def due_now_total(self) -> Decimal:
        return sum((l.due_now for l in self.lines if l.status == "ok" and l.due_now is not None), ZERO)

    @property
    def today_annual_total(self) -> Decimal | None:
        """What today's holdings cost a year; None without a `current`, or when one is beyond the price book."""
        if not self.has_current:
            return None
        held = [l for l in self.lines if l.change != "new"]
        if any(l.today_annual is None for l in held):
            return None
        return sum((l.today_annual for l in held if l.today_annual is not None), ZERO)

    @property
    def first_year_total(self) -> Decimal | None:
        """What is paid in the next term's days: None while a bill has no date."""
        if any(b.in_days is None for b in self.bills):
            return None
        return sum((b.amount for b in self.bills if b.in_days is not None and b.in_days < self.term_days), ZERO)

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


def prorate(difference: Decimal, days: int, term_days: int) -> Decimal:
    return cents(difference * days / term_days)


def unconfirmed(catalog: Catalog, keys: tuple[str, ...] | set[str]) -> tuple[str, ...]:
    """The given rule keys that the data marks `confirmed: false`, in the data's rule order."""
    return tuple(k for k in _unconfirmed(catalog.rules) if k in keys) if keys else ()


_UNCONFIRMED: dict[int, tuple[Rules, tuple[str, ...]]] = {}


def _unconfirmed(rules: Rules) -> tuple[str, ...]:
    # Kept per rules object, found by identity: a copy with a rule confirmed is another object
    # (hashing the frozen model walked every rule, a tenth of a quote's time).
    hit = _UNCONFIRMED.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = _UNCONFIRMED[id(rules)] = (rules, tuple(k for k in Rules.model_fields if not getattr(rules, k).confirmed))
    return hit[1]


def quote(catalog: Catalog, scenario: Scenario, today: date | None = None) -> Quote:
    """The quote dated D (the scenario's `date`, else `today`, else the system date): the lines
    and due now on D's prices, each bill on the prices of its own day."""
    day = quote_date(scenario, today)
    prices = catalog.prices_on(day)
    contact = getattr(catalog.contacts, scenario.customer).name
    current = scenario.current or {}
    line_rules, part_rules = LINE_RULES, PART_RULES
    if not current.keys() & scenario.proposed.keys():
        # No subscription of today's is kept: a new one has no term to be co-termed with, so its
        # figures do not rest on the new-subscription rule (only a product added mid-term does).
        line_rules = {**LINE_RULES, "new": ()}
        part_rules = {part: {c: r for c, r in by.items() if c != "new"} for part, by in PART_RULES.items()}
    days = scenario.days_remaining
    dated = _Dated(catalog, day, prices, days)
    lines: list[Line] = []
    notes: list[Note] = []
    for product in catalog.products:
        now, wanted = current.get(product.key), scenario.proposed.get(product.key)
        if now is None and wanted is None:
            continue
        line, said = _line(catalog, product, dated, now, wanted, days, contact, line_rules)
        moves, moved_on = _price_moves(catalog, product, dated, line, part_rules)
        lines.append(line if moved_on == line.renewal_from else replace(line, renewal_from=moved_on))
        notes += said + moves
    valid_until = day + timedelta(days=catalog.quote_valid_days)
    holds = [d for d in catalog.change_dates() if day < d <= valid_until]
    holds_rules = unconfirmed(catalog, {HOLDS_RULE})
    notes += [
        Note(word("messages.prices_hold", date=long_date(d), valid_until=long_date(valid_until)), None, holds_rules)
        for d in holds
    ]
    if not all(line.status == "ok" for line in lines):
        notes.append(Note(word("messages.incomplete", contact=contact)))
    notes.append(Note(word("messages.illustrative", contact=contact)))
    bills = _bills(catalog, dated, lines, days, part_rules, {HOLDS_RULE} if holds else set())
    return Quote(
        catalog.currency,
        scenario.customer,
        contact,
        lines,
        prices,
        notes,
        scenario.current is not None,
        bills,
        catalog.term_days,
        day,
        valid_until,
    )


class _Dated:
    """The days a quote's bills fall on, and the prices in force on each (D's ladders reused for
    every day of the same version of the prices)."""

    def __init__(self, catalog: Catalog, day: date, prices: Prices, days: int | None):
        self.catalog, self.day, self.prices = catalog, day, prices
        self.version = catalog.prices_from(day)
        self.undated = days is None
        # The current term's renewal (on D when its days were not given), and a new line's first renewal.
        self.renewal = day + timedelta(days=days) if days is not None else day
        self.first_renewal = day + timedelta(days=catalog.term_days)
        self._known: dict[date, Prices] = {}

    def prices_on(self, day: date) -> Prices:
        if self.catalog.prices_from(day) == self.version:
            return self.prices
        if day not in self._known:
            self._known[day] = self.catalog.prices_on(day)
        return self._known[day]

    def renews_on(self, change: Change) -> date:
        return self.first_renewal if change == "new" else self.renewal


def _bills(
    catalog: Catalog,
    dated: _Dated,
    lines: list[Line],
    days: int | None,
    part_rules: dict[str, dict[str, tuple[str, ...]]],
    due_now_rules: set[str],
) -> list[Bill]:
    """The contract's dated bills: due now, the current term's renewal, each new subscription's
    first renewal; each priced on its own day (the lines' `renewal_annual`)."""
    entries: list[tuple[int | None, str, Line, Decimal]] = []
    for line in lines:
        if line.status != "ok" or line.renewal_annual is None or line.due_now is None:
            continue
        if line.due_now > 0:
            entries.append((0, "due_now", line, line.due_now))
        if line.change in KEPT:
            entries.append((days, "renewal", line, line.renewal_annual))
        elif line.change == "new":
            entries.append((catalog.term_days, "first_renewal", line, line.renewal_annual))
    days_of = sorted({d for d, *_ in entries}, key=lambda d: (d is None, d or 0))
    bills = []
    for in_days in days_of:
        here = [e for e in entries if e[0] == in_days]
        keys = {e[2].product for e in here}
        rules = {r for _, part, line, _ in here for r in part_rules[part].get(line.change, ())}
        if in_days == 0:
            rules |= due_now_rules
        on = None if in_days is None else dated.day + timedelta(days=in_days)
        bills.append(
            Bill(
                in_days,
                sum((e[3] for e in here), ZERO),
                tuple(l.product for l in lines if l.product in keys),
                tuple(p for p in PARTS if any(e[1] == p for e in here)),
                unconfirmed(catalog, rules),
                on,
                catalog.prices_from(on or dated.day),
            )
        )
    return bills


def _price_moves(
    catalog: Catalog,
    product: Product,
    dated: _Dated,
    line: Line,
    part_rules: dict[str, dict[str, tuple[str, ...]]],
) -> tuple[list[Note], date | None]:
    """A sentence for each dated change of the line's tier price after D, up to the day its next
    bill is priced (for an undated renewal, within a term of D: it applies if the renewal is later);
    and the date of the last such change when the bill is dated."""
    if line.status != "ok" or line.tier is None or line.renews_on is None:
        return [], None
    undated = dated.undated and line.change in KEPT
    last = dated.day + timedelta(days=catalog.term_days) if undated else line.renews_on
    part = "first_renewal" if line.change == "new" else "renewal"
    rests_on = unconfirmed(catalog, set(part_rules[part].get(line.change, ())))
    index = tier_index(product, line.users)
    notes, moved_on = [], None
    for effective in catalog.change_dates():
        if not dated.day < effective <= last:
            continue
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


def _beyond(catalog: Catalog, product: Product, holdings: list[Holding]) -> list[str]:
    """Why a line is beyond the price book, in words; empty when it is not."""
    top = product.tiers[-1].users
    reasons = []
    users = max(h.users for h in holdings)
    if users > top:
        reasons.append(word("messages.beyond_users", users=f"{users:,}", top=f"{top:,}"))
    instances = max(h.instances for h in holdings)
    if instances > catalog.max_instances:
        reasons.append(
            word("messages.beyond_instances", instances=f"{instances:,}", max_instances=f"{catalog.max_instances:,}")
        )
    return reasons


def _today(
    catalog: Catalog, product: Product, ladder: Ladder, now: Holding | None
) -> tuple[int | None, Decimal | None]:
    """Today's tier and price; (None, None) with nothing today or a holding beyond the price book."""
    if now is None or now.instances > catalog.max_instances:
        return None, None
    index = tier_index(product, now.users)
    if index == len(ladder):
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
    line_rules: dict[str, tuple[str, ...]],
) -> tuple[Line, list[Note]]:
    name, change, key = product.name, change_of(product, now, wanted), product.key
    ladder = dated.prices.ladder(key)
    today_tier, today_annual = _today(catalog, product, ladder, now)
    rests_on = unconfirmed(catalog, set(line_rules.get(change, ())))

    def note(path: str, assumptions: tuple[str, ...] = (), **values: object) -> Note:
        return Note(word(path, product=name, **values), key, assumptions)

    if wanted is None:
        # A cancellation bills nothing more, whatever today's holding is.
        return (
            Line(key, "cancel", 0, None, 0, ZERO, ZERO, "ok", today_tier, today_annual, rests_on),
            [note("messages.cancel", rests_on)],
        )
    reasons = _beyond(catalog, product, [h for h in (now, wanted) if h is not None])
    if reasons:
        beyond = unconfirmed(catalog, set(LINE_RULES["contact_sales"]))
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
            [note("messages.beyond", beyond, reasons=word("messages.beyond_join").join(reasons), contact=contact)],
        )
    index = tier_index(product, wanted.users)
    tier = ladder[index]
    renews_on = dated.renews_on(change)
    renewal_annual = dated.prices_on(renews_on).ladder(key)[index].annual
    said = [note("messages.tier", users=f"{wanted.users:,}", tier=f"{tier.users:,}")]
    due = ZERO
    if change == "new":
        due = tier.annual
        said.append(note("messages.new", rests_on, due_now=show(due)))
    elif now is not None:
        old = ladder[tier_index(product, now.users)]
        if change == "upgrade":
            if days is None:
                raise ValueError("days_remaining missing for an upgrade")
            difference = tier.annual - old.annual
            due = prorate(difference, days, catalog.term_days)
            said.append(
                note(
                    "messages.upgrade",
                    rests_on,
                    old_tier=f"{old.users:,}",
                    difference=show(difference),
                    days=days,
                    term_days=catalog.term_days,
                    due_now=show(due),
                )
            )
        elif change == "downgrade":
            said.append(note("messages.downgrade", rests_on, old_tier=f"{old.users:,}"))
        elif change == "instances_only":
            said.append(note("messages.instances_only", old_instances=now.instances, instances=wanted.instances))
        elif wanted.users != now.users:
            said.append(note("messages.same_tier", users=f"{wanted.users:,}", tier=f"{tier.users:,}"))
        else:
            said.append(note("messages.unchanged"))
    said.append(note("messages.instances", instances=wanted.instances, max_instances=catalog.max_instances))
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
