"""Notebook parameters: validate a papermill ``parameters`` cell against solver input models.

papermill only warns about a parameter the notebook does not define, and passes any value
through. Notebooks therefore snapshot their namespace before the ``parameters`` cell
(``ParameterScope(globals())``), and after it (and papermill's injected cell) call
``scope.validate(Model, options=Options)``: every new name must be a field of the solver input
model or of the notebook's options model, and every value must validate. Anything else fails
fast with one ``InputError`` naming each bad parameter and what is allowed.

No UI imports here: papermill, the CLI and the tests use this module without ipywidgets.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import problems_from

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

M = TypeVar("M", bound=BaseModel)
O = TypeVar("O", bound=BaseModel)  # noqa: E741

CONTEXT = "notebook parameters"


class NotebookOptions(BaseModel):
    """Parameters every apex-nb notebook accepts besides the solver inputs."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    envelope_path: str = Field(default="", description="Write the envelope JSON here ('' = do not write)")
    project_dir: str = Field(default="", description="Project store root for saving ('' = do not save)")
    project_id: str = Field(default="", description="Project id to save into (created when missing)")
    report_path: str = Field(default="", description="Write the HTML calc report here ('' = do not write)")


@dataclass(frozen=True)
class Parameters(Generic[M, O]):
    """Validated notebook parameters: the solver inputs and the notebook options."""

    inputs: M
    options: O


def _is_parameter(name: str, value: Any) -> bool:
    """Parameters are data: skip private names, modules, classes, functions and the scope itself."""
    if name.startswith("_") or isinstance(value, ParameterScope):
        return False
    return not (isinstance(value, types.ModuleType) or inspect.isclass(value) or callable(value))


def validate_parameters(
    model: type[M],
    namespace: Mapping[str, Any],
    *,
    options: type[O] = NotebookOptions,  # type: ignore[assignment]
    ignore: Iterable[str] = (),
    context: str = CONTEXT,
) -> Parameters[M, O]:
    """Split ``namespace`` between ``model`` and ``options``, validate both, fail on anything else.

    Raises one InputError (``context``, default ``notebook parameters``) listing every unknown
    parameter with the known names, and every invalid value with its allowed range.
    """
    skip = set(ignore)
    model_fields = set(model.model_fields)
    option_fields = set(options.model_fields)
    model_values: dict[str, Any] = {}
    option_values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for name, value in namespace.items():
        if name in skip or not _is_parameter(name, value):
            continue
        if name in model_fields:
            model_values[name] = value
        elif name in option_fields:
            option_values[name] = value
        else:
            known = ", ".join(sorted(model_fields | option_fields))
            problems.append(FieldProblem(name, "unknown parameter", f"known parameters: {known}"))
    inputs = _validate(model, model_values, problems)
    opts = _validate(options, option_values, problems)
    if problems:
        raise InputError(problems, context)
    assert inputs is not None and opts is not None
    return Parameters(inputs=inputs, options=opts)


def _validate(model: type[M], values: dict[str, Any], problems: list[FieldProblem]) -> M | None:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        problems.extend(problems_from(exc, model))
    except InputError as exc:  # a model validator that raised InputError directly
        problems.extend(exc.problems)
    return None


class ParameterScope:
    """Remembers the names defined before the ``parameters`` cell of a notebook.

    Usage (first cell, after the imports)::

        scope = ParameterScope(globals())
        # --- parameters cell, then papermill's injected cell ---
        params = scope.validate(QuickQuoteInput)
    """

    def __init__(self, namespace: Mapping[str, Any]) -> None:
        self._namespace = namespace
        self._before = dict(namespace)  # values too: a parameter that rebinds an existing name counts

    def collect(self) -> dict[str, Any]:
        """Names defined or rebound since the snapshot that look like parameters (data, not code).

        A papermill parameter that reuses a name the notebook had already (``-p ParameterScope 1``)
        is collected too, so it is validated (and refused as unknown) instead of slipping through.
        """
        missing = object()
        return {
            name: value
            for name, value in self._namespace.items()
            if self._before.get(name, missing) is not value and _is_parameter(name, value)
        }

    def validate(self, model: type[M], *, options: type[O] = NotebookOptions) -> Parameters[M, O]:  # type: ignore[assignment]
        """``validate_parameters(model, self.collect(), options=options)``."""
        return validate_parameters(model, self.collect(), options=options)


def write_envelope(envelope: Envelope, path: str | Path) -> Path | None:
    """Write ``envelope.to_json()`` to ``path`` atomically (parents created); nothing when ``path`` is ''."""
    from apex_nb.files import atomic_write

    return atomic_write(Path(path), envelope.to_json()) if str(path) else None


# -- notebook-specific parameter models ---------------------------------------------------------
class NoOptions(BaseModel):
    """For notebooks whose parameters are all in their own model."""

    model_config = ConfigDict(extra="forbid")


class DesignSignParameters(BaseModel):
    """Parameters of ``design_sign.ipynb`` besides the common options."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    solver: str = Field(default="design.pole_sign", description="Registered solver to run (any sign type)")
    inputs: dict[str, Any] = Field(default_factory=dict, description="Inputs of that solver (validated by its model)")
    compare_editions: list[str] = Field(
        default_factory=list, description="ASCE 7 editions to compare (solvers with an 'edition' input)"
    )
    interactive: bool = Field(default=True, description="Show the interactive form (off for batch runs)")


class VerificationParameters(BaseModel):
    """Parameters of ``verification.ipynb``."""

    model_config = ConfigDict(extra="forbid")

    ids: list[str] = Field(default_factory=list, description="Example ids to run ([] = all)")
    results_path: str = Field(default="", description="Write the rows and the summary as JSON here")
    fail_on_mismatch: bool = Field(default=True, description="Raise when any example fails or errors")


def validate_solver_inputs(solver: str, inputs: Mapping[str, Any]) -> BaseModel:
    """The solver's validated input model; problems are named ``inputs.<field>`` (parameter ``inputs``)."""
    from apex_nb.inputs import validate
    from apex_nb.registry import get_solver

    try:
        model = get_solver(solver).input_model
    except InputError as exc:
        raise InputError([FieldProblem("solver", p.message, p.allowed) for p in exc.problems], CONTEXT) from None
    try:
        return validate(model, dict(inputs), context=f"{solver} input")
    except InputError as exc:
        problems = [FieldProblem(f"inputs.{p.path}", p.message, p.allowed) for p in exc.problems]
        raise InputError(problems, CONTEXT) from None


def solver_ready(solver: str, options: NotebookOptions) -> bool:
    """True when ``solver`` is registered; when it is not and the run must produce files, fail fast."""
    from apex_nb.registry import list_solvers

    if any(s.name == solver for s in list_solvers()):
        return True
    if options.envelope_path or options.report_path or options.project_id:
        raise InputError(
            [FieldProblem("solver", f"{solver} is not registered in this version", "a registered solver")], CONTEXT
        )
    return False


def finish_run(envelope: Envelope | None, options: NotebookOptions, *, sign_name: str = "") -> dict[str, str]:
    """Write the envelope JSON, save into the project and write the report, as the options ask.

    Returns what was written ({"envelope": path, "project": id, "report": path}). A project save
    that meets someone else's concurrent change fails loudly (batch runs never merge silently).
    """
    done: dict[str, str] = {}
    if envelope is None:
        return done
    written = write_envelope(envelope, options.envelope_path)
    if written:
        done["envelope"] = str(written)
    if options.project_dir and options.project_id:
        done["project"] = save_to_project(envelope, options.project_dir, options.project_id, sign_name=sign_name)
    if options.report_path:
        from apex_nb.report import render_html

        target = Path(options.report_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_html(envelope), encoding="utf-8")
        done["report"] = str(target)
    return done


def save_to_project(envelope: Envelope, root: str | Path, project_id: str, *, sign_name: str = "") -> str:
    """Add the envelope to project ``project_id`` under ``root`` (created when missing); return the id."""
    from apex_nb.project import ProjectNotFound, ProjectStore

    store = ProjectStore(root)
    try:
        project, etag = store.load(project_id)
    except ProjectNotFound:
        store.create(project_id, {"name": sign_name or project_id})
        project, etag = store.load(project_id)
    store.save(project_id, add_envelope(project.to_json(), envelope, sign_name=sign_name), if_match=etag)
    return project_id


def _short_hash(env: Envelope) -> str:
    return env.content_sha256.split(":")[-1][:12]


def add_envelope(doc: dict[str, Any], env: Envelope, *, sign_name: str = "", label: str = "") -> dict[str, Any]:
    """A copy of project document ``doc`` with ``env`` added as sign + design (+ estimate lines)."""
    out = dict(doc)
    key = _short_hash(env)
    sign_id, design_id = f"sign-{key}", f"design-{key}"
    signs = [s for s in out.get("signs", []) if s.get("id") != sign_id]
    signs.append({"id": sign_id, "name": sign_name or env.solver.name, "inputs": dict(env.inputs)})
    designs = [d for d in out.get("designs", []) if d.get("id") != design_id]
    post = env.result.get("post_label")
    designs.append(
        {
            "id": design_id,
            "sign_id": sign_id,
            "label": label or f"{env.solver.name} v{env.solver.version}" + (f" {post}" if post else ""),
            "envelope_hash": env.content_sha256,
            "envelope": env.model_dump(mode="json"),
        }
    )
    out["signs"], out["designs"] = signs, designs
    lines = env.result.get("price_lines")
    if isinstance(lines, list) and lines:
        estimate = dict(out.get("estimate") or {})
        kept = [line for line in estimate.get("lines", []) if not str(line.get("id", "")).startswith(f"{design_id}-")]
        for index, line in enumerate(lines):
            if not isinstance(line, dict):
                continue
            kept.append(
                {
                    "id": f"{design_id}-{index + 1}",
                    "description": str(line.get("item", ""))[:500],
                    "quantity": float(line.get("quantity", 1.0)),
                    "unit": str(line.get("unit", "ea"))[:32],
                    "unit_price": float(line.get("unit_price_usd", 0.0)),
                }
            )
        estimate["lines"] = kept
        out["estimate"] = estimate
    return out


def edition_table(solver: str, inputs: BaseModel, editions: Iterable[str]) -> Any:
    """A pandas table of the numeric results of ``solver`` for each ASCE 7 edition (one column each).

    The solver's inputs must have an ``edition`` field (top level or in a nested group such as
    ``wind``); the other inputs stay as given, except the 7-05-only importance factor.
    The last rows are the confidence, the verdict and the content hash of each run.
    """
    import pandas as pd

    from apex_nb.registry import solve

    data = inputs.model_dump(mode="json")
    nested = (v for v in data.values() if isinstance(v, dict) and "edition" in v)
    holder = data if "edition" in data else next(nested, None)
    if holder is None:
        raise InputError([FieldProblem("compare_editions", f"{solver} has no 'edition' input", "[]")], CONTEXT)
    columns: dict[str, dict[str, Any]] = {}
    for edition in editions:
        holder["edition"] = edition
        if edition != "7-05" and holder.get("importance_factor") is not None:
            holder["importance_factor"] = None  # the importance factor exists in ASCE 7-05 only
        envelope = solve(solver, data)
        column: dict[str, Any] = {
            k: v for k, v in envelope.result.items() if isinstance(v, (int, float)) and not isinstance(v, bool)
        }
        column["confidence"] = envelope.confidence
        column["passed"] = envelope.passed
        column["content_sha256"] = envelope.content_sha256[:25] + "…"
        columns[edition] = column
    return pd.DataFrame(columns)
