import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isOptionParam, readOptions, writeOptions, nameProblem } from "../../docs/assets/estimator/options-address.js";
import { book as fixtureBook } from "./fixture.mjs";

// The name rule as govcloud ships it in the price book (govcloud.options.names).
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shipped = JSON.parse(execFileSync(join(root, ".venv", "bin", "govcloud"), ["pricebook", "--json"], {
  env: { ...process.env, GOVCLOUD_DATA: join(root, "tests", "support", "fixtures", "products.yml") }, encoding: "utf-8" }));
const book = () => fixtureBook({ option_names: shipped.option_names });
const pairs = (query) => Array.from(new URLSearchParams(query));

test("option 1's parameters stay address.js's; name and opt<n>. are the options'", () => {
  assert.deepEqual(["name", "opt2.name", "opt2.alpha", "opt3.beta.instances", "alpha", "current.alpha", "customer",
                    "optional", "opt"].map(isOptionParam), [true, true, true, true, false, false, false, false, false]);
});

test("options are read in the order of their numbers, each with its name and values", () => {
  const r = readOptions(pairs("opt3.name=Grow&opt3.alpha=200&name=Stay&opt2.name=Add%20Beta&opt2.alpha=20&opt2.beta=40&opt2.beta.instances=2"), book(), ns);
  assert.equal(r.first, "Stay");
  assert.deepEqual(r.options.map((o) => [o.name, Object.fromEntries(o.values)]), [
    ["Add Beta", { alpha: "20", beta: "40", "beta.instances": "2" }],
    ["Grow", { alpha: "200" }]]);
  assert.deepEqual(r.notices, []);
});

test("a gap closes up and an option without a name is still an option", () => {
  const r = readOptions(pairs("opt3.alpha=5"), book(), ns);
  assert.equal(r.first, null);
  assert.deepEqual(r.options.map((o) => [o.name, Object.fromEntries(o.values)]), [[null, { alpha: "5" }]]);
});

test("unknown, repeated, malformed and fourth options are ignored with a notice each", () => {
  const r = readOptions(pairs("opt2.alpha=5&opt2.alpha=6&opt2.gamma=1&opt2.beta=x&opt4.alpha=3&opt1.alpha=2&name=a&name=b&opt2.constructor=1"), book(), ns);
  assert.deepEqual(Object.fromEntries(r.options[0].values), { alpha: "5" });
  assert.deepEqual(r.notices, [
    "Ignored “opt2.alpha=6”: “opt2.alpha” was already given; the first one is used.",
    "Ignored “opt2.gamma=1”: the estimator has no such setting.",
    "Ignored “opt2.beta=x”: it must be a whole number, 1 or more.",
    "Ignored “opt4.alpha=3”: the estimator compares at most 3 options.",
    "Ignored “opt1.alpha=2”: the estimator has no such setting.",
    "Ignored “name=b”: “name” was already given; the first one is used.",
    "Ignored “opt2.constructor=1”: the estimator has no such setting."]);
});

test("writing: nothing for one option, so its links stay as they were", () => {
  assert.equal(writeOptions([{ name: "Only", proposed: { alpha: { users: 5, instances: 1 } } }]).toString(), "");
});

test("writing: option 1's name, then each later option's name and proposal; read back the same", () => {
  const options = [{ name: "Stay", proposed: { alpha: { users: 5, instances: 1 } } },
                   { name: "Go to 1,000 & more", proposed: { alpha: { users: 1000, instances: 3 }, beta: { users: 40, instances: 1 } } },
                   { name: "Cancel all", proposed: {} }];
  const query = writeOptions(options).toString();
  assert.equal(query, "name=Stay&opt2.name=Go+to+1%2C000+%26+more&opt2.alpha=1000&opt2.alpha.instances=3&opt2.beta=40" +
                      "&opt3.name=Cancel+all");
  const r = readOptions(pairs(query), book(), ns);
  assert.equal(r.first, "Stay");
  assert.deepEqual(r.options.map((o) => [o.name, Object.fromEntries(o.values)]), [
    ["Go to 1,000 & more", { alpha: "1000", "alpha.instances": "3", beta: "40" }], ["Cancel all", {}]]);
});

test("names: govcloud quote's rule, with the vocabulary's words", () => {
  const b = book(), long = "x".repeat(shipped.option_names.most + 1);
  assert.equal(nameProblem("Go to 1,000 users (Q3) + 20%", b), null);
  assert.deepEqual(nameProblem("  ", b), ["options.name_missing"]);
  assert.deepEqual(nameProblem(long, b), ["options.name_long", { most: shipped.option_names.most }]);
  // A tab is a refused character and a leading space is trimmed: names.test.mjs has them with the rest.
  for (const bad of ["<b>Grow</b>", "a [link]", "x_y", "- first", "# one", "1. one"]) {
    assert.deepEqual(nameProblem(bad, b), ["options.name_plain"], bad);
  }
  assert.deepEqual(nameProblem("Stay ", b, ["Stay"]), ["options.name_taken"]);
});

// The side-by-side rows (compare.js) and the scenario file (options-exports.js), on the fixture's prices.
import { makeView } from "../../docs/assets/estimator/view.js";
import { comparison } from "../../docs/assets/estimator/compare.js";
import { yamlAll } from "../../docs/assets/estimator/options-exports.js";
import { ns, NOW, say } from "./fixture.mjs";

const shared = { customer: "government", date: "2026-11-26", days_remaining: 73,
                 current: { alpha: { users: 80, instances: 1 } } };
const optionView = (proposed) => {
  const s = Object.assign({}, shared, { proposed }), b = book();
  return makeView({ book: b, ns, scenario: s, quote: ns.explain(b, s), who: "Government buyers", href: "x", now: NOW });
};

test("side by side: a row per figure, one cell per option, differences from the first in exact cents", () => {
  // Stay in the 100-user tier (5,000.00), or go to the 1,000-user tier (20,000.00) and add Beta (700.00).
  const views = [optionView({ alpha: { users: 90, instances: 1 } }),
                 optionView({ alpha: { users: 200, instances: 1 }, beta: { users: 20, instances: 1 } })];
  const c = comparison(views, ["Stay", "Grow"]);
  assert.equal(c.title, say("options.title", { count: 2 }));
  const row = (hook) => c.rows.find((r) => r.hook === hook);
  assert.deepEqual(row("annual-total").cells.map((x) => x.text), ["$5,000.00", "$20,700.00"]);
  assert.deepEqual(row("change-beta").cells.map((x) => x.text), [say("cells.none"), say("change.new")]);
  assert.deepEqual(row("difference-annual-total").cells.map((x) => [x.text, x.value]),
                   [[say("cells.none"), ""], ["+$15,700.00", "15700.00"]]);
  assert.equal(c.rows.find((r) => r.label === say("options.difference", { name: "Stay" })).hook, null);
});

test("the scenario file is govcloud quote's options format, names as quoted strings", () => {
  const views = [optionView({ alpha: { users: 90, instances: 1 } }), optionView({})];
  const text = yamlAll(views, ['Stay: "as is"', "Cancel all"]);
  assert.match(text, /\ncustomer: government\ndate: 2026-11-26\ncurrent:\n  alpha: \{users: 80, instances: 1\}\noptions:\n/);
  assert.match(text, /\n  "Stay: \\"as is\\"":\n    alpha: \{users: 90, instances: 1\}\n  "Cancel all": \{\}\ndays_remaining: 73\n/);
  assert.match(text, /\n# renewal: 2027-02-07\n/);
});

test("side by side, the next 365 days' total names its last day, between the bills it adds up and those after", () => {
  const views = [optionView({ alpha: { users: 90, instances: 1 } }),
                 optionView({ alpha: { users: 200, instances: 1 }, beta: { users: 20, instances: 1 } })];
  const hooks = comparison(views, ["Stay", "Grow"]).rows.map((r) => r.hook);
  const at = (hook) => hooks.indexOf(hook);
  assert.ok(at("bill-date-1") < at("first-year-total") && at("first-year-total") < at("bill-date-2"), hooks.join(" "));
  const total = comparison(views, ["Stay", "Grow"]).rows[at("first-year-total")];
  // November 26, 2026 + 364 days.
  assert.equal(total.label, say("totals.window", { label: say("totals.first_year", { term_days: 365 }),
                                                   date: "November 25, 2027" }));
});

test("side by side, each bill's row names its date: the options share the date of the change", () => {
  const views = [optionView({ alpha: { users: 90, instances: 1 } }),
                 optionView({ alpha: { users: 200, instances: 1 }, beta: { users: 20, instances: 1 } })];
  const labels = comparison(views, ["Stay", "Grow"]).rows.filter((r) => /^bill-date-/.test(r.hook || "")).map((r) => r.label);
  assert.deepEqual(labels, [say("bills.when_on", { when: say("bills.now"), date: "November 26, 2026" }),
                            say("bills.when_on", { when: say("bills.in_days", { days: "73" }), date: "February 7, 2027" }),
                            say("bills.when_on", { when: say("bills.in_days", { days: "365" }), date: "November 26, 2027" })]);
});
