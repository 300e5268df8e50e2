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
    """Parameters are data: skip private names, modules, classes and functions."""
    if name.startswith("_"):
        return False
    return not (isinstance(value, types.ModuleType) or inspect.isclass(value) or callable(value))


def validate_parameters(
    model: type[M],
    namespace: Mapping[str, Any],
    *,
    options: type[O] = NotebookOptions,  # type: ignore[assignment]
    ignore: Iterable[str] = (),
) -> Parameters[M, O]:
    """Split ``namespace`` between ``model`` and ``options``, validate both, fail on anything else.

    Raises one InputError (context ``notebook parameters``) listing every unknown parameter
    with the known names, and every invalid value with its allowed range.
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
        raise InputError(problems, CONTEXT)
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
        self._before = frozenset(namespace)

    def collect(self) -> dict[str, Any]:
        """Names defined since the snapshot that look like parameters (data, not code)."""
        return {
            name: value
            for name, value in self._namespace.items()
            if name not in self._before and _is_parameter(name, value)
        }

    def validate(self, model: type[M], *, options: type[O] = NotebookOptions) -> Parameters[M, O]:  # type: ignore[assignment]
        """``validate_parameters(model, self.collect(), options=options)``."""
        return validate_parameters(model, self.collect(), options=options)


def write_envelope(envelope: Envelope, path: str | Path) -> Path | None:
    """Write ``envelope.to_json()`` to ``path`` (parents created); nothing when ``path`` is ''."""
    if not str(path):
        return None
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(envelope.to_json(), encoding="utf-8")
    return target
