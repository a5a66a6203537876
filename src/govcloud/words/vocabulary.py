"""Every word a quote is shown with, written once.

The CLI table, the pages' worked scenarios and the estimator (which receives
this document inside the price book, under `words`) all read these. A
sentence with values is a template: `{name}` is replaced by a value that the
caller has already formatted (money as `$1,234.56`, counts with thousands
separators). The JavaScript calculation fills the same templates with the same
rule (see `fill`), so a wording changed here changes every output.

Nothing here names a product, a contact, a price or a limit: those come from
the data and reach the templates as values.

`WORDS` are the quote's words, shared with the JavaScript; `SITE_WORDS` the
words only the built pages show (the macros'). Every word is looked up in one
place (`template`, through `translate_with`'s translation), by its path, which
is also its context in the translators' template (locale/messages.pot,
`make pot`), in the current language (govcloud.words.language: English, the
words written here, unless another is chosen). Numbers, amounts, dates and
lists are written for that language's locale by govcloud.words.cldr.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any, Callable, Final

from govcloud.words import catalogs, language

# `{name}`: lowercase letters and underscores; no format specs, so JavaScript
# can fill a template with one regular expression.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# The one departure from CLDR: this site's lists have never had a serial comma
# ("Jira, Jira Service Management and Confluence"), which CLDR's en_US puts in;
# international English (en_001) writes them without. Other locales list as CLDR says.
LISTS_AS: Final[dict[str, str]] = {"en_US": "en_001"}

WORDS: Final[dict[str, Any]] = {
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
        # Between a change and its detail in the estimator's table ("Upgrade: prorated for ...").
        "join": ": ",
        "new": "billed for a full term",
        "upgrade": "prorated for {days} of {term_days} days",
        "downgrade": "takes effect at renewal",
        "instances_only": "{instances} of {max_instances}, no extra cost",
        "unchanged": "the bill stays the same",
        # Users that rise (or fall) within the tier held today: the bill stays, and says why.
        "same_tier": "{users} users still fit the {tier}-user tier",
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
        # The bills' total names the last day it covers (the quote's date + term_days - 1); the
        # bills after it are said to be left out (a bill on day 365 once seemed counted).
        "window": "{label}, through {date}",
        "after_window": "Bills from {date} on are not in this total.",
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
        "same_tier": "{product}: {users} users still fit the current {tier}-user tier, so the bill stays the same.",
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
        # A label before its figure in the estimator's summary ("Paid in the next 365 days:").
        "label": "{label}:",
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
        "when_on": "{when}, {date}",
        "undated": "At renewal (the days left were not given)",
        "none": "No bills: nothing priced is kept or bought.",
        "due_now": "due now",
        "renewal": "the renewal of the current term",
        "first_renewal": "the first renewal of each new subscription",
        "join": ", with ",
        # Between the names of the products a bill renews ("Jira, Confluence").
        "products_join": ", ",
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
        "renewal_past": "must be on or after the date of the change",
        "renewal_far": "must be within {term_days} days of the date of the change",
        "users_missing": "Enter the number of {what}, or clear {other}",
        # The form's own box for cancelling, named by its label as the page shows it.
        "users_after_missing": "Enter the number of {what} after the change, or select “{cancel}”",
        "unknown_product": "unknown product; use one of: {keys}",
        # One of the keys that list names, with the product it stands for: "jsm (Jira Service Management)".
        "product_key": "{key} ({name})",
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
        # With options to compare: the list that picks the option the chart and the room are for.
        "choose": "The tiers marked are those of",
    },
    # Options side by side (govcloud.calc.options): the heading and the difference rows.
    "options": {
        "title": "{count} options side by side",
        "difference": "Difference from “{name}”",
        # The estimator's options (its address, form and announcements; docs/architecture.md).
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
    # The rule every name shares (govcloud.model.names): products' names in the data and options' names.
    "names": {
        "control": "must not hold line breaks, tabs, control characters or invisible formatting "
        "(zero-width or right-to-left marks)",
        "word_long": "must not have a word longer than {most} characters: it would not fit a phone's screen",
        "taken": "is already the name of {other}; give each product a name of its own",
    },
    # The language the estimator writes dates and counts in, a BCP 47 tag handed to Intl as
    # it is. Python writes the same forms for en-US itself (present.long_date, format(n, ","));
    # tests/unit/test_conformance_node.py compares the two through this value. Not a word to
    # translate: `words()` gives the current language's tag (govcloud.words.language).
    "language": {
        "locale": "en-US",
    },
    # What the estimator's scripts write themselves (docs/assets/estimator/), beyond the
    # quote's words above: each group is one part of the page.
    # What the page address held that the estimator did not use (address.js,
    # options-address.js): "{shown}" is the parameter as given, each reason fills "{why}".
    "estimator_link": {
        "title": "Some of the link was not used",
        "read_title": "How the link was read",
        "shown": "“{name}={value}”",
        "shown_name": "“{name}”",
        "ignored": "Ignored {shown}: {why}.",
        "unknown": "the estimator has no such setting",
        "repeated": "“{name}” was already given; the first one is used",
        "customer": "use {kinds}",
        "customer_join": " or ",
        "not_a_date": "there is no such date",
        "date_form": "use a date written as YYYY-MM-DD",
        "past": "that date has passed",
        "far": "it is more than {term_days} days from today",
        "before_change": "it is before the date of the change",
        "far_from_change": "it is more than {term_days} days from the date of the change",
        "empty": "it is empty",
        "not_whole": "it must be a whole number, {min} or more",
        "too_small": "it must be {min} or more",
        "over_term": "a term has {term_days} days",
        "too_large": "the number is too large",
        "most_options": "the estimator compares at most {most} options",
        "new_purchase": "the link names no subscription held today, so it is a new purchase, "
        "which does not use the days left in a term",
        "renewal_used": "Used the renewal date {date} ({when}) instead of “days_remaining={days}”.",
        # A link made before links carried their date (under "How the link was read").
        "undated_days": "The link gives {shown} without the date it was made, so the days are counted from "
        "today: the renewal is taken to be on {date}. If that is not your renewal date, correct it in the form.",
        "rest_one": "…and {count} more part of the link that were not used either.",
        "rest_many": "…and {count} more parts of the link that were not used either.",
    },
    # How far a date is from today, or from a date of the change other than today
    # (numbers.js's fromToday and fromDay).
    "estimator_dates": {
        "today": "today",
        "one_day": "1 day from today",
        "days": "{days} days from today",
        "change_day": "the date of the change",
        "one_day_after": "1 day after the date of the change",
        "days_after": "{days} days after the date of the change",
    },
    # The form as its scripts name it: the field a problem is about, the renewal date's hint,
    # the hidden word before a problem beside its field. The page as built
    # (macros/estimator.py) shows the same labels and hint.
    "estimator_form": {
        "days": "Days left in the term",
        "date": "Date of the change",
        # Under both dates, after their hints (one date input pattern: GOV.UK's one text field).
        "date_format": "Write it as YYYY-MM-DD, for example 2027-03-26.",
        "renewal": "Renewal date",
        "users": "{product} users",
        "users_today": "{product} users today",
        "instances": "{product} instances",
        "instances_today": "{product} instances today",
        "option_name": "Name of option {n}",
        # An option's label before its name, a product or a problem ("Option 2: Jira").
        "option_part": "{option}: {text}",
        "renewal_hint": "The days left are worked out from the date of the change.",
        "renewal_days": "That is {when}.",
        "error": "Error:",
        # Beside a users field whose number looks like a slip (typed onto a prefilled one); it does not block.
        "check_beyond": "Check the number: {users} users is more than the largest tier here ({top} users), "
        "so this line cannot be priced.",
        "check_jump": "Check the number: {users} users is more than {times} times today's {today}.",
    },
    # The estimate's state: the summary's status line, the note over figures out of date,
    # and what the live region says once typing pauses.
    "estimator_status": {
        "empty": "Enter the users of at least one product to see an estimate.",
        # Beside the figures once a quote made on the estimate's date would no longer hold.
        "dated_passed": "This estimate is for {date}: a quote made that day held its prices until {valid_until}. "
        "A quote made today may differ.",
        "fix_to_see": "Fix the problems marked above to see an estimate.",
        "finish_to_see": "Finish your answers to see an estimate.",
        "stale_fix": "Out of date: fix the problems marked above.",
        "stale_finish": "Out of date: finish your answers to update it.",
        "stale_note": "These figures are out of date: they are for the last complete answers. {next}",
        "next_fix": "Fix the problems above to update them.",
        "next_finish": "Finish your answers to update them.",
        "problems_one": "There is 1 problem to fix",
        "problems_many": "There are {count} problems to fix",
        "problems": "{problems}.",
        "problems_stale": "{problems}; the figures shown are out of date.",
        "updated": "Estimate updated: {due_now_label} {due_now}; {first_year_label}: {first_year}.",
    },
    # What the action buttons say they did; "{said}" is such a sentence without its full stop.
    "estimator_actions": {
        "refused": "Nothing was copied or saved: correct the problems listed at the top first.",
        "copy_failed": "Copying failed: your browser did not allow it.",
        "link_copied": "Link copied.",
        "table_copied": "Table copied.",
        "csv_saved": "CSV file downloaded.",
        "yaml_saved": "Scenario file downloaded.",
        "stale": "{said} (the last complete estimate).",
    },
    # What a copy, a file or a printout carries beyond the table (view.js, exports.js).
    "estimator_files": {
        "made": "Estimate made on {date}.",
        "link": "Link: {href}",
        "money_heading": "{heading} ({currency})",
        "csv_name": "govcloud-estimate-{customer}-{date}.csv",
        "yaml_name": "govcloud-scenario-{customer}-{date}.yml",
        "scenario": "A govcloud scenario: `govcloud quote this-file.yml` quotes it.",
        "scenario_options": "A govcloud scenario with options: `govcloud quote this-file.yml` compares them.",
        "renewal": "({days} days from {today})",
        # The CSV's own columns and the kinds of its rows (one table a spreadsheet filters by kind).
        "csv_kind": "Kind",
        "csv_option": "Option",
        "csv_confirm": "To confirm",
        "csv_line": "Product",
        "csv_total": "Total",
        "csv_bill": "Bill",
        "csv_bills_total": "Bills total",
        "csv_difference": "Difference",
        "csv_footnote": "To confirm",
        "csv_about": "About",
    },
    # The site-wide script (docs/assets/govcloud.js), on every page: the name of a wide
    # table's scrolling region when the table has no caption. The build writes this group
    # into each page (govcloud_site/postbuild/words.py), where no price book is.
    "site_script": {
        "table": "Table",
    },
}


# Words only the built pages show (the macros' markup and Markdown): not in the price
# book, which carries WORDS alone. Looked up as "site.<group>.<key>".
SITE_WORDS: Final[dict[str, Any]] = {
    # The estimator's form, summary, results and next steps (macros/estimator.py).
    "estimator": {
        "errors_title": "There is a problem",
        "mode_legend": "What do you want to estimate?",
        "mode_hint": "With a keyboard, the arrow keys move between the two choices.",
        "mode_new": "A new purchase",
        "mode_change": "A change to subscriptions you have",
        "customer_label": "Who is buying?",
        "customer_hint": "This decides whom you contact.",
        "date_hint": "The day you buy or make the change: the prices in force that day apply. It starts as today.",
        "term_legend": "Your current term",
        "days_hint": "A whole number from 0 to {term_days}, or enter the renewal date below.",
        "today_title": "{product} today",
        "users_today": "Users today",
        "users_today_hint": "Leave empty if you do not have {product} now.",
        "instances_today": "Instances today",
        "instances_hint": "Leave empty for 1. Up to {limit} cost nothing extra.",
        "after_title": "{product} after the change",
        "users": "Users",
        "users_hint_new": "Leave empty if you do not want {product}.",
        "users_hint_change": "Starts from today's number; change it to the number you want.",
        "instances": "Instances",
        "cancel": "Cancel this product",
        "see_estimate": "See the full estimate",
        "submit": "Show the estimate",
        "results_title": "Your estimate",
        "table_caption": "Each product's tier and yearly price, today and after the change, and what is due now",
        "why": "Why these figures",
        "copy_link": "Copy link",
        "copy_table": "Copy as table",
        "csv": "Download CSV",
        "yaml": "Download scenario (YAML)",
        "print": "Print",
        "next_title": "Next steps",
        "contact": "Contact {contact} ({who}).",
        "contact_link": "Contact {contact}",
        "contact_how": "{link}. {how}",
        "send": "Send them:",
        "send_link": "the link to this estimate ({copy_link}), the table ({copy_table}) or the CSV file ({csv});",
        "send_scenario": "only if they ask for it, the scenario file ({scenario}): "
        "a file for sales tools that read this site's scenario format;",
        "scenario_action": "Download scenario",
        "send_printout": "this printout, or the link printed at its top, which opens the same estimate "
        "in the estimator;",
        "send_organization": "your organization's name and, for a change, your renewal date.",
    },
    # The estimator's options to compare (macros/options.py).
    "option_form": {
        "legend": "Options to compare",
        "hint": "Compare up to {most} proposals side by side, for the same customer and today's subscriptions. "
        "The products above are option 1.",
        "first_name": "Name of option 1 (the products above)",
        "name": "Name of this option",
        "name_hint": "Plain words, such as “Go to 1,000 users”; at most {most} characters.",
        "users_hint": "Leave empty if this option has no {product}.",
        "instances_hint": "Leave empty for 1.",
        "cancel": "Cancel {product} in this option",
        "remove": "Remove this option",
        "add": "Add an option to compare",
    },
    # The user tiers and their prices: the products page's table and chart (macros/ladder.py)
    # and each product's table (macros/pages.py).
    "tiers": {
        # Between a product's name and what it is for, in the list of products.
        "name_join": ": ",
        "users_up_to": "Users, up to",
        "annual": "Annual price",
        "per_user": "{amount} a user",
        "beyond": "More than {users} users: ask your sales contact for a quote.",
        "range": "from {low} up to {high} users",
        "product_caption": "{product}: user tiers and {prices_are} annual prices",
        "caption": "User tiers: the {prices_are} annual price of each product, and what it comes to "
        "for each user of a full tier",
        "gap": "— : the product has no tier of that size; the next tier up covers those users.",
        "list_heading": "Users, up to: annual price (for each user of a full tier)",
        "list_tier": "{users}: {amount} ({per_user})",
        "list_join": "; ",
        # A tier's price already announced for a later day, beside today's.
        "from": "{amount} from {date}",
        "scheduled_note": "A price followed by “from” a date is the tier's new price from that day, already announced.",
    },
    # What the prices are as of, and the recorded price changes (the products page).
    "prices": {
        "as_of": "The tables and charts on this site show the prices in force on {built}, the day the site was "
        "last built.{scheduled} The [cost estimator](estimator.md) always uses the prices in force on the day you "
        "open it, or on the date you give it.",
        "scheduled_beside": "Prices already announced for a later date are shown beside them.",
        "as_of_estimator": "This estimator always uses the prices in force on the day you open it, or on the date "
        "of the change you give it. The tables on the other pages show the prices in force on {built}, the day "
        "the site was last built.",
        "none": "No price change is recorded: the prices above hold until the data records an announced change, "
        "which then shows here with its date.",
        "caption": "Recorded price changes: the date, the products, and how much the tiers named change against "
        "the prices in force the day before",
        "from": "From",
        "products": "Products",
        "change": "Change",
        "status": "Status",
        "tier": "{count} tier",
        "tiers": "{count} tiers",
        "moves": "{tiers}, {share}",
        "share_range": "{low} to {high}",
        "in_force": "In force",
        "scheduled": "Scheduled",
    },
    "chart": {
        "legend": "Products in the chart",
        "annual_title": "Annual price by user tier ({prices_are})",
        "annual_axis": "Annual price (logarithmic scale: each line is ten times the one below)",
        "per_user_title": "Price per user by user tier ({prices_are})",
        "per_user_axis": "Annual price per user of a full tier",
        "users_axis": "Users, up to (each tier)",
        "description": "{axis}. {text}",
        "annual": "annual price",
        "per_user": "annual price per user of a full tier",
        "lead": "Line chart of each product's {what}, for {tiers} tiers from {low} to {high} users ({products}). "
        "{each}. The table below gives every figure.",
        "each": "{product} goes from {first} to {last}",
        "at": "{amount} at {users} users",
        "join": "; ",
    },
    # Rules, their sources and the notes beside them (macros/pages.py).
    "rules": {
        "to_confirm": "To confirm",
        "marker": "(to confirm)",
        # Text followed by its "(to confirm)" marker (Japanese puts no space before its parenthesis).
        "marked": "{text} {marker}",
        # A glossary entry's marker: the unconfirmed rules it states, as links.
        "marker_rules": "(to confirm: {rules})",
        "confirmed": "Confirmed",
        # A rule with its title as a bold lead-in (Markdown).
        "lead": "**{title}.** {text}",
        "ask": "Confirm it with {government} (government customers) or {commercial} before you rely on it.",
        "no_source": "No Atlassian page documents this for Government Cloud; it is this site's assumption.",
        "closest": "The closest source is Atlassian's page {page}; it does not settle this point for Government Cloud.",
        "price_title": "Tiers and prices are {prices_are}",
        "price_note": "Government Cloud user tiers and prices are not published. The tiers here and their prices "
        "are {prices_are} (list prices in {currency}, for planning); the quote from {government} (or {commercial}) "
        "is what you pay.",
        "index_caption": "Every rule the site and the estimator apply",
        "rule": "Rule",
        "says": "What it says",
        "source": "Source",
        "status": "Status",
    },
    "sources": {
        "title": "Sources",
        "intro": "The rules on this page come from these pages:",
        "entry": "{source} ({rules})",
        "cited": "{source}: {rules}",
        "not_cited": "{source}: not cited by a rule at the moment",
    },
    "contacts": {
        "for": "For {who}.",
        "form": "Visit {contact} (on {host}, another site)",
    },
    # Worked scenarios (macros/pages.py): in full, or one row each when there are many.
    "scenarios": {
        "example": "Example: {title}",
        "open": "Open “{title}” in the cost estimator",
        "quote": "Quote",
        "quote_for": "Quote for “{title}”",
        "change": "{product}: {change}",
        "changes_join": "; ",
        "lead": "There are {count} worked scenarios, too many to show each in full on one page. Each is one "
        "row below, grouped by the changes it makes, with its totals; open one in the cost estimator "
        "(its title is the link) for its full quote, its bills and the reasons behind every figure.",
        "caption": "{kinds}: {count} worked scenarios",
        "scenario": "Scenario (opens in the cost estimator)",
        "summary": "Summary",
        "changes": "Changes",
    },
    # The maintainers' page: the data fields' reference and the validation example (macros/reference.py).
    "reference": {
        "top_level": "{file} (top level)",
        "field": "Field",
        "type": "Type",
        "required": "Required",
        "meaning": "Meaning",
        "constraints": "Constraints",
        "yes": "yes",
        "no": "no",
        "one": "One {name} (below).",
        "one_of": "one of {values}",
        "list_of": "list of {type}",
        "mapping": "mapping of key to {type}",
        "mapping_matching": "mapping of key (matching {pattern}) to {type}",
        "date": "date (YYYY-MM-DD)",
        # The example of dated price changes on the maintainers' page.
        "price_example": "Say {data} recorded these two changes (the example {example}, checked with the data "
        "at every build):",
        "price_example_version": "{data} with the example",
        "price_example_section": 'On {date}, the day of the first, the products page\'s "Price changes" section '
        "lists them:",
        "price_example_diff": "Before they merge, {command} says what they move (here against the data without "
        "them, with the worked scenarios):",
        "price_example_quote": "The worked scenario “{title}” is dated {date}: its Jira renewal falls after the "
        "first change and is priced on its own day, while what is due now keeps the prices of the quote's date. "
        "{command} prints:",
        "integer": "whole number",
        "number": "amount",
        "string": "text",
        "boolean": "true or false",
        "any": "any",
        "minimum": "at least {value}",
        "maximum": "at most {value}",
        "exclusiveMinimum": "more than {value}",
        "exclusiveMaximum": "less than {value}",
        "multipleOf": "a multiple of {value}",
        "minItems": "at least {value} item(s)",
        "minProperties": "at least {value} entry(ies)",
        "maxLength": "at most {value} characters",
        "pattern": "matches {value}",
        "none": "none",
        "join": "; ",
        "example_lines": "Say the file had these two lines (line numbers on the left), a misspelt field name and a "
        "negative price:",
        "example_problems": "{command} and the site build then stop with one line per problem:",
    },
    # The formats page (macros/formats.py, macros/compare.py).
    "formats": {
        "group": "group",
        "keys": "keys",
        "keep": "Keep today's subscriptions",
    },
}


# Words only the command line shows (govcloud.render.tables): its quote headings and the
# price book's table; and the data checks' words (the CLI's and the build's). Looked up as "cli.<key>".
CLI_WORDS: Final[dict[str, Any]] = {
    "quote": "Quote",
    "scenario": "Scenario {n} of {count}",
    "titled": "{number}: {title}",
    # Two sentences of what a quote is about, on one line (Japanese puts no space between them).
    "sentences": "{first} {then}",
    "pricebook": {
        "intro": "Illustrative user tiers and annual prices in {currency}, in force on {date}; the quote from "
        "{government} (government customers) or {commercial} governs. Up to {max_instances} instances per "
        "subscription at no extra cost.",
        "users": "Users up to",
        "annual": "Annual",
        "from": "From {date}",
    },
    # What a data or scenario file's problem says of a value (govcloud.load.reporting), after
    # `file:line: field: `; a problem Pydantic names that these do not cover keeps Pydantic's words.
    "validation": {
        "required": "is required",
        "unknown": "unknown field{hint}",
        "did_you_mean": "; did you mean {name}?",
        "expected_one_of": "; expected one of: {names}",
        "whole": "must be a whole number",
        "yaml_bool": "{given}: write true or false",
        "bool": "must be true or false",
        "text": "must be text",
        "literal": "must be {expected}",
        "at_least": "must be at least {min}",
        "at_most": "must be at most {max}",
        "empty": "must not be empty",
        "too_long": "must be at most {most} characters",
        "https": "must be an https:// address (without spaces, quotes, brackets or angle brackets)",
        "slug": "must be lowercase letters, digits or -",
        "key": "must be lowercase letters, digits or _, starting with a letter",
        "mapping": "must be a mapping of fields, not {kind}",
        "list": "must be a list, not {kind}",
        "kind_none": "nothing",
        "kind_bool": "true/false",
        "kind_number": "a number",
        "kind_text": "text",
        "kind_list": "a list",
        "kind_mapping": "a mapping",
    },
}


@cache
def _compiled(template: str) -> str | None:
    """The template as a printf-style pattern (`%(name)s`, its other `%` doubled), cut once: filling
    is then C's work, not a pattern search, and `%` with a mapping takes two thirds of the time
    `str.format_map` does (a quote fills half a dozen templates); None when it has no placeholder.
    Every value is a name, a number or words already written, which `%s` and `{}` write alike."""
    out, at = [], 0
    for match in PLACEHOLDER.finditer(template):
        out += [_literal(template[at : match.start()]), "%(", match.group(1), ")s"]
        at = match.end()
    return "".join([*out, _literal(template[at:])]) if out else None


def _literal(text: str) -> str:
    return text.replace("%", "%%")


def fill(template: str, **values: object) -> str:
    """The template with each `{name}` replaced; a missing value is an error, never a blank."""
    return _filled(template, _compiled(template), values) if "{" in template else template


def _filled(template: str, pattern: str | None, values: dict[str, object]) -> str:
    if pattern is None:
        return template
    try:
        return pattern % values
    except KeyError as missing:
        raise KeyError(f"template {template!r} needs {missing.args[0]!r}") from None


# The one place a word is looked up, so that a translation has one place to step in:
# pgettext(context, message), the context being the word's path (as in locale/messages.pot),
# in the current language's catalog (govcloud.words.catalogs).
def _current_language(context: str, message: str) -> str:
    code = language.current().code
    return message if code == language.ENGLISH.code else catalogs.pgettext(code, context, message)


_pgettext: Callable[[str, str], str] = _current_language
# Paths that are settings, not words: the current language gives them (and the pot leaves them out).
SETTINGS: Final[dict[str, Callable[[], str]]] = {"language.locale": lambda: language.current().tag}


def translate_with(pgettext: Callable[[str, str], str] | None) -> None:
    """Look every word up through `pgettext` (a Babel Translations' method) rather than the current
    language's catalog; None: the current language's catalog again."""
    global _pgettext
    _pgettext = pgettext or _current_language


@cache
def _english(path: str) -> str:
    parts = path.split(".")
    node: Any = WORDS
    if parts[0] in ("site", "cli"):
        node, parts = (SITE_WORDS if parts[0] == "site" else CLI_WORDS), parts[1:]
    for part in parts:
        node = node[part]
    if not isinstance(node, str):
        raise KeyError(f"{path!r} is a group of words, not one")
    return node


def template(path: str) -> str:
    """The words at a dotted path ("bills.title", "site.estimator.empty"), unfilled."""
    setting = SETTINGS.get(path)
    return setting() if setting is not None else _pgettext(path, _english(path))


def word(path: str, **values: object) -> str:
    """`word("messages.tier", product=..., ...)`: the template at a dotted path, filled."""
    if _pgettext is _current_language and language.current() is language.ENGLISH:
        text, pattern = _english_compiled(path)  # the words as written (a quote fills half a dozen)
    else:
        text = template(path)
        pattern = _compiled(text)
    return _filled(text, pattern, values)


@cache
def _english_compiled(path: str) -> tuple[str, str | None]:
    english = template(path)  # asked only while English is spoken through its own catalog
    return english, _compiled(english)


def words(group: str | None = None) -> dict[str, Any]:
    """WORDS (or one group of it) in the current language: a new tree, as the price book and the
    pages' scripts carry it."""
    if language.current() is language.ENGLISH and _pgettext is _current_language:
        return copy.deepcopy(WORDS[group] if group else WORDS)  # the tree as written

    def walk(node: dict[str, Any], prefix: str) -> dict[str, Any]:
        return {
            key: walk(value, f"{prefix}{key}.") if isinstance(value, dict) else template(prefix + key)
            for key, value in node.items()
        }

    return walk(WORDS[group], group + ".") if group else walk(WORDS, "")
