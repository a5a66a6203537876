"""Room in the tier (govcloud.calc.room): how many more users fit before the next tier,
and what the next tier costs a year more. Figures from the fixture's prices."""

from __future__ import annotations

from datetime import date

from catalogs import CATALOG, PRICE, scenario
from cli_run import FIXTURE, run
from govcloud.calc.quote import quote
from govcloud.calc.room import Room, room, room_in_tier, say
from govcloud.model.money import show

JIRA = CATALOG.product("jira")
PRICES = CATALOG.prices_on(date(2026, 11, 26))


def test_the_issue_example_twenty_users_before_the_thousand_user_tier():
    r = room_in_tier(JIRA, 480, PRICES)
    more = PRICE["jira"][1000] - PRICE["jira"][500]
    assert r == Room("jira", 480, 500, 20, 1000, more)
    assert (
        say(CATALOG, r, "Carahsoft") == f"Jira: 20 more users fit; the 1,000-user tier costs {show(more)} a year more."
    )


def test_one_user_a_full_tier_and_the_largest_tier():
    assert say(CATALOG, room_in_tier(JIRA, 499, PRICES), "X").startswith("Jira: 1 more user fits; the 1,000-user tier")
    full = room_in_tier(JIRA, 500, PRICES)
    assert full.room == 0 and full.next_tier == 1000
    assert say(CATALOG, full, "X").startswith("Jira: the 500-user tier is full; the 1,000-user tier costs")
    top = max(PRICE["jira"])
    last = room_in_tier(JIRA, top - 5, PRICES)
    assert (last.tier, last.room, last.next_tier, last.more) == (top, 5, None, None)
    assert say(CATALOG, last, "Carahsoft") == (
        f"Jira: 5 more users fit; this is the largest tier: beyond {top:,} users, ask Carahsoft."
    )
    assert room_in_tier(JIRA, top + 1, PRICES) is None


def test_room_covers_the_lines_kept_or_bought_not_cancels_or_lines_beyond_the_price_book():
    top = max(PRICE["jsm"])
    s = scenario(
        current={"jira": {"users": 480}, "confluence": {"users": 10}},
        proposed={"jira": {"users": 480}, "jsm": {"users": top + 1}},
        days_remaining=10,
    )
    assert [r.product for r in room(CATALOG, quote(CATALOG, s))] == ["jira"]


def test_the_cli_table_shows_the_room_of_each_product(tmp_path):
    result = run(
        "quote", "-", "--data", str(FIXTURE), stdin="proposed: {jira: {users: 480}, confluence: {users: 200}}\n"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    more_jira = show(PRICE["jira"][1000] - PRICE["jira"][500])
    more_conf = show(PRICE["confluence"][300] - PRICE["confluence"][200])
    section = out[out.index("Room in the tier\n") :].split("\n\n")[0].splitlines()
    assert section == [
        "Room in the tier",
        f"- Jira: 20 more users fit; the 1,000-user tier costs {more_jira} a year more.",
        f"- Confluence: the 200-user tier is full; the 300-user tier costs {more_conf} a year more.",
    ]


def test_json_shape():
    r = room_in_tier(JIRA, 480, PRICES)
    assert r.as_json() == {
        "product": "jira",
        "users": 480,
        "tier": 500,
        "room": 20,
        "next_tier": 1000,
        "more": f"{PRICE['jira'][1000] - PRICE['jira'][500]:.2f}",
    }
