/* The quote calculation, mirroring src/govcloud/quote.py and money.py on the
 * embedded price book. Pure: no DOM, no globals read (the clock only for the
 * day when none is given). Money is integer cents; the data caps each price so
 * that cents × term days stays an exact Number. Every sentence is a template
 * from the price book's `words` (govcloud's vocabulary.py), filled as Python
 * fills it, and which rules each change rests on is the book's `calculation`:
 * only the arithmetic is written here. The tests compare them. */
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

  // Today's date where the page runs, as YYYY-MM-DD.
  function localDay() {
    var d = new Date();
    return d.getFullYear() + "-" + pad2(d.getMonth() + 1) + "-" + pad2(d.getDate());
  }

  var DAY_MS = 86400000;

  // "2027-03-26" -> its UTC midnight in ms (calendar days count without DST jumps).
  function dayTime(day) {
    return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  }

  // The day `n` days after `day` (YYYY-MM-DD), as Python's `day + timedelta(days=n)`.
  function addDays(day, n) {
    return new Date(dayTime(day) + n * DAY_MS).toISOString().slice(0, 10);
  }

  // Whole days from `from` to `to` (both YYYY-MM-DD): `(to - from).days`.
  function daysBetween(from, to) {
    return Math.round((dayTime(to) - dayTime(from)) / DAY_MS);
  }

  /* The prices in force on `day` (YYYY-MM-DD), as catalog.prices_on gives them in Python:
   * `ladder(key)` is the product's tiers in ascending order of users, each {users, annual}
   * with its yearly price in cents, from the latest version of the price book's
   * `price_history` in force on the day (a book without one: its `tiers`), and
   * `prices_from` that version's `effective` (null before any recorded change). The one
   * place a tier's price is read (tests/js/prices.test.mjs holds the other scripts to it).
   * A ladder is read when first asked for: a quote reads only the products it prices. */
  function pricesOn(book, day) {
    var history = book.price_history, version = null, ladders = new Map();
    if (history) {
      // ISO dates compare as text; the first version (effective null) is always in force.
      history.forEach(function (v) { if (v.effective === null || v.effective <= day) version = v; });
    }
    var products = new Map(book.products.map(function (p) { return [p.key, p]; }));
    return {
      day: day,
      prices_from: version ? version.effective : null,
      ladder: function (key) {
        if (!ladders.has(key)) {
          var tiers = version ? version.products[key] : products.get(key).tiers;
          ladders.set(key, tiers.map(function (t) { return { users: t.users, annual: parseCents(t.annual) }; }));
        }
        return ladders.get(key);
      }
    };
  }

  // difference × days / term, rounded half-up to the cent (all operands whole and ≥ 0).
  function prorate(differenceCents, days, termDays) {
    var n = differenceCents * days, q = Math.floor(n / termDays), r = n - q * termDays;
    return 2 * r >= termDays ? q + 1 : q;
  }

  function own(holdings, key) {
    return Object.prototype.hasOwnProperty.call(holdings, key) ? holdings[key] : undefined;
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

  // vocabulary.fill: each {name} replaced by an already formatted value; a missing one is an error.
  function fill(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, function (whole, name) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) {
        throw new Error("template " + JSON.stringify(template) + " needs " + name);
      }
      return String(values[name]);
    });
  }

  // vocabulary.word: the template at a dotted path of the price book's `words`, filled.
  function word(book, path, values) {
    var node = book.words;
    path.split(".").forEach(function (part) { node = node[part]; });
    return fill(node, values || {});
  }

  // The given rule keys that the data marks unconfirmed, in the data's rule order.
  function unconfirmed(book, keys) {
    return Object.keys(book.rules).filter(function (k) {
      return keys.indexOf(k) >= 0 && !book.rules[k].confirmed;
    });
  }

  function beyond(book, product, held) {
    var top = product.tiers[product.tiers.length - 1].users, reasons = [];
    var users = Math.max.apply(null, held.map(function (h) { return h.users; }));
    if (users > top) reasons.push(word(book, "messages.beyond_users", { users: group(users), top: group(top) }));
    var instances = Math.max.apply(null, held.map(function (h) { return h.instances; }));
    if (instances > book.max_instances) {
      reasons.push(word(book, "messages.beyond_instances",
                        { instances: group(instances), max_instances: group(book.max_instances) }));
    }
    return reasons;
  }

  // Today's tier and price in cents; nulls with nothing today or a holding beyond the price book.
  function today(book, product, ladder, now) {
    if (!now || now.instances > book.max_instances) return { tier: null, annual: null };
    var i = tierIndex(product, now.users);
    if (i === ladder.length) return { tier: null, annual: null };
    return { tier: ladder[i].users, annual: ladder[i].annual };
  }

  function line(book, product, ladder, now, wanted, days, contact, lineRules) {
    var name = product.name, key = product.key, change = changeOf(product, now, wanted), term = book.term_days;
    var was = today(book, product, ladder, now), restsOn = unconfirmed(book, lineRules[change] || []);
    var row = { product: key, change: change, users: wanted ? wanted.users : 0, tier: null,
                instances: wanted ? wanted.instances : 0, annual: null, due_now: null, status: "contact_sales",
                today_tier: was.tier, today_annual: was.annual, assumptions: restsOn };
    function note(path, assumptions, values) {
      values.product = name;
      return { text: word(book, path, values), product: key, assumptions: assumptions };
    }
    if (!wanted) {
      // A cancellation bills nothing more, whatever today's holding is.
      row.status = "ok"; row.annual = 0; row.due_now = 0;
      return { line: row, said: [note("messages.cancel", restsOn, {})] };
    }
    var reasons = beyond(book, product, [now, wanted].filter(Boolean));
    if (reasons.length) {
      row.assumptions = unconfirmed(book, book.calculation.line_rules.contact_sales);
      return { line: row, said: [note("messages.beyond", row.assumptions,
                                      { reasons: reasons.join(word(book, "messages.beyond_join")),
                                        contact: contact })] };
    }
    row.status = "ok";
    var tier = ladder[tierIndex(product, wanted.users)], annual = tier.annual, due = 0;
    var said = [note("messages.tier", [], { users: group(wanted.users), tier: group(tier.users) })];
    if (change === "new") {
      due = annual;
      said.push(note("messages.new", restsOn, { due_now: show(due) }));
    } else {
      var old = ladder[tierIndex(product, now.users)];
      if (change === "upgrade") {
        if (days === null) throw new Error("days_remaining missing for an upgrade");
        var difference = annual - old.annual;
        due = prorate(difference, days, term);
        said.push(note("messages.upgrade", restsOn, { old_tier: group(old.users), difference: show(difference),
                                                     days: days, term_days: term, due_now: show(due) }));
      } else if (change === "downgrade") {
        said.push(note("messages.downgrade", restsOn, { old_tier: group(old.users) }));
      } else if (change === "instances_only") {
        said.push(note("messages.instances_only", [], { old_instances: now.instances, instances: wanted.instances }));
      } else if (wanted.users !== now.users) {
        said.push(note("messages.same_tier", [], { users: group(wanted.users), tier: group(tier.users) }));
      } else {
        said.push(note("messages.unchanged", [], {}));
      }
    }
    said.push(note("messages.instances", [], { instances: wanted.instances, max_instances: book.max_instances }));
    row.tier = tier.users; row.annual = annual; row.due_now = due;
    return { line: row, said: said };
  }

  /* The day each line's next full-term bill is priced on (docs/formats.md, "Prices that change
   * on a date"): a kept line's renewal (on D when the days left are not known), a new line's first
   * renewal a term after D; null for a line no bill carries. */
  function billDay(book, l, D, days) {
    if (l.status !== "ok" || l.change === "cancel") return null;
    if (l.change === "new") return addDays(D, book.term_days);
    return days === null ? D : addDays(D, days);
  }

  // The contract's dated bills: due now, the current term's renewal, each new subscription's first
  // renewal; each priced on its own day (the amounts are the lines' `renewal_annual`).
  function bills(book, lines, days, partRules, D, on, onD) {
    var entries = [];
    lines.forEach(function (l) {
      if (l.status !== "ok") return;
      if (l.due_now > 0) entries.push({ day: 0, part: "due_now", line: l, amount: l.due_now });
      if (book.calculation.kept.indexOf(l.change) >= 0) {
        entries.push({ day: days, part: "renewal", line: l, amount: l.renewal_annual });
      } else if (l.change === "new") {
        entries.push({ day: book.term_days, part: "first_renewal", line: l, amount: l.renewal_annual });
      }
    });
    var dayList = [];
    entries.forEach(function (e) { if (dayList.indexOf(e.day) < 0) dayList.push(e.day); });
    dayList.sort(function (a, b) { return a === null ? 1 : b === null ? -1 : a - b; });
    return dayList.map(function (day) {
      var here = entries.filter(function (e) { return e.day === day; }), rules = [];
      here.forEach(function (e) { rules = rules.concat(partRules[e.part][e.line.change] || []); });
      if (day === 0) rules = rules.concat(onD);   // the bill on D: a quote holding its prices
      var date = day === null ? null : addDays(D, day);
      return {
        in_days: day,
        amount: here.reduce(function (s, e) { return s + e.amount; }, 0),
        products: lines.filter(function (l) { return here.some(function (e) { return e.line === l; }); })
          .map(function (l) { return l.product; }),
        parts: book.calculation.parts.filter(function (p) { return here.some(function (e) { return e.part === p; }); }),
        assumptions: unconfirmed(book, rules),
        on: date,
        prices_from: on(date === null ? D : date).prices_from
      };
    });
  }

  /* The quote with amounts still in cents, and `notes` (each message with the
   * product it is about and the rules it rests on) and the `prices` it was worked
   * out on (D's); `quote` turns it into the contract's JSON shape. D, the day the
   * change is made and priced, is the scenario's `date`, else `day` (YYYY-MM-DD),
   * else today where the page runs. */
  function explain(book, scenario, day) {
    var customer = scenario.customer || "government";
    var contact = book.contacts[customer];
    var hasCurrent = scenario.current !== undefined && scenario.current !== null;
    var current = scenario.current || {}, proposed = scenario.proposed || {};
    var D = scenario.date || day || localDay();
    var days = scenario.days_remaining !== undefined && scenario.days_remaining !== null ? scenario.days_remaining
      : scenario.renewal ? daysBetween(D, scenario.renewal) : null;
    // The prices in force on each day the quote reads, each worked out once.
    var seen = new Map();
    function on(d) {
      if (!seen.has(d)) seen.set(d, pricesOn(book, d));
      return seen.get(d);
    }
    var prices = on(D);
    // Which rules each change rests on: the price book's `calculation` (quote.py's tables).
    var lines = [], notes = [], lineRules = book.calculation.line_rules, partRules = book.calculation.part_rules;
    // Own properties only: a key like `constructor` must never reach Object's prototype.
    var kept = book.products.some(function (p) { return holding(own(current, p.key)) && holding(own(proposed, p.key)); });
    if (!kept) {
      // No subscription of today's is kept: a new one has no term to be co-termed with, so its
      // figures do not rest on the new-subscription rule (only a product added mid-term does).
      lineRules = Object.assign({}, lineRules, { "new": [] });
      var shipped = partRules;
      partRules = {};
      Object.keys(shipped).forEach(function (part) {
        partRules[part] = Object.assign({}, shipped[part]);
        delete partRules[part]["new"];
      });
    }
    book.products.forEach(function (product) {
      var now = holding(own(current, product.key)), wanted = holding(own(proposed, product.key));
      if (!now && !wanted) return;
      var result = line(book, product, prices.ladder(product.key), now, wanted, days, contact, lineRules);
      var l = result.line, when = billDay(book, l, D, days), undated = l.change !== "new" && days === null;
      // The yearly price the line's next full-term bill charges, on the day that bill is priced,
      // and from which day it differs from D's (the last change before that bill, else null).
      l.renewal_annual = when === null ? null : on(when).ladder(product.key)[tierIndex(product, l.users)].annual;
      var changes = tierChanges(book, product, l, D, undated, when, on);
      l.renewal_from = !undated && changes.length ? changes[changes.length - 1].effective : null;
      l.renewal_on = when;
      lines.push(l);
      notes = notes.concat(result.said, saidChanges(book, product, l, changes, undated, when, partRules));
    });
    var priced = lines.filter(function (l) { return l.status === "ok"; });
    var complete = priced.length === lines.length;
    var validUntil = addDays(D, book.quote_valid_days), holdNotes = holds(book, D, validUntil);
    notes = notes.concat(holdNotes);
    var dated = bills(book, lines, days, partRules, D, on, holdNotes.length ? [book.calculation.holds_rule] : []);
    if (!complete) notes.push({ text: word(book, "messages.incomplete", { contact: contact }), product: null,
                                assumptions: [] });
    notes.push({ text: word(book, "messages.illustrative", { contact: contact }), product: null, assumptions: [] });
    var held = lines.filter(function (l) { return l.change !== "new"; });
    var todayTotal = !hasCurrent || held.some(function (l) { return l.today_annual === null; }) ? null
      : held.reduce(function (s, l) { return s + l.today_annual; }, 0);
    var firstYear = dated.some(function (b) { return b.in_days === null; }) ? null
      : dated.filter(function (b) { return b.in_days < book.term_days; })
        .reduce(function (s, b) { return s + b.amount; }, 0);
    return {
      currency: book.currency, customer: customer, contact: contact, complete: complete, lines: lines,
      annual_total: priced.reduce(function (s, l) { return s + l.annual; }, 0),
      due_now_total: priced.reduce(function (s, l) { return s + l.due_now; }, 0),
      messages: notes.map(function (n) { return n.text; }), notes: notes,
      today_annual_total: todayTotal, bills: dated, first_year_total: firstYear, prices: prices,
      date: D, valid_until: validUntil, days_remaining: days, pricesOn: on
    };
  }

  // "February 1, 2027": a day as people read it, through Intl in the vocabulary's locale (the
  // price book's words.language.locale; Python: cldr.long_date, CLDR's same long form).
  function longDay(book, day) {
    var locale = book.words.language.locale;   // never the browser's own language: a missing one is a mistake
    if (typeof locale !== "string" || !locale) throw new Error("no locale given: " + locale);
    return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric",
                                                               timeZone: "UTC" }).format(new Date(dayTime(day)));
  }

  // The recorded changes in force after `after` and on or before `until` (both YYYY-MM-DD), by date.
  function changesIn(book, after, until) {
    return (book.price_history || []).map(function (v) { return v.effective; })
      .filter(function (e) { return e !== null && e > after && e <= until; });
  }

  /* For a line, each recorded change to its tier's price that falls after D and on or before the
   * day its next bill is priced ({effective, was, now}, prices in cents); with the renewal undated,
   * each change within a term of D, which applies if the renewal falls on or after it. */
  function tierChanges(book, product, l, D, undated, when, on) {
    if (when === null) return [];
    var until = undated ? addDays(D, book.term_days) : when, i = tierIndex(product, l.users), out = [];
    changesIn(book, D, until).forEach(function (effective) {
      var was = on(addDays(effective, -1)).ladder(product.key)[i].annual, now = on(effective).ladder(product.key)[i].annual;
      if (was !== now) out.push({ effective: effective, was: was, now: now });
    });
    return out;
  }

  /* Each change of `tierChanges` in words: the tier rises or falls on its day, before the line's
   * next bill (or, undated, if the renewal falls on or after it); resting on the rules that bill's
   * part rests on. */
  function saidChanges(book, product, l, changes, undated, when, partRules) {
    var part = l.change === "new" ? "first_renewal" : "renewal";
    var restsOn = unconfirmed(book, partRules[part][l.change] || []);
    var kind = undated ? "undated" : l.change === "new" ? "before_first_renewal" : "before_renewal";
    return changes.map(function (c) {
      var values = { product: product.name, tier: group(l.tier), old: show(c.was), "new": show(c.now),
                     date: longDay(book, c.effective), renewal: longDay(book, when) };
      return { text: word(book, "messages." + (c.now > c.was ? "rise" : "fall") + "_" + kind, values),
               product: l.product, assumptions: restsOn };
    });
  }

  /* Each change that falls after D and on or before the quote's `valid_until`: a quote made on D
   * holds its prices until then if the order is placed by then (the price book's
   * `calculation.holds_rule`, which the bill on D rests on too). It changes no figure. */
  function holds(book, D, validUntil) {
    var rests = unconfirmed(book, [book.calculation.holds_rule]);
    return changesIn(book, D, validUntil).map(function (effective) {
      return { text: word(book, "messages.prices_hold", { date: longDay(book, effective),
                                                          valid_until: longDay(book, validUntil) }),
               product: null, assumptions: rests };
    });
  }

  // The JSON quote of docs/formats.md, exactly as `govcloud quote --json` prints it.
  function quote(book, scenario, day) {
    var e = explain(book, scenario, day);
    return {
      currency: e.currency, customer: e.customer, contact: e.contact, complete: e.complete,
      date: e.date, valid_until: e.valid_until,
      lines: e.lines.map(function (l) {
        return { product: l.product, change: l.change, users: l.users, tier: l.tier, instances: l.instances,
                 annual: text(l.annual), due_now: text(l.due_now), status: l.status,
                 today_tier: l.today_tier, today_annual: text(l.today_annual), assumptions: l.assumptions,
                 renewal_annual: text(l.renewal_annual) };
      }),
      annual_total: text(e.annual_total), due_now_total: text(e.due_now_total), messages: e.messages,
      today_annual_total: text(e.today_annual_total),
      bills: e.bills.map(function (b) {
        return { in_days: b.in_days, amount: text(b.amount), products: b.products, parts: b.parts,
                 assumptions: b.assumptions, on: b.on, prices_from: b.prices_from };
      }),
      first_year_total: text(e.first_year_total)
    };
  }

  var ns = root.govcloud = root.govcloud || {};
  ns.quote = quote;
  ns.explain = explain;
  ns.pricesOn = pricesOn;
  ns.tierIndex = tierIndex;
  ns.fill = fill;
  ns.word = word;
  ns.money = { show: show, text: text, parseCents: parseCents, group: group };
  ns.dates = { addDays: addDays, daysBetween: daysBetween, localDay: localDay, long: longDay };
})(window);
