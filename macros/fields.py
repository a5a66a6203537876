"""A labelled form field with its hint and its problem's place, as every field of the estimator is built."""

from __future__ import annotations


def number_field(field_id: str, testid: str, label: str, hint: str, name: str = "") -> str:
    """A whole-number field. Text with inputmode=numeric rather than type=number, so that what
    people type is kept as typed and can be explained when it is not a whole number."""
    return text_field(field_id, testid, label, hint, 'inputmode="numeric" spellcheck="false"', name)


def date_field(field_id: str, testid: str, label: str, hint: str, name: str = "") -> str:
    """A date: one text field with the format in its hint (GOV.UK asks for a date in one field
    where a format is known), the same for every date the form asks for. Not type=date: each
    browser draws its own picker, some in the reader's locale order, and what was typed could
    not be explained when it is not a date."""
    return text_field(
        field_id,
        testid,
        label,
        f'<span class="gc-hint-text">{hint}</span> '
        '<span class="gc-date-format">Write it as YYYY-MM-DD, for example 2027-03-26.</span>',
        'spellcheck="false"',
        name,
        "gc-date",
    )


def text_field(
    field_id: str, testid: str, label: str, hint: str, kind: str = "", name: str = "", width: str = ""
) -> str:
    """A field in the GOV.UK pattern: label, hint, error slot, then the input (`kind`: its
    keyboard and spelling attributes; none for words, such as an option's name; `width`: a class
    sizing the input)."""
    return (
        f'<div class="gc-field" data-gc-field="{field_id}">'
        f'<label class="gc-label" for="{field_id}">{label}</label>'
        f'<p class="gc-hint" id="{field_id}-hint">{hint}</p>'
        f'<p class="gc-error" id="{field_id}-error" hidden></p>'
        f'<input class="gc-input{" " + width if width else ""}" type="text" {kind + " " if kind else ""}autocomplete="off" '
        f'id="{field_id}" name="{name or field_id}" data-testid="{testid}" aria-describedby="{field_id}-hint">'
        "</div>"
    )
