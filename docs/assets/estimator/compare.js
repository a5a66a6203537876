/* Options side by side: the rows of govcloud.options.table (the CLI), from each
 * option's view (view.js). One column per option; each row a label and one cell
 * per option ({text, value, assumptions}), with the hook its cells carry
 * (prefixed `opt<n>-` on the page). Pure: the page, the copies and files use it. */
import { rows, totals, bills, annualShown, windowLabel, inTerm } from "./view.js";

const blank = (text) => ({ text, value: "", assumptions: [] });

// "+$1,200.00" / "-$1,200.00": a later option's total less the first's (options._signed).
function signed(view, cents) {
  return { text: (cents < 0 ? "-" : "+") + view.money.show(Math.abs(cents)), value: view.money.text(cents), assumptions: [] };
}

/* views: one per option, option 1 first; names: their names. Returns
 * {title, names, rows: [{label, sub, hook, cells}]}. */
export function comparison(views, names) {
  const first = views[0], w = first.words, none = w("cells.none"), out = [];
  const add = (label, hook, cells, sub = false) => out.push({ label, hook, sub, cells });
  const lines = views.map((v) => new Map(rows(v).map((r) => [r.key, r])));
  for (const p of first.book.products) {
    if (!lines.some((m) => m.has(p.key))) continue;
    // The yearly price as tables show it: the renewal's beside it when a dated change moves it.
    const shown = (v, r, k) => (k === "annual" && annualShown(v, r)
      ? Object.assign({}, r.cells.annual, { text: annualShown(v, r) }) : r.cells[k]);
    const at = (k) => lines.map((m, i) => (m.has(p.key) ? shown(views[i], m.get(p.key), k) : blank(none)));
    // The change's label alone: its reason is in each option's own table.
    add(p.name, "change-" + p.key, lines.map((m, i) => (m.has(p.key)
      ? { text: w("change." + m.get(p.key).line.change), value: m.get(p.key).line.change,
          assumptions: [] } : blank(none))));
    for (const [k, hook] of [["tier", "tier-"], ["annual", "annual-"], ["due_now", "due-now-"]]) {
      add(w("columns." + k), hook + p.key, at(k), true);
    }
  }
  const t = views.map(totals);
  if (views.some((v) => v.change)) add(w("totals.today"), "today-annual-total", t.map((x) => x.today || blank(none)));
  add(w("totals.after"), "annual-total", t.map((x) => x.annual));
  add(w("columns.due_now"), "due-now-total", t.map((x) => x.due_now));
  // The bills by date: a row for each date any option has a bill on. The options share the date of
  // the change, so a bill's days name one date in every option.
  const b = views.map(bills), dates = [];
  for (const x of b) {
    for (const r of x.rows) {
      const label = r.in_days === null ? r.when : w("bills.when_on", { when: r.when, date: r.on });
      if (!dates.some((d) => d.in_days === r.in_days)) dates.push({ in_days: r.in_days, label });
    }
  }
  dates.sort((x, y) => (x.in_days === null) - (y.in_days === null) || (x.in_days || 0) - (y.in_days || 0));
  add(b[0].title, null, views.map(() => blank("")));
  const bill = (d) => add(d.label, "bill-date-" + dates.indexOf(d), b.map((x) => (x.rows.find((r) => r.in_days === d.in_days) ||
                                                                              { amount: blank(none) }).amount), true);
  // The next term's total names its last day and sits after the bills it adds up, before those after it (as
  // each option's own bills); one label for every option (each option's own may add "priced lines only").
  const term = first.book.term_days, firstYear = w("totals.first_year", { term_days: term });
  const within = (d) => inTerm(d.in_days, term);
  dates.filter(within).forEach(bill);
  add(windowLabel(first, firstYear), "first-year-total", b.map((x) => x.firstYear));
  dates.filter((d) => !within(d)).forEach(bill);
  // Each later option's totals less the first's; none where either is unknown (options._differences).
  add(w("options.difference", { name: names[0] }), null, views.map(() => blank("")));
  const annual = (v) => (v.quote.complete ? v.quote.annual_total : null);
  const year = (v) => v.quote.first_year_total;
  for (const [label, figure, hook] of [[w("totals.after"), annual, "difference-annual-total"],
    [firstYear, year, "difference-first-year-total"]]) {
    add(label, hook, views.map((v, i) => (i === 0 || figure(first) === null || figure(v) === null
      ? blank(none) : signed(v, figure(v) - figure(first)))), true);
  }
  return { title: w("options.title", { count: views.length }), names, rows: out };
}
