"""Values worked out once per object of the data, kept only while the object lives.

The data's models are frozen, so what is derived from one (a catalog's ladders by date, a product's
tier sizes, the rules still to confirm) never changes; hashing a model walks all its fields, so the
values are found by identity, and each is dropped when its object is collected (a weak reference's
finalizer), so that a process reading many catalogs (the tests) does not keep them all.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

Of = TypeVar("Of")
Value = TypeVar("Value")


def per_object(make: Callable[[Of], Value]) -> Callable[[Of], Value]:
    """A function giving `make(obj)` for each object, made on first use; the value must not hold
    the object (it would then never be collected)."""
    made: dict[int, Value] = {}

    def get(obj: Of) -> Value:
        value = made.get(id(obj))
        if value is None:
            value = made[id(obj)] = make(obj)
            weakref.finalize(obj, made.pop, id(obj), None)
        return value

    return get
