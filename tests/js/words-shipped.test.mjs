// The estimator's own sentences come from the price book's words (vocabulary.py), and its
// dates and counts from the locale the book names: a book with other words or another
// locale changes what the scripts write. (words.test.mjs checks that no script keeps a
// sentence of its own; these check that the scripts use the shipped ones.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readAddress } from "../../docs/assets/estimator/address.js";
import { readOptions } from "../../docs/assets/estimator/options-address.js";
import { fromToday, longDate } from "../../docs/assets/estimator/numbers.js";
import { readAnswers, checkRenewal } from "../../docs/assets/estimator/validate.js";
import { makeView, bills, context, about, summaryStatus, announcement } from "../../docs/assets/estimator/view.js";
import { csv, yaml } from "../../docs/assets/estimator/exports.js";
import { yamlAll } from "../../docs/assets/estimator/options-exports.js";
import { book, marked, ns, NOW, WORDS } from "./fixture.mjs";

const KINDS = ["government", "commercial"];
const OWN = ["estimator_link", "estimator_dates", "estimator_form", "estimator_status", "estimator_files"];
const TIMELINE = { customer: "government", date: "2026-11-26", days_remaining: 120, current: { alpha: { users: 80, instances: 1 } },
                   proposed: { alpha: { users: 200, instances: 1 }, beta: { users: 20, instances: 1 } } };
const view = (b, scenario = TIMELINE, renewal = null) => makeView({ book: b, ns, scenario, quote: ns.explain(b, scenario),
  who: "Government buyers", renewal, href: "https://example.test/estimator/?x=1", now: NOW });
const wordsOf = (b) => (path, values) => ns.word(b, path, values);

test("the vocabulary ships a locale and the estimator's own groups in the price book", () => {
  assert.equal(WORDS.language.locale, "en-US");
  for (const g of OWN.concat(["estimator_actions", "site_script"])) assert.ok(Object.keys(WORDS[g]).length > 0, g);
});

test("the link's notices are the price book's sentences", () => {
  const b = marked(OWN);
  const r = readAddress(new URLSearchParams("alpha=5&alpha=6&gamma=3&customer=army&beta=x&renewal=soon&x=1"), b, ns,
                        KINDS, NOW);
  assert.deepEqual(r.notices, [
    "‹Ignored ‹“alpha=6”›: ‹“alpha” was already given; the first one is used›.›",
    "‹Ignored ‹“gamma=3”›: ‹the estimator has no such setting›.›",
    "‹Ignored ‹“customer=army”›: ‹use government‹ or ›commercial›.›",   // the kinds joined by "‹ or ›"
    "‹Ignored ‹“beta=x”›: ‹it must be a whole number, 1 or more›.›",
    "‹Ignored ‹“x=1”›: ‹the estimator has no such setting›.›",
    "‹…and 1 more part of the link that were not used either.›"]);
  // The renewal date is read once the date of the change it counts from is known: its notice comes last.
  assert.equal(r.all.at(-1), "‹Ignored ‹“renewal=soon”›: ‹use a date written as YYYY-MM-DD›.›");
  const renewal = readAddress(new URLSearchParams("current.alpha=5&days_remaining=10&renewal=2027-03-26"), b, ns, KINDS, NOW);
  assert.deepEqual(renewal.notices, ["‹Used the renewal date March 26, 2027 (‹120 days from today›) instead of “days_remaining=10”.›"]);
  const options = readOptions(Array.from(new URLSearchParams("opt4.alpha=3&name=a&name=b")),
                              { ...b, option_names: { most_options: 3 } }, ns);
  assert.deepEqual(options.notices, ["‹Ignored ‹“opt4.alpha=3”›: ‹the estimator compares at most 3 options›.›",
                                     "‹Ignored ‹“name=b”›: ‹“name” was already given; the first one is used›.›"]);
});

test("a count in a notice and a date are written in the book's locale", () => {
  const b = book({ words: { ...WORDS, language: { locale: "de-DE" } } });
  const renewal = readAddress(new URLSearchParams("current.alpha=5&days_remaining=10&renewal=2027-03-26"), b, ns, KINDS, NOW);
  assert.match(renewal.notices[0], /^Used the renewal date 26\. März 2027 /);
  const many = readAddress(new URLSearchParams(Array(1234 + 6).fill("alpha=1").join("&")), b, ns, KINDS, NOW);
  assert.equal(many.notices.at(-1), "…and 1.234 more parts of the link that were not used either.");
  assert.equal(longDate("2027-03-26", book({ words: { ...WORDS, language: { locale: "en-GB" } } })), "26 March 2027");
  assert.throws(() => longDate("2027-03-26", book({ words: { ...WORDS, language: {} } })), /no locale/);   // never the browser's own language
});

test("the form's field names and the days from today are the price book's", () => {
  const b = marked(OWN);
  assert.equal(fromToday(0, b, ns), "‹today›");
  assert.equal(fromToday(1, b, ns), "‹1 day from today›");
  assert.match(checkRenewal("2026-01-01", b, ns, "2026-11-26").problem, /^‹Renewal date› must/);
  const r = readAnswers({ values: new Map([["gc-users-alpha", "x"], ["gc-current-users-beta", "y"],
                                           ["gc-days-remaining", "z"]]),
                          customer: "government", change: true, renewalProblem: null, cancelled: new Set(),
                          cancelLabel: () => "" }, b, ns, () => false);
  // In the form's order: the days, then product by product.
  assert.deepEqual(r.errors.map((e) => e.message.split(" must")[0]),
                   ["‹Days left in the term›", "‹Alpha users›", "‹Beta users today›"]);
});

test("the status, the announcement, the printed context and the files are the price book's", () => {
  const b = marked(OWN), w = wordsOf(b), v = view(b, TIMELINE, "2027-03-26");
  assert.equal(summaryStatus(w, null, false, false, false), "‹Enter the users of at least one product to see an estimate.›");
  assert.equal(summaryStatus(w, v, true, true, true), "‹Out of date: fix the problems marked above.›");
  assert.equal(announcement(w, v, 1, false), "‹‹There is 1 problem to fix›; the figures shown are out of date.›");
  assert.match(announcement(w, v, 0, true), /^‹Estimate updated: .*\.›$/);
  const lines = context(v);
  assert.equal(lines.at(-1), "‹Link: https://example.test/estimator/?x=1›");
  assert.equal(lines.at(-3), "‹Estimate made on November 26, 2026.›");
  assert.match(csv(v).split("\r\n")[0], /,‹Yearly price after \(USD\)›,/);
  assert.match(yaml(v), /^# ‹A govcloud scenario: .*›\n/);
  assert.match(yaml(v), /\n# renewal: 2027-03-26 ‹\(120 days from 2026-11-26\)›\n/);
  assert.match(yamlAll([v, v], ["One", "Two"]), /^# ‹A govcloud scenario with options: .*›\n/);
});

test("a renewal's dates and the bills' follow the book's locale", () => {
  const b = book({ words: { ...WORDS, language: { locale: "en-GB" } } }), v = view(b, TIMELINE, "2027-03-26");
  assert.equal(bills(v).rows[1].on, "26 March 2027");
  assert.match(about(v)[1], /26 November 2026.*26 December 2026/);   // the quote's date and until when it holds
  assert.match(about(v)[2], /26 March 2027/);
  assert.match(context(v).at(-3), /26 November 2026/);
});
