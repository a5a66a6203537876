/* Options side by side on the estimator page (docs/architecture.md, "The estimator"). The
 * form's products are option 1; options 2 and 3 each get their own proposal's
 * fields, cloned from the page's <template> (words from the build), against
 * the same customer, holdings and days. The page (page.js) asks this object to
 * restore the address, to read the options with the answers, to extend the
 * address and to show the side-by-side table. */
import { readAnswers } from "./validate.js";
import { fieldIds } from "./fields.js";
import { isOptionParam, readOptions, writeOptions, nameProblem, trimName } from "./options-address.js";
import { comparison } from "./compare.js";
import { el, renderDetail } from "./dom.js";
import { roomSentences } from "./ladder.js";

const TOKEN = "optN";

export class Options {
  constructor(est) {
    this.est = est;
    this.book = est.book;
    this.list = est.part("option-list");
    this.adder = est.part("option-add");
    this.template = est.root.querySelector("#gc-option-template");
    this.name1 = est.root.querySelector("#gc-opt1-name");
    this.name1.value = this.defaultName(1);
    this.views = null;    // each option's view, option 1 first, while two or more are shown
    this.names = null;
    this.adder.addEventListener("click", () => this.add());
    this.list.addEventListener("click", (e) => {
      const button = e.target.closest("[data-option-remove]");
      if (button) this.remove(button.closest("fieldset"));
    });
    this.list.addEventListener("change", (e) => {
      if (!e.target.hasAttribute("data-option-cancel")) return;
      this.setCancelled(e.target);
      est.changeTyped = true;
      est.update({ anchor: e.target });
    });
    est.form.addEventListener("input", (e) => { if (/^gc-opt[0-9]-name$/.test(e.target.id)) this.legends(); });
  }

  word(path, values) { return this.est.ns.word(this.book, path, values); }
  defaultName(n) { return this.word("options.default_name", { n }); }
  sets() { return Array.from(this.list.children); }
  count() { return 1 + this.list.children.length; }
  input(set, id) { return set.querySelector("#gc-" + set.getAttribute("data-option") + "-" + id); }

  // A later option's fieldset, its ids, labels and hooks numbered `opt<n>`.
  make() {
    const set = this.template.content.firstElementChild.cloneNode(true);
    this.number(set, this.count() + 1);
    return set;
  }

  number(set, n) {
    const was = set.getAttribute("data-option"), now = "opt" + n;
    for (const node of [set, ...set.querySelectorAll("*")]) {
      for (const a of ["id", "for", "name", "aria-describedby", "aria-labelledby", "data-testid", "data-gc-field"]) {
        const v = node.getAttribute(a);
        if (v && v.includes(was)) node.setAttribute(a, v.split(was).join(now));
      }
    }
    set.setAttribute("data-option", now);
  }

  setCancelled(box) {
    const set = box.closest("fieldset"), key = box.getAttribute("data-option-cancel");
    for (const id of ["users-" + key, "instances-" + key]) this.input(set, id).disabled = box.checked;
  }

  legends() {
    this.sets().forEach((set, i) => {
      // A name too long to be valid (a hostile link) is shown cut, not in full.
      const most = this.book.option_names.most, label = this.defaultName(i + 2);
      let name = trimName(this.input(set, "name").value, this.book.option_names);
      if (name.length > most) name = name.slice(0, most) + "…";
      set.querySelector("legend").textContent = name && name !== label ? this.word("estimator_form.option_part", { option: label, text: name }) : label;
    });
  }

  sync() {
    this.est.part("option1").hidden = this.count() < 2;
    this.adder.hidden = this.count() >= this.book.option_names.most_options;
    this.legends();
  }

  say(path, name) {
    window.clearTimeout(this.est.timer);
    this.est.part("live").textContent = this.word(path, { name, count: this.count() });
  }

  // The address: option 1's parameters go to address.js; the options' are read here.
  restore(params) {
    const base = [], extra = [];
    for (const pair of params) (isOptionParam(pair[0]) ? extra : base).push(pair);
    const read = readOptions(extra, this.book, this.est.ns), held = new Set(base.map(([n]) => n));
    if (read.first !== null && read.options.length) this.name1.value = read.first;
    for (const o of read.options.slice(0, this.book.option_names.most_options - 1)) {
      const set = this.make();
      this.list.append(set);
      this.input(set, "name").value = o.name === null ? this.defaultName(this.count()) : o.name;
      for (const p of this.book.products) {
        this.input(set, "users-" + p.key).value = o.values.get(p.key) || "";
        this.input(set, "instances-" + p.key).value = o.values.get(p.key + ".instances") || "";
        // Held today and not named: cancelled, as in a scenario file.
        const box = this.input(set, "cancel-" + p.key);
        box.checked = held.has("current." + p.key) && !o.values.has(p.key) && !o.values.has(p.key + ".instances");
        this.setCancelled(box);
      }
      for (const i of set.querySelectorAll("input")) this.est.touched.add(i.id);   // a link's answers are given
    }
    if (read.options.length) this.est.touched.add(this.name1.id);
    this.sync();
    return { base, notices: read.notices };
  }

  add() {
    if (this.count() >= this.book.option_names.most_options) return;
    const set = this.make(), est = this.est, names = this.allNames();
    this.list.append(set);
    let n = this.count(), name = this.defaultName(n);
    while (names.includes(name)) name = this.defaultName(++n);
    this.input(set, "name").value = name;
    // A change's option starts from today's holdings, not from option 1's edits (each option is
    // another proposal for the same subscriptions); a first purchase holds nothing today, so its
    // option starts as a copy of option 1: change one thing and compare.
    const change = est.mode() === "change";
    for (const p of this.book.products) {
      const ids = fieldIds(p.key), box = this.input(set, "cancel-" + p.key);
      const from = change ? [ids.currentUsers, ids.currentInstances] : [ids.users, ids.instances];
      this.input(set, "users-" + p.key).value = est.inputs.get(from[0]).value;
      this.input(set, "instances-" + p.key).value = est.inputs.get(from[1]).value;
      box.checked = !change && est.cancels.get(p.key).checked;
      this.setCancelled(box);
    }
    this.sync();
    est.update({ announce: false });
    this.input(set, "name").focus();
    this.say("options.added", name);
  }

  remove(set) {
    const sets = this.sets(), at = sets.indexOf(set), name = this.input(set, "name").value;
    set.remove();
    this.sets().forEach((s, i) => this.number(s, i + 2));
    this.sync();
    this.est.update({ announce: false });
    // Focus goes to the option that took its place, else the one before it, else the add button.
    const rest = this.sets(), next = rest[at] || rest[at - 1];
    (next ? this.input(next, "name") : this.count() > 1 ? this.name1 : this.adder).focus();
    this.say("options.removed", name);
  }

  allNames() {
    return [this.name1.value].concat(this.sets().map((s) => this.input(s, "name").value));
  }

  /* The page's reading (validate.js's state) with the options: each later
   * option read as a scenario against the same answers, its problems on its
   * own fields, and the names checked as govcloud quote checks them. */
  read(state, answers, needsDays) {
    if (this.count() < 2) return state;
    const book = this.book, ns = this.est.ns, names = this.allNames(), errors = state.errors.slice();
    const trim = (name) => trimName(name, book.option_names);
    const options = [{ name: trim(names[0]), scenario: state.scenario }];
    const nameError = (id, n) => {
      const wrong = nameProblem(names[n - 1], book, names.filter((_, i) => i < n - 1));
      if (wrong) errors.push({ id, when: id, message: ns.word(book, "problems.field", {
        what: this.word("estimator_form.option_name", { n }), problem: ns.word(book, wrong[0], wrong[1]) }) });
    };
    nameError(this.name1.id, 1);
    this.sets().forEach((set, i) => {
      const n = i + 2, label = this.defaultName(n), values = new Map(answers.values), cancelled = new Set(), map = new Map();
      // This option's own cancel boxes, named as they are labelled.
      const cancelLabel = (key) => this.input(set, "cancel-" + key).labels[0].textContent;
      nameError(this.input(set, "name").id, n);
      for (const p of book.products) {
        const ids = fieldIds(p.key);
        for (const [k, id] of [["users", ids.users], ["instances", ids.instances], ["cancel", ids.cancel]]) {
          const mine = this.input(set, k + "-" + p.key);
          map.set(id, mine.id);
          if (k !== "cancel") values.set(id, mine.value);
          else if (mine.checked) cancelled.add(p.key);
        }
      }
      const part = (text) => this.word("estimator_form.option_part", { option: label, text });
      const named = Object.assign({}, book, { products: book.products.map((p) => Object.assign({}, p, { name: part(p.name) })) });
      const r = readAnswers(Object.assign({}, answers, { values, cancelled, cancelLabel }), named, ns, needsDays);
      for (const e of r.errors) {
        if (map.has(e.id)) errors.push({ id: map.get(e.id), message: e.message, when: map.get(e.when) || e.when });
        else if (!errors.some((x) => x.id === e.id && x.message === e.message) && e.id === "gc-days-remaining") errors.push(e);
      }
      if (r.empty && !r.errors.length) {
        const id = map.get(fieldIds(book.products[0].key).users);
        errors.push({ id, when: id, message: part(ns.word(book, "problems.no_product")) });
      }
      options.push({ name: trim(names[n - 1]), scenario: r.scenario });
    });
    return Object.assign({}, state, { errors, options });
  }

  // A figure's "to confirm" mark: a numbered link to each unconfirmed rule it rests on.
  marker(keys, used, base) {
    const box = el("span", { class: "gc-confirm" }, this.word("assumptions.marker"));
    for (const key of keys) {
      const link = el("a", { href: base + key }, "[" + (used.indexOf(key) + 1) + "]");
      link.append(el("span", { class: "gc-visually-hidden" }, " " + this.book.rules[key].title));
      box.append(" ", link);
    }
    return box;
  }

  // The address's options part ("" for one option: old links stay as they were).
  query(state) {
    const extra = state.options ? writeOptions(state.options.map((o) => ({ name: o.name, proposed: o.scenario.proposed }))) : null;
    return extra && extra.toString() ? "&" + extra.toString() : "";
  }

  /* After an update: `state` the reading when it was complete (else null: the
   * last table stays, marked out of date by the page), viewOf(scenario) a view. */
  show(state, viewOf) {
    const box = this.est.part("compare"), details = this.est.part("option-details");
    if (this.count() < 2) {
      this.views = this.names = null;
      box.hidden = details.hidden = true;
      details.replaceChildren();
      return;
    }
    if (!state || !state.options) { box.hidden = details.hidden = this.views === null || this.est.good === null; return; }
    this.names = state.options.map((o) => o.name);
    this.views = state.options.map((o, i) => (i === 0 ? this.est.good : viewOf(o.scenario)));
    const c = comparison(this.views, this.names), part = this.est.part;
    part("compare-title").textContent = c.title;
    part("details").textContent = this.word("options.details", { name: this.names[0] });
    // "To confirm" marks, numbered across the options in order of first use (as govcloud quote does).
    const used = [...new Set(c.rows.flatMap((r) => r.cells.flatMap((x) => x.assumptions)))];
    const base = this.est.root.getAttribute("data-rules-href"), rules = this.book.rules;
    part("compare-notes").replaceChildren(...used.map((key, i) => {
      const li = el("li");
      li.append(el("a", { href: base + key }, this.word("assumptions.footnote", {
        n: i + 1, title: rules[key].title, summary: rules[key].summary })));
      return li;
    }));
    part("compare-notes").hidden = used.length === 0;
    const head = el("tr");
    head.append(el("td"), ...this.names.map((n) => el("th", { scope: "col", class: "gc-num" }, n)));
    part("compare-head").replaceChildren(head);
    part("compare-lines").replaceChildren(...c.rows.map((r) => {
      const tr = el("tr", { class: r.sub ? "gc-sub" : "" });
      tr.append(el("th", { scope: "row" }, r.label));
      r.cells.forEach((cell, i) => {
        const td = el("td", { class: "gc-num", "data-label": this.names[i] });
        if (r.hook) td.append(el("span", { "data-testid": "opt" + (i + 1) + "-" + r.hook, "data-value": cell.value || "" }, cell.text));
        if (r.hook && cell.assumptions.length) td.append(" ", this.marker(cell.assumptions, used, base));
        tr.append(td);
      });
      return tr;
    }));
    details.replaceChildren(...this.views.slice(1).map((v, i) => this.detail(v, i + 2)));
    box.hidden = details.hidden = false;
  }

  /* A later option's detail: a copy of option 1's (its table, bills, notes and explanation) under
   * the option's name, with its own ids and hooks (`opt<n>-detail-…`), and its room in the tier. */
  detail(view, n) {
    const prefix = "opt" + n + "-detail-", id = (name) => prefix + name;
    const copy = this.est.part("detail").cloneNode(true);
    for (const node of copy.querySelectorAll("[id], [data-testid], [aria-labelledby]")) {
      for (const a of ["id", "data-testid", "aria-labelledby"]) {
        if (node.hasAttribute(a)) node.setAttribute(a, id(node.getAttribute(a)));
      }
    }
    // Its headings one level under the option's name.
    for (const h of copy.querySelectorAll("h3")) {
      const lower = el("h4");
      for (const a of h.attributes) lower.setAttribute(a.name, a.value);
      lower.append(...h.childNodes);
      h.replaceWith(lower);
    }
    for (const name of ["table-wrap", "why"]) copy.querySelector('[data-gc="' + name + '"]').hidden = false;
    renderDetail(copy, view, this.est.root.getAttribute("data-rules-href"), id);
    const title = el("h3", { id: id("title") }, this.word("options.details", { name: this.names[n - 1] }));
    const section = el("section", { class: "gc-option-detail", "aria-labelledby": id("title"), "data-testid": "opt" + n + "-detail" });
    section.append(title, copy);
    const room = roomSentences(view);
    if (room.length) {
      const list = el("ul", { class: "gc-ladder-where" });
      list.append(...room.map((text) => el("li", {}, text)));
      section.append(el("h4", {}, this.word("room.title")), list);
    }
    return section;
  }
}
