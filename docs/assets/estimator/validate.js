/* Reading the form's answers into a scenario, with one problem per field that
 * needs fixing, worded by the price book's vocabulary (the CLI's words for
 * files). Pure: it sees the answers as a Map from field id to text. */
import { readTyped, readDate, halfWidth, daysBetween } from "./numbers.js";
import { fieldIds } from "./fields.js";

// The fields in the order the form shows them, which is the order problems are listed in.
export function fieldOrder(book) {
  const order = ["gc-date", "gc-days-remaining", "gc-renewal"];
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    order.push(ids.currentUsers, ids.currentInstances, ids.cancel, ids.users, ids.instances);
  }
  return order;
}

// "{what} {problem}", as the form shows a problem next to its field.
function problem(book, ns, what, path, values) {
  return ns.word(book, "problems.field", { what, problem: ns.word(book, "problems." + path, values) });
}

/* The date of the change (D): the field's date, today's (`today`, YYYY-MM-DD) when it is
 * empty, or what is wrong with it. A past date is allowed: an estimate for that day. */
export function checkDate(value, book, ns, today) {
  const read = readDate(halfWidth(value));
  if (read.empty) return { date: today, problem: null };
  if (read.problem) return { date: null, problem: problem(book, ns, ns.word(book, "estimator_form.date"), "renewal_not_date") };
  return { date: read.value, problem: null };
}

// The renewal date field: the days it gives from the date of the change (D), or what is wrong with it.
export function checkRenewal(value, book, ns, D) {
  const read = readDate(halfWidth(value));
  if (read.empty) return { days: null, problem: null };
  const days = read.value && D ? daysBetween(D, read.value) : null, term = book.term_days;
  const what = ns.word(book, "estimator_form.renewal");
  const wrong = read.problem ? problem(book, ns, what, "renewal_not_date")
    : days === null ? null   // no date of the change to count from: its own problem is reported
    : days < 0 ? problem(book, ns, what, "renewal_past")
    : days > term ? problem(book, ns, what, "renewal_far", { term_days: term }) : null;
  return { days: wrong ? null : days, date: read.value || null, problem: wrong };
}

/* answers: {values: Map id -> text, customer, date (the date of the change, YYYY-MM-DD,
 * or null), dateProblem, change (bool), renewalProblem,
 * cancelled: Set of product keys, cancelLabel(key): the label of a product's cancel
 * box as the form shows it (a problem names the box that is there; asked only for a
 * problem, so typing reads no label)}. needsDays(scenario) says whether a line is
 * an upgrade, the one figure that needs the days left (docs/formats.md).
 * Returns {scenario, errors: [{id, message, when}], empty}. `when` names what
 * must have been touched for the problem to be reported: a field id, or
 * "change" (any answer of the change). Holdings are objects without a
 * prototype, so no product key can reach Object's own properties. */
export function readAnswers(answers, book, ns, needsDays) {
  const values = answers.values, errors = [], term = book.term_days, change = answers.change;
  const cancelled = answers.cancelled || new Set(), contact = book.contacts[answers.customer];
  const get = (id) => values.get(id) || "";
  function whole(id, what, min, tooMany) {
    const r = readTyped(get(id));
    if (r.empty) return null;
    const message = r.problem === "digits" ? problem(book, ns, what, "digits")
      : r.problem === "negative" ? problem(book, ns, what, "at_least", { min })
      : r.problem === "large" ? tooMany || problem(book, ns, what, "too_large", { contact })
      : r.problem ? problem(book, ns, what, "whole")
      : r.value < min ? problem(book, ns, what, "at_least", { min }) : null;
    if (message) { errors.push({ id, message, when: id }); return undefined; }
    return r.value;
  }
  // A field as a problem names it: the product's users or instances, today's or after (`today`: "_today" or "").
  const named = (path, product) => ns.word(book, "estimator_form." + path, { product });
  function holding(usersId, instancesId, name, today) {
    const usersName = named("users" + today, name), instancesName = named("instances" + today, name);
    const users = whole(usersId, usersName, 1);
    const instances = whole(instancesId, instancesName, 1);
    if (users === null && instances !== null) {
      errors.push({ id: usersId, when: instancesId, message: ns.word(book, "problems.users_missing",
                    { what: usersName, other: instancesName }) });
      return undefined;
    }
    if (users === null) return null;
    if (users === undefined || instances === undefined) return undefined;
    return { users, instances: instances === null ? 1 : instances };
  }
  const scenario = { customer: answers.customer, proposed: Object.create(null) };
  if (answers.date) scenario.date = answers.date;
  if (answers.dateProblem) errors.push({ id: "gc-date", message: answers.dateProblem, when: "gc-date" });
  const current = Object.create(null);
  let count = 0;
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    let now = null;
    if (change) {
      now = holding(ids.currentUsers, ids.currentInstances, p.name, "_today");
      if (now) { current[p.key] = now; count++; }
    }
    if (change && now && cancelled.has(p.key)) continue;   // cancelling is a choice, never an empty field
    const wanted = holding(ids.users, ids.instances, p.name, "");
    if (wanted) { scenario.proposed[p.key] = wanted; count++; }
    if (change && now && wanted === null) {
      errors.push({ id: ids.users, when: ids.users, message: ns.word(book, "problems.users_after_missing",
                    { what: named("users", p.name), cancel: answers.cancelLabel(p.key) }) });
    }
  }
  if (change) {
    scenario.current = current;
    const daysName = ns.word(book, "estimator_form.days");
    const tooMany = problem(book, ns, daysName, "days_at_most", { term_days: term });
    const days = whole("gc-days-remaining", daysName, 0, tooMany);
    if (typeof days === "number" && days > term) {
      errors.push({ id: "gc-days-remaining", message: tooMany, when: "gc-days-remaining" });
    }
    if (typeof days === "number") scenario.days_remaining = days;
    if (answers.renewalProblem) {
      errors.push({ id: "gc-renewal", message: answers.renewalProblem, when: "gc-renewal" });
    } else if (days === null && needsDays(scenario)) {
      // Only an upgrade's figure depends on the days left.
      errors.push({ id: "gc-days-remaining", message: ns.word(book, "problems.days_needed_form"), when: "change" });
    }
  }
  const order = fieldOrder(book);
  errors.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { scenario, errors, empty: count === 0 };
}
