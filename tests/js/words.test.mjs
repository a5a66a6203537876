// No sentence a reader sees is written in the site's scripts: they take their words from
// the vocabulary (src/govcloud/words/vocabulary.py), shipped in the price book's `words`
// and, for the site-wide script, in the page (see docs/assets/govcloud.js). A string
// literal that holds a word, a space and a word fails here unless it is code listed
// below; comments, console calls and Error messages (a developer's console) are not read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { literals } from "./literals.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ASSETS = join(root, "docs", "assets");

// A word (letters, maybe an apostrophe), maybe a mark after it, a space, then a word.
const PHRASE = /\p{L}[\p{L}\p{M}'’]*[.,:;!?”"]?\s+[“"(‘]?\p{L}/u;

// Code that reads like words, by file: selectors, attribute names, MIME types. Each entry
// is the whole literal; keep the reason beside it.
const ALLOWED = new Map([
  // Selectors: what a script looks for in the page; class lists; the strict-mode directive.
  ["govcloud.js", new Set([
    ".md-content a[href]",
    ".md-sidebar--primary .md-nav__toggle:checked ~ .md-nav",
    "md-header__button md-icon gc-header-button",
  ])],
  ["govcloud-quote.js", new Set([
    "use strict",
  ])],
  ["estimator/main.js", new Set([
    "input, select",
  ])],
  ["estimator/ladder.js", new Set([
    "svg[role=img] .",
    ", svg[role=img] .",
  ])],
  ["estimator/dom.js", new Set([
    ".gc-confirm, .gc-aside",
  ])],
  ["estimator/page.js", new Set([
    "input, select",
  ])],
]);

function scripts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? scripts(join(dir, e.name))
    : e.name.endsWith(".js") ? [join(dir, e.name)] : []));
}

// The literals of one script that read as words and are not listed as code.
export function phrases(source, allowed = new Set()) {
  return literals(source).filter((l) => !l.developer && PHRASE.test(l.text) && !allowed.has(l.text))
    .map((l) => l.line + ": " + JSON.stringify(l.text));
}

test("no script in docs/assets writes a sentence of its own", () => {
  const found = [];
  const files = scripts(ASSETS);
  assert.ok(files.length >= 15, "the scripts were not found: " + files.length);
  for (const file of files) {
    const name = relative(ASSETS, file).split("\\").join("/");
    for (const p of phrases(readFileSync(file, "utf-8"), ALLOWED.get(name))) found.push(name + ":" + p);
  }
  assert.deepEqual(found, []);
});

test("every allowed literal is still in its script (the list holds no stale entry)", () => {
  for (const [name, allowed] of ALLOWED) {
    const texts = new Set(literals(readFileSync(join(ASSETS, name), "utf-8")).map((l) => l.text));
    for (const text of allowed) assert.ok(texts.has(text), name + ": " + JSON.stringify(text));
  }
});

test("the scan finds a planted sentence in a string, a template literal and a concatenation", () => {
  const planted = [
    'const a = "Link copied.";',
    "const b = 'Nothing was saved';",
    "const c = `There are ${n} problems to fix`;",
    'const d = "Ignored " + shown + ": the estimator has no such setting.";',
    "const e = x / 2 + `Estimate made on ${day}.`;",
  ].join("\n");
  assert.deepEqual(phrases(planted), ['1: "Link copied."', "2: \"Nothing was saved\"",
    '3: "There are ${…} problems to fix"', '4: ": the estimator has no such setting."',
    '5: "Estimate made on ${…}."']);
});

test("comments, console calls, Error messages, regular expressions and code are not words", () => {
  const quiet = [
    "// A comment says \"what it does\" in words.",
    "/* So does \"a block comment\". */",
    'console.error("The estimator could not start:", error);',
    'throw new Error("price book amount is not in cents: " + text);',
    'const r = /a b c/.test(s) ? "x" : s.split(/ and /);',
    "const q = a / b / c;   // division, not a regular expression",
    'el("span", { class: "gc-visually-hidden" }, x);',
    'const s = `${a} ${b}`;',
  ].join("\n");
  assert.deepEqual(phrases(quiet), []);
  // Listed code passes; the same literal unlisted does not.
  assert.deepEqual(phrases('q("input, select");', new Set(["input, select"])), []);
  assert.deepEqual(phrases('q("input, select");'), ['1: "input, select"']);
});
