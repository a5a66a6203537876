import { test } from "node:test";
import assert from "node:assert/strict";
import { readWhole, readTyped, halfWidth, daysUntil, isoDate, longDate, fromToday, readDate, daysBetween, addDays, fromDay }
  from "../../docs/assets/estimator/numbers.js";
import { NOW, book, ns } from "./fixture.mjs";

test("whole numbers as people type them", () => {
  assert.deepEqual(readWhole(" 120 "), { value: 120 });
  assert.deepEqual(readWhole("1,200"), { value: 1200 });
  assert.deepEqual(readWhole("0007"), { value: 7 });
  assert.deepEqual(readWhole(""), { empty: true });
  assert.deepEqual(readWhole("   "), { empty: true });
});

test("what is not a whole number says why", () => {
  assert.deepEqual(readWhole("12.5"), { problem: "whole" });
  assert.deepEqual(readWhole("1,20"), { problem: "whole" });
  assert.deepEqual(readWhole("-3"), { problem: "negative" });
  assert.deepEqual(readWhole("١٢"), { problem: "digits" });
  assert.deepEqual(readWhole("１２"), { problem: "digits" });
  assert.deepEqual(readWhole("1e3"), { problem: "whole" });
});

test("numbers past what the page holds exactly are too large, never rounded", () => {
  assert.deepEqual(readWhole("9007199254740993"), { problem: "large" });
  assert.deepEqual(readWhole("99999999999999999999"), { problem: "large" });
  assert.deepEqual(readWhole("9007199254740991"), { value: 9007199254740991 });
});

test("days until a date count calendar days from today", () => {
  assert.equal(daysUntil("2026-11-26", NOW), 0);
  assert.equal(daysUntil("2026-11-27", NOW), 1);
  assert.equal(daysUntil("2027-11-26", NOW), 365);
  assert.equal(daysUntil("2026-11-25", NOW), -1);
  // Across the change to winter time a day is still a day.
  assert.equal(daysUntil("2027-03-30", new Date(2027, 2, 27, 23, 0)), 3);
});

test("a date that does not exist or is not written YYYY-MM-DD is no date", () => {
  assert.equal(daysUntil("2027-02-30", NOW), null);
  assert.equal(daysUntil("2027-2-3", NOW), null);
  assert.equal(daysUntil("tomorrow", NOW), null);
});

test("today plus some days, written YYYY-MM-DD", () => {
  assert.equal(isoDate(0, NOW), "2026-11-26");
  assert.equal(isoDate(120, NOW), "2027-03-26");
  assert.equal(isoDate(undefined, NOW), "2026-11-26");
});

test("a date as people read it: month, day without a leading zero, year, in the words' locale", () => {
  assert.equal(longDate("2027-03-26", book()), "March 26, 2027");
  assert.equal(longDate("2027-01-05", book()), "January 5, 2027");
  assert.equal(longDate("2028-02-29", book()), "February 29, 2028");
  const words = JSON.parse(JSON.stringify(book().words));
  words.language.locale = "ja-JP";
  assert.equal(longDate("2027-01-05", book({ words })), "2027年1月5日");
});

test("dates typed in a date field: YYYY-MM-DD, a one-digit month or day, spaces around", () => {
  assert.deepEqual(readDate(" 2027-3-5 "), { value: "2027-03-05" });
  assert.deepEqual(readDate("2027-03-26"), { value: "2027-03-26" });
  assert.deepEqual(readDate(""), { empty: true });
  assert.deepEqual(readDate("2027-02-30"), { problem: "no_date" });
  assert.deepEqual(readDate("26/03/2027"), { problem: "shape" });
  assert.deepEqual(readDate("2027-03-26T00:00"), { problem: "shape" });
});

test("days between two dates and a date plus days, across a leap day and the change of clocks", () => {
  assert.equal(daysBetween("2026-11-26", "2027-03-26"), 120);
  assert.equal(daysBetween("2028-02-28", "2028-03-01"), 2);
  assert.equal(daysBetween("2027-03-26", "2026-11-26"), -120);
  assert.equal(daysBetween("2027-02-30", "2027-03-01"), null);
  assert.equal(addDays("2026-11-26", 120), "2027-03-26");
  assert.equal(addDays("2027-03-27", 3), "2027-03-30");
  assert.equal(fromDay(0, false, book(), ns), "the date of the change");
  assert.equal(fromDay(1, false, book(), ns), "1 day after the date of the change");
  assert.equal(fromDay(90, true, book(), ns), "90 days from today");
});

test("a space, a no-break space or a narrow no-break space separates thousands as a comma does", () => {
  assert.deepEqual(readWhole("1 200"), { value: 1200 });
  assert.deepEqual(readWhole("12\u00A0000"), { value: 12000 });
  assert.deepEqual(readWhole("1\u202F200\u202F000"), { value: 1200000 });
  assert.deepEqual(readWhole(" 50 000 "), { value: 50000 });
});

test("spaces between digits are thousands separators only in strict groups of three, one kind throughout", () => {
  for (const s of ["1 20", "12 00", "1  200", "1 2000", "1,200 000", "1 200\u00A0000", "1\t200", " 1 200 0"]) {
    assert.deepEqual(readWhole(s), { problem: "whole" }, JSON.stringify(s));
  }
});

test("how far a date is, in words: today, 1 day, or a count of days", () => {
  assert.equal(fromToday(0, book(), ns), "today");
  assert.equal(fromToday(1, book(), ns), "1 day from today");
  assert.equal(fromToday(120, book(), ns), "120 days from today");
});

test("full-width digits and separators, as a Japanese keyboard types them, read as ASCII ones", () => {
  assert.equal(halfWidth("５００"), "500");
  assert.equal(halfWidth("１，２００"), "1,200");
  assert.equal(halfWidth("　１２　０００　"), " 12 000 ");
  assert.equal(halfWidth("２０２７－０３－２６"), "2027-03-26");
  assert.equal(halfWidth("1,200"), "1,200");
  // Only the full-width forms: other digits and look-alikes are left for readWhole to refuse.
  assert.equal(halfWidth("١٢𝟏²"), "١٢𝟏²");
  assert.deepEqual(readTyped("５００"), { value: 500 });
  assert.deepEqual(readTyped("１，２００"), { value: 1200 });
  assert.deepEqual(readTyped("１,２００"), { value: 1200 });
  assert.deepEqual(readTyped("1,200"), { value: 1200 });
  assert.deepEqual(readTyped("１２　０００"), { value: 12000 });
  assert.deepEqual(readTyped("　"), { empty: true });
  assert.deepEqual(readTyped("－３"), { problem: "negative" });
  assert.deepEqual(readTyped("１．５"), { problem: "whole" });
  assert.deepEqual(readTyped("１，２０"), { problem: "whole" });
  assert.deepEqual(readTyped("١٢"), { problem: "digits" });
  assert.deepEqual(readTyped("𝟏𝟐"), { problem: "digits" });
});
