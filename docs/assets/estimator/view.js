/* The view model: what the results say, as text, from the scenario and its
 * quote (amounts in cents, as govcloud.explain gives them). Pure: the page,
 * the copied table, the CSV and the printout all draw from it. */
import { isoDate } from "./numbers.js";

/* Everything a view needs: the price book, the scenario, its quote (cents),
 * the money helpers, the customer's label, the page address and today. */
export function makeView({ book, money, scenario, quote, who, href, now = new Date(), tierIndex }) {
  const products = new Map(book.products.map((p) => [p.key, p]));
  return { book, money, scenario, quote, who, href, now, tierIndex, products };
}

function held(holdings, key) {
  return holdings && Object.prototype.hasOwnProperty.call(holdings, key) ? holdings[key] : null;
}

export function priced(view) {
  return view.quote.lines.some((l) => l.status === "ok");
}

// A total as people read it; with no priced line at all, whom to ask instead of $0.00.
export function totalText(view, cents) {
  return priced(view) ? view.money.show(cents) : "Ask " + view.quote.contact;
}

export function totalLabel(view) {
  return view.quote.complete || !priced(view) ? "Total" : "Total (priced lines only)";
}

// The last message of the quote says the prices are illustrative and who governs.
export function priceNote(view) {
  return view.quote.messages[view.quote.messages.length - 1];
}

// Why a line needs sales, from the answers: users past the largest tier, instances past the limit.
function beyondWords(view, key) {
  const s = view.scenario, product = view.products.get(key), top = product.tiers[product.tiers.length - 1].users;
  const holdings = [held(s.proposed, key), held(s.current, key)].filter(Boolean);
  const users = holdings.some((h) => h.users > top);
  const limit = view.book.max_instances;
  const instances = holdings.some((h) => h.instances > limit);
  let more = "more than the listed tiers";
  if (instances) more = users ? more + " and " + view.money.group(limit) + " instances"
    : "more than " + view.money.group(limit) + " instances";
  return more + "; " + view.quote.contact + " quotes it";
}

const KINDS = { new: "New subscription", upgrade: "Upgrade", downgrade: "Downgrade",
                instances_only: "Instances", unchanged: "No change", cancel: "Cancelled" };

export function changeWords(view, line) {
  const book = view.book, kind = KINDS[line.change];
  if (line.status !== "ok") return kind + ": " + beyondWords(view, line.product);
  switch (line.change) {
    case "new": return kind + ": billed for a full term";
    case "upgrade": return kind + ": prorated for " + view.scenario.days_remaining + " of " +
      book.term_days + " days";
    case "downgrade": return kind + ": takes effect at renewal";
    case "instances_only": return kind + ": " + line.instances + " of " + book.max_instances + ", no extra cost";
    case "unchanged": return kind + ": the bill stays the same";
    default: return kind + ": ends with the current term, no credit";
  }
}

/* What a product costs today, by the same tier rule as the quote. null when the
 * product is new; {beyond: true} past the listed tiers or the instance limit. */
export function today(view, key) {
  const h = held(view.scenario.current, key);
  if (!h) return null;
  const product = view.products.get(key), tiers = product.tiers, i = view.tierIndex(product, h.users);
  if (i === tiers.length || h.instances > view.book.max_instances) return { beyond: true };
  return { tier: tiers[i].users, annual: view.money.parseCents(tiers[i].annual) };
}

// One row per line, as text: shared by the page, the copied table and the CSV.
export function rows(view) {
  const { show, group } = view.money, q = view.quote;
  return q.lines.map((line) => {
    const ok = line.status === "ok", ask = "Ask " + q.contact, now = today(view, line.product);
    return {
      line, now, name: view.products.get(line.product).name, change: changeWords(view, line),
      today: now === null ? "—" : now.beyond ? ask : group(now.tier) + " users, " + show(now.annual),
      tier: line.tier !== null ? group(line.tier) + " users" : ok ? "—" : ask,
      annual: ok ? show(line.annual) : ask, dueNow: ok ? show(line.due_now) : ask,
      // What a cancelled product stops costing: its price today.
      aside: line.change === "cancel" && now && !now.beyond ? "saves " + show(now.annual) + " a year" : ""
    };
  });
}

// What a copy, a file or a printout needs to stand on its own, as [label, value] pairs.
export function context(view) {
  const s = view.scenario, q = view.quote;
  const pairs = [["Customer type", s.customer + " (" + view.who + ")"], ["Contact", q.contact]];
  if (s.current) {
    pairs.push(["Days left in the term", String(s.days_remaining)]);
    pairs.push(["Renewal date", isoDate(s.days_remaining, view.now)]);
  }
  pairs.push(["Estimate made on", isoDate(0, view.now)]);
  pairs.push(["Prices", priceNote(view)]);
  pairs.push(["Link", view.href]);
  return pairs;
}

// The status line of the summary bar.
export function summaryStatus(view, stale, shownErrors) {
  const q = view && view.quote;
  if (!q) return shownErrors ? "Fix the problems marked above to see an estimate."
    : "Enter the users of at least one product to see an estimate.";
  if (stale) return "Out of date: " + (shownErrors ? "fix the problems marked above." : "finish your answers to update it.");
  return q.complete ? "" : "Incomplete: ask " + q.contact + " for the rest.";
}

// What the live region says once typing pauses.
export function announcement(view, problems, valid) {
  const q = view && view.quote;
  if (problems) {
    return "There " + (problems === 1 ? "is 1 problem" : "are " + problems + " problems") +
      " to fix" + (q ? "; the figures shown are out of date." : ".");
  }
  if (!valid || !q) return "";
  return "Estimate updated: " + totalText(view, q.due_now_total) + " due now, " + totalText(view, q.annual_total) +
    " each year from renewal" + (q.complete ? "." : "; incomplete, ask " + q.contact + " for the rest.");
}

export function incompleteNote(view) {
  const q = view.quote;
  return q.complete ? "" : "Incomplete: the totals leave out the lines marked “Ask " + q.contact + "”, which " +
    q.contact + " quotes.";
}
