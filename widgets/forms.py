"""Input forms generated from any solver input model (ipywidgets).

Each field of the model's JSON schema becomes a labelled widget with its unit (from the field
name: ``_ft`` -> ft, ``_mph`` -> mph, ...), its help text (the field description and the
allowed range) and an error slot beside it. ``SolverForm.validate()`` runs the model and puts
each ``InputError`` problem next to the field it names; problems that name no field go to the
form-level message. Nothing raises into the page: a bad value is a message, never a traceback.

Number boxes are never clamped: a value outside the field's range stays as typed and the
message beside the field names the allowed range, so nobody gets a silently different input.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w
from pydantic import BaseModel

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import allowed_text, validate

UNIT_SUFFIXES: dict[str, str] = {
    "ft": "ft",
    "in": "in",
    "mph": "mph",
    "psf": "psf",
    "pcf": "pcf",
    "psi": "psi",
    "ksi": "ksi",
    "kip": "kip",
    "kips": "kip",
    "lb": "lb",
    "kip_ft": "kip·ft",
    "lb_ft": "lb·ft",
    "usd": "USD",
    "yd3": "yd³",
    "ft2": "ft²",
    "deg": "°",
    "hz": "Hz",
    "pct": "%",
}

FORM_CSS = """
<style>
.apx-form { font-family: system-ui, sans-serif; }
.apx-field { align-items: center; margin: 1px 0; }
.apx-field-label { font-weight: 600; }
.apx-field-unit { color: #555; }
.apx-field-help { color: #666; font-size: 11px; margin: -2px 0 4px 0; }
.apx-error { color: #cf222e; font-weight: 600; }
.apx-form-error { color: #cf222e; font-weight: 600; }
</style>
"""


def unit_of(name: str) -> str:
    """The unit encoded in a field name (``top_height_ft`` -> ``ft``), or ''."""
    parts = name.lower().split("_")
    for size in (2, 1):
        if len(parts) > size:
            suffix = "_".join(parts[-size:])
            if suffix in UNIT_SUFFIXES:
                return UNIT_SUFFIXES[suffix]
    return ""


def label_of(name: str) -> str:
    """A readable label: the field name without its unit suffix (``top_height_ft`` -> Top height)."""
    parts = name.split("_")
    unit = unit_of(name)
    if unit:
        for size in (2, 1):
            if "_".join(parts[-size:]).lower() in UNIT_SUFFIXES and len(parts) > size:
                parts = parts[:-size]
                break
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


@dataclass
class FieldSpec:
    """What the form needs to know about one input field, read from the JSON schema."""

    name: str
    kind: str  # enum | number | integer | boolean | string | json
    label: str
    unit: str
    description: str = ""
    allowed: str = ""
    default: Any = None
    has_default: bool = False
    nullable: bool = False
    enum: list[Any] = field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None

    @property
    def lower(self) -> float | None:
        """The lower bound, inclusive or exclusive."""
        return self.minimum if self.minimum is not None else self.exclusive_minimum

    @property
    def upper(self) -> float | None:
        """The upper bound, inclusive or exclusive."""
        return self.maximum if self.maximum is not None else self.exclusive_maximum

    @property
    def help(self) -> str:
        """Description plus allowed values, as shown under the field."""
        parts = [self.description] if self.description else []
        if self.allowed and self.kind != "enum":
            parts.append(f"allowed: {self.allowed}")
        if self.nullable:
            parts.append("leave blank for the default")
        return "; ".join(parts)


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return root.get("$defs", {}).get(ref.split("/")[-1], node)
    return node


def field_specs(model: type[BaseModel]) -> list[FieldSpec]:
    """One FieldSpec per top-level field of ``model``, in declaration order."""
    root = model.model_json_schema()
    required = set(root.get("required", []))
    specs = []
    for name, raw in root.get("properties", {}).items():
        node = _resolve(raw, root)
        nullable = False
        if "anyOf" in node:
            options = [_resolve(o, root) for o in node["anyOf"]]
            nullable = any(o.get("type") == "null" for o in options)
            concrete = [o for o in options if o.get("type") != "null"]
            if len(concrete) == 1:
                node = {**concrete[0], **{k: v for k, v in node.items() if k != "anyOf"}}
        if "enum" in node:
            kind = "enum"
        elif "const" in node:
            kind, node = "enum", {**node, "enum": [node["const"]]}
        else:
            kind = {"number": "number", "integer": "integer", "boolean": "boolean", "string": "string"}.get(
                node.get("type", ""), "json"
            )
        specs.append(
            FieldSpec(
                name=name,
                kind=kind,
                label=label_of(name),
                unit=unit_of(name),
                description=node.get("description", raw.get("description", "")),
                allowed=allowed_text(node),
                default=raw.get("default", node.get("default")),
                has_default=name not in required,
                nullable=nullable,
                enum=list(node.get("enum", [])),
                minimum=node.get("minimum"),
                maximum=node.get("maximum"),
                exclusive_minimum=node.get("exclusiveMinimum"),
                exclusive_maximum=node.get("exclusiveMaximum"),
            )
        )
    return specs


def _css_name(name: str) -> str:
    return name.replace(".", "-").replace("_", "-")


def _number_or_none(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


class SolverForm:
    """A form for one solver input model: widgets, current values, errors beside fields.

    ``form.widget`` is the ipywidgets container; ``form.validate()`` returns the validated
    model or None (and shows the problems); ``form.on_change(fn)`` calls ``fn(form)`` after
    any input changes.
    """

    def __init__(
        self,
        model: type[BaseModel],
        values: Mapping[str, Any] | None = None,
        *,
        title: str = "",
        css_prefix: str = "apx",
    ) -> None:
        self.model = model
        self.specs = {spec.name: spec for spec in field_specs(model)}
        self.inputs: dict[str, w.Widget] = {}
        self.errors: dict[str, w.HTML] = {}
        self.rows: dict[str, w.Widget] = {}
        self._callbacks: list[Callable[[SolverForm], None]] = []
        self._muted = False
        self.form_error = w.HTML(value="")
        self.form_error.add_class(f"{css_prefix}-form-error")
        start = dict(values or {})
        children: list[w.Widget] = [w.HTML(FORM_CSS)]
        if title:
            children.append(w.HTML(f"<h3>{html.escape(title)}</h3>"))
        for spec in self.specs.values():
            row = self._row(spec, start.get(spec.name, spec.default), css_prefix)
            children.append(row)
        children.append(self.form_error)
        self.widget = w.VBox(children)
        self.widget.add_class(f"{css_prefix}-form")

    # -- building -------------------------------------------------------------------------
    def _input_widget(self, spec: FieldSpec, value: Any) -> w.Widget:
        layout = w.Layout(width="160px")
        if spec.kind == "enum":
            options = [(str(v), v) for v in spec.enum]
            start = value if value in spec.enum else (spec.enum[0] if spec.enum else None)
            return w.Dropdown(options=options, value=start, layout=layout)
        if spec.kind == "boolean":
            return w.Checkbox(value=bool(value), indent=False)
        if spec.kind in ("number", "integer") and spec.nullable:
            return w.Text(value="" if value is None else f"{value:g}", placeholder="default", layout=layout)
        if spec.kind == "number":
            number = _number_or_none(value)
            return w.FloatText(value=number if number is not None else 0.0, step=None, layout=layout)
        if spec.kind == "integer":
            number = int(value) if isinstance(value, int) and not isinstance(value, bool) else 0
            return w.IntText(value=number, layout=layout)
        if spec.kind == "string":
            return w.Text(value="" if value is None else str(value), layout=layout)
        text = "" if value is None else json.dumps(value)
        return w.Textarea(value=text, placeholder="JSON", layout=w.Layout(width="320px"))

    def _row(self, spec: FieldSpec, value: Any, prefix: str) -> w.Widget:
        widget = self._input_widget(spec, value)
        css = _css_name(spec.name)
        widget.add_class(f"{prefix}-input")
        widget.add_class(f"{prefix}-input-{css}")
        tooltip = spec.help or spec.label
        widget.tooltip = tooltip
        label = w.HTML(
            f'<span title="{html.escape(tooltip)}">{html.escape(spec.label)}</span>', layout=w.Layout(width="170px")
        )
        label.add_class(f"{prefix}-field-label")
        unit = w.HTML(html.escape(spec.unit), layout=w.Layout(width="40px"))
        unit.add_class(f"{prefix}-field-unit")
        error = w.HTML(value="")
        error.add_class(f"{prefix}-error")
        error.add_class(f"{prefix}-error-{css}")
        note = spec.help
        help_text = w.HTML(f"{html.escape(note)}")
        help_text.add_class(f"{prefix}-field-help")
        line = w.HBox([label, widget, unit, error])
        line.add_class(f"{prefix}-field")
        line.add_class(f"{prefix}-field-{css}")
        row = w.VBox([line, help_text]) if note else line
        widget.observe(self._changed, names="value")
        self.inputs[spec.name] = widget
        self.errors[spec.name] = error
        self.rows[spec.name] = row
        return row

    # -- values ---------------------------------------------------------------------------
    def raw_values(self) -> tuple[dict[str, Any], list[FieldProblem]]:
        """Values as the model will see them, and problems found while reading the widgets."""
        values: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, spec in self.specs.items():
            widget = self.inputs[name]
            value = widget.value
            if spec.kind in ("number", "integer") and spec.nullable:
                text = str(value).strip()
                if not text:
                    if spec.has_default:
                        continue
                    values[name] = None
                    continue
                try:
                    number = float(text)
                except ValueError:
                    problems.append(FieldProblem(name, f"{text!r} is not a number", spec.allowed))
                    continue
                values[name] = int(number) if spec.kind == "integer" and number.is_integer() else number
            elif spec.kind == "json":
                text = str(value).strip()
                if not text:
                    if spec.has_default:
                        continue
                    values[name] = None
                    continue
                try:
                    values[name] = json.loads(text)
                except ValueError as exc:
                    problems.append(FieldProblem(name, f"not valid JSON ({exc.msg})", "JSON"))
            else:
                values[name] = value
        return values, problems

    def values(self) -> dict[str, Any]:
        """Current values (fields that cannot be read are left out; see ``validate``)."""
        return self.raw_values()[0]

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Put values into the widgets (one change notification at the end)."""
        self._muted = True
        try:
            for name, value in values.items():
                if name not in self.inputs:
                    continue
                spec = self.specs[name]
                widget = self.inputs[name]
                if spec.kind in ("number", "integer") and spec.nullable:
                    widget.value = "" if value is None else f"{value:g}"
                elif spec.kind == "json":
                    widget.value = "" if value is None else json.dumps(value)
                else:
                    widget.value = value
        finally:
            self._muted = False
        self._notify()

    # -- validation -----------------------------------------------------------------------
    def clear_problems(self) -> None:
        """Remove every error message."""
        for error in self.errors.values():
            error.value = ""
        self.form_error.value = ""

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Put each problem beside its field (first path segment); others in the form message."""
        self.clear_problems()
        loose: list[str] = []
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            head = problem.path.split(".")[0].split("[")[0]
            text = problem.message + (f" (allowed: {problem.allowed})" if problem.allowed else "")
            if head in self.errors:
                by_field.setdefault(head, []).append(text)
            else:
                loose.append(f"{problem.path}: {text}")
        for name, texts in by_field.items():
            self.errors[name].value = "⚠ " + html.escape("; ".join(texts))
        if loose:
            self.form_error.value = "<br>".join("⚠ " + html.escape(t) for t in loose)

    def validate(self) -> BaseModel | None:
        """The validated input model, or None with every problem shown beside its field."""
        values, problems = self.raw_values()
        model = None
        try:
            model = validate(self.model, values, context="form")
        except InputError as exc:
            problems.extend(exc.problems)
        if problems:
            self.show_problems(problems)
            return None
        self.clear_problems()
        return model

    # -- change notification ------------------------------------------------------------------
    def on_change(self, callback: Callable[[SolverForm], None]) -> None:
        """Call ``callback(form)`` after any input changes."""
        self._callbacks.append(callback)

    def _changed(self, _change: Any) -> None:
        if not self._muted:
            self._notify()

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback(self)
