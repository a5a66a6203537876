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

  function daysUntil(isoDate) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
    if (!m) return null;
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    return Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - today) / 86400000);
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
    this.good = null;         // the last complete answers and their quote
    this.timer = null;
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
    var fields = this.addressFields(), seen = {}, notices = [], change = false, self = this;
    params.forEach(function (value, name) {
      var shown = "“" + clip(name) + (value === "" ? "" : "=" + clip(value)) + "”";
      if (name !== "customer" && !Object.prototype.hasOwnProperty.call(fields, name)) {
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
      var field = fields[name];
      if (field.change || name === "days_remaining") change = true;
      var read = readWhole(value);
      var bad = read.empty ? "it is empty" : read.problem ? "not a whole number of " + field.min + " or more"
        : read.value < field.min ? "it must be " + field.min + " or more"
        : name === "days_remaining" && read.value > self.book.term_days
          ? "a term has " + self.book.term_days + " days" : null;
      if (read.problem === "large") bad = "the number is too large";
      if (bad) notices.push("Ignored " + shown + ": " + bad + ".");
      else field.input.value = String(read.value);
    });
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
  Estimator.prototype.address = function (scenario) {
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
    }
    return params.toString();
  };

  // --- reading and checking the form -------------------------------------------

  Estimator.prototype.read = function () {
    var self = this, errors = [], term = this.book.term_days, change = this.mode() === "change";
    var contact = this.contact();
    function whole(input, what, min) {
      var r = readWhole(input.value);
      if (r.empty) return null;
      var message = r.problem === "digits" ? what + " must be written with the digits 0 to 9"
        : r.problem === "negative" ? what + " must be " + min + " or more"
        : r.problem === "large" ? what + " is too large to estimate here: ask " + contact + " for a quote"
        : r.problem ? what + " must be a whole number, like 120"
        : r.value < min ? what + " must be " + min + " or more" : null;
      if (message) { errors.push({ input: input, message: message }); return undefined; }
      return r.value;
    }
    function holding(usersInput, instancesInput, name, when) {
      var users = whole(usersInput, name + " users" + when, 1);
      var instances = whole(instancesInput, name + " instances" + when, 1);
      if (users === null && instances !== null) {
        errors.push({ input: usersInput, message: "Enter the number of " + name + " users" + when +
                      ", or clear " + name + " instances" + when });
        return undefined;
      }
      if (users === null) return null;
      if (users === undefined || instances === undefined) return undefined;
      return { users: users, instances: instances === null ? 1 : instances };
    }
    var scenario = { customer: this.customer.value, proposed: {} }, current = {}, count = 0;
    if (change && this.renewalProblem) errors.push({ input: this.renewal, message: this.renewalProblem });
    if (change) {
      var days = whole(this.days, "Days left in the term", 0);
      if (days === null && !this.renewalProblem) {
        errors.push({ input: this.days, message: "Enter the days left in the term, or the renewal date" });
      } else if (typeof days === "number" && days > term) {
        errors.push({ input: this.days, message: "Days left in the term must be " + term + " or fewer" });
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
    else {
      this.days.value = String(days);
      hint.textContent = "That is " + days + (days === 1 ? " day" : " days") + " from today.";
    }
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

  Estimator.prototype.changeWords = function (line) {
    var contact = this.contact(), book = this.book;
    var kind = { new: "New subscription", upgrade: "Upgrade", downgrade: "Downgrade",
                 instances_only: "Instances", unchanged: "No change", cancel: "Cancelled" }[line.change];
    if (line.status !== "ok") return kind + ": beyond the price book, ask " + contact + " for a quote";
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

  Estimator.prototype.rows = function () {
    // One row per line, as text: shared by the page, the copied table and the CSV.
    var self = this, show = this.money.show, group = this.money.group, q = this.good.quote;
    var names = {};
    this.book.products.forEach(function (p) { names[p.key] = p.name; });
    return q.lines.map(function (line) {
      var ok = line.status === "ok", ask = "Ask " + q.contact;
      return {
        line: line, name: names[line.product], change: self.changeWords(line),
        tier: line.tier === null ? (ok ? "None" : ask) : group(line.tier) + " users",
        annual: ok ? show(line.annual) : ask, dueNow: ok ? show(line.due_now) : ask
      };
    });
  };

  Estimator.prototype.render = function () {
    var self = this, q = this.good.quote, show = this.money.show, group = this.money.group;
    var body = this.part("lines");
    body.replaceChildren();
    this.rows().forEach(function (row) {
      var line = row.line, key = line.product, tr = el("tr");
      tr.append(el("th", { scope: "row" }, row.name));
      var change = el("td", { "data-label": "Change" });
      change.append(el("span", { "data-testid": "change-" + key, "data-value": line.change }, row.change));
      if (line.status === "ok" && line.change !== "cancel" && line.change !== "instances_only") {
        change.append(el("span", { class: "gc-aside" }, line.instances + " of " + self.book.max_instances +
                         " instances, no extra cost"));
      }
      tr.append(change);
      var tier = el("td", { "data-label": "Tier" });
      tier.append(el("span", { "data-testid": "tier-" + key, "data-value": line.tier === null ? "" : String(line.tier) },
                     row.tier));
      if (line.tier !== null) {
        tier.append(el("span", { class: "gc-aside" }, group(line.users) + " users: the " + group(line.tier) +
                         "-user tier, the smallest that covers them"));
      } else if (line.status !== "ok") {
        tier.append(el("span", { class: "gc-aside" }, self.good.notes[key][0]));
      }
      tr.append(tier);
      [["annual", "Each year from renewal", row.annual], ["due-now", "Due now", row.dueNow]].forEach(function (c) {
        var td = el("td", { class: "gc-num", "data-label": c[1] });
        td.append(el("span", { "data-testid": c[0] + "-" + key }, c[2]));
        tr.append(td);
      });
      body.append(tr);
    });
    this.root.querySelector('[data-testid="annual-total"]').textContent = show(q.annual_total);
    this.root.querySelector('[data-testid="due-now-total"]').textContent = show(q.due_now_total);
    var incomplete = this.part("incomplete");
    incomplete.textContent = q.complete ? "" : "Incomplete: the totals leave out the lines marked “Ask " +
      q.contact + "”, which " + q.contact + " quotes.";
    incomplete.hidden = q.complete;
    var list = this.part("messages");
    list.replaceChildren();
    q.messages.forEach(function (m) { list.append(el("li", {}, m)); });
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
    var state = this.read(), errors = state.errors, valid = errors.length === 0 && !state.empty;
    this.root.setAttribute("data-mode", this.mode());
    this.showErrors(errors);
    this.showContact();
    if (valid) {
      var explained = ns.explain(this.book, state.scenario);
      this.good = { scenario: state.scenario, quote: explained, notes: explained.notes };
      this.render();
      var query = this.address(state.scenario);
      var url = window.location.pathname + "?" + query + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        // Material keeps its scroll position in the history state: keep it.
        window.history.replaceState(window.history.state, "", url);
      }
      this.part("print-link").textContent = window.location.href;
    } else if (state.empty && errors.length === 0) {
      this.good = null;
    }
    var showing = this.good !== null;
    this.part("table-wrap").hidden = !showing;
    this.part("actions").hidden = !showing;
    this.part("messages").hidden = !showing;
    this.part("empty").hidden = showing;
    if (!showing) this.part("incomplete").hidden = true;
    var stale = showing && !valid;
    this.part("stale").hidden = !stale;
    this.part("results").classList.toggle("gc-results--stale", stale);
    if (options && options.announce === false) return;
    this.announceLater(errors, valid);
  };

  Estimator.prototype.announceLater = function (errors, valid) {
    var self = this, show = this.money.show;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      if (!self.root.isConnected) return;
      var q = self.good && self.good.quote, text;
      if (errors.length) {
        text = "There " + (errors.length === 1 ? "is 1 problem" : "are " + errors.length + " problems") +
          " to fix" + (q ? "; the figures shown are out of date." : ".");
      } else if (valid && q) {
        text = "Estimate updated: " + show(q.due_now_total) + " due now, " + show(q.annual_total) +
          " each year from renewal" + (q.complete ? "." : "; incomplete, ask " + q.contact + " for the rest.");
      } else {
        text = "";
      }
      self.part("live").textContent = text;
    }, ANNOUNCE_AFTER_MS);
  };

  // --- taking the estimate away -----------------------------------------------------

  Estimator.prototype.table = function () {
    var text = this.money.text, show = this.money.show, q = this.good.quote;
    var head = ["Product", "Change", "Users", "Tier", "Instances", "Each year from renewal", "Due now"];
    var rows = this.rows().map(function (r) {
      var line = r.line;
      return { shown: [r.name, r.change, String(line.users), r.tier, String(line.instances), r.annual, r.dueNow],
               csv: [r.name, line.change, String(line.users), line.tier === null ? "" : String(line.tier),
                     String(line.instances), line.annual === null ? "" : text(line.annual),
                     line.due_now === null ? "" : text(line.due_now), line.status] };
    });
    var label = q.complete ? "Total" : "Total (priced lines only)";
    rows.push({ shown: [label, "", "", "", "", show(q.annual_total), show(q.due_now_total)],
                csv: [label, "", "", "", "", text(q.annual_total), text(q.due_now_total), ""] });
    return { head: head, rows: rows };
  };

  Estimator.prototype.csv = function () {
    var cur = this.book.currency, t = this.table();
    var head = ["Product", "Change", "Users", "Tier", "Instances", "Annual (" + cur + ")", "Due now (" + cur + ")",
                "Status"];
    function cell(v) { return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
    return [head].concat(t.rows.map(function (r) { return r.csv; }))
      .map(function (r) { return r.map(cell).join(","); }).join("\r\n") + "\r\n";
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

  Estimator.prototype.act = function (action) {
    var self = this;
    if (!this.good) return;
    function failed() { self.say("Copying failed: your browser did not allow it."); }
    if (action === "copy-link") {
      navigator.clipboard.writeText(window.location.href).then(function () { self.say("Link copied."); }, failed);
    } else if (action === "copy-table") {
      var t = this.table(), tsv = [t.head].concat(t.rows.map(function (r) { return r.shown; }))
        .map(function (r) { return r.join("\t"); }).join("\n") + "\n";
      var table = el("table"), thead = el("tr"), body = el("tbody");
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
      var item = new ClipboardItem({
        "text/plain": new Blob([tsv], { type: "text/plain" }),
        "text/html": new Blob([table.outerHTML], { type: "text/html" })
      });
      navigator.clipboard.write([item]).then(function () { self.say("Table copied."); }, failed);
    } else if (action === "csv") {
      this.download("govcloud-estimate.csv", "text/csv", this.csv());
      this.say("CSV file downloaded.");
    } else if (action === "yaml") {
      this.download("govcloud-scenario.yml", "application/yaml", this.yaml());
      this.say("Scenario file downloaded.");
    } else if (action === "print") {
      window.print();
    }
  };

  Estimator.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("input", function (event) {
      if (event.target === self.renewal) self.renewalChanged();
      else if (event.target === self.days && self.renewal.value) {
        self.renewal.value = "";
        self.renewalChanged();
      }
      self.update();
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
      if (button) self.act(button.getAttribute("data-action"));
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

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
