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

from govcloud.calc.quote import Quote
from govcloud.load.glossary import values as glossary_values
from govcloud.load.yamlsource import Document
from govcloud.model import clock
from govcloud.model.catalog import Catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.render.present import Cell, QuoteView, totals, view
from govcloud.words.richtext import escape_markdown as md
from govcloud.words.richtext import html_text, markdown
from govcloud.words.vocabulary import WORDS, word
from govcloud_site.markdown.marks import RULE, mark, raw_html
from macros.glossary import GlossaryMacros
from macros.reference import ReferenceMacros
from macros.text import count, join

# The view's column keys that the tests and sales' scripts find as data-field hooks.
FIELDS = {
    "change": "change",
    "users": "users",
    "tier": "tier",
    "instances": "instances",
    "annual": "annual",
    "due_now": "due_now",
    "today_tier": "today_tier",
    "today_annual": "today_annual",
    "difference": "difference",
}
TOTAL_FIELDS = {"annual": "annual_total", "due_now": "due_now_total", "today_annual": "today_annual_total"}

# Up to this many worked scenarios, the scenarios page shows each in full (its quote,
# bills and reasons: about a screen each). Beyond, a reader could not take the page in
# (nor a browser load it quickly): each is one row of a table, grouped by the changes it
# makes, with its totals and a link that opens its full quote in the estimator.
SCENARIOS_IN_FULL = 40
ROWS_WORDS = {
    "lead": (
        "There are {count} worked scenarios, too many to show each in full on one page. Each is one "
        "row below, grouped by the changes it makes, with its totals; open one in the cost estimator "
        "(its title is the link) for its full quote, its bills and the reasons behind every figure."
    ),
    "caption": "{kinds}: {count} worked scenarios",
    "scenario": "Scenario (opens in the cost estimator)",
    "summary": "Summary",
    "changes": "Changes",
}
# The scenarios page's address of the estimator, for links in generated HTML (which no builder rewrites).
ESTIMATOR_FROM_SCENARIOS = "../estimator/"


class Pages(GlossaryMacros, ReferenceMacros):
    def __init__(self, catalog: Catalog, worked: list[tuple[Scenario, Quote]], source: Document | None = None):
        # Shared by every page (and, under Zensical, by pages rendered at once):
        # nothing here may hold per-page state.
        self.catalog = catalog
        self.source = source  # the data file as loaded: the maintainers' page edits it without reading it again
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
        ask = (
            f"Confirm it with {md(c.government.name)} (government customers) or {md(c.commercial.name)} "
            "before you rely on it."
        )
        if source is None:
            basis = "No Atlassian page documents this for Government Cloud; it is this site's assumption."
        else:
            page = self.catalog.sources[source]
            basis = (
                f"The closest source is Atlassian's page [{md(page.title)}]({page.url}); "
                "it does not settle this point for Government Cloud."
            )
        return f'!!! warning "To confirm"\n    {basis} {ask}'

    def price_note(self) -> str:
        name = md(self.catalog.contacts.government.name)
        return (
            f'!!! info "Tiers and prices are {self.catalog.prices_are}"\n    Government Cloud user tiers and prices '
            f"are not published. The tiers here and their prices are {self.catalog.prices_are} (list prices in "
            f"{self.catalog.currency}, for planning); the quote from {name} (or "
            f"{md(self.catalog.contacts.commercial.name)}) is what you pay."
        )

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
        head = (
            "<table>\n<caption>Every rule the site and the estimator apply</caption>\n<thead><tr>"
            '<th scope="col">Rule</th><th scope="col">What it says</th><th scope="col">Source</th>'
            '<th scope="col">Status</th></tr></thead>\n<tbody>'
        )
        rows = []
        for name in type(self.catalog.rules).model_fields:
            rule = getattr(self.catalog.rules, name)
            source = self.catalog.sources[rule.source]
            status = "Confirmed" if rule.confirmed else "To confirm"
            rows.append(
                f'<tr id="rule-{name}"><th scope="row">{escape(rule.title)}</th>'
                f"<td>{html_text(rule.summary, self.catalog.rule_values())}</td>"
                f'<td><a href="{escape(source.url)}">{escape(source.title)}</a></td><td>{status}</td></tr>'
            )
        # Its rows are link targets: left for Markdown's HTML step, where MkDocs finds them (marks.raw_html).
        return "\n".join([head, *rows, "</tbody>\n</table>"])

    def source_list(self) -> str:
        lines = []
        for key, source in self.catalog.sources.items():
            used = [
                r.title
                for r in (getattr(self.catalog.rules, n) for n in type(self.catalog.rules).model_fields)
                if r.source == key
            ]
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
            out.append(
                f"### {md(c.name)}\n\nFor {md(self._mid_sentence(c.who))}.\n\n{markdown(c.how)}\n\n"
                f"[Go to the contact form of {md(c.name)} (on {host}, another site)]({c.url})"
            )
        return "\n\n".join(out)

    @staticmethod
    def _mid_sentence(text: str) -> str:
        """Text that starts a sentence, lower-cased to follow other words ('US federal' stays)."""
        return text if text[1:2].isupper() else text[:1].lower() + text[1:]

    # -- prices ----------------------------------------------------------------

    def tier_tables(self) -> str:
        out = []
        prices = self.catalog.prices_on(clock.today())  # those in force on the day the site is built
        for p in self.catalog.products:
            rows = "\n".join(
                f"<tr><td>{count(t.users)}</td><td>{show(t.annual)}</td></tr>" for t in prices.ladder(p.key)
            )
            out.append(
                f"## {md(p.name)} {{#{p.key}}}\n\n{markdown(p.description)}\n\n"
                + raw_html(
                    f'<table data-product="{p.key}">\n<caption>{escape(p.name)}: user tiers and '
                    f"{self.catalog.prices_are} annual prices</caption>\n"
                    '<thead><tr><th scope="col">Users, up to</th><th scope="col">Annual price</th></tr>'
                    f"</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
                )
                + "\n\n"
                f"More than {count(p.tiers[-1].users)} users: ask your sales contact for a quote."
            )
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
        raise ValueError(
            f"no worked scenario in the scenarios file shows a {change!r} change; "
            "add one (the page 'Change your subscription' needs it)"
        )

    def scenarios(self) -> str:
        if len(self.worked) > SCENARIOS_IN_FULL:
            return self.scenario_rows()
        return "\n\n".join(self.scenario_block(s, q, level=2) for s, q in self.worked)

    def scenario_index(self) -> str:
        if len(self.worked) > SCENARIOS_IN_FULL:
            return (
                ROWS_WORDS["lead"].format(count=count(len(self.worked)))
                + "\n\n"
                + "\n".join(
                    f"- [{md(label)}](#{anchor}) ({count(len(group))})"
                    for anchor, label, group in self._scenario_groups()
                )
            )
        return "\n".join(f"- [{md(s.title or '')}](#{s.id})" for s, _ in self.worked)

    # -- many worked scenarios: one row each, grouped by the changes they make ---

    def _scenario_groups(self) -> list[tuple[str, str, list[tuple[Scenario, Quote]]]]:
        """(anchor, heading, scenarios) for each set of change kinds, in the vocabulary's order of kinds."""
        order = list(WORDS["change"])
        groups: dict[tuple[str, ...], list[tuple[Scenario, Quote]]] = {}
        for scenario, result in self.worked:
            made = tuple(sorted({str(line.change) for line in result.lines}, key=order.index))
            groups.setdefault(made, []).append((scenario, result))
        out = []
        for kinds in sorted(groups, key=lambda k: (len(k), [order.index(c) for c in k])):
            labels = [str(WORDS["change"][c]) for c in kinds]
            label = join([labels[0]] + [lab[:1].lower() + lab[1:] for lab in labels[1:]])
            out.append(("changes-" + "-".join(kinds).replace("_", "-"), label, groups[kinds]))
        return out

    def scenario_rows(self) -> str:
        """Every worked scenario as one row of its group's table: its title (a link that opens it
        in the estimator, where its full quote, bills and reasons are), its changes and totals."""
        cols = WORDS["columns"]
        heads = [
            ROWS_WORDS["scenario"],
            ROWS_WORDS["summary"],
            ROWS_WORDS["changes"],
            cols["today_annual"],
            cols["annual"],
            cols["due_now"],
        ]
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
        names = {p.key: p.name for p in self.catalog.products}
        out = []
        for anchor, label, group in self._scenario_groups():
            rows = []
            for scenario, result in group:
                total = totals(result)
                changes = "; ".join(f"{names[line.product]}: {WORDS['change'][line.change]}" for line in result.lines)
                cells = "".join(
                    self._row_cell(total.get(k), TOTAL_FIELDS[k]) for k in ("today_annual", "annual", "due_now")
                )
                summary = html_text(scenario.summary) if scenario.summary else ""
                href = escape(f"{ESTIMATOR_FROM_SCENARIOS}?{estimator_query(scenario)}")
                rows.append(
                    f'<tr data-scenario="{scenario.id}"><th scope="row"><a href="{href}">'
                    f"{escape(scenario.title or '')}</a></th><td>{summary}</td><td>{escape(changes)}</td>"
                    f"{cells}</tr>"
                )
            caption = ROWS_WORDS["caption"].format(kinds=label, count=count(len(group)))
            out.append(
                f"## {md(label)} {{#{anchor}}}\n\n"
                + raw_html(
                    f'<table data-scenarios="{anchor}">\n<caption>{escape(caption)}</caption>\n'
                    f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
                )
            )
        return "\n\n".join(out)

    @staticmethod
    def _row_cell(cell: Cell | None, field: str) -> str:
        if cell is None or not cell.text:
            return f'<td data-field="{field}">{escape(str(WORDS["cells"]["none"]))}</td>'
        marker = f" ({WORDS['assumptions']['marker']})" if cell.assumptions else ""
        return f'<td data-field="{field}">{escape(cell.text)}{escape(marker)}</td>'

    def scenario_block(self, scenario: Scenario, result: Quote, level: int) -> str:
        hashes, title = "#" * level, md(scenario.title or "")  # worked scenarios always have a title
        parts = [
            f"{hashes} {title} {{#{scenario.id}}}"
            if level == 2
            else f"{hashes} Example: {title} {{#example-{scenario.id}}}"
        ]
        if scenario.summary:
            parts.append(markdown(scenario.summary))
        v = view(self.catalog, scenario, result)
        parts.append(md(" ".join(v.about)))
        parts.append(self.quote_table(scenario, v))
        if v.incomplete:
            parts.append(md(v.incomplete))
        parts.append(self.bills_table(scenario, v))
        parts.append("\n".join(f"- {md(n.text)}{self._marks(v, n)}" for n in v.notes))
        for k, _ in v.footnotes:
            rule = getattr(self.catalog.rules, k)
            note = word(
                "assumptions.footnote",
                n=v.mark((k,))[0],
                title=f"[{md(rule.title)}](sources.md#rule-{k})",
                summary=md(self.catalog.rule_text(k)),
            )
            parts.append(note.replace("[", "\\[", 1).replace("]", "\\]", 1))
        parts.append(f"[Open “{title}” in the cost estimator](estimator.md?{estimator_query(scenario)})")
        return "\n\n".join(parts)

    @staticmethod
    def _marks(v: QuoteView, cell: Cell) -> str:
        """Footnote markers after a figure that rests on an unconfirmed rule."""
        marks = v.mark(cell.assumptions)
        return "".join(f'<sup class="gc-confirm" title="to confirm">[{n}]</sup>' for n in marks)

    # On a phone, CSS stacks each cell as a "label: value" row (the label is
    # data-label). Explicit roles keep it a table for screen readers, which
    # otherwise drop table semantics once the display changes.
    def _view_cell(self, v: QuoteView, label: str, cell: Cell, field: str | None = None, strong: bool = False) -> str:
        hook = f' data-field="{field}"' if field else ""
        value = escape(cell.text)
        value = f"<strong>{value}</strong>" if strong and value else value
        return f'<td role="cell"{hook} data-label="{escape(label)}">{value}{self._marks(v, cell)}</td>'

    def quote_table(self, scenario: Scenario, v: QuoteView) -> str:
        keys = [k for k, _ in v.columns]
        heads = dict(v.columns)
        head = "".join(f'<th scope="col" role="columnheader">{escape(h)}</th>' for _, h in v.columns)
        rows = []
        for row in v.rows:
            cells = [f'<th scope="row" role="rowheader">{escape(row.cells["product"].text)}</th>']
            cells += [self._view_cell(v, heads[k], row.cells[k], FIELDS.get(k)) for k in keys[1:]]
            rows.append(f'<tr role="row" data-product="{row.key}">{"".join(cells)}</tr>')
        total = [f'<th scope="row" role="rowheader">{escape(v.total.cells["product"].text)}</th>']
        for k in keys[1:]:
            cell = v.total.cells[k]
            if not cell.text:
                total.append('<td role="cell" class="gc-blank"></td>')
            else:
                total.append(self._view_cell(v, heads[k], cell, TOTAL_FIELDS.get(k), strong=True))
        rows.append(f'<tr role="row" data-total>{"".join(total)}</tr>')
        caption = f"Quote for “{escape(scenario.title)}”" if scenario.title else "Quote"
        return raw_html(
            f'<table role="table" data-scenario="{scenario.id or ""}">\n'
            f"<caption>{caption}</caption>\n"
            f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>\n<tbody role="rowgroup">\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>"
        )

    def bills_table(self, scenario: Scenario, v: QuoteView) -> str:
        words = WORDS["bills"]
        # The price list of each bill, once the data records price changes (as the CLI table does).
        priced = v.dated_prices
        heads = [words["when"], words["on"], words["what"], words["products"], *([words["prices"]] if priced else [])]
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in [*heads, words["amount"]])
        rows = [
            f'<tr data-in-days="{"" if b.in_days is None else b.in_days}"><td>{escape(b.when)}</td>'
            f"<td>{escape(b.on)}</td><td>{escape(b.what)}</td><td>{escape(b.products)}</td>"
            + (f"<td>{escape(b.prices)}</td>" if priced else "")
            + f'<td data-field="amount">{escape(b.amount.text)}{self._marks(v, b.amount)}</td></tr>'
            for b in v.bills
        ]
        rows.append(
            f'<tr data-first-year><th scope="row" colspan="{len(heads)}">{escape(v.first_year_label)}</th>'
            f'<td data-field="first_year_total">{escape(v.first_year.text)}'
            f"{self._marks(v, v.first_year)}</td></tr>"
        )
        return raw_html(
            f'<table data-bills="{scenario.id or ""}">\n<caption>{escape(words["title"])}</caption>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
        )


def register(env, pages: Pages):
    for name in (
        "products",
        "rule",
        "price_note",
        "contacts",
        "tier_tables",
        "ladder",
        "example",
        "scenarios",
        "scenario_index",
        "glossary_list",
        "field_reference",
        "validation_example",
        "price_change_example",
        "rules_index",
        "source_list",
        "to_confirm",
    ):
        env.macro(getattr(pages, name), name)
    env.variables["fill"] = pages.fill
    env.variables["scenarios_in_full"] = SCENARIOS_IN_FULL
