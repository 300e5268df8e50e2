"""The sales form of the quick-quote app: text boxes that read feet and inches, choices in plain words.

Number boxes that snap back or read ``4'6"`` as 46 are replaced by text boxes read with
``apex_nb.units``: an empty or unreadable box shows a message beside it (with an example) and
the form has no valid inputs, so no price is shown. Ranges are phrased "between 2 and 30 ft".
The final gate is always ``QuickQuoteInput`` itself (the same geometry rules as batch rows), so
the form can never accept what the solver or a portfolio row would refuse.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
from apex_nb.widgets.changes import ChangeNotifier
from ipywidgets.widgets.widget_string import HTMLStyle

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import validate
from apex_nb.quote import EXPOSURE_WORDS
from apex_nb.solvers.design.quick_quote_inputs import MONUMENT_MAX_TOP_HEIGHT_FT, QuickQuoteInput
from apex_nb.units import ReadError, feet_text, parse_length_ft, parse_number

SIGN_TYPES = [
    ("Pole sign: a face on one or two posts", "pole"),
    ("Monument sign: solid, from the ground up", "monument"),
    ("Cantilever sign: a face hung from an arm on one post", "cantilever"),
]
POSTS = [("One post", 1), ("Two posts", 2)]
EDITIONS = [
    ("ASCE 7-16 (IBC 2018 and 2021: most US towns today)", "7-16"),
    ("ASCE 7-22 (IBC 2024)", "7-22"),
    ("ASCE 7-10 (IBC 2012 and 2015)", "7-10"),
]
FULL = w.Layout(width="100%")  # one shared layout model for every box
PLAIN = w.Layout()  # one shared layout and style for every label: fewer models for the page to load
PLAIN_STYLE = HTMLStyle()
CUSTOMER_FIELDS = (
    ("customer_name", "Customer", "Company or person the quote is for"),
    ("customer_contact", "Contact", "Name, phone or e-mail"),
    ("site_address", "Sign site address", "Where the sign goes"),
    ("customer_reference", "Customer reference", "Their PO or job number (optional)"),
)


@dataclass(frozen=True)
class TextField:
    """A text box read as a length (ft) or a number with a unit."""

    name: str
    label: str
    unit: str
    hint: str
    length: bool


TEXT_FIELDS = (
    TextField("sign_width_ft", "Face width", "ft", "8, 8 ft or 8'6\"", True),
    TextField("sign_height_ft", "Face height", "ft", "4 or 4'6\"", True),
    TextField("top_height_ft", "Top of the sign above the ground", "ft", "20 or 20 ft", True),
    TextField("wind_speed_mph", "Design wind speed for the site", "mph", "from the ASCE 7 wind map, e.g. 115", False),
)


def _bounds() -> dict[str, tuple[float, float]]:
    """(lowest, highest) of every bounded number field of ``QuickQuoteInput``."""
    schema = QuickQuoteInput.model_json_schema()
    return {
        name: (node["minimum"], node["maximum"])
        for name, node in schema["properties"].items()
        if "minimum" in node and "maximum" in node
    }


BOUNDS = _bounds()


def range_words(name: str, unit: str) -> str:
    """``between 2 and 30 ft``."""
    low, high = BOUNDS[name]
    return f"between {low:g} and {high:g} {unit}"


def soil_choices() -> list[tuple[str, int]]:
    """IBC Table 1806.2 classes described in the words of the ``ibc-soils`` pack."""
    from apex_nb.packs import PackLibrary, default_packs_root

    try:
        pack = PackLibrary(default_packs_root()).get("ibc-soils").data
        described = {int(row.soil_class): str(row.description) for row in pack.classes}
    except Exception:  # a pack problem must not take the form down: the class numbers remain
        described = {}
    choices = []
    for number in (5, 4, 3, 2, 1):
        text = described.get(number, f"class {number}")
        extra = " (the safe choice without a soil report)" if number == 5 else ""
        choices.append((f"{text}{extra}", number))
    return choices


class QuoteForm(ChangeNotifier):
    """The quote inputs (sign, site, options) and the customer fields, with errors beside each box.

    ``on_change(fn)`` calls ``fn(form)`` after any quote input changes (customer fields do not re-price).
    """

    def __init__(self, values: Mapping[str, Any] | None = None, option_labels: Mapping[str, str] | None = None) -> None:
        start = {**QuickQuoteInput().model_dump(), **dict(values or {})}
        labels = dict(option_labels or {})
        self.inputs: dict[str, w.Widget] = {}
        self.errors: dict[str, w.HTML] = {}
        self.customer: dict[str, w.Text] = {}
        super().__init__()
        self.form_error = w.HTML(layout=PLAIN, style=PLAIN_STYLE)
        self.form_error.add_class("apx-form-error")
        self._labels: dict[str, tuple[str, str]] = {}
        sign = [
            *self._choice("sign_type", "What are we quoting?", SIGN_TYPES, start["sign_type"]),
            *(part for f in TEXT_FIELDS[:3] for part in self._text(f, start[f.name])),
            *self._choice("post_count", "Posts", POSTS, start["post_count"], "Monument and cantilever signs: one"),
        ]
        site = [
            *self._text(TEXT_FIELDS[3], start["wind_speed_mph"]),
            *self._choice(
                "exposure",
                "Ground around the site (wind exposure)",
                [(EXPOSURE_WORDS[k], k) for k in ("B", "C", "D")],
                start["exposure"],
            ),
            *self._choice("soil_class", "Soil at the site", soil_choices(), start["soil_class"]),
            *self._choice("edition", "Building code in force", EDITIONS, start["edition"]),
        ]
        options = [
            *self._check("illumination", labels.get("illumination", "Illumination"), start["illumination"]),
            *self._check("double_face", labels.get("double_face", "Double face"), start["double_face"]),
            *self._check("removal", labels.get("removal", "Removal of the existing sign"), start["removal"]),
        ]
        customer: list[w.Widget] = []
        for name, label, hint in CUSTOMER_FIELDS:
            box = w.Text(value=str((values or {}).get(name, "")), placeholder=hint, layout=FULL)
            box.add_class(f"apx-input-{name.replace('_', '-')}")
            self.customer[name] = box
            customer += [w.HTML(self._label_html(name, label, "", ""), layout=PLAIN, style=PLAIN_STYLE), box]
        self.widget = w.VBox(
            [
                self._section("The sign"),
                *sign,
                self._section("The site"),
                *site,
                self._section("Options"),
                *options,
                self._section("Customer"),
                *customer,
                self.form_error,
            ],
            layout=FULL,
        )
        self.widget.add_class("apx-form")
        self.widget.add_class("apx-qq-form")

    # -- building ------------------------------------------------------------------------------
    # Each field is two widgets: one HTML (label, hint and the error slot) and the input. Fewer
    # widgets make the first page faster (every widget is a model the page fetches and renders).
    @staticmethod
    def _section(text: str) -> w.HTML:
        return w.HTML(f"<h3 class='apx-qq-section'>{html.escape(text)}</h3>", layout=PLAIN, style=PLAIN_STYLE)

    @staticmethod
    def _label_html(name: str, text: str, hint: str, error: str) -> str:
        css = name.replace("_", "-")
        hint_html = f"<span class='apx-field-help'>{html.escape(hint)}</span>" if hint else ""
        return (
            f"<div class='apx-field apx-field-{css}'><span class='apx-field-label'>{html.escape(text)}</span>"
            f"{hint_html}<span class='apx-error apx-error-{css}'>{error}</span></div>"
        )

    def _register(self, name: str, widget: w.Widget, text: str, hint: str) -> list[w.Widget]:
        css = name.replace("_", "-")
        widget.add_class("apx-input")
        widget.add_class(f"apx-input-{css}")
        widget.observe(self._changed, names="value")
        self.inputs[name] = widget
        if not text:
            return [widget]
        label = w.HTML(self._label_html(name, text, hint, ""), layout=PLAIN, style=PLAIN_STYLE)
        label.add_class("apx-field-box")
        self.errors[name] = label
        self._labels[name] = (text, hint)
        return [label, widget]

    def _text(self, spec: TextField, value: Any) -> list[w.Widget]:
        shown = feet_text(float(value)) if spec.length else f"{float(value):g}"
        box = w.Text(value=shown, placeholder=spec.hint, continuous_update=True, layout=FULL)
        hint = f"{range_words(spec.name, spec.unit)}; {spec.hint}"
        if spec.name == "top_height_ft":
            hint = f"{range_words(spec.name, 'ft')} (monuments up to {MONUMENT_MAX_TOP_HEIGHT_FT:g} ft); 20 or 20'6\""
        return self._register(spec.name, box, f"{spec.label} ({spec.unit})", hint)

    def _choice(
        self, name: str, label: str, options: list[tuple[str, Any]], value: Any, hint: str = ""
    ) -> list[w.Widget]:
        values = [v for _, v in options]
        box = w.Dropdown(options=options, value=value if value in values else values[0], layout=FULL)
        return self._register(name, box, label, hint)

    def _check(self, name: str, label: str, value: bool) -> list[w.Widget]:
        box = w.Checkbox(value=bool(value), description=label, indent=False, layout=FULL)
        return self._register(name, box, "", "")

    # -- values --------------------------------------------------------------------------------
    def read(self) -> tuple[dict[str, Any], list[FieldProblem]]:
        """Values read from the boxes and the problems found reading them (in plain words)."""
        values: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for spec in TEXT_FIELDS:
            text = str(self.inputs[spec.name].value)
            try:
                number = parse_length_ft(text) if spec.length else parse_number(text, spec.unit)
            except ReadError as exc:
                problems.append(FieldProblem(spec.name, str(exc)))
                continue
            low, high = BOUNDS[spec.name]
            if not low <= number <= high:
                typed = feet_text(number) if spec.length else f"{number:g} {spec.unit}"
                problems.append(FieldProblem(spec.name, f"{typed} is out of range", range_words(spec.name, spec.unit)))
                continue
            values[spec.name] = number
        for name in ("sign_type", "post_count", "exposure", "soil_class", "edition"):
            values[name] = self.inputs[name].value
        for name in ("illumination", "double_face", "removal"):
            values[name] = bool(self.inputs[name].value)
        return values, problems

    def validate(self) -> QuickQuoteInput | None:
        """The validated inputs, or None with every problem beside its box."""
        values, problems = self.read()
        model = None
        if not problems:
            try:
                model = validate(QuickQuoteInput, values, context="quote")
            except InputError as exc:
                problems = list(exc.problems)
        self.show_problems(problems)
        return None if problems else model  # type: ignore[return-value]

    def customer_values(self) -> dict[str, str]:
        """The customer fields as typed (trimmed)."""
        return {name: box.value.strip() for name, box in self.customer.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Put values into the boxes (one change notification at the end)."""
        with self._one_notification():
            for name, value in values.items():
                if name in self.customer:
                    self.customer[name].value = str(value)
                    continue
                if name not in self.inputs:
                    continue
                spec = next((f for f in TEXT_FIELDS if f.name == name), None)
                if spec is not None and isinstance(value, (int, float)):
                    value = feet_text(float(value)) if spec.length else f"{float(value):g}"
                self.inputs[name].value = value

    # -- problems ------------------------------------------------------------------------------
    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem beside its box (only changed messages are sent to the page)."""
        by_field: dict[str, list[str]] = {}
        loose: list[str] = []
        for problem in problems:
            head = problem.path.split(".")[0]
            text = problem.message + (f" (allowed: {problem.allowed})" if problem.allowed else "")
            if head in self.errors:
                by_field.setdefault(head, []).append(text)
            else:
                loose.append(text)
        for name, label in self.errors.items():
            error = "⚠ " + html.escape("; ".join(by_field[name])) if name in by_field else ""
            value = self._label_html(name, *self._labels[name], error)
            if label.value != value:  # only changed labels travel to the page
                label.value = value
        joined = "<br>".join("⚠ " + html.escape(t) for t in loose)
        if self.form_error.value != joined:
            self.form_error.value = joined
