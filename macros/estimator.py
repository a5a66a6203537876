"""Macros for the estimator page: the embedded price book and the form markup.

Everything a reader sees that the data holds (product names, contacts, the
term length, the instance limit) comes from the catalog here, so the page and
its scripts name no product and repeat no number. The markup is plain HTML:
`docs/assets/estimator/` (ES modules) fills in the results.
"""

from __future__ import annotations

import json

from govcloud.calc.pricebook import pricebook
from govcloud.words.vocabulary import template, word
from govcloud_site.markdown.marks import NO_TERM_LINKS, mark, raw_html
from macros.fields import date_field, number_field
from macros.markup import Markup, concat, el, fill, rich
from macros.options import options_form, options_results
from macros.text import count

CUSTOMERS = ("government", "commercial")
# The words the estimator's scripts write too (the empty state, a field a problem names, the
# renewal hint that changes) come from the price book's words (WORDS); the rest from the site's.
# The estimator page is /estimator/; its styles sit in the site's assets.
STYLESHEET = "../assets/estimator.css"


def _w(key: str, **values: object) -> str:
    return word("site.estimator." + key, **values)


def script_json(value) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def pricebook_script(catalog) -> Markup:
    """The price book as <script type="application/json" id="govcloud-pricebook">, inside a <template>.

    Material's instant navigation re-runs every <script> in the new page as
    JavaScript, dropping its type and id: the JSON would be a syntax error and
    could no longer be found. Scripts inside a <template> are inert and out of
    its reach; the estimator (main.js) reads the template's content."""
    # A script's content is not HTML: script_json makes it safe there, where escaping would corrupt it.
    book = Markup(script_json(pricebook(catalog)))
    return el(
        "template",
        el("script", book, type="application/json", id="govcloud-pricebook"),
        id="govcloud-pricebook-template",
    )


def _product_fieldset(catalog, product) -> Markup:
    key, name = product.key, product.name
    instances_hint = _w("instances_hint", limit=count(catalog.max_instances))
    now = el(
        "div",
        el("p", _w("today_title", product=name), class_="gc-group-title"),
        number_field(
            f"gc-current-users-{key}", f"current-users-{key}", _w("users_today"), _w("users_today_hint", product=name)
        ),
        number_field(f"gc-current-instances-{key}", f"current-instances-{key}", _w("instances_today"), instances_hint),
        class_="gc-group gc-change-only",
    )
    wanted = el(
        "div",
        el("p", _w("after_title", product=name), class_="gc-group-title gc-change-only"),
        number_field(
            f"gc-users-{key}",
            f"users-{key}",
            _w("users"),
            concat(
                el("span", _w("users_hint_new", product=name), class_="gc-new-only"),
                el("span", _w("users_hint_change"), class_="gc-change-only"),
            ),
        ),
        number_field(f"gc-instances-{key}", f"instances-{key}", _w("instances"), instances_hint),
        # Cancelling is a choice of its own, never the meaning of an empty field.
        el(
            "div",
            el("input", type="checkbox", id=f"gc-cancel-{key}", data_testid=f"cancel-{key}", data_product=key),
            el("label", _w("cancel"), for_=f"gc-cancel-{key}"),
            class_="gc-check gc-change-only",
        ),
        class_="gc-group",
    )
    return el(
        "fieldset",
        el("legend", name, class_="gc-legend"),
        el("p", rich(product.description), class_="gc-hint"),
        el("div", now, wanted, class_="gc-columns"),
        class_="gc-product",
        data_product=key,
    )


def _contact_block(kind: str, contact, hidden: bool) -> Markup:
    link = el("a", _w("contact_link", contact=contact.name), href=contact.url)
    return el(
        "div",
        el("p", fill(template("site.estimator.contact_how"), how=rich(contact.how), link=link)),
        class_="gc-contact",
        data_customer=kind,
        hidden=hidden,
    )


def _field(field_id: str, label: str, hint: str, control: Markup, error: bool = False, **attrs) -> Markup:
    """A field whose control is not a text box (the customer's select)."""
    return el(
        "div",
        el("label", label, class_="gc-label", for_=field_id),
        el("p", hint, class_="gc-hint", id=f"{field_id}-hint"),
        el("p", class_="gc-error", id=f"{field_id}-error", hidden=True) if error else None,
        control,
        class_="gc-field",
        **attrs,
    )


def _radio(value: str, label: str, checked: bool) -> Markup:
    return el(
        "div",
        el(
            "input",
            type="radio",
            name="gc-mode",
            id=f"gc-mode-{value}",
            value=value,
            data_testid=f"mode-{value}",
            checked=checked,
        ),
        el("label", label, for_=f"gc-mode-{value}"),
        class_="gc-radio",
    )


def _button(action: str, label: str) -> Markup:
    return el("button", label, type="button", class_="md-button", data_action=action)


def estimator_markup(catalog) -> Markup:
    term = catalog.term_days
    contacts = catalog.contacts
    first = getattr(contacts, CUSTOMERS[0])  # the customer the form starts with
    customer = el(
        "select",
        [el("option", getattr(contacts, kind).who, value=kind) for kind in CUSTOMERS],
        class_="gc-select",
        id="gc-customer",
        name="customer",
        data_testid="customer",
        aria_describedby="gc-customer-hint",
    )
    form = el(
        "form",
        el(
            "fieldset",
            el("legend", _w("mode_legend"), class_="gc-legend"),
            # Radios, not buttons: one choice of two, one Tab stop, announced as "1 of 2"; the
            # arrow keys that move between them are said here, as few readers know them.
            el("p", _w("mode_hint"), class_="gc-hint", id="gc-mode-hint"),
            _radio("new", _w("mode_new"), True),
            _radio("change", _w("mode_change"), False),
            class_="gc-mode",
            aria_describedby="gc-mode-hint",
        ),
        _field("gc-customer", _w("customer_label"), _w("customer_hint"), customer),
        # D, the day the change is made and priced (docs/formats.md): today unless the address
        # says otherwise; main.js writes the reader's date in it at start.
        date_field("gc-date", "change-date", word("estimator_form.date"), _w("date_hint"), "date"),
        el(
            "fieldset",
            el("legend", _w("term_legend"), class_="gc-legend"),
            number_field(
                "gc-days-remaining",
                "days-remaining",
                word("estimator_form.days"),
                _w("days_hint", term_days=count(term)),
                "days_remaining",
            ),
            date_field(
                "gc-renewal",
                "renewal-date",
                word("estimator_form.renewal"),
                word("estimator_form.renewal_hint"),
                "renewal",
            ),
            class_="gc-term gc-change-only",
        ),
        [_product_fieldset(catalog, p) for p in catalog.products],
        options_form(catalog),
        # The figures follow the typing; the button (and Enter in a field) asks for them
        # outright: every problem left is shown, else the estimate is brought into view.
        el(
            "div",
            el("button", _w("submit"), type="submit", class_="md-button md-button--primary", data_testid="submit"),
            class_="gc-submit",
        ),
        class_="gc-form",
        data_gc="form",
        novalidate=True,
    )
    summary = el(
        # Stays in sight at the foot of the window while the form is in view, then
        # settles above the results: typing visibly changes something.
        "div",
        el(
            "p",
            el(
                "span",
                word("columns.due_now"),
                " ",
                el("strong", data_testid="summary-due-now"),
                class_="gc-summary-item",
            ),
            " ",
            el(
                "span",
                word("totals.first_year", term_days=term),
                " ",
                el("strong", data_testid="summary-first-year"),
                class_="gc-summary-item",
            ),
            class_="gc-summary-figures",
            data_gc="summary-figures",
            hidden=True,
        ),
        # What the estimator shows before the first answer (its code loads when the form is first
        # used: main.js); view.js's summaryStatus says the same.
        el("p", word("estimator_status.empty"), class_="gc-summary-status", data_testid="summary-status"),
        el(
            "a",
            _w("see_estimate"),
            class_="gc-summary-link",
            href="#gc-results-title",
            data_gc="summary-link",
            data_gc_target="gc-results-title",
            hidden=True,
        ),
        class_="gc-summary",
        data_gc="summary",
    )
    results = el(
        "section",
        el("h2", _w("results_title"), id="gc-results-title", tabindex="-1"),
        el("ul", class_="gc-print-only gc-context", data_gc="print-context"),
        el("p", class_="gc-stale", data_gc="stale", hidden=True),
        el("p", word("estimator_status.empty"), class_="gc-empty", data_gc="empty"),
        # The date the estimate is for and until when a quote made then holds (the hooks quote-date and
        # valid-until, in the words of `about.date`), and a notice once that has passed: dom.js writes them.
        el("p", class_="gc-dated", data_gc="dated", hidden=True),
        el("p", class_="gc-passed", data_gc="dated-passed", hidden=True),
        options_results(),
        # The estimate's detail (option 1's with options); each later option's copy of it follows,
        # under its own name (options.js), so that every option's detail is on screen and on paper.
        el(
            "div",
            # The estimator writes the rows, headings and totals from the price book's words.
            el(
                "div",
                el(
                    "table",
                    el("caption", _w("table_caption"), class_="gc-caption"),
                    el("thead", data_gc="head"),
                    el("tbody", data_gc="lines"),
                    el("tfoot", data_gc="foot"),
                    class_="gc-table",
                ),
                class_="gc-table-wrap",
                data_gc="table-wrap",
                hidden=True,
            ),
            el(
                "div",
                el("h3", word("bills.title"), id="gc-bills-title", data_gc="bills-title"),
                el("p", word("bills.none"), data_gc="bills-none", hidden=True),
                el(
                    "div",
                    el(
                        "table",
                        el("thead", data_gc="bills-head"),
                        el("tbody", data_gc="bills-lines"),
                        class_="gc-table gc-bills-table",
                        aria_labelledby="gc-bills-title",
                    ),
                    class_="gc-table-wrap",
                    data_gc="bills-table",
                ),
                el(
                    "p",
                    el("span", data_gc="first-year-label"),
                    " ",
                    el("strong", data_testid="first-year-total"),
                    class_="gc-first-year",
                ),
                # That the bills after the total's last day are left out of it, when there are some.
                el("p", class_="gc-after-window", data_gc="after-window", data_testid="after-window", hidden=True),
                class_="gc-bills",
                data_gc="bills",
                hidden=True,
            ),
            el("ul", class_="gc-footnotes", data_gc="footnotes", hidden=True),
            el("p", class_="gc-incomplete", data_gc="incomplete", hidden=True),
            # The quote's messages in full, folded: each row already carries its one explanation.
            el(
                "details",
                el("summary", _w("why")),
                el("ul", class_="gc-messages", data_gc="messages"),
                class_="gc-why",
                data_gc="why",
                hidden=True,
            ),
            class_="gc-detail",
            data_gc="detail",
        ),
        el("div", class_="gc-option-details", data_gc="option-details", hidden=True),
        el(
            "div",
            _button("copy-link", _w("copy_link")),
            _button("copy-table", _w("copy_table")),
            _button("csv", _w("csv")),
            _button("yaml", _w("yaml")),
            _button("print", _w("print")),
            class_="gc-actions",
            data_gc="actions",
            hidden=True,
        ),
        el("p", class_="gc-action-status", data_gc="action-status", role="status"),
        class_="gc-results",
        data_gc="results",
        aria_labelledby="gc-results-title",
    )
    action = {key: el("em", _w(key)) for key in ("copy_link", "copy_table", "csv")}
    next_steps = el(
        "section",
        el("h2", _w("next_title"), id="gc-next-title"),
        el(
            "p",
            fill(
                template("site.estimator.contact"),
                contact=el("strong", first.name, data_testid="contact", data_gc="contact"),
                who=el("span", first.who, data_gc="who"),
            ),
        ),
        [_contact_block(kind, getattr(contacts, kind), kind != CUSTOMERS[0]) for kind in CUSTOMERS],
        el("p", _w("send")),
        el(
            "ul",
            # On paper the buttons are gone: the printout names what it carries instead.
            el("li", fill(template("site.estimator.send_link"), **action), class_="gc-screen-only"),
            el(
                "li",
                fill(template("site.estimator.send_scenario"), scenario=el("em", _w("scenario_action"))),
                class_="gc-screen-only",
            ),
            el("li", _w("send_printout"), class_="gc-print-only"),
            el("li", _w("send_organization")),
        ),
        el("p", word("messages.illustrative", contact=first.name), class_="gc-illustrative", data_gc="illustrative"),
        class_="gc-next",
        aria_labelledby="gc-next-title",
    )
    return el(
        "div",
        # Only this page loads the estimator's styles; a stylesheet link in the
        # body holds back the paint of what follows it, so the form never jumps.
        el("link", rel="stylesheet", href=STYLESHEET),
        pricebook_script(catalog),
        el("div", class_="gc-notice", data_gc="address-notice", role="status", hidden=True),
        el(
            "div",
            el("h2", _w("errors_title"), class_="gc-error-title"),
            el("ul", data_gc="error-list"),
            class_="gc-error-summary",
            data_gc="error-summary",
            tabindex="-1",
            hidden=True,
        ),
        el("div", form, summary, class_="gc-work"),
        results,
        next_steps,
        el("div", class_="gc-live", data_gc="live", aria_live="polite"),
        # A figure resting on an unconfirmed rule links to the rule on the Sources page.
        class_="gc-estimator",
        id="gc-estimator",
        data_mode="new",
        data_rules_href="../sources/#rule-",
    )


def register(env, catalog):
    # A form page of its own: no glossary links are added to its words.
    # Stored HTML (marks.raw_html): its ids are the form's and the scripts', never linked to.
    env.macro(lambda: mark(NO_TERM_LINKS) + raw_html(estimator_markup(catalog), unlinked_ids=True), "estimator")
