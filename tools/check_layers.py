"""Check apex-nb's layer contract (``[tool.apex-nb.layers]`` in pyproject.toml) on the source tree.

Why a small AST checker rather than import-linter: the contract must see every import (module
level, inside functions and under ``if TYPE_CHECKING:``) and must place ``widgets/`` where it
installs (``apex_nb.widgets``, a ``package_dir`` mapping import-linter's graph builder does not
follow); this does both in one stdlib file, with no new dependency and no install step.

Rules, each reported with file and line:
1. Every module of ``apex_nb`` (and ``widgets/`` as ``apex_nb.widgets``) belongs to exactly one
   layer (the longest matching prefix), so a new module is placed on purpose.
2. A module imports only its own layer and the layers below it (``[[tool.apex-nb.exceptions]]``
   lists the known breaks with their reasons; one that is no longer needed is an error).
3. The core (``apex_nb`` outside ``apex_nb.widgets``) never imports a forbidden package
   (ipywidgets, IPython, matplotlib, voila, playwright).
4. No import cycles between modules (every import counts, deferred and type-only too).

Usage: ``python tools/check_layers.py [ROOT]`` (exit 1 and one line per problem when broken).
"""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Source folders and the package each installs as.
PACKAGE_DIRS = {"apex_nb": "apex_nb", "apex_nb.widgets": "widgets"}


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it is and whether it is deferred or type-only."""

    source: str
    target: str
    path: Path
    line: int
    how: str  # "module", "function" or "type-checking"


def discover(root: Path) -> dict[str, Path]:
    """Module name -> file for every ``.py`` under the package folders."""
    modules: dict[str, Path] = {}
    for package, folder in PACKAGE_DIRS.items():
        base = root / folder
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(base).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            if any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
                continue
            name = ".".join([package, *parts])
            if package == "apex_nb" and name.startswith("apex_nb.widgets"):
                continue
            modules[name] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, how: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    """Every import under ``node`` with how it runs (module level, in a function, type-only)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, how
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _walk(child, "type-checking" if how == "type-checking" else "function")
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for stmt in child.body:
                yield from _walk_stmt(stmt, "type-checking")
            for stmt in child.orelse:
                yield from _walk_stmt(stmt, how)
        else:
            yield from _walk(child, how)


def _walk_stmt(stmt: ast.stmt, how: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        yield stmt, how
    else:
        yield from _walk(stmt, how)


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """The longest known module that ``name`` names or lives in (else ``name`` itself)."""
    probe = name
    while probe:
        if probe in modules:
            return probe
        probe = probe.rpartition(".")[0]
    return name


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """Every import in ``path``, resolved to a known module where it names one."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    for node, how in _walk(tree, "module"):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            for alias in node.names:
                full = f"{prefix}.{alias.name}"
                targets.append(full if full in modules else prefix)
        for target in targets:
            resolved = _resolve(target, modules)
            if resolved != module:
                found.append(Import(module, resolved, path, node.lineno, how))
    return found


def load_contract(root: Path) -> dict[str, object]:
    """The ``[tool.apex-nb]`` table of ``ROOT/pyproject.toml``."""
    with (root / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["apex-nb"]


def layer_of(module: str, patterns: dict[str, int]) -> int | None:
    """Index of the layer whose pattern matches ``module`` most specifically (None: unplaced).

    ``x.*`` matches ``x`` and every module under it; a plain name matches that module only.
    """
    best: tuple[int, int] | None = None
    for pattern, index in patterns.items():
        base = pattern.removesuffix(".*")
        if module == base or (pattern.endswith(".*") and module.startswith(base + ".")):
            weight = len(base) + (0 if pattern.endswith(".*") else 1)  # an exact name beats its subtree
            if best is None or weight > best[0]:
                best = (weight, index)
    return None if best is None else best[1]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def check(root: Path) -> list[str]:
    """Every broken rule of the contract, one line each (empty: the tree keeps the contract)."""
    contract = load_contract(root)
    layers: list[dict[str, object]] = contract["layers"]  # type: ignore[assignment]
    prefixes = {str(prefix): i for i, layer in enumerate(layers) for prefix in layer["modules"]}  # type: ignore[attr-defined]
    names = [str(layer["name"]) for layer in layers]
    core: dict[str, object] = contract["core"]  # type: ignore[assignment]
    forbidden = tuple(str(name) for name in core["forbidden"])  # type: ignore[attr-defined]
    ui_prefix = str(core["ui"])
    allowed = {(str(e["importer"]), str(e["imported"])) for e in contract.get("exceptions", [])}  # type: ignore[attr-defined]
    used: set[tuple[str, str]] = set()

    modules = discover(root)
    problems: list[str] = []
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for module, path in sorted(modules.items()):
        here = layer_of(module, prefixes)
        rel = path.relative_to(root)
        if here is None:
            problems.append(f"{rel}: {module} is in no layer (add it to [tool.apex-nb.layers])")
            continue
        in_core = not (module == ui_prefix or module.startswith(ui_prefix + "."))
        for imp in imports_of(module, path, modules):
            where = f"{rel}:{imp.line}"
            top = imp.target.split(".")[0]
            if (module, imp.target) in allowed:
                used.add((module, imp.target))
                continue
            if imp.target in modules:
                edges[module].add(imp.target)
                there = layer_of(imp.target, prefixes)
                if there is not None and there > here:
                    problems.append(
                        f"{where}: {module} ({names[here]}) imports {imp.target} ({names[there]}), "
                        f"a higher layer [{imp.how}]"
                    )
            if in_core and (top in forbidden or any(imp.target.startswith(f + ".") for f in forbidden)):
                problems.append(f"{where}: core module {module} imports {imp.target} [{imp.how}]")
    for importer, imported in sorted(allowed - used):
        problems.append(f"exception {importer} -> {imported} is no longer needed: remove it from the contract")
    for group in cycles(edges):
        problems.append("import cycle: " + " <-> ".join(group))
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent).resolve()
    problems = check(root)
    for line in problems:
        print(line)
    if problems:
        print(f"layer contract broken: {len(problems)} problem(s)")
        return 1
    print(f"layer contract kept: {len(discover(root))} modules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
