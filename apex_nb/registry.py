"""Solver registry: ``solve(name, inputs)`` and ``list_solvers()``.

A solver is a name, a semver, an input model and a pure ``run(inputs, calc) -> result`` built
from small equation functions. The list of solvers is explicit (``apex_nb.solvers.ALL``), not a
decorator side effect, so a newcomer finds every solver in one place. ``Solver`` itself is
defined in ``apex_nb.calc`` (solvers import it from there) and re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.envelope import Envelope, PackUsed, SolverId, confidence_from
from apex_nb.errors import InputError, SolverError
from apex_nb.inputs import SolverInput, validate
from apex_nb.packs import PackLibrary, PackRef, pack_snapshot
from apex_nb.version import __version__

__all__ = ["Solver", "get_solver", "list_solvers", "solve"]


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any, path: str = "result") -> Any:
    """Convert a result into plain JSON types (numpy scalars included); refuse anything else."""
    kind = type(value)  # fast paths for the plain types that make up nearly every result
    if kind in _LEAVES:
        return value
    if kind is dict:
        return {str(k): v if type(v) in _LEAVES else _plain(v, f"{path}.{k}") for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _LEAVES else _plain(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return _plain(value.item(), path)
    if isinstance(value, Mapping):
        return {str(k): _plain(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, f"{path}[{i}]") for i, v in enumerate(value)]
    raise SolverError(f"{path}: {type(value).__name__} is not JSON data")


@cache
def _pack_used(ref: PackRef) -> PackUsed:
    """The (frozen) envelope record of a pack read, one object per pack version and sha256."""
    return PackUsed(**ref.as_dict())


@cache
def _solver_id(name: str, version: str) -> SolverId:
    """The (frozen) envelope record of a solver, one object per name and version."""
    return SolverId(name=name, version=version)


@cache
def _solvers() -> dict[str, Solver]:
    """Name -> solver, built once (``apex_nb.solvers.ALL`` is a constant tuple); callers do not mutate it."""
    from apex_nb.solvers import ALL

    return {solver.name: solver for solver in ALL}


def list_solvers() -> list[Solver]:
    """Every registered solver, sorted by name."""
    return sorted(_solvers().values(), key=lambda s: s.name)


def get_solver(name: str) -> Solver:
    """The solver called ``name``; an unknown name is an input error listing the known ones."""
    solvers = _solvers()
    if name not in solvers:
        from apex_nb.errors import FieldProblem

        raise InputError([FieldProblem("solver", f"unknown solver {name!r}", "one of " + ", ".join(sorted(solvers)))])
    return solvers[name]


def solve(
    name: str,
    inputs: Mapping[str, Any] | SolverInput,
    *,
    library: PackLibrary | None = None,
    pack_versions: Mapping[str, str] | None = None,
    sealed: bool = True,
) -> Envelope:
    """Validate ``inputs``, run solver ``name`` and return its verified envelope.

    ``pack_versions`` pins pack versions by name (default: the newest locked version).
    ``sealed=False`` returns an ``Envelope.draft`` (no hash yet): ``Calc.trial`` uses it for
    sizing iterations, and ``Calc.adopt`` seals the one it keeps.
    """
    solver = get_solver(name)
    model = validate(solver.input_model, inputs, context=f"{name} input")
    if library is None:
        library = PackLibrary(pins=dict(pack_versions or {}))
    elif pack_versions:
        library = PackLibrary(root=library.root, pins={**library.pins, **pack_versions})
    calc = Calc(library=library, seal_parts=sealed, solve_fn=solve)
    with pack_snapshot():  # one consistent set of pack files for the solve and its sub-solves
        raw_result = solver.run(model, calc)
    result = _plain(raw_result)
    solver_id = _solver_id(solver.name, solver.version)
    packs = [_pack_used(ref) for ref in sorted(calc.packs_used.values(), key=lambda r: r.name)]
    canonical_inputs = model.model_dump(mode="json")
    try:
        envelope = Envelope.recorded_draft(
            solver=solver_id,
            inputs=canonical_inputs,
            result=result,
            checks=calc.checks,
            assumptions=calc.assumptions,
            applicability=calc.applicability,
            warnings=calc.warnings,
            confidence=confidence_from(calc.applicability, calc.checks, [p.confidence for p in calc.parts]),
            trace=calc.trace,
            packs=packs,
            parts=calc.parts,
            apex_nb_version=__version__,
        )
        return envelope.sealed() if sealed else envelope
    except ValueError as exc:  # a non-finite number in the result or trace
        raise SolverError(f"{name}: {exc}") from exc
