/* Writing the view model into the page. Text from people, addresses or data
 * only ever reaches the page through textContent and attribute values. */
import { rows, context, totalText, totalLabel, incompleteNote, summaryStatus } from "./view.js";

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const name of Object.keys(attrs || {})) node.setAttribute(name, attrs[name]);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function parts(root) {
  return (name) => root.querySelector('[data-gc="' + name + '"]');
}

function hook(root, id) {
  return root.querySelector('[data-testid="' + id + '"]');
}

// The notice above the form: what the address held that was not used (already bounded).
export function showNotices(box, notices) {
  box.replaceChildren();
  if (notices.length) {
    box.append(el("p", { class: "gc-notice-title" }, "Some of the link was not used"));
    const list = el("ul");
    for (const n of notices) list.append(el("li", {}, n));
    box.append(list);
  }
  box.hidden = notices.length === 0;
}

/* Each problem next to its field (its first one) and all of them in the summary.
 * The summary's links carry the page's query, so that following one never
 * loses what was typed (instant navigation drops the query from "#x" links). */
export function showErrors(root, errors) {
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
    slot.append(el("span", { class: "gc-visually-hidden" }, "Error: "), document.createTextNode(e.message));
    slot.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", input.id + "-hint " + input.id + "-error");
  }
  part("error-summary").hidden = errors.length === 0;
}

function cell(attrs, child, aside) {
  const td = el("td", attrs);
  td.append(child);
  if (aside) td.append(el("span", { class: "gc-aside" }, aside));
  return td;
}

// The results table, totals, notes, explanations and the printed context.
export function renderResults(root, view) {
  const part = parts(root), q = view.quote, change = !!view.scenario.current, money = view.money;
  const body = part("lines");
  body.replaceChildren();
  for (const row of rows(view)) {
    const line = row.line, key = line.product, tr = el("tr");
    tr.append(el("th", { scope: "row" }, row.name));
    tr.append(cell({ "data-label": "Change" },
                   el("span", { "data-testid": "change-" + key, "data-value": line.change }, row.change)));
    if (change) {
      const value = row.now && !row.now.beyond ? money.text(row.now.annual) : "";
      tr.append(cell({ "data-label": "Today" }, el("span", { "data-testid": "today-" + key, "data-value": value },
                                                  row.today)));
    }
    tr.append(cell({ "data-label": "Tier" }, el("span", { "data-testid": "tier-" + key,
                                                          "data-value": line.tier === null ? "" : String(line.tier) },
                                                row.tier)));
    tr.append(cell({ class: "gc-num", "data-label": "Each year from renewal" },
                   el("span", { "data-testid": "annual-" + key }, row.annual), row.aside));
    tr.append(cell({ class: "gc-num", "data-label": "Due now" }, el("span", { "data-testid": "due-now-" + key },
                                                                     row.dueNow)));
    body.append(tr);
  }
  part("today-head").hidden = !change;
  const label = part("total-label");
  label.setAttribute("colspan", change ? "4" : "3");
  label.textContent = totalLabel(view);
  hook(root, "annual-total").textContent = totalText(view, q.annual_total);
  hook(root, "due-now-total").textContent = totalText(view, q.due_now_total);
  const incomplete = part("incomplete");
  incomplete.textContent = incompleteNote(view);
  incomplete.hidden = q.complete;
  const list = part("messages");
  list.replaceChildren(...q.messages.map((m) => el("li", {}, m)));
  const printed = part("print-context");
  printed.replaceChildren();
  for (const pair of context(view)) printed.append(el("dt", {}, pair[0]), el("dd", {}, pair[1]));
}

// The compact summary that stays in sight while the form is in use.
export function summarize(root, view, stale, shownErrors) {
  const part = parts(root), status = hook(root, "summary-status"), q = view && view.quote;
  part("summary-figures").hidden = !q;
  part("summary-link").hidden = !q;
  if (q) {
    hook(root, "summary-due-now").textContent = totalText(view, q.due_now_total);
    hook(root, "summary-annual").textContent = totalText(view, q.annual_total);
  }
  status.textContent = summaryStatus(view, stale, shownErrors);
  status.hidden = status.textContent === "";
}
