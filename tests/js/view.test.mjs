import { test } from "node:test";
import assert from "node:assert/strict";
import { makeView, rows, context, totalText, totalLabel, summaryStatus, announcement, today } from "../../docs/assets/estimator/view.js";
import { csv, csvCell, yaml, table, tsv } from "../../docs/assets/estimator/exports.js";
import { book, ns, NOW } from "./fixture.mjs";

function view(scenario, b = book()) {
  return makeView({ book: b, money: ns.money, scenario, quote: ns.explain(b, scenario), tierIndex: ns.tierIndex,
                    who: "Government", href: "https://example.test/estimator/?x=1", now: NOW });
}

const CHANGE = { customer: "government", days_remaining: 73,
                 current: { alpha: { users: 80, instances: 1 }, beta: { users: 40, instances: 1 } },
                 proposed: { alpha: { users: 200, instances: 2 } } };

test("rows: a change shows today, the new tier and the prorated amount", () => {
  const [alpha, beta] = rows(view(CHANGE));
  assert.equal(alpha.name, "Alpha");
  assert.equal(alpha.today, "100 users, $5,000.00");
  assert.equal(alpha.tier, "1,000 users");
  assert.equal(alpha.annual, "$20,000.00");
  assert.equal(alpha.dueNow, "$3,000.00");   // 15,000 × 73 / 365
  assert.equal(alpha.change, "Upgrade: prorated for 73 of 365 days");
  assert.equal(beta.change, "Cancelled: ends with the current term, no credit");
  assert.equal(beta.aside, "saves $700.00 a year");
});

test("a line beyond the price book asks the contact instead of a price", () => {
  const v = view({ customer: "government", proposed: { beta: { users: 501, instances: 1 } } });
  const [beta] = rows(v);
  assert.equal(beta.annual, "Ask Reseller Co");
  assert.equal(beta.tier, "Ask Reseller Co");
  assert.equal(totalText(v, v.quote.annual_total), "Ask Reseller Co");
  assert.equal(totalLabel(v), "Total");
  assert.match(beta.change, /^New subscription: more than the listed tiers; Reseller Co quotes it$/);
});

test("with a priced line and one beyond, the total says it covers the priced lines only", () => {
  const v = view({ customer: "government", proposed: { alpha: { users: 5, instances: 1 }, beta: { users: 501, instances: 1 } } });
  assert.equal(totalLabel(v), "Total (priced lines only)");
  assert.equal(totalText(v, v.quote.annual_total), "$1,000.00");
  assert.equal(summaryStatus(v, false, false), "Incomplete: ask Reseller Co for the rest.");
});

test("today's price of a holding past the instance limit is not known", () => {
  const v = view({ customer: "government", days_remaining: 5, current: { alpha: { users: 5, instances: 151 } },
                   proposed: { alpha: { users: 5, instances: 1 } } });
  assert.deepEqual(today(v, "alpha"), { beyond: true });
  assert.equal(today(v, "beta"), null);
});

test("the context names the customer, the dates, the price note and the link", () => {
  const pairs = Object.fromEntries(context(view(CHANGE)));
  assert.equal(pairs["Customer type"], "government (Government)");
  assert.equal(pairs["Renewal date"], "2027-02-07");
  assert.equal(pairs["Estimate made on"], "2026-11-26");
  assert.equal(pairs.Link, "https://example.test/estimator/?x=1");
  assert.match(pairs.Prices, /Reseller Co/);
});

test("the summary and the announcement follow the state", () => {
  assert.equal(summaryStatus(null, false, false), "Enter the users of at least one product to see an estimate.");
  assert.equal(summaryStatus(null, false, true), "Fix the problems marked above to see an estimate.");
  assert.equal(announcement(null, 2, false), "There are 2 problems to fix.");
  assert.equal(announcement(view(CHANGE), 0, true),
               "Estimate updated: $3,000.00 due now, $20,000.00 each year from renewal.");
});

test("CSV: the table, an empty row, then the context; cells quoted where needed", () => {
  const text = csv(view(CHANGE));
  const lines = text.split("\r\n");
  assert.equal(lines[0], "Product,Change,Users,Tier,Instances,Annual (USD),Due now (USD),Status,Tier today,Annual today (USD)");
  assert.equal(lines[1], "Alpha,upgrade,200,1000,2,20000.00,3000.00,ok,100,5000.00");
  assert.equal(lines[2], "Beta,cancel,0,,0,0.00,0.00,ok,50,700.00");
  assert.equal(lines[3], "Total,,,,,20000.00,3000.00,,,");
  assert.equal(lines[4], "");
  assert.ok(text.endsWith("\r\n"));
  assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
});

test("the copied table has a Today column in a change only", () => {
  assert.deepEqual(table(view(CHANGE)).head.slice(0, 3), ["Product", "Change", "Today"]);
  const plain = table(view({ customer: "commercial", proposed: { alpha: { users: 5, instances: 1 } } }));
  assert.deepEqual(plain.head.slice(0, 3), ["Product", "Change", "Users"]);
  assert.match(tsv(view(CHANGE)), /\n\nProduct\tChange\tToday\t/);
});

test("YAML: the scenario govcloud quote reads, in data order", () => {
  assert.equal(yaml(CHANGE), [
    "# A govcloud scenario: `govcloud quote this-file.yml` quotes it.",
    "customer: government",
    "current:",
    "  alpha: {users: 80, instances: 1}",
    "  beta: {users: 40, instances: 1}",
    "proposed:",
    "  alpha: {users: 200, instances: 2}",
    "days_remaining: 73", ""].join("\n"));
  assert.equal(yaml({ customer: "commercial", proposed: {}, current: { beta: { users: 9, instances: 1 } }, days_remaining: 1 })
    .split("\n")[4], "proposed: {}");
});
