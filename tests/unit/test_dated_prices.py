"""Prices that change on a date: the quote's date D, each bill priced on its own day, the
sentences about a change before a bill, and `quote_holds_price`.

The catalog is the frozen fixture with two changes (tests/support/fixtures/price-changes.yml):
on February 1, 2027 every Jira tier rises by 5% and Confluence's 200-user tier goes from
9,000.00 to 9,450.00; on August 1, 2027 Jira's 1,000-user tier falls to 24,000.00 and JSM's
100-user tier rises to 8,190.00. Every figure below is worked out by hand from those prices,
the dates by counting days (a comment gives the count).
"""

from __future__ import annotations

import gc
import weakref
from datetime import date
from decimal import Decimal as D
from urllib.parse import parse_qsl

import pytest
import yaml

from catalogs import CATALOG, DATED, PRICE, scenario
from cli_run import PRICE_CHANGES
from govcloud.calc.quote import quote
from govcloud.load.scenarios import read_scenarios
from govcloud.render.address import estimator_query

# The fixture's changes, read apart from govcloud.
CHANGES = yaml.load(PRICE_CHANGES.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["price_changes"]
RISE, FALL = date(2027, 2, 1), date(2027, 8, 1)


def test_the_fixture_holds_the_prices_the_figures_rest_on():
    assert [c["effective"] for c in CHANGES] == ["2027-02-01", "2027-08-01"]
    first, second = (c["products"] for c in CHANGES)
    assert (PRICE["jira"][500], PRICE["jira"][1000], PRICE["confluence"][200]) == (
        D("11200.00"),
        D("23400.00"),
        D("9000.00"),
    )
    assert (first["jira"]["500"], first["jira"]["1000"], first["confluence"]["200"]) == (
        "11760.00",
        "24570.00",
        "9450.00",
    )
    assert (second["jira"], second["jsm"]) == ({"1000": "24000.00"}, {"100": "8190.00"})


def upgrade(day: date, days: int, catalog=DATED):
    """Jira from 480 users (the 500-user tier) to 520 (the 1,000-user tier), quoted on `day`."""
    s = scenario(date=day, current={"jira": {"users": 480}}, proposed={"jira": {"users": 520}}, days_remaining=days)
    return quote(catalog, s).as_json()


def renewal_bill(q: dict) -> dict:
    (bill,) = [b for b in q["bills"] if "renewal" in b["parts"]]
    return bill


# --- the price in force on a day -----------------------------------------------------------------


def test_prices_on_a_day_are_the_latest_change_that_names_each_tier():
    def price(day, key, users):
        return next(t.annual for t in DATED.prices_on(day).ladder(key) if t.users == users)

    assert price(date(2027, 1, 31), "jira", 1000) == D("23400.00")  # before any change
    assert price(RISE, "jira", 1000) == D("24570.00")  # on the day of the first
    assert price(date(2027, 7, 31), "jira", 1000) == D("24570.00")
    assert price(FALL, "jira", 1000) == D("24000.00")  # the second names it again
    assert price(FALL, "jira", 500) == D("11760.00")  # ... not this one: the first's still holds
    assert price(FALL, "confluence", 10) == PRICE["confluence"][10]  # never named
    # The version in force, and the changes still to come.
    on = [DATED.prices_on(d) for d in (date(2027, 1, 31), RISE, date(2030, 1, 1))]
    assert [(p.version, p.later) for p in on] == [(None, (RISE, FALL)), (RISE, (FALL,)), (FALL, ())]
    # The ladder's sizes never change by date.
    assert [t.users for t in DATED.prices_on(FALL).ladder("jira")] == sorted(PRICE["jira"])


def test_each_catalog_keeps_its_own_ladders_and_they_cannot_be_changed():
    # The ladders of a version are worked out once per catalog object: a copy whose change names
    # another price is another catalog, and asking the first again still gives the first's price.
    later = DATED.price_changes[1]
    moved = later.model_copy(update={"products": {**later.products, "jira": {1000: D("25000.00")}}})
    other = DATED.model_copy(update={"price_changes": [DATED.price_changes[0], moved]})

    def price(catalog):
        return next(t.annual for t in catalog.prices_on(FALL).ladder("jira") if t.users == 1000)

    assert (price(DATED), price(other), price(DATED)) == (D("24000.00"), D("25000.00"), D("24000.00"))
    # Shared between the quotes of a version, so read-only, down to each ladder.
    ladders = DATED.prices_on(FALL).ladders
    with pytest.raises(TypeError):
        ladders["jira"] = []  # type: ignore[index]
    with pytest.raises(AttributeError):
        ladders["confluence"].append(ladders["confluence"][0])  # type: ignore[attr-defined]


def test_what_is_worked_out_for_a_catalog_goes_when_the_catalog_goes():
    # A process that reads many catalogs (the tests) keeps none of them alive through what it
    # worked out for each (its ladders, its products' tier sizes, its rules still to confirm).
    copy = DATED.model_copy(deep=True)
    quote(
        copy,
        scenario(
            date=date(2027, 1, 10),
            current={"jira": {"users": 480}},
            proposed={"jira": {"users": 520}},
            days_remaining=100,
        ),
    )
    gone = [weakref.ref(o) for o in (copy, copy.rules, *copy.products)]
    del copy
    gc.collect()
    assert [ref() for ref in gone] == [None] * len(gone)


# --- each bill on its own day --------------------------------------------------------------------


def test_a_renewal_after_a_rise_is_at_the_new_price():
    # D = December 1, 2026; 115 days left: the renewal falls on March 26, 2027 (30 days to the end
    # of December, 31 in January, 28 in February, 26 in March), after the rise of February 1.
    q = upgrade(date(2026, 12, 1), 115)
    (line,) = q["lines"]
    assert (line["annual"], line["renewal_annual"]) == ("23400.00", "24570.00")
    assert renewal_bill(q) == {
        "in_days": 115,
        "on": "2027-03-26",
        "amount": "24570.00",
        "products": ["jira"],
        "parts": ["renewal"],
        "prices_from": "2027-02-01",
        "assumptions": [],
    }
    assert (
        "Jira: the 1,000-user tier rises from $23,400.00 to $24,570.00 a year on February 1, 2027, "
        "before your renewal on March 26, 2027."
    ) in q["messages"]
    # Paid in the next 365 days: 3,843.84 due now (below) and the renewal at the new price.
    assert q["first_year_total"] == "28413.84"


def test_a_change_on_exactly_the_renewal_date_applies():
    # D = October 4, 2026, 120 days left: 27 days to the end of October, 30 + 31 + 31, then
    # February 1, 2027, the day of the rise.
    bill = renewal_bill(upgrade(date(2026, 10, 4), 120))
    assert (bill["on"], bill["amount"], bill["prices_from"]) == ("2027-02-01", "24570.00", "2027-02-01")


def test_a_change_the_day_after_the_renewal_does_not():
    q = upgrade(date(2026, 10, 4), 119)  # the renewal on January 31, 2027
    bill = renewal_bill(q)
    assert (bill["on"], bill["amount"], bill["prices_from"]) == ("2027-01-31", "23400.00", None)
    assert q["lines"][0]["renewal_annual"] == "23400.00"
    assert not [m for m in q["messages"] if "rises" in m]


def test_a_new_subscriptions_first_renewal_after_a_rise():
    # Confluence bought on December 1, 2026: 9,000.00 now; its first renewal a term later,
    # December 1, 2027, after both changes: 9,450.00 (the first change's, which the second keeps).
    q = quote(DATED, scenario(date=date(2026, 12, 1), proposed={"confluence": {"users": 200}})).as_json()
    (line,) = q["lines"]
    assert (line["annual"], line["due_now"], line["renewal_annual"]) == ("9000.00", "9000.00", "9450.00")
    assert [(b["in_days"], b["on"], b["amount"], b["prices_from"]) for b in q["bills"]] == [
        (0, "2026-12-01", "9000.00", None),
        (365, "2027-12-01", "9450.00", "2027-08-01"),
    ]
    assert (
        "Confluence: the 200-user tier rises from $9,000.00 to $9,450.00 a year on February 1, 2027, "
        "before this new subscription's first renewal on December 1, 2027."
    ) in q["messages"]


def test_an_upgrade_is_priced_on_d_when_a_rise_comes_before_the_renewal():
    # Both tiers at D's prices: (23,400.00 - 11,200.00) x 115 / 365 = 3,843.835... -> 3,843.84,
    # not the difference after the rise ((24,570.00 - 11,760.00) x 115 / 365 = 4,036.03).
    q = upgrade(date(2026, 12, 1), 115)
    (line,) = q["lines"]
    assert (line["today_annual"], line["annual"], line["due_now"]) == ("11200.00", "23400.00", "3843.84")
    assert q["bills"][0] == {
        "in_days": 0,
        "on": "2026-12-01",
        "amount": "3843.84",
        "products": ["jira"],
        "parts": ["due_now"],
        "prices_from": None,
        "assumptions": ["upgrade"],
    }
    assert q["annual_total"] == "23400.00"  # the yearly price of what is proposed, at D's prices


def test_a_quote_dated_after_the_rise_is_at_the_new_prices_throughout():
    # D = March 1, 2027, 100 days left: (24,570.00 - 11,760.00) x 100 / 365 = 3,509.589... -> 3,509.59.
    q = upgrade(date(2027, 3, 1), 100)
    (line,) = q["lines"]
    assert (line["today_annual"], line["annual"], line["due_now"]) == ("11760.00", "24570.00", "3509.59")
    assert q["today_annual_total"] == "11760.00"
    assert [m for m in q["messages"] if "rises" in m or "falls" in m] == []  # nothing changes after D before the bill


def test_a_renewal_between_the_two_changes_and_after_both():
    # From March 1, 2027, 200 days: September 17, 2027, after the fall of August 1.
    q = quote(
        DATED,
        scenario(
            date=date(2027, 3, 1),
            current={"jira": {"users": 1000}},
            proposed={"jira": {"users": 1000}},
            days_remaining=200,
        ),
    ).as_json()
    assert (q["lines"][0]["annual"], renewal_bill(q)["amount"]) == ("24570.00", "24000.00")
    assert (
        "Jira: the 1,000-user tier falls from $24,570.00 to $24,000.00 a year on August 1, 2027, "
        "before your renewal on September 17, 2027."
    ) in q["messages"]
    # From December 1, 2026, 300 days: September 27, 2027, after both: one sentence each, in date order.
    q = quote(
        DATED,
        scenario(
            date=date(2026, 12, 1),
            current={"jira": {"users": 1000}},
            proposed={"jira": {"users": 1000}},
            days_remaining=300,
        ),
    ).as_json()
    assert renewal_bill(q)["amount"] == "24000.00"
    assert [m for m in q["messages"] if "1,000-user tier rises" in m or "1,000-user tier falls" in m] == [
        "Jira: the 1,000-user tier rises from $23,400.00 to $24,570.00 a year on February 1, 2027, "
        "before your renewal on September 27, 2027.",
        "Jira: the 1,000-user tier falls from $24,570.00 to $24,000.00 a year on August 1, 2027, "
        "before your renewal on September 27, 2027.",
    ]


def test_an_undated_renewal_is_priced_on_d_and_says_which_changes_may_apply():
    # A downgrade needs no days: the renewal has no date, so it is priced on D (December 1, 2026);
    # both changes fall within a term of D.
    q = quote(
        DATED, scenario(date=date(2026, 12, 1), current={"jira": {"users": 1200}}, proposed={"jira": {"users": 900}})
    ).as_json()
    assert [(b["in_days"], b["on"], b["amount"], b["prices_from"]) for b in q["bills"]] == [
        (None, None, "23400.00", None)
    ]
    assert q["lines"][0]["renewal_annual"] == "23400.00"
    assert [m for m in q["messages"] if "applies to your renewal" in m] == [
        "Jira: the 1,000-user tier rises from $23,400.00 to $24,570.00 a year on February 1, 2027; "
        "this applies to your renewal if it falls on or after that day.",
        "Jira: the 1,000-user tier falls from $24,570.00 to $24,000.00 a year on August 1, 2027; "
        "this applies to your renewal if it falls on or after that day.",
    ]


def test_cancelled_lines_and_lines_beyond_the_price_book_have_no_renewal_price():
    q = quote(
        DATED,
        scenario(
            date=date(2026, 12, 1),
            current={"jira": {"users": 480}, "jsm": {"users": 90}},
            proposed={"jsm": {"users": 60_000}},
            days_remaining=100,
        ),
    ).as_json()
    assert [(l["change"], l["status"], l["renewal_annual"]) for l in q["lines"]] == [
        ("cancel", "ok", None),
        ("upgrade", "contact_sales", None),
    ]
    assert not [m for m in q["messages"] if "rises" in m]


# --- the quote's date and its validity -----------------------------------------------------------


def test_the_quote_carries_its_date_and_how_long_it_is_valid():
    q = quote(CATALOG, scenario(date=date(2026, 12, 1), proposed={"jira": {"users": 5}})).as_json()
    assert (q["date"], q["valid_until"]) == ("2026-12-01", "2026-12-31")  # 30 days, the data's quote_valid_days
    # Without a date of its own, the quote is dated `today` (the CLI's --today).
    assert quote(CATALOG, scenario(proposed={"jira": {"users": 5}}), date(2027, 2, 27)).as_json()["valid_until"] == (
        "2027-03-29"
    )


def test_a_change_inside_the_quotes_validity_says_its_prices_hold_and_changes_no_figure():
    # January 10, 2027: valid until February 9, after the rise of February 1.
    s = scenario(date=date(2027, 1, 10), proposed={"confluence": {"users": 200}})
    q = quote(DATED, s)
    said = q.as_json()
    assert (
        "List prices change on February 1, 2027; this quote's prices hold until February 9, 2027 if the order is placed by then."
        in said["messages"]
    )
    assert [n.assumptions for n in q.notes if n.text.startswith("List prices change")] == [("quote_holds_price",)]
    assert said["bills"][0]["assumptions"] == ["quote_holds_price"]  # the due-now bill
    assert said["due_now_total"] == said["annual_total"] == "9000.00"  # D's price, as without the rule
    assert said["bills"][1]["amount"] == "9450.00"  # the first renewal is a year on: its own day's price


def test_the_quote_holds_sentence_counts_from_the_day_after_d_to_valid_until():
    def holds(day: date) -> list[str]:
        said = quote(DATED, scenario(date=day, proposed={"jsm": {"users": 5}})).as_json()
        return [m for m in said["messages"] if m.startswith("List prices change")]

    assert holds(date(2027, 1, 1)) == []  # valid until January 31: the rise is a day later
    assert holds(date(2027, 1, 2)) == [  # valid until February 1, the day of the rise
        "List prices change on February 1, 2027; this quote's prices hold until February 1, 2027 if the order is placed by then."
    ]
    assert holds(RISE) == []  # the change is on D: its prices are the quote's
    # Any change of the catalog counts, whichever products it names: August 1 names no product quoted here but JSM's 100.
    assert len(holds(date(2027, 7, 15))) == 1


# --- scenarios and links keep their meaning -------------------------------------------------------


def test_renewal_counts_from_the_scenarios_date():
    text = "date: 2026-12-01\ncurrent: {jira: {users: 480}}\nproposed: {jira: {users: 520}}\nrenewal: 2027-03-26\n"
    (s,), _ = read_scenarios(text, "s.yml", DATED, today=date(2030, 1, 1))  # --today does not override a date
    assert (s.date, s.days_remaining) == (date(2026, 12, 1), 115)


def test_a_link_made_with_days_and_opened_30_days_later_shows_the_same_figures():
    made = scenario(
        date=date(2026, 12, 1), current={"jira": {"users": 480}}, proposed={"jira": {"users": 520}}, days_remaining=115
    )
    params = dict(parse_qsl(estimator_query(made)))
    assert (params.get("date"), params.get("renewal"), "days_remaining" in params) == (
        "2026-12-01",
        "2027-03-26",
        False,
    )
    # The link read back 30 days later: its date and renewal date, not the days, say what it meant.
    text = (
        f"date: {params['date']}\ncurrent: {{jira: {{users: {params['current.jira']}}}}}\n"
        f"proposed: {{jira: {{users: {params['jira']}}}}}\nrenewal: {params['renewal']}\n"
    )
    (opened,), _ = read_scenarios(text, "link.yml", DATED, today=date(2026, 12, 31))
    assert quote(DATED, opened, date(2026, 12, 31)).as_json() == quote(DATED, made).as_json()
