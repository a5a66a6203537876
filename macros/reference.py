"""The maintainers' page: a reference of every data field, generated from the
model, and a real validation error made at build time."""

from __future__ import annotations

import re

from govcloud.calc.quote import quote
from govcloud.cli.diff import Version, compare, render
from govcloud.load.datafiles import DEFAULT_DATA, DEFAULT_SCENARIOS, PROJECT
from govcloud.load.loading import catalog_cross_checks, data_path, display_name, validate
from govcloud.load.scenarios import parse_scenarios
from govcloud.load.yamlsource import Document, load_file, load_text, read_text
from govcloud.model.catalog import Catalog
from govcloud.model.problems import InputError
from govcloud.render.tables import quote_table
from govcloud.words.dates import long_date
from macros.ladder import price_changes
from macros.text import slug

# The maintainers' page's example of dated price changes, applied to the project's own data.
PRICE_CHANGE_EXAMPLE = "data/examples/price-changes.yml"
# The worked scenario whose quote the example shows: an upgrade renewing after the first change.
EXAMPLE_SCENARIO = "upgrade-and-add-product"


class ReferenceMacros:
    """Mixed into the page macros: needs `self.catalog`."""

    catalog: Catalog
    source: Document | None  # the data file as loaded (its lines), when the caller has it

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

        visit("products.yml (top level)", schema)
        out = []
        for name, node in order:
            title = name if name.endswith(")") else f"`{name}`"
            rows = []
            required = set(node.get("required", []))
            for field, prop in node.get("properties", {}).items():
                meaning = prop.get("description") or (
                    defs.get(self._refs(prop)[0], {}).get("description", "") if self._refs(prop) else ""
                )
                if not meaning and self._refs(prop):
                    meaning = f"One `{self._refs(prop)[0]}` (below)."
                rows.append(
                    f"| `{field}` | {self._type(prop)} | {'yes' if field in required else 'no'} "
                    f"| {self._cell(meaning)} | {self._cell(self._constraints(prop))} |"
                )
            intro = node.get("description", "")
            out.append(
                f"### {title} {{#field-{slug(name.split()[0])}}}\n\n"
                + (f"{self._cell(intro)}\n\n" if intro else "")
                + "| Field | Type | Required | Meaning | Constraints |\n|---|---|---|---|---|\n"
                + "\n".join(rows)
            )
        return "\n\n".join(out)

    def price_change_example(self) -> str:
        return price_change_example()

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
            return "one of " + ", ".join(f"`{v}`" for v in values)
        if kind == "array":
            return f"list of {self._type(prop.get('items', {}))}"
        if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
            names = (prop.get("propertyNames") or {}).get("pattern")
            key = f"key (matching `{names}`)" if names else "key"
            return f"mapping of {key} to {self._type(prop['additionalProperties'])}"
        if kind == "string" and prop.get("format") == "date":
            return "date (YYYY-MM-DD)"
        if kind == "object" and prop.get("patternProperties"):
            ((pattern, value),) = prop["patternProperties"].items()
            return f"mapping of key (matching `{pattern}`) to {self._type(value)}"
        return {"integer": "whole number", "number": "amount", "string": "text", "boolean": "true or false"}.get(
            kind, kind or "any"
        )

    @staticmethod
    def _constraints(prop: dict) -> str:
        said = []
        names = {
            "minimum": "at least {}",
            "maximum": "at most {}",
            "exclusiveMinimum": "more than {}",
            "exclusiveMaximum": "less than {}",
            "multipleOf": "a multiple of {}",
            "minItems": "at least {} item(s)",
            "minProperties": "at least {} entry(ies)",
            "maxLength": "at most {} characters",
            "pattern": "matches `{}`",
        }
        for key, words in names.items():
            if key in prop:
                value = prop[key]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                if isinstance(value, int) and not isinstance(value, bool):
                    value = f"{value:,}"
                said.append(words.format(value))
        return "; ".join(said) or "none"

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
        return (
            f"Say the file had these two lines (line numbers on the left), a misspelt field name and a "
            f"negative price:\n\n```text\n{shown}\n```\n\n"
            f"`govcloud check` and the site build then stop with one line per problem:\n\n"
            f"```text\n{problems}\n```"
        )


def price_change_example() -> str:
    """Two dated price changes (data/examples/price-changes.yml) applied to the project's own data
    and worked scenarios (whatever data the build uses: the example documents the format): the
    entries, the products page's "Price changes" table on the first one's day, what `govcloud diff`
    says, and a worked scenario's quote across the change. A problem in the example stops the build."""
    data = load_file(PROJECT / DEFAULT_DATA, DEFAULT_DATA)
    example = load_file(PROJECT / PRICE_CHANGE_EXAMPLE, PRICE_CHANGE_EXAMPLE)
    # The example's own lines name its problems; the data's are checked by the data's own load.
    merged = Document(example.name, {**data.value, "price_changes": example.value["price_changes"]}, example.lines)
    before = validate(Catalog, data, catalog_cross_checks)
    after = validate(Catalog, merged, catalog_cross_checks)
    scenarios = load_file(PROJECT / DEFAULT_SCENARIOS, DEFAULT_SCENARIOS)
    worked, _ = parse_scenarios(scenarios, after)
    text = (PROJECT / PRICE_CHANGE_EXAMPLE).read_text(encoding="utf-8")
    entries = text[re.search(r"^price_changes:", text, re.M).start() :].rstrip("\n")  # type: ignore[union-attr]
    first = after.price_changes[0].effective
    said = render(
        compare(Version(DEFAULT_DATA, before, worked), Version("with the example", after, worked)),
        DEFAULT_DATA,
        f"{DEFAULT_DATA} with the example",
    )
    scenario = next(s for s in worked if s.id == EXAMPLE_SCENARIO)
    assert scenario.date is not None  # worked scenarios are dated
    table = quote_table(after, scenario, quote(after, scenario), f"Quote: {scenario.title}")
    return (
        f"Say `{DEFAULT_DATA}` recorded these two changes (the example `{PRICE_CHANGE_EXAMPLE}`, checked with the "
        f"data at every build):\n\n```yaml\n{entries}\n```\n\n"
        f'On {long_date(first)}, the day of the first, the products page\'s "Price changes" section lists them:\n\n'
        f"{price_changes(after, first)}\n\n"
        f"Before they merge, `govcloud diff` says what they move (here against the data without them, with the "
        f"worked scenarios):\n\n```text\n{said}\n```\n\n"
        f"The worked scenario “{scenario.title}” is dated {long_date(scenario.date)}: its Jira renewal falls after "
        f"the first change and is priced on its own day, while what is due now keeps the prices of the quote's "
        f"date. `govcloud quote` prints:\n\n```text\n{table}\n```"
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
