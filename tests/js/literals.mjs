// The string literals of a script, as words.test.mjs reads them: every '…', "…" and template
// literal (its text, "${…}" for each ${...} part) outside comments and regular expressions
// (scan.mjs's tokenizer), with its line, and marked `developer` when it sits in the arguments
// of a console call or of an Error's constructor (messages for a developer's console, never
// shown to a reader).
import { tokenize } from "./scan.mjs";

const ERRORS = /^(?:Error|TypeError|RangeError|SyntaxError)$/;

export function literals(source) {
  const tokens = tokenize(source);
  const lineAt = (at) => source.slice(0, at).split("\n").length;
  const developer = new Set();
  tokens.forEach((a, t) => {
    let open = -1;
    if (a.t === "name" && a.v === "console" && tokens[t + 1]?.v === "." && tokens[t + 3]?.v === "(") open = t + 3;
    if (a.t === "name" && ERRORS.test(a.v) && tokens[t + 1]?.v === "(") open = t + 1;
    if (open < 0) return;
    // From the "(" to the bracket that closes it.
    for (let k = open, depth = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (tok.t === "p" && ["(", "[", "{"].includes(tok.v)) depth++;
      else if (tok.t === "p" && [")", "]", "}"].includes(tok.v)) depth--;
      else if (tok.t === "str") developer.add(tok);
      if (depth === 0) break;
    }
  });
  return tokens.filter((tok) => tok.t === "str")
    .map((tok) => ({ text: tok.v, line: lineAt(tok.at), developer: developer.has(tok) }));
}
