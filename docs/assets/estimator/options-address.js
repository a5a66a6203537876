/* The options in the page address (docs/formats.md, "The estimator's address"). Option 1 is
 * the address as it always was (`<key>=<users>`, `<key>.instances=<n>`), plus
 * `name=` once options are compared; options 2 and 3 repeat the proposal's
 * parameters behind `opt2.` and `opt3.`: `opt2.name=…&opt2.jira=1000`.
 * Everything shared (customer, current, days, renewal) is written once.
 * An option names its products; one held today and not named is cancelled,
 * as in a scenario file. Pure; keys only in Maps. */
import { readWhole } from "./numbers.js";

const OPTION = /^opt([0-9]+)\.(.+)$/;

// Is this parameter an option's (not option 1's products, which address.js reads)?
export function isOptionParam(name) {
  return name === "name" || OPTION.test(name);
}

function clip(value) {
  return value.length > 40 ? value.slice(0, 40) + "…" : value;
}

/* Reads the options' parameters (pairs, in address order), with the price book and
 * the calculation's helpers (`ns`: the notices are address.js's, in the price book's
 * `estimator_link` words). Returns the name
 * given for option 1 (or null), the later options in order of their number
 * ({name, values: Map "<key>"|"<key>.instances" -> text}), and notices. A gap
 * (opt3 without opt2) closes up: the options keep their order. */
export function readOptions(pairs, book, ns) {
  const keys = new Set(book.products.flatMap((p) => [p.key, p.key + ".instances"]));
  const most = book.option_names.most_options, byNumber = new Map(), notices = [];
  const w = (path, values) => ns.word(book, "estimator_link." + path, values);
  const ignored = (shown, path, values) => w("ignored", { shown, why: w(path, values) });
  let first = null;
  for (const [name, value] of pairs) {
    const shown = value === "" ? w("shown_name", { name: clip(name) }) : w("shown", { name: clip(name), value: clip(value) });
    if (name === "name") {
      if (first === null) first = value;
      else notices.push(ignored(shown, "repeated", { name }));
      continue;
    }
    const m = OPTION.exec(name), n = m ? Number(m[1]) : 0, field = m ? m[2] : "";
    if (!m || n < 2 || n > most || (field !== "name" && !keys.has(field))) {
      notices.push(ignored(shown, m && n > most && (field === "name" || keys.has(field)) ? "most_options" : "unknown", { most }));
      continue;
    }
    if (!byNumber.has(n)) byNumber.set(n, { name: null, values: new Map() });
    const option = byNumber.get(n);
    if (field === "name" ? option.name !== null : option.values.has(field)) {
      notices.push(ignored(shown, "repeated", { name: clip(name) }));
      continue;
    }
    if (field === "name") { option.name = value; continue; }
    const read = readWhole(value);
    const bad = read.empty ? "empty" : read.problem === "large" ? "too_large"
      : read.problem || read.value < 1 ? "not_whole" : null;
    if (bad) notices.push(ignored(shown, bad, { min: 1 }));
    else option.values.set(field, String(read.value));
  }
  const options = Array.from(byNumber.keys()).sort((a, b) => a - b).map((n) => byNumber.get(n));
  return { first, options, notices };
}

/* The parameters after option 1's: `name` for option 1, then each later
 * option's name and proposal. `options` = [{name, proposed}], option 1 first;
 * nothing is written for a single option, so its links stay as they were. */
export function writeOptions(options) {
  const params = new URLSearchParams();
  if (options.length < 2) return params;
  params.append("name", options[0].name);
  options.slice(1).forEach((o, i) => {
    const prefix = "opt" + (i + 2) + ".";
    params.append(prefix + "name", o.name);
    for (const key of Object.keys(o.proposed)) {
      params.append(prefix + key, String(o.proposed[key].users));
      if (o.proposed[key].instances !== 1) params.append(prefix + key + ".instances", String(o.proposed[key].instances));
    }
  });
  return params;
}

/* The name without the spaces at its ends: what the price book's `option_names.space`
 * matches, the spaces govcloud trims (String.prototype.trim takes others: U+FEFF, not U+0085). */
export function trimName(name, rule) {
  return name.replace(new RegExp("^" + rule.space + "+|" + rule.space + "+$", "gu"), "");
}

/* What is wrong with an option's name, as a path in the price book's words
 * (govcloud quote's rule: the price book's `option_names`, checked in the same
 * order as govcloud.model.names), or null. `others` are the other options' names.
 * Lengths count characters (code points), as Python does. */
export function nameProblem(name, book, others = []) {
  const rule = book.option_names, trimmed = trimName(name, rule);
  if (!trimmed) return ["options.name_missing"];
  if (new RegExp(rule.refused, "u").test(name)) return ["names.control"];   // anywhere: trimming takes spaces only
  if ([...trimmed].length > rule.most) return ["options.name_long", { most: rule.most }];
  if ([...trimmed].some((c) => rule.forbidden.includes(c)) || new RegExp("^(?:" + rule.block_start + ")").test(trimmed)) {
    return ["options.name_plain"];
  }
  const words = trimmed.split(new RegExp(rule.space + "+", "u"));
  if (words.some((w) => [...w].length > rule.word)) return ["names.word_long", { most: rule.word }];
  if (others.some((o) => trimName(o, rule) === trimmed)) return ["options.name_taken"];
  return null;
}
