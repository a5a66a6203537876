"""The tree's layers, read from the imports themselves (no module is run).

The core, `govcloud`, is layered from words up to the command line; a module may
import its own layer or a lower one, never a higher one. The site's own code
(`govcloud_site`) imports no macro, the macros import only absolutely (Zensical
loads them by path), and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# Lowest first: words a reader sees, the data model, reading files, the calculation,
# presenting a result, the command line.
LAYERS = ("words", "model", "load", "calc", "render", "cli")
TREES = {
    "govcloud": ROOT / "src" / "govcloud",
    "govcloud_site": ROOT / "src" / "govcloud_site",
    "macros": ROOT / "macros",
}


def module_name(package: str, path: Path) -> str:
    parts = [package, *path.relative_to(TREES[package]).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, list[tuple[str, int, int]]]:
    """Each module's imports of project modules (absolute names, with line and level), at any depth."""
    modules = {module_name(pkg, f): f for pkg, tree in TREES.items() for f in tree.rglob("*.py")}
    out: dict[str, list[tuple[str, int, int]]] = {}
    for name, path in modules.items():
        found = []
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    found.append((target if target in modules else base, node.lineno, node.level))
            elif isinstance(node, ast.Import):
                found += [(alias.name, node.lineno, 0) for alias in node.names]
        out[name] = [(t, line, level) for t, line, level in found if t.split(".")[0] in TREES or t == "mkdocs"]
    return out


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if parts[0] == "govcloud" and len(parts) > 1 and parts[1] in LAYERS else None


def test_no_import_points_up_a_layer():
    wrong = []
    for module, targets in imports().items():
        for target, line, _ in targets:
            if module.startswith("govcloud.") and target.split(".")[0] != "govcloud":
                wrong.append(f"{module}:{line} imports {target} (the core imports neither site nor macros)")
            mine, theirs = layer(module), layer(target)
            if mine is not None and theirs is not None and theirs > mine:
                wrong.append(f"{module}:{line} ({LAYERS[mine]}) imports {target} ({LAYERS[theirs]})")
            if module.startswith("govcloud_site") and target.split(".")[0] == "macros":
                wrong.append(f"{module}:{line} imports the macro {target}")
    assert wrong == []


def test_every_core_module_sits_in_a_layer():
    loose = [m for m in imports() if m.startswith("govcloud.") and layer(m) is None and m not in ("govcloud.__main__",)]
    assert loose == []


def test_macros_import_absolutely_and_nothing_imports_mkdocs():
    found = imports()
    relative = [
        f"{m}:{line}" for m, targets in found.items() if m.startswith("macros") for _, line, lv in targets if lv
    ]
    mkdocs = [f"{m}:{line}" for m, targets in found.items() for t, line, _ in targets if t == "mkdocs"]
    assert relative == [] and mkdocs == []


def test_no_import_cycles():
    graph = {m: {t for t, _, _ in targets if t in imports_cache and t != m} for m, targets in imports_cache.items()}
    # A package's own __init__ re-exporting its modules is not a cycle of behaviour: skip edges into parents.
    graph = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


imports_cache = imports()
