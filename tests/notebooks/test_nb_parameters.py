"""Notebook parameters: unknown or invalid values fail fast, naming the parameter."""

from __future__ import annotations

import pytest

from apex_nb.errors import InputError
from apex_nb.notebook import (
    DesignSignParameters,
    NotebookOptions,
    ParameterScope,
    solver_ready,
    validate_parameters,
    validate_solver_inputs,
)
from apex_nb.solvers.design.quick_quote_inputs import QuickQuoteInput


def paths(exc: InputError) -> set[str]:
    return {p.path for p in exc.problems}


def test_valid_parameters_split_into_inputs_and_options() -> None:
    params = validate_parameters(QuickQuoteInput, {"sign_width_ft": 10.0, "envelope_path": "out.json"})
    assert params.inputs.sign_width_ft == 10.0
    assert params.inputs.top_height_ft == 20.0  # default
    assert params.options.envelope_path == "out.json"


def test_unknown_parameter_is_named_with_the_known_ones() -> None:
    with pytest.raises(InputError) as info:
        validate_parameters(QuickQuoteInput, {"sign_widht_ft": 10.0})
    problem = info.value.problems[0]
    assert problem.path == "sign_widht_ft" and problem.message == "unknown parameter"
    assert "sign_width_ft" in problem.allowed and "envelope_path" in problem.allowed


def test_every_bad_parameter_is_reported_at_once() -> None:
    with pytest.raises(InputError) as info:
        validate_parameters(QuickQuoteInput, {"sign_width_ft": 100.0, "exposure": "E", "bogus": 1, "envelope_path": 3})
    assert paths(info.value) == {"sign_width_ft", "exposure", "bogus", "envelope_path"}
    assert "<= 30" in str(info.value)


def test_cross_field_rule_names_its_field() -> None:
    with pytest.raises(InputError) as info:
        validate_parameters(QuickQuoteInput, {"sign_height_ft": 12.0, "top_height_ft": 10.0})
    assert paths(info.value) == {"sign_height_ft"}


def test_scope_collects_only_new_data_names() -> None:
    namespace: dict = {"In": [], "existing": 1}
    scope = ParameterScope(namespace)
    namespace.update(
        {"scope": scope, "sign_width_ft": 9.0, "_private": 2, "helper": len, "QuickQuoteInput": QuickQuoteInput}
    )
    assert scope.collect() == {"sign_width_ft": 9.0}
    assert scope.validate(QuickQuoteInput).inputs.sign_width_ft == 9.0


def test_nan_parameter_is_refused() -> None:
    with pytest.raises(InputError) as info:
        validate_parameters(QuickQuoteInput, {"wind_speed_mph": float("nan")})
    assert paths(info.value) == {"wind_speed_mph"}


def test_solver_inputs_are_named_under_inputs() -> None:
    with pytest.raises(InputError) as info:
        validate_solver_inputs("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 20, "exposure": "C"})
    assert paths(info.value) == {"inputs.wind_speed_mph", "inputs.height_ft"}
    with pytest.raises(InputError) as info:
        validate_solver_inputs("no.such", {})
    assert paths(info.value) == {"solver"}


def test_design_parameters_model_refuses_unknown_names() -> None:
    with pytest.raises(InputError) as info:
        validate_parameters(DesignSignParameters, {"solver": "wind.asce7_qz", "inptus": {}})
    assert paths(info.value) == {"inptus"}


def test_solver_ready_fails_fast_only_when_files_are_wanted() -> None:
    assert solver_ready("wind.asce7_qz", NotebookOptions())
    assert not solver_ready("no.such.solver", NotebookOptions())
    with pytest.raises(InputError):
        solver_ready("no.such.solver", NotebookOptions(envelope_path="x.json"))
