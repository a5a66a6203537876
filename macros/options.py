"""The estimator's options (docs/architecture.md, "The estimator"): the form's part that
adds, names and removes options, the template each later option's fields are
made from, and the side-by-side table's place in the results. The page's
options.js clones the template, replacing `optN` with `opt2` or `opt3`."""

from __future__ import annotations

from html import escape

from govcloud.model.names import MOST, NAME_LENGTH
from macros.fields import number_field, text_field

NAME_HINT = f"Plain words, such as “Go to 1,000 users”; at most {NAME_LENGTH} characters."


def _option_fields(catalog, n: str) -> str:
    groups = []
    for p in catalog.products:
        key, name = p.key, escape(p.name)
        groups.append(
            '<div class="gc-group">'
            f'<p class="gc-group-title">{name}</p>'
            + number_field(
                f"gc-{n}-users-{key}", f"{n}-users-{key}", f"{name} users", f"Leave empty if this option has no {name}."
            )
            + number_field(f"gc-{n}-instances-{key}", f"{n}-instances-{key}", f"{name} instances", "Leave empty for 1.")
            + '<div class="gc-check gc-change-only">'
            f'<input type="checkbox" id="gc-{n}-cancel-{key}" data-testid="{n}-cancel-{key}" data-option-cancel="{key}">'
            f'<label for="gc-{n}-cancel-{key}">Cancel {name} in this option</label></div>'
            "</div>"
        )
    return (
        f'<fieldset class="gc-option" data-option="{n}" aria-labelledby="gc-{n}-legend">'
        f'<legend class="gc-legend" id="gc-{n}-legend"></legend>'
        + text_field(f"gc-{n}-name", f"{n}-name", "Name of this option", NAME_HINT)
        + '<div class="gc-columns">'
        + "".join(groups)
        + "</div>"
        f'<button type="button" class="md-button gc-option-remove" data-option-remove data-testid="{n}-remove" '
        f'aria-describedby="gc-{n}-legend">Remove this option</button>'
        "</fieldset>"
    )


def options_form(catalog) -> str:
    """After the products: option 1's name (shown once there are two), the later options, the add button."""
    return (
        '<fieldset class="gc-options" data-gc="options"><legend class="gc-legend">Options to compare</legend>'
        f'<p class="gc-hint">Compare up to {MOST} proposals side by side, for the same customer and '
        "today's subscriptions. The products above are option 1.</p>"
        '<div data-gc="option1" hidden>'
        + text_field("gc-opt1-name", "opt1-name", "Name of option 1 (the products above)", NAME_HINT)
        + '</div><div data-gc="option-list"></div>'
        '<button type="button" class="md-button" data-gc="option-add" data-testid="option-add">'
        "Add an option to compare</button></fieldset>"
        f'<template id="gc-option-template">{_option_fields(catalog, "optN")}</template>'
    )


def options_results() -> str:
    """The side-by-side table, above option 1's own table (hidden while there is one option)."""
    return (
        '<section class="gc-compare" data-gc="compare" aria-labelledby="gc-compare-title" hidden>'
        '<h3 id="gc-compare-title" data-gc="compare-title"></h3>'
        '<div class="gc-table-wrap"><table class="gc-table gc-compare-table" aria-labelledby="gc-compare-title">'
        '<thead data-gc="compare-head"></thead><tbody data-gc="compare-lines"></tbody></table></div>'
        '<ul class="gc-footnotes" data-gc="compare-notes" hidden></ul>'
        '<h3 data-gc="details"></h3></section>'
    )
