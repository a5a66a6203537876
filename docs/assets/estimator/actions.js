/* The action buttons: copy the link or the table, download the CSV or the
 * scenario file, print. The texts come from exports.js. */
import { el } from "./dom.js";
import { table, csv, tsv, yaml, cellText } from "./exports.js";
import { tsvAll, csvAll, yamlAll, htmlParts } from "./options-exports.js";
import { context } from "./view.js";
import { isoDate } from "./numbers.js";

/* `key` names one sentence of the price book's `estimator_actions`. What was handed over
 * while the figures are marked out of date says whose figures they are, inside the
 * sentence; a refusal or a failure hands nothing over, so it says nothing of the sort. */
function say(estimator, key, handedOver = true) {
  const stale = handedOver && !estimator.part("stale").hidden, w = (k, values) => estimator.words("estimator_actions." + k, values);
  estimator.part("action-status").textContent = stale ? w("stale", { said: w(key).replace(/\.$/, "") }) : w(key);
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The copied table as HTML, for pasting into a document or an email.
function tableHtml(view, many) {
  const t = table(view), holder = el("div");
  for (const line of context(view)) holder.append(el("p", {}, line));
  function grid(head, rowsOf, caption) {
    const tableEl = el("table"), headRow = el("tr"), thead = el("thead"), body = el("tbody");
    if (caption) tableEl.append(el("caption", {}, caption));
    for (const h of head) headRow.append(el("th", {}, cellText(h)));
    thead.append(headRow);
    for (const r of rowsOf) {
      const tr = el("tr");
      for (const v of r) tr.append(el("td", {}, cellText(v)));
      body.append(tr);
    }
    tableEl.append(thead, body);
    return tableEl;
  }
  // Options: the side-by-side table, then each option's own (options-exports.js).
  const parts = many ? htmlParts(many.views, many.names)
    : [[null, t.head, t.rows, []], [t.billsTitle, t.billsHead, t.bills, t.footnotes]];
  for (const [caption, head, rs, notes] of parts) holder.append(grid(head, rs, caption), ...notes.map((f) => el("p", {}, f)));
  return holder.innerHTML;
}

export function act(estimator, action, button) {
  // Using the estimate is the moment to hear about every problem left.
  if (!estimator.revealAll) {
    estimator.revealAll = true;
    estimator.update({ anchor: button });
  }
  // Never hand over the last good figures while the form says something else.
  if (estimator.read().errors.length) {
    say(estimator, "refused", false);
    return;
  }
  const view = estimator.good, many = estimator.options.views ? estimator.options : null;
  if (!view) return;
  const stem = { customer: view.scenario.customer, date: isoDate(0) };
  const failed = () => say(estimator, "copy_failed", false);
  // Browsers offer the clipboard only on secure origins (https, localhost); an
  // intranet page on plain http has none, and older browsers lack ClipboardItem.
  const clipboard = navigator.clipboard;
  if ((action === "copy-link" || action === "copy-table") && !(clipboard && clipboard.writeText)) {
    failed();
    return;
  }
  if (action === "copy-link") {
    clipboard.writeText(window.location.href).then(() => say(estimator, "link_copied"), failed);
  } else if (action === "copy-table") {
    const text = many ? tsvAll(many.views, many.names) : tsv(view), copied = () => say(estimator, "table_copied");
    if (typeof window.ClipboardItem !== "function" || !clipboard.write) {
      clipboard.writeText(text).then(copied, failed);
      return;
    }
    const item = new window.ClipboardItem({
      "text/plain": new Blob([text], { type: "text/plain" }),
      "text/html": new Blob([tableHtml(view, many)], { type: "text/html" })
    });
    clipboard.write([item]).then(copied, failed);
  } else if (action === "csv") {
    download(estimator.words("estimator_files.csv_name", stem), "text/csv", many ? csvAll(many.views, many.names) : csv(view));
    say(estimator, "csv_saved");
  } else if (action === "yaml") {
    download(estimator.words("estimator_files.yaml_name", stem), "application/yaml",
             many ? yamlAll(many.views, many.names) : yaml(view));
    say(estimator, "yaml_saved");
  } else if (action === "print") {
    window.print();
  }
}
