"""The maintainers' page: a reference of every data field, generated from the
model, the words a product key may not be, and a real validation error made at
build time."""

from __future__ import annotations

import re

from govcloud.calc.quote import Quote, quote
from govcloud.cli.diff import Version, compare, render
from govcloud.load.datafiles import PROJECT
from govcloud.load.loading import catalog_cross_checks, data_path, display_name, validate
from govcloud.load.yamlsource import Document, load_file, load_text, read_text
from govcloud.model.catalog import RESERVED_KEYS, Catalog
from govcloud.model.problems import InputError
from govcloud.model.scenario import Scenario
from govcloud.render.tables import heading, quote_table
from govcloud.words import prose
from govcloud.words.cldr import long_date
from govcloud.words.vocabulary import word
from macros.ladder import price_changes
from macros.text import count, slug

TOP = "products.yml"  # the data file, whose top level the reference starts with

# The maintainers' page's example of dated price changes, applied to the project's own data.
PRICE_CHANGE_EXAMPLE = "data/examples/price-changes.yml"
# The worked scenario whose quote the example shows: an upgrade renewing after the first change.
EXAMPLE_SCENARIO = "upgrade-and-add-product"


class ReferenceMacros:
    """Mixed into the page macros: needs `self.catalog`, `self.source` and `self.worked`."""

    catalog: Catalog
    source: Document | None  # the data file as loaded (its lines), when the caller has it
    worked: list[tuple[Scenario, Quote]]  # the worked scenarios and their quotes

    def field_reference(self) -> str:
        """Every field of the data file, generated from the model's JSON schema."""
        schema = Catalog.model_json_schema()
        defs = schema.get("$defs", {})
        order, seen = [], set()

        def visit(name: str, node: dict) -> None:
            if name in seen:
                return
            seen.add(name)
            order.append((name, node))
            for prop in node.get("properties", {}).values():
                for ref in self._refs(prop):
                    visit(ref, defs[ref])

        visit(TOP, schema)
        head = [word(f"site.reference.{k}") for k in ("field", "type", "required", "meaning", "constraints")]
        out = []
        for name, node in order:
            title = word("site.reference.top_level", file=name) if name == TOP else f"`{name}`"
            rows = []
            required = set(node.get("required", []))
            # Descriptions in the current language, by their definition's name (the top level's is the model's).
            own = schema.get("title", "Catalog") if name == TOP else name
            for field, prop in node.get("properties", {}).items():
                meaning = prose.schema(own, field, prop.get("description", ""))
                if not meaning and self._refs(prop):
                    ref = self._refs(prop)[0]
                    meaning = prose.schema(ref, None, defs.get(ref, {}).get("description", ""))
                if not meaning and self._refs(prop):
                    meaning = word("site.reference.one", name=f"`{self._refs(prop)[0]}`")
                said = word("site.reference.yes" if field in required else "site.reference.no")
                rows.append(
                    f"| `{field}` | {self._type(prop)} | {said} "
                    f"| {self._cell(meaning)} | {self._cell(self._constraints(prop))} |"
                )
            intro = prose.schema(own, None, node.get("description", ""))
            out.append(
                f"### {title} {{#field-{slug(name)}}}\n\n"
                + (f"{self._cell(intro)}\n\n" if intro else "")
                + "| "
                + " | ".join(head)
                + " |\n|---|---|---|---|---|\n"
                + "\n".join(rows)
            )
        return "\n\n".join(out)

    def price_change_example(self) -> str:
        path = data_path(None)
        name = display_name(path)
        data = self.source if self.source is not None else load_text(read_text(path, name), name)
        return price_change_example(data, name, [s for s, _ in self.worked])

    @staticmethod
    def reserved_keys() -> str:
        """The words a product key may not be, from the one list `govcloud check` refuses."""
        return ", ".join(f"`{key}`" for key in sorted(RESERVED_KEYS))

    @staticmethod
    def _refs(prop: dict) -> list[str]:
        found = []
        values = [prop.get("additionalProperties") or {}, *(prop.get("patternProperties") or {}).values()]
        for node in (prop, prop.get("items", {}), *values):
            if isinstance(node, dict) and "$ref" in node:
                found.append(node["$ref"].rsplit("/", 1)[-1])
        return found

    def _type(self, prop: dict) -> str:
        if "$ref" in prop:
            return f"`{prop['$ref'].rsplit('/', 1)[-1]}`"
        kind = str(prop.get("type") or "")
        if "const" in prop or "enum" in prop:
            values = [prop["const"]] if "const" in prop else prop["enum"]
            return word("site.reference.one_of", values=", ".join(f"`{v}`" for v in values))
        if kind == "array":
            return word("site.reference.list_of", type=self._type(prop.get("items", {})))
        if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
            names = (prop.get("propertyNames") or {}).get("pattern")
            if names:
                return word(
                    "site.reference.mapping_matching",
                    pattern=f"`{names}`",
                    type=self._type(prop["additionalProperties"]),
                )
            return word("site.reference.mapping", type=self._type(prop["additionalProperties"]))
        if kind == "string" and prop.get("format") == "date":
            return word("site.reference.date")
        if kind == "object" and prop.get("patternProperties"):
            ((pattern, value),) = prop["patternProperties"].items()
            return word("site.reference.mapping_matching", pattern=f"`{pattern}`", type=self._type(value))
        if kind in ("integer", "number", "string", "boolean"):
            return word(f"site.reference.{kind}")
        return kind or word("site.reference.any")

    @staticmethod
    def _constraints(prop: dict) -> str:
        said = []
        # The schema's keywords, in the order they are said (each is a word of the vocabulary).
        keywords = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
        for key in (*keywords, "minItems", "minProperties", "maxLength", "pattern"):
            if key in prop:
                value = prop[key]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                if key == "pattern":
                    value = f"`{value}`"
                elif isinstance(value, int) and not isinstance(value, bool):
                    value = count(value)
                said.append(word(f"site.reference.{key}", value=value))
        return word("site.reference.join").join(said) or word("site.reference.none")

    @staticmethod
    def _cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    def validation_example(self) -> str:
        """A real validation error: the data file with two mistakes, checked by govcloud at build time."""
        path = data_path(None)
        name = display_name(path)
        text = read_text(path, name)
        source = self.source if self.source is not None else load_text(text, name)
        lines = text.split("\n")
        # Mistake 1: a typo in a field name.
        n = source.line_of(("max_instances",))
        typo = lines[n - 1].replace("max_instances:", "max_instance:", 1)
        # Mistake 2: a negative price on the first product's second tier (or first, when it has one).
        tier = 1 if len(self.catalog.products[0].tiers) > 1 else 0
        m = source.line_of(("products", 0, "tiers", tier, "annual"))
        negative = re.sub(r"(annual:\s*)(\d)", r"\1-\2", lines[m - 1], count=1)
        if typo == lines[n - 1] or negative == lines[m - 1]:
            raise ValueError(
                f"{name}: the maintainers' page could not make its example mistakes; "
                "update validation_example in src/govcloud_site/reference.py"
            )
        edits = sorted([(n, typo), (m, negative)])
        try:
            validate(Catalog, _broken(source, tier), catalog_cross_checks)
        except InputError as exc:
            problems = str(exc)
        else:
            raise ValueError("the broken example document unexpectedly passed validation")
        shown = "\n".join(f"{i:>4}  {line.strip()}" for i, line in edits)
        lines_said = word("site.reference.example_lines")
        problems_said = word("site.reference.example_problems", command="`govcloud check`")
        return f"{lines_said}\n\n```text\n{shown}\n```\n\n{problems_said}\n\n```text\n{problems}\n```"


def price_change_example(data: Document, name: str, worked: list[Scenario]) -> str:
    """Two dated price changes (data/examples/price-changes.yml) applied to the data the build
    uses and its worked scenarios (the example documents the format): the entries, the products
    page's "Price changes" table on the first one's day, what `govcloud diff` says, and a worked
    scenario's quote across the change. A problem in the example stops the build."""
    example = load_file(PROJECT / PRICE_CHANGE_EXAMPLE, PRICE_CHANGE_EXAMPLE)
    # The example's own lines name its problems; the data's are checked by the data's own load.
    merged = Document(example.name, {**data.value, "price_changes": example.value["price_changes"]}, example.lines)
    before = validate(Catalog, data, catalog_cross_checks)
    after = validate(Catalog, merged, catalog_cross_checks)
    text = (PROJECT / PRICE_CHANGE_EXAMPLE).read_text(encoding="utf-8")
    entries = text[re.search(r"^price_changes:", text, re.M).start() :].rstrip("\n")  # type: ignore[union-attr]
    first = after.price_changes[0].effective
    with_example = word("site.reference.price_example_version", data=name)
    said = render(compare(Version(name, before, worked), Version(with_example, after, worked)), name, with_example)
    # The project's example scenario, else the first change a build's own scenarios hold.
    scenario = next((s for s in worked if s.id == EXAMPLE_SCENARIO), None) or next(s for s in worked if s.current)
    assert scenario.date is not None  # worked scenarios are dated
    table = quote_table(after, scenario, quote(after, scenario), heading(1, 1, scenario))
    return (
        word("site.reference.price_example", data=f"`{name}`", example=f"`{PRICE_CHANGE_EXAMPLE}`")
        + f"\n\n```text\n{entries}\n```\n\n"
        + word("site.reference.price_example_section", date=long_date(first))
        + f"\n\n{price_changes(after, first)}\n\n"
        + word("site.reference.price_example_diff", command="`govcloud diff`")
        + f"\n\n```text\n{said}\n```\n\n"
        + word(
            "site.reference.price_example_quote",
            title=scenario.title,
            date=long_date(scenario.date),
            command="`govcloud quote`",
        )
        + f"\n\n```text\n{table}\n```"
    )


def _broken(source: Document, tier: int) -> Document:
    """The document the two edited lines make, built from the loaded one rather than parsed
    again (a large data file takes longer to read than the rest of its page): the key
    `max_instances` spelt `max_instance`, in its place, and the tier's annual price negated.
    Only the path to what changes is copied; the rest is shared, and validation only reads it."""
    value = {("max_instance" if k == "max_instances" else k): v for k, v in source.value.items()}
    products = list(value["products"])
    first = dict(products[0])
    tiers = list(first["tiers"])
    tiers[tier] = {**tiers[tier], "annual": -tiers[tier]["annual"]}
    first["tiers"], products[0], value["products"] = tiers, first, products
    lines = {
        (("max_instance",) + loc[1:] if loc[:1] == ("max_instances",) else loc): line
        for loc, line in source.lines.items()
    }
    return Document(source.name, value, lines)
