"""A labelled form field with its hint and its problem's place, as every field of the estimator is built."""

from __future__ import annotations


def number_field(field_id: str, testid: str, label: str, hint: str, name: str = "") -> str:
    """A whole-number field. Text with inputmode=numeric rather than type=number, so that what
    people type is kept as typed and can be explained when it is not a whole number."""
    return text_field(field_id, testid, label, hint, 'inputmode="numeric" spellcheck="false"', name)


def text_field(field_id: str, testid: str, label: str, hint: str, kind: str = "", name: str = "") -> str:
    """A field in the GOV.UK pattern: label, hint, error slot, then the input (`kind`: its
    keyboard and spelling attributes; none for words, such as an option's name)."""
    return (
        f'<div class="gc-field" data-gc-field="{field_id}">'
        f'<label class="gc-label" for="{field_id}">{label}</label>'
        f'<p class="gc-hint" id="{field_id}-hint">{hint}</p>'
        f'<p class="gc-error" id="{field_id}-error" hidden></p>'
        f'<input class="gc-input" type="text" {kind + " " if kind else ""}autocomplete="off" '
        f'id="{field_id}" name="{name or field_id}" data-testid="{testid}" aria-describedby="{field_id}-hint">'
        "</div>"
    )
