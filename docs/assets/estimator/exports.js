/* Taking the estimate away: the table a copy carries, the CSV file and the
 * scenario file (YAML). Pure text from the view model. */
import { rows, context, totalText, totalLabel, priced } from "./view.js";

// The table as shown ([head], rows of text) and, per row, the CSV's plain values.
export function table(view) {
  const { text, group } = view.money, q = view.quote, change = !!view.scenario.current;
  const head = ["Product", "Change", "Users", "Tier", "Instances", "Each year from renewal", "Due now"];
  if (change) head.splice(2, 0, "Today");
  const out = rows(view).map((r) => {
    const line = r.line, now = r.now;
    const shown = [r.name, r.change, group(line.users), r.tier, group(line.instances), r.annual, r.dueNow];
    if (change) shown.splice(2, 0, r.today);
    return { shown,
             csv: [r.name, line.change, String(line.users), line.tier === null ? "" : String(line.tier),
                   String(line.instances), line.annual === null ? "" : text(line.annual),
                   line.due_now === null ? "" : text(line.due_now), line.status,
                   now && !now.beyond ? String(now.tier) : "", now && !now.beyond ? text(now.annual) : ""] };
  });
  const label = totalLabel(view), any = priced(view);
  const total = [label, "", "", "", "", totalText(view, q.annual_total), totalText(view, q.due_now_total)];
  if (change) total.splice(2, 0, "");
  out.push({ shown: total,
             csv: [label, "", "", "", "", any ? text(q.annual_total) : "", any ? text(q.due_now_total) : "",
                   "", "", ""] });
  return { head, rows: out };
}

// One CSV cell: quoted when it holds a quote, a comma or a line break.
export function csvCell(value) {
  return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

/* The CSV: the table first (a header row, one row per product, the total), so
 * a reader that stops at the first empty row gets just the table; then an
 * empty row and two-column rows saying what the estimate is for. */
export function csv(view) {
  const cur = view.book.currency, t = table(view);
  const head = ["Product", "Change", "Users", "Tier", "Instances", "Annual (" + cur + ")", "Due now (" + cur + ")",
                "Status", "Tier today", "Annual today (" + cur + ")"];
  const all = [head].concat(t.rows.map((r) => r.csv), [[]], context(view));
  return all.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// The copied table as text: context lines, an empty line, then tab-separated rows.
export function tsv(view) {
  const t = table(view);
  return context(view).map((c) => c.join("\t")).join("\n") + "\n\n" +
    [t.head].concat(t.rows.map((r) => r.shown)).map((r) => r.join("\t")).join("\n") + "\n";
}

// The scenario file `govcloud quote` reads: the scenario only, never a quote.
export function yaml(scenario) {
  const out = ["# A govcloud scenario: `govcloud quote this-file.yml` quotes it.", "customer: " + scenario.customer];
  function block(name, holdings) {
    const keys = Object.keys(holdings);
    if (!keys.length) { out.push(name + ": {}"); return; }
    out.push(name + ":");
    for (const k of keys) {
      out.push("  " + k + ": {users: " + holdings[k].users + ", instances: " + holdings[k].instances + "}");
    }
  }
  if (scenario.current) block("current", scenario.current);
  block("proposed", scenario.proposed);
  if (scenario.current && scenario.days_remaining !== null && scenario.days_remaining !== undefined) {
    out.push("days_remaining: " + scenario.days_remaining);
  }
  return out.join("\n") + "\n";
}
