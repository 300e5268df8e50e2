"""Solver input models: strict pydantic models whose errors become ``InputError``.

Every solver input model subclasses ``SolverInput``: unknown fields are rejected (no silent
typos), NaN and inf are rejected, and each field documents its unit and range. ``validate``
turns a pydantic ValidationError into an InputError that names every field with the allowed
range or values, read from the model's own JSON schema.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from apex_nb.errors import FieldProblem, InputError

M = TypeVar("M", bound=BaseModel)


class SolverInput(BaseModel):
    """Base of every solver input model: strict about unknown fields and non-finite numbers."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True, validate_default=True)


@lru_cache(maxsize=256)
def model_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema, built once per model (building it is far slower than validating).

    Shared: callers must not modify it.
    """
    return model.model_json_schema()


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref and ref.startswith("#/$defs/"):
        return root.get("$defs", {}).get(ref.split("/")[-1], schema)
    return schema


def _field_schema(model: type[BaseModel], loc: tuple[Any, ...]) -> dict[str, Any]:
    """The JSON-schema fragment for a field path, following nested models and $refs."""
    root = model_schema(model)
    node: dict[str, Any] = root
    for part in loc:
        node = _resolve(node, root)
        if isinstance(part, int):
            node = node.get("items", {})
        elif "properties" in node and part in node["properties"]:
            node = node["properties"][part]
        elif "anyOf" in node:
            options = [_resolve(o, root) for o in node["anyOf"]]
            node = next((o["properties"][part] for o in options if part in o.get("properties", {})), {})
        else:
            return {}
    node = _resolve(node, root)
    if "anyOf" in node:
        options = [_resolve(o, root) for o in node["anyOf"] if o.get("type") != "null"]
        if len(options) == 1:
            node = {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}}
    return node


def allowed_text(schema: dict[str, Any]) -> str:
    """Human text for a field's allowed values: ranges, enums, types."""
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    if "const" in schema:
        return f"exactly {schema['const']!r}"
    bounds = []
    if "exclusiveMinimum" in schema:
        bounds.append(f"> {schema['exclusiveMinimum']}")
    if "minimum" in schema:
        bounds.append(f">= {schema['minimum']}")
    if "exclusiveMaximum" in schema:
        bounds.append(f"< {schema['exclusiveMaximum']}")
    if "maximum" in schema:
        bounds.append(f"<= {schema['maximum']}")
    kind = schema.get("type", "")
    if bounds:
        return f"{kind} {' and '.join(bounds)}".strip()
    return str(kind)


def _under(prefix: str, path: str) -> str:
    """``path`` placed under the nested model at ``prefix`` unless it already names it."""
    if not prefix or path == prefix or path.startswith(f"{prefix}."):
        return path
    return f"{prefix}.{path}"


def problems_from(exc: ValidationError, model: type[BaseModel]) -> list[FieldProblem]:
    """One FieldProblem per pydantic error, with the allowed range from the model schema."""
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        path = ".".join(str(p) for p in loc) or "(input)"
        if error["type"] == "extra_forbidden":
            known = ", ".join(sorted(model.model_fields)) if len(loc) == 1 else ""
            problems.append(FieldProblem(path, "unknown field", f"known fields: {known}" if known else ""))
            continue
        original = (error.get("ctx") or {}).get("error")
        if isinstance(original, InputError):  # a model validator that names its own fields
            prefix = ".".join(str(p) for p in loc)
            problems.extend(FieldProblem(_under(prefix, p.path), p.message, p.allowed) for p in original.problems)
            continue
        message = error["msg"]
        if error["type"] == "finite_number":
            message = "must be a finite number (NaN and inf are refused)"
        allowed = "" if error["type"] == "missing" else allowed_text(_field_schema(model, loc))
        problems.append(FieldProblem(path, message, allowed))
    return problems


def validate(model: type[M], data: Any, context: str = "input") -> M:
    """Validate ``data`` into ``model`` or raise InputError listing every invalid field."""
    if isinstance(data, model):
        return data
    if isinstance(data, BaseModel):
        data = data.model_dump()
    if not isinstance(data, dict):
        raise InputError([FieldProblem("(input)", f"expected a mapping of fields, got {type(data).__name__}")], context)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, model), context) from None
