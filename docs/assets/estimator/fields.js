/* The form's fields by product: their ids, and what cancelling does to them. Wanted at start
 * (main.js, for a box ticked before the page code runs) and by the page code. */

// The form's id for each field of the page.
export function fieldIds(key) {
  return { users: "gc-users-" + key, instances: "gc-instances-" + key, cancel: "gc-cancel-" + key,
           currentUsers: "gc-current-users-" + key, currentInstances: "gc-current-instances-" + key };
}

// Cancelling a product sets its "after" fields aside: they no longer count.
export function setCancelled(key, on) {
  const ids = fieldIds(key), byId = (id) => document.getElementById(id);
  byId(ids.cancel).checked = on;
  for (const id of [ids.users, ids.instances]) byId(id).disabled = on;
}
