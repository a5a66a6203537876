/* Starts the estimator on the page whose root is given. The site-wide loader
 * (govcloud.js) imports this module only where the estimator is, on a direct
 * visit and after instant navigation alike; a module runs once, `start` runs
 * on each visit.
 *
 * At start it sets window.govcloud.quote and .pricebook (the contract) and
 * nothing more, unless the address holds an estimate. The page code (page.js
 * and what it imports) loads when it has something to do: at start when the
 * address holds answers, otherwise when the form is first approached (a
 * pointer over it, focus in it, a key); what happened in the form meanwhile is
 * handed to it once it runs. What the form shows before its first answer is in
 * the page as built (estimator.py). Issue 12: a visit that only reads the page
 * fetches the calculation and this module, nothing else. */
import "../govcloud-quote.js";   // the pure calculation: sets window.govcloud.quote, .explain, .money
import { setCancelled } from "./fields.js";

// Printing unfolds the explanations (<details>) and folds them back: the
// theme does that for every <details> in the page content.

const WARM = ["pointerover", "pointerdown", "focusin", "keydown"];   // the form is approached: load
const EARLY = ["input", "change", "focusout", "click"];             // the page code's events: kept, handed on

// The address names options (options-address.js's isOptionParam, on a query string).
// Here, not in options-start.js (the page code's), so that nothing else loads at start.
function optionsWanted(search) {
  return Array.from(new URLSearchParams(search).keys()).some((n) => n === "name" || /^opt[0-9]+\./.test(n));
}

/* Reads the price book embedded in the page (inside a <template>, where
 * instant navigation leaves it alone), sets window.govcloud.pricebook and
 * marks the root data-ready. Returns window.govcloud, or a promise of it when
 * the address holds an estimate (ready once it is shown, options and tier
 * charts included). */
export function start(root) {
  const ns = window.govcloud;
  if (root.getAttribute("data-ready")) return ns;   // a page already set up keeps its listeners
  const holder = document.getElementById("govcloud-pricebook-template");
  const source = holder && holder.content.getElementById("govcloud-pricebook");
  if (!source) throw new Error("the estimator's price book is missing from the page");
  ns.pricebook = JSON.parse(source.textContent);
  // The date of the change starts as the reader's date today (the page as built cannot know it),
  // marked so, for the page code to tell it from a date typed before the code came.
  const day = root.querySelector("#gc-date");
  if (day && !day.value) day.value = day.dataset.today = ns.dates.localDay();
  const ready = () => {
    root.setAttribute("data-ready", "true");
    return ns;
  };
  if (window.location.search) return hold(root, build(root, ns)).then(ready);
  approach(root, ns);
  return ready();
}

/* Loads the page code (and the options' when the address names options) and builds the
 * estimator; `built` runs as soon as it is there. Settles once what it shows is on the page. */
function build(root, ns, built = () => {}) {
  const options = optionsWanted(window.location.search) ? import("./options.js") : null;
  return Promise.all([import("./page.js"), options]).then(([page, o]) => {
    ns.estimator = new page.Estimator(root, ns, o ? o.Options : null);
    built();
    return page.ladderSettled();
  });
}

/* The page code fills the form from the address when it arrives: until then the text fields
 * are read-only and the estimator busy, so nothing typed meanwhile is overwritten (and
 * automation's fill waits for them). */
function hold(root, building) {
  const fields = Array.from(root.querySelectorAll("input")).filter(
    (f) => !f.readOnly && !["radio", "checkbox"].includes(f.type));
  for (const f of fields) f.readOnly = true;
  root.setAttribute("aria-busy", "true");
  return building.finally(() => {
    for (const f of fields) f.readOnly = false;
    root.removeAttribute("aria-busy");
  });
}

// A field's state: what an input or change event carries.
const state = (f) => (f.type === "radio" || f.type === "checkbox" ? f.checked : f.value);
const setState = (f, s) => { if (typeof s === "boolean") f.checked = s; else f.value = s; };

/* Waits for the form to be approached, then builds the estimator and hands it the events
 * that came before it was there, in order, on their own elements. Each event is replayed with
 * the value it carried, from the fields as they were at start: the page code's reactions
 * (today's users copied into the "after" field, a date replacing the days) then see what they
 * would have seen, not the final values (CI once lost typed users to such a copy). */
function approach(root, ns) {
  const fields = root.querySelectorAll("input, select");
  const initial = new Map(Array.from(fields, (f) => [f, state(f)]));
  const early = [];
  let loading = null;
  const kinds = WARM.concat(EARLY);
  const watch = (event) => {
    const { type, target } = event;
    // The mode shows its fields at once (as page.js's setMode does): a keyboard user who chose
    // "a change" and tabs on must reach them, the page code there or not yet.
    if (type === "change" && target.name === "gc-mode") root.setAttribute("data-mode", target.value);
    // Likewise a cancelled product's fields are set aside at once, not once the code runs.
    if (type === "change" && target.hasAttribute("data-product")) setCancelled(target.getAttribute("data-product"), target.checked);
    if (EARLY.includes(type) && (type !== "click" || target.closest("button"))) {
      const carries = (type === "input" || type === "change") && initial.has(target);
      early.push([type, target, carries ? state(target) : undefined]);
    }
    if (loading) return;
    // Handed over at once, not once the tier charts are in: what comes in that wait reaches the
    // page code itself, and would reach it twice (CI saw a field "left" while typed in).
    loading = build(root, ns, () => {
      for (const kind of kinds) root.removeEventListener(kind, watch, true);
      for (const [, target, s] of early) if (s !== undefined) setState(target, initial.get(target));
      for (const [type, target, s] of early) {
        if (!target.isConnected) continue;
        if (s !== undefined) setState(target, s);
        target.dispatchEvent(type === "click" ? new MouseEvent(type, { bubbles: true, cancelable: true })
          : new Event(type, { bubbles: true }));
      }
    }).catch((error) => console.error("The estimator could not start:", error));
  };
  for (const kind of kinds) root.addEventListener(kind, watch, true);
  // Enter in a field must not send the form away before the page code takes it over.
  root.addEventListener("submit", (event) => event.preventDefault());
}

// Evaluated once per page load: start on the page that loaded this module.
const here = document.getElementById("gc-estimator");
if (here) await start(here);   // the module (and the load event) waits for a start with an estimate
