"""Macros for the help pages: Markdown generated from the policy data.

Pages call these macros instead of writing a product name, a price, a limit or
a rule themselves, so a change to `data/products.yml` reaches every page. Each
page that states a rule gets a "Sources" section listing where its rules come
from, and on every page except the glossary and the estimator the first use of each term
links to its entry there, with the meaning as a tooltip: both are page-level work,
done after the macros by `pagework` (a Markdown preprocessor both builders run),
from the marks that macros leave in the page.
"""
from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from govcloud.address import estimator_query
from govcloud.glossary import values as glossary_values
from govcloud.model import Catalog
from govcloud.money import show
from govcloud.quote import Line, Quote
from govcloud.richtext import escape_markdown as md
from govcloud.richtext import html_text, markdown
from govcloud.scenario import Scenario
from govcloud.tables import CHANGE_LABELS  # one vocabulary for change kinds: pages, estimator, CLI

from .glossary import GlossaryMacros
from .marks import RULE, mark
from .reference import ReferenceMacros
from .text import count, join

# Column headings of a quote table, as the estimator names them.
ANNUAL = "Each year from renewal"
DUE_NOW = "Due now"


class Pages(GlossaryMacros, ReferenceMacros):
    def __init__(self, catalog: Catalog, worked: list[tuple[Scenario, Quote]]):
        # Shared by every page (and, under Zensical, by pages rendered at once):
        # nothing here may hold per-page state.
        self.catalog = catalog
        self.worked = worked
        self.fill = glossary_values(catalog)
        self.glossary = self._load_glossary()

    # -- words and rules -------------------------------------------------------

    def products(self) -> str:
        """'Jira, Jira Service Management and Confluence'."""
        return self.fill["products"]

    def rule(self, name: str, heading: bool = False) -> str:
        """A rule's summary, with a note when the data marks it unconfirmed."""
        known = list(type(self.catalog.rules).model_fields)
        if name not in known:
            raise ValueError(f"unknown rule {name!r}; the data's rules are: {', '.join(known)}")
        rule = getattr(self.catalog.rules, name)
        # Data text reaches a page as text: escaped, with only the documented formatting (richtext.py).
        text = markdown(rule.summary, self.catalog.rule_values())
        # The mark puts the rule's source into the page's "Sources" section (pagework).
        out = mark(RULE, name) + (f"**{md(rule.title)}.** {text}" if heading else text)
        if not rule.confirmed:
            out += "\n\n" + self.to_confirm(rule.source)
        return out

    def to_confirm(self, source: str | None = None) -> str:
        """A "To confirm" box naming what the answer rests on: a source's title, or none."""
        c = self.catalog.contacts
        ask = (f"Confirm it with {md(c.government.name)} (government customers) or {md(c.commercial.name)} "
               "before you rely on it.")
        if source is None:
            basis = "No Atlassian page documents this for Government Cloud; it is this site's assumption."
        else:
            page = self.catalog.sources[source]
            basis = (f"The closest source is Atlassian's page [{md(page.title)}]({page.url}); "
                     "it does not settle this point for Government Cloud.")
        return f'!!! warning "To confirm"\n    {basis} {ask}'

    def price_note(self) -> str:
        name = md(self.catalog.contacts.government.name)
        return (f'!!! info "Prices are {self.catalog.prices_are}"\n    Government Cloud prices are not published. '
                f"The prices here are {self.catalog.prices_are} list prices in {self.catalog.currency}, for planning; "
                f"the quote from {name} (or {md(self.catalog.contacts.commercial.name)}) is what you pay.")

    def sources_section(self, rules: list[str]) -> str:
        lines = ["## Sources", "", "The rules on this page come from these pages:", ""]
        by_source: dict[str, list[str]] = {}
        for name in rules:
            by_source.setdefault(getattr(self.catalog.rules, name).source, []).append(name)
        for key, names in by_source.items():
            source = self.catalog.sources[key]
            titles = join([md(getattr(self.catalog.rules, n).title.lower()) for n in names])
            lines.append(f"- [{md(source.title)}]({source.url}) ({titles})")
        return "\n".join(lines)

    def rules_index(self) -> str:
        """Every rule with its source and whether it is confirmed, for the Sources page."""
        head = ("<table>\n<caption>Every rule the site and the estimator apply</caption>\n<thead><tr>"
                '<th scope="col">Rule</th><th scope="col">What it says</th><th scope="col">Source</th>'
                '<th scope="col">Status</th></tr></thead>\n<tbody>')
        rows = []
        for name in type(self.catalog.rules).model_fields:
            rule = getattr(self.catalog.rules, name)
            source = self.catalog.sources[rule.source]
            status = "Confirmed" if rule.confirmed else "To confirm"
            rows.append(f'<tr><th scope="row">{escape(rule.title)}</th><td>{html_text(rule.summary, self.catalog.rule_values())}</td>'
                        f'<td><a href="{escape(source.url)}">{escape(source.title)}</a></td><td>{status}</td></tr>')
        return "\n".join([head, *rows, "</tbody>\n</table>"])

    def source_list(self) -> str:
        lines = []
        for key, source in self.catalog.sources.items():
            used = [r.title for r in (getattr(self.catalog.rules, n) for n in type(self.catalog.rules).model_fields)
                    if r.source == key]
            note = f": {join([md(u) for u in used])}" if used else ": not cited by a rule at the moment"
            lines.append(f"- [{md(source.title)}]({source.url}){note}")
        return "\n".join(lines)

    # -- contacts --------------------------------------------------------------

    def contacts(self) -> str:
        out = []
        for kind in ("government", "commercial"):
            c = getattr(self.catalog.contacts, kind)
            # The link leaves this site: its words say where it goes, for every reader.
            host = (urlsplit(c.url).hostname or "").removeprefix("www.")
            out.append(f"### {md(c.name)}\n\nFor {md(self._mid_sentence(c.who))}.\n\n{markdown(c.how)}\n\n"
                       f"[Go to the contact form of {md(c.name)} (on {host}, another site)]({c.url})")
        return "\n\n".join(out)

    @staticmethod
    def _mid_sentence(text: str) -> str:
        """Text that starts a sentence, lower-cased to follow other words ('US federal' stays)."""
        return text if text[1:2].isupper() else text[:1].lower() + text[1:]

    # -- prices ----------------------------------------------------------------

    def tier_tables(self) -> str:
        out = []
        for p in self.catalog.products:
            rows = "\n".join(f'<tr><td>{count(t.users)}</td><td>{show(t.annual)}</td></tr>' for t in p.tiers)
            out.append(
                f"## {md(p.name)} {{#{p.key}}}\n\n{markdown(p.description)}\n\n"
                f'<table data-product="{p.key}">\n<caption>{escape(p.name)}: user tiers and '
                f"{self.catalog.prices_are} annual prices</caption>\n"
                '<thead><tr><th scope="col">Users, up to</th><th scope="col">Annual price</th></tr></thead>\n'
                f"<tbody>\n{rows}\n</tbody>\n</table>\n\n"
                f"More than {count(p.tiers[-1].users)} users: ask your sales contact for a quote.")
        return "\n\n".join(out)

    def ladder(self) -> str:
        """'from 10 to 50,000 users' style summary of the tier ladders."""
        lows = {p.tiers[0].users for p in self.catalog.products}
        highs = {p.tiers[-1].users for p in self.catalog.products}
        low = count(min(lows))
        high = count(max(highs))
        return f"from {low} up to {high} users"

    # -- worked scenarios ------------------------------------------------------

    def example(self, change: str) -> str:
        """The first worked scenario with a line of this change kind, in full."""
        for scenario, result in self.worked:
            if any(line.change == change for line in result.lines):
                return self.scenario_block(scenario, result, level=3)
        raise ValueError(f"no worked scenario in the scenarios file shows a {change!r} change; "
                         "add one (the page 'Change your subscription' needs it)")

    def scenarios(self) -> str:
        return "\n\n".join(self.scenario_block(s, q, level=2) for s, q in self.worked)

    def scenario_index(self) -> str:
        return "\n".join(f"- [{md(s.title)}](#{s.id})" for s, _ in self.worked)

    def scenario_block(self, scenario: Scenario, result: Quote, level: int) -> str:
        hashes = "#" * level
        parts = [f"{hashes} {md(scenario.title)} {{#{scenario.id}}}" if level == 2
                 else f"{hashes} Example: {md(scenario.title)} {{#example-{scenario.id}}}"]
        if scenario.summary:
            parts.append(markdown(scenario.summary))
        contact = result.contact
        who = "A government customer" if scenario.customer == "government" else "A customer that is not a government agency"
        when = ""
        if scenario.current is not None:
            when = f", with {count(scenario.days_remaining)} of {count(self.catalog.term_days)} days left in the term"
        parts.append(f"{who}{when}. Contact: **{md(contact)}**.")
        parts.append(self.quote_table(scenario, result))
        parts.append("\n".join(f"- {md(m)}" for m in result.messages))
        parts.append(f"[Open “{md(scenario.title)}” in the cost estimator](estimator.md?{estimator_query(scenario)})")
        return "\n\n".join(parts)

    def quote_table(self, scenario: Scenario, result: Quote) -> str:
        names = {p.key: p.name for p in self.catalog.products}
        current = scenario.current or {}
        has_current = scenario.current is not None
        cols = ["Product", "Change"] + (["Today"] if has_current else []) + \
               ["Users", "Tier", "Instances", ANNUAL, DUE_NOW]

        # On a phone, CSS stacks each cell as a "label: value" row (the label is
        # data-label). Explicit roles keep it a table for screen readers, which
        # otherwise drop table semantics once the display changes.
        def cell(label: str, value: str, field: str | None = None) -> str:
            hook = f' data-field="{field}"' if field else ""
            return f'<td role="cell"{hook} data-label="{label}">{value}</td>'

        head = "".join(f'<th scope="col" role="columnheader">{c}</th>' for c in cols)
        rows = []
        for line in result.lines:
            cells = [f'<th scope="row" role="rowheader">{escape(names[line.product])}</th>',
                     cell("Change", CHANGE_LABELS[line.change], "change")]
            if has_current:
                held = current.get(line.product)
                today = (f"{count(held.users)} users, {count(held.instances)} "
                         f"instance{'s' if held.instances != 1 else ''}") if held else "Not subscribed"
                cells.append(cell("Today", today))
            cells += [cell("Users", count(line.users), "users"),
                      cell("Tier", self._tier(line, result), "tier"),
                      cell("Instances", count(line.instances), "instances"),
                      cell(ANNUAL, self._money(line.annual, line), "annual"),
                      cell(DUE_NOW, self._money(line.due_now, line), "due_now")]
            rows.append(f'<tr role="row" data-product="{line.product}">{"".join(cells)}</tr>')
        blank = '<td role="cell" class="gc-blank"></td>' * (len(cols) - 3)
        rows.append(f'<tr role="row" data-total><th scope="row" role="rowheader">Total</th>{blank}'
                    + cell(ANNUAL, f"<strong>{show(result.annual_total)}</strong>", "annual_total")
                    + cell(DUE_NOW, f"<strong>{show(result.due_now_total)}</strong>", "due_now_total") + "</tr>")
        caption = f"Quote for “{escape(scenario.title)}”" if scenario.title else "Quote"
        if not result.complete:
            caption += " (totals cover the priced lines only)"
        return (f'<table role="table" data-scenario="{scenario.id or ""}">\n'
                f"<caption>{caption}</caption>\n"
                f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>\n<tbody role="rowgroup">\n'
                + "\n".join(rows) + "\n</tbody>\n</table>")

    @staticmethod
    def _tier(line: Line, result: Quote) -> str:
        if line.status != "ok":
            return f"Ask {escape(result.contact)}"
        return "None" if line.tier is None else f"{count(line.tier)} users"

    @staticmethod
    def _money(amount, line: Line) -> str:
        return "Quoted by sales" if line.status != "ok" else show(amount)


def register(env, pages: Pages):
    for name in ("products", "rule", "price_note", "contacts", "tier_tables", "ladder", "example",
                 "scenarios", "scenario_index", "glossary_list", "field_reference", "validation_example",
                 "rules_index", "source_list", "to_confirm"):
        env.macro(getattr(pages, name), name)
    env.variables["fill"] = pages.fill
