import { test } from "node:test";
import assert from "node:assert/strict";
import { readAnswers, checkRenewal, checkDate, fieldOrder } from "../../docs/assets/estimator/validate.js";
import { book, ns, say } from "./fixture.mjs";

const upgrades = (b) => (s) => ns.explain(b, { ...s, days_remaining: 0 }).lines.some((l) => l.change === "upgrade");
// The labels of the cancel boxes, as the form shows them (the page reads them from its markup).
const LABELS = new Map([["alpha", "Stop Alpha"], ["beta", "Drop Beta in this option"]]);
function read(values, { change = false, renewalProblem = null, cancelled = [], b = book(), cancelLabels = LABELS } = {}) {
  return readAnswers({ values: new Map(Object.entries(values)), customer: "government", change, renewalProblem,
                       cancelled: new Set(cancelled), cancelLabel: (key) => cancelLabels.get(key) }, b, ns, upgrades(b));
}
const field = (what, path, values) => say("problems.field", { what, problem: say("problems." + path, values) });

test("a purchase: users and instances become the proposed holdings", () => {
  const r = read({ "gc-users-alpha": "20", "gc-instances-alpha": "", "gc-users-beta": "1,000", "gc-instances-beta": "4" });
  assert.deepEqual(r.errors, []);
  assert.equal(r.empty, false);
  assert.deepEqual(JSON.parse(JSON.stringify(r.scenario)), {
    customer: "government", proposed: { alpha: { users: 20, instances: 1 }, beta: { users: 1000, instances: 4 } } });
});

test("nothing entered is empty, not a problem", () => {
  const r = read({});
  assert.equal(r.empty, true);
  assert.deepEqual(r.errors, []);
});

test("each problem names the field in the vocabulary's words, in the form's order", () => {
  const r = read({ "gc-users-beta": "12.5", "gc-instances-alpha": "2", "gc-users-alpha": "", "gc-instances-beta": "0" });
  assert.deepEqual(r.errors.map((e) => [e.id, e.message]), [
    ["gc-users-alpha", say("problems.users_missing", { what: "Alpha users", other: "Alpha instances" })],
    ["gc-users-beta", field("Beta users", "whole")],
    ["gc-instances-beta", field("Beta instances", "at_least", { min: 1 })],
  ]);
  assert.equal(r.errors[0].when, "gc-instances-alpha");   // reported once the instances field was used
});

test("too large a number and other digits say what to do", () => {
  assert.equal(read({ "gc-users-alpha": "99999999999999999999" }).errors[0].message,
               field("Alpha users", "too_large", { contact: "Reseller Co" }));
  assert.equal(read({ "gc-users-alpha": "١٢" }).errors[0].message, field("Alpha users", "digits"));
});

test("full-width digits and separators in every number field give what ASCII digits give", () => {
  const ascii = read({ "gc-current-users-alpha": "5", "gc-current-instances-alpha": "2", "gc-users-alpha": "1,200",
                       "gc-instances-alpha": "3", "gc-days-remaining": "120", "gc-users-beta": "500" }, { change: true });
  const wide = read({ "gc-current-users-alpha": "５", "gc-current-instances-alpha": "２", "gc-users-alpha": "１，２００",
                      "gc-instances-alpha": "３", "gc-days-remaining": "１２０", "gc-users-beta": "５００" }, { change: true });
  assert.deepEqual(wide.errors, []);
  assert.deepEqual(JSON.parse(JSON.stringify(wide.scenario)), JSON.parse(JSON.stringify(ascii.scenario)));
  assert.equal(ascii.scenario.days_remaining, 120);
  assert.deepEqual(checkDate("２０２７－０３－２６", book(), ns, "2026-11-26"), checkDate("2027-03-26", book(), ns, "2026-11-26"));
  assert.deepEqual(checkRenewal("２０２７－０３－２６", book(), ns, "2026-11-26").days, 120);
});

test("an upgrade needs the days left, within the term", () => {
  const none = read({ "gc-current-users-alpha": "5", "gc-users-alpha": "50" }, { change: true });
  assert.deepEqual(none.errors.map((e) => [e.id, e.when, e.message]),
                   [["gc-days-remaining", "change", say("problems.days_needed_form")]]);
  const many = read({ "gc-current-users-alpha": "5", "gc-users-alpha": "50", "gc-days-remaining": "366" }, { change: true });
  assert.equal(many.errors[0].message, field("Days left in the term", "days_at_most", { term_days: 365 }));
  const ok = read({ "gc-current-users-alpha": "5", "gc-users-alpha": "50", "gc-days-remaining": "0" }, { change: true });
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.scenario.days_remaining, 0);
});

test("a downgrade, a cancellation or new instances need no days left", () => {
  for (const values of [{ "gc-current-users-alpha": "500", "gc-users-alpha": "50" },
                        { "gc-current-users-alpha": "5", "gc-users-alpha": "5", "gc-instances-alpha": "9" }]) {
    const r = read(values, { change: true });
    assert.deepEqual(r.errors, [], JSON.stringify(values));
    assert.equal("days_remaining" in r.scenario, false);
  }
  const cancel = read({ "gc-current-users-beta": "40" }, { change: true, cancelled: ["beta"] });
  assert.deepEqual(cancel.errors, []);
  assert.deepEqual(Object.keys(cancel.scenario.proposed), []);
});

test("an empty 'after' field in a change is a problem, never a cancellation", () => {
  const r = read({ "gc-current-users-beta": "40", "gc-users-beta": "" }, { change: true });
  assert.deepEqual(r.errors.map((e) => e.id), ["gc-users-beta"]);
  // It names the cancel box that is on the form, by its label.
  assert.equal(r.errors[0].message, say("problems.users_after_missing", { what: "Beta users", cancel: LABELS.get("beta") }));
  // Cancelled, the "after" fields no longer count, whatever they hold.
  const c = read({ "gc-current-users-beta": "40", "gc-users-beta": "x" }, { change: true, cancelled: ["beta"] });
  assert.deepEqual(c.errors, []);
});

test("a cancel box's label is read only for the problem that names it, not on every input", () => {
  // Reading a label searches the page: with 100 products, reading them all on each keystroke
  // cost the estimator 4x its update time (make bench, 100 products).
  const asked = [];
  const answers = (values) => ({ values: new Map(Object.entries(values)), customer: "government", change: true,
                                 renewalProblem: null, cancelled: new Set(),
                                 cancelLabel: (key) => { asked.push(key); return LABELS.get(key); } });
  readAnswers(answers({ "gc-current-users-beta": "40", "gc-users-beta": "60" }), book(), ns, upgrades(book()));
  assert.deepEqual(asked, []);
  readAnswers(answers({ "gc-current-users-beta": "40", "gc-users-beta": "" }), book(), ns, upgrades(book()));
  assert.deepEqual(asked, ["beta"]);
});

test("a wrong renewal date is the problem, not the missing days", () => {
  const r = read({ "gc-current-users-alpha": "5", "gc-users-alpha": "500" }, { change: true, renewalProblem: "bad date" });
  assert.deepEqual(r.errors.map((e) => [e.id, e.message]), [["gc-renewal", "bad date"]]);
});

test("the renewal date field gives the days from the date of the change, or a problem", () => {
  const b = book(), D = "2026-11-26";
  assert.deepEqual(checkRenewal("2027-03-26", b, ns, D), { days: 120, date: "2027-03-26", problem: null });
  assert.deepEqual(checkRenewal(" 2027-3-26 ", b, ns, D), { days: 120, date: "2027-03-26", problem: null });
  assert.equal(checkRenewal("2027-03-26", b, ns, "2027-01-01").days, 84);
  assert.deepEqual(checkRenewal("", b, ns, D), { days: null, problem: null });
  assert.equal(checkRenewal("2026-11-25", b, ns, D).problem, field("Renewal date", "renewal_past"));
  assert.equal(checkRenewal("2027-11-27", b, ns, D).problem, field("Renewal date", "renewal_far", { term_days: 365 }));
  assert.equal(checkRenewal("2027-02-30", b, ns, D).problem, field("Renewal date", "renewal_not_date"));
  assert.equal(checkRenewal("March 26", b, ns, D).problem, field("Renewal date", "renewal_not_date"));
});

test("the date of the change: the field's date, today's when it is empty, a past one allowed", () => {
  const b = book(), today = "2026-11-26";
  assert.deepEqual(checkDate("2027-02-01", b, ns, today), { date: "2027-02-01", problem: null });
  assert.deepEqual(checkDate("2020-2-1", b, ns, today), { date: "2020-02-01", problem: null });
  assert.deepEqual(checkDate("  ", b, ns, today), { date: today, problem: null });
  assert.deepEqual(checkDate("2027-02-30", b, ns, today),
                   { date: null, problem: field("Date of the change", "renewal_not_date") });
});

test("a wrong date of the change is a problem of its field, listed first", () => {
  const r = readAnswers({ values: new Map([["gc-users-alpha", "x"]]), customer: "government", change: false,
                          date: null, dateProblem: "bad date", cancelled: new Set() }, book(), ns, upgrades(book()));
  assert.deepEqual(r.errors.map((e) => e.id), ["gc-date", "gc-users-alpha"]);
  const ok = readAnswers({ values: new Map([["gc-users-alpha", "5"]]), customer: "government", change: false,
                           date: "2027-02-01", cancelled: new Set() }, book(), ns, upgrades(book()));
  assert.equal(ok.scenario.date, "2027-02-01");
});

test("holdings have no prototype: a product key `constructor` is just a key", () => {
  const b = book();
  b.products.push({ key: "constructor", name: "Ctor", tiers: [{ users: 10, annual: "100.00" }] });
  const r = read({ "gc-users-alpha": "5" }, { b });
  assert.equal(r.scenario.proposed.constructor, undefined);
  assert.deepEqual(Object.keys(r.scenario.proposed), ["alpha"]);
  assert.equal(fieldOrder(b).length, 3 + 5 * 3);
  // The calculation sees one line, not an extra "Ctor" one from Object's constructor.
  assert.deepEqual(ns.explain(b, r.scenario).lines.map((l) => l.product), ["alpha"]);
});
