"""Forms from input models, the solver app, the viewer and drawings (in-process, no browser)."""

from __future__ import annotations

from apex_nb.widgets import drawings
from apex_nb.widgets.app import QuickQuoteApp, SolverApp
from apex_nb.widgets.forms import SolverForm, field_specs, label_of, unit_of
from apex_nb.widgets.viewer import EnvelopeViewer, trace_math_html

import apex_nb
from apex_nb.solvers.design.quick_quote_inputs import QuickQuoteInput
from apex_nb.solvers.wind.asce7_qz import QzInput

QZ = {"edition": "7-16", "wind_speed_mph": 115.0, "exposure": "C", "height_ft": 15.0}


def test_units_and_labels_come_from_field_names() -> None:
    assert unit_of("top_height_ft") == "ft" and label_of("top_height_ft") == "Top height"
    assert unit_of("wind_speed_mph") == "mph" and unit_of("exposure") == ""
    assert unit_of("moment_kip_ft") == "kip-ft" and label_of("moment_kip_ft") == "Moment"


def test_specs_read_ranges_enums_and_help_from_the_schema() -> None:
    specs = {s.name: s for s in field_specs(QuickQuoteInput)}
    width = specs["sign_width_ft"]
    assert (width.kind, width.minimum, width.maximum, width.unit) == ("number", 2.0, 30.0, "ft")
    assert "Sign face width" in width.help and ">= 2.0" in width.help
    assert specs["soil_class"].kind == "enum" and specs["soil_class"].enum == [1, 2, 3, 4, 5]
    kd = {s.name: s for s in field_specs(QzInput)}["kd"]
    assert kd.nullable and kd.minimum == 0.5 and kd.maximum == 1.0


def test_out_of_range_value_is_kept_and_named_with_its_range() -> None:
    form = SolverForm(QuickQuoteInput)
    width = form.inputs["sign_width_ft"]
    width.value = 500.0  # never clamped: the typed value stays and the message names the range
    assert width.value == 500.0
    assert form.validate() is None
    message = form.errors["sign_width_ft"].value
    assert "30" in message and "2" in message


def test_validation_error_appears_beside_its_field() -> None:
    form = SolverForm(QuickQuoteInput)
    form.set_values({"top_height_ft": 10.0, "sign_height_ft": 12.0})
    assert form.validate() is None
    assert "taller than its top height" in form.errors["sign_height_ft"].value
    assert form.errors["top_height_ft"].value == ""
    form.set_values({"sign_height_ft": 4.0})
    assert isinstance(form.validate(), QuickQuoteInput)
    assert form.errors["sign_height_ft"].value == ""


def test_unbounded_form_reports_out_of_range_values() -> None:
    form = SolverForm(QzInput, QZ)
    form.inputs["height_ft"].value = -3.0
    assert form.validate() is None and "greater than 0" in form.errors["height_ft"].value


def test_solver_app_updates_and_never_raises() -> None:
    app = SolverApp("wind.asce7_qz", QZ)
    first = app.envelope
    assert first is not None and first.content_sha256 == apex_nb.solve("wind.asce7_qz", QZ).content_sha256
    app.form.inputs["height_ft"].value = 30.0
    assert app.envelope is not None and app.envelope.result["qz_psf"] > first.result["qz_psf"]
    app.form.inputs["kd"].value = "not a number"
    assert app.envelope is None and "not a number" in app.form.errors["kd"].value
    assert "Fix the highlighted input" in app.status.value
    app.form.inputs["kd"].value = ""
    app.form.inputs["importance_factor"].value = "1.0"  # only allowed with 7-05: model validator names it
    assert app.envelope is None and "7-05" in app.form.errors["importance_factor"].value


def test_interactive_app_gives_the_same_hash_as_a_direct_solve() -> None:
    app = SolverApp("wind.asce7_qz", {**QZ, "height_ft": 1.0})
    app.form.set_values(QZ)
    assert app.envelope is not None
    assert app.envelope.content_sha256 == apex_nb.solve("wind.asce7_qz", QZ).content_sha256


def test_quick_quote_app_validates_even_before_the_solver_exists() -> None:
    app = QuickQuoteApp()
    app.form.set_values({"top_height_ft": 10.0, "sign_height_ft": 12.0})
    assert "taller" in app.form.errors["sign_height_ft"].value


def test_viewer_shows_checks_and_math_trace() -> None:
    env = apex_nb.solve("wind.asce7_qz", QZ)
    viewer = EnvelopeViewer(env)
    assert "confidence" in viewer.header.value and "wind.asce7_qz" in viewer.header.value
    assert r"\(K_{z}\)" in trace_math_html(env)
    assert "Eq. 26.10-1" in viewer.trace.value or "26.10" in viewer.trace.value


def test_drawings_are_robust_and_deterministic() -> None:
    env = {
        "inputs": {"sign_width_ft": 12, "sign_height_ft": 5, "top_height_ft": 20, "post_count": 2},
        "result": {"post_label": "HSS8.625x0.322", "footing_diameter_ft": 2.5, "footing_depth_ft": 6.2},
    }
    for figure_of in (drawings.sign_elevation, drawings.load_diagram, drawings.pressure_regions):
        assert drawings.figure_svg(figure_of(env)) == drawings.figure_svg(figure_of(env))
        drawings.figure_png(figure_of(None))  # nothing to draw: a figure that says so, no exception
        drawings.figure_png(figure_of(apex_nb.solve("wind.asce7_qz", QZ)))
    nested = {"inputs": {"faces": [{"width_ft": 10, "height_ft": 4, "top_height_ft": 18}]}}
    assert drawings.number(nested, "width") == 10 and drawings.number(nested, "top") == 18


POLE_FORM = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
}


def test_engineer_form_has_real_widgets_for_groups_and_rows() -> None:
    """Wind, soil as sub-forms; faces as rows with add/remove; post families as a multi-select."""
    import ipywidgets as widgets
    from apex_nb.widgets.forms import SolverForm

    from apex_nb.registry import get_solver

    form = SolverForm(get_solver("design.pole_sign").input_model, POLE_FORM)
    wind = form.groups["wind"]
    assert isinstance(wind.inputs["edition"], widgets.Dropdown) and wind.inputs["edition"].value == "7-16"
    assert isinstance(wind.inputs["wind_speed_mph"], widgets.FloatText)
    assert isinstance(wind.inputs["exposure"], widgets.Dropdown)
    assert {"kzt", "ground_elevation_ft"} <= set(wind.inputs)
    assert isinstance(form.inputs["post_families"], widgets.SelectMultiple)
    assert "soil_class" in form.groups["soil"].inputs
    assert not any(isinstance(x, widgets.Textarea) for x in form.inputs.values())  # no raw JSON box
    model = form.validate()
    assert model is not None and model.model_dump(mode="json")["faces"][0]["width_ft"] == 10.0
    faces = form.lists["faces"]
    faces.add({"width_ft": 4, "height_ft": 2, "top_height_ft": 10})
    assert len(form.values()["faces"]) == 2
    faces.forms[1].inputs["height_ft"].value = 30.0  # taller than its top: shown beside that row's field
    assert form.validate() is None and "taller" in faces.forms[1].errors["height_ft"].value
    faces.remove(faces.forms[1], faces.box.children[1])
    wind.inputs["wind_speed_mph"].value = 20.0
    assert form.validate() is None and "50" in wind.errors["wind_speed_mph"].value
    wind.inputs["wind_speed_mph"].value = 115.0
    assert form.validate() is not None
    assert form.apply_json('{"wind": {') is False and "not valid JSON" in form.form_error.value  # advanced
    assert form.apply_json('{"post_count": 2, "post_spacing_ft": 6}') and form.values()["post_count"] == 2
