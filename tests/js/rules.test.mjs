// Which rules each change rests on, and which bills it makes, ship from Python in the price
// book's `calculation` (quote.py's tables): the JavaScript keeps only the arithmetic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeView, rows } from "../../docs/assets/estimator/view.js";
import { book, ns, NOW } from "./fixture.mjs";
import { tokenize } from "./scan.mjs";

// Alpha raised from the 100-user tier to the 1,000-user one with 73 days left; Beta cancelled.
const UPGRADE = { days_remaining: 73, current: { alpha: { users: 80 }, beta: { users: 400 } },
                  proposed: { alpha: { users: 200 } } };
// Alpha kept as it is, renewing today; Beta bought today.
const SAME_DAY = { days_remaining: 0, current: { alpha: { users: 80 } },
                   proposed: { alpha: { users: 80 }, beta: { users: 20 } } };

function shipped(change) {
  const b = book();
  change(b.calculation);
  return b;
}

test("a line rests on the rules the price book names for its change", () => {
  assert.deepEqual(ns.quote(book(), UPGRADE).lines[0].assumptions, ["upgrade"]);
  const b = shipped((c) => { c.line_rules.upgrade = ["downgrade"]; });
  assert.deepEqual(ns.quote(b, UPGRADE).lines[0].assumptions, ["downgrade"]);
});

test("a bill rests on the rules the price book names for its parts", () => {
  assert.deepEqual(ns.quote(book(), UPGRADE).bills[0].assumptions, ["upgrade"]);
  const b = shipped((c) => { c.part_rules.due_now.upgrade = []; });
  assert.deepEqual(ns.quote(b, UPGRADE).bills[0].assumptions, []);
});

test("the changes that keep today's subscription renew on its date, as the price book says", () => {
  assert.deepEqual(ns.quote(book(), UPGRADE).bills.map((x) => x.parts), [["due_now"], ["renewal"]]);
  const b = shipped((c) => { c.kept = []; });
  assert.deepEqual(ns.quote(b, UPGRADE).bills.map((x) => x.parts), [["due_now"]]);
});

test("a bill's parts come in the price book's order", () => {
  assert.deepEqual(ns.quote(book(), SAME_DAY).bills[0].parts, ["due_now", "renewal"]);
  const b = shipped((c) => { c.parts.reverse(); });
  assert.deepEqual(ns.quote(b, SAME_DAY).bills[0].parts, ["renewal", "due_now"]);
});

test("the yearly difference carries the line's rules for the changes the price book names", () => {
  const difference = (b) => {
    const view = makeView({ book: b, ns, scenario: UPGRADE, quote: ns.explain(b, UPGRADE), who: "X", now: NOW });
    return rows(view).map((r) => r.cells.difference.assumptions);
  };
  assert.deepEqual(difference(book()), [[], ["cancel"]]);
  assert.deepEqual(difference(shipped((c) => { c.difference_rules = ["upgrade"]; })), [["upgrade"], []]);
});

test("the scripts name no rule and list no changes of their own", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const kinds = ["new", "upgrade", "downgrade", "instances_only", "unchanged", "cancel", "contact_sales"];
  const rules = Object.keys(book().rules).filter((k) => !kinds.includes(k));
  const files = [join(root, "docs", "assets", "govcloud-quote.js")].concat(
    readdirSync(join(root, "docs", "assets", "estimator")).filter((f) => f.endsWith(".js"))
      .map((f) => join(root, "docs", "assets", "estimator", f)));
  for (const file of files) {
    const tokens = tokenize(readFileSync(file, "utf-8"));
    const strings = tokens.filter((t) => t.t === "str").map((t) => t.v);
    assert.deepEqual(strings.filter((s) => rules.includes(s)), [], file);
    // A list of two or more change kinds is one of quote.py's tables written again.
    const lists = tokens.filter((t, k) => t.t === "str" && kinds.includes(t.v) && tokens[k + 1]?.v === "," &&
                                          tokens[k + 2]?.t === "str" && kinds.includes(tokens[k + 2].v));
    assert.deepEqual(lists, [], file);
  }
});
