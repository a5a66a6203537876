/* Writing the view model into the page. Text from people, addresses or data
 * only ever reaches the page through textContent and attribute values. */
import { columns, rows, totals, bills, notes, context, incompleteNote, assumptionsUsed, dated, annualShown }
  from "./view.js";

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const name of Object.keys(attrs || {})) node.setAttribute(name, attrs[name]);
  if (text !== undefined) node.textContent = text;
  return node;
}

/* A template of the price book's words as nodes: each `{name}` replaced by values[name], a node
 * (a figure with its hook) or text. The words stay the vocabulary's; the page only adds hooks. */
export function filled(template, values) {
  return template.split(/\{([a-z_]+)\}/).map((piece, i) => {
    if (i % 2 === 0) return document.createTextNode(piece);
    if (!Object.prototype.hasOwnProperty.call(values, piece)) throw new Error("template needs " + piece);
    const v = values[piece];
    return typeof v === "string" ? document.createTextNode(v) : v;
  });
}

export function parts(root) {
  return (name) => root.querySelector('[data-gc="' + name + '"]');
}

export function hook(root, id) {
  return root.querySelector('[data-testid="' + id + '"]');
}

/* The notice above the form: what the address held that was not used (already bounded), and
 * notes on how the rest was read (an old link's days counted from today). `words(path, values)`
 * fills the price book's words (as a view's `words` does). */
export function showNotices(box, notices, words, notes = []) {
  box.replaceChildren();
  for (const [title, items] of [["title", notices], ["read_title", notes]]) {
    if (!items.length) continue;
    box.append(el("p", { class: "gc-notice-title" }, words("estimator_link." + title)));
    const list = el("ul");
    for (const n of items) list.append(el("li", {}, n));
    box.append(list);
  }
  box.hidden = notices.length + notes.length === 0;
}

/* Each problem next to its field (its first one) and all of them in the summary.
 * The summary's links name their target in data-gc-target: the page keeps
 * their href with the query and handles their clicks (see page.js). */
export function showErrors(root, errors, words) {
  const part = parts(root);
  for (const box of root.querySelectorAll(".gc-field--error")) {
    const input = box.querySelector("input");
    box.classList.remove("gc-field--error");
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", input.id + "-hint");
    const slot = box.querySelector(".gc-error");
    slot.hidden = true;
    slot.replaceChildren();
  }
  const list = part("error-list");
  list.replaceChildren();
  const marked = new Set();
  for (const e of errors) {
    const input = root.querySelector("#" + e.id);
    const item = el("li");
    item.append(el("a", { href: "#" + e.id, "data-gc-target": e.id }, e.message));
    list.append(item);
    if (marked.has(e.id)) continue;   // one message next to a field: its first problem
    marked.add(e.id);
    const box = input.closest(".gc-field"), slot = box.querySelector(".gc-error");
    box.classList.add("gc-field--error");
    slot.append(el("span", { class: "gc-visually-hidden" }, words("estimator_form.error") + " "),
                document.createTextNode(e.message));
    slot.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", input.id + "-hint " + input.id + "-error");
  }
  part("error-summary").hidden = errors.length === 0;
}

/* A figure's marker: "to confirm", then for each unconfirmed rule it rests on
 * a link to that rule's explanation, numbered as the footnotes are. */
function markers(view, base, assumptions) {
  if (!assumptions.length) return [];
  const used = assumptionsUsed(view);
  const box = el("span", { class: "gc-confirm" }, view.words("assumptions.marker"));
  for (const key of assumptions) {
    const link = el("a", { href: base + key, "data-rule": key }, "[" + (used.indexOf(key) + 1) + "]");
    link.append(el("span", { class: "gc-visually-hidden" }, " " + view.book.rules[key].title));
    box.append(" ", link);
  }
  return [document.createTextNode(" "), box];
}

// A figure: its text in a span carrying the hook and value, then its marker.
function figure(view, base, c, attrs) {
  return [el("span", attrs || {}, c.text)].concat(markers(view, base, c.assumptions));
}

const HOOKS = { change: "change", tier: "tier", annual: "annual", due_now: "due-now", today: "today",
                difference: "difference" };
const NUMERIC = new Set(["annual", "due_now", "today", "difference"]);

// The results table, its totals, the dated bills, the explanation and the printed context.
export function renderResults(root, view) {
  renderDetail(root, view, root.getAttribute("data-rules-href"));
  renderDated(root, view);
  parts(root)("print-context").replaceChildren(...context(view).map((line) => el("li", {}, line)));
}

/* One estimate's detail in `box` (the page for option 1; a later option's copy of it: options.js):
 * its table and totals, its bills, its footnotes and explanation. `base` is the address the
 * rules' links start with; `id(name)` makes each hook and id this copy's own. */
export function renderDetail(box, view, base, id = (name) => name) {
  // The yearly difference reads under the new price, not in a column of its own.
  const part = parts(box), cols = columns(view).filter(([k]) => k !== "difference"), q = view.quote;
  const headRow = el("tr");
  for (const [k, heading] of cols) headRow.append(el("th", { scope: "col", class: NUMERIC.has(k) ? "gc-num" : "" }, heading));
  part("head").replaceChildren(headRow);
  part("lines").replaceChildren(...rows(view).map((r) => {
    const tr = el("tr");
    for (const [k, heading] of cols) {
      const c = r.cells[k];
      if (k === "product") { tr.append(el("th", { scope: "row" }, c.text)); continue; }
      const td = el("td", { "data-label": heading, class: NUMERIC.has(k) ? "gc-num" : "" });
      const attrs = { "data-testid": id(HOOKS[k] + "-" + r.key) };
      if (k === "change" || k === "tier" || k === "today") attrs["data-value"] = c.value === null ? "" : c.value;
      if (k === "today" && r.cells.today_tier.text !== view.words("cells.none")) {   // held today: its tier first
        td.append(el("span", { class: "gc-today-tier", "data-testid": id("today-tier-" + r.key) },
                     r.cells.today_tier.text), el("br"));
      }
      td.append(...(k === "annual" ? annualFigure(view, base, r, attrs, id) : figure(view, base, c, attrs)));
      if (k === "annual" && view.change) {
        const d = r.cells.difference, aside = el("span", { class: "gc-aside" });
        aside.append(...figure(view, base, d, { "data-testid": id("difference-" + r.key), "data-value": d.value || "" }));
        td.append(aside);
      }
      tr.append(td);
    }
    return tr;
  }));
  const t = totals(view), foot = el("tr");
  foot.append(el("th", { scope: "row" }, t.label));
  for (const [k, heading] of cols.slice(1)) {
    const td = el("td", { "data-label": heading, class: NUMERIC.has(k) ? "gc-num" : "" });
    const hookName = { annual: "annual-total", due_now: "due-now-total", today: "today-annual-total" }[k];
    if (hookName) td.append(...figure(view, base, t[k], { "data-testid": id(hookName), "data-value": t[k].value || "" }));
    foot.append(td);
  }
  part("foot").replaceChildren(foot);
  const incomplete = part("incomplete");
  incomplete.textContent = incompleteNote(view);
  incomplete.hidden = q.complete;
  renderBills(box, view, base, id);
  const used = assumptionsUsed(view);
  part("footnotes").replaceChildren(...used.map((key, i) => {
    const li = el("li", { id: id("gc-note-" + key) });
    li.append(el("a", { href: base + key }, view.words("assumptions.footnote", {
      n: i + 1, title: view.book.rules[key].title, summary: view.book.rules[key].summary })));
    return li;
  }));
  part("footnotes").hidden = used.length === 0;
  part("messages").replaceChildren(...notes(view).map((n) => {
    const li = el("li");
    li.append(...figure(view, base, n));
    return li;
  }));
}

/* Beside D's yearly price (`annual-<key>`), the price the next full-term bill charges
 * (`renewal-annual-<key>`): in the words of tables when a recorded change makes it another
 * ("$23,400.00; $24,570.00 from February 1, 2027"), else the same amount, hidden (the hook is
 * always there, and nobody hears a price twice). Returns the nodes that replace D's figure. */
function annualFigure(view, base, r, attrs, id) {
  const c = r.cells.renewal_annual, hooks = { "data-testid": id("renewal-annual-" + r.key), "data-value": c.value || "" };
  const [own, ...marks] = figure(view, base, r.cells.annual, attrs);
  const shown = annualShown(view, r, (values) => filled(view.book.words.cells.renewal_price,
                                                         { annual: own, renewal: el("span", hooks, c.text), date: values.date }));
  if (!shown) return [own, el("span", Object.assign(hooks, { hidden: "" }), c.text)].concat(marks);
  return shown.concat(marks);
}

// The date of the change and until when a quote made that day holds (`about.date`, with the
// hooks `quote-date` and `valid-until`), and a notice once that day has passed.
function renderDated(root, view) {
  const part = parts(root), d = dated(view);
  const at = (id, c) => el("strong", { "data-testid": id, "data-value": c.value }, c.text);
  part("dated").replaceChildren(...filled(view.book.words.about.date,
                                          { date: at("quote-date", d.date), valid_until: at("valid-until", d.validUntil) }));
  part("dated").hidden = false;
  const passed = part("dated-passed");
  passed.textContent = d.passed ? d.notice : "";
  passed.hidden = !d.passed;
}

function renderBills(box, view, base, id) {
  const part = parts(box), b = bills(view), last = b.keys.length - 1;
  part("bills-title").textContent = b.title;
  const head = el("tr");
  b.heads.forEach((h, i) => head.append(el("th", { scope: "col", class: i === last ? "gc-num" : "" }, h)));
  part("bills-head").replaceChildren(head);
  part("bills-lines").replaceChildren(...b.rows.map((r, i) => {
    const tr = el("tr", { "data-in-days": r.in_days === null ? "" : String(r.in_days) });
    b.keys.forEach((k, j) => {
      if (k === "when") { tr.append(el("th", { scope: "row" }, r.when)); return; }
      const td = el("td", { "data-label": b.heads[j], class: k === "amount" ? "gc-num" : "" });
      if (k === "amount") td.append(...figure(view, base, r.amount, { "data-testid": id("bill-" + i), "data-value": r.amount.value }));
      else if (k === "on") td.append(el("span", { "data-testid": id("bill-on-" + i), "data-value": r.onValue || "" }, r.on));
      else td.textContent = r[k];
      tr.append(td);
    });
    return tr;
  }));
  part("first-year-label").textContent = view.words("bills.label", { label: b.firstYearLabel });
  const total = hook(box, id("first-year-total"));
  // null (a bill without a date): "—" and an empty data-value (docs/formats.md, hooks); the reason beside it.
  const known = view.quote.first_year_total !== null;
  total.textContent = known ? b.firstYear.text : view.words("cells.none");
  total.setAttribute("data-value", known ? b.firstYear.value : "");
  total.parentNode.querySelectorAll(".gc-confirm, .gc-aside").forEach((n) => n.remove());
  if (!known) total.after(el("span", { class: "gc-aside" }, " " + b.firstYear.text));
  for (const m of markers(view, base, b.firstYear.assumptions)) total.parentNode.append(" ", m);
  part("after-window").textContent = b.afterWindow;
  part("after-window").hidden = !b.afterWindow;
  // No bill at all (every line cancelled or beyond the price book): a sentence, not an empty table.
  part("bills-none").hidden = b.rows.length > 0;
  part("bills-table").hidden = b.rows.length === 0;
  part("bills").hidden = b.rows.length === 0 && !known;
}
