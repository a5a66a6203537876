/* Taking the estimate away: the table a copy carries, the CSV file and the
 * scenario file (YAML). Pure text from the view model. */
import { columns, rows, totals, bills, context, assumptionsUsed, annualShown } from "./view.js";
import { addDays } from "./numbers.js";

// Footnote numbers for the rules the view rests on, and their footnotes (the CLI's wording).
export function footnotes(view) {
  const used = assumptionsUsed(view);
  const text = used.map((k, i) => view.words("assumptions.footnote", { n: i + 1, title: view.book.rules[k].title,
                                                                       summary: view.book.rules[k].summary }));
  const mark = (c) => c.text + c.assumptions.map((a) => " [" + (used.indexOf(a) + 1) + "]").join("");
  return { used, text, mark };
}

/* The table as people read it: head and rows of text (figures with their [n]
 * marks), the totals, then the dated bills and the first year. */
export function table(view) {
  // Today's tier and price in two columns, as the CLI's table has them.
  const cols = columns(view).flatMap(([k, h]) => k !== "today" ? [[k, h]]
    : [["today_tier", view.words("columns.today_tier")], ["today", view.words("columns.today_annual")]]);
  const f = footnotes(view), t = totals(view), b = bills(view);
  // The yearly price as tables show it: with the renewal's beside it when a dated change moves it.
  const shown = (r, k) => f.mark(k === "annual" && annualShown(view, r)
    ? Object.assign({}, r.cells.annual, { text: annualShown(view, r) }) : r.cells[k]);
  const body = rows(view).map((r) => cols.map(([k]) => shown(r, k)));
  const total = cols.map(([k]) => k === "product" ? t.label : t[k] ? f.mark(t[k]) : "");
  const timeline = b.rows.map((r) => b.keys.map((k) => (k === "amount" ? f.mark(r.amount) : r[k])));
  const year = b.keys.map((k, i) => (i === 0 ? b.firstYearLabel : k === "amount" ? f.mark(b.firstYear) : ""));
  return { head: cols.map((c) => c[1]), rows: body.concat([total]), billsTitle: b.title, billsHead: b.heads,
           bills: timeline.concat([year]), footnotes: f.text };
}

/* A cell as a spreadsheet may read it (the CSV, and the copied table: spreadsheets paste its
 * HTML or its tabs): text that starts as a formula would (=, +, -, @, a tab, a line break) gets
 * a leading ' so that it stays text (OWASP's advice on CSV injection); an option's name comes
 * from whoever wrote the link. Amounts ("-80.00", "+$300.00") stay as they are. */
const FORMULA = /^[=+\-@\t\r\n]/, AMOUNT = /^[+-]?\$?[0-9][0-9,]*(\.[0-9]+)?$/;
export function cellText(value) {
  return FORMULA.test(value) && !AMOUNT.test(value) ? "'" + value : value;
}

// One CSV cell: quoted when it holds a quote, a comma or a line break.
export function csvCell(value) {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// Rows as tab-separated lines, as the copied table's text.
export function tsvLines(rows) {
  return rows.map((r) => r.map(cellText).join("\t")).join("\n");
}

/* The CSV: the lines with plain values first (a header row, one row per
 * product, the totals), so a reader that stops at the first empty row gets
 * just the table; then the dated bills, then what the estimate is for. */
export function csv(view) {
  const cur = view.book.currency, w = view.words, keys = ["product", "change", "users", "tier", "instances", "annual",
                                                          "due_now", "status", "today_tier", "today_annual"];
  const money = (k) => ["annual", "due_now", "today_annual"].includes(k);
  const inCurrency = (heading) => w("estimator_files.money_heading", { heading, currency: cur });
  const head = keys.map((k) => (money(k) ? inCurrency(w("columns." + k)) : w("columns." + k)));
  const text = view.money.text, t = totals(view), b = bills(view), f = footnotes(view);
  const out = [head];
  for (const r of rows(view)) {
    const l = r.line;
    out.push([r.cells.product.text, l.change, String(l.users), l.tier === null ? "" : String(l.tier),
              String(l.instances), l.annual === null ? "" : text(l.annual), l.due_now === null ? "" : text(l.due_now),
              l.status, l.today_tier === null ? "" : String(l.today_tier),
              l.today_annual === null ? "" : text(l.today_annual)]);
  }
  out.push([t.label, "", "", "", "", t.annual.value || "", t.due_now.value || "", "", "",
            t.today ? t.today.value || "" : ""]);
  // The bills: each one's date as YYYY-MM-DD (a spreadsheet reads it as a date) and, once the
  // data records price changes, the prices it is priced on.
  out.push([], [b.title], b.keys.map((k, i) => (k === "amount" ? inCurrency(b.heads[i]) : b.heads[i])));
  const value = (r, k) => (k === "amount" ? r.amount.value : k === "on" ? r.onValue || "" : r[k]);
  for (const r of b.rows) out.push(b.keys.map((k) => value(r, k)));
  out.push(b.keys.map((k, i) => (i === 0 ? b.firstYearLabel : k === "amount" ? b.firstYear.value || b.firstYear.text : "")));
  out.push([]);
  for (const line of context(view).concat(f.text)) out.push([line]);
  return out.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// The copied table as text: the context, the table, the bills, the footnotes, tab-separated.
export function tsv(view) {
  const t = table(view);
  return [context(view).join("\n"), tsvLines([t.head].concat(t.rows)),
          t.billsTitle + "\n" + tsvLines([t.billsHead].concat(t.bills))].concat(t.footnotes.length ? [t.footnotes.join("\n")] : [])
    .join("\n\n") + "\n";
}

/* The scenario file `govcloud quote` reads: the scenario only (never a quote);
 * the renewal date and the timeline ride along as comments. */
export function yaml(view) {
  const s = view.scenario, w = view.words, out = ["# " + w("estimator_files.scenario")];
  out.push("customer: " + s.customer);
  // The date of the change: the days left count from it and its prices apply, whenever the file is read.
  out.push("date: " + view.quote.date);
  function block(name, holdings) {
    const keys = Object.keys(holdings);
    if (!keys.length) { out.push(name + ": {}"); return; }
    out.push(name + ":");
    for (const k of keys) out.push("  " + k + ": {users: " + holdings[k].users + ", instances: " + holdings[k].instances + "}");
  }
  if (view.change) block("current", s.current);
  block("proposed", s.proposed);
  if (view.change && s.days_remaining !== null && s.days_remaining !== undefined) {
    out.push("days_remaining: " + s.days_remaining);
    const renewal = view.renewal || addDays(view.quote.date, s.days_remaining);
    out.push("# renewal: " + renewal + " " + w("estimator_files.renewal", { days: s.days_remaining, today: view.quote.date }));
  }
  const b = bills(view);
  out.push("#", "# " + b.title + ":");
  for (const r of b.rows) out.push("#   " + view.words("bills.entry", { when: r.when, amount: r.amount.text, what: r.what,
                                                                         products: r.products }));
  out.push("#   " + view.words("bills.first_year", { label: b.firstYearLabel, amount: b.firstYear.text }));
  return out.join("\n") + "\n";
}
