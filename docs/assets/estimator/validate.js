/* Reading the form's answers into a scenario, with one problem per field that
 * needs fixing. Pure: it sees the answers as a Map from field id to text. */
import { readWhole, daysUntil } from "./numbers.js";
import { fieldIds } from "./address.js";

// The fields in the order the form shows them, which is the order problems are listed in.
export function fieldOrder(book) {
  const order = ["gc-days-remaining", "gc-renewal"];
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    order.push(ids.currentUsers, ids.currentInstances, ids.users, ids.instances);
  }
  return order;
}

// The renewal date field: the days it gives, or what is wrong with it.
export function checkRenewal(value, book, now = new Date()) {
  if (!value) return { days: null, problem: null };
  const days = daysUntil(value, now), term = book.term_days;
  const problem = days === null ? "Renewal date must be a real date"
    : days < 0 ? "Renewal date must be today or later"
    : days > term ? "Renewal date must be within " + term + " days of today" : null;
  return { days: problem ? null : days, problem };
}

/* answers: {values: Map id -> text, customer, change (bool), renewalProblem}.
 * Returns {scenario, errors: [{id, message, when}], empty}. `when` names what
 * must have been touched for the problem to be reported: a field id, or
 * "change" (any answer of the change). Holdings are objects without a
 * prototype, so no product key can reach Object's own properties. */
export function readAnswers(answers, book, contact) {
  const values = answers.values, errors = [], term = book.term_days, change = answers.change;
  const get = (id) => values.get(id) || "";
  function whole(id, what, min, large) {
    const r = readWhole(get(id));
    if (r.empty) return null;
    const message = r.problem === "digits" ? what + " must be written with the digits 0 to 9"
      : r.problem === "negative" ? what + " must be " + min + " or more"
      : r.problem === "large" ? large || "The number of " + what + " is too large to estimate here: ask " +
        contact + " for a quote"
      : r.problem ? what + " must be a whole number, like 120"
      : r.value < min ? what + " must be " + min + " or more" : null;
    if (message) { errors.push({ id, message, when: id }); return undefined; }
    return r.value;
  }
  function holding(usersId, instancesId, name, when) {
    const users = whole(usersId, name + " users" + when, 1);
    const instances = whole(instancesId, name + " instances" + when, 1);
    if (users === null && instances !== null) {
      errors.push({ id: usersId, message: "Enter the number of " + name + " users" + when +
                    ", or clear " + name + " instances" + when, when: instancesId });
      return undefined;
    }
    if (users === null) return null;
    if (users === undefined || instances === undefined) return undefined;
    return { users, instances: instances === null ? 1 : instances };
  }
  const scenario = { customer: answers.customer, proposed: Object.create(null) };
  const current = Object.create(null);
  let count = 0;
  if (change && answers.renewalProblem) {
    errors.push({ id: "gc-renewal", message: answers.renewalProblem, when: "gc-renewal" });
  }
  if (change) {
    const tooMany = "Days left in the term must be " + term + " or fewer";
    const days = whole("gc-days-remaining", "Days left in the term", 0, tooMany);
    if (days === null && !answers.renewalProblem) {
      errors.push({ id: "gc-days-remaining", message: "Enter the days left in the term, or the renewal date",
                    when: "change" });
    } else if (typeof days === "number" && days > term) {
      errors.push({ id: "gc-days-remaining", message: tooMany, when: "gc-days-remaining" });
    }
    scenario.days_remaining = days;
  }
  for (const p of book.products) {
    const ids = fieldIds(p.key);
    if (change) {
      const now = holding(ids.currentUsers, ids.currentInstances, p.name, " today");
      if (now) { current[p.key] = now; count++; }
    }
    const wanted = holding(ids.users, ids.instances, p.name, "");
    if (wanted) { scenario.proposed[p.key] = wanted; count++; }
  }
  if (change) scenario.current = current;
  const order = fieldOrder(book);
  errors.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { scenario, errors, empty: count === 0 };
}
