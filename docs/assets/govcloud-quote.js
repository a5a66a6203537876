/* The quote calculation, mirroring src/govcloud/quote.py and money.py on the
 * embedded price book. Pure: no DOM, no globals read. Money is integer cents;
 * the data caps each price so that cents × term days stays an exact Number.
 * Messages are word for word those of govcloud: the tests compare them. */
(function (root) {
  "use strict";

  // "1234.56" -> 123456 (the price book carries exactly two decimals).
  function parseCents(text) {
    var m = /^(\d+)\.(\d\d)$/.exec(text);
    if (!m) throw new Error("price book amount is not in cents: " + text);
    return Number(m[1]) * 100 + Number(m[2]);
  }

  // Python's format(n, ",") for whole numbers.
  function group(n) {
    var sign = n < 0 ? "-" : "";
    return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function pad2(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // money.text: "1234.56", as the JSON contract carries an amount.
  function text(cents) {
    if (cents === null) return null;
    var sign = cents < 0 ? "-" : "", a = Math.abs(cents);
    return sign + Math.floor(a / 100) + "." + pad2(a % 100);
  }

  // money.show: "$1,234.56", as people read it (Python writes "$-1.00" for negatives).
  function show(cents) {
    var sign = cents < 0 ? "-" : "", a = Math.abs(cents);
    return "$" + sign + group(Math.floor(a / 100)) + "." + pad2(a % 100);
  }

  // bisect_left: index of the smallest tier covering `users`; tiers.length when none does.
  function tierIndex(product, users) {
    var lo = 0, hi = product.tiers.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (product.tiers[mid].users < users) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // difference × days / term, rounded half-up to the cent (all operands whole and ≥ 0).
  function prorate(differenceCents, days, termDays) {
    var n = differenceCents * days, q = Math.floor(n / termDays), r = n - q * termDays;
    return 2 * r >= termDays ? q + 1 : q;
  }

  function holding(raw) {
    if (raw === undefined || raw === null) return null;
    return { users: raw.users, instances: raw.instances === undefined ? 1 : raw.instances };
  }

  // Orders holdings by tier; beyond the largest tier, where there is no tier, by users.
  function rank(product, users) {
    var index = tierIndex(product, users);
    return [index, index === product.tiers.length ? users : 0];
  }

  function changeOf(product, now, wanted) {
    if (!now) return "new";
    if (!wanted) return "cancel";
    var old = rank(product, now.users), fresh = rank(product, wanted.users);
    if (fresh[0] !== old[0] || fresh[1] !== old[1]) {
      return fresh[0] > old[0] || (fresh[0] === old[0] && fresh[1] > old[1]) ? "upgrade" : "downgrade";
    }
    return now.instances === wanted.instances ? "unchanged" : "instances_only";
  }

  function beyond(book, product, held) {
    var top = product.tiers[product.tiers.length - 1].users, reasons = [];
    var users = Math.max.apply(null, held.map(function (h) { return h.users; }));
    if (users > top) reasons.push(group(users) + " users is more than the largest tier (" + group(top) + " users)");
    var instances = Math.max.apply(null, held.map(function (h) { return h.instances; }));
    if (instances > book.max_instances) {
      reasons.push(group(instances) + " instances is more than the limit of " + group(book.max_instances));
    }
    return reasons;
  }

  function line(book, product, now, wanted, days, contact) {
    var name = product.name, change = changeOf(product, now, wanted), term = book.term_days;
    var held = [now, wanted].filter(Boolean);
    var reasons = beyond(book, product, held);
    var row = { product: product.key, change: change, users: wanted ? wanted.users : 0, tier: null,
                instances: wanted ? wanted.instances : 0, annual: null, due_now: null, status: "contact_sales" };
    if (reasons.length) {
      return { line: row, said: [name + ": " + reasons.join("; ") + "; ask " + contact + " for a quote."] };
    }
    row.status = "ok";
    if (!wanted) {
      row.annual = 0; row.due_now = 0;
      return { line: row, said: [name + ": cancelled; the subscription ends with the current term, " +
                                 "with no credit for the time left."] };
    }
    var tier = product.tiers[tierIndex(product, wanted.users)], annual = parseCents(tier.annual), due = 0;
    var said = [name + ", " + group(wanted.users) + " users: the " + group(tier.users) +
                "-user tier, the smallest that covers them."];
    if (change === "new") {
      due = annual;
      said.push(name + ": new subscription, billed for a full term: " + show(due) + " due now.");
    } else {
      var old = product.tiers[tierIndex(product, now.users)];
      if (change === "upgrade") {
        var difference = annual - parseCents(old.annual);
        due = prorate(difference, days, term);
        said.push(name + ": upgrade from the " + group(old.users) + "-user tier; the difference of " +
                  show(difference) + " a year is prorated for " + days + " of " + term + " days: " +
                  show(due) + " due now.");
      } else if (change === "downgrade") {
        said.push(name + ": downgrade from the " + group(old.users) + "-user tier takes effect at renewal; " +
                  "nothing is due now and no credit is given.");
      } else if (change === "instances_only") {
        said.push(name + ": instances go from " + now.instances + " to " + wanted.instances + "; " +
                  "the tier and the bill stay the same.");
      } else {
        said.push(name + ": no change to the bill.");
      }
    }
    said.push(name + ": " + wanted.instances + " of " + book.max_instances + " instances, at no extra cost.");
    row.tier = tier.users; row.annual = annual; row.due_now = due;
    return { line: row, said: said };
  }

  /* The quote with amounts still in cents; `quote` turns it into the
   * contract's JSON shape. */
  function explain(book, scenario) {
    var customer = scenario.customer || "government";
    var contact = book.contacts[customer];
    var current = scenario.current || {}, proposed = scenario.proposed || {};
    var days = scenario.days_remaining || 0;
    var lines = [], messages = [];
    book.products.forEach(function (product) {
      var now = holding(current[product.key]), wanted = holding(proposed[product.key]);
      if (!now && !wanted) return;
      var result = line(book, product, now, wanted, days, contact);
      lines.push(result.line);
      messages = messages.concat(result.said);
    });
    var priced = lines.filter(function (l) { return l.status === "ok"; });
    var complete = priced.length === lines.length;
    if (!complete) messages.push("Totals cover the priced lines only; " + contact + " will quote the rest.");
    messages.push("Prices are illustrative list prices; the quote from " + contact + " governs.");
    return {
      currency: book.currency, customer: customer, contact: contact, complete: complete, lines: lines,
      annual_total: priced.reduce(function (s, l) { return s + l.annual; }, 0),
      due_now_total: priced.reduce(function (s, l) { return s + l.due_now; }, 0),
      messages: messages
    };
  }

  // The quote object of CONTRACTS.md, exactly as `govcloud quote --json` prints it.
  function quote(book, scenario) {
    var e = explain(book, scenario);
    return {
      currency: e.currency, customer: e.customer, contact: e.contact, complete: e.complete,
      lines: e.lines.map(function (l) {
        return { product: l.product, change: l.change, users: l.users, tier: l.tier, instances: l.instances,
                 annual: text(l.annual), due_now: text(l.due_now), status: l.status };
      }),
      annual_total: text(e.annual_total), due_now_total: text(e.due_now_total), messages: e.messages
    };
  }

  var ns = root.govcloud = root.govcloud || {};
  ns.quote = quote;
  ns.explain = explain;
  ns.tierIndex = tierIndex;
  ns.money = { show: show, text: text, parseCents: parseCents, group: group };
})(window);
