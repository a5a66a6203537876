/* The estimator page: reads the form (or the address), checks each answer,
 * asks govcloud-quote.js for the quote and shows it. No figure or product name
 * lives here: they come from the price book the build embeds in the page.
 * Text that people typed or put in the address only ever reaches the page
 * through textContent or input values. */
(function () {
  "use strict";

  var ns = window.govcloud = window.govcloud || {};
  var ANNOUNCE_AFTER_MS = 800;   // one polite announcement once typing pauses
  var CUSTOMERS = ["government", "commercial"];
  var NOTICE_CHARS = 40;         // how much of an ignored parameter the notice repeats

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clip(value) {
    return value.length > NOTICE_CHARS ? value.slice(0, NOTICE_CHARS) + "…" : value;
  }

  /* A whole number as people type it: spaces around it and comma thousands
   * separators are fine; anything else is explained. */
  function readWhole(raw) {
    var s = raw.trim();
    if (s === "") return { empty: true };
    if (/^[0-9]{1,3}(,[0-9]{3})+$/.test(s)) s = s.replace(/,/g, "");
    if (!/^[0-9]+$/.test(s)) {
      // Digits from other scripts (١٢, ９): say which digits to use.
      if (/^[\p{Nd},]+$/u.test(s) && /[^0-9,]/.test(s)) return { problem: "digits" };
      if (/^-\s*[0-9]+$/.test(s)) return { problem: "negative" };
      return { problem: "whole" };
    }
    s = s.replace(/^0+(?=[0-9])/, "");
    var n = Number(s);
    if (s.length > 16 || !Number.isSafeInteger(n)) return { problem: "large" };
    return { value: n };
  }

  function todayUTC() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }

  // Whole days from today to a YYYY-MM-DD date; null when it is not a real date.
  function daysUntil(isoDate) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
    if (!m) return null;
    var at = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    if (new Date(at).toISOString().slice(0, 10) !== isoDate) return null;   // 2027-02-30 is no date
    return Math.round((at - todayUTC()) / 86400000);
  }

  // Today's local date plus `days`, as YYYY-MM-DD.
  function isoDate(days) {
    return new Date(todayUTC() + (days || 0) * 86400000).toISOString().slice(0, 10);
  }

  function Estimator(root, book) {
    this.root = root;
    this.book = book;
    this.money = ns.money;
    this.part = function (name) { return root.querySelector('[data-gc="' + name + '"]'); };
    this.form = this.part("form");
    this.customer = root.querySelector("#gc-customer");
    this.days = root.querySelector("#gc-days-remaining");
    this.renewal = root.querySelector("#gc-renewal");
    this.fields = {};
    var self = this;
    book.products.forEach(function (p) {
      self.fields[p.key] = {
        users: root.querySelector("#gc-users-" + p.key),
        instances: root.querySelector("#gc-instances-" + p.key),
        currentUsers: root.querySelector("#gc-current-users-" + p.key),
        currentInstances: root.querySelector("#gc-current-instances-" + p.key)
      };
    });
    this.products = {};
    book.products.forEach(function (p) { self.products[p.key] = p; });
    this.good = null;         // the last complete answers and their quote
    this.timer = null;
    // A problem is reported only once its field was touched: typed in and left,
    // or, for the missing days, once another answer of the change was typed;
    // an export button reports them all. Switching mode reports nothing.
    this.edited = {};
    this.touched = {};
    this.changeTyped = false;
    this.revealAll = false;
    this.restore(new URLSearchParams(window.location.search));
    this.listen();
    this.update({ announce: false });
  }

  Estimator.prototype.mode = function () {
    return this.root.querySelector("#gc-mode-change").checked ? "change" : "new";
  };

  Estimator.prototype.setMode = function (mode) {
    this.root.querySelector("#gc-mode-" + mode).checked = true;
    this.root.setAttribute("data-mode", mode);
  };

  Estimator.prototype.contact = function () {
    return this.book.contacts[this.customer.value];
  };

  // --- the address ---------------------------------------------------------

  Estimator.prototype.addressFields = function () {
    var map = { days_remaining: { input: this.days, min: 0 } }, self = this;
    this.book.products.forEach(function (p) {
      var f = self.fields[p.key];
      map[p.key] = { input: f.users, min: 1 };
      map[p.key + ".instances"] = { input: f.instances, min: 1 };
      map["current." + p.key] = { input: f.currentUsers, min: 1, change: true };
      map["current." + p.key + ".instances"] = { input: f.currentInstances, min: 1, change: true };
    });
    return map;
  };

  Estimator.prototype.restore = function (params) {
    var fields = this.addressFields(), seen = {}, notices = [], change = false, renewal = null, self = this;
    params.forEach(function (value, name) {
      var shown = "“" + clip(name) + (value === "" ? "" : "=" + clip(value)) + "”";
      if (name !== "customer" && name !== "renewal" && !Object.prototype.hasOwnProperty.call(fields, name)) {
        notices.push("Ignored " + shown + ": the estimator has no such setting.");
        return;
      }
      if (seen[name]) {
        notices.push("Ignored " + shown + ": “" + clip(name) + "” was already given; the first one is used.");
        return;
      }
      seen[name] = true;
      if (name === "customer") {
        if (CUSTOMERS.indexOf(value) < 0) notices.push("Ignored " + shown + ": use government or commercial.");
        else self.customer.value = value;
        return;
      }
      if (name === "renewal") {
        var until = daysUntil(value), term = self.book.term_days;
        var wrong = until === null
          ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? "there is no such date" : "use a date written as YYYY-MM-DD")
          : until < 0 ? "that date has passed"
          : until > term ? "it is more than " + term + " days from today" : null;
        if (wrong) notices.push("Ignored " + shown + ": " + wrong + ".");
        else { renewal = { date: value, days: until }; change = true; }
        return;
      }
      var field = fields[name];
      if (field.change || name === "days_remaining") change = true;
      var read = readWhole(value);
      var bad = read.empty ? "it is empty" : read.problem ? "it must be a whole number, " + field.min + " or more"
        : read.value < field.min ? "it must be " + field.min + " or more"
        : name === "days_remaining" && read.value > self.book.term_days
          ? "a term has " + self.book.term_days + " days" : null;
      if (read.problem === "large") bad = "the number is too large";
      if (bad) notices.push("Ignored " + shown + ": " + bad + ".");
      else field.input.value = String(read.value);
      self.touched[field.input.id] = true;   // the link's answers count as given: report their problems
    });
    if (renewal) {
      // The date wins: it stays right as the days pass, a count of days does not.
      var given = this.days.value;
      if (given !== "" && given !== String(renewal.days)) {
        notices.push("Used the renewal date " + renewal.date + ", " + renewal.days + " days from today, " +
                     "instead of “days_remaining=" + clip(given) + "”.");
      }
      this.renewal.value = renewal.date;
      this.renewalChanged();
    }
    if (change) this.changeTyped = true;
    this.setMode(change ? "change" : "new");
    var box = this.part("address-notice");
    box.replaceChildren();
    if (notices.length) {
      box.append(el("p", { class: "gc-notice-title" }, "Some of the link was not used"));
      var list = el("ul");
      notices.forEach(function (n) { list.append(el("li", {}, n)); });
      box.append(list);
    }
    box.hidden = notices.length === 0;
  };

  // The address for a complete scenario, in the format govcloud.address writes.
  Estimator.prototype.address = function (scenario, renewal) {
    var params = new URLSearchParams();
    params.append("customer", scenario.customer);
    function add(prefix, holdings) {
      Object.keys(holdings).forEach(function (key) {
        params.append(prefix + key, String(holdings[key].users));
        if (holdings[key].instances !== 1) params.append(prefix + key + ".instances", String(holdings[key].instances));
      });
    }
    add("", scenario.proposed);
    if (scenario.current) {
      add("current.", scenario.current);
      params.append("days_remaining", String(scenario.days_remaining));
      if (renewal) params.append("renewal", renewal);   // beyond CONTRACTS.md: restores the date field
    }
    return params.toString();
  };

  // --- reading and checking the form -------------------------------------------

  Estimator.prototype.read = function () {
    var self = this, errors = [], term = this.book.term_days, change = this.mode() === "change";
    var contact = this.contact();
    // A number past what the page can hold exactly cannot be priced here; saying
    // so beats rounding it into another number.
    function whole(input, what, min, large) {
      var r = readWhole(input.value);
      if (r.empty) return null;
      var message = r.problem === "digits" ? what + " must be written with the digits 0 to 9"
        : r.problem === "negative" ? what + " must be " + min + " or more"
        : r.problem === "large" ? large || "The number of " + what + " is too large to estimate here: ask " +
          contact + " for a quote"
        : r.problem ? what + " must be a whole number, like 120"
        : r.value < min ? what + " must be " + min + " or more" : null;
      if (message) { errors.push({ input: input, message: message, when: input.id }); return undefined; }
      return r.value;
    }
    function holding(usersInput, instancesInput, name, when) {
      var users = whole(usersInput, name + " users" + when, 1);
      var instances = whole(instancesInput, name + " instances" + when, 1);
      if (users === null && instances !== null) {
        errors.push({ input: usersInput, message: "Enter the number of " + name + " users" + when +
                      ", or clear " + name + " instances" + when, when: instancesInput.id });
        return undefined;
      }
      if (users === null) return null;
      if (users === undefined || instances === undefined) return undefined;
      return { users: users, instances: instances === null ? 1 : instances };
    }
    var scenario = { customer: this.customer.value, proposed: {} }, current = {}, count = 0;
    if (change && this.renewalProblem) {
      errors.push({ input: this.renewal, message: this.renewalProblem, when: this.renewal.id });
    }
    if (change) {
      var tooMany = "Days left in the term must be " + term + " or fewer";
      var days = whole(this.days, "Days left in the term", 0, tooMany);
      if (days === null && !this.renewalProblem) {
        errors.push({ input: this.days, message: "Enter the days left in the term, or the renewal date",
                      when: "change" });
      } else if (typeof days === "number" && days > term) {
        errors.push({ input: this.days, message: tooMany, when: this.days.id });
      }
      scenario.days_remaining = days;
    }
    this.book.products.forEach(function (p) {
      var f = self.fields[p.key];
      if (change) {
        var now = holding(f.currentUsers, f.currentInstances, p.name, " today");
        if (now) { current[p.key] = now; count++; }
      }
      var wanted = holding(f.users, f.instances, p.name, "");
      if (wanted) { scenario.proposed[p.key] = wanted; count++; }
    });
    if (change) scenario.current = current;
    var order = Array.prototype.slice.call(this.form.querySelectorAll("input, select"));
    errors.sort(function (a, b) { return order.indexOf(a.input) - order.indexOf(b.input); });
    return { scenario: scenario, errors: errors, empty: count === 0 };
  };

  Estimator.prototype.renewalChanged = function () {
    this.renewalProblem = null;
    var hint = this.root.querySelector("#gc-renewal-hint");
    hint.textContent = "The days left are worked out from today's date.";
    if (!this.renewal.value) return;
    var days = daysUntil(this.renewal.value), term = this.book.term_days;
    if (days === null) this.renewalProblem = "Renewal date must be a real date";
    else if (days < 0) this.renewalProblem = "Renewal date must be today or later";
    else if (days > term) this.renewalProblem = "Renewal date must be within " + term + " days of today";
    // The date is now the answer: whatever the days field held is replaced, so its old problem goes.
    this.days.value = this.renewalProblem ? "" : String(days);
    if (!this.renewalProblem) hint.textContent = "That is " + days + (days === 1 ? " day" : " days") + " from today.";
  };

  // The problems to report now: those whose field was touched (see the constructor).
  Estimator.prototype.reported = function (errors) {
    var self = this;
    return errors.filter(function (e) {
      return self.revealAll || self.touched[e.input.id] ||
        (e.when === "change" ? self.changeTyped : self.touched[e.when]);
    });
  };

  Estimator.prototype.showErrors = function (errors) {
    var root = this.root;
    root.querySelectorAll(".gc-field--error").forEach(function (box) {
      var input = box.querySelector("input");
      box.classList.remove("gc-field--error");
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", input.id + "-hint");
      var slot = box.querySelector(".gc-error");
      slot.hidden = true;
      slot.replaceChildren();
    });
    var list = this.part("error-list");
    list.replaceChildren();
    var marked = {};
    errors.forEach(function (e) {
      var input = e.input, link = el("a", { href: "#" + input.id }, e.message);
      var item = el("li");
      item.append(link);
      list.append(item);
      if (marked[input.id]) return;   // one message next to a field: its first problem
      marked[input.id] = true;
      var box = input.closest(".gc-field"), slot = box.querySelector(".gc-error");
      box.classList.add("gc-field--error");
      slot.append(el("span", { class: "gc-visually-hidden" }, "Error: "), document.createTextNode(e.message));
      slot.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", input.id + "-hint " + input.id + "-error");
    });
    this.part("error-summary").hidden = errors.length === 0;
  };

  // --- showing the quote ----------------------------------------------------------

  // Why a line needs sales, from the answers: users past the largest tier, instances past the limit.
  Estimator.prototype.beyondWords = function (key) {
    var s = this.good.scenario, product = this.products[key], top = product.tiers[product.tiers.length - 1].users;
    var held = [s.proposed[key], s.current && s.current[key]].filter(Boolean);
    var users = held.some(function (h) { return h.users > top; });
    var limit = this.book.max_instances;
    var instances = held.some(function (h) { return h.instances > limit; });
    var more = "more than the listed tiers";
    if (instances) more = users ? more + " and " + this.money.group(limit) + " instances"
      : "more than " + this.money.group(limit) + " instances";
    return more + "; " + this.good.quote.contact + " quotes it";
  };

  Estimator.prototype.changeWords = function (line) {
    var book = this.book;
    var kind = { new: "New subscription", upgrade: "Upgrade", downgrade: "Downgrade",
                 instances_only: "Instances", unchanged: "No change", cancel: "Cancelled" }[line.change];
    if (line.status !== "ok") return kind + ": " + this.beyondWords(line.product);
    switch (line.change) {
      case "new": return kind + ": billed for a full term";
      case "upgrade": return kind + ": prorated for " + this.good.scenario.days_remaining + " of " +
        book.term_days + " days";
      case "downgrade": return kind + ": takes effect at renewal";
      case "instances_only": return kind + ": " + line.instances + " of " + book.max_instances + ", no extra cost";
      case "unchanged": return kind + ": the bill stays the same";
      default: return kind + ": ends with the current term, no credit";
    }
  };

  /* What a product costs today, by the same tier rule as the quote: the smallest
   * tier covering the users. null when the product is new; {beyond: true} when
   * today's holding is past the listed tiers or the instance limit. */
  Estimator.prototype.today = function (key) {
    var s = this.good.scenario, held = s.current && s.current[key];
    if (!held) return null;
    var product = this.products[key], tiers = product.tiers, i = ns.tierIndex(product, held.users);
    if (i === tiers.length || held.instances > this.book.max_instances) return { beyond: true };
    return { tier: tiers[i].users, annual: this.money.parseCents(tiers[i].annual) };
  };

  // A total as people read it; with no priced line at all, whom to ask instead of $0.00.
  Estimator.prototype.total = function (cents) {
    var q = this.good.quote;
    var priced = q.lines.some(function (l) { return l.status === "ok"; });
    return priced ? this.money.show(cents) : "Ask " + q.contact;
  };

  Estimator.prototype.rows = function () {
    // One row per line, as text: shared by the page, the copied table and the CSV.
    var self = this, show = this.money.show, group = this.money.group, q = this.good.quote;
    return q.lines.map(function (line) {
      var ok = line.status === "ok", ask = "Ask " + q.contact, now = self.today(line.product);
      return {
        line: line, name: self.products[line.product].name, change: self.changeWords(line), now: now,
        today: now === null ? "—" : now.beyond ? ask : group(now.tier) + " users, " + show(now.annual),
        tier: line.tier !== null ? group(line.tier) + " users" : ok ? "—" : ask,
        annual: ok ? show(line.annual) : ask, dueNow: ok ? show(line.due_now) : ask
      };
    });
  };

  Estimator.prototype.render = function () {
    var self = this, q = this.good.quote, show = this.money.show, change = !!this.good.scenario.current;
    var body = this.part("lines");
    body.replaceChildren();
    this.rows().forEach(function (row) {
      var line = row.line, key = line.product, tr = el("tr");
      tr.append(el("th", { scope: "row" }, row.name));
      var changeCell = el("td", { "data-label": "Change" });
      changeCell.append(el("span", { "data-testid": "change-" + key, "data-value": line.change }, row.change));
      tr.append(changeCell);
      if (change) {
        var today = el("td", { "data-label": "Today" });
        today.append(el("span", { "data-testid": "today-" + key,
                                  "data-value": row.now && !row.now.beyond ? self.money.text(row.now.annual) : "" },
                        row.today));
        tr.append(today);
      }
      var tier = el("td", { "data-label": "Tier" });
      tier.append(el("span", { "data-testid": "tier-" + key, "data-value": line.tier === null ? "" : String(line.tier) },
                     row.tier));
      tr.append(tier);
      [["annual", "Each year from renewal", row.annual], ["due-now", "Due now", row.dueNow]].forEach(function (c) {
        var td = el("td", { class: "gc-num", "data-label": c[1] });
        td.append(el("span", { "data-testid": c[0] + "-" + key }, c[2]));
        // What a cancelled product stops costing: its price today.
        if (c[0] === "annual" && line.change === "cancel" && row.now && !row.now.beyond) {
          td.append(el("span", { class: "gc-aside" }, "saves " + show(row.now.annual) + " a year"));
        }
        tr.append(td);
      });
      body.append(tr);
    });
    this.part("today-head").hidden = !change;
    var label = this.part("total-label");
    label.setAttribute("colspan", change ? "4" : "3");
    var priced = q.lines.some(function (l) { return l.status === "ok"; });
    label.textContent = q.complete || !priced ? "Total" : "Total (priced lines only)";
    this.root.querySelector('[data-testid="annual-total"]').textContent = this.total(q.annual_total);
    this.root.querySelector('[data-testid="due-now-total"]').textContent = this.total(q.due_now_total);
    var incomplete = this.part("incomplete");
    incomplete.textContent = q.complete ? "" : "Incomplete: the totals leave out the lines marked “Ask " +
      q.contact + "”, which " + q.contact + " quotes.";
    incomplete.hidden = q.complete;
    var list = this.part("messages");
    list.replaceChildren();
    q.messages.forEach(function (m) { list.append(el("li", {}, m)); });
    var context = this.part("print-context");
    context.replaceChildren();
    this.context().forEach(function (pair) { context.append(el("dt", {}, pair[0]), el("dd", {}, pair[1])); });
  };

  // The compact summary that stays in sight while the form is in use.
  Estimator.prototype.summarize = function (stale, shownErrors) {
    var figures = this.part("summary-figures"), status = this.root.querySelector('[data-testid="summary-status"]');
    var q = this.good && this.good.quote;
    figures.hidden = !q;
    this.part("summary-link").hidden = !q;
    if (q) {
      this.root.querySelector('[data-testid="summary-due-now"]').textContent = this.total(q.due_now_total);
      this.root.querySelector('[data-testid="summary-annual"]').textContent = this.total(q.annual_total);
    }
    status.textContent = !q ? (shownErrors ? "Fix the problems marked above to see an estimate."
                               : "Enter the users of at least one product to see an estimate.")
      : stale ? "Out of date: " + (shownErrors ? "fix the problems marked above." : "finish your answers to update it.")
      : q.complete ? "" : "Incomplete: ask " + q.contact + " for the rest.";
    status.hidden = status.textContent === "";
  };

  Estimator.prototype.showContact = function () {
    var kind = this.customer.value, contact = this.book.contacts[kind];
    this.part("contact").textContent = contact;
    this.part("who").textContent = this.customer.options[this.customer.selectedIndex].text;
    this.root.querySelectorAll(".gc-contact").forEach(function (box) {
      box.hidden = box.getAttribute("data-customer") !== kind;
    });
    var none = ns.quote(this.book, { customer: kind, proposed: {} });
    this.part("illustrative").textContent = none.messages[none.messages.length - 1];
  };

  Estimator.prototype.update = function (options) {
    options = options || {};
    // Keep the field in use where it is on screen while messages come and go above it.
    var anchor = options.anchor || document.activeElement;
    if (!anchor || !this.root.contains(anchor)) anchor = null;
    var before = anchor && anchor.getBoundingClientRect().top;
    var state = this.read(), errors = state.errors, valid = errors.length === 0 && !state.empty;
    var shown = this.reported(errors);
    this.root.setAttribute("data-mode", this.mode());
    this.showErrors(shown);
    this.showContact();
    if (valid) {
      var explained = ns.explain(this.book, state.scenario);
      this.good = { scenario: state.scenario, quote: explained };
      var renewal = state.scenario.current && this.renewal.value && !this.renewalProblem ? this.renewal.value : null;
      var query = this.address(state.scenario, renewal);
      var url = window.location.pathname + "?" + query + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        // Material keeps its scroll position in the history state: keep it.
        window.history.replaceState(window.history.state, "", url);
      }
      this.render();   // after the address, which the printed context carries
    } else if (state.empty && errors.length === 0) {
      this.good = null;
    }
    var showing = this.good !== null;
    this.part("table-wrap").hidden = !showing;
    this.part("actions").hidden = !showing;
    this.part("why").hidden = !showing;
    this.part("empty").hidden = showing;
    if (!showing) this.part("incomplete").hidden = true;
    var stale = showing && !valid;
    var note = this.part("stale");
    note.textContent = "These figures are out of date: they are for the last complete answers. " +
      (shown.length ? "Fix the problems above to update them." : "Finish your answers to update them.");
    note.hidden = !stale;
    this.part("results").classList.toggle("gc-results--stale", stale);
    this.summarize(stale, shown.length > 0);
    if (anchor) {
      var moved = anchor.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
    if (options.announce === false) return;
    this.announceLater(shown, valid);
  };

  Estimator.prototype.announceLater = function (errors, valid) {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      if (!self.root.isConnected) return;
      var q = self.good && self.good.quote, text;
      if (errors.length) {
        text = "There " + (errors.length === 1 ? "is 1 problem" : "are " + errors.length + " problems") +
          " to fix" + (q ? "; the figures shown are out of date." : ".");
      } else if (valid && q) {
        text = "Estimate updated: " + self.total(q.due_now_total) + " due now, " + self.total(q.annual_total) +
          " each year from renewal" + (q.complete ? "." : "; incomplete, ask " + q.contact + " for the rest.");
      } else {
        text = "";
      }
      self.part("live").textContent = text;
    }, ANNOUNCE_AFTER_MS);
  };

  // --- taking the estimate away -----------------------------------------------------

  // What a copy, a file or a printout needs to stand on its own, as [label, value] pairs.
  Estimator.prototype.context = function () {
    var s = this.good.scenario, q = this.good.quote, select = this.customer;
    var who = "";
    Array.prototype.forEach.call(select.options, function (o) { if (o.value === s.customer) who = o.text; });
    var pairs = [["Customer type", s.customer + " (" + who + ")"], ["Contact", q.contact]];
    if (s.current) {
      pairs.push(["Days left in the term", String(s.days_remaining)]);
      pairs.push(["Renewal date", isoDate(s.days_remaining)]);
    }
    pairs.push(["Estimate made on", isoDate(0)]);
    pairs.push(["Prices", q.messages[q.messages.length - 1]]);
    pairs.push(["Link", window.location.href]);
    return pairs;
  };

  Estimator.prototype.table = function () {
    var text = this.money.text, group = this.money.group, q = this.good.quote, change = !!this.good.scenario.current;
    var head = ["Product", "Change", "Users", "Tier", "Instances", "Each year from renewal", "Due now"];
    if (change) head.splice(2, 0, "Today");
    var self = this;
    var rows = this.rows().map(function (r) {
      var line = r.line, now = r.now;
      var shown = [r.name, r.change, group(line.users), r.tier, group(line.instances), r.annual, r.dueNow];
      if (change) shown.splice(2, 0, r.today);
      return { shown: shown,
               csv: [r.name, line.change, String(line.users), line.tier === null ? "" : String(line.tier),
                     String(line.instances), line.annual === null ? "" : text(line.annual),
                     line.due_now === null ? "" : text(line.due_now), line.status,
                     now && !now.beyond ? String(now.tier) : "", now && !now.beyond ? text(now.annual) : ""] };
    });
    var priced = q.lines.some(function (l) { return l.status === "ok"; });
    var label = q.complete || !priced ? "Total" : "Total (priced lines only)";
    var total = [label, "", "", "", "", self.total(q.annual_total), self.total(q.due_now_total)];
    if (change) total.splice(2, 0, "");
    rows.push({ shown: total,
                csv: [label, "", "", "", "", priced ? text(q.annual_total) : "", priced ? text(q.due_now_total) : "",
                      "", "", ""] });
    return { head: head, rows: rows };
  };

  /* The CSV: the table first (a header row, one row per product, the total), so
   * a reader that stops at the first empty row gets just the table; then an
   * empty row and two-column rows saying what the estimate is for. */
  Estimator.prototype.csv = function () {
    var cur = this.book.currency, t = this.table();
    var head = ["Product", "Change", "Users", "Tier", "Instances", "Annual (" + cur + ")", "Due now (" + cur + ")",
                "Status", "Tier today", "Annual today (" + cur + ")"];
    function cell(v) { return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
    var rows = [head].concat(t.rows.map(function (r) { return r.csv; }), [[]], this.context());
    return rows.map(function (r) { return r.map(cell).join(","); }).join("\r\n") + "\r\n";
  };

  Estimator.prototype.yaml = function () {
    var s = this.good.scenario, out = ["# A govcloud scenario: `govcloud quote this-file.yml` quotes it.",
                                       "customer: " + s.customer];
    function block(name, holdings) {
      var keys = Object.keys(holdings);
      if (!keys.length) { out.push(name + ": {}"); return; }
      out.push(name + ":");
      keys.forEach(function (k) {
        out.push("  " + k + ": {users: " + holdings[k].users + ", instances: " + holdings[k].instances + "}");
      });
    }
    if (s.current) block("current", s.current);
    block("proposed", s.proposed);
    if (s.current) out.push("days_remaining: " + s.days_remaining);
    return out.join("\n") + "\n";
  };

  Estimator.prototype.say = function (text) {
    var status = this.part("action-status");
    status.textContent = text + (this.part("stale").hidden ? "" : " (the last complete estimate)");
  };

  Estimator.prototype.download = function (name, type, body) {
    var url = URL.createObjectURL(new Blob([body], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };

  Estimator.prototype.act = function (action, button) {
    var self = this;
    // Using the estimate is the moment to hear about every problem left.
    if (!this.revealAll) {
      this.revealAll = true;
      this.update({ anchor: button });
    }
    // Never hand over the last good figures while the form says something else.
    if (this.read().errors.length) {
      this.say("Nothing was copied or saved: correct the problems listed at the top first.");
      return;
    }
    if (!this.good) return;
    var stem = this.good.scenario.customer + "-" + isoDate(0);
    function failed() { self.say("Copying failed: your browser did not allow it."); }
    // Browsers offer the clipboard only on secure origins (https, localhost); an
    // intranet page on plain http has none, and older browsers lack ClipboardItem.
    var clipboard = navigator.clipboard;
    if ((action === "copy-link" || action === "copy-table") && !(clipboard && clipboard.writeText)) {
      failed();
      return;
    }
    if (action === "copy-link") {
      clipboard.writeText(window.location.href).then(function () { self.say("Link copied."); }, failed);
    } else if (action === "copy-table") {
      var t = this.table(), context = this.context();
      var tsv = context.map(function (c) { return c.join("\t"); }).join("\n") + "\n\n" +
        [t.head].concat(t.rows.map(function (r) { return r.shown; }))
          .map(function (r) { return r.join("\t"); }).join("\n") + "\n";
      var holder = el("div"), table = el("table"), thead = el("tr"), body = el("tbody");
      context.forEach(function (c) {
        var p = el("p");
        p.append(el("strong", {}, c[0] + ":"), document.createTextNode(" " + c[1]));
        holder.append(p);
      });
      t.head.forEach(function (h) { thead.append(el("th", {}, h)); });
      var head = el("thead");
      head.append(thead);
      table.append(head);
      t.rows.forEach(function (r) {
        var tr = el("tr");
        r.shown.forEach(function (v) { tr.append(el("td", {}, v)); });
        body.append(tr);
      });
      table.append(body);
      holder.append(table);
      var copied = function () { self.say("Table copied."); };
      if (typeof window.ClipboardItem !== "function" || !clipboard.write) {
        clipboard.writeText(tsv).then(copied, failed);
        return;
      }
      var item = new window.ClipboardItem({
        "text/plain": new Blob([tsv], { type: "text/plain" }),
        "text/html": new Blob([holder.innerHTML], { type: "text/html" })
      });
      clipboard.write([item]).then(copied, failed);
    } else if (action === "csv") {
      this.download("govcloud-estimate-" + stem + ".csv", "text/csv", this.csv());
      this.say("CSV file downloaded.");
    } else if (action === "yaml") {
      this.download("govcloud-scenario-" + stem + ".yml", "application/yaml", this.yaml());
      this.say("Scenario file downloaded.");
    } else if (action === "print") {
      window.print();
    }
  };

  Estimator.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("input", function (event) {
      var target = event.target, id = target.id;
      if (target.type === "radio" || target === self.customer) return;   // choices: the change event updates
      // Typing in one field means the others were left: their problems may show.
      Object.keys(self.edited).forEach(function (k) { if (k !== id) self.touched[k] = true; });
      self.edited[id] = true;
      if (self.mode() === "change" && target !== self.days && target !== self.renewal) self.changeTyped = true;
      if (target === self.renewal) {
        self.touched[id] = true;   // a picked date is a finished answer
        self.renewalChanged();
      } else if (target === self.days && self.renewal.value) {
        self.renewal.value = "";
        self.renewalChanged();
      }
      self.update();
    });
    this.form.addEventListener("focusout", function (event) {
      var id = event.target.id;
      if (!self.edited[id] || self.touched[id]) return;
      self.touched[id] = true;
      self.update({ anchor: event.relatedTarget || event.target });
    });
    this.form.addEventListener("change", function (event) {
      if (event.target.name === "gc-mode" || event.target === self.customer) self.update();
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.part("error-summary").addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link) return;
      event.preventDefault();
      var input = self.root.querySelector(link.getAttribute("href"));
      if (input) { input.focus(); input.scrollIntoView({ block: "center" }); }
    });
    this.part("actions").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (button) self.act(button.getAttribute("data-action"), button);
    });
  };

  function start() {
    var root = document.getElementById("gc-estimator");
    // The price book sits in a <template>, where instant navigation leaves it alone.
    var holder = document.getElementById("govcloud-pricebook-template");
    var source = holder && holder.content.getElementById("govcloud-pricebook");
    // Other pages have no estimator; a page already set up keeps its listeners.
    if (!root || !source || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "true");
    ns.pricebook = JSON.parse(source.textContent);
    ns.estimator = new Estimator(root, ns.pricebook);
  }

  // Paper cannot unfold: print the explanations open, then fold them back as they were.
  // Registered once for the site, not per visit, and acting on the estimator on the page.
  var wasOpen = false;
  function why() { return document.querySelector('#gc-estimator [data-gc="why"]'); }
  window.addEventListener("beforeprint", function () {
    var box = why();
    if (box) { wasOpen = box.open; box.open = true; }
  });
  window.addEventListener("afterprint", function () {
    var box = why();
    if (box) box.open = wasOpen;
  });

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
