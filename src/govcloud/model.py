"""The policy data model: what `data/products.yml` may hold, and its rules.

The model checks each value's type and range. Rules that relate values to
each other (ladder order, unique keys, references) are in `loading.py`, which
can check them on raw data and so report them together with type problems.
Messages are written for the maintainer who edits the YAML.
"""
from __future__ import annotations

import re
import string
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .money import CENT

# Keeps every price times a term's days inside JavaScript's exact integer range.
MAX_AMOUNT = Decimal("1000000000.00")


def _amount(value: object, allow_zero: bool = False) -> Decimal:
    wanted = "an amount of zero or more" if allow_zero else "a positive amount"
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise PydanticCustomError("amount", f"must be {wanted}, such as 1500.00")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0 or (amount == 0 and not allow_zero):
        raise PydanticCustomError("amount", f"must be {wanted}")
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(CENT):
        raise PydanticCustomError("amount", "must have at most two decimals (whole cents)")
    if amount > MAX_AMOUNT:
        raise PydanticCustomError("amount", "must be at most 1,000,000,000.00")
    return amount.quantize(CENT)


Amount = Annotated[Decimal, BeforeValidator(_amount),
                   WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 1e9, "multipleOf": 0.01})]
Money = Annotated[Decimal, BeforeValidator(lambda v: _amount(v, allow_zero=True)),
                  WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1e9, "multipleOf": 0.01})]


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text", "must not be empty")
    return value.strip()


Text = Annotated[str, Field(strict=True), AfterValidator(_text)]
Key = Annotated[str, Field(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
Url = Annotated[str, Field(strict=True, pattern=r"^https://[^\s]+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tier(Strict):
    users: Annotated[StrictInt, Field(ge=1, description="Largest number of users the tier covers.")]
    annual: Annotated[Amount, Field(description="Illustrative annual price of the tier, in the data's currency.")]


class Product(Strict):
    key: Annotated[Key, Field(description="Stable identifier used in scenarios, addresses and test hooks.")]
    name: Annotated[Text, Field(description="Name shown to readers.")]
    description: Annotated[Text, Field(description="One sentence on what the product is for.")]
    tiers: Annotated[list[Tier], Field(min_length=1, description="User tiers in ascending order of users.")]



class Source(Strict):
    title: Annotated[Text, Field(description="Title of the page the rule comes from.")]
    url: Annotated[Url, Field(description="Address of that page (https).")]


class Contact(Strict):
    name: Annotated[Text, Field(description="Who handles the request, as readers know them.")]
    who: Annotated[Text, Field(description="Which customers this route is for.")]
    how: Annotated[Text, Field(description="How to reach them, in one sentence.")]
    url: Annotated[Url, Field(description="Where to start (a contact form or page).")]


class Contacts(Strict):
    government: Annotated[Contact, Field(description="Route for US public-sector customers.")]
    commercial: Annotated[Contact, Field(description="Route for everyone else.")]


# Placeholders a rule's text may use; each is filled from the data (the last two
# with the contact names), so that a changed value changes every sentence.
PLACEHOLDERS = {"max_instances", "term_days", "deactivation_days", "quote_valid_days", "government", "commercial"}


def _template(value: str) -> str:
    names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    unknown = names - PLACEHOLDERS
    if unknown:
        raise PydanticCustomError(
            "placeholder", "unknown placeholder {names}; use {allowed}",
            {"names": ", ".join(sorted("{" + n + "}" for n in unknown)),
             "allowed": ", ".join("{" + n + "}" for n in sorted(PLACEHOLDERS))},
        )
    if re.search(r"\d", string.Formatter().vformat(value, (), {n: "" for n in PLACEHOLDERS})):
        raise PydanticCustomError(
            "placeholder", "write numbers the data holds as placeholders ({allowed}), not digits",
            {"allowed": ", ".join("{" + n + "}" for n in sorted(PLACEHOLDERS))},
        )
    return value


Template = Annotated[Text, AfterValidator(_template)]


class Rule(Strict):
    title: Annotated[Text, Field(description="Short name of the rule.")]
    summary: Annotated[Template, Field(description="The rule in one or two plain sentences; "
                                       "may use {max_instances}, {term_days}, {deactivation_days}, "
                                       "{quote_valid_days}, and {government} and {commercial} "
                                       "for the contacts' names.")]
    confirmed: Annotated[bool, Field(strict=True, description="True when the source states it for Government Cloud; "
                                     "false when it is carried over from commercial cloud and should be confirmed.")]
    source: Annotated[Key, Field(description="Key of the entry in `sources` the rule comes from.")]


class Rules(Strict):
    one_subscription_per_product: Rule
    user_tiers: Rule
    users_counted_once: Rule
    instances_free: Rule
    upgrade: Rule
    add_instances: Rule
    new_product: Rule
    new_subscription_term: Rule
    downgrade: Rule
    cancel: Rule
    beyond_limits: Rule
    contact_route: Rule
    quote_validity: Rule


class Catalog(Strict):
    """Everything `data/products.yml` holds."""

    currency: Annotated[Literal["USD"], Field(description="Currency of every amount.")]
    prices_are: Annotated[Literal["illustrative"], Field(
        description="Prices are illustrative list prices; the quote from the contact governs.")]
    term_days: Annotated[StrictInt, Field(ge=1, le=366, description="Days in one annual term.")]
    max_instances: Annotated[StrictInt, Field(ge=1, description="Instances a subscription holds at no extra cost.")]
    proration: Annotated[Literal["days"], Field(
        description="Basis of a mid-term upgrade's charge (not documented for Government Cloud).")]
    # Facts from commercial-cloud pages that pages state; kept here so they change in one place.
    deactivation_days: Annotated[StrictInt, Field(ge=0, description=(
        "Days after a cancelled subscription's term ends before it is deactivated."))]
    quote_valid_days: Annotated[StrictInt, Field(ge=1, description="Days a saved annual quote stays valid.")]
    contacts: Contacts
    sources: Annotated[dict[Key, Source], Field(min_length=1, description="Pages the rules come from, by key.")]
    rules: Rules
    products: Annotated[list[Product], Field(min_length=1, description="Products in the order pages list them.")]

    def product(self, key: str) -> Product:
        return next(p for p in self.products if p.key == key)

    def rule_text(self, name: str) -> str:
        values = {n: getattr(self.contacts, n).name if n in ("government", "commercial") else getattr(self, n)
                  for n in PLACEHOLDERS}
        return getattr(self.rules, name).summary.format(**values)
