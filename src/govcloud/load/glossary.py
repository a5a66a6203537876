"""The glossary file (`includes/glossary.yml`), loaded and checked like the policy
data, so that a mistake in it is a `file:line: field: message` line, not a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Iterable

from pydantic import Field, RootModel

from govcloud.load.datafiles import DEFAULT_GLOSSARY, data_path, display_name
from govcloud.load.reporting import validate
from govcloud.load.yamlsource import load_file
from govcloud.model.catalog import Catalog, Strict, Text, _checked
from govcloud.words import cldr, richtext

# The words a glossary entry may use as {placeholders}, filled from the data.
PLACEHOLDERS = frozenset({"max_instances", "term_days", "government", "commercial", "products", "product_count"})
# Terms, forms and texts are plain words (a tooltip shows no formatting), with placeholders.
Words = Annotated[Text, _checked("plain", PLACEHOLDERS)]


class Entry(Strict):
    term: Annotated[Words, Field(description="The term as the glossary lists it.")]
    forms: Annotated[
        list[Words] | None, Field(description="Words on other pages that link to the term (default: the term itself).")
    ] = None
    text: Annotated[Words, Field(description="What it means, in plain text.")]
    rests_on: Annotated[
        list[str] | None,
        Field(
            description=(
                "Keys of the data's rules the meaning states; while one is `confirmed: false`, "
                "the entry and its tooltip are marked to confirm."
            )
        ),
    ] = None


class Glossary(RootModel[Annotated[list[Entry], Field(min_length=1)]]):
    pass


def values(catalog: Catalog) -> dict[str, str]:
    """What each placeholder stands for, as pages show it."""
    names = [p.name for p in catalog.products]
    return {
        "max_instances": cldr.count(catalog.max_instances),
        "term_days": cldr.count(catalog.term_days),
        "government": catalog.contacts.government.name,
        "commercial": catalog.contacts.commercial.name,
        "products": cldr.join(names),
        "product_count": cldr.count(len(names)),
    }


def _unique_anchors(catalog: Catalog | None):
    def check(raw: Any) -> Iterable[tuple[tuple, str]]:
        """Each entry needs an anchor of its own: two terms with one anchor link to one entry,
        and a term with no letters or digits has no anchor at all."""
        filled = values(catalog) if catalog else {}
        seen: dict[str, int] = {}
        for i, entry in enumerate(raw if isinstance(raw, list) else []):
            term = entry.get("term") if isinstance(entry, dict) else None
            if not isinstance(term, str) or not term.strip():
                continue
            shown = richtext.fill(term.strip(), filled)
            anchor = richtext.anchor(shown)
            if not anchor:
                yield ((i, "term"), f"{term!r} has no letters or digits to make its anchor from")
            elif anchor in seen:
                first = seen[anchor]
                if raw[first].get("term", "").strip() == term.strip():
                    yield ((i, "term"), f"{term!r} is already the term of [{first}]")
                else:
                    yield (
                        (i, "term"),
                        f"{term!r} gets the anchor #{anchor}, as [{first}] does; give each entry a term of its own",
                    )
            seen.setdefault(anchor, i)

    return check


def _known_rules(catalog: Catalog | None):
    def check(raw: Any) -> Iterable[tuple[tuple, str]]:
        """A marker follows a rule of the data, so the rule must exist."""
        if catalog is None:
            return
        known = list(type(catalog.rules).model_fields)
        for i, entry in enumerate(raw if isinstance(raw, list) else []):
            keys = entry.get("rests_on") if isinstance(entry, dict) else None
            for j, key in enumerate(keys if isinstance(keys, list) else []):
                if isinstance(key, str) and key not in known:
                    yield ((i, "rests_on", j), f"{key!r} is not a rule of the data; the rules are: {', '.join(known)}")

    return check


def glossary_path(given: str | Path | None = None) -> Path:
    return data_path(str(given) if given else None, DEFAULT_GLOSSARY)


def load_glossary(path: str | Path | None = None, catalog: Catalog | None = None) -> list[Entry]:
    path = glossary_path(path)
    anchors, rules = _unique_anchors(catalog), _known_rules(catalog)
    return validate(Glossary, load_file(path, display_name(path)), lambda raw: [*anchors(raw), *rules(raw)]).root
