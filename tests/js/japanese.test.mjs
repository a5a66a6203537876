// The estimator's lists and dates in the price book's language: `govcloud pricebook --lang ja`
// gives the words (the bill's products joined by its `bills.products_join`) and the locale
// (`words.language.locale`, for Intl); no script joins names or writes a date in English itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeView, bills, rows } from "../../docs/assets/estimator/view.js";
import { book, ns, NOW, WORDS } from "./fixture.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const JAPANESE = JSON.parse(execFileSync(join(root, ".venv", "bin", "govcloud"), ["pricebook", "--json", "--lang", "ja"], {
  env: { ...process.env, GOVCLOUD_DATA: join(root, "tests", "support", "fixtures", "products.yml") }, encoding: "utf-8" })).words;
// Both products kept: the renewal bill renews the two of them.
const KEEP = { customer: "government", date: "2026-11-26", days_remaining: 120,
               current: { alpha: { users: 80, instances: 1 }, beta: { users: 60, instances: 1 } },
               proposed: { alpha: { users: 80, instances: 1 }, beta: { users: 60, instances: 1 } } };
const view = (b) => makeView({ book: b, ns, scenario: KEEP, quote: ns.explain(b, KEEP), who: "x", renewal: null,
  href: "https://example.test/estimator/", now: NOW });

test("the Japanese price book names its locale and joins names with its own word", () => {
  assert.equal(JAPANESE.language.locale, "ja-JP");
  assert.equal(JAPANESE.bills.products_join, "、");
  assert.equal(WORDS.bills.products_join, ", ");
});

test("a bill's products are joined, and its date written, in the book's language", () => {
  const en = bills(view(book())).rows.at(-1), ja = bills(view(book({ words: JAPANESE }))).rows.at(-1);
  assert.equal(en.products, "Alpha, Beta");
  assert.equal(en.on, "March 26, 2027");
  assert.equal(ja.products, "Alpha、Beta");
  assert.equal(ja.on, "2027年3月26日");
});

test("a change and its detail are joined by the book's word, a full-width colon in Japanese", () => {
  const en = rows(view(book()))[0].cells.change.text, ja = rows(view(book({ words: JAPANESE })))[0].cells.change.text;
  assert.equal(en, WORDS.change.unchanged + ": " + WORDS.change_detail.unchanged);
  assert.equal(ja, JAPANESE.change.unchanged + "：" + JAPANESE.change_detail.unchanged);
});
