/* The tier ladder on the estimator page. The chart is drawn at build time
 * (src/govcloud_site/ladder.py: the products page's yearly-price panel); this
 * module marks on each product's line the tier held today and the tier the
 * estimate puts the customer in, and says the same in words beside it, with
 * the price book's words (`words.ladder`). */

const TODAY = "gc-ladder-at-today", ESTIMATE = "gc-ladder-at-estimate";

/* The charts wait in <template data-gc-lazy="NAME">: empty once the post-build
 * step (govcloud_site/postbuild/lazy.py) moved them to NAME beside the page, one XML
 * document (XHTML and SVG) fetched here with the first estimate. Our own build
 * output, from this site: its elements are moved into the page as parsed, no
 * text of it becomes markup. */
const charts = new WeakMap();   // the section -> its charts' promise (a new page after instant navigation)
const choosers = new WeakSet();  // the option choosers listened to
let latest = [null, null];

function loadCharts(box) {
  const slot = box.querySelector("template[data-gc-lazy]");
  if (!slot) return Promise.resolve();
  const place = (holder) => slot.replaceWith(...Array.from(holder.children, (n) => document.importNode(n, true)));
  if (slot.content.firstElementChild) { place(slot.content.firstElementChild); return Promise.resolve(); }
  const url = new URL(slot.getAttribute("data-gc-lazy"), window.location.href);
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(url + ": " + r.status);
    return r.text();
  }).then((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xhtml+xml");
    if (doc.querySelector("parsererror")) throw new Error(url + ": not a well-formed document");
    if (slot.isConnected) place(doc.documentElement);
  });
}

/* Settles once the charts asked for so far are on the page (or could not be loaded). */
export function ladderSettled() {
  const box = document.querySelector("[data-ladder-estimate]");
  return (box && charts.get(box)) || Promise.resolve();
}

/* `first` is the view of the last complete answers (view.js), or null when there is none: the
 * section is then hidden. With options, `options` holds each option's view and name ({views,
 * names}, option 1 first): the section marks the one chosen in its list, which names it. */
export function markLadder(first, options = null) {
  const box = document.querySelector("[data-ladder-estimate]");
  if (!box) return;
  latest = [first, options];
  const view = chosen(box, first, options);
  if (view && !charts.has(box)) {
    charts.set(box, loadCharts(box).then(() => { if (box.isConnected) markLadder(...latest); },
                                         (error) => console.error("The tier charts could not be loaded:", error)));
  }
  // The chart's marks only: the legend's samples keep their look.
  for (const mark of box.querySelectorAll("svg[role=img] ." + TODAY + ", svg[role=img] ." + ESTIMATE)) {
    mark.classList.remove(TODAY, ESTIMATE);
  }
  const list = box.querySelector("[data-ladder-where]");
  list.replaceChildren();
  if (view) {
    const group = view.money.group;
    for (const line of view.quote.lines) {
      const places = [];
      const place = (tier, kind, path) => {
        for (const m of box.querySelectorAll('[data-product="' + line.product + '"] [data-users="' + tier + '"]')) {
          m.classList.add(kind);
        }
        places.push(view.words(path, { tier: group(tier) }));
      };
      if (line.today_tier !== null && line.today_tier !== undefined) place(line.today_tier, TODAY, "ladder.today");
      if (line.change !== "cancel" && line.tier !== null && line.tier !== undefined) {
        place(line.tier, ESTIMATE, "ladder.estimate");
      }
      if (!places.length) continue;
      const item = document.createElement("li");
      item.setAttribute("data-product", line.product);
      item.textContent = view.words("ladder.line", { product: view.names.get(line.product),
                                                     places: places.join(view.words("ladder.join")) });
      list.append(item);
    }
  }
  const room = box.querySelector("[data-ladder-room]");
  room.replaceChildren(...(view ? roomSentences(view) : [])
    .map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  box.hidden = list.children.length === 0;
}

/* Which option the chart and "Room in the tier" are for: option 1 unless another is chosen. */
function chosen(box, first, options) {
  const choice = box.querySelector("[data-ladder-choice]"), select = choice && choice.querySelector("select");
  const many = Boolean(first && options && options.views && options.views.length > 1);
  if (!select) return first;
  choice.hidden = !many;
  if (!many) { select.replaceChildren(); return first; }
  const at = Math.min(Math.max(select.selectedIndex, 0), options.views.length - 1);
  select.replaceChildren(...options.names.map((name, i) => Object.assign(document.createElement("option"),
                                                                          { value: String(i), textContent: name })));
  select.selectedIndex = at;
  if (!choosers.has(select)) {
    choosers.add(select);
    select.addEventListener("change", () => markLadder(...latest));
  }
  return options.views[at];
}

/* The sentences of "Room in the tier" for a view, one a line that has room to tell. */
export function roomSentences(view) {
  return view.quote.lines.map((line) => roomSentence(view, line)).filter(Boolean);
}

/* Room in the tier, as govcloud.room says it: the users that still fit in the
 * line's tier and what the next tier costs a year more (only the arithmetic is
 * written again here; tests compare the sentences with Python's). */
function roomSentence(view, line) {
  if (line.status !== "ok" || line.change === "cancel" || line.tier === null) return null;
  const product = view.book.products.find((p) => p.key === line.product);
  const ladder = view.quote.prices.ladder(line.product);   // the prices the quote was worked out on
  const i = view.ns.tierIndex(product, line.users);
  if (i >= ladder.length) return null;
  const tier = ladder[i], next = ladder[i + 1], room = tier.users - line.users;
  const { group, show } = view.money, w = view.words, name = view.names.get(line.product);
  const fit = room === 0 ? w("room.full", { tier: group(tier.users) })
    : room === 1 ? w("room.fit_one") : w("room.fit_many", { room: group(room) });
  if (!next) return w("room.top", { product: name, fit, tier: group(tier.users), contact: view.quote.contact });
  const more = show(next.annual - tier.annual);
  return w("room.next", { product: name, fit, next_tier: group(next.users), more });
}
