"""The data's prose as messages for translators, and the data read in the current language.

`translated(catalog)` and `translated_scenario(s)` give copies whose prose (rules, contacts,
sources, products' descriptions; scenarios' titles and summaries) is in the current language
(govcloud.words.prose); in English they return what they were given, the very object, so the
English site and CLI are what they were byte for byte. Figures, keys, names and addresses are
never translated.

The `extract_*` functions are Babel extraction methods (babel.cfg): each yields the prose of
one file, or of the model's schema, under its record's context, for `make pot`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from govcloud.model.catalog import Catalog, Contacts, Rules
from govcloud.model.scenario import Scenario
from govcloud.words import language, prose
from govcloud.words.vocabulary import PLACEHOLDER

Extracted = Iterator[tuple[int, str, tuple[str, str], list[str]]]


def catalog_prose(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(context, English) of every sentence of the data a reader sees, in the file's order."""
    for kind in Contacts.model_fields:
        contact = getattr(catalog.contacts, kind)
        for field in ("name", "who", "how"):
            yield f"data:contacts.{kind}.{field}", getattr(contact, field)
    for key, source in catalog.sources.items():
        yield f"data:sources.{key}.title", source.title
    for name in Rules.model_fields:
        rule = getattr(catalog.rules, name)
        yield f"data:rules.{name}.title", rule.title
        yield f"data:rules.{name}.summary", rule.summary
    for product in catalog.products:
        yield f"data:products.{product.key}.description", product.description
    yield "data:prices_are", catalog.prices_are


def scenario_prose(scenario: Scenario) -> Iterator[tuple[str, str]]:
    for field in ("title", "summary"):
        value = getattr(scenario, field)
        if value:
            yield f"scenarios:{scenario.id}.{field}", value


def translated(catalog: Catalog) -> Catalog:
    """The catalog with its prose in the current language (the same object in English)."""
    if language.current() is language.ENGLISH:
        return catalog
    t = prose.text
    contacts = catalog.contacts.model_copy(
        update={
            kind: getattr(catalog.contacts, kind).model_copy(
                update={
                    f: t(f"data:contacts.{kind}.{f}", getattr(getattr(catalog.contacts, kind), f))
                    for f in ("name", "who", "how")
                }
            )
            for kind in Contacts.model_fields
        }
    )
    sources = {
        k: s.model_copy(update={"title": t(f"data:sources.{k}.title", s.title)}) for k, s in catalog.sources.items()
    }
    rules = catalog.rules.model_copy(
        update={
            n: getattr(catalog.rules, n).model_copy(
                update={
                    "title": t(f"data:rules.{n}.title", getattr(catalog.rules, n).title),
                    "summary": t(f"data:rules.{n}.summary", getattr(catalog.rules, n).summary),
                }
            )
            for n in Rules.model_fields
        }
    )
    products = [
        p.model_copy(update={"description": t(f"data:products.{p.key}.description", p.description)})
        for p in catalog.products
    ]
    return catalog.model_copy(update={"contacts": contacts, "sources": sources, "rules": rules, "products": products})


def translated_scenario(scenario: Scenario) -> Scenario:
    """The scenario with its title and summary in the current language (the same object in English)."""
    if language.current() is language.ENGLISH or not scenario.id:
        return scenario
    return scenario.model_copy(update={f.rsplit(".", 1)[1]: prose.text(f, e) for f, e in scenario_prose(scenario)})


def prices_are(catalog: Catalog) -> str:
    """What the prices are ("illustrative"), as a sentence in the current language says it."""
    return prose.text("data:prices_are", catalog.prices_are)


# --- Babel extraction methods (babel.cfg) --------------------------------------------------


def _messages(pairs: Iterator[tuple[str, str]]) -> Extracted:
    for context, english in pairs:
        names = PLACEHOLDER.findall(english)
        said = ", ".join("{" + n + "}" for n in dict.fromkeys(names))
        comments = [f"{said}: filled in from the data; keep as written."] if names else []
        yield 0, "pgettext", (context, english), comments


def _path(fileobj: IO[bytes]) -> Path:
    return Path(fileobj.name)


def extract_products(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Extracted:
    """The policy data's prose (data/products.yml), read as govcloud reads it."""
    from govcloud.load.loading import load_catalog

    yield from _messages(catalog_prose(load_catalog(str(_path(fileobj)))))


def extract_scenarios(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Extracted:
    """The worked scenarios' titles and summaries (data/scenarios.yml)."""
    from govcloud.load.loading import load_catalog
    from govcloud.load.scenarios import parse_scenarios
    from govcloud.load.yamlsource import load_file

    path = _path(fileobj)
    scenarios, _ = parse_scenarios(load_file(path, path.name), load_catalog(None))
    for scenario in scenarios:
        yield from _messages(scenario_prose(scenario))


def glossary_prose(entries: list[Any]) -> Iterator[tuple[str, str]]:
    for entry in entries:
        yield f"glossary:{entry.term}.term", entry.term
        yield f"glossary:{entry.term}.definition", entry.text
        if entry.forms:
            yield f"glossary:{entry.term}.forms", prose.FORMS_JOIN.join(entry.forms)


def extract_glossary(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Extracted:
    """The glossary's terms, definitions (its tooltips) and the forms that link to them."""
    from govcloud.load.glossary import load_glossary

    yield from _messages(glossary_prose(load_glossary(_path(fileobj), None)))


def schema_prose() -> Iterator[tuple[str, str]]:
    """The descriptions of the data's JSON Schema that the maintainers' field table shows."""
    schema = Catalog.model_json_schema()
    nodes = [(schema.get("title", "Catalog"), schema), *schema.get("$defs", {}).items()]
    for name, node in nodes:
        if node.get("description"):
            yield f"schema:{name}", node["description"]
        for field, prop in node.get("properties", {}).items():
            if prop.get("description"):
                yield f"schema:{name}.{field}", prop["description"]


def extract_schema(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Extracted:
    """The model's field descriptions (src/govcloud/model/catalog.py), as its JSON Schema has them."""
    yield from _messages(schema_prose())
