// The reading of the site's scripts that prices.test.mjs, rules.test.mjs and words.test.mjs
// share: a small tokenizer, and the search for reads of a tier's price outside the reader
// (pricesOn).

export const READER = "pricesOn";   // the function in govcloud-quote.js that may read tiers' prices

const OPERATORS = ["===", "!==", "...", "**=", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??",
                   "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="];
const BEFORE_REGEX = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<",
                              ">", "~", "^", "=>", "==", "===", "!=", "!==", "&&", "||", "??", "return", "typeof",
                              "case", "do", "else", "in", "of", "new", "delete", "void", "throw"]);

/* Tokens {t: kind, v: text, at: where it starts in src}: names, strings, punctuation;
 * comments dropped. A template literal is one string, its text with "${…}" for each
 * ${...} part, whose code is kept as tokens between "(" and ")" before it. */
export function tokenize(src) {
  const out = [], braces = [];   // for each open "{": whether it opened a template's ${
  const texts = [];              // for each template being read: [its start, its text so far]
  let i = 0;
  const push = (t, v, at = i) => out.push({ t, v, at });
  const template = () => {   // from just after a ` or a template's closing }, to its end or next ${
    const text = texts[texts.length - 1];
    while (i < src.length) {
      if (src[i] === "\\") { text[1] += src.slice(i, i + 2); i += 2; continue; }
      if (src[i] === "`") { i++; texts.pop(); push("str", text[1], text[0]); return; }
      if (src[i] === "$" && src[i + 1] === "{") { text[1] += "${…}"; i += 2; braces.push(true); push("p", "("); return; }
      text[1] += src[i++];
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith("//", i)) { i = src.indexOf("\n", i); if (i < 0) break; continue; }
    if (src.startsWith("/*", i)) { i = src.indexOf("*/", i) + 2; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1, v = "";
      while (src[j] !== c) { if (src[j] === "\\") { v += src[j + 1]; j += 2; } else v += src[j++]; }
      push("str", v); i = j + 1; continue;
    }
    if (c === "`") { texts.push([i, ""]); i++; template(); continue; }
    if (c === "}" && braces.length && braces[braces.length - 1]) { braces.pop(); push("p", ")"); i++; template(); continue; }
    const last = out[out.length - 1];
    if (c === "/" && (!last || BEFORE_REGEX.has(last.v) && !(last.t === "name" && !BEFORE_REGEX.has(last.v)))) {
      let j = i + 1, inClass = false;
      while (j < src.length && (src[j] !== "/" || inClass)) {
        if (src[j] === "\\") j++; else if (src[j] === "[") inClass = true; else if (src[j] === "]") inClass = false;
        j++;
      }
      j++;
      while (/\w/.test(src[j] || "")) j++;
      push("regex", src.slice(i, j)); i = j; continue;
    }
    const word = /^[A-Za-z_$][\w$]*|^\d[\w.]*/.exec(src.slice(i, i + 200));
    if (word) { push(/\d/.test(c) ? "num" : "name", word[0]); i += word[0].length; continue; }
    const op = OPERATORS.find((o) => src.startsWith(o, i)) || c;
    if (op === "{") braces.push(false);
    if (op === "}") braces.pop();
    push("p", op); i += op.length;
  }
  return out;
}

const OPEN = { "(": ")", "[": "]", "{": "}" };

function match(tokens, at) {   // index of the bracket closing the one at `at`
  let depth = 0;
  for (let k = at; k < tokens.length; k++) {
    if (tokens[k].t !== "p") continue;
    if (OPEN[tokens[k].v]) depth++;
    else if ([")", "]", "}"].includes(tokens[k].v) && --depth === 0) return k;
  }
  return tokens.length - 1;
}

function opening(tokens, at) {   // index of the bracket opening the one that closes at `at`
  let depth = 0;
  for (let k = at; k >= 0; k--) {
    if (tokens[k].t !== "p") continue;
    if ([")", "]", "}"].includes(tokens[k].v)) depth++;
    else if (OPEN[tokens[k].v] && --depth === 0) return k;
  }
  return 0;
}

// `x.tiers`, `x?.tiers`, `x["tiers"]` at token k (the name or the string).
function namedAt(tokens, k, name) {
  const tok = tokens[k], before = tokens[k - 1];
  if (!tok || tok.v !== name) return false;
  if (tok.t === "name") return Boolean(before && (before.v === "." || before.v === "?."));
  return tok.t === "str" && before && before.v === "[" && tokens[k + 1] && tokens[k + 1].v === "]";
}

// The end of an expression starting at `from`: the first , ; or unmatched closing bracket at depth 0.
function expressionEnd(tokens, from) {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const v = tokens[k].t === "p" ? tokens[k].v : null;
    if (OPEN[v]) depth++;
    else if ([")", "]", "}"].includes(v)) { if (depth === 0) return k; depth--; }
    else if ((v === "," || v === ";") && depth === 0) return k;
  }
  return tokens.length;
}

function paramsAt(tokens, k) {   // the parameter names of a function starting at token k, or null
  if (tokens[k] && tokens[k].v === "function") {
    let open = k + 1;
    if (tokens[open].t === "name") open++;
    return names(tokens, open + 1, match(tokens, open));
  }
  if (tokens[k] && tokens[k].v === "(" && tokens[match(tokens, k) + 1]?.v === "=>") return names(tokens, k + 1, match(tokens, k));
  if (tokens[k] && tokens[k].t === "name" && tokens[k + 1]?.v === "=>") return [tokens[k].v];
  return null;
}

/* Where the member chain ending at token `end` starts (back over names, dots, calls and
 * indexes), and whether it is a tier: `.tiers` or `["tiers"]` in it, a tier name at its head,
 * or tiers among a call's arguments (an index's contents do not count). */
function chain(tokens, end, isTier, holds) {
  let j = end, found = false;
  while (j >= 0) {
    const u = tokens[j];
    if (u.v === "]") {
      const o = opening(tokens, j);
      if (namedAt(tokens, j - 1, "tiers")) found = true;
      j = o - 1; continue;
    }
    if (u.v === ")") { const o = opening(tokens, j); if (holds(o + 1, j)) found = true; j = o - 1; continue; }
    if (namedAt(tokens, j, "tiers") || u.t === "name" && isTier(j)) found = true;
    if (u.t === "name" || u.v === "." || u.v === "?.") { j--; continue; }
    break;
  }
  return { start: j + 1, found };
}

function names(tokens, from, to) {
  return tokens.slice(from, to).filter((t, i, all) => t.t === "name" && all[i + 1]?.v !== ":").map((t) => t.v);
}

/* Every read of a tier's price outside the reader: [{ line: the token's index, what }]. */
export function priceReads(src) {
  const tokens = tokenize(src);
  // The reader's own body is allowed, for reading and for the names it binds.
  const allowed = new Set();
  tokens.forEach((t, k) => {
    if (t.v === "function" && tokens[k + 1]?.v === READER) {
      const open = tokens.findIndex((u, j) => j > k && u.v === "{");
      for (let j = k; j <= match(tokens, open); j++) allowed.add(j);
    }
  });
  const tiers = new Set();
  // A name that holds a tier, read as a variable (not a property, `x.tier`, nor a key, `{ tier: 1 }`).
  const isTier = (k) => tiers.has(tokens[k].v) && !(tokens[k - 1] && [".", "?."].includes(tokens[k - 1].v)) &&
    !(tokens[k + 1]?.v === ":" && ["{", ","].includes(tokens[k - 1]?.v));
  const holds = (from, to) => {
    for (let k = from; k < to; k++) {
      if (allowed.has(k)) continue;
      if (namedAt(tokens, k, "tiers") || tokens[k].t === "name" && isTier(k)) return true;
    }
    return false;
  };
  const functions = new Map();   // the file's own functions: name -> parameters
  tokens.forEach((t, k) => {
    if (t.v === "function" && tokens[k + 1]?.t === "name") functions.set(tokens[k + 1].v, paramsAt(tokens, k));
    if (t.t === "name" && tokens[k + 1]?.v === "=" && paramsAt(tokens, k + 2)) functions.set(t.v, paramsAt(tokens, k + 2));
  });
  const reads = [];
  for (let changed = true; changed;) {
    changed = false;
    const mark = (list) => list.forEach((n) => { if (!tiers.has(n)) { tiers.add(n); changed = true; } });
    tokens.forEach((t, k) => {
      if (allowed.has(k) || t.t !== "p") return;
      if (t.v === "=" && tokens[k - 1] && holds(k + 1, expressionEnd(tokens, k + 1))) {
        const prev = tokens[k - 1];
        if (prev.t === "name" && !(tokens[k - 2] && [".", "?."].includes(tokens[k - 2].v))) mark([prev.v]);
        if (prev.v === "}" || prev.v === "]") mark(names(tokens, opening(tokens, k - 1) + 1, k - 1));
      }
      if (t.v === "(" && tokens[k - 1]?.v === "for") {   // for (const x of tiers)
        const close = match(tokens, k), of = tokens.findIndex((u, j) => j > k && j < close && (u.v === "of" || u.v === "in"));
        if (of > 0 && holds(of + 1, close)) mark(names(tokens, k + 1, of).filter((n) => !["const", "let", "var"].includes(n)));
      }
      if (t.v === "(" && tokens[k - 1] && (tokens[k - 1].t === "name" || [")", "]"].includes(tokens[k - 1].v))) {
        const close = match(tokens, k);
        // Callbacks handed tiers: p.tiers.map((t) => ...), anything(p.tiers, function (t) {...}).
        const args = [];
        for (let j = k + 1; j < close; j = expressionEnd(tokens, j) + 1) args.push([j, expressionEnd(tokens, j)]);
        const callbacks = args.filter(([j]) => paramsAt(tokens, j));
        if (chain(tokens, k - 1, isTier, holds).found || args.some(([j, end]) => !paramsAt(tokens, j) && holds(j, end))) {
          callbacks.forEach(([j]) => mark(paramsAt(tokens, j)));
        }
        // Arguments of the file's own functions.
        const params = tokens[k - 1].t === "name" && functions.get(tokens[k - 1].v);
        if (params) {
          for (let j = k + 1, n = 0; j < close; n++) {
            const end = expressionEnd(tokens, j);
            if (params[n] && holds(j, end)) mark([params[n]]);
            j = end + 1;
          }
        }
      }
    });
  }
  tokens.forEach((t, k) => {
    if (allowed.has(k)) return;
    let receiverEnd = -1;
    if (t.t === "name" && namedAt(tokens, k, "annual")) receiverEnd = k - 2;
    if (t.t === "str" && namedAt(tokens, k, "annual")) receiverEnd = k - 2;
    if (receiverEnd >= 0) {
      const { start, found } = chain(tokens, receiverEnd, isTier, holds);
      if (found) reads.push({ at: k, what: tokens.slice(start, k + 1).map((u) => u.t === "str" ? JSON.stringify(u.v) : u.v).join("") });
    }
    // const { annual } = tier
    if (t.v === "=" && tokens[k - 1]?.v === "}") {
      const open = opening(tokens, k - 1);
      if (tokens.slice(open, k).some((u, i, all) => u.v === "annual" && all[i + 1]?.v !== undefined) &&
          holds(k + 1, expressionEnd(tokens, k + 1))) reads.push({ at: k, what: "{ annual } =" });
    }
  });
  return reads.map((r) => r.what);
}
