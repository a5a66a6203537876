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
           // The total between the bills it sums and those after them (present.view's in_window).
           bills: timeline.slice(0, b.inWindow).concat([year], timeline.slice(b.inWindow)), footnotes: f.text };
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

/* The CSV: one table a spreadsheet sorts and filters (issue 20). A row per product line of each
 * option, a row for each option's totals, a row per bill, one for what the bills in the next
 * term's days add up to; then the footnotes and what the estimate is for, each a row of its own
 * kind, and for options each later one's totals less the first's. Every row has every column;
 * "Kind" tells them apart. Figures are plain values (amounts
 * without a currency sign, dates as YYYY-MM-DD), words as the page says them; a rule to confirm
 * is its footnote's number in "To confirm". `names`: the options' names, or none for one
 * estimate (then there is no "Option" column). */
export function csv(view) {
  return csvTable([view], null);
}

export function csvTable(views, names) {
  const v0 = views[0], w = v0.words, cur = v0.book.currency, change = v0.change;
  const dated = views.some((v) => bills(v).keys.includes("prices"));
  const inCurrency = (heading) => w("estimator_files.money_heading", { heading, currency: cur });
  const keys = ["kind"].concat(names ? ["option"] : [], ["product", "change", "users", "tier", "instances"],
                               change ? ["today_tier", "today_annual"] : [], ["annual", "due_now", "on", "when",
                               "what"], dated ? ["prices"] : [], ["amount", "confirm"]);
  const MONEY = ["today_annual", "annual", "due_now", "amount"];
  const heading = (k) => {
    const text = k === "kind" || k === "option" || k === "confirm" ? w("estimator_files.csv_" + k)
      : ["on", "when", "what", "prices", "amount"].includes(k) ? w("bills." + k) : w("columns." + k);
    return MONEY.includes(k) ? inCurrency(text) : text;
  };
  // Footnote numbers across every option, in order of first use (as the copied tables number them).
  const used = [];
  for (const v of views) for (const a of assumptionsUsed(v)) if (!used.includes(a)) used.push(a);
  const marks = (cells) => [...new Set(cells.flatMap((c) => c.assumptions))].map((a) => used.indexOf(a) + 1).join("; ");
  // A figure's plain value; where it has none (not priced, nothing held), the words the page shows.
  const plain = (c) => (c.value !== null && c.value !== undefined && c.value !== "" ? c.value : c.text);
  const kind = (k) => w("estimator_files.csv_" + k);
  const out = [keys.map(heading)];
  const row = (values) => out.push(keys.map((k) => (values[k] === undefined ? "" : values[k])));
  views.forEach((v, i) => {
    const option = names ? { option: names[i] } : {};
    for (const r of rows(v)) {
      const c = r.cells, l = r.line;
      row({ kind: kind("line"), ...option, product: c.product.text, change: w("change." + l.change),
            users: String(l.users), tier: c.tier.value || c.tier.text, instances: String(l.instances),
            ...(change ? { today_tier: c.today_tier.value || c.today_tier.text,
                           today_annual: plain(c.today) } : {}),
            annual: plain(c.annual), due_now: plain(c.due_now),
            confirm: marks(Object.values(c)) });
    }
    const t = totals(v);
    row({ kind: kind("total"), ...option, product: t.label, ...(change && t.today ? { today_annual: plain(t.today) } : {}),
          annual: plain(t.annual), due_now: plain(t.due_now),
          confirm: marks([t.annual, t.due_now]) });
    const b = bills(v);
    for (const r of b.rows) {
      row({ kind: kind("bill"), ...option, product: r.products, on: r.onValue || "", when: r.when, what: r.what,
            ...(dated ? { prices: r.prices } : {}), amount: plain(r.amount), confirm: marks([r.amount]) });
    }
    row({ kind: kind("bills_total"), ...option, what: b.firstYearLabel, amount: plain(b.firstYear), confirm: marks([b.firstYear]) });
    // A later option's totals less the first's, where both are known (as the side-by-side table has them).
    if (i > 0) {
      const less = (figure) => (figure(v.quote) === null || figure(v0.quote) === null ? ""
        : v.money.text(figure(v.quote) - figure(v0.quote)));
      row({ kind: kind("difference"), ...option, product: w("options.difference", { name: names[0] }),
            annual: less((q) => (q.complete ? q.annual_total : null)), due_now: less((q) => q.due_now_total),
            what: b.firstYearLabel, amount: less((q) => q.first_year_total) });
    }
  });
  used.forEach((k, i) => row({ kind: kind("footnote"), what: w("assumptions.footnote", { n: i + 1, title: v0.book.rules[k].title,
                                                                                      summary: v0.book.rules[k].summary }),
                               confirm: String(i + 1) }));
  for (const line of context(v0)) row({ kind: kind("about"), what: line });
  // A byte-order mark: Excel reads the file as UTF-8 only with one (curly quotes came out garbled).
  return "\ufeff" + out.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
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
  if (b.afterWindow) out.push("#   " + b.afterWindow);
  return out.join("\n") + "\n";
}
