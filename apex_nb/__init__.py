"""apex-nb: sign-structure engineering with auditable result envelopes.

Public entry points: ``solve(name, inputs)``, ``list_solvers()``, ``Envelope``, ``InputError``.
This core package never imports UI packages; widgets live in ``apex_nb.widgets``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apex_nb import hooks
from apex_nb.errors import InputError, PackError, SolverError
from apex_nb.version import __version__

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope
    from apex_nb.registry import Solver

__all__ = [
    "Envelope",
    "InputError",
    "PackError",
    "SolverError",
    "__version__",
    "compare_editions",
    "diff",
    "list_solvers",
    "solve",
]


_CALLABLE_MODULES = ("diff", "pricebook")


def solve(name: str, inputs: Any, **kwargs: Any) -> Envelope:
    """Run solver ``name`` on ``inputs`` and return its envelope (see ``apex_nb.registry.solve``)."""
    from apex_nb.registry import solve as _solve

    return _solve(name, inputs, **kwargs)


def compare_editions(inputs: Any, editions: Any = None, *, solver: str | None = None) -> Any:
    """One row per ASCE 7 edition for any solver with a wind edition (tidy DataFrame; ``apex_nb.compare``)."""
    from apex_nb.compare import compare_editions as _compare

    return _compare(inputs, editions, solver=solver)


def list_solvers() -> list[Solver]:
    """Every registered solver (see ``apex_nb.registry.list_solvers``)."""
    from apex_nb.registry import list_solvers as _list

    return _list()


def _solver_version(name: str) -> str:
    from apex_nb.registry import get_solver

    return get_solver(name).version


def _envelope_html(envelope: Any) -> str:
    from apex_nb.envelope_html import envelope_html

    return envelope_html(envelope)


# The record layer (calc, envelope) calls up through these; see apex_nb/hooks.py.
hooks.solve = solve
hooks.solver_version = _solver_version
hooks.envelope_html = _envelope_html


def __getattr__(name: str) -> Any:
    if name in _CALLABLE_MODULES:  # modules that are also callables: apex_nb.diff(a, b), apex_nb.pricebook(spec)
        import importlib

        return importlib.import_module(f"apex_nb.{name}")
    if name == "Envelope":
        from apex_nb.envelope import Envelope

        return Envelope
    raise AttributeError(name)
