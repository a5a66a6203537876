"""What the estimator's `data-testid` hooks should read for a scenario, worked out
from `govcloud` (Python), and how to read them from the page in one call."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from govcloud.calc.quote import quote
from govcloud.model.catalog import Catalog
from govcloud.model.money import show, text
from govcloud.model.scenario import Scenario
from govcloud.render.present import long_date, view
from govcloud.words.vocabulary import WORDS, word

# Words the page must never show: signs of a number gone wrong.
BROKEN = re.compile(r"\b(NaN|undefined|Infinity|null)\b")

READ_HOOKS = """() => Object.fromEntries([...document.querySelectorAll('#gc-estimator [data-testid]')]
    .filter(e => !['INPUT', 'SELECT'].includes(e.tagName))
    .map(e => [e.dataset.testid, {text: e.textContent, value: e.dataset.value ?? null}]))"""


def change_words(catalog: Catalog, scenario: Scenario, line) -> str:
    """The change cell: the vocabulary's label and its short reason."""
    label = WORDS["change"][line.change]
    if line.status != "ok":
        return f"{label}: {WORDS['change_detail']['beyond']}"
    held = (scenario.current or {}).get(line.product)
    if line.change == "unchanged" and held is not None and held.users != line.users:
        # Users that move within today's tier: the new count still fits it.
        return f"{label}: {word('change_detail.same_tier', users=f'{line.users:,}', tier=f'{line.tier:,}')}"
    values = {
        "upgrade": {"days": scenario.days_remaining, "term_days": catalog.term_days},
        "instances_only": {"instances": line.instances, "max_instances": catalog.max_instances},
    }
    return f"{label}: {word('change_detail.' + line.change, **values.get(line.change, {}))}"


def expected_hooks(catalog: Catalog, scenario: Scenario) -> dict[str, dict]:
    """Each hook's text and data-value, from govcloud's quote and its one view (present.view)."""
    q = quote(catalog, scenario)
    v = view(catalog, scenario, q)
    ask = word("cells.ask", contact=q.contact)
    none = WORDS["cells"]["none"]
    priced = any(line.status == "ok" for line in q.lines)
    total = v.total.cells
    first = ask if not priced else show(q.first_year_total) if q.first_year_total is not None else none
    out: dict[str, dict] = {
        "annual-total": {"text": total["annual"].text, "value": total["annual"].value or ""},
        "due-now-total": {"text": total["due_now"].text, "value": total["due_now"].value or ""},
        "first-year-total": {
            "text": first,
            "value": text(q.first_year_total) if priced and q.first_year_total is not None else "",
        },
        "summary-due-now": {"text": total["due_now"].text, "value": None},
        "summary-first-year": {
            "text": WORDS["bills"]["first_year_unknown"] if priced and q.first_year_total is None else first,
            "value": None,
        },
        "contact": {"text": q.contact, "value": None},
    }
    for i, bill in enumerate(q.bills):
        out[f"bill-{i}"] = {"text": show(bill.amount), "value": text(bill.amount)}
        out[f"bill-on-{i}"] = {
            "text": none if bill.on is None else long_date(bill.on),
            "value": "" if bill.on is None else bill.on.isoformat(),
        }
    # The quote's date and until when it holds: the date as the page writes it, ISO as the value.
    out["quote-date"] = {"text": long_date(q.day), "value": q.day.isoformat()}
    out["valid-until"] = {"text": long_date(q.valid_until), "value": q.valid_until.isoformat()}
    if scenario.current is not None:
        today_total = q.today_annual_total
        out["today-annual-total"] = {
            "text": none if today_total is None else show(today_total),
            "value": "" if today_total is None else text(today_total),
        }
    for line, row in zip(q.lines, v.rows):
        ok, key = line.status == "ok", line.product
        # The line's tier, or the tier known for a line priced past the instance limit (present.view).
        tier = row.cells["tier"].value
        out[f"tier-{key}"] = {
            "text": word("cells.tier", tier=f"{int(tier):,}") if tier else (none if ok else ask),
            "value": tier or "",
        }
        out[f"annual-{key}"] = {"text": show(line.annual) if ok else ask, "value": None}
        # What the next full-term bill charges a year: "—" where no bill renews the line.
        out[f"renewal-annual-{key}"] = (
            {"text": show(line.renewal_annual), "value": text(line.renewal_annual)}
            if line.renewal_annual is not None
            else {"text": none if ok else ask, "value": ""}
        )
        out[f"due-now-{key}"] = {"text": show(line.due_now) if ok else ask, "value": None}
        out[f"change-{key}"] = {"text": change_words(catalog, scenario, line), "value": line.change}
        if scenario.current is not None:
            held = scenario.current.get(key)
            out[f"today-{key}"] = (
                {"text": none, "value": ""}
                if held is None
                else {"text": ask, "value": ""}
                if line.today_annual is None
                else {"text": show(line.today_annual), "value": text(line.today_annual)}
            )
            if held is not None:
                today_tier = row.cells["today_tier"].value
                out[f"today-tier-{key}"] = {
                    "text": word("cells.tier", tier=f"{int(today_tier):,}")
                    if today_tier
                    else row.cells["today_tier"].text,
                    "value": None,
                }
            diff = row.cells["difference"]
            out[f"difference-{key}"] = {"text": diff.text, "value": diff.value or ""}
    return out


def query_pairs(url: str) -> list[tuple[str, str]]:
    return sorted(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def type_scenario(page, catalog: Catalog, scenario: Scenario) -> None:
    """Enter a scenario through the form, as a person would, from a blank estimator."""
    page.get_by_test_id("mode-change" if scenario.current is not None else "mode-new").check()
    page.get_by_test_id("customer").select_option(scenario.customer)
    if scenario.date is not None:  # else the form's own: the reader's today
        page.get_by_test_id("change-date").fill(scenario.date.isoformat())
    if scenario.current is not None and scenario.days_remaining is not None:
        page.get_by_test_id("days-remaining").fill(str(scenario.days_remaining))
    for p in catalog.products:
        now, wanted = (scenario.current or {}).get(p.key), scenario.proposed.get(p.key)
        if now is not None:
            page.get_by_test_id(f"current-users-{p.key}").press_sequentially(str(now.users))
            if now.instances != 1:
                page.get_by_test_id(f"current-instances-{p.key}").fill(str(now.instances))
            if wanted is None:  # cancelling is an explicit choice
                page.get_by_test_id(f"cancel-{p.key}").check()
                continue
        if wanted is not None:
            # In a change the "after" fields start from today's values: replace them.
            page.get_by_test_id(f"users-{p.key}").fill(str(wanted.users))
            page.get_by_test_id(f"instances-{p.key}").fill("" if wanted.instances == 1 else str(wanted.instances))


def product_hooks(hooks: dict, catalog: Catalog) -> set[str]:
    keys = {p.key for p in catalog.products}
    return {h for h in hooks if h.rsplit("-", 1)[-1] in keys and not h.startswith(("users-", "instances-"))}


def copied_table(page) -> dict[str, str]:
    """What "Copy as table" put on the clipboard: its plain text and its HTML."""
    return page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return {plain: await (await item.getType('text/plain')).text(),
                html: await (await item.getType('text/html')).text()};
    }""")
