"""The golden file (tests/support/golden/quotes.json) is what `make golden` writes now: the
generated scenarios, the Python quote of each (every field, and each message's product and
rules) and the price books. Node's tests/js/golden.test.mjs holds the JavaScript to it."""

from __future__ import annotations

import golden

SHOWN = 12  # places named in a failure; the count says how many more moved


def test_the_golden_file_is_current():
    now, committed = golden.build(), golden.load()
    moved = golden.moved(committed, now)
    assert not moved, (
        f"tests/support/golden/quotes.json is stale ({len(moved)} places moved); run `make golden` "
        "and read the diff:\n" + "\n".join(moved[:SHOWN]) + ("\n…" if len(moved) > SHOWN else "")
    )
    # Written as `make golden` writes it (one case a line), so that its diffs stay readable.
    assert golden.PATH.read_text(encoding="utf-8") == golden.dumps(now), "run `make golden`"


def test_the_golden_file_holds_both_sets_and_every_scenario():
    sets = {s["name"]: s for s in golden.load()["sets"]}
    assert list(sets) == ["real", "variant"]
    assert len(sets["real"]["cases"]) >= 2000 and len(sets["variant"]["cases"]) >= 500
    for s in sets.values():
        assert all(len(c["notes"]) == len(c["quote"]["messages"]) for c in s["cases"])


def test_a_moved_figure_is_named():
    committed = golden.load()
    changed = golden.load()
    case = changed["sets"][0]["cases"][7]
    case["quote"]["lines"][0]["annual"] = "1.23"
    del case["quote"]["bills"][0]
    assert golden.moved(committed, changed)[0] == (
        f'.sets[0].cases[7].quote.lines[0].annual: "{committed["sets"][0]["cases"][7]["quote"]["lines"][0]["annual"]}"'
        ' → "1.23"'
    )
    assert any(m.endswith("items → " + str(len(case["quote"]["bills"]))) for m in golden.moved(committed, changed))
