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
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w
from apex_nb.widgets.changes import ChangeNotifier
from pydantic import BaseModel

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import allowed_text, validate
from apex_nb.units import MOMENT_KIP_FT, MOMENT_LB_FT

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
    "kip_ft": MOMENT_KIP_FT,
    "lb_ft": MOMENT_LB_FT,
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


def _nested(model: type[BaseModel], name: str) -> tuple[str, Any]:
    """('model', Sub) for a nested group, ('models', Sub) for a list of groups, ('multi', choices)
    for a list of fixed choices, ('', None) otherwise (read from the field's type annotation)."""
    field = model.model_fields.get(name)
    if field is None:
        return "", None
    annotation = field.annotation
    options = [a for a in (typing.get_args(annotation) or (annotation,)) if a is not type(None)]
    if typing.get_origin(annotation) in (list,) or (len(options) == 1 and typing.get_origin(options[0]) is list):
        inner = typing.get_args(annotation if typing.get_origin(annotation) is list else options[0])
        item = inner[0] if inner else None
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models", item
        if typing.get_origin(item) is typing.Literal:
            return "multi", list(typing.get_args(item))
        alias = getattr(item, "__value__", None)  # a ``type X = Literal[...]`` alias
        if typing.get_origin(alias) is typing.Literal:
            return "multi", list(typing.get_args(alias))
        return "", None
    if len(options) == 1 and isinstance(options[0], type) and issubclass(options[0], BaseModel):
        return "model", options[0]
    return "", None


class GroupList:
    """Rows of one nested group each (faces of a sign): add and remove rows; each row a SolverForm."""

    def __init__(self, model: type[BaseModel], values: list[Any] | None, *, css_prefix: str, on_change: Any) -> None:
        self.model = model
        self.css_prefix = css_prefix
        self._on_change = on_change
        self.forms: list[SolverForm] = []
        self.box = w.VBox([])
        self.add_button = w.Button(description="Add", icon="plus", layout=w.Layout(width="90px"))
        self.add_button.add_class(f"{css_prefix}-add")
        self.add_button.on_click(lambda _b: self.add({}))
        self.widget = w.VBox([self.box, self.add_button])
        self.widget.add_class(f"{css_prefix}-list")
        for item in values or []:
            self.add(item if isinstance(item, dict) else {}, notify=False)

    def add(self, values: Mapping[str, Any], *, notify: bool = True) -> SolverForm:
        """Append a row with ``values`` (defaults elsewhere)."""
        form = SolverForm(self.model, values, css_prefix=f"{self.css_prefix}-{len(self.forms)}", nested=True)
        form.on_change(lambda _f: self._on_change())
        remove = w.Button(description="Remove", icon="trash", layout=w.Layout(width="100px"))
        remove.add_class(f"{self.css_prefix}-remove")
        row = w.HBox([form.widget, remove])
        row.add_class(f"{self.css_prefix}-row")
        remove.on_click(lambda _b, f=form, r=row: self.remove(f, r))
        self.forms.append(form)
        self.box.children = (*self.box.children, row)
        if notify:
            self._on_change()
        return form

    def remove(self, form: SolverForm, row: w.Widget) -> None:
        """Drop one row."""
        self.forms.remove(form)
        self.box.children = tuple(c for c in self.box.children if c is not row)
        self._on_change()

    def set_values(self, values: list[Any] | None) -> None:
        """Replace every row."""
        self.forms, self.box.children = [], ()
        for item in values or []:
            self.add(item if isinstance(item, dict) else {}, notify=False)


class SolverForm(ChangeNotifier):
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
        nested: bool = False,
    ) -> None:
        self.model = model
        self.css_prefix = css_prefix
        self.groups: dict[str, SolverForm] = {}
        self.lists: dict[str, GroupList] = {}
        self.multis: dict[str, list[Any]] = {}
        self.specs = {spec.name: spec for spec in field_specs(model)}
        self.inputs: dict[str, w.Widget] = {}
        self.errors: dict[str, w.HTML] = {}
        self.rows: dict[str, w.Widget] = {}
        super().__init__()
        self.form_error = w.HTML(value="")
        self.form_error.add_class(f"{css_prefix}-form-error")
        start = dict(values or {})
        children: list[w.Widget] = [w.HTML(FORM_CSS)]
        if title:
            children.append(w.HTML(f"<h3>{html.escape(title)}</h3>"))
        for spec in self.specs.values():
            row = self._row(spec, start.get(spec.name, spec.default), css_prefix)
            children.append(row)
        if not nested:
            children.append(self._advanced_json())
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
        kind, target = _nested(self.model, spec.name)
        prefix = f"{self.css_prefix}-{_css_name(spec.name)}"
        if kind == "model":
            group = SolverForm(target, value if isinstance(value, dict) else {}, css_prefix=prefix, nested=True)
            group.on_change(lambda _f: self._changed(None))
            self.groups[spec.name] = group
            group.widget.add_class("apx-group-form")
            return group.widget
        if kind == "models":
            rows = GroupList(target, value if isinstance(value, list) else [], css_prefix=prefix,
                             on_change=lambda: self._changed(None))  # fmt: skip
            self.lists[spec.name] = rows
            return rows.widget
        if kind == "multi":
            self.multis[spec.name] = target
            if value is None:  # a default_factory does not reach the JSON schema
                value = self.model.model_fields[spec.name].get_default(call_default_factory=True)
            chosen = tuple(v for v in (value or []) if v in target)
            options = [(str(v), v) for v in target]
            return w.SelectMultiple(options=options, value=chosen, rows=len(target), layout=layout)
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

    def _advanced_json(self) -> w.Widget:
        """Every input as one JSON text (for pasting a whole design); applied with a button."""
        self.json_text = w.Textarea(placeholder="{...}", layout=w.Layout(width="520px", height="140px"))
        self.json_text.add_class(f"{self.css_prefix}-advanced-json")
        show = w.Button(description="Show current")
        apply = w.Button(description="Apply JSON", button_style="warning")
        apply.add_class(f"{self.css_prefix}-apply-json")
        show.on_click(lambda _b: setattr(self.json_text, "value", json.dumps(self.values(), indent=1)))
        apply.on_click(lambda _b: self.apply_json(self.json_text.value))
        box = w.Accordion(children=[w.VBox([self.json_text, w.HBox([show, apply])])])
        box.set_title(0, "Advanced: all inputs as JSON")
        box.selected_index = None
        return box

    def apply_json(self, text: str) -> bool:
        """Set the form from JSON text; False (with the message in the form) when it is not JSON."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            self.form_error.value = "⚠ " + html.escape(f"not valid JSON ({exc})")
            return False
        if not isinstance(data, dict):
            self.form_error.value = "⚠ the JSON must be an object of inputs"
            return False
        self.set_values(data)
        return True

    # -- values ---------------------------------------------------------------------------
    def raw_values(self) -> tuple[dict[str, Any], list[FieldProblem]]:
        """Values as the model will see them, and problems found while reading the widgets."""
        values: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, spec in self.specs.items():
            widget = self.inputs[name]
            if name in self.groups:
                sub, sub_problems = self.groups[name].raw_values()
                values[name] = sub
                problems += [FieldProblem(f"{name}.{p.path}", p.message, p.allowed) for p in sub_problems]
                continue
            if name in self.lists:
                items = []
                for index, form in enumerate(self.lists[name].forms):
                    sub, sub_problems = form.raw_values()
                    items.append(sub)
                    problems += [FieldProblem(f"{name}[{index}].{p.path}", p.message, p.allowed) for p in sub_problems]
                values[name] = items
                continue
            if name in self.multis:
                values[name] = list(widget.value)
                continue
            value = widget.value
            if spec.kind != "json" and not (spec.kind in ("number", "integer") and spec.nullable):
                values[name] = value
                continue
            text = str(value).strip()  # a text box: empty is the default, or None without one
            if not text:
                if not spec.has_default:
                    values[name] = None
                continue
            if spec.kind == "json":
                try:
                    values[name] = json.loads(text)
                except ValueError as exc:
                    problems.append(FieldProblem(name, f"not valid JSON ({exc.msg})", "JSON"))
                continue
            try:
                number = float(text)
            except ValueError:
                problems.append(FieldProblem(name, f"{text!r} is not a number", spec.allowed))
                continue
            values[name] = int(number) if spec.kind == "integer" and number.is_integer() else number
        return values, problems

    def values(self) -> dict[str, Any]:
        """Current values (fields that cannot be read are left out; see ``validate``)."""
        return self.raw_values()[0]

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Put values into the widgets (one change notification at the end)."""
        with self._one_notification():
            for name, value in values.items():
                if name not in self.inputs:
                    continue
                spec = self.specs[name]
                widget = self.inputs[name]
                if name in self.groups:
                    self.groups[name].set_values(value or {})
                elif name in self.lists:
                    self.lists[name].set_values(value)
                elif name in self.multis:
                    widget.value = tuple(v for v in (value or []) if v in self.multis[name])
                elif spec.kind in ("number", "integer") and spec.nullable:
                    widget.value = "" if value is None else f"{value:g}"
                elif spec.kind == "json":
                    widget.value = "" if value is None else json.dumps(value)
                else:
                    widget.value = value

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
        for group in self.groups.values():
            group.clear_problems()
        for rows in self.lists.values():
            for form in rows.forms:
                form.clear_problems()
        routed = []
        for problem in problems:
            head, _, rest = problem.path.partition(".")
            name, _, index = head.partition("[")
            if name in self.groups and rest:
                self.groups[name].show_problems([FieldProblem(rest, problem.message, problem.allowed)])
                routed.append(problem)
            elif name in self.lists and rest:
                if not index:  # pydantic paths: faces.1.height_ft
                    index, _, rest = rest.partition(".")
                number = int(index.rstrip("]")) if index.rstrip("]").isdigit() else -1
                if 0 <= number < len(self.lists[name].forms):
                    self.lists[name].forms[number].show_problems([FieldProblem(rest, problem.message, problem.allowed)])
                    routed.append(problem)
        for name, texts in by_field.items():
            if all(p in routed for p in problems if p.path.split(".")[0].split("[")[0] == name):
                continue
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
