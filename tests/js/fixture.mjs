// A small price book for the unit tests (not the site's data: these tests pin
// behaviour, not today's prices), and the calculation loaded as the page loads it.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

globalThis.window = globalThis;
await import("../../docs/assets/govcloud-quote.js");

export const ns = globalThis.govcloud;

// The words and rules of the price book, as govcloud writes them for the test catalog
// (tests/support/fixtures/products.yml): the page's sentences come from there, not from the JS.
const here = dirname(fileURLToPath(import.meta.url)), root = join(here, "..", "..");
const shipped = JSON.parse(execFileSync(join(root, ".venv", "bin", "govcloud"), ["pricebook", "--json"], {
  env: { ...process.env, GOVCLOUD_DATA: join(root, "tests", "support", "fixtures", "products.yml") }, encoding: "utf-8" }));
export const WORDS = shipped.words;

export function book(extra = {}) {
  return {
    currency: "USD", prices_are: "illustrative", term_days: 365, max_instances: 150, quote_valid_days: 30,
    words: WORDS, rules: JSON.parse(JSON.stringify(shipped.rules)),
    calculation: JSON.parse(JSON.stringify(shipped.calculation)),
    contacts: { government: "Reseller Co", commercial: "Vendor sales" },
    products: [
      { key: "alpha", name: "Alpha", tiers: [{ users: 10, annual: "1000.00" }, { users: 100, annual: "5000.00" },
                                             { users: 1000, annual: "20000.00" }] },
      { key: "beta", name: "Beta", tiers: [{ users: 50, annual: "700.00" }, { users: 500, annual: "3650.00" }] }
    ],
    ...extra
  };
}

/* The book with recorded price changes: `changes` maps each effective date (YYYY-MM-DD, ascending)
 * to {key: {users: "annual"}}; the book's `price_history` holds every version's whole ladders, as
 * govcloud's price book does. */
export function dated(changes, extra = {}) {
  const b = book(extra), version = Object.fromEntries(b.products.map((p) => [p.key, p.tiers.map((t) => ({ ...t }))]));
  b.price_history = [{ effective: null, products: JSON.parse(JSON.stringify(version)) }];
  for (const [effective, products] of Object.entries(changes)) {
    for (const [key, prices] of Object.entries(products)) {
      for (const t of version[key]) if (prices[t.users] !== undefined) t.annual = prices[t.users];
    }
    b.price_history.push({ effective, products: JSON.parse(JSON.stringify(version)) });
  }
  return b;
}

// A fixed "today" so that dates and days do not depend on when the tests run.
export const NOW = new Date(2026, 10, 26, 15, 30);   // 26 November 2026, local time

// A template of the vocabulary, filled: what a test expects the page to say.
export function say(path, values = {}) {
  return ns.word({ words: WORDS }, path, values);
}

/* A price book whose words in the given groups are each marked ‹…›, placeholders kept: what a
 * script writes from those words shows the marks, what it writes itself does not. */
export function marked(groups, extra = {}) {
  const words = JSON.parse(JSON.stringify(WORDS));
  for (const g of groups) for (const k of Object.keys(words[g])) words[g][k] = "‹" + words[g][k] + "›";
  return book({ words, ...extra });
}
