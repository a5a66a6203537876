// The string literals of a script, as its words test needs them: every '…', "…" and
// template literal (its text between the ${…} parts), with its line, outside comments and
// regular expressions, and marked when it sits in the arguments of a console call or of
// an Error's constructor (messages for a developer's console, never shown to a reader).
// A small tokenizer rather than a parser: the site's scripts are plain ES2020.

const KEYWORDS_BEFORE_EXPRESSION = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
                                             "throw", "case", "do", "else", "yield", "await"]);
const ERRORS = /^(?:Error|TypeError|RangeError|SyntaxError)$/;

export function literals(source) {
  const out = [], tokens = [];
  let i = 0, line = 1;
  const n = source.length;

  // A '/' starts a regular expression where an expression may start, else it divides.
  function regexAllowed() {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.kind === "name") return KEYWORDS_BEFORE_EXPRESSION.has(prev.text);
    if (prev.kind === "punct") return !/^[)\]}]$/.test(prev.text);
    return false;   // after a number, a string, a template or a regular expression
  }
  function quoted(quote) {
    const start = line;
    let text = "";
    i++;
    while (i < n && source[i] !== quote) {
      if (source[i] === "\\") { text += source[i] + source[i + 1]; i += 2; continue; }
      if (source[i] === "\n") throw new Error("unterminated string on line " + start);
      text += source[i++];
    }
    i++;
    return { kind: "string", text, line: start };
  }
  // A template literal: its text parts (joined by "${…}") and the code inside each ${…}.
  function template() {
    const start = line;
    let text = "";
    i++;
    while (i < n && source[i] !== "`") {
      if (source[i] === "\\") { text += source[i] + source[i + 1]; i += 2; continue; }
      if (source[i] === "$" && source[i + 1] === "{") {
        i += 2;
        text += "${…}";
        code("}");
        i++;
        continue;
      }
      if (source[i] === "\n") line++;
      text += source[i++];
    }
    i++;
    return { kind: "string", text, line: start, template: true };
  }
  function regex() {
    let inClass = false;
    i++;
    while (i < n) {
      const c = source[i];
      if (c === "\\") { i += 2; continue; }
      if (c === "\n") throw new Error("unterminated regular expression on line " + line);
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) break;
      i++;
    }
    i++;
    while (i < n && /[a-z]/.test(source[i])) i++;
    return { kind: "regex" };
  }
  // Code up to the `close` that ends it at depth 0 (the end of the file for the top level).
  function code(close) {
    let depth = 0;
    while (i < n) {
      const c = source[i];
      if (c === "\n") { line++; i++; continue; }
      if (/\s/.test(c)) { i++; continue; }
      if (c === "/" && source[i + 1] === "/") { while (i < n && source[i] !== "\n") i++; continue; }
      if (c === "/" && source[i + 1] === "*") {
        const end = source.indexOf("*/", i + 2);
        if (end < 0) throw new Error("unterminated comment on line " + line);
        line += source.slice(i, end).split("\n").length - 1;
        i = end + 2;
        continue;
      }
      let token;
      if (c === '"' || c === "'") token = quoted(c);
      else if (c === "`") token = template();
      else if (c === "/" && regexAllowed()) token = regex();
      else if (/[A-Za-z_$]/.test(c)) {
        const m = /^[\w$]+/.exec(source.slice(i, i + 100));
        token = { kind: "name", text: m[0] };
        i += m[0].length;
      } else if (/[0-9]/.test(c)) {
        const m = /^[0-9][\w.]*/.exec(source.slice(i, i + 100));
        token = { kind: "number" };
        i += m[0].length;
      } else {
        if (close && depth === 0 && c === close) return;
        if ("([{".includes(c)) depth++;
        else if (")]}".includes(c)) depth--;
        token = { kind: "punct", text: c };
        i++;
      }
      token.line = token.line || line;
      tokens.push(token);
      if (token.kind === "string") out.push(token);
    }
  }
  code(null);

  // Mark the literals inside console.x(…) and (new) Error(…): from the "(" to its match.
  for (let t = 0; t < tokens.length; t++) {
    const a = tokens[t];
    let open = -1;
    if (a.kind === "name" && a.text === "console" && tokens[t + 1]?.text === "." && tokens[t + 3]?.text === "(") open = t + 3;
    if (a.kind === "name" && ERRORS.test(a.text) && tokens[t + 1]?.text === "(") open = t + 1;
    if (open < 0) continue;
    let depth = 0;
    for (let k = open; k < tokens.length; k++) {
      const tok = tokens[k];
      if (tok.kind === "punct" && "([{".includes(tok.text)) depth++;
      else if (tok.kind === "punct" && ")]}".includes(tok.text)) depth--;
      else if (tok.kind === "string") tok.developer = true;
      if (depth === 0) break;
    }
  }
  return out;
}
