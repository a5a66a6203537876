"""A labelled form field with its hint and its problem's place, as every field of the estimator is built."""

from __future__ import annotations

from govcloud.words.vocabulary import template, word
from macros.markup import Attr, Child, Markup, el, fill


def number_field(field_id: str, testid: str, label: str, hint: Child, name: str = "") -> Markup:
    """A whole-number field. Text with inputmode=numeric rather than type=number, so that what
    people type is kept as typed and can be explained when it is not a whole number."""
    return text_field(field_id, testid, label, hint, {"inputmode": "numeric", "spellcheck": "false"}, name)


def date_field(field_id: str, testid: str, label: str, hint: str, name: str = "") -> Markup:
    """A date: one text field with the format in its hint (GOV.UK asks for a date in one field
    where a format is known), the same for every date the form asks for. Not type=date: each
    browser draws its own picker, some in the reader's locale order, and what was typed could
    not be explained when it is not a date."""
    return text_field(
        field_id,
        testid,
        label,
        # Two sentences side by side, as the language sets them (Japanese: no space between).
        fill(
            template("cli.sentences"),
            first=el("span", hint, class_="gc-hint-text"),
            then=el("span", word("estimator_form.date_format"), class_="gc-date-format"),
        ),
        {"spellcheck": "false"},
        name,
        "gc-date",
    )


def text_field(
    field_id: str,
    testid: str,
    label: str,
    hint: Child,
    kind: dict[str, Attr] | None = None,
    name: str = "",
    width: str = "",
) -> Markup:
    """A field in the GOV.UK pattern: label, hint, error slot, then the input (`kind`: its
    keyboard and spelling attributes; none for words, such as an option's name; `width`: a class
    sizing the input)."""
    return el(
        "div",
        el("label", label, class_="gc-label", for_=field_id),
        el("p", hint, class_="gc-hint", id=f"{field_id}-hint"),
        el("p", class_="gc-error", id=f"{field_id}-error", hidden=True),
        el(
            "input",
            class_=f"gc-input {width}" if width else "gc-input",
            type="text",
            **(kind or {}),
            autocomplete="off",
            id=field_id,
            name=name or field_id,
            data_testid=testid,
            aria_describedby=f"{field_id}-hint",
        ),
        class_="gc-field",
        data_gc_field=field_id,
    )
