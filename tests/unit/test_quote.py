"""The calculation, with every expected figure worked out by hand from the fixture catalog's
prices (tests/support/fixtures/products.yml).

Each test first pins the prices it uses (so a price change in the data names the test
that relied on it), then states the arithmetic in a comment and the result as a literal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from catalogs import CATALOG, CONTACT, KEYS, MAX_INSTANCES, PRICE, TERM_DAYS, scenario, synthetic
from cli_run import FIXTURE, run
from govcloud.calc.quote import quote


def test_data_assumptions():
    # The figures below were worked out with these values of data/products.yml.
    assert (TERM_DAYS, MAX_INSTANCES) == (365, 150)
    assert KEYS == ["jira", "jsm", "confluence"]
    assert CONTACT == {"government": "Carahsoft", "commercial": "Atlassian sales"}


def only_line(q):
    assert len(q.lines) == 1
    return q.lines[0]


# --- tiers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "users, tier",
    [(1, 10), (10, 10), (11, 15), (499, 500), (500, 500), (501, 1000), (49_999, 50_000), (50_000, 50_000)],
)
def test_tier_is_the_smallest_that_covers_the_users(users, tier):
    line = only_line(quote(CATALOG, scenario(proposed={"jira": {"users": users}})))
    assert (line.tier, line.users, line.status, line.change) == (tier, users, "ok", "new")
    assert line.annual == line.due_now == PRICE["jira"][tier]


def test_tier_boundary_figures():
    assert (PRICE["jira"][500], PRICE["jsm"][1000]) == (D("11200.00"), D("44500.00"))
    # Jira 500 users: exactly the 500-user tier, 11,200.00. JSM 501 users: one past the
    # 500-user tier, so the 1,000-user tier, 44,500.00. Together 55,700.00, all due now (new).
    q = quote(CATALOG, scenario(proposed={"jira": {"users": 500}, "jsm": {"users": 501}}))
    assert [(l.product, l.tier, l.annual) for l in q.lines] == [
        ("jira", 500, D("11200.00")),
        ("jsm", 1000, D("44500.00")),
    ]
    assert q.annual_total == q.due_now_total == D("55700.00")


# --- change kinds --------------------------------------------------------------------------------


def change(current: dict, proposed: dict, days: int = 100, **kw):
    return quote(CATALOG, scenario(current=current, proposed=proposed, days_remaining=days, **kw))


def test_new_is_billed_a_full_term():
    assert PRICE["confluence"][200] == D("9000.00")
    line = only_line(quote(CATALOG, scenario(proposed={"confluence": {"users": 200}})))
    assert (line.change, line.tier, line.instances, line.annual, line.due_now) == (
        "new",
        200,
        1,
        D("9000.00"),
        D("9000.00"),
    )


def test_new_product_beside_a_current_one():
    q = change({"jira": {"users": 50}}, {"jira": {"users": 50}, "jsm": {"users": 50}}, days=10)
    assert [(l.product, l.change, l.due_now) for l in q.lines] == [
        ("jira", "unchanged", D("0.00")),
        ("jsm", "new", PRICE["jsm"][50]),
    ]


def test_upgrade_is_prorated_by_days():
    assert (PRICE["jsm"][100], PRICE["jsm"][200]) == (D("7800.00"), D("12000.00"))
    # 100 -> 101 users moves JSM from the 100- to the 200-user tier: a difference of 4,200.00.
    # 4200.00 * 200 / 365 = 840000 / 365 = 2301.3698... -> 2301.37
    line = only_line(change({"jsm": {"users": 100}}, {"jsm": {"users": 101}}, days=200))
    assert (line.change, line.tier, line.annual, line.due_now) == ("upgrade", 200, D("12000.00"), D("2301.37"))


# 4200.00 * d / 365 for the JSM 100 -> 200-user upgrade above:
#   d=0: 0; d=1: 11.50684... -> 11.51; d=364: 1528800 / 365 = 4188.49315... -> 4188.49; d=365: 4200.00
@pytest.mark.parametrize("days, due", [(0, "0.00"), (1, "11.51"), (364, "4188.49"), (365, "4200.00")])
def test_proration_at_the_ends_of_the_term(days, due):
    line = only_line(change({"jsm": {"users": 100}}, {"jsm": {"users": 101}}, days=days))
    assert (line.change, line.annual, line.due_now) == ("upgrade", D("12000.00"), D(due))


def test_upgrade_across_several_tiers():
    assert (PRICE["jira"][10], PRICE["jira"][1000]) == (D("600.00"), D("23400.00"))
    # 23400.00 - 600.00 = 22800.00, the whole difference with every day of the term left.
    line = only_line(change({"jira": {"users": 10}}, {"jira": {"users": 1000}}, days=365))
    assert (line.change, line.due_now) == ("upgrade", D("22800.00"))


def test_downgrade_takes_effect_at_renewal():
    assert PRICE["confluence"][1000] == D("26800.00")
    # 1,200 users (1,500-user tier) -> 900 users (1,000-user tier): next term's bill, nothing now.
    line = only_line(change({"confluence": {"users": 1200}}, {"confluence": {"users": 900}}, days=90))
    assert (line.change, line.tier, line.annual, line.due_now) == ("downgrade", 1000, D("26800.00"), D("0.00"))


def test_instances_only():
    assert PRICE["jsm"][100] == D("7800.00")
    line = only_line(change({"jsm": {"users": 90, "instances": 2}}, {"jsm": {"users": 90, "instances": 40}}))
    assert (line.change, line.tier, line.instances, line.annual, line.due_now) == (
        "instances_only",
        100,
        40,
        D("7800.00"),
        D("0.00"),
    )


def test_unchanged():
    assert PRICE["jira"][300] == D("8000.00")
    line = only_line(change({"jira": {"users": 300}}, {"jira": {"users": 300}}))
    assert (line.change, line.tier, line.annual, line.due_now) == ("unchanged", 300, D("8000.00"), D("0.00"))


def test_users_that_rise_within_their_tier_are_said_to_still_fit_it():
    # Jira 501 -> 1,000 users: both in the 1,000-user tier (501 is one past the 500-user
    # tier), so the bill stays; the explanation says why rather than "no change".
    assert sorted(PRICE["jira"])[8:10] == [500, 1000]
    q = change({"jira": {"users": 501}}, {"jira": {"users": 1000}})
    line = only_line(q)
    assert (line.change, line.tier, line.due_now) == ("unchanged", 1000, D("0.00"))
    said = [n.text for n in q.notes if n.product == "jira"]
    assert "Jira: 1,000 users still fit the current 1,000-user tier, so the bill stays the same." in said
    assert "Jira: no change to the bill." not in said
    # The same users as today: nothing to explain but that the bill stays.
    same = change({"jira": {"users": 501}}, {"jira": {"users": 501}})
    assert "Jira: no change to the bill." in [n.text for n in same.notes]


def test_cancel_has_no_users_no_tier_and_nothing_due():
    q = change({"jira": {"users": 300}, "confluence": {"users": 300}}, {"jira": {"users": 300}}, days=200)
    jira, confluence = q.lines
    assert (confluence.product, confluence.change, confluence.users, confluence.tier) == (
        "confluence",
        "cancel",
        0,
        None,
    )
    assert (confluence.annual, confluence.due_now, confluence.status) == (D("0.00"), D("0.00"), "ok")
    assert q.annual_total == PRICE["jira"][300] and q.due_now_total == D("0.00")


def test_cancel_everything():
    q = change({"jira": {"users": 50}, "confluence": {"users": 50}}, {}, days=30)
    assert [(l.product, l.change, l.users, l.tier) for l in q.lines] == [
        ("jira", "cancel", 0, None),
        ("confluence", "cancel", 0, None),
    ]
    assert (q.annual_total, q.due_now_total, q.complete) == (D("0.00"), D("0.00"), True)


# --- rounding and totals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term_days, days, low, high, due",
    [
        # 3.01 * 180 / 360 = 1.505 exactly: half-up gives 1.51 (half-even, or a float, would give 1.50).
        (360, 180, "100.00", "103.01", "1.51"),
        # 1.01 * 183 / 366 = 0.505 exactly -> 0.51, at the largest term the model allows.
        (366, 183, "100.00", "101.01", "0.51"),
        # 0.05 * 90 / 360 = 0.0125 -> 0.01 (below the half: down).
        (360, 90, "100.00", "100.05", "0.01"),
    ],
)
def test_exact_half_cent_rounds_up(term_days, days, low, high, due):
    cat = synthetic({"alpha": [(10, low), (20, high)]}, term_days=term_days)
    q = quote(cat, scenario(current={"alpha": {"users": 10}}, proposed={"alpha": {"users": 20}}, days_remaining=days))
    assert only_line(q).due_now == D(due)


def test_real_term_rounding():
    assert (PRICE["jira"][10], PRICE["jira"][15]) == (D("600.00"), D("900.00"))
    # 300.00 * 60 / 365 = 18000 / 365 = 49.3150... -> 49.32 (the third decimal is 5, the rest not zero).
    line = only_line(change({"jira": {"users": 10}}, {"jira": {"users": 15}}, days=60))
    assert line.due_now == D("49.32")


def test_totals_are_sums_of_rounded_lines():
    # Each product's upgrade is 100.04 * 1 / 10 = 10.004 -> 10.00; the total is 20.00, not the
    # 20.008 -> 20.01 that rounding the unrounded sum would give. Annual: 101.04 * 2 = 202.08.
    ladder = [(10, "1.00"), (20, "101.04")]
    cat = synthetic({"alpha": ladder, "beta": ladder}, term_days=10)
    q = quote(
        cat,
        scenario(
            current={"alpha": {"users": 5}, "beta": {"users": 5}},
            proposed={"alpha": {"users": 15}, "beta": {"users": 15}},
            days_remaining=1,
        ),
    )
    assert [l.due_now for l in q.lines] == [D("10.00"), D("10.00")]
    assert (q.due_now_total, q.annual_total) == (D("20.00"), D("202.08"))
    assert q.as_json()["due_now_total"] == "20.00"


# --- the contract's example ----------------------------------------------------------------------


def test_contract_example():
    assert (PRICE["jira"][500], PRICE["jira"][1000], PRICE["confluence"][200]) == (
        D("11200.00"),
        D("23400.00"),
        D("9000.00"),
    )
    # Jira 480 users (500-user tier) -> 520 (1,000-user tier): (23400.00 - 11200.00) * 120 / 365
    #   = 12200 * 120 / 365 = 1464000 / 365 = 4010.9589... -> 4010.96.
    # Confluence 200 users, new: the 200-user tier in full, 9,000.00.
    # Annual 23400.00 + 9000.00 = 32400.00; due now 4010.96 + 9000.00 = 13010.96.
    q = change(
        {"jira": {"users": 480, "instances": 2}},
        {"jira": {"users": 520, "instances": 3}, "confluence": {"users": 200}},
        days=120,
        date=date(2026, 11, 26),
    )
    doc = q.as_json()
    # Dated November 26, 2026: valid 30 days; the renewal 120 days on, March 26, 2027 (4 + 31 + 31 + 28 + 26).
    assert (doc["date"], doc["valid_until"]) == ("2026-11-26", "2026-12-26")
    assert doc["lines"] == [
        {
            "product": "jira",
            "change": "upgrade",
            "users": 520,
            "tier": 1000,
            "instances": 3,
            "annual": "23400.00",
            "due_now": "4010.96",
            "status": "ok",
            "today_tier": 500,
            "today_annual": "11200.00",
            "renewal_annual": "23400.00",
            "assumptions": ["upgrade"],
        },
        {
            "product": "confluence",
            "change": "new",
            "users": 200,
            "tier": 200,
            "instances": 1,
            "annual": "9000.00",
            "due_now": "9000.00",
            "status": "ok",
            "today_tier": None,
            "today_annual": None,
            "renewal_annual": "9000.00",
            "assumptions": ["new_subscription_term"],
        },
    ]
    assert (doc["annual_total"], doc["due_now_total"], doc["complete"]) == ("32400.00", "13010.96", True)
    assert (doc["currency"], doc["customer"], doc["contact"]) == ("USD", "government", "Carahsoft")
    # Its bills: 13,010.96 now; Jira's renewal at 23,400.00 in 120 days;
    # Confluence's first renewal at 9,000.00 a full term after it was bought.
    # First year: 13010.96 + 23400.00 = 36410.96 (365 is not below the term). Today: 11,200.00.
    assert doc["bills"] == [
        {
            "in_days": 0,
            "on": "2026-11-26",
            "amount": "13010.96",
            "products": ["jira", "confluence"],
            "parts": ["due_now"],
            "prices_from": None,
            "assumptions": ["upgrade", "new_subscription_term"],
        },
        {
            "in_days": 120,
            "on": "2027-03-26",
            "amount": "23400.00",
            "products": ["jira"],
            "parts": ["renewal"],
            "prices_from": None,
            "assumptions": [],
        },
        {
            "in_days": 365,
            "on": "2027-11-26",
            "amount": "9000.00",
            "products": ["confluence"],
            "parts": ["first_renewal"],
            "prices_from": None,
            "assumptions": ["new_subscription_term"],
        },
    ]
    assert (doc["first_year_total"], doc["today_annual_total"]) == ("36410.96", "11200.00")


def test_with_no_days_left_the_renewal_joins_what_is_due_now():
    # Jira 480 -> 200 users (downgrade, 500- to 200-user tier, 6,300.00) renewing today, plus
    # JSM 50 users bought today (4,900.00): one bill today of 11,200.00 ("due now, with the renewal").
    assert (PRICE["jira"][200], PRICE["jsm"][50]) == (D("6300.00"), D("4900.00"))
    q = change({"jira": {"users": 480}}, {"jira": {"users": 200}, "jsm": {"users": 50}}, days=0).as_json()
    # (The bills' dates and price lists: tests/unit/test_dated_prices.py.)
    assert [{k: v for k, v in b.items() if k not in ("on", "prices_from")} for b in q["bills"]] == [
        {
            "in_days": 0,
            "amount": "11200.00",
            "products": ["jira", "jsm"],
            "parts": ["due_now", "renewal"],
            "assumptions": ["new_subscription_term", "downgrade"],
        },
        {
            "in_days": 365,
            "amount": "4900.00",
            "products": ["jsm"],
            "parts": ["first_renewal"],
            "assumptions": ["new_subscription_term"],
        },
    ]
    assert q["first_year_total"] == "11200.00"


def test_without_the_days_left_the_renewal_has_no_date_and_the_first_year_is_unknown():
    # A downgrade needs no days: nothing of it depends on them. The renewal bill comes last, undated.
    q = quote(
        CATALOG,
        scenario(
            current={"jira": {"users": 480}, "jsm": {"users": 10}},
            proposed={"jira": {"users": 200}, "confluence": {"users": 10}},
        ),
    ).as_json()
    assert [(b["in_days"], b["amount"], b["parts"]) for b in q["bills"]] == [
        (0, "550.00", ["due_now"]),
        (365, "550.00", ["first_renewal"]),
        (None, "6300.00", ["renewal"]),
    ]
    assert q["first_year_total"] is None
    # Today: Jira 500-user tier 11,200.00 + JSM 10-user tier 1,150.00 = 12,350.00.
    assert (PRICE["jsm"][10], q["today_annual_total"]) == (D("1150.00"), "12350.00")


def test_today_total_is_unknown_when_a_holding_today_is_beyond_the_price_book():
    q = change({"jira": {"users": 480}, "jsm": {"users": 60_000}}, {"jira": {"users": 480}}).as_json()
    assert q["lines"][1]["change"] == "cancel" and q["lines"][1]["status"] == "ok"
    assert (q["lines"][1]["today_tier"], q["lines"][1]["today_annual"]) == (None, None)
    assert q["today_annual_total"] is None and q["complete"] is True
    assert quote(CATALOG, scenario(proposed={"jira": {"users": 5}})).as_json()["today_annual_total"] is None


def test_assumptions_follow_the_data():
    """Confirm a rule in the data and its key leaves every line and bill."""
    rules = CATALOG.rules.model_copy(
        update={
            name: getattr(CATALOG.rules, name).model_copy(update={"confirmed": True})
            for name in ("upgrade", "new_subscription_term")
        }
    )
    confirmed = CATALOG.model_copy(update={"rules": rules})
    s = scenario(
        current={"jira": {"users": 480}},
        proposed={"jira": {"users": 520}, "confluence": {"users": 200}},
        days_remaining=120,
    )
    before, after = quote(CATALOG, s).as_json(), quote(confirmed, s).as_json()
    assert [l["assumptions"] for l in before["lines"]] == [["upgrade"], ["new_subscription_term"]]
    assert [l["assumptions"] for l in after["lines"]] == [[], []]
    assert [b["assumptions"] for b in after["bills"]] == [[], [], []]


def test_a_first_purchase_rests_on_no_co_terming_rule():
    """Co-terming (new_subscription_term, unconfirmed) is a question only for a product added while
    another subscription of today's is kept: a first purchase, or one that replaces every
    subscription of today's, has its own full term for certain, and says "to confirm" for none."""
    first = quote(CATALOG, scenario(proposed={"jira": {"users": 520}, "confluence": {"users": 200}})).as_json()
    assert [l["assumptions"] for l in first["lines"]] == [[], []]
    assert [b["assumptions"] for b in first["bills"]] == [[], []]
    assert all(not n.assumptions for n in quote(CATALOG, scenario(proposed={"jira": {"users": 520}})).notes)
    swap = quote(
        CATALOG, scenario(current={"jsm": {"users": 50}}, proposed={"confluence": {"users": 200}}, days_remaining=120)
    ).as_json()
    assert [(l["change"], l["assumptions"]) for l in swap["lines"]] == [("cancel", ["cancel"]), ("new", [])]
    assert [(b["parts"], b["assumptions"]) for b in swap["bills"]] == [(["due_now"], []), (["first_renewal"], [])]
    # Added mid-term beside a kept subscription, the same purchase rests on the rule.
    added = quote(
        CATALOG,
        scenario(
            current={"jira": {"users": 480}},
            proposed={"jira": {"users": 480}, "confluence": {"users": 200}},
            days_remaining=120,
        ),
    ).as_json()
    assert added["lines"][1]["assumptions"] == ["new_subscription_term"]
    assert [b["assumptions"] for b in added["bills"]] == [["new_subscription_term"], [], ["new_subscription_term"]]


def test_messages_explain_each_line():
    q = change(
        {"jira": {"users": 480, "instances": 2}},
        {"jira": {"users": 520, "instances": 3}, "confluence": {"users": 200}},
        days=120,
    )
    text = "\n".join(q.messages)
    jira = "\n".join(m for m in q.messages if m.startswith("Jira"))
    confluence = "\n".join(m for m in q.messages if m.startswith("Confluence"))
    # Which tier and why, the prorated charge with its days, and that instances are free.
    for part in (
        "520 users",
        "1,000-user tier",
        "smallest",
        "500-user tier",
        "$12,200.00",
        "120 of 365 days",
        "$4,010.96",
        "3 of 150 instances",
        "no extra cost",
    ):
        assert part in jira, part
    for part in ("200-user tier", "new subscription", "full term", "$9,000.00"):
        assert part in confluence, part
    assert "illustrative" in text and "Carahsoft" in text


@pytest.mark.parametrize(
    "current, proposed, words",
    [
        ({"confluence": {"users": 1200}}, {"confluence": {"users": 900}}, ["downgrade", "renewal"]),
        ({"confluence": {"users": 300}}, {}, ["cancel", "end", "no credit"]),
        ({"jsm": {"users": 90, "instances": 2}}, {"jsm": {"users": 90, "instances": 40}}, ["2", "40", "same"]),
        ({"jira": {"users": 50}}, {"jira": {"users": 50}}, ["no change"]),
    ],
)
def test_messages_for_other_changes(current, proposed, words):
    q = change(current, proposed)
    name = {"confluence": "Confluence", "jsm": "Jira Service Management", "jira": "Jira"}[next(iter(current))]
    said = " ".join(m for m in q.messages if m.startswith(name)).lower()
    for word in words:
        assert word in said, (word, said)


# --- order, contacts ---------------------------------------------------------------------------


def test_lines_follow_the_data_file_order():
    q = quote(CATALOG, scenario(proposed={"confluence": {"users": 5}, "jsm": {"users": 5}, "jira": {"users": 5}}))
    assert [l.product for l in q.lines] == KEYS
    cat = synthetic({"zeta": [(10, "1.00")], "alpha": [(10, "1.00")]})
    q = quote(cat, scenario(proposed={"alpha": {"users": 1}, "zeta": {"users": 1}}))
    assert [l.product for l in q.lines] == ["zeta", "alpha"]


def test_contact_routes_come_from_the_data():
    proposed = {"jira": {"users": 5}}
    assert quote(CATALOG, scenario(proposed=proposed)).contact == CONTACT["government"]
    assert quote(CATALOG, scenario(customer="government", proposed=proposed)).contact == "Carahsoft"
    assert quote(CATALOG, scenario(customer="commercial", proposed=proposed)).contact == "Atlassian sales"
    cat = synthetic({"alpha": [(10, "1.00")]}, contacts={"government": "Reseller A", "commercial": "Sales B"})
    assert quote(cat, scenario(proposed={"alpha": {"users": 1}})).contact == "Reseller A"
    q = quote(cat, scenario(customer="commercial", proposed={"alpha": {"users": 1}}))
    assert q.contact == "Sales B" and "Sales B" in " ".join(q.messages)


# --- beyond the price book ---------------------------------------------------------------------


def assert_contact_sales(line):
    assert line.status == "contact_sales"
    assert (line.tier, line.annual, line.due_now) == (None, None, None)
    assert line.as_json()["annual"] is None and line.as_json()["due_now"] is None


def test_users_above_the_top_tier():
    assert max(PRICE["jira"]) == 50_000 and PRICE["confluence"][25] == D("1250.00")
    q = quote(CATALOG, scenario(proposed={"jira": {"users": 50_001}, "confluence": {"users": 20}}))
    jira, confluence = q.lines
    assert_contact_sales(jira)
    assert (jira.change, jira.users) == ("new", 50_001)
    assert confluence.status == "ok"
    # The totals cover Confluence's 25-user tier only.
    assert (q.complete, q.annual_total, q.due_now_total) == (False, D("1250.00"), D("1250.00"))
    assert any("Carahsoft" in m and "Jira" in m for m in q.messages)


@pytest.mark.parametrize("instances, status", [(150, "ok"), (151, "contact_sales")])
def test_instance_limit(instances, status):
    line = only_line(quote(CATALOG, scenario(proposed={"jsm": {"users": 20, "instances": instances}})))
    assert line.status == status
    if status == "ok":
        assert line.annual == PRICE["jsm"][25]
    else:
        assert_contact_sales(line)


@pytest.mark.parametrize(
    "current, proposed, kind",
    [
        ({"jira": {"users": 60_000}}, {"jira": {"users": 40_000}}, "downgrade"),
        ({"jira": {"users": 50_000}}, {"jira": {"users": 50_001}}, "upgrade"),
        # Both beyond the largest tier: no tier to compare, but the direction is known.
        ({"jira": {"users": 60_000}}, {"jira": {"users": 70_000}}, "upgrade"),
        ({"jira": {"users": 70_000}}, {"jira": {"users": 60_000}}, "downgrade"),
        ({"jira": {"users": 60_000, "instances": 2}}, {"jira": {"users": 60_000, "instances": 3}}, "instances_only"),
        ({"jira": {"users": 60_000}}, {"jira": {"users": 60_000}}, "unchanged"),
        ({"jsm": {"users": 90, "instances": 160}}, {"jsm": {"users": 90, "instances": 100}}, "instances_only"),
        ({"jsm": {"users": 90, "instances": 100}}, {"jsm": {"users": 90, "instances": 160}}, "instances_only"),
    ],
)
def test_current_or_proposed_over_the_limit(current, proposed, kind):
    q = change(current, proposed, days=100)
    line = only_line(q)
    assert_contact_sales(line)
    assert line.change == kind and q.complete is False
    assert (q.annual_total, q.due_now_total) == (D("0.00"), D("0.00"))


def test_cancelling_a_product_over_the_limit_bills_nothing_more():
    # A cancellation is always status ok (docs/formats.md), even when today's holding is beyond the price book.
    line = only_line(change({"jira": {"users": 60_000}}, {}))
    assert (line.change, line.users, line.status, line.annual, line.due_now) == (
        "cancel",
        0,
        "ok",
        D("0.00"),
        D("0.00"),
    )


# --- bad scenarios, as `govcloud quote` reports them -------------------------------------------


def quote_problems(tmp_path, text: str) -> list[str]:
    (tmp_path / "s.yml").write_text(text)
    result = run("quote", "s.yml", "--data", str(FIXTURE), cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    return result.stderr.splitlines()


USE = ", ".join(f"{p.key} ({p.name})" for p in CATALOG.products)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("proposed:\n  jiraa: {users: 5}\n", f"s.yml:2: proposed.jiraa: unknown product; use one of: {USE}"),
        ("proposed:\n  jira: {users: 0}\n", "s.yml:2: proposed.jira.users: must be at least 1"),
        ("proposed:\n  jira: {users: -4}\n", "s.yml:2: proposed.jira.users: must be at least 1"),
        ("proposed:\n  jira: {users: 10.5}\n", "s.yml:2: proposed.jira.users: must be a whole number"),
        ("proposed:\n  jira: {users: '10'}\n", "s.yml:2: proposed.jira.users: must be a whole number"),
        ("proposed:\n  jira: {users: 5, instances: 0}\n", "s.yml:2: proposed.jira.instances: must be at least 1"),
        (
            "customer: government\ncurrent:\n  jira: {users: 5}\nproposed:\n  jira: {users: 50}\n",
            "s.yml:2: current: an upgrade needs the days left in the term: give days_remaining or renewal",
        ),
        (
            "current: {jira: {users: 5}}\nproposed: {jira: {users: 50}}\ndays_remaining: 3\nrenewal: 2027-01-01\n",
            "s.yml:4: renewal: give days_remaining or renewal, not both",
        ),
        (
            "current: {jira: {users: 5}}\nproposed: {jira: {users: 50}}\nrenewal: 2027-02-30\n",
            "s.yml:3: renewal: must be a real date, written YYYY-MM-DD",
        ),
        (
            "current: {jira: {users: 5}}\nproposed: {jira: {users: 5}}\ndays_remaining: 366\n",
            "s.yml:3: days_remaining: must be at most 365 (the days in a term)",
        ),
        (
            "current: {jira: {users: 5}}\nproposed: {jira: {users: 5}}\ndays_remaining: -1\n",
            "s.yml:3: days_remaining: must be at least 0",
        ),
        (
            "current: {jira: {users: 5}}\nproposed: {jira: {users: 5}}\ndays_remaining: 12.5\n",
            "s.yml:3: days_remaining: must be a whole number",
        ),
        ("customer: government\n", "s.yml:1: proposed: is required"),
        ("current: {}\nproposed: {}\ndays_remaining: 3\n", "s.yml:2: proposed: name at least one product"),
        (
            "proposed:\n  jira: {users: 1:30}\n",
            "s.yml:2: proposed.jira.users: '1:30': write whole numbers in plain digits, such as 1500",
        ),
        (
            "proposed:\n  jira: {users: 0x10}\n",
            "s.yml:2: proposed.jira.users: '0x10': write whole numbers in plain digits, such as 1500",
        ),
        (
            "proposed:\n  jira: {users: 010}\n",
            "s.yml:2: proposed.jira.users: '010': write whole numbers in plain digits, such as 1500",
        ),
    ],
    ids=[
        "unknown-product",
        "users-0",
        "users-negative",
        "users-fraction",
        "users-text",
        "instances-0",
        "days-missing",
        "days-and-renewal",
        "renewal-no-such-date",
        "days-above-term",
        "days-negative",
        "days-fraction",
        "proposed-missing",
        "nothing-at-all",
        "base-60",
        "hexadecimal",
        "octal",
    ],
)
def test_bad_scenario(tmp_path, text, expected):
    assert quote_problems(tmp_path, text) == [expected]


def test_every_problem_of_every_scenario_in_a_list(tmp_path):
    text = (
        "- proposed: {jira: {users: 5}}\n"
        "- current: {jira: {users: 0}}\n"
        "  proposed:\n"
        "    wiki: {users: 5}\n"
        "    jira: {users: 5, instances: 0}\n"
    )
    assert quote_problems(tmp_path, text) == [
        "s.yml:2: [1].current.jira.users: must be at least 1",
        f"s.yml:4: [1].proposed.wiki: unknown product; use one of: {USE}",
        "s.yml:5: [1].proposed.jira.instances: must be at least 1",
    ]
