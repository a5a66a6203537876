"""The data's prose and the schema's descriptions in the current language.

The policy data, the glossary, the worked scenarios and the model's field descriptions are
written in English; each sentence of them is a message of the translators' template under a
context that names its record (`make pot`, govcloud.load.prose):

    data:rules.<key>.title / .summary      data:contacts.<kind>.name / .who / .how
    data:products.<key>.description        data:sources.<key>.title      data:prices_are
    glossary:<term>.term / .definition / .forms      scenarios:<id>.title / .summary
    schema:<definition>  schema:<definition>.<field>

and is read through the current language's catalog here. In English, and for an entry not
translated, the text is the data's own, unchanged.
"""

from __future__ import annotations

from govcloud.words import catalogs, language

# A glossary entry's forms are one message: the forms joined so; a translation may list its
# forms with the same separator or with "、".
FORMS_JOIN = ", "


def text(context: str, english: str) -> str:
    """`english`, from the record `context` names, in the current language."""
    code = language.current().code
    return english if code == language.ENGLISH.code else catalogs.pgettext(code, context, english)


def forms(context: str, english: list[str]) -> list[str]:
    """A glossary entry's forms in the current language."""
    if not english:
        return []
    said = text(context, FORMS_JOIN.join(english))
    return [f.strip() for f in said.replace("、", ",").split(",") if f.strip()]


def schema(definition: str, field: str | None, english: str) -> str:
    """A description from the data's JSON Schema: of a definition (field None) or one of its fields."""
    return text(f"schema:{definition}" + (f".{field}" if field else ""), english) if english else english
