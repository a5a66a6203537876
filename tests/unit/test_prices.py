"""One way to read a price: every module under src/ and macros/ reads a tier's yearly price
from the ladder `Catalog.prices_on(day)` gives, never from a product's `tiers` (the data
model's or the price book document's), so that dated prices change in one place.

The check reads the code (ast): a value is a tier when it comes from `.tiers` or `["tiers"]`,
through assignments, loops, comprehensions and the arguments of the module's own functions;
reading `annual` of one (`.annual`, `["annual"]`, `.get("annual")`, `getattr(t, "annual")`)
is a price read. Only the reader may do it."""

from __future__ import annotations

import ast
from datetime import date

import pytest

from catalogs import CATALOG, PRICE
from conftest import ROOT

# The one place a tier's price is read: (file, function).
READER = ("src/govcloud/model/catalog.py", "Catalog.prices_on")
# The data file's own text, before it is a catalog: the ladder-order check reports a price lower
# than the tier before it, the price-change checks report an entry that changes nothing or makes a
# ladder fall, and the maintainers' page negates a price to show a validation error. None of them
# reads what a tier costs.
RAW_DATA = {
    ("src/govcloud/model/checks.py", "_ladder_checks"),
    ("src/govcloud/model/checks.py", "_price_change_checks"),
    ("macros/reference.py", "_broken"),
}
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _is_source(node: ast.AST) -> bool:
    """`x.tiers`, `x["tiers"]`, `x.get("tiers")`, `getattr(x, "tiers")`: a product's tiers."""
    return _named(node, "tiers")


def _named(node: ast.AST, name: str) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == name
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and node.slice.value == name
    if isinstance(node, ast.Call) and node.args:
        key = node.args[-1] if isinstance(node.func, ast.Name) and node.func.id == "getattr" else node.args[0]
        getter = isinstance(node.func, ast.Attribute) and node.func.attr == "get"
        by_name = isinstance(node.func, ast.Name) and node.func.id == "getattr" and len(node.args) == 2
        return (getter or by_name) and isinstance(key, ast.Constant) and key.value == name
    return False


def _receiver(node: ast.AST) -> ast.AST:
    if isinstance(node, (ast.Attribute, ast.Subscript)):
        return node.value
    assert isinstance(node, ast.Call)
    return node.args[0] if isinstance(node.func, ast.Name) else node.func.value  # type: ignore[attr-defined]


def _targets(node: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(node) if isinstance(n, ast.Name)]


class _Module:
    """Which names hold tiers, scope by scope, worked out to a fixed point."""

    def __init__(self, tree: ast.Module):
        self.tree = tree
        self.scope_of: dict[ast.AST, ast.AST] = {}  # node -> the function (or module) it runs in
        self.parent: dict[ast.AST, ast.AST] = {}  # function -> the scope it is defined in
        self.qualname: dict[ast.AST, str] = {tree: ""}
        self.defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self._index(tree, tree, "")
        self.tiers: dict[ast.AST, set[str]] = {}
        while self._spread():
            pass

    def _index(self, node: ast.AST, scope: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            self.scope_of[child] = scope
            if isinstance(child, SCOPES):
                self.parent[child] = scope
                name = getattr(child, "name", "<lambda>")
                self.qualname[child] = prefix + name
                if not isinstance(child, ast.Lambda):
                    self.defs.setdefault(name, []).append(child)
                self._index(child, child, prefix + name + ".")
            elif isinstance(child, ast.ClassDef):
                self._index(child, scope, prefix + child.name + ".")
            else:
                self._index(child, scope, prefix)

    def holds(self, node: ast.AST) -> bool:
        """Whether an expression is (or is made from) a product's tiers."""
        for sub in ast.walk(node):
            if _is_source(sub):
                return True
            if isinstance(sub, ast.Name) and self._tier_name(sub.id, self.scope_of.get(sub, self.tree)):
                return True
        return False

    def _tier_name(self, name: str, scope: ast.AST | None) -> bool:
        while scope is not None:
            if name in self.tiers.get(scope, set()):
                return True
            scope = self.parent.get(scope)
        return False

    def _mark(self, scope: ast.AST, names: list[str]) -> bool:
        have = self.tiers.setdefault(scope, set())
        new = set(names) - have
        have |= new
        return bool(new)

    def _spread(self) -> bool:
        changed = False
        for node in ast.walk(self.tree):
            scope = self.scope_of.get(node, self.tree)
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if self.holds(node.value):
                    changed |= self._mark(scope, [n for t in targets for n in _targets(t)])
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and self.holds(node.iter):
                changed |= self._mark(scope, _targets(node.target))
            elif isinstance(node, ast.Call):
                changed |= self._into_calls(node)
        return changed

    def _into_calls(self, call: ast.Call) -> bool:
        """A tier passed to one of the module's own functions makes its parameter a tier; so
        does a lambda passed beside tiers (`sorted(p.tiers, key=lambda t: ...)`)."""
        func = call.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        changed = False
        given = call.args + [kw.value for kw in call.keywords]
        if any(self.holds(arg) for arg in given if not isinstance(arg, ast.Lambda)):
            for fn in given:
                if isinstance(fn, ast.Lambda):
                    changed |= self._mark(fn, [a.arg for a in fn.args.posonlyargs + fn.args.args])
        for fn in self.defs.get(name or "", []):
            params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
            if isinstance(func, ast.Attribute) and params[:1] in (["self"], ["cls"]):
                params = params[1:]
            for i, arg in enumerate(call.args):
                if i < len(params) and self.holds(arg):
                    changed |= self._mark(fn, [params[i]])
            for kw in call.keywords:
                if kw.arg is not None and self.holds(kw.value):
                    changed |= self._mark(fn, [kw.arg])
        return changed

    def function_of(self, node: ast.AST) -> str:
        return self.qualname[self.scope_of.get(node, self.tree)]


def price_reads(source: str) -> list[tuple[int, str]]:
    """(line, function) of every read of a tier's price in a module's source."""
    module = _Module(ast.parse(source))
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load):
            continue
        if _named(node, "annual") and module.holds(_receiver(node)):
            found.append((node.lineno, module.function_of(node)))
    return sorted(set(found))


def outside_the_reader(files: dict[str, str]) -> list[str]:
    allowed = {READER} | RAW_DATA
    return [
        f"{name}:{line} ({function or 'module'})"
        for name, source in files.items()
        for line, function in price_reads(source)
        if (name, function) not in allowed
    ]


def _modules() -> dict[str, str]:
    paths = sorted((ROOT / "src").rglob("*.py")) + sorted((ROOT / "macros").rglob("*.py"))
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in paths}


def test_no_module_reads_a_tier_price_outside_the_reader():
    files = _modules()
    assert len(files) > 40 and READER[0] in files
    assert outside_the_reader(files) == []


def test_the_allowed_places_exist():
    """An allow-list entry whose function was renamed or removed would let its name be reused."""
    files = _modules()
    for name, function in {READER} | RAW_DATA:
        module = _Module(ast.parse(files[name]))
        assert function in module.qualname.values(), (name, function)


PLANTED = {
    "direct": "def f(p):\n    return p.tiers[0].annual\n",
    "loop": "def f(p):\n    total = 0\n    for t in p.tiers:\n        total += t.annual\n    return total\n",
    "comprehension": "def f(c):\n    return [t.annual for p in c.products for t in p.tiers]\n",
    "through a dict": (
        "def f(c, users):\n    sizes = [{t.users: t for t in p.tiers} for p in c.products]\n"
        "    for p, by in zip(c.products, sizes):\n        tier = by.get(users)\n        print(tier.annual)\n"
    ),
    "a function's argument": ("def f(p):\n    def end(t):\n        return t.annual\n    return end(p.tiers[-1])\n"),
    "a method's argument": (
        "class A:\n    def f(self, p):\n        return self.g(p.tiers[0])\n    def g(self, tier):\n        return tier.annual\n"
    ),
    "the price book document": 'def f(book):\n    return [t["annual"] for p in book["products"] for t in p["tiers"]]\n',
    "get and getattr": 'def f(p):\n    t = p.tiers[0]\n    return t.get("annual"), getattr(t, "annual")\n',
    "a lambda": "def f(p):\n    return sorted(p.tiers, key=lambda t: -t.annual)\n",
    "at module level": "import x\nTOP = x.catalog.products[0].tiers[-1]\nPRICE = TOP.annual\n",
}


@pytest.mark.parametrize("name", PLANTED)
def test_a_planted_read_is_found(name):
    assert price_reads(PLANTED[name]) != []


def test_reads_of_the_ladder_in_force_and_of_a_quote_line_are_not_price_reads():
    source = (
        "def f(catalog, day, q, p):\n    prices = catalog.prices_on(day)\n"
        "    ladder = prices.ladder(p.key)\n    top = p.tiers[-1].users\n"
        "    return ladder[0].annual, [t.annual for t in ladder], q.lines[0].annual, top\n"
    )
    assert price_reads(source) == []


def test_a_read_planted_in_a_real_module_fails_the_check():
    files = _modules()
    name = "src/govcloud/calc/room.py"
    files[name] += "\n\ndef cheapest(product):\n    return min(t.annual for t in product.tiers)\n"
    assert outside_the_reader(files) == [f"{name}:{len(files[name].splitlines())} (cheapest)"]


def test_the_reader_is_the_allowed_place():
    """The same read inside Catalog.prices_on passes; moved out of it, it fails."""
    files = _modules()
    source = files[READER[0]]
    marker = "        return Prices(day, ladders, version, later)"
    assert marker in source
    inside = source.replace(
        marker, "        assert all(t.annual > 0 for p in self.products for t in p.tiers)\n" + marker
    )
    assert outside_the_reader({**files, READER[0]: inside}) == []
    outside = source + "\n\ndef first_price(catalog):\n    return catalog.products[0].tiers[0].annual\n"
    assert outside_the_reader({**files, READER[0]: outside}) != []


def test_prices_on_gives_each_product_its_ladder_under_tiers():
    prices = CATALOG.prices_on(date(2026, 11, 26))
    assert prices.day == date(2026, 11, 26)
    for p in CATALOG.products:
        assert [(t.users, t.annual) for t in prices.ladder(p.key)] == sorted(PRICE[p.key].items())
    # Whatever the day, until the data dates a change.
    assert CATALOG.prices_on(date.min).ladders == prices.ladders
