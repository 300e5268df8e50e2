"""foundation.shaft_torsion: shaft torque from side + base resistance, lug transfer, what to add.

Hand calculation (method: IDOT AGMU Memo 11.1 (2011) torque form with IBC 2021 Table 1806.2
presumptive sliding values; pack shaft-torsion 1.0.0: K0 = 0.5, γ = 100 pcf, γc = 145 pcf,
0.6 D): 3 ft shaft, 8 ft deep, class 4 (μ = 0.25), 1 kip dead load, T = 5 kip-ft (ASD):
T_side = π μ K0 γ D² L²/4 = π (0.25)(0.5)(100)(9)(64)/4 = 5654.9 lb-ft;
N = 0.6 (π 9/4 x 8 x 145 + 1000) = 5519.7 lb, T_base = μ N D/3 = 0.25 x 5519.7 x 1 = 1379.9 lb-ft;
T_allow = 7034.8 lb-ft, ratio 5000/7034.8 = 0.711.
Lugs: two 2 x 6 in. on a 10.75 in. pipe, r = 5.375 + 1 = 6.375 in., Tu = 5 x 12 x 1.67 = 100.2 kip-in,
F = 100.2/(2 x 6.375) = 7.859 kip, φBn = 0.65 x 0.85 x 3 x 12 = 19.89 kip (ACI 318-19 §22.8.3.2).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import solve
from apex_nb.calc import Calc
from apex_nb.equations.ibc import shaft_torsion as eq
from apex_nb.errors import InputError, SolverError
from apex_nb.packs import PackLibrary
from apex_nb.solvers.foundation.shaft_torsion import (
    MAX_DEPTH_FT,
    ShaftTorsionInput,
    _required_depth_ft,
    _soil_torque_lb_ft,
    checks_pass,
)

LIB = PackLibrary()

BASE = {
    "torsion_kip_ft": 5.0,
    "diameter_ft": 3.0,
    "depth_ft": 8.0,
    "ibc_edition": "2021",
    "soil_class": 4,
    "dead_load_kip": 1.0,
    "post_width_in": 10.75,
}


def test_hand_calculation_class_4() -> None:
    env = solve("foundation.shaft_torsion", BASE)
    r = env.result
    assert r["side_torque_kip_ft"] == pytest.approx(5.6549, abs=1e-4)
    assert r["base_torque_kip_ft"] == pytest.approx(1.3799, abs=1e-4)
    assert r["ratio"] == pytest.approx(5.0 / 7.0348, rel=1e-4)
    assert r["lug_force_kip"] == pytest.approx(7.859, abs=1e-3)
    assert r["lug_capacity_kip"] == pytest.approx(19.89, abs=1e-3)
    assert r["passed"] and r["to_add"] == []
    assert {c.id for c in env.checks} == {"shaft_torsion.soil", "shaft_torsion.lug_bearing"}


def test_cohesive_class_uses_adhesion_and_the_half_dead_load_base_limit() -> None:
    """Class 5, c = 130 psf: T_side = π c D² L/2 = π 130 9 8/2 = 14702.7 lb-ft; base min(c π D³/12, 0.5 N D/3)."""
    env = solve("foundation.shaft_torsion", {**BASE, "soil_class": 5})
    n = 0.6 * (math.pi * 9 / 4 * 8 * 145 + 1000)
    assert env.result["side_torque_kip_ft"] == pytest.approx(math.pi * 130 * 9 * 8 / 2 / 1000, rel=1e-9)
    assert env.result["base_torque_kip_ft"] == pytest.approx(min(130 * math.pi * 27 / 12, 0.5 * n) / 1000, rel=1e-9)


def test_failing_soil_says_how_deep_and_failing_lugs_say_how_tall() -> None:
    env = solve("foundation.shaft_torsion", {**BASE, "torsion_kip_ft": 20.0, "lug_height_in": 3.0})
    r = env.result
    assert not r["passed"]
    depth = r["required_depth_ft"]
    assert depth is not None and depth > 8.0

    # the depth found carries the torque and half a foot less does not
    def torque(length: float) -> float:
        normal = 0.6 * (eq.shaft_weight_lb(3.0, length, 145) + 1000)
        return eq.friction_side_torque_lb_ft(3.0, length, 0.25, 0.5, 100) + eq.friction_base_torque_lb_ft(
            normal, 0.25, 3.0
        )

    assert torque(depth) >= 20000 > torque(depth - 0.5)
    assert any(f"deepen the shaft to {depth:g} ft" in s for s in r["to_add"])
    assert any("lugs at least" in s for s in r["to_add"])
    assert r["lug_height_needed_in"] > 3.0
    assert any("torsion" in w for w in env.warnings)


def test_more_torsion_never_lowers_the_ratio() -> None:
    low = solve("foundation.shaft_torsion", {**BASE, "torsion_kip_ft": 2.0}).result
    high = solve("foundation.shaft_torsion", {**BASE, "torsion_kip_ft": 4.0}).result
    assert high["governing_check"] == "shaft_torsion.soil"
    assert high["ratio"] == pytest.approx(2 * low["ratio"], rel=1e-9)


def test_anchor_rod_transfer_has_no_lug_check() -> None:
    env = solve("foundation.shaft_torsion", {**BASE, "transfer": "anchor_rods", "post_width_in": None})
    assert [c.id for c in env.checks] == ["shaft_torsion.soil"]
    assert any("anchor rods" in a.text for a in env.assumptions)


def test_bad_inputs_name_the_field() -> None:
    with pytest.raises(InputError) as err:
        solve("foundation.shaft_torsion", {**BASE, "cohesion_psf": 200.0})
    assert "soil_class" in str(err.value)
    with pytest.raises(InputError) as err:
        solve("foundation.shaft_torsion", {**BASE, "post_width_in": None})
    assert "post_width_in" in str(err.value)
    with pytest.raises(InputError) as err:
        solve("foundation.shaft_torsion", {**BASE, "depth_ft": -1.0})
    assert "depth_ft" in str(err.value)


# -- checks_pass (the auger search's predicate) equals the solver's verdict ----------------------------
SOILS = st.one_of(
    st.fixed_dictionaries({"soil_class": st.sampled_from([1, 2, 3, 4, 5])}),
    st.fixed_dictionaries({"friction_coefficient": st.floats(0.05, 0.95)}),
    st.fixed_dictionaries({"cohesion_psf": st.floats(1, 5000)}),
    st.fixed_dictionaries({"soil_class": st.just(4), "cohesion_psf": st.just(100.0)}),  # refused: two sources
)
TORSION_INPUTS = st.builds(
    lambda main, soil: {**main, **soil},
    st.fixed_dictionaries(
        {
            "torsion_kip_ft": st.one_of(st.floats(0, 30), st.floats(0, 5000)),
            "diameter_ft": st.floats(0.5, 20),
            "depth_ft": st.floats(0.5, 60),
            "ibc_edition": st.sampled_from(["2018", "2021", "2024"]),
            "dead_load_kip": st.floats(0, 60),
            "transfer": st.sampled_from(["lugs", "lugs", "anchor_rods", "none"]),
            "post_width_in": st.floats(1, 60),
            "fc_psi": st.floats(2500, 10000),
        },
        optional={
            "lug_count": st.integers(2, 8),
            "lug_projection_in": st.floats(0.1, 6),
            "lug_height_in": st.floats(0.5, 24),
        },
    ),
    SOILS,
)


def _verdict(inputs: dict[str, Any]) -> bool | None:
    try:
        return bool(solve("foundation.shaft_torsion", inputs, library=LIB).result["passed"])
    except (InputError, SolverError):
        return None


@settings(max_examples=400, deadline=None)
@given(TORSION_INPUTS)
def test_checks_pass_equals_the_solve(inputs: dict[str, Any]) -> None:
    """For any inputs: the solver's ``passed``, or None exactly where the solve refuses them."""
    quick = checks_pass(inputs, Calc(library=LIB))
    assert quick == _verdict(inputs)


@pytest.mark.parametrize("transfer", ["lugs", "anchor_rods"])
@pytest.mark.parametrize("scale", [1 - 1e-15, 1.0, 1 + 1e-15, 1 + 1e-12])
def test_checks_pass_at_the_edge_of_the_soil_check(transfer: str, scale: float) -> None:
    """A torsion at the soil capacity (to the last bits) gets the solver's verdict, either way."""
    inputs = {**BASE, "transfer": transfer, "post_width_in": 40.0}
    capacity = solve("foundation.shaft_torsion", inputs, library=LIB).result["allowable_torque_kip_ft"]
    at_edge = {**inputs, "torsion_kip_ft": capacity * scale}
    assert checks_pass(at_edge, Calc(library=LIB)) == _verdict(at_edge)


def _walk_depth_ft(given: ShaftTorsionInput, mu: float | None, cohesion: float | None, demand: float) -> float | None:
    """The required depth by walking 0.5 ft steps from 0.5 ft (the search ``_required_depth_ft`` replaces)."""
    pack = LIB.get("shaft-torsion").data
    for step in range(1, int(MAX_DEPTH_FT * 2) + 1):
        side, base, _ = _soil_torque_lb_ft(given, pack, mu, cohesion, step / 2.0)
        if side + base >= demand:
            return step / 2.0
    return None


@settings(max_examples=300, deadline=None)
@given(
    diameter=st.floats(1, 20),
    dead_load=st.floats(0, 200),
    demand=st.one_of(st.floats(0, 5_000_000), st.floats(0, 50_000)),
    soil=st.one_of(
        st.tuples(st.floats(0.05, 0.95), st.none()),
        st.tuples(st.none(), st.floats(50, 5000)),
    ),
)
def test_required_depth_search_equals_the_walk(
    diameter: float, dead_load: float, demand: float, soil: tuple[float | None, float | None]
) -> None:
    """Doubling and bisecting on the step gives the step the 0.5 ft walk stops at (torque grows with depth)."""
    mu, cohesion = soil
    given = ShaftTorsionInput.model_validate(
        {**BASE, "diameter_ft": diameter, "dead_load_kip": dead_load, "soil_class": None, "cohesion_psf": cohesion,
         "friction_coefficient": mu}
    )  # fmt: skip
    pack = LIB.get("shaft-torsion").data
    assert _required_depth_ft(given, pack, mu, cohesion, demand) == _walk_depth_ft(given, mu, cohesion, demand)


def test_required_depth_none_when_no_depth_carries() -> None:
    """A torsion no shaft depth up to the limit carries: None, as the walk finds (after every step)."""
    given = ShaftTorsionInput.model_validate({**BASE, "diameter_ft": 0.1, "soil_class": None, "cohesion_psf": 1.0})
    pack = LIB.get("shaft-torsion").data
    assert _required_depth_ft(given, pack, None, 1.0, 5_000_000.0) is None
    assert _walk_depth_ft(given, None, 1.0, 5_000_000.0) is None
