/* The page address holds the estimate (docs/formats.md, "The estimator's address"):
 * reading it into field values with a notice for whatever is not used, and
 * writing it back from a scenario in the format govcloud.address writes.
 * Product keys are only ever looked up in Maps: data or an address naming
 * `constructor` or `__proto__` never reaches an object's prototype. */
import { fieldIds } from "./fields.js";
import { readWhole, daysBetween, isDateShaped, longDate, fromToday, fromDay, count, localeOf, isoDate, addDays } from "./numbers.js";

export const NOTICES_SHOWN = 5;   // a hostile link with thousands of parameters: list a few, count the rest
const NOTICE_CHARS = 40;          // how much of an ignored parameter a notice repeats


// Address parameter -> {id, min, change}: which field it fills.
export function addressFields(book) {
  const map = new Map([["days_remaining", { id: "gc-days-remaining", min: 0, change: true }]]);
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    map.set(p.key, { id: ids.users, min: 1 });
    map.set(p.key + ".instances", { id: ids.instances, min: 1 });
    map.set("current." + p.key, { id: ids.currentUsers, min: 1, change: true });
    map.set("current." + p.key + ".instances", { id: ids.currentInstances, min: 1, change: true });
  }
  return map;
}

function clip(value) {
  return value.length > NOTICE_CHARS ? value.slice(0, NOTICE_CHARS) + "…" : value;
}

/* The notices' words (the price book's `estimator_link`), shared with options-address.js:
 * `shown(name, value)` quotes a parameter as the link gave it, `ignored(shown, path, values)`
 * says it was not used and why. */
export function linkWords(book, ns) {
  const w = (path, values) => ns.word(book, "estimator_link." + path, values);
  return {
    w,
    shown: (name, value) => (value === "" ? w("shown_name", { name: clip(name) })
      : w("shown", { name: clip(name), value: clip(value) })),
    ignored: (shown, path, values) => w("ignored", { shown, why: w(path, values) }),
    repeated: (shown, name) => w("ignored", { shown, why: w("repeated", { name: clip(name) }) }),
  };
}

/* Reads URLSearchParams (or [name, value] pairs), with the price book and the
 * calculation's helpers (`ns`, for the words). Returns the values to put in
 * the form (a Map id -> text), the customer, the date of the change the link
 * gives (or null: today's then), a valid renewal date, whether the address
 * describes a change, the notices of what was not used (at most NOTICES_SHOWN,
 * plus one that counts the rest), the notes on how the rest was read, and the
 * ids the address filled. The days left and the renewal date count from the
 * link's date, else from today: an old link with only `days_remaining` says so
 * in a note. */
export function readAddress(params, book, ns, customers, now = new Date()) {
  const fields = addressFields(book), seen = new Set(), notices = [], notes = [], link = linkWords(book, ns);
  // Days left, or a renewal date, in a link that holds nothing today: the one wording for both.
  const unusedInPurchase = (shown) => link.ignored(shown, "new_purchase");
  // A date the link gives: why it cannot be used.
  const dateProblem = (value) => (isDateShaped(value) ? "not_a_date" : "date_form");
  const values = new Map(), given = new Set();
  let customer = null, renewal = null, change = false, days = null, held = false, date = null, renewalGiven = null;
  const shownOf = new Map();   // days_remaining and renewal as the link gave them, for a notice at the end
  for (const [name, value] of params) {
    const shown = link.shown(name, value);
    if (name !== "customer" && name !== "renewal" && name !== "date" && !fields.has(name)) {
      notices.push(link.ignored(shown, "unknown"));
      continue;
    }
    if (seen.has(name)) {
      notices.push(link.repeated(shown, name));
      continue;
    }
    seen.add(name);
    shownOf.set(name, shown);
    if (name === "customer") {
      if (!customers.includes(value)) notices.push(link.ignored(shown, "customer", { kinds: customers.join(link.w("customer_join")) }));
      else customer = value;
      continue;
    }
    if (name === "date") {
      if (daysBetween(value, value) === null) notices.push(link.ignored(shown, dateProblem(value)));
      else { date = value; values.set("gc-date", value); given.add("gc-date"); }
      continue;
    }
    if (name === "renewal") {   // checked once the date it counts from is known
      renewalGiven = value;
      continue;
    }
    const field = fields.get(name);
    if (field.change && name !== "days_remaining") change = held = true;
    const read = readWhole(value);
    let bad = read.empty ? "empty" : read.problem ? "not_whole" : read.value < field.min ? "too_small"
      : name === "days_remaining" && read.value > book.term_days ? "over_term" : null;
    if (read.problem === "large") bad = "too_large";
    if (bad) notices.push(link.ignored(shown, bad, { min: field.min, term_days: book.term_days }));
    else {
      values.set(field.id, String(read.value));
      if (name === "days_remaining") days = String(read.value);
    }
    given.add(field.id);   // the link's answers count as given: their problems are reported
  }
  // The days count from the date of the change: the link's, else today.
  const from = date || isoDate(0, now);
  if (renewalGiven !== null) {
    const until = daysBetween(from, renewalGiven), term = book.term_days;
    const wrong = until === null ? dateProblem(renewalGiven)
      : until < 0 ? (date ? "before_change" : "past")
      : until > term ? (date ? "far_from_change" : "far") : null;
    if (wrong) notices.push(link.ignored(shownOf.get("renewal"), wrong, { term_days: term }));
    else renewal = { date: renewalGiven, days: until };
  }
  if (!held) {
    // Nothing held today: a new purchase, for which the days left mean nothing.
    if (days !== null) { notices.push(unusedInPurchase(shownOf.get("days_remaining"))); values.delete("gc-days-remaining"); }
    if (renewal) notices.push(unusedInPurchase(shownOf.get("renewal")));
    days = renewal = null;
  }
  if (renewal) {
    // The date wins: it stays right as the days pass, a count of days does not.
    if (days !== null && days !== String(renewal.days)) {
      notices.push(link.w("renewal_used", { date: longDate(renewal.date, book),
                                            when: fromDay(renewal.days, !date, book, ns), days: clip(days) }));
    }
    values.set("gc-days-remaining", String(renewal.days));
  } else if (days !== null && !date) {
    // A link written before links carried their date: its days left count from the day it is opened.
    notes.push(link.w("undated_days", { shown: shownOf.get("days_remaining"),
                                        date: longDate(addDays(from, Number(days)), book) }));
  }
  // A product held today and absent from the proposal is cancelled (docs/formats.md): old links keep meaning it.
  const cancelled = new Set();
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    if (values.has(ids.currentUsers) && !seen.has(p.key) && !seen.has(p.key + ".instances")) cancelled.add(p.key);
  }
  return { values, customer, date, renewal, change, given, cancelled, notices: bounded(notices, book, ns), all: notices, notes };
}

// The first few notices, then one that counts the rest: a live region never receives megabytes.
export function bounded(notices, book, ns, limit = NOTICES_SHOWN) {
  if (notices.length <= limit) return notices;
  const rest = notices.length - limit;
  return notices.slice(0, limit).concat([ns.word(book, "estimator_link." + (rest === 1 ? "rest_one" : "rest_many"),
                                                 { count: count(rest, localeOf(book)) })]);
}

/* The address for a complete scenario, in the format govcloud.address writes: the date of the
 * change always, and for a change the renewal date (worked out from the days when days were
 * typed), never the days left: a link opened next month shows the same estimate. */
export function writeAddress(scenario, renewal) {
  const params = new URLSearchParams();
  params.append("customer", scenario.customer);
  function add(prefix, holdings) {
    for (const key of Object.keys(holdings)) {
      params.append(prefix + key, String(holdings[key].users));
      if (holdings[key].instances !== 1) params.append(prefix + key + ".instances", String(holdings[key].instances));
    }
  }
  add("", scenario.proposed);
  if (scenario.current) {
    add("current.", scenario.current);
    const days = scenario.days_remaining;
    const on = renewal || (days !== undefined && days !== null ? addDays(scenario.date, days) : null);
    if (on) params.append("renewal", on);
  }
  params.append("date", scenario.date);
  return params.toString();
}
