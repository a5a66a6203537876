/* Taking options away: the copied table, the CSV and the scenario file carry
 * every option. The side-by-side table first (compare.js, the CLI's rows), then
 * each option's own table as one option's export has it (exports.js). The
 * scenario file is govcloud quote's `options:` format. Pure text. */
import { comparison } from "./compare.js";
import { table, csvTable, tsvLines } from "./exports.js";
import { context, bills } from "./view.js";
import { addDays } from "./numbers.js";

// The side-by-side grid as text: a head row (names) and the rows, sub-rows indented as the CLI does.
export function grid(views, names) {
  const c = comparison(views, names), v = views[0], rules = v.book.rules;
  // "To confirm" marks numbered across the options in order of first use, as govcloud quote does.
  const used = [...new Set(c.rows.flatMap((r) => r.cells.flatMap((x) => x.assumptions)))];
  const mark = (x) => x.text + x.assumptions.map((a) => " [" + (used.indexOf(a) + 1) + "]").join("");
  return { title: c.title, head: [""].concat(names),
           notes: used.map((k, i) => v.words("assumptions.footnote", { n: i + 1, title: rules[k].title, summary: rules[k].summary })),
           rows: c.rows.map((r) => [(r.sub ? "  " : "") + r.label].concat(r.cells.map(mark))),
           values: c.rows.map((r) => [r.label].concat(r.cells.map((x) => (x.value === null || x.value === undefined ? x.text : x.value)))) };
}

const details = (view, name) => view.words("options.details", { name });

// Each option's own table (tsv's parts, without the context already given once).
function optionText(view, name) {
  const t = table(view);
  return [details(view, name), tsvLines([t.head].concat(t.rows)), t.billsTitle + "\n" + tsvLines([t.billsHead].concat(t.bills))]
    .concat(t.footnotes.length ? [t.footnotes.join("\n")] : []).join("\n\n");
}

export function tsvAll(views, names) {
  const g = grid(views, names);
  return [context(views[0]).join("\n"), g.title + "\n" + tsvLines([g.head].concat(g.rows))].concat(g.notes.length ? [g.notes.join("\n")] : [])
    .concat(views.map((v, i) => optionText(v, names[i]))).join("\n\n") + "\n";
}

// The CSV: one table, each option's rows named in its "Option" column (exports.csvTable).
export function csvAll(views, names) {
  return csvTable(views, names);
}

// The grids as HTML tables' rows: [caption, head, rows, footnotes] for the copied table's HTML.
export function htmlParts(views, names) {
  const g = grid(views, names);
  return [[g.title, g.head, g.rows, g.notes]].concat(views.map((v, i) => {
    const t = table(v);
    return [details(v, names[i]), t.head, t.rows.concat([[]], [t.billsHead], t.bills), t.footnotes];
  }));
}

/* The scenario file: `options:` instead of `proposed:`, everything else shared
 * (govcloud.options). Names are written as JSON strings, which YAML reads as they are. */
export function yamlAll(views, names) {
  const s = views[0].scenario, out = ["# " + views[0].words("estimator_files.scenario_options")];
  out.push("customer: " + s.customer);
  out.push("date: " + views[0].quote.date);   // shared by every option, like `current`
  const holding = (h) => "{users: " + h.users + ", instances: " + h.instances + "}";
  if (views[0].change) {
    const keys = Object.keys(s.current);
    out.push(keys.length ? "current:" : "current: {}");
    for (const k of keys) out.push("  " + k + ": " + holding(s.current[k]));
  }
  out.push("options:");
  views.forEach((v, i) => {
    const keys = Object.keys(v.scenario.proposed);
    out.push("  " + JSON.stringify(names[i]) + ":" + (keys.length ? "" : " {}"));
    for (const k of keys) out.push("    " + k + ": " + holding(v.scenario.proposed[k]));
  });
  if (views[0].change && s.days_remaining !== null && s.days_remaining !== undefined) {
    out.push("days_remaining: " + s.days_remaining);
    out.push("# renewal: " + (views[0].renewal || addDays(views[0].quote.date, s.days_remaining)));
  }
  out.push("#");
  views.forEach((v, i) => {
    const b = bills(v);
    out.push("# " + names[i].replace(/[\r\n]/g, " ") + ": " + b.firstYearLabel + ": " + b.firstYear.text);
  });
  return out.join("\n") + "\n";
}
