"""Every word a quote is shown with, written once.

The CLI table, the pages' worked scenarios and the estimator (which receives
this document inside the price book, under `words`) all read these. A
sentence with values is a template: `{name}` is replaced by a value that the
caller has already formatted (money as `$1,234.56`, counts with thousands
separators). The JavaScript calculation fills the same templates with the same
rule (see `fill`), so a wording changed here changes every output.

Nothing here names a product, a contact, a price or a limit: those come from
the data and reach the templates as values.
"""

from __future__ import annotations

import re
from typing import Any, Final

# `{name}`: lowercase letters and underscores; no format specs, so JavaScript
# can fill a template with one regular expression.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

WORDS: Final[dict[str, Any]] = {
    # How a date is written for readers (US English: "March 26, 2027"); files and links keep YYYY-MM-DD.
    "dates": {"long": "{month} {day}, {year}"},
    # What a change to one product is called, everywhere.
    "change": {
        "new": "New subscription",
        "upgrade": "Upgrade",
        "downgrade": "Downgrade",
        "instances_only": "Instances",
        "unchanged": "No change",
        "cancel": "Cancelled",
    },
    # The short reason beside a change's label (the estimator's change cell).
    "change_detail": {
        "new": "billed for a full term",
        "upgrade": "prorated for {days} of {term_days} days",
        "downgrade": "takes effect at renewal",
        "instances_only": "{instances} of {max_instances}, no extra cost",
        "unchanged": "the bill stays the same",
        "cancel": "ends with the current term, no credit",
        "beyond": "beyond the price book",
    },
    # Column headings of every quote table. A line's yearly price is a price,
    # not a bill: the dated bills are in `bills`.
    "columns": {
        "product": "Product",
        "change": "Change",
        "today": "Today",
        "today_tier": "Tier today",
        "today_annual": "Yearly price today",
        "users": "Users",
        "tier": "Tier",
        "instances": "Instances",
        "annual": "Yearly price after",
        "annual_new": "Yearly price",
        "difference": "Difference from renewal",
        "due_now": "Due now",
        "status": "Status",
    },
    "totals": {
        "total": "Total",
        "priced_only": "Total (priced lines only)",
        "incomplete": "Incomplete: the totals leave out the lines marked “{ask}”.",
        "first_year": "Paid in the next {term_days} days",
        "first_year_priced_only": "Paid in the next {term_days} days (priced lines only)",
        "today": "Yearly prices today",
        "after": "Yearly prices after",
    },
    # What a table cell says where the price book has no figure.
    "cells": {
        "ask": "Ask {contact}",
        "none": "—",
        "tier": "{tier} users",
        "not_held": "Not subscribed",
        "holding": "{users} users, {instances} {instances_word}",
        "instance": "instance",
        "instances": "instances",
        # A yearly price that the line's renewal charges at another price (a dated price change).
        "renewal_price": "{annual}; {renewal} from {date}",
    },
    # The yearly difference a change makes, in words.
    "difference": {
        "less": "{amount} a year less from renewal",
        "more": "{amount} a year more from renewal",
        "same": "none",
        "added": "{amount} a year more, a new subscription",
    },
    # Who the quote is for (the kinds are the data's contacts).
    "about": {
        "customer": "For {who}: contact {contact}.",
        "days": "A change with {days} of {term_days} days left in the term.",
        "renewal": "A change renewing on {date}, {days} of {term_days} days from {today}.",
        "no_days": "A change; the days left in the term were not given.",
        "date": "Dated {date}, at the prices in force that day; valid until {valid_until}.",
    },
    # The explanation of a quote: one list of sentences, filled by Python and JavaScript alike.
    "messages": {
        "tier": "{product}, {users} users: the {tier}-user tier, the smallest that covers them.",
        "new": "{product}: new subscription, billed for a full term from today, with its own renewal date: "
        "{due_now} due now.",
        "upgrade": "{product}: upgrade from the {old_tier}-user tier; the difference of {difference} a year "
        "is prorated for {days} of {term_days} days: {due_now} due now.",
        "downgrade": "{product}: downgrade from the {old_tier}-user tier takes effect at renewal; "
        "nothing is due now and no credit is given.",
        "instances_only": "{product}: instances go from {old_instances} to {instances}; "
        "the tier and the bill stay the same.",
        "unchanged": "{product}: no change to the bill.",
        "cancel": "{product}: cancelled; the subscription ends with the current term, with no credit for the time left.",
        "instances": "{product}: {instances} of {max_instances} instances, at no extra cost.",
        "beyond": "{product}: {reasons}; no published rule prices this: ask {contact} for a quote.",
        "beyond_users": "{users} users is more than the largest tier ({top} users)",
        "beyond_instances": "{instances} instances is more than the limit of {max_instances}",
        "beyond_join": "; ",
        "incomplete": "Totals cover the priced lines only; ask {contact} about the rest.",
        "illustrative": "The tiers and their prices are illustrative; the quote from {contact} governs.",
        # A dated price change before the bill that renews a line (the quote's `date` is D).
        "rise_before_renewal": "{product}: the {tier}-user tier rises from {old} to {new} a year on {date}, "
        "before your renewal on {renewal}.",
        "fall_before_renewal": "{product}: the {tier}-user tier falls from {old} to {new} a year on {date}, "
        "before your renewal on {renewal}.",
        "rise_before_first_renewal": "{product}: the {tier}-user tier rises from {old} to {new} a year on {date}, "
        "before this new subscription's first renewal on {renewal}.",
        "fall_before_first_renewal": "{product}: the {tier}-user tier falls from {old} to {new} a year on {date}, "
        "before this new subscription's first renewal on {renewal}.",
        "rise_undated": "{product}: the {tier}-user tier rises from {old} to {new} a year on {date}; "
        "this applies to your renewal if it falls on or after that day.",
        "fall_undated": "{product}: the {tier}-user tier falls from {old} to {new} a year on {date}; "
        "this applies to your renewal if it falls on or after that day.",
        "prices_hold": "List prices change on {date}; this quote's prices hold until {valid_until} "
        "if the order is placed by then.",
    },
    # The dated bills (the quote's `bills`): when each falls and what it joins.
    "bills": {
        "title": "Bills, by date",
        "when": "When",
        "on": "Date",
        "what": "What",
        "products": "Products",
        "prices": "Prices",
        "amount": "Amount",
        # The version of the prices a bill is priced on (the quote's `prices_from`).
        "prices_from": "in force from {date}",
        "prices_base": "before any recorded change",
        "now": "Today",
        "in_days": "In {days} days",
        "in_day": "In 1 day",
        "on_date": "On {date}",
        "when_on": "{when}, {date}",
        "undated": "At renewal (the days left were not given)",
        "none": "No bills: nothing priced is kept or bought.",
        "due_now": "due now",
        "renewal": "the renewal of the current term",
        "first_renewal": "the first renewal of each new subscription",
        "join": ", with ",
        "entry": "{when}: {amount}, {what} ({products})",
        "first_year": "{label}: {amount}",
        "first_year_unknown": "not known until the days left are given",
    },
    # Marking a figure that rests on a rule the data has not confirmed.
    "assumptions": {
        "marker": "to confirm",
        "footnote": "[{n}] To confirm: {title}. {summary}",
        "intro": "Figures marked [n] rest on a rule not confirmed for Government Cloud; ask {contact}.",
    },
    # Problems with what was asked, for files (`field: message`) and the form ("{what} {problem}").
    "problems": {
        "field": "{what} {problem}",
        "whole": "must be a whole number, like 120",
        "digits": "must be written with the digits 0 to 9",
        "at_least": "must be at least {min}",
        "too_large": "must be smaller: a number this large cannot be estimated here, so ask {contact} for a quote",
        "days_at_most": "must be at most {term_days} (the days in a term)",
        "days_needed": "an upgrade needs the days left in the term: give days_remaining or renewal",
        "days_needed_form": "Enter the days left in the term, or the renewal date",
        "both_days": "give days_remaining or renewal, not both",
        "renewal_not_date": "must be a real date, written YYYY-MM-DD",
        "renewal_past": "must be today or later",
        "renewal_far": "must be within {term_days} days of today",
        "users_missing": "Enter the number of {what}, or clear {other}",
        # The form's own box for cancelling, named by its label as the page shows it.
        "users_after_missing": "Enter the number of {what} after the change, or select “{cancel}”",
        "unknown_product": "unknown product; use one of: {keys}",
        "no_product": "name at least one product",
        "customer": "use one of: {kinds}",
    },
    # Room in the tier: how many more users fit before the next tier, and what it costs
    # (govcloud.calc.room; the estimator fills the same templates).
    "room": {
        "title": "Room in the tier",
        "fit_one": "1 more user fits",
        "fit_many": "{room} more users fit",
        "full": "the {tier}-user tier is full",
        "next": "{product}: {fit}; the {next_tier}-user tier costs {more} a year more.",
        "top": "{product}: {fit}; this is the largest tier: beyond {tier} users, ask {contact}.",
    },
    # The tier ladder on the estimator page: where today's holding and the estimate sit.
    "ladder": {
        "title": "Where the estimate sits on the tier ladder",
        "intro": "Each line is a product's yearly price at every tier. A ring marks the tier you have today; "
        "a large filled mark, the tier the estimate puts you in.",
        "legend_today": "Tier today",
        "legend_estimate": "Tier with the estimate",
        "today": "today, the {tier}-user tier",
        "estimate": "with the estimate, the {tier}-user tier",
        "join": "; ",
        "line": "{product}: {places}.",
    },
    # Options side by side (govcloud.calc.options): the heading and the difference rows.
    "options": {
        "title": "{count} options side by side",
        "difference": "Difference from “{name}”",
        # The estimator's options (its address, form and announcements; README, "Compare options").
        "default_name": "Option {n}",
        "details": "“{name}” in detail",
        "added": "Added “{name}”: {count} options are compared.",
        "removed": "Removed “{name}”: {count} left.",
        "name_missing": "must not be empty: write a few words, such as “Go to 1,000 users”",
        "name_long": "must be at most {most} characters",
        "name_plain": (
            "must be plain words: no brackets or braces, none of < > * _ ` \\ |, and no list or heading mark at the start"
        ),
        "name_taken": "is already the name of another option",
        "shared": "is shared by every option: give {field} once, beside options",
    },
}


def fill(template: str, **values: object) -> str:
    """The template with each `{name}` replaced; a missing value is an error, never a blank."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"template {template!r} needs {name!r}")
        return str(values[name])

    return PLACEHOLDER.sub(one, template)


def word(path: str, **values: object) -> str:
    """`word("messages.tier", product=..., ...)`: the template at a dotted path, filled."""
    node: Any = WORDS
    for part in path.split("."):
        node = node[part]
    return fill(node, **values)
