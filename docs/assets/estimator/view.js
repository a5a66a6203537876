/* The view model: the quote as labelled cells, mirroring govcloud.present.view
 * (Python) on the calculation's result. Every word comes from the price
 * book's `words` (govcloud.vocabulary); a figure carries the keys of the
 * unconfirmed rules it rests on (`assumptions`), for its "to confirm" marker.
 * Pure: the page, the copied table, the CSV and the printout draw from it. */
import { isoDate, longDate, daysBetween, addDays } from "./numbers.js";

// Dates as the price book's words write them.
const long = (view, isoDay) => longDate(isoDay, view.book);

/* Everything a view needs: the price book, the scenario, its quote (cents, from
 * govcloud.explain, made on the date of the change: quote.date), the calculation's
 * helpers (money, fill), the customer's label, the renewal date given (or null), the
 * page address and the moment it is made (`now`: today's date, YYYY-MM-DD, is `today`). */
export function makeView({ book, ns, scenario, quote, who, renewal = null, href = "", now = new Date() }) {
  const names = new Map(book.products.map((p) => [p.key, p.name]));
  const words = (path, values) => ns.word(book, path, values);
  return { book, ns, money: ns.money, scenario, quote, who, renewal, href, now, names, words,
           today: isoDate(0, now), change: scenario.current !== undefined && scenario.current !== null };
}

const cell = (text, value = null, assumptions = []) => ({ text, value, assumptions });

// Each part of a view is worked out once: the page, the markers and the exports ask for it often.
function once(view, name, work) {
  const memo = view.memo || (view.memo = new Map());
  if (!memo.has(name)) memo.set(name, work());
  return memo.get(name);
}

function held(holdings, key) {
  return holdings && Object.prototype.hasOwnProperty.call(holdings, key) ? holdings[key] : null;
}

export function priced(view) {
  return view.quote.lines.some((l) => l.status === "ok");
}

export function ask(view) {
  return view.words("cells.ask", { contact: view.quote.contact });
}

// A money cell; with nothing priced, whom to ask instead of $0.00.
function money(view, cents, isPriced, assumptions = []) {
  if (!isPriced || cents === null) return cell(ask(view), null, assumptions);
  return cell(view.money.show(cents), view.money.text(cents), assumptions);
}

// The yearly difference from renewal, in words (present._difference).
function difference(view, line) {
  const { show, text } = view.money, w = view.words;
  if (line.status !== "ok" || line.annual === null) return cell(ask(view), null, line.assumptions);
  if (line.change === "new") return cell(w("difference.added", { amount: show(line.annual) }), text(line.annual));
  if (line.today_annual === null) return cell(w("cells.none"));
  const delta = line.annual - line.today_annual;
  const restsOn = view.book.calculation.difference_rules.includes(line.change) ? line.assumptions : [];
  if (delta < 0) return cell(w("difference.less", { amount: show(-delta) }), text(delta), restsOn);
  if (delta > 0) return cell(w("difference.more", { amount: show(delta) }), text(delta), restsOn);
  return cell(w("difference.same"), text(delta), restsOn);
}

// The short reason beside a change's label.
function changeDetail(view, line) {
  const b = view.book, w = view.words;
  if (line.status !== "ok") return w("change_detail.beyond");
  if (line.change === "upgrade") return w("change_detail.upgrade", { days: view.scenario.days_remaining, term_days: b.term_days });
  if (line.change === "instances_only") {
    return w("change_detail.instances_only", { instances: line.instances, max_instances: b.max_instances });
  }
  const had = held(view.scenario.current, line.product);
  if (line.change === "unchanged" && had && had.users !== line.users) {
    return w("change_detail.same_tier", { users: view.money.group(line.users),
                                          tier: view.money.group(line.tier) });
  }
  return w("change_detail." + line.change);
}

// The columns shown, as [key, heading]: today's beside the new ones in a change.
export function columns(view) {
  const keys = ["product", "change"].concat(view.change ? ["today"] : [], ["tier", "annual"],
                                            view.change ? ["difference"] : [], ["due_now"]);
  // A first purchase's price is "Yearly price": there is nothing for it to be "after".
  return keys.map((k) => [k, view.words("columns." + (k === "annual" && !view.change ? "annual_new" : k))]);
}

// One row per line: {key, line, cells}, each cell {text, value, assumptions}.
export function rows(view) {
  return once(view, "rows", () => workRows(view));
}

/* The tier that covers `users` when the price book has one (present._known_tier): a line past the
 * instance limit has no price, yet its tier is known (the quote's `tier` stays null). */
function knownTier(view, key, users) {
  const product = view.book.products.find((p) => p.key === key);
  const index = view.ns.tierIndex(product, users);
  return users > 0 && index < product.tiers.length ? product.tiers[index].users : null;
}

function workRows(view) {
  const q = view.quote, w = view.words, group = view.money.group, none = w("cells.none");
  return q.lines.map((line) => {
    const ok = line.status === "ok", key = line.product, cells = {};
    cells.product = cell(view.names.get(key), key);
    cells.change = cell(w("change." + line.change) + w("change_detail.join") + changeDetail(view, line), line.change);
    const known = ok ? null : knownTier(view, key, line.users);
    cells.tier = line.tier !== null ? cell(w("cells.tier", { tier: group(line.tier) }), String(line.tier))
      : known !== null ? cell(w("cells.tier", { tier: group(known) }), String(known))
      : cell(ok ? none : ask(view), "", ok ? [] : line.assumptions);
    cells.annual = money(view, line.annual, ok, ok ? [] : line.assumptions);
    // What the next full-term bill charges a year; `from`: from which day, when a recorded change
    // makes it another price than D's (present._annual), else no value.
    cells.renewal_annual = line.renewal_annual !== null ? money(view, line.renewal_annual, ok)
      : cell(ok ? none : ask(view), "");   // no bill renews it: a cancel; beyond the price book: whom to ask
    const moved = ok && line.renewal_annual !== null && line.renewal_annual !== line.annual && line.renewal_from;
    cells.renewal_from = moved ? cell(long(view, line.renewal_from), line.renewal_from) : cell("", null);
    cells.due_now = money(view, line.due_now, ok, line.assumptions);
    cells.users = cell(group(line.users), String(line.users));
    cells.instances = cell(group(line.instances), String(line.instances));
    if (view.change) {
      const had = held(view.scenario.current, key);
      if (!had) {
        cells.today_tier = cell(none, "");
        cells.today = cell(none, "");
      } else if (line.today_tier === null) {
        const tier = knownTier(view, key, had.users);
        cells.today_tier = tier === null ? cell(w("cells.tier", { tier: group(had.users) }), "")
          : cell(w("cells.tier", { tier: group(tier) }), String(tier));
        cells.today = cell(ask(view), "");
      } else {
        cells.today_tier = cell(w("cells.tier", { tier: group(line.today_tier) }), String(line.today_tier));
        cells.today = money(view, line.today_annual, true);
      }
      cells.difference = difference(view, line);
    }
    return { key, line, cells };
  });
}

// The totals row's label and cells.
export function totals(view) {
  return once(view, "totals", () => workTotals(view));
}

function workTotals(view) {
  const q = view.quote, any = priced(view), w = view.words;
  const dueRules = [...new Set(q.lines.filter((l) => l.status === "ok").flatMap((l) => l.assumptions))];
  const out = {
    label: any && !q.complete ? w("totals.priced_only") : w("totals.total"),
    annual: money(view, q.annual_total, any),
    due_now: money(view, q.due_now_total, any, dueRules),
  };
  if (view.change) {
    out.today = q.today_annual_total === null ? cell(w("cells.none"), "") : money(view, q.today_annual_total, true);
  }
  return out;
}

export function incompleteNote(view) {
  return view.quote.complete ? "" : view.words("totals.incomplete", { ask: ask(view) });
}

// When a bill falls, counted from the date of the change (present._when); its date is a column of its own.
function when(view, bill) {
  const w = view.words;
  if (bill.in_days === null) return w("bills.undated");
  if (bill.in_days === 0) return w("bills.now");
  return bill.in_days === 1 ? w("bills.in_day") : w("bills.in_days", { days: view.money.group(bill.in_days) });
}

// Which prices a bill is priced on: those in force from a change's date, or those before any (present._prices).
function pricesOf(view, bill) {
  return bill.prices_from === null ? view.words("bills.prices_base")
    : view.words("bills.prices_from", { date: long(view, bill.prices_from) });
}

// Whether the price book records price changes: the bills then name the prices each is priced on.
export function datedPrices(view) {
  return (view.book.price_history || []).length > 1;
}

// The dated bills (present.view's BillRow) and what is paid in the next term's days.
export function bills(view) {
  return once(view, "bills", () => workBills(view));
}

// A bill `in_days` from D falls in the next term's days (D the first); an undated bill in none (quote.in_term).
export const inTerm = (inDays, term) => inDays !== null && inDays < term;

function workBills(view) {
  const q = view.quote, w = view.words;
  const rowsOut = q.bills.map((b) => {
    const what = b.parts.map((p) => w("bills." + p)).join(w("bills.join"));
    return { when: when(view, b), in_days: b.in_days, on: b.on === null ? w("cells.none") : long(view, b.on),
             onValue: b.on, what: what.charAt(0).toUpperCase() + what.slice(1),
             products: b.products.map((k) => view.names.get(k)).join(w("bills.products_join")), prices: pricesOf(view, b),
             amount: cell(view.money.show(b.amount), view.money.text(b.amount), b.assumptions) };
  });
  const term = view.book.term_days;
  const yearRules = [...new Set(q.bills.filter((b) => inTerm(b.in_days, term))
                                      .flatMap((b) => b.assumptions))];
  const first = q.first_year_total === null ? cell(w("bills.first_year_unknown"), "")
    : !priced(view) ? cell(ask(view), "")   // nothing priced: whom to ask, not $0.00
    : cell(view.money.show(q.first_year_total), view.money.text(q.first_year_total), yearRules);
  // The columns of present's bills table: the price list each bill uses once the data records changes.
  const keys = ["when", "on", "what", "products"].concat(datedPrices(view) ? ["prices"] : [], ["amount"]);
  // The total names the last day it covers; bills after it are said to be left out (present.view).
  const label = w(priced(view) && !q.complete ? "totals.first_year_priced_only" : "totals.first_year", { term_days: term });
  const later = q.bills.some((b) => b.in_days !== null && !inTerm(b.in_days, term));
  return { title: w("bills.title"), keys, heads: keys.map((k) => w("bills." + k)),
           rows: rowsOut, firstYear: first,
           firstYearLabel: windowLabel(view, label),
           afterWindow: later ? w("totals.after_window", { date: long(view, addDays(q.date, term)) }) : "",
           inWindow: q.bills.filter((x) => inTerm(x.in_days, term)).length };
}

/* The next term's total's label with the last day it covers, the quote's day being the first
 * (present.window). */
export function windowLabel(view, label) {
  return view.words("totals.window", { label, date: long(view, addDays(view.quote.date, view.book.term_days - 1)) });
}

// The explanation, one note per sentence, with the rules each rests on.
export function notes(view) {
  return view.quote.notes.map((n) => cell(n.text, n.product, n.assumptions));
}

// The price book's words on prices: illustrative, and whose quote governs.
export function priceNote(book, ns, customer) {
  return ns.word(book, "messages.illustrative", { contact: book.contacts[customer] });
}

// Who the estimate is for and its term, as present.view's `about`.
export function about(view) {
  const s = view.scenario, b = view.book, w = view.words, out = [];
  // Mid-sentence, as present._mid_sentence: lower-cased unless its second letter is a capital ("US ...").
  const second = view.who.charAt(1);
  const who = second !== second.toLowerCase() ? view.who : view.who.charAt(0).toLowerCase() + view.who.slice(1);
  out.push(w("about.customer", { who, contact: view.quote.contact }));
  out.push(w("about.date", { date: long(view, view.quote.date), valid_until: long(view, view.quote.valid_until) }));
  if (!view.change) return out;
  const days = s.days_remaining;
  if (view.renewal && days !== null && days !== undefined) {
    out.push(w("about.renewal", { date: long(view, view.renewal), days, term_days: b.term_days,
                                  today: long(view, view.quote.date) }));
  } else if (days !== null && days !== undefined) {
    out.push(w("about.days", { days, term_days: b.term_days }));
  } else {
    out.push(w("about.no_days"));
  }
  return out;
}

/* The date of the change and until when a quote made that day holds its prices: cells with
 * the date as the page writes it and ISO as the value; `passed` once that day is gone, when
 * a quote made today may differ (the notice's words are the page's). */
export function dated(view) {
  const q = view.quote;
  const date = cell(long(view, q.date), q.date), validUntil = cell(long(view, q.valid_until), q.valid_until);
  return { date, validUntil, passed: daysBetween(view.today, q.valid_until) < 0,
           notice: view.words("estimator_status.dated_passed", { date: date.text, valid_until: validUntil.text }) };
}

/* The yearly price as tables show it (present._annual): D's, and beside it the renewal's when a
 * recorded change makes it another before that bill ("$23,400.00; $24,570.00 from February 1, 2027").
 * `fill(values)` gets the template's values (annual, renewal, date) and fills it: the words by
 * default, DOM nodes on the page. */
export function annualShown(view, row, fill = (values) => view.words("cells.renewal_price", values)) {
  const c = row.cells;
  if (!c.renewal_from.value) return null;
  return fill({ annual: c.annual.text, renewal: c.renewal_annual.text, date: c.renewal_from.text });
}

// What a copy, a file or a printout needs to stand on its own, one line each.
export function context(view) {
  const w = view.words;
  return about(view).concat([w("estimator_files.made", { date: long(view, view.today) }),
                             priceNote(view.book, view.ns, view.scenario.customer),
                             w("estimator_files.link", { href: view.href })]);
}

// The rules the whole view rests on, in reading order (footnote order of present.view).
export function assumptionsUsed(view) {
  return once(view, "used", () => workUsed(view));
}

function workUsed(view) {
  const used = [];
  const add = (c) => c.assumptions.forEach((a) => { if (!used.includes(a)) used.push(a); });
  const t = totals(view);
  rows(view).forEach((r) => Object.values(r.cells).forEach(add));
  Object.values(t).filter((c) => typeof c === "object").forEach(add);
  const b = bills(view);
  b.rows.forEach((r) => add(r.amount));
  add(b.firstYear);
  notes(view).forEach(add);
  return used;
}

// The summary bar's figures: due now and what the next term's days bring.
export function summaryFigures(view) {
  const t = totals(view), b = bills(view);
  return { dueNow: t.due_now.text, firstYear: b.firstYear.text };
}

/* The summary bar's status line (the price book's `estimator_status`; `words` fills its
 * templates, as view.words does). `entered` says whether any users were entered: then the
 * page never asks for them. */
export function summaryStatus(words, view, stale, shownErrors, entered) {
  const q = view && view.quote, w = (key) => words("estimator_status." + key);
  if (!q) return w(shownErrors ? "fix_to_see" : entered ? "finish_to_see" : "empty");
  if (stale) return w(shownErrors ? "stale_fix" : "stale_finish");
  return q.complete ? "" : incompleteNote(view);
}

// What the live region says once typing pauses.
export function announcement(words, view, problems, valid) {
  const q = view && view.quote, w = (key, values) => words("estimator_status." + key, values);
  if (problems) {
    const said = problems === 1 ? w("problems_one") : w("problems_many", { count: problems });
    return w(q ? "problems_stale" : "problems", { problems: said });
  }
  if (!valid || !q) return "";
  const f = summaryFigures(view), b = bills(view);
  return w("updated", { due_now_label: view.words("columns.due_now"), due_now: f.dueNow,
                        first_year_label: b.firstYearLabel, first_year: f.firstYear }) +
    (q.complete ? "" : " " + incompleteNote(view));
}
