import { test } from "node:test";
import assert from "node:assert/strict";
import { usersChecks, JUMP_TIMES } from "../../docs/assets/estimator/users-checks.js";
import { book, ns, say } from "./fixture.mjs";

// Alpha's tiers go 10, 100, 1,000 users; Beta's 50, 500.
function checks(values, { change = true, cancelled = [] } = {}) {
  return usersChecks({ values: new Map(Object.entries(values)), change, cancelled: new Set(cancelled) }, book(), ns);
}

test("more than ten times today's users gets a second look; ten times does not", () => {
  assert.equal(JUMP_TIMES, 10);
  // 481 is more than 10 × 48 = 480.
  const slip = checks({ "gc-current-users-alpha": "48", "gc-users-alpha": "481" });
  assert.deepEqual([...slip], [["gc-users-alpha",
    say("estimator_form.check_jump", { users: "481", times: "10", today: "48" })]]);
  assert.equal(checks({ "gc-current-users-alpha": "48", "gc-users-alpha": "480" }).size, 0);
  // Nothing held today (or a new purchase): no "times today's".
  assert.equal(checks({ "gc-users-alpha": "481" }).size, 0);
  assert.equal(checks({ "gc-current-users-alpha": "0", "gc-users-alpha": "481" }).size, 0);
  assert.equal(checks({ "gc-current-users-alpha": "48", "gc-users-alpha": "481" }, { change: false }).size, 0);
  // A cancelled product's "after" field does not count.
  assert.equal(checks({ "gc-current-users-alpha": "48", "gc-users-alpha": "481" }, { cancelled: ["alpha"] }).size, 0);
});

test("past the price book's largest tier gets a second look, today's field too", () => {
  const got = checks({ "gc-current-users-alpha": "1001", "gc-users-alpha": "4852", "gc-users-beta": "500" });
  assert.deepEqual([...got], [
    ["gc-current-users-alpha", say("estimator_form.check_beyond", { users: "1,001", top: "1,000" })],
    ["gc-users-alpha", say("estimator_form.check_beyond", { users: "4,852", top: "1,000" })]]);
  // A new purchase past the top tier too; the top tier itself is priced.
  assert.deepEqual([...checks({ "gc-users-beta": "501" }, { change: false })],
                   [["gc-users-beta", say("estimator_form.check_beyond", { users: "501", top: "500" })]]);
  assert.equal(checks({ "gc-users-alpha": "1,000" }, { change: false }).size, 0);
});

test("what is not a whole number is the form's problem, not a second look", () => {
  assert.equal(checks({ "gc-current-users-alpha": "48", "gc-users-alpha": "4x" }).size, 0);
  assert.equal(checks({ "gc-users-alpha": "" }).size, 0);
});

test("full-width digits, as a Japanese keyboard types them, get the same second look", () => {
  assert.deepEqual([...checks({ "gc-current-users-alpha": "４８", "gc-users-alpha": "４８１" })],
                   [...checks({ "gc-current-users-alpha": "48", "gc-users-alpha": "481" })]);
  assert.deepEqual([...checks({ "gc-users-beta": "５０１" }, { change: false })],
                   [["gc-users-beta", say("estimator_form.check_beyond", { users: "501", top: "500" })]]);
  assert.deepEqual([...checks({ "gc-users-alpha": "１，００１" }, { change: false })],
                   [["gc-users-alpha", say("estimator_form.check_beyond", { users: "1,001", top: "1,000" })]]);
});
