"""Bad input: every invalid field named with its allowed range; nothing but InputError; CLI exit 2."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import InputError, solve

VALID = {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30}


def problems(inputs: object) -> dict[str, str]:
    with pytest.raises(InputError) as caught:
        solve("wind.asce7_qz", inputs)
    assert isinstance(caught.value, ValueError)
    return {p.path: f"{p.message} | {p.allowed}" for p in caught.value.problems}


def test_every_invalid_field_is_listed_at_once() -> None:
    found = problems({**VALID, "wind_speed_mph": -5, "exposure": "E", "height_ft": 0, "kzt": 0.5})
    assert set(found) == {"wind_speed_mph", "exposure", "height_ft", "kzt"}
    assert ">= 50" in found["wind_speed_mph"] and "<= 300" in found["wind_speed_mph"]
    assert "'B', 'C', 'D'" in found["exposure"]
    assert "> 0" in found["height_ft"]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_inf_are_refused(bad: float) -> None:
    found = problems({**VALID, "height_ft": bad})
    assert "finite" in found["height_ft"]


def test_unknown_field_is_refused_with_known_fields() -> None:
    found = problems({**VALID, "wind_sped_mph": 120})
    assert "unknown field" in found["wind_sped_mph"]
    assert "wind_speed_mph" in found["wind_sped_mph"]


def test_missing_required_field_is_named() -> None:
    found = problems({"edition": "7-16", "exposure": "C", "height_ft": 30})
    assert "wind_speed_mph" in found


def test_importance_factor_only_in_7_05() -> None:
    found = problems({**VALID, "importance_factor": 1.15})
    assert "importance_factor" in found and "7-05" in found["importance_factor"]
    assert solve("wind.asce7_qz", {**VALID, "edition": "7-05", "wind_speed_mph": 90, "importance_factor": 1.15})


def test_unknown_solver_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown solver"):
        solve("wind.nope", VALID)


def test_non_mapping_input_is_an_input_error() -> None:
    with pytest.raises(InputError, match="expected a mapping"):
        solve("wind.asce7_qz", [1, 2, 3])


def test_message_is_readable() -> None:
    with pytest.raises(InputError) as caught:
        solve("wind.asce7_qz", {**VALID, "height_ft": 900})
    text = str(caught.value)
    assert "height_ft" in text and "<= 500" in text


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(
    field=st.sampled_from([*VALID, "kzt", "ground_elevation_ft", "kd", "kz_method", "extra_field"]),
    value=junk,
)
def test_fuzzed_inputs_give_an_envelope_or_input_error(field: str, value: object) -> None:
    data = {**VALID, field: value}
    try:
        env = solve("wind.asce7_qz", data)
    except InputError as exc:
        assert exc.problems
        return
    assert math.isfinite(env.result["qz_psf"]) and env.result["qz_psf"] > 0


def _cli(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "solve", "wind.asce7_qz", "--input", "-"],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "stdin",
    [
        json.dumps({**VALID, "exposure": "Z"}),
        json.dumps({**VALID, "height_ft": -1}),
        '{"edition": "7-16", "wind_speed_mph": NaN, "exposure": "C", "height_ft": 30}',
        "not json",
    ],
)
def test_cli_bad_input_exits_2_without_traceback(stdin: str) -> None:
    done = _cli(stdin)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ")


def test_cli_good_input_prints_envelope_json() -> None:
    done = _cli(json.dumps(VALID))
    assert done.returncode == 0
    assert json.loads(done.stdout)["solver"]["name"] == "wind.asce7_qz"
