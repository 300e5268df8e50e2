"""One site of a batch: parameters, validation and the solve, shared by every engine.

``notebooks/batch_site.ipynb`` and the in-process engine both go through ``solve_site`` on
the same inputs JSON text, so they produce the same envelope (same content hash, same bytes).

papermill only warns about parameters a notebook does not define and passes any value through;
``SiteScope`` snapshots the notebook's names before the ``parameters`` cell and, after it (and
papermill's injected cell), refuses unknown names and validates the inputs with the solver's own
input model, so a bad run fails in its first cells with every bad field named.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput, validate

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope
    from apex_nb.packs import PackLibrary

PARAMETERS = ("solver", "inputs_json", "envelope_path")
CONTEXT = "batch_site parameters"


@dataclass(frozen=True)
class SiteRun:
    """Validated parameters of one site run."""

    solver: str
    inputs: SolverInput
    envelope_path: str


def parse_inputs(solver: str, inputs_json: str) -> SolverInput:
    """The solver's validated input model from JSON text; InputError names every bad field."""
    from apex_nb.registry import get_solver

    found = get_solver(solver)  # InputError listing the known solvers
    try:
        data = json.loads(inputs_json)
    except (TypeError, json.JSONDecodeError) as exc:
        raise InputError([FieldProblem("inputs_json", f"not valid JSON ({exc})", "a JSON object")], CONTEXT) from None
    if not isinstance(data, dict):
        raise InputError([FieldProblem("inputs_json", f"a JSON {type(data).__name__}", "a JSON object")], CONTEXT)
    return validate(found.input_model, data, context=f"{solver} input")


def solve_site(solver: str, inputs_json: str, library: PackLibrary | None = None) -> Envelope:
    """Validate and solve one site (the single solve path of every engine)."""
    from apex_nb.registry import solve

    return solve(solver, parse_inputs(solver, inputs_json), library=library)


_LITERALS = (str, int, float, bool, list, dict, tuple, type(None))


def _is_parameter(name: str, value: Any) -> bool:
    """papermill injects literals; objects the notebook made later (site, envelope) are not parameters."""
    return not name.startswith("_") and isinstance(value, _LITERALS)


class SiteScope:
    """Remembers a notebook's names before its ``parameters`` cell; validates what came after."""

    def __init__(self, namespace: Mapping[str, Any]) -> None:
        self._namespace = namespace
        self._before = dict(namespace)  # values too: a parameter that rebinds an existing name counts

    def validate(self) -> SiteRun:
        """Every new name must be a known parameter; the inputs must satisfy the solver's model."""
        missing = object()
        new = {
            k: v for k, v in self._namespace.items() if self._before.get(k, missing) is not v and _is_parameter(k, v)
        }
        problems = [
            FieldProblem(name, "unknown parameter", "known parameters: " + ", ".join(PARAMETERS))
            for name in sorted(new)
            if name not in PARAMETERS
        ]
        for name in PARAMETERS:
            if not isinstance(new.get(name), str):
                got = "missing" if name not in new else f"a {type(new[name]).__name__}"
                problems.append(FieldProblem(name, f"expected text, got {got}", "str"))
        inputs = None
        if isinstance(new.get("solver"), str) and isinstance(new.get("inputs_json"), str):
            try:
                inputs = parse_inputs(new["solver"], new["inputs_json"])
            except InputError as exc:  # reported together with the parameter problems
                problems.extend(exc.problems)
        if problems or inputs is None:
            raise InputError(problems, CONTEXT)
        return SiteRun(solver=new["solver"], inputs=inputs, envelope_path=new["envelope_path"])


def write_envelope(envelope: Envelope, path: str | Path) -> Path:
    """Write ``envelope.to_json()`` atomically (temp file + ``os.replace``)."""
    from apex_nb.files import atomic_write

    return atomic_write(Path(path), envelope.to_json())
