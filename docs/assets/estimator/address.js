/* The page address holds the estimate (CONTRACTS.md, "Estimator page"):
 * reading it into field values with a notice for whatever is not used, and
 * writing it back from a scenario in the format govcloud.address writes.
 * Product keys are only ever looked up in Maps: data or an address naming
 * `constructor` or `__proto__` never reaches an object's prototype. */
import { fieldIds } from "./fields.js";
import { readWhole, daysBetween, isDateShaped, longDate, fromDay, isoDate, addDays } from "./numbers.js";

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

// Days left, or a renewal date, in a link that holds nothing today: the one wording for both.
function unusedInPurchase(shown) {
  return "Ignored " + shown + ": the link names no subscription held today, so it is a new purchase, " +
         "which does not use the days left in a term.";
}

// A date the link gives: the problem that keeps it from being used, or null.
function dateProblem(value) {
  return isDateShaped(value) ? "there is no such date" : "use a date written as YYYY-MM-DD";
}

/* Reads URLSearchParams (or [name, value] pairs). Returns the values to put in
 * the form (a Map id -> text), the customer, the date of the change the link
 * gives (or null: today's then), a valid renewal date, whether the address
 * describes a change, the notices of what was not used (at most NOTICES_SHOWN,
 * plus one that counts the rest), the notes on how the rest was read, and the
 * ids the address filled. The days left and the renewal date count from the
 * link's date, else from today: an old link with only `days_remaining` says so
 * in a note. */
export function readAddress(params, book, customers, now = new Date()) {
  const fields = addressFields(book), seen = new Set(), notices = [], notes = [];
  const values = new Map(), given = new Set();
  let customer = null, renewal = null, change = false, days = null, held = false, date = null, renewalGiven = null;
  const shownOf = new Map();   // days_remaining and renewal as the link gave them, for a notice at the end
  for (const [name, value] of params) {
    const shown = "“" + clip(name) + (value === "" ? "" : "=" + clip(value)) + "”";
    if (name !== "customer" && name !== "renewal" && name !== "date" && !fields.has(name)) {
      notices.push("Ignored " + shown + ": the estimator has no such setting.");
      continue;
    }
    if (seen.has(name)) {
      notices.push("Ignored " + shown + ": “" + clip(name) + "” was already given; the first one is used.");
      continue;
    }
    seen.add(name);
    shownOf.set(name, shown);
    if (name === "customer") {
      if (!customers.includes(value)) notices.push("Ignored " + shown + ": use " + customers.join(" or ") + ".");
      else customer = value;
      continue;
    }
    if (name === "date") {
      if (daysBetween(value, value) === null) notices.push("Ignored " + shown + ": " + dateProblem(value) + ".");
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
    let bad = read.empty ? "it is empty" : read.problem ? "it must be a whole number, " + field.min + " or more"
      : read.value < field.min ? "it must be " + field.min + " or more"
      : name === "days_remaining" && read.value > book.term_days ? "a term has " + book.term_days + " days" : null;
    if (read.problem === "large") bad = "the number is too large";
    if (bad) notices.push("Ignored " + shown + ": " + bad + ".");
    else {
      values.set(field.id, String(read.value));
      if (name === "days_remaining") days = String(read.value);
    }
    given.add(field.id);   // the link's answers count as given: their problems are reported
  }
  // The days count from the date of the change: the link's, else today.
  const from = date || isoDate(0, now), base = date ? "the date of the change" : "today";
  if (renewalGiven !== null) {
    const until = daysBetween(from, renewalGiven), term = book.term_days;
    const wrong = until === null ? dateProblem(renewalGiven)
      : until < 0 ? (date ? "it is before the date of the change" : "that date has passed")
      : until > term ? "it is more than " + term + " days from " + base : null;
    if (wrong) notices.push("Ignored " + shownOf.get("renewal") + ": " + wrong + ".");
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
      notices.push("Used the renewal date " + longDate(renewal.date, book) + " (" + fromDay(renewal.days, !date) + ") " +
                   "instead of “days_remaining=" + clip(days) + "”.");
    }
    values.set("gc-days-remaining", String(renewal.days));
  } else if (days !== null && !date) {
    // A link written before links carried their date: its days left count from the day it is opened.
    notes.push("The link gives " + shownOf.get("days_remaining") + " without the date it was made, so the days " +
               "are counted from today: the renewal is taken to be on " + longDate(addDays(from, Number(days)), book) +
               ". If that is not your renewal date, correct it in the form.");
  }
  // A product held today and absent from the proposal is cancelled (CONTRACTS.md): old links keep meaning it.
  const cancelled = new Set();
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    if (values.has(ids.currentUsers) && !seen.has(p.key) && !seen.has(p.key + ".instances")) cancelled.add(p.key);
  }
  return { values, customer, date, renewal, change, given, cancelled, notices: bounded(notices), all: notices, notes };
}

// The first few notices, then one that counts the rest: a live region never receives megabytes.
export function bounded(notices, limit = NOTICES_SHOWN) {
  if (notices.length <= limit) return notices;
  const rest = notices.length - limit;
  return notices.slice(0, limit).concat([
    "…and " + rest.toLocaleString("en-US") + " more " + (rest === 1 ? "part" : "parts") +
    " of the link that were not used either."]);
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
