/* Options load only when used: when the address holds some (main.js loads
 * options.js before the estimator starts, so the first address it writes keeps
 * them) or when "Add an option to compare" is first pressed. Until then the
 * page asks this stand-in, which has one option and nothing to add. */

export function idle(est) {
  const stub = { views: null, restore: (params) => ({ base: Array.from(params), notices: [] }),
                 read: (state) => state, query: () => "", show() {} };
  est.part("option-add").addEventListener("click", () => import("./options.js").then((m) => {
    if (est.options === stub) est.options = new m.Options(est);
    est.options.add();
  }), { once: true });
  return stub;
}
