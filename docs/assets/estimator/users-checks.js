/* Second looks at a users field, beside it and never blocking: a number past the price book's
 * largest tier, or many times today's users, is more often a slip (typing onto a prefilled
 * "480" gave 480520) than an answer. Pure: it sees the answers as a Map from field id to text. */
import { readTyped } from "./numbers.js";
import { fieldIds } from "./fields.js";

// "Many times today's users": ten times is past any growth a change is planned for.
export const JUMP_TIMES = 10;

/* answers: {values: Map id -> text, change (bool), cancelled: Set of product keys}.
 * Returns a Map from a users field's id to its words, for the fields that need a second look. */
export function usersChecks(answers, book, ns) {
  const out = new Map(), group = ns.money.group;
  const number = (id) => {
    const r = readTyped(answers.values.get(id) || "");
    return r.empty || r.problem ? null : r.value;
  };
  for (const p of book.products) {
    const ids = fieldIds(p.key), top = p.tiers[p.tiers.length - 1].users;
    const beyond = (id, users) => out.set(id, ns.word(book, "estimator_form.check_beyond",
                                                      { users: group(users), top: group(top) }));
    const today = answers.change ? number(ids.currentUsers) : null;
    if (today !== null && today > top) beyond(ids.currentUsers, today);
    if (answers.change && answers.cancelled.has(p.key)) continue;
    const after = number(ids.users);
    if (after === null) continue;
    if (after > top) beyond(ids.users, after);
    else if (today && after > JUMP_TIMES * today) {
      out.set(ids.users, ns.word(book, "estimator_form.check_jump",
                                 { users: group(after), times: String(JUMP_TIMES), today: group(today) }));
    }
  }
  return out;
}
