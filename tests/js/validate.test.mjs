import { test } from "node:test";
import assert from "node:assert/strict";
import { readAnswers, checkRenewal, fieldOrder } from "../../docs/assets/estimator/validate.js";
import { book, NOW } from "./fixture.mjs";

function answers(values, change = false, renewalProblem = null) {
  return { values: new Map(Object.entries(values)), customer: "government", change, renewalProblem };
}
const read = (values, change, renewalProblem, b = book()) => readAnswers(answers(values, change, renewalProblem), b, "Reseller Co");

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

test("each problem names the field and what to do, in the form's order", () => {
  const r = read({ "gc-users-beta": "12.5", "gc-instances-alpha": "2", "gc-users-alpha": "", "gc-instances-beta": "0" });
  assert.deepEqual(r.errors.map((e) => [e.id, e.message]), [
    ["gc-users-alpha", "Enter the number of Alpha users, or clear Alpha instances"],
    ["gc-users-beta", "Beta users must be a whole number, like 120"],
    ["gc-instances-beta", "Beta instances must be 1 or more"],
  ]);
  // The missing users are reported once the instances field was used.
  assert.equal(r.errors[0].when, "gc-instances-alpha");
});

test("too large a number points to the contact", () => {
  const r = read({ "gc-users-alpha": "99999999999999999999" });
  assert.equal(r.errors[0].message, "The number of Alpha users is too large to estimate here: ask Reseller Co for a quote");
});

test("a change needs the days left, within the term", () => {
  const none = read({ "gc-current-users-alpha": "5", "gc-users-alpha": "50" }, true);
  assert.deepEqual(none.errors.map((e) => [e.id, e.when]), [["gc-days-remaining", "change"]]);
  const many = read({ "gc-current-users-alpha": "5", "gc-days-remaining": "366" }, true);
  assert.equal(many.errors[0].message, "Days left in the term must be 365 or fewer");
  const ok = read({ "gc-current-users-alpha": "5", "gc-users-alpha": "50", "gc-days-remaining": "0" }, true);
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.scenario.days_remaining, 0);
  assert.deepEqual(JSON.parse(JSON.stringify(ok.scenario.current)), { alpha: { users: 5, instances: 1 } });
});

test("a wrong renewal date is the problem, not the missing days", () => {
  const r = read({ "gc-current-users-alpha": "5" }, true, "Renewal date must be today or later");
  assert.deepEqual(r.errors.map((e) => e.id), ["gc-renewal"]);
});

test("the renewal date field gives days or a problem", () => {
  assert.deepEqual(checkRenewal("2027-03-26", book(), NOW), { days: 120, problem: null });
  assert.deepEqual(checkRenewal("", book(), NOW), { days: null, problem: null });
  assert.equal(checkRenewal("2026-01-01", book(), NOW).problem, "Renewal date must be today or later");
  assert.equal(checkRenewal("2028-01-01", book(), NOW).problem, "Renewal date must be within 365 days of today");
  assert.equal(checkRenewal("2027-02-30", book(), NOW).problem, "Renewal date must be a real date");
});

test("holdings have no prototype: a product key `constructor` is just a key", () => {
  const b = book();
  b.products.push({ key: "constructor", name: "Ctor", tiers: [{ users: 10, annual: "100.00" }] });
  const r = read({ "gc-users-alpha": "5" }, false, null, b);
  assert.equal(r.scenario.proposed.constructor, undefined);
  assert.deepEqual(Object.keys(r.scenario.proposed), ["alpha"]);
  assert.equal(fieldOrder(b).length, 2 + 4 * 3);
});
