import { test } from "node:test";
import assert from "node:assert/strict";
import { makeView, rows, totals, bills, columns, context, summaryStatus, announcement, assumptionsUsed, priceNote,
         annualShown } from "../../docs/assets/estimator/view.js";
import { csv, csvCell, yaml, table, tsv, tsvLines } from "../../docs/assets/estimator/exports.js";
import { book, dated, ns, NOW, say } from "./fixture.mjs";

const words = (path, values) => ns.word(book(), path, values);

function view(scenario, { b = book(), renewal = null } = {}) {
  return makeView({ book: b, ns, scenario, quote: ns.explain(b, scenario), who: "Government buyers", renewal,
                    href: "https://example.test/estimator/?x=1", now: NOW });
}

// Alpha upgraded with 73 days left (100 -> 1,000 users), Beta cancelled; Gamma-less.
const CHANGE = { customer: "government", date: "2026-11-26", days_remaining: 73,
                 current: { alpha: { users: 80, instances: 1 }, beta: { users: 400, instances: 1 } },
                 proposed: { alpha: { users: 200, instances: 2 } } };
// The contract's example shape: an upgrade with 120 days left and a new product bought today.
const TIMELINE = { customer: "government", date: "2026-11-26", days_remaining: 120,
                   current: { alpha: { users: 80, instances: 1 } },
                   proposed: { alpha: { users: 200, instances: 1 }, beta: { users: 20, instances: 1 } } };

test("today beside tomorrow: today's tier and price, the new ones, the yearly difference", () => {
  const [alpha, beta] = rows(view(CHANGE));
  assert.equal(alpha.cells.today_tier.text, say("cells.tier", { tier: "100" }));
  assert.equal(alpha.cells.today.text, "$5,000.00");
  assert.equal(alpha.cells.tier.text, say("cells.tier", { tier: "1,000" }));
  assert.equal(alpha.cells.due_now.text, "$3,000.00");   // 15,000 × 73 / 365
  assert.equal(alpha.cells.difference.text, say("difference.more", { amount: "$15,000.00" }));
  assert.equal(alpha.cells.change.text, say("change.upgrade") + ": " +
               say("change_detail.upgrade", { days: 73, term_days: 365 }));
  // A cancellation says what it saves a year, like a downgrade would.
  assert.equal(beta.cells.difference.text, say("difference.less", { amount: "$3,650.00" }));
  const t = totals(view(CHANGE));
  assert.equal(t.today.text, "$8,650.00");
  assert.equal(t.annual.text, "$20,000.00");
});

test("a downgrade shows its saving from renewal", () => {
  const v = view({ customer: "commercial", current: { alpha: { users: 500, instances: 1 } },
                   proposed: { alpha: { users: 50, instances: 1 } } });
  assert.equal(rows(v)[0].cells.difference.text, say("difference.less", { amount: "$15,000.00" }));
  assert.deepEqual(rows(v)[0].cells.difference.assumptions, ["downgrade"]);
});

test("users that rise within today's tier: the line says the new count still fits it", () => {
  // Alpha 101 -> 1,000 users: both in the 1,000-user tier (100 is the tier below), so the bill stays.
  const scenario = { customer: "government", current: { alpha: { users: 101, instances: 1 } },
                     proposed: { alpha: { users: 1000, instances: 1 } } };
  const v = view(scenario), [alpha] = rows(v);
  assert.equal(alpha.line.change, "unchanged");
  assert.equal(alpha.cells.change.text, say("change.unchanged") + ": 1,000 users still fit the 1,000-user tier");
  const said = v.quote.notes.filter((n) => n.product === "alpha").map((n) => n.text);
  assert.ok(said.includes("Alpha: 1,000 users still fit the current 1,000-user tier, so the bill stays the same."), said);
  assert.ok(!said.includes(say("messages.unchanged", { product: "Alpha" })), said);
  // The same users as today: the bill stays, nothing more to say.
  const same = rows(view({ ...scenario, proposed: scenario.current }))[0];
  assert.equal(same.cells.change.text, say("change.unchanged") + ": " + say("change_detail.unchanged"));
});

test("the bills fall on their own dates, and the first year adds what falls within it", () => {
  const b = bills(view(TIMELINE));
  assert.deepEqual(b.rows.map((r) => [r.when, r.amount.text, r.products]), [
    [say("bills.now"), "$5,631.51", "Alpha, Beta"],   // 15,000 × 120 / 365 = 4,931.51, plus 700.00
    [say("bills.in_days", { days: "120" }), "$20,000.00", "Alpha"],
    [say("bills.in_days", { days: "365" }), "$700.00", "Beta"]]);
  assert.equal(b.firstYear.text, "$25,631.51");   // not 20,700 "each year"
  // The total names its last day, sits after the bills it sums, and says the day-365 bill is left out.
  assert.equal(b.firstYearLabel, say("totals.window", { label: say("totals.first_year", { term_days: 365 }),
                                                        date: "November 25, 2027" }));
  assert.equal(b.inWindow, 2);
  assert.equal(b.afterWindow, say("totals.after_window", { date: "November 26, 2027" }));
  const t = table(view(TIMELINE));
  assert.deepEqual(t.bills.map((r) => r[0]), [say("bills.now"), say("bills.in_days", { days: "120" }), b.firstYearLabel,
                                              say("bills.in_days", { days: "365" })]);
});

test("every bill has its date, counted from the date of the change; without days, the renewal is undated", () => {
  const b = bills(view(TIMELINE));
  assert.deepEqual(b.rows.map((r) => [r.on, r.onValue]), [["November 26, 2026", "2026-11-26"],
                                                          ["March 26, 2027", "2027-03-26"],
                                                          ["November 26, 2027", "2027-11-26"]]);
  assert.deepEqual(b.keys, ["when", "on", "what", "products", "amount"]);
  const noDays = { customer: "government", date: "2026-11-26", current: { alpha: { users: 500, instances: 1 } },
                   proposed: { alpha: { users: 50, instances: 1 }, beta: { users: 20, instances: 1 } } };
  const undated = bills(view(noDays));
  assert.equal(undated.rows.at(-1).when, say("bills.undated"));
  assert.equal(undated.rows.at(-1).on, say("cells.none"));
  assert.equal(undated.firstYear.text, say("bills.first_year_unknown"));
  assert.equal(undated.firstYear.value, "");
});

test("once the data records price changes, each bill names the prices it is priced on", () => {
  const b = dated({ "2027-02-01": { alpha: { 1000: "21000.00" } } });
  const got = bills(view(TIMELINE, { b }));
  assert.deepEqual(got.keys, ["when", "on", "what", "products", "prices", "amount"]);
  assert.deepEqual(got.rows.map((r) => [r.prices, r.amount.text]), [
    [say("bills.prices_base"), "$5,631.51"],
    [say("bills.prices_from", { date: "February 1, 2027" }), "$21,000.00"],
    [say("bills.prices_from", { date: "February 1, 2027" }), "$700.00"]]);
  // The yearly price stays D's; beside it, the renewal's and from when (present._annual).
  const [alpha, beta] = rows(view(TIMELINE, { b }));
  assert.equal(alpha.cells.annual.text, "$20,000.00");
  assert.equal(annualShown(view(TIMELINE, { b }), alpha),
               say("cells.renewal_price", { annual: "$20,000.00", renewal: "$21,000.00", date: "February 1, 2027" }));
  assert.equal(annualShown(view(TIMELINE, { b }), beta), null);
  const t = table(view(TIMELINE, { b }));
  assert.equal(t.rows[0][columns(view(TIMELINE)).findIndex(([k]) => k === "annual") + 1],
               "$20,000.00; $21,000.00 from February 1, 2027");
  // The CSV's bills carry their date and, once the data records changes, the prices each is priced on.
  const inCsv = readCsv(csv(view(TIMELINE, { b })));
  const bill = (r) => [r[say("bills.on")], r[say("bills.prices")], r[say("bills.amount") + " (USD)"]];
  assert.deepEqual(inCsv.filter((r) => r.Kind === say("estimator_files.csv_bill")).map(bill), [
    ["2026-11-26", say("bills.prices_base"), "5631.51"],
    ["2027-03-26", say("bills.prices_from", { date: "February 1, 2027" }), "21000.00"],
    ["2027-11-26", say("bills.prices_from", { date: "February 1, 2027" }), "700.00"]]);
});

test("a figure on an unconfirmed rule carries it; confirming the rule removes it", () => {
  const v = view(TIMELINE);
  assert.deepEqual(rows(v)[0].cells.due_now.assumptions, ["upgrade"]);
  assert.deepEqual(assumptionsUsed(v), ["upgrade", "new_subscription_term"]);
  const confirmed = book();
  confirmed.rules.upgrade.confirmed = true;
  assert.deepEqual(assumptionsUsed(view(TIMELINE, { b: confirmed })), ["new_subscription_term"]);
});

test("a line beyond the price book asks the contact instead of a price", () => {
  const v = view({ customer: "government", proposed: { beta: { users: 501, instances: 1 } } });
  const [beta] = rows(v);
  const ask = say("cells.ask", { contact: "Reseller Co" });
  assert.equal(beta.cells.annual.text, ask);
  assert.equal(beta.cells.tier.text, ask);
  assert.equal(totals(v).annual.text, ask);
  assert.equal(totals(v).label, say("totals.total"));
  assert.equal(beta.cells.change.text, say("change.new") + ": " + say("change_detail.beyond"));
});

test("with a priced line and one beyond, the total says it covers the priced lines only", () => {
  const v = view({ customer: "government", proposed: { alpha: { users: 5, instances: 1 }, beta: { users: 501, instances: 1 } } });
  assert.equal(totals(v).label, say("totals.priced_only"));
  assert.equal(summaryStatus(words, v, false, false, true), say("totals.incomplete", { ask: say("cells.ask", { contact: "Reseller Co" }) }));
});

test("columns: today's and the difference only in a change", () => {
  assert.deepEqual(columns(view(CHANGE)).map((c) => c[0]),
                   ["product", "change", "today", "tier", "annual", "difference", "due_now"]);
  assert.deepEqual(columns(view({ customer: "commercial", proposed: { alpha: { users: 5, instances: 1 } } })).map((c) => c[0]),
                   ["product", "change", "tier", "annual", "due_now"]);
});

test("the context: who, the term, the day, the price note, the link; the note is not 'the last message'", () => {
  const lines = context(view(CHANGE));
  assert.equal(lines[0], say("about.customer", { who: "government buyers", contact: "Reseller Co" }));
  assert.equal(lines[1], say("about.date", { date: "November 26, 2026", valid_until: "December 26, 2026" }));
  assert.equal(lines[2], say("about.days", { days: 73, term_days: 365 }));
  assert.ok(lines.includes("Estimate made on November 26, 2026."));
  assert.ok(lines.includes(priceNote(book(), ns, "government")));
  assert.equal(lines.at(-1), "Link: https://example.test/estimator/?x=1");
});

test("the status never asks for users while users are entered", () => {
  assert.equal(summaryStatus(words, null, false, false, false), "Enter the users of at least one product to see an estimate.");
  assert.doesNotMatch(summaryStatus(words, null, false, false, true), /Enter the users/);
  assert.equal(announcement(words, null, 2, false), "There are 2 problems to fix.");
  assert.match(announcement(words, view(TIMELINE), 0, true), /\$25,631\.51/);
});

// A CSV file's rows as objects keyed by its header (quoted cells, doubled quotes, CRLF).
function readCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, "a byte-order mark first: Excel reads UTF-8 only with one");
  const rowsOut = [], cells = [];
  let cell = "", quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { cells.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { cells.push(cell); rowsOut.push(cells.splice(0)); cell = ""; i++; }
    else cell += ch;
  }
  const [head, ...body] = rowsOut;
  assert.ok(body.every((r) => r.length === head.length), "every row has every column");
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

test("CSV: one table with a kind column, plain values, words as the page says them", () => {
  const text = csv(view(TIMELINE)), kinds = (k) => say("estimator_files.csv_" + k);
  assert.equal(text.split("\r\n")[0], "\ufeff" + ["estimator_files.csv_kind", "columns.product", "columns.change",
    "columns.users", "columns.tier", "columns.instances", "columns.today_tier"].map((k) => say(k)).join(",") + "," +
    ["columns.today_annual", "columns.annual", "columns.due_now"].map((k) => say(k) + " (USD)").join(",") + "," +
    ["bills.on", "bills.when", "bills.what"].map((k) => say(k)).join(",") + "," + say("bills.amount") + " (USD)," +
    say("estimator_files.csv_confirm"));
  const got = readCsv(text), col = (k) => say("columns." + k), usd = (k) => say("columns." + k) + " (USD)";
  const [alpha, beta, total] = got;
  assert.deepEqual([alpha.Kind, alpha[col("product")], alpha[col("change")], alpha[col("users")], alpha[col("tier")],
                    alpha[col("today_tier")], alpha[usd("today_annual")], alpha[usd("annual")], alpha[usd("due_now")]],
                   [kinds("line"), "Alpha", say("change.upgrade"), "200", "1000", "100", "5000.00", "20000.00", "4931.51"]);
  // Nothing held today: the page's dash, not an empty cell that reads as zero.
  assert.deepEqual([beta[col("change")], beta[col("today_tier")], beta[usd("today_annual")]],
                   [say("change.new"), say("cells.none"), say("cells.none")]);
  assert.deepEqual([total.Kind, total[col("product")], total[usd("annual")], total[usd("due_now")], total[usd("today_annual")]],
                   [kinds("total"), say("totals.total"), "20700.00", "5631.51", "5000.00"]);
  const bills = got.filter((r) => r.Kind === kinds("bill"));
  assert.deepEqual(bills.map((r) => [r[say("bills.on")], r[col("product")], r[say("bills.amount") + " (USD)"]]),
                   [["2026-11-26", "Alpha, Beta", "5631.51"], ["2027-03-26", "Alpha", "20000.00"], ["2027-11-26", "Beta", "700.00"]]);
  // Each rule to confirm once, as a row of its own; the figures resting on it carry its number.
  const notes = got.filter((r) => r.Kind === kinds("footnote"));
  assert.deepEqual(notes.map((r) => r[say("estimator_files.csv_confirm")]), ["1", "2"]);
  assert.equal(alpha[say("estimator_files.csv_confirm")], "1");
  assert.ok(got.some((r) => r.Kind === kinds("about") && r[say("bills.what")].startsWith("Link: ")));
  assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
});

test("text a spreadsheet would run as a formula stays text; amounts stay numbers", () => {
  // An option's name comes from whoever wrote the link: =, +, -, @, a tab or a line break first.
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell('=HYPERLINK("http://evil")'), '"\'=HYPERLINK(""http://evil"")"');
  assert.equal(csvCell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  assert.equal(csvCell("+1+cmd"), "'+1+cmd");
  assert.equal(csvCell("-2+3"), "'-2+3");
  assert.equal(csvCell("\t=1"), "'\t=1");
  assert.equal(tsvLines([["=1+1", "Plan B"], ["", "-80.00"]]), "'=1+1\tPlan B\n\t-80.00");
  for (const amount of ["-80.00", "+$300.00", "-$1,200.50", "20700.00", "0"]) assert.equal(tsvLines([[amount]]), amount);
});

test("the year's figure: whom to ask when nothing is priced, 'priced lines only' when some is", () => {
  const year = { term_days: 365 };
  const through = (label) => say("totals.window", { label, date: "November 25, 2027" });
  // Alpha beyond its largest tier (1,000 users): no line priced, no bill, and no $0.00.
  const none = bills(view({ customer: "government", date: "2026-11-26", days_remaining: 10,
                            current: { alpha: { users: 5000, instances: 1 } },
                            proposed: { alpha: { users: 50, instances: 1 } } }));
  assert.deepEqual([none.rows.length, none.firstYear.text, none.firstYearLabel],
                   [0, say("cells.ask", { contact: "Reseller Co" }), through(say("totals.first_year", year))]);
  // Beta priced beside it: Beta's bills count, and the label says they are the priced lines only.
  const some = bills(view({ customer: "government", date: "2026-11-26", proposed: { alpha: { users: 5000, instances: 1 },
                                                               beta: { users: 20, instances: 1 } } }));
  assert.deepEqual([some.firstYear.text, some.firstYearLabel], ["$700.00", through(say("totals.first_year_priced_only", year))]);
  assert.equal(bills(view(TIMELINE)).firstYearLabel, through(say("totals.first_year", year)));
});

test("the copied table carries the bills and numbered footnotes", () => {
  const t = table(view(TIMELINE));
  assert.equal(t.bills.length, 4);
  assert.equal(t.footnotes.length, 2);
  assert.match(tsv(view(TIMELINE)), /\t\$4,931\.51 \[1\]\n/);
});

test("YAML: the scenario only; the renewal date and the timeline as comments", () => {
  const text = yaml(view(TIMELINE, { renewal: "2027-03-26" }));
  const data = text.split("\n").filter((l) => l && !l.startsWith("#"));
  assert.deepEqual(data, ["customer: government", "date: 2026-11-26", "current:", "  alpha: {users: 80, instances: 1}", "proposed:",
                          "  alpha: {users: 200, instances: 1}", "  beta: {users: 20, instances: 1}", "days_remaining: 120"]);
  assert.match(text, /^# renewal: 2027-03-26/m);
  assert.match(text, /^#   .*\$25,631\.51$/m);
});
