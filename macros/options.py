"""The estimator's options (docs/architecture.md, "The estimator"): the form's part that
adds, names and removes options, the template each later option's fields are
made from, and the side-by-side table's place in the results. The page's
options.js clones the template, replacing `optN` with `opt2` or `opt3`."""

from __future__ import annotations

from govcloud.model.names import MOST, NAME_LENGTH
from govcloud.words.vocabulary import word
from macros.fields import number_field, text_field
from macros.markup import Markup, concat, el
from macros.text import count


def _name_hint() -> str:
    return word("site.option_form.name_hint", most=count(NAME_LENGTH))


def _option_fields(catalog, n: str) -> Markup:
    groups = []
    for p in catalog.products:
        key, name = p.key, p.name
        groups.append(
            el(
                "div",
                el("p", name, class_="gc-group-title"),
                number_field(
                    f"gc-{n}-users-{key}",
                    f"{n}-users-{key}",
                    word("estimator_form.users", product=name),
                    word("site.option_form.users_hint", product=name),
                ),
                number_field(
                    f"gc-{n}-instances-{key}",
                    f"{n}-instances-{key}",
                    word("estimator_form.instances", product=name),
                    word("site.option_form.instances_hint"),
                ),
                el(
                    "div",
                    el(
                        "input",
                        type="checkbox",
                        id=f"gc-{n}-cancel-{key}",
                        data_testid=f"{n}-cancel-{key}",
                        data_option_cancel=key,
                    ),
                    el("label", word("site.option_form.cancel", product=name), for_=f"gc-{n}-cancel-{key}"),
                    class_="gc-check gc-change-only",
                ),
                class_="gc-group",
            )
        )
    return el(
        "fieldset",
        el("legend", class_="gc-legend", id=f"gc-{n}-legend"),
        text_field(f"gc-{n}-name", f"{n}-name", word("site.option_form.name"), _name_hint()),
        el("div", groups, class_="gc-columns"),
        el(
            "button",
            word("site.option_form.remove"),
            type="button",
            class_="md-button gc-option-remove",
            data_option_remove=True,
            data_testid=f"{n}-remove",
            aria_describedby=f"gc-{n}-legend",
        ),
        class_="gc-option",
        data_option=n,
        aria_labelledby=f"gc-{n}-legend",
    )


def options_form(catalog) -> Markup:
    """After the products: option 1's name (shown once there are two), the later options, the add button."""
    return concat(
        el(
            "fieldset",
            el("legend", word("site.option_form.legend"), class_="gc-legend"),
            el("p", word("site.option_form.hint", most=count(MOST)), class_="gc-hint"),
            el(
                "div",
                text_field("gc-opt1-name", "opt1-name", word("site.option_form.first_name"), _name_hint()),
                data_gc="option1",
                hidden=True,
            ),
            el("div", data_gc="option-list"),
            el(
                "button",
                word("site.option_form.add"),
                type="button",
                class_="md-button",
                data_gc="option-add",
                data_testid="option-add",
            ),
            class_="gc-options",
            data_gc="options",
        ),
        el("template", _option_fields(catalog, "optN"), id="gc-option-template"),
    )


def options_results() -> Markup:
    """The side-by-side table, above option 1's own table (hidden while there is one option)."""
    return el(
        "section",
        # Headings have their words as built (the section shows with two options; options.js
        # writes the count and the names).
        el("h3", word("options.title", count=count(2)), id="gc-compare-title", data_gc="compare-title"),
        el(
            "div",
            el(
                "table",
                el("thead", data_gc="compare-head"),
                el("tbody", data_gc="compare-lines"),
                class_="gc-table gc-compare-table",
                aria_labelledby="gc-compare-title",
            ),
            class_="gc-table-wrap",
        ),
        el("ul", class_="gc-footnotes", data_gc="compare-notes", hidden=True),
        el("h3", word("options.details", name=word("options.default_name", n=1)), data_gc="details"),
        class_="gc-compare",
        data_gc="compare",
        aria_labelledby="gc-compare-title",
        hidden=True,
    )
