// The estimator's number fields against digits of other scripts and look-alikes: each is refused
// with a problem that says which digits to use, or read as the number it is; none becomes another
// number. (numbers.test.mjs has the everyday forms.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readWhole } from "../../docs/assets/estimator/numbers.js";

test("digits of other scripts say: use 0 to 9", () => {
  // Arabic-Indic, Extended Arabic-Indic, Devanagari, full-width, mathematical bold (outside the BMP), mixed.
  for (const s of ["١٢", "۱۲", "१२", "１２", "𝟏𝟐", "1٢", "１,２００"]) assert.deepEqual(readWhole(s), { problem: "digits" }, s);
});

test("look-alikes and other forms of a number are not whole numbers", () => {
  for (const s of ["²", "1e3", "0x10", "12.0", "+12", "١٢٣٬٤٥٦", "12\u200b", "\u202e12", "1 ٢٣٤", "Infinity", "NaN", "12e", "0b11"]) {
    assert.deepEqual(readWhole(s), { problem: "whole" }, s);
  }
});

test("past what a Number holds exactly is too large, never rounded", () => {
  for (const s of ["9007199254740992", "9007199254740993", "1" + "0".repeat(30), "9".repeat(400)]) {
    assert.deepEqual(readWhole(s), { problem: "large" }, s);
  }
  assert.deepEqual(readWhole("9007199254740991"), { value: 9007199254740991 });
  assert.deepEqual(readWhole("00000000000000000000012"), { value: 12 });
});
