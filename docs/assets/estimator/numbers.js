/* Numbers and dates as people type them. Pure: "today" is passed in where it
 * matters, so the unit tests can fix it. */

const DAY_MS = 86400000;

/* A whole number as people type it: spaces around it and thousands
 * separators are fine (a comma, a space, a no-break space or a narrow no-break
 * space, one kind throughout, in groups of three: "1,200", "12 000"); anything
 * else is explained by a problem code: "digits" (digits of another script),
 * "negative", "whole", "large". */
const THOUSANDS = /^[0-9]{1,3}([, \u00A0\u202F])[0-9]{3}(?:\1[0-9]{3})*$/;

export function readWhole(raw) {
  let s = String(raw).trim();
  if (s === "") return { empty: true };
  const grouped = THOUSANDS.exec(s);
  if (grouped) s = s.split(grouped[1]).join("");
  if (!/^[0-9]+$/.test(s)) {
    // Digits from other scripts (١٢, ９): say which digits to use.
    if (/^[\p{Nd},]+$/u.test(s) && /[^0-9,]/.test(s)) return { problem: "digits" };
    if (/^-\s*[0-9]+$/.test(s)) return { problem: "negative" };
    return { problem: "whole" };
  }
  s = s.replace(/^0+(?=[0-9])/, "");
  const n = Number(s);
  // Past what a Number holds exactly, saying so beats rounding into another number.
  if (s.length > 16 || !Number.isSafeInteger(n)) return { problem: "large" };
  return { value: n };
}

/* What a Japanese keyboard types by default: the full-width forms of ASCII (U+FF01 to U+FF5E:
 * "５００", "１，２００") and the ideographic space, as the ASCII characters they stand for. Only
 * those: digits of other scripts and look-alikes ("١٢", "𝟏", "²") are left for readWhole to refuse. */
export function halfWidth(raw) {
  return String(raw)
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/\u3000/g, " ");
}

// A number typed in a field of the form: full-width or ASCII. The address stays ASCII (readWhole).
export function readTyped(raw) {
  return readWhole(halfWidth(raw));
}

// Today's local calendar date, as a UTC midnight timestamp (days count without DST jumps).
export function todayUTC(now = new Date()) {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

// A YYYY-MM-DD date's UTC midnight; null when it is not a real date (2027-02-30 is none).
function dayTime(isoDay) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return null;
  const at = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return new Date(at).toISOString().slice(0, 10) === isoDay ? at : null;
}

// Whole days from one YYYY-MM-DD date to another; null when either is not a real date.
export function daysBetween(from, to) {
  const a = dayTime(from), b = dayTime(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

// Whole days from today to a YYYY-MM-DD date; null when it is not a real date.
export function daysUntil(isoDay, now = new Date()) {
  return daysBetween(isoDate(0, now), isoDay);
}

// Today's local date plus `days`, as YYYY-MM-DD.
export function isoDate(days, now = new Date()) {
  return new Date(todayUTC(now) + (days || 0) * DAY_MS).toISOString().slice(0, 10);
}

/* Dates and counts are written through Intl in the vocabulary's locale (the price book's
 * `words.language.locale`, a BCP 47 tag such as "en-US"): the page names no language of its own. */
export function localeOf(book) {
  return book.words.language.locale;
}

// Never the browser's own language: a missing locale is a mistake, not a default.
function named(locale) {
  if (typeof locale !== "string" || !locale) throw new Error("no locale given: " + locale);
  return locale;
}

// A whole number as people read it: "1,234" in en-US.
export function count(n, locale) {
  return new Intl.NumberFormat(named(locale)).format(n);
}

// A YYYY-MM-DD date plus `days`, as YYYY-MM-DD.
export function addDays(isoDay, days) {
  return new Date(dayTime(isoDay) + days * DAY_MS).toISOString().slice(0, 10);
}

/* A date as people type it in a date field: YYYY-MM-DD, spaces around it and a one-digit
 * month or day are fine ("2027-3-5"). Returns {empty}, {value: "YYYY-MM-DD"}, or {problem}:
 * "shape" (not written as a date) or "no_date" (2027-02-30). */
export function readDate(raw) {
  const s = String(raw).trim();
  if (s === "") return { empty: true };
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return { problem: "shape" };
  const value = m[1] + "-" + m[2].padStart(2, "0") + "-" + m[3].padStart(2, "0");
  return dayTime(value) === null ? { problem: "no_date" } : { value };
}

/* A YYYY-MM-DD date as people read it ("March 26, 2027" in en-US): the calculation's own
 * formatter (govcloud-quote.js, loaded first on the page, Intl in the price book's locale),
 * so that every date on the page reads as the quote's sentences write them. */
export function longDate(isoDay, book) {
  return globalThis.govcloud.dates.long(book, isoDay);
}

export function isDateShaped(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

// How far a date is from today, in the price book's words: "today", "1 day from today", "120 days from today".
export function fromToday(days, book, ns) {
  const path = days === 0 ? "today" : days === 1 ? "one_day" : "days";
  return ns.word(book, "estimator_dates." + path, { days });
}

/* How far a date is from the date of the change: from today's words when that is today,
 * else "the date of the change", "1 day after the date of the change", "120 days after…". */
export function fromDay(days, isToday, book, ns) {
  if (isToday) return fromToday(days, book, ns);
  const path = days === 0 ? "change_day" : days === 1 ? "one_day_after" : "days_after";
  return ns.word(book, "estimator_dates." + path, { days });
}
