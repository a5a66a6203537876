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

from urllib.parse import urlsplit

from govcloud.calc.quote import Quote
from govcloud.load.glossary import values as glossary_values
from govcloud.load.prose import prices_are as prices_are_said
from govcloud.load.yamlsource import Document
from govcloud.model import clock
from govcloud.model.catalog import Catalog
from govcloud.model.money import show
from govcloud.model.scenario import Scenario
from govcloud.render.address import estimator_query
from govcloud.render.present import Cell, QuoteView, totals, view
from govcloud.render.tables import sentences
from govcloud.words.richtext import escape_markdown as md
from govcloud.words.richtext import markdown
from govcloud.words.vocabulary import WORDS, word
from govcloud_site.markdown.marks import RULE, mark, raw_html
from macros.glossary import GlossaryMacros
from macros.markup import NL, Markup, el, lines, rich
from macros.reference import ReferenceMacros
from macros.text import count, join, slug

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
# The scenarios page's address of the estimator, for links in generated HTML (which no builder rewrites).
ESTIMATOR_FROM_SCENARIOS = "../estimator/"


class Pages(GlossaryMacros, ReferenceMacros):
    def __init__(
        self,
        catalog: Catalog,
        worked: list[tuple[Scenario, Quote]],
        source: Document | None = None,
        english: Catalog | None = None,
    ):
        # Shared by every page (and, under Zensical, by pages rendered at once):
        # nothing here may hold per-page state.
        self.catalog = catalog
        self.source = source  # the data file as loaded: the maintainers' page edits it without reading it again
        self.worked = worked
        self.fill = glossary_values(catalog)
        # The glossary's anchors are the English terms' (`english`: the catalog before translation).
        self.english_names = {k: getattr((english or catalog).contacts, k).name for k in ("government", "commercial")}
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
        out = mark(RULE, name) + (word("site.rules.lead", title=md(rule.title), text=text) if heading else text)
        if not rule.confirmed:
            out += "\n\n" + self.to_confirm(rule.source)
        return out

    def to_confirm(self, source: str | None = None) -> str:
        """A "To confirm" box naming what the answer rests on: a source's title, or none."""
        c = self.catalog.contacts
        ask = word("site.rules.ask", government=md(c.government.name), commercial=md(c.commercial.name))
        if source is None:
            basis = word("site.rules.no_source")
        else:
            page = self.catalog.sources[source]
            basis = word("site.rules.closest", page=f"[{md(page.title)}]({page.url})")
        return f'!!! warning "{word("site.rules.to_confirm")}"\n    {sentences([basis, ask])}'

    def marker(self, *names: str) -> str:
        """The marker "(to confirm)", for a sentence of a page that rests on these rules, while any is unconfirmed."""
        known = list(type(self.catalog.rules).model_fields)
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ValueError(f"unknown rule {unknown[0]!r}; the data's rules are: {', '.join(known)}")
        if all(getattr(self.catalog.rules, n).confirmed for n in names):
            return ""
        return word("site.rules.marker")

    def price_note(self) -> str:
        c, prices_are = self.catalog.contacts, prices_are_said(self.catalog)
        note = word(
            "site.rules.price_note",
            prices_are=prices_are,
            currency=self.catalog.currency,
            government=md(c.government.name),
            commercial=md(c.commercial.name),
        )
        return f'!!! info "{word("site.rules.price_title", prices_are=prices_are)}"\n    {note}'

    def sources_section(self, rules: list[str]) -> str:
        # The English anchor in every language: a Japanese title would be slugged "_1".
        out = [f"## {word('site.sources.title')} {{: #sources }}", "", word("site.sources.intro"), ""]
        by_source: dict[str, list[str]] = {}
        for name in rules:
            by_source.setdefault(getattr(self.catalog.rules, name).source, []).append(name)
        for key, names in by_source.items():
            source = self.catalog.sources[key]
            titles = join([md(getattr(self.catalog.rules, n).title.lower()) for n in names])
            out.append("- " + word("site.sources.entry", source=f"[{md(source.title)}]({source.url})", rules=titles))
        return "\n".join(out)

    def rules_index(self) -> str:
        """Every rule with its source and whether it is confirmed, for the Sources page."""
        heads = [el("th", word(f"site.rules.{k}"), scope="col") for k in ("rule", "says", "source", "status")]
        rows = []
        for name in type(self.catalog.rules).model_fields:
            rule = getattr(self.catalog.rules, name)
            source = self.catalog.sources[rule.source]
            status = word("site.rules.confirmed" if rule.confirmed else "site.rules.to_confirm")
            rows.append(
                el(
                    "tr",
                    el("th", rule.title, scope="row"),
                    el("td", rich(rule.summary, self.catalog.rule_values())),
                    el("td", el("a", source.title, href=source.url)),
                    el("td", status),
                    id=f"rule-{name}",
                )
            )
        # Its rows are link targets: left for Markdown's HTML step, where MkDocs finds them (marks.raw_html).
        return el(
            "table",
            NL,
            el("caption", word("site.rules.index_caption")),
            NL,
            el("thead", el("tr", heads)),
            NL,
            el("tbody", NL, lines(rows), NL),
            NL,
        )

    def source_list(self) -> str:
        out = []
        for key, source in self.catalog.sources.items():
            used = [
                r.title
                for r in (getattr(self.catalog.rules, n) for n in type(self.catalog.rules).model_fields)
                if r.source == key
            ]
            link = f"[{md(source.title)}]({source.url})"
            if used:
                out.append("- " + word("site.sources.cited", source=link, rules=join([md(u) for u in used])))
            else:
                out.append("- " + word("site.sources.not_cited", source=link))
        return "\n".join(out)

    # -- contacts --------------------------------------------------------------

    def contacts(self) -> str:
        out = []
        for kind in ("government", "commercial"):
            c = getattr(self.catalog.contacts, kind)
            # The link leaves this site: its words say where it goes, for every reader.
            host = (urlsplit(c.url).hostname or "").removeprefix("www.")
            form = word("site.contacts.form", contact=md(c.name), host=host)
            who = word("site.contacts.for", who=md(self._mid_sentence(c.who)))
            # The English name's anchor in every language (#atlassian-sales), as the glossary's.
            anchor = slug(self.english_names[kind])
            out.append(f"### {md(c.name)} {{: #{anchor} }}\n\n{who}\n\n{markdown(c.how)}\n\n[{form}]({c.url})")
        return "\n\n".join(out)

    @staticmethod
    def _mid_sentence(text: str) -> str:
        """Text that starts a sentence, lower-cased to follow other words ('US federal' stays)."""
        return text if text[1:2].isupper() else text[:1].lower() + text[1:]

    # -- prices ----------------------------------------------------------------

    def tier_tables(self) -> str:
        out = []
        heads = el(
            "tr",
            el("th", word("site.tiers.users_up_to"), scope="col"),
            el("th", word("site.tiers.annual"), scope="col"),
        )
        prices = self.catalog.prices_on(clock.today())  # those in force on the day the site is built
        for p in self.catalog.products:
            rows = lines(el("tr", el("td", count(t.users)), el("td", show(t.annual))) for t in prices.ladder(p.key))
            caption = word("site.tiers.product_caption", product=p.name, prices_are=prices_are_said(self.catalog))
            out.append(
                f"## {md(p.name)} {{#{p.key}}}\n\n{markdown(p.description)}\n\n"
                + raw_html(
                    el(
                        "table",
                        NL,
                        el("caption", caption),
                        NL,
                        el("thead", heads),
                        NL,
                        el("tbody", NL, rows, NL),
                        NL,
                        data_product=p.key,
                    )
                )
                + "\n\n"
                + word("site.tiers.beyond", users=count(p.tiers[-1].users))
            )
        return "\n\n".join(out)

    def ladder(self) -> str:
        """'from 10 to 50,000 users' style summary of the tier ladders."""
        lows = {p.tiers[0].users for p in self.catalog.products}
        highs = {p.tiers[-1].users for p in self.catalog.products}
        return word("site.tiers.range", low=count(min(lows)), high=count(max(highs)))

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
                word("site.scenarios.lead", count=count(len(self.worked)))
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
            labels = [word(f"change.{c}") for c in kinds]
            label = join([labels[0]] + [lab[:1].lower() + lab[1:] for lab in labels[1:]])
            out.append(("changes-" + "-".join(kinds).replace("_", "-"), label, groups[kinds]))
        return out

    def scenario_rows(self) -> str:
        """Every worked scenario as one row of its group's table: its title (a link that opens it
        in the estimator, where its full quote, bills and reasons are), its changes and totals."""
        heads = [
            word("site.scenarios.scenario"),
            word("site.scenarios.summary"),
            word("site.scenarios.changes"),
            word("columns.today_annual"),
            word("columns.annual"),
            word("columns.due_now"),
        ]
        head = el("tr", [el("th", h, scope="col") for h in heads])
        names = {p.key: p.name for p in self.catalog.products}
        out = []
        for anchor, label, group in self._scenario_groups():
            rows = []
            for scenario, result in group:
                total = totals(result)
                changes = word("site.scenarios.changes_join").join(
                    word("site.scenarios.change", product=names[line.product], change=word(f"change.{line.change}"))
                    for line in result.lines
                )
                cells = [self._row_cell(total.get(k), TOTAL_FIELDS[k]) for k in ("today_annual", "annual", "due_now")]
                summary = rich(scenario.summary) if scenario.summary else ""
                href = f"{ESTIMATOR_FROM_SCENARIOS}?{estimator_query(scenario)}"
                rows.append(
                    el(
                        "tr",
                        el("th", el("a", scenario.title or "", href=href), scope="row"),
                        el("td", summary),
                        el("td", changes),
                        cells,
                        data_scenario=scenario.id,
                    )
                )
            caption = word("site.scenarios.caption", kinds=label, count=count(len(group)))
            out.append(
                f"## {md(label)} {{#{anchor}}}\n\n"
                + raw_html(
                    el(
                        "table",
                        NL,
                        el("caption", caption),
                        NL,
                        el("thead", head),
                        NL,
                        el("tbody", NL, lines(rows), NL),
                        NL,
                        data_scenarios=anchor,
                    )
                )
            )
        return "\n\n".join(out)

    @staticmethod
    def _row_cell(cell: Cell | None, field: str) -> Markup:
        if cell is None or not cell.text:
            return el("td", word("cells.none"), data_field=field)
        text = (
            word("site.rules.marked", text=cell.text, marker=word("site.rules.marker"))
            if cell.assumptions
            else cell.text
        )
        return el("td", text, data_field=field)

    def scenario_block(self, scenario: Scenario, result: Quote, level: int) -> str:
        hashes, title = "#" * level, md(scenario.title or "")  # worked scenarios always have a title
        parts = [
            f"{hashes} {title} {{#{scenario.id}}}"
            if level == 2
            else f"{hashes} {word('site.scenarios.example', title=title)} {{#example-{scenario.id}}}"
        ]
        if scenario.summary:
            parts.append(markdown(scenario.summary))
        v = view(self.catalog, scenario, result)
        parts.append(md(sentences(v.about)))
        parts.append(self.quote_table(scenario, v))
        if v.incomplete:
            parts.append(md(v.incomplete))
        parts.append(self.bills_table(scenario, v))
        if v.after_window:
            parts.append(md(v.after_window))
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
        parts.append(f"[{word('site.scenarios.open', title=title)}](estimator.md?{estimator_query(scenario)})")
        return "\n\n".join(parts)

    @staticmethod
    def _marks(v: QuoteView, cell: Cell) -> Markup:
        """Footnote markers after a figure that rests on an unconfirmed rule."""
        marker = word("assumptions.marker")
        return Markup("".join(el("sup", f"[{n}]", class_="gc-confirm", title=marker) for n in v.mark(cell.assumptions)))

    # On a phone, CSS stacks each cell as a "label: value" row: the label is data-label,
    # shown by CSS with empty alternative text, so a screen reader, which still reads a
    # table there (its roles are the elements' own), does not hear the heading twice.
    def _view_cell(
        self, v: QuoteView, label: str, cell: Cell, field: str | None = None, strong: bool = False
    ) -> Markup:
        value = el("strong", cell.text) if strong and cell.text else cell.text
        return el("td", value, self._marks(v, cell), data_field=field, data_label=label)

    def quote_table(self, scenario: Scenario, v: QuoteView) -> str:
        keys = [k for k, _ in v.columns]
        heads = dict(v.columns)
        head = [el("th", h, scope="col") for _, h in v.columns]
        rows = []
        for row in v.rows:
            cells = [el("th", row.cells["product"].text, scope="row")]
            cells += [self._view_cell(v, heads[k], row.cells[k], FIELDS.get(k)) for k in keys[1:]]
            rows.append(el("tr", cells, data_product=row.key))
        total = [el("th", v.total.cells["product"].text, scope="row")]
        for k in keys[1:]:
            cell = v.total.cells[k]
            if not cell.text:
                total.append(el("td", class_="gc-blank"))
            else:
                total.append(self._view_cell(v, heads[k], cell, TOTAL_FIELDS.get(k), strong=True))
        rows.append(el("tr", total, data_total=True))
        caption = (
            word("site.scenarios.quote_for", title=scenario.title) if scenario.title else word("site.scenarios.quote")
        )
        return raw_html(
            el(
                "table",
                NL,
                el("caption", caption),
                NL,
                el("thead", el("tr", head)),
                NL,
                el("tbody", NL, lines(rows), NL),
                NL,
                data_scenario=scenario.id or "",
            )
        )

    def bills_table(self, scenario: Scenario, v: QuoteView) -> str:
        # The price list of each bill, once the data records price changes (as the CLI table does).
        priced = v.dated_prices
        keys = ("when", "on", "what", "products", *(("prices",) if priced else ()), "amount")
        heads = [el("th", word(f"bills.{k}"), scope="col") for k in keys]
        rows = [
            el(
                "tr",
                el("td", b.when),
                el("td", b.on),
                el("td", b.what),
                el("td", b.products),
                el("td", b.prices) if priced else None,
                el("td", b.amount.text, self._marks(v, b.amount), data_field="amount"),
                data_in_days="" if b.in_days is None else b.in_days,
            )
            for b in v.bills
        ]
        # The total between the bills it sums and those after them. Its label is the row's
        # header in the first column: a row header spanning columns would make the table's
        # headers two levels deep (WCAG technique H43), and the bills after it would fall under it.
        rows.insert(
            v.in_window,
            el(
                "tr",
                el("th", v.first_year_label, scope="row"),
                [el("td", class_="gc-blank") for _ in keys[1:-1]],
                el("td", v.first_year.text, self._marks(v, v.first_year), data_field="first_year_total"),
                data_first_year=True,
            ),
        )
        return raw_html(
            el(
                "table",
                NL,
                el("caption", word("bills.title")),
                NL,
                el("thead", el("tr", heads)),
                NL,
                el("tbody", NL, lines(rows), NL),
                NL,
                data_bills=scenario.id or "",
            )
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
        "reserved_keys",
        "validation_example",
        "price_change_example",
        "rules_index",
        "source_list",
        "to_confirm",
        "marker",
    ):
        env.macro(getattr(pages, name), name)
    env.variables["fill"] = pages.fill
    env.variables["scenarios_in_full"] = SCENARIOS_IN_FULL
