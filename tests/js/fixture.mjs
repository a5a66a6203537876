// A small price book for the unit tests (not the site's data: these tests pin
// behaviour, not today's prices), and the calculation loaded as the page loads it.
globalThis.window = globalThis;
await import("../../docs/assets/govcloud-quote.js");

export const ns = globalThis.govcloud;

export function book(extra = {}) {
  return {
    currency: "USD", prices_are: "illustrative", term_days: 365, max_instances: 150,
    contacts: { government: "Reseller Co", commercial: "Vendor sales" },
    products: [
      { key: "alpha", name: "Alpha", tiers: [{ users: 10, annual: "1000.00" }, { users: 100, annual: "5000.00" },
                                             { users: 1000, annual: "20000.00" }] },
      { key: "beta", name: "Beta", tiers: [{ users: 50, annual: "700.00" }, { users: 500, annual: "3650.00" }] }
    ],
    ...extra
  };
}

// A fixed "today" so that dates and days do not depend on when the tests run.
export const NOW = new Date(2026, 10, 26, 15, 30);   // 26 November 2026, local time
