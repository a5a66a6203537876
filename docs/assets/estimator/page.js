/* The estimator on its page: the form's state, its events and one update per
 * change (read, check, quote, write the address, show). Words and figures come
 * from the pure modules and the price book; this file wires them to the DOM. */
import { readAddress, writeAddress, bounded } from "./address.js";
import { fieldIds, setCancelled } from "./fields.js";
import { readAnswers, checkRenewal, checkDate } from "./validate.js";
import { fromDay, isoDate } from "./numbers.js";
import { makeView, announcement, summaryFigures, summaryStatus, priceNote } from "./view.js";
import { el, parts, hook, showErrors, showNotices, renderResults } from "./dom.js";
import { usersChecks } from "./users-checks.js";
import { markLadder } from "./ladder.js";

export { ladderSettled } from "./ladder.js";   // main.js: ready once the tier charts are in
import { idle } from "./options-start.js";

// The action buttons' code (copies, files, print; with exports.js) loads when the
// actions are first approached: a visit that only reads figures never fetches it.
const actions = () => import("./actions.js");

const ANNOUNCE_AFTER_MS = 800;   // one polite announcement once typing pauses

export class Estimator {
  constructor(root, ns, Options = null) {
    this.root = root;
    this.ns = ns;
    this.book = ns.pricebook;
    this.words = (path, values) => ns.word(this.book, path, values);   // the price book's words, filled
    this.part = parts(root);
    this.form = this.part("form");
    this.customer = root.querySelector("#gc-customer");
    this.days = root.querySelector("#gc-days-remaining");
    this.renewal = root.querySelector("#gc-renewal");
    this.date = root.querySelector("#gc-date");   // the date of the change (D)
    this.inputs = new Map(Array.from(this.form.querySelectorAll("input.gc-input"), (i) => [i.id, i]));
    this.cancels = new Map(this.book.products.map((p) => [p.key, root.querySelector("#" + fieldIds(p.key).cancel)]));
    this.good = null;         // the view of the last complete answers
    this.timer = null;
    // A problem is reported only once its field was touched: typed in and left,
    // or, for the missing days, once another answer of the change was typed;
    // an export button reports them all. Switching mode reports nothing.
    this.edited = new Set();
    this.touched = new Set();
    this.changeTyped = false;
    this.revealAll = false;
    // Fields typed in on this visit: any other that holds a value was filled for the person
    // (today's users copied, the link's answers, today's date), and a click selects it all.
    this.typed = new Set();
    this.selectOnClick = null;
    this.renewalProblem = null;
    this.renewalDate = null;   // the renewal field's date as YYYY-MM-DD, when it is one
    this.dateCheck = { date: null, problem: null };
    this.options = Options ? new Options(this) : idle(this);   // options 2 and 3 (options.js), loaded when used
    this.restore(new URLSearchParams(window.location.search));
    this.listen();
    this.update({ announce: false });
  }

  customers() {
    return Array.from(this.customer.options, (o) => o.value);
  }

  mode() {
    return this.root.querySelector("#gc-mode-change").checked ? "change" : "new";
  }

  setMode(mode) {
    this.root.querySelector("#gc-mode-" + mode).checked = true;
    this.root.setAttribute("data-mode", mode);
  }

  restore(params) {
    const extra = this.options.restore(params);
    const read = readAddress(extra.base, this.book, this.ns, this.customers());
    if (read.customer) this.customer.value = read.customer;
    for (const [id, value] of read.values) { this.inputs.get(id).value = value; this.edited.add(id); }
    for (const id of read.given) this.touched.add(id);
    for (const key of read.cancelled) setCancelled(key, true);
    // No date in the link (or none usable): the estimate is for today, where the reader is, when the
    // field is empty or holds the day filled in for them (which may have passed: a page left open
    // overnight). A date typed before this code came, or before the page's first script ran, stands.
    if (!read.date && !this.edited.has(this.date.id) && [this.date.dataset.today, ""].includes(this.date.value)) {
      this.date.value = this.today();
    }
    this.dateChanged();
    if (read.renewal) {
      this.renewal.value = read.renewal.date;
      this.renewalChanged();
    }
    if (read.change) this.changeTyped = true;
    // A choice made before the page answered (a slow start) stands unless the address says otherwise.
    this.setMode(read.change ? "change" : this.mode());
    showNotices(this.part("address-notice"), bounded(read.all.concat(extra.notices), this.book, this.ns), this.words,
                read.notes);
  }

  cancelled() {
    return new Set(Array.from(this.cancels).filter(([, box]) => box.checked).map(([key]) => key));
  }

  // In a change the "after" fields start from today's values, until the person types in them; never
  // under the caret of a field the person is in (events replayed when the code arrives came late).
  mirror(target) {
    for (const p of this.book.products) {
      const ids = fieldIds(p.key);
      const pairs = [[ids.currentUsers, ids.users], [ids.currentInstances, ids.instances]];
      for (const [from, to] of pairs) {
        const field = this.inputs.get(to);
        if (target.id === from && !this.edited.has(to) && field !== document.activeElement) field.value = target.value;
      }
    }
  }

  // The reader's date today, as YYYY-MM-DD (read each time: a page left open overnight moves on).
  today() {
    return isoDate(0, new Date());
  }

  // The date of the change: the renewal date's days count from it.
  dateChanged() {
    this.dateCheck = checkDate(this.date.value, this.book, this.ns, this.today());
    if (this.renewal.value) this.renewalChanged();
  }

  renewalChanged() {
    const hint = this.root.querySelector("#gc-renewal-hint .gc-hint-text"), D = this.dateCheck.date;
    const checked = checkRenewal(this.renewal.value, this.book, this.ns, D);
    this.renewalProblem = checked.problem;
    this.renewalDate = checked.problem ? null : checked.date || null;
    hint.textContent = this.words("estimator_form.renewal_hint");
    if (!this.renewal.value || !D) return;
    // The date is now the answer: whatever the days field held is replaced, so its old problem goes.
    this.days.value = checked.problem ? "" : String(checked.days);
    if (!checked.problem) {
      hint.textContent = this.words("estimator_form.renewal_days",
                                    { when: fromDay(checked.days, D === this.today(), this.book, this.ns) });
    }
  }

  read() {
    const values = new Map(Array.from(this.inputs, ([id, input]) => [id, input.value]));
    const book = this.book, ns = this.ns;
    // Only an upgrade needs the days left: ask the calculation what each line is.
    const needsDays = (s) => ns.explain(book, Object.assign({}, s, { days_remaining: 0 }))
      .lines.some((l) => l.change === "upgrade");
    const answers = { values, customer: this.customer.value, change: this.mode() === "change",
                      date: this.dateCheck.date, dateProblem: this.dateCheck.problem,
                      renewalProblem: this.renewalProblem, cancelled: this.cancelled(),
                      cancelLabel: (key) => this.cancels.get(key).labels[0].textContent };
    return this.options.read(readAnswers(answers, book, ns, needsDays), answers, needsDays);
  }

  // The problems to report now: those whose field was touched (see the constructor).
  reported(errors) {
    return errors.filter((e) => this.revealAll || this.touched.has(e.id) ||
      (e.when === "change" ? this.changeTyped : this.touched.has(e.when)));
  }

  showContact() {
    const kind = this.customer.value;
    this.part("contact").textContent = this.book.contacts[kind];
    this.part("who").textContent = this.customer.options[this.customer.selectedIndex].text;
    for (const box of this.root.querySelectorAll(".gc-contact")) box.hidden = box.getAttribute("data-customer") !== kind;
    this.part("illustrative").textContent = priceNote(this.book, this.ns, kind);
  }

  // Links into the page keep the query: a click, a new tab or a copy keeps the estimate.
  keepLinks() {
    const here = window.location.pathname + window.location.search;
    for (const link of this.root.querySelectorAll("a[data-gc-target]")) {
      link.setAttribute("href", here + "#" + link.getAttribute("data-gc-target"));
    }
  }

  update(options = {}) {
    // Keep the field in use where it is on screen while messages come and go above it.
    let anchor = options.anchor || document.activeElement;
    if (!anchor || !this.root.contains(anchor)) anchor = null;
    const before = anchor && anchor.getBoundingClientRect().top;
    const state = this.read(), errors = state.errors, valid = errors.length === 0 && !state.empty;
    const shown = this.reported(errors);
    this.root.setAttribute("data-mode", this.mode());
    showErrors(this.root, shown, this.words);
    this.showChecks();
    this.showContact();
    if (valid) {
      const s = state.scenario;
      // The renewal date typed, else none: the address works it out from the days (address.js).
      const renewal = s.current && this.renewalDate ? this.renewalDate : null;
      const url = window.location.pathname + "?" + writeAddress(s, renewal) + this.options.query(state) + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        // Material keeps its scroll position in the history state: keep it.
        window.history.replaceState(window.history.state, "", url);
      }
      // After the address, which the printed context carries.
      const viewOf = (scenario) => makeView({ book: this.book, ns: this.ns, scenario,
        quote: this.ns.explain(this.book, scenario), who: this.customer.options[this.customer.selectedIndex].text,
        renewal, href: window.location.href, now: new Date() });
      this.good = viewOf(s);
      renderResults(this.root, this.good);
      this.options.show(state, viewOf);
    } else if (state.empty && errors.length === 0) {
      this.good = null;
    }
    if (!valid) this.options.show(null);
    this.keepLinks();
    const showing = this.good !== null;
    // The summary bar follows the window once it has something to follow: before the first answer it
    // stays after the form, not over the form's first fields (on a phone, the window ends near them).
    if (showing || !state.empty || shown.length) this.root.setAttribute("data-answered", "");
    // The tier ladder below the estimator marks today and the estimate (with options, the one chosen there).
    markLadder(this.good, this.options.views ? { views: this.options.views, names: this.options.names } : null);
    for (const name of ["table-wrap", "actions", "why"]) this.part(name).hidden = !showing;
    if (!showing) for (const name of ["bills", "dated", "dated-passed"]) this.part(name).hidden = true;
    const empty = this.part("empty");
    empty.hidden = showing;
    empty.textContent = summaryStatus(this.words, null, false, shown.length > 0, !state.empty);
    if (!showing) this.part("incomplete").hidden = true;
    const stale = showing && !valid, note = this.part("stale");
    note.textContent = this.words("estimator_status.stale_note",
                                  { next: this.words("estimator_status." + (shown.length ? "next_fix" : "next_finish")) });
    note.hidden = !stale;
    this.part("results").classList.toggle("gc-results--stale", stale);
    this.summarize(stale, shown.length > 0, !state.empty);
    if (anchor) {
      const moved = anchor.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
    if (options.announce !== false) this.announceLater(shown.length, valid);
  }

  /* A second look beside a users field whose number looks like a slip (users-checks.js): shown
   * as the person types, read with the field (aria-describedby), never blocking the estimate. */
  showChecks() {
    const values = new Map(Array.from(this.inputs, ([id, input]) => [id, input.value]));
    const checks = usersChecks({ values, change: this.mode() === "change", cancelled: this.cancelled() },
                               this.book, this.ns);
    for (const p of this.book.products) {
      const ids = fieldIds(p.key);
      for (const id of [ids.currentUsers, ids.users]) {
        const input = this.inputs.get(id), checkId = id + "-check", text = checks.get(id);
        let note = this.root.querySelector("#" + checkId);
        if (!text && !note) continue;
        if (!note) {
          note = el("p", { class: "gc-hint", id: checkId,
                           "data-testid": input.getAttribute("data-testid") + "-check" });
          input.after(note);
        }
        note.textContent = text || "";
        note.hidden = !text;
        const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((d) => d && d !== checkId);
        if (text) described.push(checkId);
        input.setAttribute("aria-describedby", described.join(" "));
      }
    }
  }

  // The compact summary that stays in sight while the form is in use.
  summarize(stale, shownErrors, entered) {
    const view = this.good, status = hook(this.root, "summary-status");
    this.part("summary-figures").hidden = !view;
    this.part("summary-link").hidden = !view;
    if (view) {
      const f = summaryFigures(view);
      hook(this.root, "summary-due-now").textContent = f.dueNow;
      hook(this.root, "summary-first-year").textContent = f.firstYear;
    }
    status.textContent = summaryStatus(this.words, view, stale, shownErrors, entered);
    status.hidden = status.textContent === "";
  }

  /* The form's button (or Enter in a field): the figures are already up to date, so it shows
   * every problem left and moves to the summary of them, or else to the estimate. */
  submit() {
    this.revealAll = true;
    this.update({ announce: false });
    const summary = this.part("error-summary");
    const target = !summary.hidden ? summary : this.good ? this.root.querySelector("#gc-results-title") : null;
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }

  announceLater(problems, valid) {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      if (this.root.isConnected) this.part("live").textContent = announcement(this.words, this.good, problems, valid);
    }, ANNOUNCE_AFTER_MS);
  }

  listen() {
    this.form.addEventListener("input", (event) => {
      const target = event.target, id = target.id;
      if (target.type === "radio" || target.type === "checkbox" || target === this.customer) return;   // choices: see "change"
      // Typing in one field means the others were left: their problems may show.
      for (const k of this.edited) if (k !== id) this.touched.add(k);
      this.edited.add(id);
      this.typed.add(id);
      if (this.mode() === "change" && ![this.days, this.renewal, this.date].includes(target)) this.changeTyped = true;
      this.mirror(target);
      if (target === this.date) {
        this.dateChanged();
      } else if (target === this.renewal) {
        this.renewalChanged();
      } else if (target === this.days && this.renewal.value) {
        this.renewal.value = "";
        this.renewalChanged();
      }
      this.update();
    });
    this.form.addEventListener("focusout", (event) => {
      const id = event.target.id;
      if (!this.edited.has(id) || this.touched.has(id)) return;
      this.touched.add(id);
      this.update({ anchor: event.relatedTarget || event.target });
    });
    this.form.addEventListener("change", (event) => {
      const target = event.target;
      if (target.type === "checkbox" && target.hasAttribute("data-product")) {
        setCancelled(target.getAttribute("data-product"), target.checked);
        this.changeTyped = true;
        this.update({ anchor: target });
      } else if (target.name === "gc-mode" || target === this.customer) this.update();
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    /* A click or tap into a field filled for the person selects its value, as Tab does, so that
     * typing replaces it (a caret after "480" made 520 into 480520). Only the click that focuses
     * the field, and not one that drags a selection: the next click places the caret to edit. */
    this.form.addEventListener("pointerdown", (event) => {
      const t = event.target;
      this.selectOnClick = t.matches && t.matches("input.gc-input") && t !== document.activeElement &&
        t.value !== "" && !this.typed.has(t.id) ? t : null;
    }, true);
    this.form.addEventListener("click", (event) => {
      const t = this.selectOnClick;
      this.selectOnClick = null;
      if (t && event.target === t && t.selectionStart === t.selectionEnd) t.select();
    });
    // In-page links move focus here, before instant navigation can turn them into a reload.
    this.root.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("a[data-gc-target]");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = this.root.querySelector("#" + link.getAttribute("data-gc-target"));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: target.matches("input, select") ? "center" : "start" });
    });
    const box = this.part("actions");
    for (const warm of ["pointerover", "focusin"]) box.addEventListener(warm, actions, { once: true });
    box.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (button) actions().then((m) => m.act(this, button.getAttribute("data-action"), button));
    });
  }
}
