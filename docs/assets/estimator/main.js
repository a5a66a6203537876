/* Starts the estimator on the page whose root is given. The site-wide loader
 * (govcloud.js) imports this module only where the estimator is, on a direct
 * visit and after instant navigation alike; a module runs once, `start` runs
 * on each visit. */
import "../govcloud-quote.js";   // the pure calculation: sets window.govcloud.quote, .explain, .money
import { Estimator } from "./page.js";
import { optionsWanted } from "./options-start.js";
import { ladderSettled } from "./ladder.js";

// Printing unfolds the explanations (<details>) and folds them back: the
// theme does that for every <details> in the page content.

/* Reads the price book embedded in the page (inside a <template>, where
 * instant navigation leaves it alone), sets window.govcloud.pricebook, builds
 * the estimator and marks the root data-ready. Returns window.govcloud. */
export function start(root) {
  const ns = window.govcloud;
  if (root.getAttribute("data-ready")) return ns;   // a page already set up keeps its listeners
  const holder = document.getElementById("govcloud-pricebook-template");
  const source = holder && holder.content.getElementById("govcloud-pricebook");
  if (!source) throw new Error("the estimator's price book is missing from the page");
  const begin = (Options) => {
    ns.pricebook = JSON.parse(source.textContent);
    ns.estimator = new Estimator(root, ns, Options);
    // An address with an estimate shows the tier charts, fetched on demand: ready once they are in.
    return ladderSettled().then(() => {
      root.setAttribute("data-ready", "true");
      return ns;
    });
  };
  // A promise of window.govcloud; an address with options waits for their code too.
  return optionsWanted(window.location.search) ? import("./options.js").then((m) => begin(m.Options)) : begin(null);
}

// Evaluated once per page load: start on the page that loaded this module.
const here = document.getElementById("gc-estimator");
if (here) await start(here);   // the module (and the load event) waits for a start with options
