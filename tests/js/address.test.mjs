import { test } from "node:test";
import assert from "node:assert/strict";
import { readAddress, writeAddress, addressFields, bounded, NOTICES_SHOWN } from "../../docs/assets/estimator/address.js";
import { book, ns, NOW } from "./fixture.mjs";
import { longDate, fromToday, isoDate } from "../../docs/assets/estimator/numbers.js";

const KINDS = ["government", "commercial"];
const read = (query, b = book()) => readAddress(new URLSearchParams(query), b, ns, KINDS, NOW);

test("an address fills the form's fields", () => {
  const r = read("customer=commercial&alpha=20&alpha.instances=3&current.beta=40&days_remaining=120");
  assert.equal(r.customer, "commercial");
  assert.deepEqual(Object.fromEntries(r.values), {
    "gc-users-alpha": "20", "gc-instances-alpha": "3", "gc-current-users-beta": "40", "gc-days-remaining": "120" });
  assert.equal(r.change, true);
  assert.deepEqual(r.notices, []);
});

test("a new purchase has no current holdings and is not a change", () => {
  const r = read("alpha=5");
  assert.equal(r.change, false);
  assert.equal(r.customer, null);
});

test("unknown, repeated and malformed parameters are ignored with a notice each", () => {
  const r = read("alpha=5&alpha=6&gamma=3&beta=x&customer=army&days_remaining=400&beta.instances=0");
  assert.equal(r.values.get("gc-users-alpha"), "5");
  assert.deepEqual(r.notices, [
    "Ignored “alpha=6”: “alpha” was already given; the first one is used.",
    "Ignored “gamma=3”: the estimator has no such setting.",
    "Ignored “beta=x”: it must be a whole number, 1 or more.",
    "Ignored “customer=army”: use government or commercial.",
    "Ignored “days_remaining=400”: a term has 365 days.",
  ].concat(["…and 1 more part of the link that were not used either."]));
});

test("a renewal date gives the days left and wins over days_remaining", () => {
  const r = read("current.alpha=5&alpha=50&days_remaining=10&renewal=2027-03-26");
  assert.deepEqual(r.renewal, { date: "2027-03-26", days: 120 });
  assert.equal(r.values.get("gc-days-remaining"), "120");
  assert.deepEqual(r.notices, [
    "Used the renewal date " + longDate("2027-03-26", book()) + " (" + fromToday(120, book(), ns) +
    ") instead of “days_remaining=10”."]);
});

test("the renewal notice writes its date as the page writes dates, and today as today", () => {
  const today = isoDate(0, NOW), tomorrow = isoDate(1, NOW);
  assert.equal(read("current.alpha=5&days_remaining=10&renewal=" + today).notices[0],
               "Used the renewal date " + longDate(today, book()) + " (today) instead of “days_remaining=10”.");
  assert.equal(read("current.alpha=5&days_remaining=10&renewal=" + tomorrow).notices[0],
               "Used the renewal date " + longDate(tomorrow, book()) + " (1 day from today) instead of “days_remaining=10”.");
  for (const notice of read("current.alpha=5&days_remaining=10&renewal=2027-03-26").notices) {
    assert.doesNotMatch(notice, /\d{4}-\d{2}-\d{2}/);
  }
});

test("days left with no subscription held today are not used: a new purchase needs none", () => {
  for (const query of ["alpha=10&days_remaining=10", "days_remaining=10&alpha=10", "alpha=10&renewal=2027-03-26",
                       "alpha=10&days_remaining=10&renewal=2027-03-26"]) {
    const r = read(query);
    assert.equal(r.change, false, query);
    assert.equal(r.renewal, null, query);
    assert.equal(r.values.has("gc-days-remaining"), false, query);
    assert.equal(r.values.get("gc-users-alpha"), "10", query);
    const given = new URLSearchParams(query);
    const unused = ["days_remaining", "renewal"].filter((n) => given.has(n)).map((n) => "“" + n + "=" + given.get(n) + "”");
    assert.equal(r.notices.length, unused.length, query);
    unused.forEach((shown, i) => {
      assert.ok(r.notices[i].startsWith("Ignored " + shown + ": "), r.notices[i]);
      assert.match(r.notices[i], /new purchase/);
    });
  }
  // With a subscription held today (even one the link gets wrong), the days are the change's.
  assert.equal(read("current.alpha=5&alpha=10&days_remaining=10").values.get("gc-days-remaining"), "10");
  assert.equal(read("current.alpha=x&alpha=10&days_remaining=10").values.get("gc-days-remaining"), "10");
});

test("a renewal date that has passed, is too far or does not exist is ignored", () => {
  assert.match(read("renewal=2026-11-01").notices[0], /that date has passed/);
  assert.match(read("renewal=2028-01-01").notices[0], /more than 365 days from today/);
  assert.match(read("renewal=2027-02-30").notices[0], /there is no such date/);
  assert.match(read("renewal=soon").notices[0], /use a date written as YYYY-MM-DD/);
});

test("what an address repeats of an ignored parameter is clipped", () => {
  const r = read("x=" + "y".repeat(500));
  assert.ok(r.notices[0].length < 120, r.notices[0]);
  assert.ok(r.notices[0].includes("…"));
});

test("50,000 repeated parameters give a few notices and a count, not megabytes", () => {
  const query = "customer=government&" + Array(50000).fill("alpha=1").join("&");
  const r = read(query);
  assert.equal(r.notices.length, NOTICES_SHOWN + 1);
  assert.equal(r.notices.at(-1), "…and 49,994 more parts of the link that were not used either.");
  assert.ok(r.notices.join("").length < 2000);
});

test("bounded leaves a short list alone", () => {
  assert.deepEqual(bounded(["a", "b"], book(), ns), ["a", "b"]);
  assert.equal(bounded(Array(7).fill("n"), book(), ns).length, NOTICES_SHOWN + 1);
});

test("keys that name object internals reach no prototype", () => {
  const b = book();
  b.products.push({ key: "constructor", name: "Ctor", tiers: [{ users: 10, annual: "100.00" }] });
  assert.ok(addressFields(b).has("constructor"));
  assert.ok(!addressFields(b).has("toString"));
  const r = read("toString=3&__proto__=4&constructor=2&hasOwnProperty=1", b);
  assert.deepEqual(Object.fromEntries(r.values), { "gc-users-constructor": "2" });
  assert.equal(r.notices.length, 3);
  assert.equal(Object.prototype.polluted, undefined);
});

test("the address written for a scenario reads back to the same fields, the days as a renewal date", () => {
  const scenario = { customer: "government", proposed: { alpha: { users: 520, instances: 3 }, beta: { users: 20, instances: 1 } },
                     current: { alpha: { users: 480, instances: 2 } }, days_remaining: 120, date: "2026-12-01" };
  const query = writeAddress(scenario, null);
  assert.equal(query, "customer=government&alpha=520&alpha.instances=3&beta=20&current.alpha=480&" +
                      "current.alpha.instances=2&renewal=2027-03-31&date=2026-12-01");
  const back = read(query);
  assert.deepEqual(Object.fromEntries(back.values), {
    "gc-users-alpha": "520", "gc-instances-alpha": "3", "gc-users-beta": "20", "gc-date": "2026-12-01",
    "gc-current-users-alpha": "480", "gc-current-instances-alpha": "2", "gc-days-remaining": "120" });
  assert.deepEqual(back.renewal, { date: "2027-03-31", days: 120 });
  assert.deepEqual([back.notices, back.notes], [[], []]);
});

test("every address carries the date of the change; a change its renewal date, never the days left", () => {
  const change = { customer: "commercial", proposed: {}, current: { beta: { users: 9, instances: 1 } }, days_remaining: 120,
                   date: "2026-11-26" };
  assert.match(writeAddress(change, "2027-03-26"), /&renewal=2027-03-26&date=2026-11-26$/);
  assert.doesNotMatch(writeAddress(change, null), /days_remaining/);
  assert.match(writeAddress(change, null), /&renewal=2027-03-26&/);
  const purchase = { customer: "government", proposed: { beta: { users: 9, instances: 1 } }, date: "2026-11-26" };
  assert.equal(writeAddress(purchase, "2027-03-26"), "customer=government&beta=9&date=2026-11-26");
  // A change whose days are not known (a downgrade needs none) has no renewal date either.
  assert.doesNotMatch(writeAddress({ ...change, days_remaining: undefined }, null), /renewal/);
});

test("the days and the renewal date of a link count from its date", () => {
  const r = read("current.alpha=5&alpha=50&date=2027-01-01&renewal=2027-03-26");
  assert.equal(r.date, "2027-01-01");
  assert.deepEqual(r.renewal, { date: "2027-03-26", days: 84 });
  assert.equal(r.values.get("gc-days-remaining"), "84");
  // A past date of the change is allowed: an estimate for that day.
  assert.deepEqual(read("current.alpha=5&alpha=50&date=2020-01-01&renewal=2020-02-01").renewal,
                   { date: "2020-02-01", days: 31 });
  assert.match(read("current.alpha=5&date=2027-01-01&renewal=2026-12-31").notices[0],
               /^Ignored “renewal=2026-12-31”: it is before the date of the change\.$/);
  assert.match(read("current.alpha=5&date=2027-01-01&renewal=2028-01-02").notices[0],
               /it is more than 365 days from the date of the change/);
  // With the date given, the days count from it and nothing needs saying.
  const days = read("current.alpha=5&alpha=50&date=2027-01-01&days_remaining=30");
  assert.equal(days.values.get("gc-days-remaining"), "30");
  assert.deepEqual([days.notices, days.notes], [[], []]);
});

test("an old link with only the days left counts them from the day it is opened, and says so", () => {
  const r = read("current.alpha=5&alpha=50&days_remaining=120");
  assert.equal(r.date, null);
  assert.equal(r.values.get("gc-days-remaining"), "120");
  assert.deepEqual(r.notices, []);
  assert.deepEqual(r.notes, ["The link gives “days_remaining=120” without the date it was made, so the days are " +
                             "counted from today: the renewal is taken to be on March 26, 2027. If that is not " +
                             "your renewal date, correct it in the form."]);
  // Opened a month later, the same link renews a month later.
  assert.match(readAddress(new URLSearchParams("current.alpha=5&days_remaining=120"), book(), ns, KINDS,
                           new Date(2026, 11, 26, 9)).notes[0], /April 25, 2027/);
});

test("a date of the change that is no date is ignored, and today's is used", () => {
  for (const [value, why] of [["2027-02-30", "there is no such date"], ["26/11/2026", "use a date written as YYYY-MM-DD"],
                              ["", "use a date written as YYYY-MM-DD"]]) {
    const r = read("alpha=5&date=" + value);
    assert.equal(r.date, null);
    assert.equal(r.values.has("gc-date"), false);
    assert.match(r.notices[0], new RegExp("^Ignored “date" + (value ? "=" + value : "") + "”: " + why + "\\.$"));
  }
});

test("old links keep their meaning: held today and absent from the proposal is a cancellation", () => {
  const r = read("current.alpha=80&current.beta=40&beta=40&days_remaining=5");
  assert.deepEqual([...r.cancelled], ["alpha"]);
  assert.deepEqual([...read("current.alpha=80&alpha.instances=2").cancelled], []);
  assert.deepEqual([...read("alpha=80").cancelled], []);
});
