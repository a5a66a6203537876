// The one rule for names, as the estimator applies it (options-address.js's nameProblem, with
// the rule govcloud ships in the price book as `option_names`), on the vectors pytest reads
// too (tests/support/name-vectors.json, tests/unit/test_names_rule.py); and a name the
// estimator accepts is one `govcloud quote` accepts from its scenario file, unchanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { nameProblem, trimName } from "../../docs/assets/estimator/options-address.js";
import { yamlAll } from "../../docs/assets/estimator/options-exports.js";
import { makeView } from "../../docs/assets/estimator/view.js";
import { book as fixtureBook, ns, NOW } from "./fixture.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const govcloud = join(root, ".venv", "bin", "govcloud");
const env = { ...process.env, GOVCLOUD_DATA: join(root, "tests", "support", "fixtures", "products.yml") };
const shipped = JSON.parse(execFileSync(govcloud, ["pricebook", "--json"], { env, encoding: "utf-8" }));
const book = () => fixtureBook({ option_names: shipped.option_names });
const { vectors } = JSON.parse(readFileSync(join(root, "tests", "support", "name-vectors.json"), "utf-8"));
const shown = (s) => JSON.stringify(s);

test("every vector: the estimator says what govcloud says", () => {
  const b = book();
  for (const v of vectors) {
    assert.deepEqual(nameProblem(v.name, b, v.others || []), v.problem, shown(v.name) + (v.why ? " (" + v.why + ")" : ""));
  }
});

test("trimming takes the Unicode spaces only, as Python does: not U+FEFF, U+0085 or U+001C", () => {
  const rule = shipped.option_names;
  assert.equal(trimName("\u3000\u00a0 Stay \u2003", rule), "Stay");
  for (const kept of ["\ufeffStay", "Stay\u0085", "Stay\u001c", "Stay\t"]) assert.equal(trimName(kept, rule), kept);
});

test("the names the estimator accepts, exported as a scenario file, are read back by govcloud quote as they are", () => {
  const names = [...new Set(vectors.filter((v) => v.problem === null && !v.others).map((v) => trimName(v.name, shipped.option_names)))];
  const b = book(), scenario = { customer: "government", proposed: { alpha: { users: 5, instances: 1 } } };
  const view = makeView({ book: b, ns, scenario, quote: ns.explain(b, scenario), who: "Government buyers", href: "x", now: NOW });
  for (let i = 0; i < names.length; i += 3) {
    const group = names.slice(i, i + 3).concat(i + 3 > names.length && names.length - i < 2 ? ["Another"] : []);
    // The fixture book's products are alpha and beta; govcloud's fixture data knows jira.
    const file = yamlAll(group.map(() => view), group).replaceAll("alpha:", "jira:");
    const out = execFileSync(govcloud, ["quote", "-", "--json"], { env, input: file, encoding: "utf-8" });
    assert.deepEqual(JSON.parse(out).options.map((o) => o.name), group, file);
  }
});
