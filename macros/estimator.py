"""Macros for the estimator page: the embedded price book and the form markup.

Everything a reader sees that the data holds (product names, contacts, the
term length, the instance limit) comes from the catalog here, so the page and
its scripts name no product and repeat no number. The markup is plain HTML:
`docs/assets/estimator/` (ES modules) fills in the results.
"""

from __future__ import annotations

import json
from html import escape

from govcloud.calc.pricebook import pricebook
from govcloud.words.richtext import html_text
from govcloud.words.vocabulary import WORDS, word
from govcloud_site.markdown.marks import NO_TERM_LINKS, mark, raw_html
from macros.fields import date_field, number_field
from macros.options import options_form, options_results

CUSTOMERS = ("government", "commercial")
# The page as built shows what the estimator shows before the first answer (its code
# loads when the form is first used: main.js); view.js's summaryStatus says the same.
EMPTY = "Enter the users of at least one product to see an estimate."
# The estimator page is /estimator/; its styles sit in the site's assets.
STYLESHEET = "../assets/estimator.css"


def script_json(value) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def pricebook_script(catalog) -> str:
    """The price book as <script type="application/json" id="govcloud-pricebook">, inside a <template>.

    Material's instant navigation re-runs every <script> in the new page as
    JavaScript, dropping its type and id: the JSON would be a syntax error and
    could no longer be found. Scripts inside a <template> are inert and out of
    its reach; the estimator (main.js) reads the template's content."""
    return (
        '<template id="govcloud-pricebook-template">'
        '<script type="application/json" id="govcloud-pricebook">'
        f"{script_json(pricebook(catalog))}</script></template>"
    )


def _product_fieldset(catalog, product) -> str:
    key, name = product.key, escape(product.name)
    limit = f"{catalog.max_instances:,}"
    instances_hint = f"Leave empty for 1. Up to {limit} cost nothing extra."
    now = (
        '<div class="gc-group gc-change-only">'
        f'<p class="gc-group-title">{name} today</p>'
        + number_field(
            f"gc-current-users-{key}",
            f"current-users-{key}",
            "Users today",
            f"Leave empty if you do not have {name} now.",
        )
        + number_field(f"gc-current-instances-{key}", f"current-instances-{key}", "Instances today", instances_hint)
        + "</div>"
    )
    wanted = (
        '<div class="gc-group">'
        f'<p class="gc-group-title gc-change-only">{name} after the change</p>'
        + number_field(
            f"gc-users-{key}",
            f"users-{key}",
            "Users",
            f'<span class="gc-new-only">Leave empty if you do not want {name}.</span>'
            '<span class="gc-change-only">Starts from today\'s number; change it to the number you '
            "want.</span>",
        )
        + number_field(f"gc-instances-{key}", f"instances-{key}", "Instances", instances_hint)
        # Cancelling is a choice of its own, never the meaning of an empty field.
        + '<div class="gc-check gc-change-only">'
        f'<input type="checkbox" id="gc-cancel-{key}" data-testid="cancel-{key}" data-product="{key}">'
        f'<label for="gc-cancel-{key}">Cancel this product</label></div>' + "</div>"
    )
    return (
        f'<fieldset class="gc-product" data-product="{key}">'
        f'<legend class="gc-legend">{name}</legend>'
        f'<p class="gc-hint">{html_text(product.description)}</p>'
        f'<div class="gc-columns">{now}{wanted}</div></fieldset>'
    )


def _contact_block(kind: str, contact, hidden: bool) -> str:
    return (
        f'<div class="gc-contact" data-customer="{kind}"{" hidden" if hidden else ""}>'
        f"<p>{html_text(contact.how)} "
        f'<a href="{escape(contact.url)}">Contact {escape(contact.name)}</a>.</p></div>'
    )


def estimator_markup(catalog) -> str:

    term = catalog.term_days
    contacts = catalog.contacts
    first = getattr(contacts, CUSTOMERS[0])  # the customer the form starts with
    customer_options = "".join(
        f'<option value="{kind}">{escape(getattr(contacts, kind).who)}</option>' for kind in CUSTOMERS
    )
    form = (
        '<form class="gc-form" data-gc="form" novalidate>'
        '<fieldset class="gc-mode"><legend class="gc-legend">What do you want to estimate?</legend>'
        '<div class="gc-radio"><input type="radio" name="gc-mode" id="gc-mode-new" value="new" '
        'data-testid="mode-new" checked><label for="gc-mode-new">A new purchase</label></div>'
        '<div class="gc-radio"><input type="radio" name="gc-mode" id="gc-mode-change" value="change" '
        'data-testid="mode-change"><label for="gc-mode-change">A change to subscriptions you have</label></div>'
        "</fieldset>"
        '<div class="gc-field"><label class="gc-label" for="gc-customer">Who is buying?</label>'
        '<p class="gc-hint" id="gc-customer-hint">This decides whom you contact.</p>'
        '<select class="gc-select" id="gc-customer" name="customer" data-testid="customer" '
        f'aria-describedby="gc-customer-hint">{customer_options}</select></div>'
        # D, the day the change is made and priced (docs/formats.md): today unless the address
        # says otherwise; main.js writes the reader's date in it at start.
        + date_field(
            "gc-date",
            "change-date",
            "Date of the change",
            "The day you buy or make the change: the prices in force that day apply. It starts as today.",
            "date",
        )
        + '<fieldset class="gc-term gc-change-only"><legend class="gc-legend">Your current term</legend>'
        + number_field(
            "gc-days-remaining",
            "days-remaining",
            "Days left in the term",
            f"A whole number from 0 to {term}, or enter the renewal date below.",
            "days_remaining",
        )
        + date_field(
            "gc-renewal",
            "renewal-date",
            "Renewal date",
            "The days left are worked out from the date of the change.",
            "renewal",
        )
        + "</fieldset>"
        + "".join(_product_fieldset(catalog, p) for p in catalog.products)
        + options_form(catalog)
        + "</form>"
    )
    summary = (
        # Stays in sight at the foot of the window while the form is in view, then
        # settles above the results: typing visibly changes something.
        '<div class="gc-summary" data-gc="summary">'
        '<p class="gc-summary-figures" data-gc="summary-figures" hidden>'
        f'<span class="gc-summary-item">{escape(WORDS["columns"]["due_now"])} '
        '<strong data-testid="summary-due-now"></strong></span> '
        f'<span class="gc-summary-item">{escape(word("totals.first_year", term_days=term))} '
        '<strong data-testid="summary-first-year"></strong></span>'
        "</p>"
        f'<p class="gc-summary-status" data-testid="summary-status">{EMPTY}</p>'
        '<a class="gc-summary-link" href="#gc-results-title" data-gc="summary-link" '
        'data-gc-target="gc-results-title" hidden>See the full estimate</a>'
        "</div>"
    )
    results = (
        '<section class="gc-results" data-gc="results" aria-labelledby="gc-results-title">'
        '<h2 id="gc-results-title" tabindex="-1">Your estimate</h2>'
        '<ul class="gc-print-only gc-context" data-gc="print-context"></ul>'
        '<p class="gc-stale" data-gc="stale" hidden></p>'
        f'<p class="gc-empty" data-gc="empty">{EMPTY}</p>'
        # The date the estimate is for and until when a quote made then holds (the hooks quote-date and
        # valid-until, in the words of `about.date`), and a notice once that has passed: dom.js writes them.
        '<p class="gc-dated" data-gc="dated" hidden></p>'
        '<p class="gc-passed" data-gc="dated-passed" hidden></p>' + options_results() +
        # The estimator writes the rows, headings and totals from the price book's words.
        '<div class="gc-table-wrap" data-gc="table-wrap" hidden>'
        '<table class="gc-table"><caption class="gc-caption">Each product\'s tier and yearly price, '
        "today and after the change, and what is due now</caption>"
        '<thead data-gc="head"></thead><tbody data-gc="lines"></tbody><tfoot data-gc="foot"></tfoot>'
        "</table></div>"
        '<div class="gc-bills" data-gc="bills" hidden>'
        '<h3 id="gc-bills-title" data-gc="bills-title"></h3>'
        f'<p data-gc="bills-none" hidden>{escape(str(WORDS["bills"]["none"]))}</p>'
        '<div class="gc-table-wrap" data-gc="bills-table">'
        '<table class="gc-table gc-bills-table" aria-labelledby="gc-bills-title">'
        '<thead data-gc="bills-head"></thead><tbody data-gc="bills-lines"></tbody></table></div>'
        '<p class="gc-first-year"><span data-gc="first-year-label"></span> '
        '<strong data-testid="first-year-total"></strong></p></div>'
        '<ul class="gc-footnotes" data-gc="footnotes" hidden></ul>'
        '<p class="gc-incomplete" data-gc="incomplete" hidden></p>'
        # The quote's messages in full, folded: each row already carries its one explanation.
        '<details class="gc-why" data-gc="why" hidden><summary>Why these figures</summary>'
        '<ul class="gc-messages" data-gc="messages"></ul></details>'
        '<div class="gc-actions" data-gc="actions" hidden>'
        '<button type="button" class="md-button" data-action="copy-link">Copy link</button>'
        '<button type="button" class="md-button" data-action="copy-table">Copy as table</button>'
        '<button type="button" class="md-button" data-action="csv">Download CSV</button>'
        '<button type="button" class="md-button" data-action="yaml">Download scenario (YAML)</button>'
        '<button type="button" class="md-button" data-action="print">Print</button>'
        "</div>"
        '<p class="gc-action-status" data-gc="action-status" role="status"></p>'
        "</section>"
    )
    next_steps = (
        '<section class="gc-next" aria-labelledby="gc-next-title">'
        '<h2 id="gc-next-title">Next steps</h2>'
        f'<p>Contact <strong data-testid="contact" data-gc="contact">{escape(first.name)}</strong> '
        f'(<span data-gc="who">{escape(first.who)}</span>).</p>'
        + "".join(_contact_block(kind, getattr(contacts, kind), kind != CUSTOMERS[0]) for kind in CUSTOMERS)
        + "<p>Send them:</p><ul>"
        # On paper the buttons are gone: the printout names what it carries instead.
        '<li class="gc-screen-only">the link to this estimate (<em>Copy link</em>), the table (<em>Copy as '
        "table</em>) or the CSV file (<em>Download CSV</em>);</li>"
        '<li class="gc-screen-only">only if they ask for it, the scenario file (<em>Download scenario</em>): '
        "a file for sales tools that read this site's scenario format;</li>"
        '<li class="gc-print-only">this printout, or the link printed at its top, which opens the same '
        "estimate in the estimator;</li>"
        "<li>your organization's name and, for a change, your renewal date.</li></ul>"
        f'<p class="gc-illustrative" data-gc="illustrative">{escape(word("messages.illustrative", contact=first.name))}</p>'
        "</section>"
    )
    return (
        # A figure resting on an unconfirmed rule links to the rule on the Sources page.
        '<div class="gc-estimator" id="gc-estimator" data-mode="new" data-rules-href="../sources/#rule-">'
        # Only this page loads the estimator's styles; a stylesheet link in the
        # body holds back the paint of what follows it, so the form never jumps.
        f'<link rel="stylesheet" href="{STYLESHEET}">'
        + pricebook_script(catalog)
        + '<div class="gc-notice" data-gc="address-notice" role="status" hidden></div>'
        '<div class="gc-error-summary" data-gc="error-summary" tabindex="-1" hidden>'
        '<h2 class="gc-error-title">There is a problem</h2><ul data-gc="error-list"></ul></div>'
        + '<div class="gc-work">'
        + form
        + summary
        + "</div>"
        + results
        + next_steps
        + '<div class="gc-live" data-gc="live" aria-live="polite"></div>'
        "</div>"
    )


def register(env, catalog):
    # A form page of its own: no glossary links are added to its words.
    # Stored HTML (marks.raw_html): its ids are the form's and the scripts', never linked to.
    env.macro(lambda: mark(NO_TERM_LINKS) + raw_html(estimator_markup(catalog), unlinked_ids=True), "estimator")
