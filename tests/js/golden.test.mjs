// The JavaScript calculation gives every quote of the golden file (tests/support/golden/quotes.json,
// written by `make golden` from govcloud's own quotes; tests/unit/test_golden.py keeps it current):
// every field of the quote, and each message's product and rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

globalThis.window = globalThis;
await import("../../docs/assets/govcloud-quote.js");
const ns = globalThis.govcloud;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const golden = JSON.parse(readFileSync(join(root, "tests", "support", "golden", "quotes.json"), "utf-8"));

test("the golden file has both sets of cases, one on a catalog with price changes and random dates", () => {
  assert.deepEqual(golden.sets.map((s) => s.name), ["real", "variant"]);
  assert.ok(golden.sets[0].cases.length >= 2000);
  const variant = golden.sets[1], cases = variant.cases;
  assert.ok(cases.length >= 2000 && variant.pricebook.price_history.length >= 3);
  // Most cases carry their own date, spread over the changes; bills fall before and after them.
  const dates = new Set(cases.map((c) => c.scenario.date).filter(Boolean));
  assert.ok(dates.size > 1000, dates.size);
  const bills = cases.flatMap((c) => c.quote.bills);
  assert.ok(bills.some((b) => b.prices_from === null) && bills.filter((b) => b.prices_from !== null).length > 1000);
  const moved = cases.flatMap((c) => c.quote.lines).filter((l) => l.renewal_annual !== null && l.renewal_annual !== l.annual);
  assert.ok(moved.length > 300, moved.length);
  for (const kind of ["rises", "falls", "if it falls on or after", "hold until"]) {
    assert.ok(cases.some((c) => c.quote.messages.some((m) => m.includes(kind))), kind);
  }
});

for (const set of golden.sets) {
  test(`the JavaScript quote of every ${set.name} case equals the golden quote`, () => {
    const differ = [];
    set.cases.forEach((c, i) => {
      const got = {
        quote: ns.quote(set.pricebook, c.scenario, set.day),
        notes: ns.explain(set.pricebook, c.scenario, set.day).notes.map((n) => [n.product, n.assumptions]),
      };
      try {
        assert.deepStrictEqual(got, { quote: c.quote, notes: c.notes });
      } catch (error) {
        differ.push([i, error]);
      }
    });
    if (differ.length) {
      const [i, error] = differ[0];
      assert.fail(`${differ.length} of ${set.cases.length} ${set.name} cases differ; the first, case ${i} ` +
                  `(${JSON.stringify(set.cases[i].scenario)}):\n${error.message}`);
    }
  });
}
