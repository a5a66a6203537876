// Prices that change on a date, in the JavaScript calculation: each bill is priced on its own
// day, what is due now on the date of the change (D), and the quote says when it was made and
// until when its prices hold. Figures worked by hand from the fixture's prices.
import { test } from "node:test";
import assert from "node:assert/strict";
import { book, dated, ns, say } from "./fixture.mjs";

const D = "2026-11-26";
// Alpha's 100-user tier rises on February 1, 2027 and again on June 1, 2027; Beta's 50-user tier then too.
const CHANGES = { "2027-02-01": { alpha: { 100: "5250.00" } },
                  "2027-06-01": { alpha: { 100: "5500.00" }, beta: { 50: "735.00" } } };
const BOOK = dated(CHANGES);
const KEPT = { date: D, current: { alpha: { users: 50 } }, proposed: { alpha: { users: 50 } } };
const q = (scenario, b = BOOK) => ns.quote(b, scenario);

test("the quote carries its date and until when its prices hold", () => {
  const got = q({ ...KEPT, days_remaining: 10 });
  assert.equal(got.date, D);
  assert.equal(got.valid_until, "2026-12-26");
  // The scenario's date wins over the day asked for; without either, it is today where the page runs.
  assert.equal(ns.quote(BOOK, { ...KEPT, days_remaining: 10 }, "2030-01-01").date, D);
  assert.equal(ns.quote(BOOK, { proposed: { alpha: { users: 5 } } }, "2030-01-01").date, "2030-01-01");
  assert.equal(ns.quote(book({ quote_valid_days: 45 }), { date: "2026-12-31", proposed: { alpha: { users: 5 } } })
    .valid_until, "2027-02-14");
});

test("a renewal after a rise is at the new price; the yearly price stays D's", () => {
  const got = q({ ...KEPT, days_remaining: 120 });   // renews March 26, 2027
  assert.equal(got.lines[0].annual, "5000.00");
  assert.equal(got.lines[0].renewal_annual, "5250.00");
  assert.deepEqual(got.bills, [{ in_days: 120, on: "2027-03-26", amount: "5250.00", products: ["alpha"],
                                 parts: ["renewal"], assumptions: [], prices_from: "2027-02-01" }]);
  assert.equal(got.first_year_total, "5250.00");
  assert.equal(got.annual_total, "5000.00");
  assert.equal(got.today_annual_total, "5000.00");
});

test("a change on exactly the renewal date applies; one the day after does not", () => {
  const on = q({ ...KEPT, days_remaining: 67 });   // renews February 1, 2027
  assert.equal(on.bills[0].on, "2027-02-01");
  assert.equal(on.lines[0].renewal_annual, "5250.00");
  assert.equal(on.bills[0].prices_from, "2027-02-01");
  const before = q({ ...KEPT, days_remaining: 66 });   // renews January 31, 2027
  assert.equal(before.bills[0].on, "2027-01-31");
  assert.equal(before.lines[0].renewal_annual, "5000.00");
  assert.equal(before.bills[0].amount, "5000.00");
  assert.equal(before.bills[0].prices_from, null);
});

test("a new subscription's first renewal after a rise is at the new price; what is due now at D's", () => {
  const got = q({ date: D, proposed: { alpha: { users: 50 }, beta: { users: 20 } } });
  assert.deepEqual(got.lines.map((l) => [l.annual, l.due_now, l.renewal_annual]),
                   [["5000.00", "5000.00", "5500.00"], ["700.00", "700.00", "735.00"]]);
  assert.deepEqual(got.bills.map((b) => [b.in_days, b.on, b.amount, b.prices_from]),
                   [[0, D, "5700.00", null], [365, "2027-11-26", "6235.00", "2027-06-01"]]);
  assert.equal(got.first_year_total, "5700.00");
});

test("an upgrade is priced on D when a rise comes before its renewal", () => {
  // From the 10-user tier (1,000.00) to the 100-user one (5,000.00 on D): 4,000.00 × 120 / 365.
  const got = q({ date: D, current: { alpha: { users: 5 } }, proposed: { alpha: { users: 50 } }, days_remaining: 120 });
  assert.equal(got.lines[0].due_now, "1315.07");
  assert.equal(got.lines[0].renewal_annual, "5250.00");
  assert.deepEqual(got.bills.map((b) => [b.on, b.amount, b.prices_from]),
                   [[D, "1315.07", null], ["2027-03-26", "5250.00", "2027-02-01"]]);
});

test("a renewal date in the scenario gives the days from D", () => {
  const got = q({ ...KEPT, renewal: "2027-03-26" });
  assert.equal(got.bills[0].in_days, 120);
  assert.equal(got.bills[0].amount, "5250.00");
});

test("an undated renewal is priced on D and has no date", () => {
  const got = q({ date: D, current: { alpha: { users: 50 } }, proposed: { alpha: { users: 5 } } });
  assert.deepEqual(got.bills, [{ in_days: null, on: null, amount: "1000.00", products: ["alpha"],
                                 parts: ["renewal"], assumptions: ["downgrade"], prices_from: null }]);
  assert.equal(got.lines[0].renewal_annual, "1000.00");
  // On a D after a change, the undated renewal uses that change's prices.
  const later = q({ date: "2027-06-01", current: { alpha: { users: 200 } }, proposed: { alpha: { users: 50 } } });
  assert.equal(later.bills[0].prices_from, "2027-06-01");
  assert.equal(later.bills[0].amount, "5500.00");
});

test("on a D after a change, every figure is at that change's prices", () => {
  const got = q({ date: "2027-03-01", current: { alpha: { users: 5 } }, proposed: { alpha: { users: 50 } },
                  days_remaining: 0 });
  assert.equal(got.lines[0].annual, "5250.00");
  assert.equal(got.lines[0].today_annual, "1000.00");
  assert.deepEqual(got.bills.map((b) => [b.on, b.amount, b.parts, b.prices_from]),
                   [["2027-03-01", "5250.00", ["renewal"], "2027-02-01"]]);
});

test("cancelled lines and lines beyond the price book have no renewal price", () => {
  const got = q({ date: D, current: { alpha: { users: 50 }, beta: { users: 20 } },
                  proposed: { beta: { users: 5000 } }, days_remaining: 30 });
  assert.deepEqual(got.lines.map((l) => [l.change, l.renewal_annual]), [["cancel", null], ["upgrade", null]]);
});

test("the versions of the price book: prices_from is the latest change on or before the day", () => {
  const on = (day) => ns.pricesOn(BOOK, day);
  assert.equal(on("2027-01-31").prices_from, null);
  assert.equal(on("2027-02-01").prices_from, "2027-02-01");
  assert.equal(on("2027-05-31").prices_from, "2027-02-01");
  assert.equal(on("2099-01-01").prices_from, "2027-06-01");
  // A change names some tiers; the others keep their price.
  assert.deepEqual(on("2027-06-01").ladder("beta").map((t) => t.annual), [73500, 365000]);
  assert.deepEqual(on("2027-06-01").ladder("alpha").map((t) => t.annual), [100000, 550000, 2000000]);
  // A book without a history prices every day with its tiers.
  assert.equal(ns.pricesOn(book(), "2099-01-01").prices_from, null);
  assert.deepEqual(ns.pricesOn(book(), "2099-01-01").ladder("alpha").map((t) => t.annual), [100000, 500000, 2000000]);
});

const messages = (scenario, b = BOOK) => ns.explain(b, scenario).notes;

test("a sentence says when a change falls before the renewal, with the old price and the new", () => {
  const notes = messages({ ...KEPT, days_remaining: 120 });
  const said = notes.filter((n) => /rises|falls/.test(n.text));
  // The June change comes after the renewal: it says nothing about this bill.
  assert.deepEqual(said.map((n) => [n.text, n.product, n.assumptions]), [[say("messages.rise_before_renewal", {
    product: "Alpha", tier: "100", old: "$5,000.00", new: "$5,250.00", date: "February 1, 2027", renewal: "March 26, 2027" }),
    "alpha", []]]);
  // It follows the line's own sentences, before the quote's closing ones.
  const at = notes.indexOf(said[0]);
  assert.equal(notes[at - 1].product, "alpha");
  assert.equal(notes.at(-1).text, say("messages.illustrative", { contact: "Reseller Co" }));
});

test("a new subscription hears of each change before its first renewal; a downgrade rests on its rule", () => {
  const notes = messages({ date: D, proposed: { alpha: { users: 50 }, beta: { users: 20 } } });
  const said = notes.filter((n) => /rises|falls/.test(n.text)).map((n) => n.text);
  const first = { renewal: "November 26, 2027" };
  assert.deepEqual(said, [
    say("messages.rise_before_first_renewal", { product: "Alpha", tier: "100", old: "$5,000.00", new: "$5,250.00",
                                                date: "February 1, 2027", ...first }),
    say("messages.rise_before_first_renewal", { product: "Alpha", tier: "100", old: "$5,250.00", new: "$5,500.00",
                                                date: "June 1, 2027", ...first }),
    say("messages.rise_before_first_renewal", { product: "Beta", tier: "50", old: "$700.00", new: "$735.00",
                                                date: "June 1, 2027", ...first })]);
  // A falling price says so; a kept line resting on an unconfirmed rule (a downgrade) carries it.
  const falls = dated({ "2027-02-01": { alpha: { 100: "4500.00" } } });
  const down = messages({ ...KEPT, current: { alpha: { users: 200 } }, days_remaining: 120 }, falls)
    .filter((n) => /falls/.test(n.text));
  assert.deepEqual(down.map((n) => [n.text, n.assumptions]), [[say("messages.fall_before_renewal", {
    product: "Alpha", tier: "100", old: "$5,000.00", new: "$4,500.00", date: "February 1, 2027", renewal: "March 26, 2027" }),
    ["downgrade"]]]);
});

test("with the renewal undated, each change within a term applies if the renewal falls on or after it", () => {
  const notes = messages({ date: D, current: { alpha: { users: 200 } }, proposed: { alpha: { users: 50 } } });
  assert.deepEqual(notes.filter((n) => /rises|falls/.test(n.text)).map((n) => n.text), [
    say("messages.rise_undated", { product: "Alpha", tier: "100", old: "$5,000.00", new: "$5,250.00",
                                   date: "February 1, 2027", renewal: "November 26, 2026" }),
    say("messages.rise_undated", { product: "Alpha", tier: "100", old: "$5,250.00", new: "$5,500.00",
                                   date: "June 1, 2027", renewal: "November 26, 2026" })]);
  // Beyond a term from D, nothing is said: January 31, 2026 + 365 days is January 31, 2027.
  assert.deepEqual(messages({ date: "2026-01-31", current: { alpha: { users: 200 } }, proposed: { alpha: { users: 50 } } })
    .filter((n) => /rises/.test(n.text)).length, 0);
});

test("a change inside the quote's validity: its prices hold until then; the bill on D rests on the rule", () => {
  const on = "2027-01-10";   // valid until February 9, 2027: the February 1 change falls inside
  const scenario = { date: on, current: { alpha: { users: 5 } }, proposed: { alpha: { users: 50 } }, days_remaining: 120 };
  const holds = messages(scenario).filter((n) => n.text === say("messages.prices_hold", {
    date: "February 1, 2027", valid_until: "February 9, 2027" }));
  assert.deepEqual(holds.map((n) => [n.product, n.assumptions]), [[null, ["quote_holds_price"]]]);
  const got = q(scenario);
  assert.deepEqual(got.bills[0].assumptions, ["upgrade", "quote_holds_price"]);
  assert.deepEqual(got.bills[1].assumptions, []);
  // It changes no figure: D's prices stand, and the renewal after the change is at the new price.
  assert.deepEqual([got.lines[0].annual, got.lines[0].renewal_annual], ["5000.00", "5250.00"]);
  // Dated on the change's day, the quote is at the new prices and nothing holds.
  const after = q({ ...scenario, date: "2027-02-01" });
  assert.equal(after.messages.some((m) => /hold until/.test(m)), false);
  assert.deepEqual(after.bills[0].assumptions, ["upgrade"]);
  // Confirmed in the data, the rule marks nothing, and the sentence stays.
  const confirmed = dated(CHANGES);
  confirmed.rules.quote_holds_price.confirmed = true;
  assert.deepEqual(ns.quote(confirmed, scenario).bills[0].assumptions, ["upgrade"]);
  assert.ok(ns.quote(confirmed, scenario).messages.some((m) => /hold until/.test(m)));
});
