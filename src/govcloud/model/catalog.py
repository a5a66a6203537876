"""The policy data model: what `data/products.yml` may hold, and its rules.

The model checks each value's type and range. Rules that relate values to
each other (ladder order, unique keys, references) are in `catalog_checks.py`, which
can check them on raw data and so report them together with type problems.
Messages are written for the maintainer who edits the YAML.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Annotated, Literal, NamedTuple

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

from govcloud.model.memo import per_object
from govcloud.model.money import CENT
from govcloud.model.names import fit_problem
from govcloud.words import characters, richtext
from govcloud.words.vocabulary import word

# Keeps every price times a term's days inside JavaScript's exact integer range.
MAX_AMOUNT = Decimal("1000000000.00")
# A tier's users, compared with what a reader types as a JavaScript Number: exact up to 2^53 - 1.
MAX_USERS = 2**53 - 1
# Instances a subscription holds at no extra cost (150 today). Every output holds 10,000 exactly
# and as few digits: the estimator's whole-number fields and its "{instances} of {max_instances}"
# cells, the price book's JSON, the pages' sentences; 10^30 or 2^53 + 1 did not survive the
# estimator's Numbers, and a limit a thousand times today's is a typing slip, not a policy.
MAX_INSTANCES = 10_000


def _amount(value: object, allow_zero: bool = False) -> Decimal:
    wanted = "an amount of zero or more" if allow_zero else "a positive amount"
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise PydanticCustomError("amount", f"must be {wanted}, such as 1500.00")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0 or (amount == 0 and not allow_zero):
        raise PydanticCustomError("amount", f"must be {wanted}")
    exponent = amount.as_tuple().exponent  # an int for a finite amount
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(CENT):
        raise PydanticCustomError("amount", "must have at most two decimals (whole cents)")
    if amount > MAX_AMOUNT:
        raise PydanticCustomError("amount", "must be at most 1,000,000,000.00")
    return amount.quantize(CENT)


Amount = Annotated[
    Decimal,
    BeforeValidator(_amount),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 1e9, "multipleOf": 0.01}),
]
Money = Annotated[
    Decimal,
    BeforeValidator(lambda v: _amount(v, allow_zero=True)),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1e9, "multipleOf": 0.01}),
]


# What is trimmed off a text's ends: the spaces names are trimmed of (characters.SPACE, the same
# in the estimator) and the line ends YAML's block styles leave. Not str.strip(): it also takes
# U+001C to U+001F and U+0085 off the ends, which the check of refused characters must see.
_TRIM = characters.SPACE + "\t\n\r"


def trimmed(value: str) -> str:
    return value.strip(_TRIM)


def _text(value: str) -> str:
    if not trimmed(value):
        raise PydanticCustomError("text", "must not be empty")
    return trimmed(value)


def _checked(kind: richtext.Kind, placeholders: frozenset[str] = frozenset()):
    """A validator refusing what the field may not hold (richtext: markup, line breaks, placeholders)."""

    def check(value: str) -> str:
        found = richtext.problems(value, kind, placeholders)
        if found:
            # The message goes in as a value: it may hold braces, which pydantic would read as a template.
            raise PydanticCustomError("text_markup", "{message}", {"message": "; ".join(found)})
        return value

    return AfterValidator(check)


Text = Annotated[str, Field(strict=True), AfterValidator(_text)]
# One line of words: names and titles (richtext.py says what that excludes).
Line = Annotated[Text, _checked("plain")]
# One paragraph with *emphasis*, **strong**, `code` and links to https: or the site's pages.
Prose = Annotated[Text, _checked("formatted")]
Key = Annotated[str, Field(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
# No quotes, brackets, angle brackets or spaces: an address goes into Markdown links and HTML attributes.
Url = Annotated[
    str, Field(strict=True, pattern=r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&*+,;=:@/?#-]*)?$")
]

# Words a product key may not be, in one list: the key becomes a property name in the
# estimator's objects and a part of its address and test hooks (`users-<key>`, `<key>=520`),
# so it must not reach an object's internals or read as one of the address's own words.
RESERVED_KEYS = frozenset(
    {
        # JavaScript objects, functions and promises
        "constructor",
        "prototype",
        "length",
        "name",
        "caller",
        "arguments",
        "apply",
        "call",
        "bind",
        "then",
        # words of the address, the scenario and the quote
        "customer",
        "current",
        "proposed",
        "renewal",
        "days_remaining",
        "today",
        "mode",
        "expected",
        "users",
        "instances",
        "tier",
        "annual",
        "due_now",
        "change",
        "status",
        "contact",
        "lines",
        "bills",
        "total",
        "id",
        "title",
        "summary",
        # words of a dated quote and of the price changes (a product key would read as one)
        "date",
        "valid_until",
        "renewal_annual",
        "prices_from",
        "on",
        "effective",
    }
)


def _product_key(value: str) -> str:
    if value in RESERVED_KEYS:
        raise PydanticCustomError(
            "reserved_key",
            "{key} is a reserved word (the estimator's address or JavaScript uses it); pick another key",
            {"key": repr(value)},
        )
    return value


ProductKey = Annotated[Key, AfterValidator(_product_key)]


def _name(value: object) -> object:
    """A product's name follows the rule options' names follow (govcloud.model.names): no refused
    character anywhere, its ends too (Line trims them first), and it fits the pages on a phone."""
    wrong = word("names.control") if isinstance(value, str) and characters.refused(value) else None
    if isinstance(value, str) and not wrong and trimmed(value):
        wrong = fit_problem(trimmed(value))
    if wrong:
        raise PydanticCustomError("name", "{message}", {"message": wrong})
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tier(Strict):
    users: Annotated[
        StrictInt,
        # At most JavaScript's largest exact integer (2^53 - 1): the estimator compares it as a Number.
        Field(ge=1, le=MAX_USERS, description="Largest number of users the tier covers."),
    ]
    annual: Annotated[Amount, Field(description="Illustrative annual price of the tier, in the data's currency.")]


class Product(Strict):
    key: Annotated[
        ProductKey,
        Field(
            description="Stable identifier used in scenarios, addresses and test hooks: "
            "lowercase letters, digits and _, starting with a letter; not a reserved word "
            "(docs/maintainers.md, Product keys)."
        ),
    ]
    name: Annotated[
        Line,
        BeforeValidator(_name),
        # At most NAME_LENGTH characters, no word longer than WORD_LENGTH (names.py), unlike the others'.
        Field(description="Name shown to readers."),
    ]
    description: Annotated[Prose, Field(description="One sentence on what the product is for.")]
    tiers: Annotated[list[Tier], Field(min_length=1, description="User tiers in ascending order of users.")]


class Source(Strict):
    title: Annotated[Line, Field(description="Title of the page the rule comes from.")]
    url: Annotated[Url, Field(description="Address of that page (https).")]


class Contact(Strict):
    name: Annotated[Line, Field(description="Who handles the request, as readers know them.")]
    who: Annotated[Line, Field(description="Which customers this route is for.")]
    how: Annotated[Prose, Field(description="How to reach them, in one sentence.")]
    url: Annotated[Url, Field(description="Where to start (a contact form or page).")]


class Contacts(Strict):
    government: Annotated[Contact, Field(description="Route for US public-sector customers.")]
    commercial: Annotated[Contact, Field(description="Route for everyone else.")]


# Placeholders a rule's text may use; each is filled from the data (the last two
# with the contact names), so that a changed value changes every sentence.
PLACEHOLDERS = {"max_instances", "term_days", "deactivation_days", "quote_valid_days", "government", "commercial"}


def _template(value: str) -> str:
    if re.search(r"\d", richtext.fill(value, {n: "" for n in PLACEHOLDERS})):
        raise PydanticCustomError(
            "placeholder",
            "write numbers the data holds as placeholders ({allowed}), not digits",
            {"allowed": ", ".join("{" + n + "}" for n in sorted(PLACEHOLDERS))},
        )
    return value


Template = Annotated[Text, _checked("formatted", frozenset(PLACEHOLDERS)), AfterValidator(_template)]


class Rule(Strict):
    title: Annotated[Line, Field(description="Short name of the rule.")]
    summary: Annotated[
        Template,
        Field(
            description="The rule in one or two plain sentences; "
            "may use {max_instances}, {term_days}, {deactivation_days}, "
            "{quote_valid_days}, and {government} and {commercial} "
            "for the contacts' names."
        ),
    ]
    confirmed: Annotated[
        bool,
        Field(
            strict=True,
            description="True when the source states it for Government Cloud; "
            "false when it is carried over from commercial cloud and should be confirmed.",
        ),
    ]
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
    quote_holds_price: Rule


def _day(value: object) -> date:
    """A date: YAML's own, or text written YYYY-MM-DD (the loader keeps a YAML date as its text)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date", "must be a real date, written YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
# A tier named by its size (its users): a whole number, or its digits as text (JSON keys are text).
TIER_KEY = r"^[1-9][0-9]*$"


def _tier_size(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if isinstance(value, str) and re.fullmatch(TIER_KEY, value):
        return int(value)
    raise PydanticCustomError("tier_size", "a tier is named by its users, a whole number such as 500")


TierSize = Annotated[int, BeforeValidator(_tier_size)]
# Keys as JSON Schema names them (`propertyNames`), so that editors check and complete them.
_NEW_PRICES = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": {"pattern": TIER_KEY},
    "additionalProperties": {"type": "number", "exclusiveMinimum": 0, "maximum": 1e9, "multipleOf": 0.01},
}
NewPrices = Annotated[dict[TierSize, Amount], Field(min_length=1), WithJsonSchema(_NEW_PRICES)]


class PriceChange(Strict):
    """One announced change of list prices: from `effective` on, the tiers it names cost these prices."""

    effective: Annotated[
        Day,
        Field(
            description="The first day of the new prices (YYYY-MM-DD): quotes and bills dated on or after it, "
            "renewals included, carry them."
        ),
    ]
    products: Annotated[
        dict[Key, NewPrices],
        Field(
            min_length=1,
            description="For each product (by key) whose prices change, each changed tier (by its users) and its "
            "new yearly price; tiers and products not named keep their price.",
        ),
        WithJsonSchema(
            {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"pattern": r"^[a-z][a-z0-9_]*$", "maxLength": 32},
                "additionalProperties": _NEW_PRICES,
            }
        ),
    ]


# A product's ladder in force: its tiers in ascending order of users, each with its yearly price.
Ladder = Sequence[Tier]


class Prices(NamedTuple):
    """The prices in force on one day (Catalog.prices_on): for each product (by key), its ladder;
    the version they are (the date of the latest change on or before the day, None before any)
    and the dates of the changes after the day, ascending."""

    day: date
    ladders: Mapping[str, Ladder]
    version: date | None
    later: tuple[date, ...]

    def ladder(self, key: str) -> Ladder:
        return self.ladders[key]


class Catalog(Strict):
    """Everything `data/products.yml` holds."""

    currency: Annotated[Literal["USD"], Field(description="Currency of every amount.")]
    prices_are: Annotated[
        Literal["illustrative"],
        Field(description="Prices are illustrative list prices; the quote from the contact governs."),
    ]
    term_days: Annotated[StrictInt, Field(ge=1, le=366, description="Days in one annual term.")]
    max_instances: Annotated[
        StrictInt,
        Field(ge=1, le=MAX_INSTANCES, description="Instances a subscription holds at no extra cost."),
    ]
    proration: Annotated[
        Literal["days"],
        Field(description="Basis of a mid-term upgrade's charge (not documented for Government Cloud)."),
    ]
    # Facts from commercial-cloud pages that pages state; kept here so they change in one place.
    deactivation_days: Annotated[
        StrictInt,
        Field(ge=0, description=("Days after a cancelled subscription's term ends before it is deactivated.")),
    ]
    quote_valid_days: Annotated[StrictInt, Field(ge=1, description="Days a saved annual quote stays valid.")]
    contacts: Contacts
    sources: Annotated[dict[Key, Source], Field(min_length=1, description="Pages the rules come from, by key.")]
    rules: Rules
    products: Annotated[list[Product], Field(min_length=1, description="Products in the order pages list them.")]
    price_changes: Annotated[
        list[PriceChange],
        Field(
            description="Announced changes of list prices, in ascending order of date, one entry a date "
            "(optional; none when left out)."
        ),
    ] = []

    def product(self, key: str) -> Product:
        return next(p for p in self.products if p.key == key)

    def prices_on(self, day: date) -> Prices:
        """Each product's ladder in force on `day`: the one place a tier's price is read
        (tests/unit/test_prices.py holds every other module to it). A tier costs the price of
        the latest entry of `price_changes` on or before `day` that names it, else its price
        under `tiers`. The ladders are made once per version of the prices (a quote asks for a
        bill's prices on each of its days)."""
        known = _known(self)
        version, later = known.around(day)
        ladders = known.ladders.get(version)
        if ladders is None:
            ladders = {p.key: tuple(p.tiers) for p in self.products}
            for change in self.price_changes:
                if change.effective > day:
                    break  # ascending by date (govcloud check)
                for key, named in change.products.items():
                    ladders[key] = tuple(
                        Tier.model_construct(users=t.users, annual=named.get(t.users, t.annual)) for t in ladders[key]
                    )
            # Shared by every quote of this version: read-only, down to each ladder.
            known.ladders[version] = ladders = MappingProxyType(ladders)
        return Prices(day, ladders, version, later)

    def change_dates(self) -> list[date]:
        """The date of every recorded price change, ascending."""
        return list(_known(self).dates)

    def rule_values(self) -> dict[str, str]:
        """What each placeholder of a rule's text stands for."""
        return {
            n: getattr(self.contacts, n).name if n in ("government", "commercial") else str(getattr(self, n))
            for n in PLACEHOLDERS
        }

    def rule_text(self, name: str) -> str:
        """A rule's summary as plain words (its formatting dropped), placeholders filled."""
        return richtext.plain(getattr(self.rules, name).summary, self.rule_values())


class _Known:
    """What a catalog's quotes ask for again and again, worked out once per catalog object (a
    frozen model: a copy with other prices is another object): the change dates, and the ladders
    of each version of the prices."""

    __slots__ = ("dates", "ladders")

    def __init__(self, catalog: Catalog):
        self.dates = tuple(change.effective for change in catalog.price_changes)
        self.ladders: dict[date | None, Mapping[str, Ladder]] = {}

    def around(self, day: date) -> tuple[date | None, tuple[date, ...]]:
        """The version of the prices in force on `day` and the dates of the changes after it."""
        at = bisect_right(self.dates, day)
        return self.dates[at - 1] if at else None, self.dates[at:]


_known = per_object(_Known)
