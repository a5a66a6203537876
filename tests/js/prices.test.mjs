// One way to read a price in the site's scripts: a tier's yearly price is read from the ladder
// `pricesOn(book, day)` gives (docs/assets/govcloud-quote.js), never from a product's `tiers`,
// so that dated prices change in one place (catalog.prices_on in Python, tests/unit/test_prices.py).
//
// The check reads the code: a value is a tier when it comes from `.tiers` or `["tiers"]`,
// through assignments, for-of loops, callbacks handed tiers and the file's own functions;
// reading `annual` of one (`.annual`, `["annual"]`, `{ annual } =`) is a price read.
// Names are followed through the whole file (no scopes): a false alarm is possible, a miss less so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { READER, priceReads } from "./scan.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function scripts() {
  const dir = join(root, "docs", "assets"), out = {};
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const path = join(d, e.name);
    if (e.isDirectory()) walk(path);
    else if (e.name.endsWith(".js")) out[relative(root, path)] = readFileSync(path, "utf-8");
  });
  walk(dir);
  return out;
}

test("no script of the site reads a tier's price outside pricesOn", () => {
  const files = scripts();
  assert.ok(Object.keys(files).length > 15 && files["docs/assets/govcloud-quote.js"].includes("function " + READER + "("));
  const found = Object.entries(files).flatMap(([name, src]) => priceReads(src).map((what) => name + ": " + what));
  assert.deepEqual(found, []);
});

const PLANTED = {
  "a tier in a variable": "var t = product.tiers[0]; total = parseCents(t.annual);",
  "directly": "return product.tiers[i].annual;",
  "optional chaining": "return product?.tiers?.[0]?.annual;",
  "by its key": 'return book.products[0]["tiers"][1]["annual"];',
  "a for-of loop": "for (const t of p.tiers) sum += parseCents(t.annual);",
  "an arrow callback": "const all = p.tiers.map((t) => t.annual);",
  "a bare arrow callback": "const all = p.tiers.map(t => t.annual);",
  "a function callback": 'p.tiers.forEach(function (t) { sum += parseCents(t["annual"]); });',
  "destructuring": "const { users, annual } = p.tiers[2];",
  "a function's argument": "function end(t) { return t.annual; }\nconst last = end(p.tiers[p.tiers.length - 1]);",
  "a template literal": "const s = `costs ${p.tiers[0].annual} a year`;",
  "after a regular expression": "var m = /^(\\d+)\\/(\\d\\d)$/.exec(x); var t = p.tiers[0]; y = t.annual;",
};

for (const [name, src] of Object.entries(PLANTED)) {
  test("a planted read is found: " + name, () => {
    assert.notDeepEqual(priceReads(src), []);
  });
}

test("reads of the ladder in force, of a quote's line and of sizes are not price reads", () => {
  const src = "const prices = ns.pricesOn(book, day), ladder = prices.ladder(key);\n" +
    "const tier = ladder[tierIndex(product, users)], top = product.tiers[product.tiers.length - 1].users;\n" +
    "total = tier.annual + ladder[0].annual + line.annual + q.annual_total + ladder.map((t) => t.annual)[0];";
  assert.deepEqual(priceReads(src), []);
});

test("the reader is the allowed place: its reads pass, the same reads elsewhere fail", () => {
  const quote = scripts()["docs/assets/govcloud-quote.js"];
  assert.deepEqual(priceReads(quote), []);
  assert.notDeepEqual(priceReads(quote.replace("function " + READER + "(", "function pricesOnAnotherWay(")), []);
});

test("a read planted in a real script fails the check", () => {
  const ladder = scripts()["docs/assets/estimator/ladder.js"];
  const planted = ladder + "\nfunction cheapest(product) { return Math.min(...product.tiers.map((t) => parseCents(t.annual))); }\n";
  assert.deepEqual(priceReads(planted), ["t.annual"]);
});
