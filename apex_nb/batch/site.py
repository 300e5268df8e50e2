"""One site of a batch: parameters, validation and the solve, shared by every engine.

``notebooks/batch_site.ipynb`` and the in-process engine both go through ``solve_site`` on
the same inputs JSON text, so they produce the same envelope (same content hash, same bytes).

papermill only warns about parameters a notebook does not define and passes any value through;
``SiteScope`` is the notebooks' ``ParameterScope`` (``apex_nb.notebook``, the one parameter
validator) with the site's parameters model: after the ``parameters`` cell it refuses unknown
names and validates the inputs with the solver's own input model, so a bad run fails in its
first cells with every bad field named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput, validate
from apex_nb.notebook import NoOptions, ParameterScope, validate_parameters, write_envelope

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope
    from apex_nb.packs import PackLibrary

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


class SiteParameters(BaseModel):
    """The parameters ``apex-nb batch`` passes to ``batch_site.ipynb`` (all required, all text)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    solver: str = Field(description="Registered solver to run")
    inputs_json: str = Field(description="The solver inputs as a JSON object")
    envelope_path: str = Field(description="Where to write the envelope JSON")


class SiteScope(ParameterScope):
    """Remembers a notebook's names before its ``parameters`` cell; validates what came after."""

    def validate(self) -> SiteRun:  # type: ignore[override]
        """Every new name must be a known parameter; the inputs must satisfy the solver's model.

        Parameter problems and input problems are reported together in one InputError.
        """
        new = self.collect()
        problems: list[FieldProblem] = []
        params = None
        try:
            params = validate_parameters(SiteParameters, new, options=NoOptions, context=CONTEXT).inputs
        except InputError as exc:  # reported together with the inputs' problems
            problems.extend(exc.problems)
        inputs = None
        if isinstance(new.get("solver"), str) and isinstance(new.get("inputs_json"), str):
            try:
                inputs = parse_inputs(new["solver"], new["inputs_json"])
            except InputError as exc:
                problems.extend(exc.problems)
        if problems or inputs is None or params is None:
            raise InputError(problems, CONTEXT)
        return SiteRun(solver=params.solver, inputs=inputs, envelope_path=params.envelope_path)


__all__ = ["SiteParameters", "SiteRun", "SiteScope", "parse_inputs", "solve_site", "write_envelope"]
