"""connection.base_plate: DG1 geometry, moment cases, auto-sizing properties, weld, bad input.

The large-moment case reuses the geometry of AISC Design Guide 1, 2nd Ed., Appendix B.5.2
(p. 60): 14 x 14 in. plate, 8 in. deep column, Pu = 90 kips, Mu = 720 kip-in, f'c = 3 ksi,
A2/A1 = 4, rods 1.5 in. from the edge, AISC 360-05 φc = 0.60. The published bearing stress
3.06 ksi (LRFD) / 2.04 ksi (ASD) is reproduced; the uniform-bearing Y and T are hand values
from DG1 §3.4 (Y = 2.523 in., T = 18.11 kips LRFD, 12.07 kips ASD), see test_dg1_equations.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import solve
from apex_nb.errors import InputError

B52 = {
    "post_shape": "rect",
    "post_b_in": 8.0,
    "post_d_in": 8.0,
    "post_wall_in": 0.435,
    "post_grade": "A500C-rect",
    "plate_n_in": 14.0,
    "plate_b_in": 14.0,
    "rod_edge_in": 1.5,
    "fc_psi": 3000.0,
    "pedestal_n_in": 28.0,
    "pedestal_b_in": 28.0,
    "aisc_edition": "360-05",
}


def _trace(env, symbol):
    return next(t.value for t in env.trace if t.symbol == symbol)


@pytest.mark.parametrize(
    ("method", "p", "m_kip_in", "fp", "t"), [("LRFD", 90.0, 720.0, 3.06, 18.11), ("ASD", 60.0, 480.0, 2.04, 12.07)]
)
def test_dg1_b52_geometry_large_moment(method: str, p: float, m_kip_in: float, fp: float, t: float) -> None:
    env = solve(
        "connection.base_plate", {**B52, "design_method": method, "axial_kip": p, "moment_kip_ft": m_kip_in / 12}
    )
    r = env.result
    assert r["moment_case"] == "large"
    assert r["available_bearing_stress_ksi"] == pytest.approx(fp, rel=5e-3)  # published, DG1 2nd Ed. p. 60
    assert r["bearing_length_in"] == pytest.approx(2.523, abs=2e-3)
    assert r["anchor_tension_total_kip"] == pytest.approx(t, abs=0.02)
    assert r["anchor_tension_per_rod_kip"] == pytest.approx(t / 2, abs=0.01)
    assert _trace(env, "m") == pytest.approx(3.2)
    # Y < m: Mpl = fp Y (m - Y/2) governs (DG1 Eq. 3.3.15).
    y = r["bearing_length_in"]
    mpl = fp * y * (3.2 - y / 2)
    expected = math.sqrt(4 * mpl / (0.9 * 36)) if method == "LRFD" else math.sqrt(4 * mpl * 1.67 / 36)
    # n = (14 - 0.95 x 8)/2 = 3.2 = m and Y < m: the n strip carries no bearing, m governs exactly.
    assert _trace(env, "Mpl,n") == 0.0
    assert r["required_thickness_in"] == pytest.approx(expected, rel=1e-9)
    assert r["plate_thickness_in"] >= r["required_thickness_in"]
    assert r["plate_thickness_in"] in {0.5, 0.625, 0.75, 0.875, 1.0, 1.125, 1.25, 1.5, 1.75, 2.0}


def test_small_moment_case_uniform_bearing() -> None:
    env = solve("connection.base_plate", {**B52, "design_method": "LRFD", "axial_kip": 200.0, "moment_kip_ft": 50.0})
    r = env.result
    assert r["moment_case"] == "small"
    assert r["bearing_length_in"] == pytest.approx(14.0 - 2 * 600.0 / 200.0)
    assert r["anchor_tension_total_kip"] == 0.0
    assert r["max_bearing_stress_ksi"] == pytest.approx(200.0 / (14.0 * r["bearing_length_in"]))


def test_pure_moment_and_unit_guard_on_weld() -> None:
    """A 1/4 in. E70 fillet around an 8 in. round post: φRn = 0.75 x 0.6 x 70 x 0.707 x 0.25 = 5.57 kip/in."""
    env = solve(
        "connection.base_plate",
        {
            "post_shape": "round",
            "post_diameter_in": 8.625,
            "post_wall_in": 0.322,
            "moment_kip_ft": 10.0,
            "fc_psi": 4000.0,
            "design_method": "LRFD",
            "weld_size_in": 0.25,
        },
    )
    r = env.result
    assert r["moment_case"] == "large"
    assert r["weld_capacity_kip_per_in"] == pytest.approx(1.392 * 4, rel=5e-4)
    assert r["weld_force_kip_per_in"] == pytest.approx(120.0 / (math.pi * 8.625**2 / 4), rel=1e-9)
    assert any("concrete anchorage" in w for w in env.warnings)


def test_anchor_checks_run_as_a_part_when_hef_given() -> None:
    env = solve(
        "connection.base_plate",
        {**B52, "design_method": "ASD", "axial_kip": 60.0, "moment_kip_ft": 40.0, "shear_kip": 5.0, "hef_in": 12.0},
    )
    assert len(env.parts) == 1 and env.parts[0].solver.name == "connection.anchor_rods"
    part = env.parts[0].inputs
    assert part["tension_per_rod_kip"] == pytest.approx(env.result["anchor_tension_per_rod_kip"] * 1.67)
    assert part["spacing_x_in"] == pytest.approx(11.0) and part["edge_x_pos_in"] == pytest.approx(8.5)
    assert env.result["anchor_checks"]["governing_check"].startswith("anchor.")


def test_auto_plan_grows_until_equilibrium_and_is_deterministic() -> None:
    inputs = {
        "post_shape": "round",
        "post_diameter_in": 6.625,
        "post_wall_in": 0.28,
        "axial_kip": 2.0,
        "moment_kip_ft": 25.0,
        "fc_psi": 3000.0,
        "design_method": "ASD",
    }
    a, b = solve("connection.base_plate", inputs), solve("connection.base_plate", inputs)
    assert a.content_sha256 == b.content_sha256
    assert a.result["plate_n_in"] >= 6.625 + 2 * (2.0 + 1.5)
    assert a.result["plate_n_in"] == int(a.result["plate_n_in"])


FIXED = {
    "post_shape": "round",
    "post_diameter_in": 8.625,
    "post_wall_in": 0.5,
    "plate_n_in": 18.0,
    "plate_b_in": 18.0,
    "fc_psi": 4000.0,
    "design_method": "ASD",
    "weld_size_in": 0.5,
}


@settings(max_examples=10, deadline=None)
@given(m1=st.floats(0.0, 80.0), m2=st.floats(0.0, 80.0), p=st.floats(0.0, 30.0))
def test_larger_moment_never_thinner_plate_or_smaller_rod(m1: float, m2: float, p: float) -> None:
    low = solve("connection.base_plate", {**FIXED, "axial_kip": p, "moment_kip_ft": min(m1, m2)}).result
    high = solve("connection.base_plate", {**FIXED, "axial_kip": p, "moment_kip_ft": max(m1, m2)}).result
    if low["feasible"] and high["feasible"]:
        assert high["plate_thickness_in"] >= low["plate_thickness_in"]
        assert high["rod_diameter_in"] >= low["rod_diameter_in"]
        assert high["required_thickness_in"] >= low["required_thickness_in"] - 1e-9


@settings(max_examples=8, deadline=None)
@given(m1=st.floats(1.0, 60.0), m2=st.floats(1.0, 60.0))
def test_auto_plan_larger_moment_never_smaller_plan_or_thinner_plate(m1: float, m2: float) -> None:
    base = {
        "post_shape": "rect",
        "post_b_in": 6.0,
        "post_d_in": 6.0,
        "post_wall_in": 0.375,
        "axial_kip": 3.0,
        "fc_psi": 4000.0,
    }
    low = solve("connection.base_plate", {**base, "moment_kip_ft": min(m1, m2)}).result
    high = solve("connection.base_plate", {**base, "moment_kip_ft": max(m1, m2)}).result
    assert high["plate_n_in"] >= low["plate_n_in"]
    assert high["plate_thickness_in"] >= low["plate_thickness_in"]
    assert high["rod_diameter_in"] >= low["rod_diameter_in"]


def test_plate_too_short_reports_failed_equilibrium_without_nan() -> None:
    env = solve("connection.base_plate", {**B52, "design_method": "LRFD", "axial_kip": 10.0, "moment_kip_ft": 400.0})
    assert env.result["feasible"] is False and env.result["passed"] is False
    assert env.result["governing_check"] == "base_plate.equilibrium"


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"post_shape": "round", "post_diameter_in": 8.0}, "post_b_in"),
        ({"post_d_in": None}, "post_d_in"),
        ({"plate_b_in": None}, "plate_b_in"),
        ({"rod_edge_in": 4.0}, "rod_edge_in"),
        ({"axial_kip": -5.0}, "axial_kip"),
        ({"asd_alpha": 1.5}, "asd_alpha"),
        ({"plate_grade": "F1554-36"}, "plate_grade"),
        ({"moment_kip_ft": float("inf")}, "moment_kip_ft"),
    ],
)
def test_bad_input_names_the_field(patch: dict, field: str) -> None:
    inputs = {**B52, "design_method": "LRFD", "axial_kip": 90.0, "moment_kip_ft": 60.0, **patch}
    inputs = {k: v for k, v in inputs.items() if v is not None}
    with pytest.raises(InputError) as info:
        solve("connection.base_plate", inputs)
    assert field in {p.path for p in info.value.problems}


HSS45 = {
    "post_shape": "round",
    "post_diameter_in": 4.5,
    "post_wall_in": 0.125,
    "axial_kip": 0.2,
    "fc_psi": 3000.0,
    "pedestal_diameter_in": 24.0,
    "design_method": "ASD",
    "aisc_edition": "360-16",
}


def test_dg1_hss45_thickness_follows_the_moment_hand_calc() -> None:
    """HSS 4.5 x 0.125 on a 24 in. pier, ASD, P = 0.2 kip, f'c = 3 ksi, A36 plate (issue 13).

    Hand calculation at M = 3 kip-ft = 36 kip-in (DG1 2nd Ed. §3.4, AISC 360-16 §J8):
    plan N = B = round_up(4.5 + 2(2 + 1.5)) = 12 in.; sqrt(A2/A1) = 24/sqrt(12² + 12²) = 1.4142;
    fp,max = 0.85 (3.0)(1.4142)/2.31 = 1.5611 ksi; q = 12 fp = 18.734 kip/in; f = 6 - 1.5 = 4.5 in.;
    m = n = (12 - 0.8 x 4.5)/2 = 4.2 in.;
    Y = 10.5 - sqrt(10.5² - 2(0.2 x 4.5 + 36)/18.734) = 0.1893 in. (Eq. 3.4.3), T = q Y - P = 3.347 kips;
    Y < m: Mpl = fp Y (m - Y/2) = 1.5611 x 0.1893 x 4.1053 = 1.2132 kip-in/in (Eq. 3.3.15),
    tp,req = sqrt(4 Mpl Ω / Fy) = sqrt(4 x 1.2132 x 1.67/36) = 0.474 in. (the issue: about 0.48 in.);
    tension side x = 4.5 - 2.25 + 0.0625 = 2.3125 in., b_eff = 2(2.3125) + min(9, 4.625) = 9.25 in.,
    Mpl,t = 3.347 x 2.3125/9.25 = 0.837 kip-in/in < Mpl. Today's main gave 1.60 in. at every moment
    (fp,max n²/2 with full bearing on the n strip).
    """
    thickness = []
    for moment in (0.5, 3.0, 10.0):
        env = solve("connection.base_plate", {**HSS45, "moment_kip_ft": moment})
        thickness.append(env.result["required_thickness_in"])
        if moment == 3.0:
            assert env.result["plate_n_in"] == 12.0
            assert env.result["bearing_length_in"] == pytest.approx(0.1893, abs=2e-4)
            assert env.result["anchor_tension_total_kip"] == pytest.approx(3.347, abs=2e-3)
            assert _trace(env, "Mpl,m") == pytest.approx(1.2132, rel=1e-3)
            assert _trace(env, "Mpl,t") == pytest.approx(0.837, rel=2e-3)
            assert env.result["required_thickness_in"] == pytest.approx(0.474, abs=2e-3)
            assert env.result["plate_thickness_in"] == 0.5
    assert thickness[0] < thickness[1] < thickness[2]


def test_n_strip_loaded_once_bearing_passes_the_m_overhang() -> None:
    """Small-moment case, Y = N - 2e > m: the n strip carries fp n²/2 (DG1 Eq. 3.3.14 with n for m)."""
    env = solve(
        "connection.base_plate",
        {**B52, "plate_b_in": 16.0, "design_method": "LRFD", "axial_kip": 200.0, "moment_kip_ft": 50.0},
    )
    r = env.result
    assert r["moment_case"] == "small"
    fp, n = r["max_bearing_stress_ksi"], (16.0 - 0.95 * 8.0) / 2.0
    assert r["bearing_length_in"] > 3.2
    assert _trace(env, "Mpl,n") == pytest.approx(fp * n**2 / 2.0, rel=1e-9)


@pytest.mark.parametrize(("method", "p", "m_kip_in"), [("LRFD", 90.0, 720.0), ("ASD", 60.0, 480.0)])
def test_dg1_b52_triangular_bearing_published_length(method: str, p: float, m_kip_in: float) -> None:
    """DG1 2nd Ed. Appendix B.5.2 (p. 60), triangular bearing: A = 5.27 in. (published, both methods).

    Hand values on top (LRFD): T = fp A B/2 - P = 3.06 x 5.2817 x 7 - 90 = 23.13 kips; f1 at the m line
    = 3.06 (5.2817 - 3.2)/5.2817 = 1.206 ksi; Mpl = f1 m²/2 + (fp - f1) m²/3 = 6.175 + 6.328 = 12.50 kip-in/in.
    """
    env = solve(
        "connection.base_plate",
        {**B52, "design_method": method, "axial_kip": p, "moment_kip_ft": m_kip_in / 12,
         "bearing_distribution": "triangular"},
    )  # fmt: skip
    r = env.result
    assert r["moment_case"] == "large"
    assert r["bearing_length_in"] == pytest.approx(5.27, rel=5e-3)
    if method == "LRFD":
        assert r["anchor_tension_total_kip"] == pytest.approx(23.13, abs=0.01)
        assert _trace(env, "Mpl,m") == pytest.approx(12.50, abs=0.01)
        assert r["required_thickness_in"] == pytest.approx(math.sqrt(4 * 12.503 / (0.9 * 36)), rel=1e-3)


def test_triangular_trapezoid_and_no_rod_cases() -> None:
    """e = 600/200 = 3 in. > N/6 = 2.33: triangle without rods, A = 3 (7 - 3) = 12 in., fp = 2P/(A B) = 2.381 ksi;
    e = 120/200 = 0.6 in. <= N/6: trapezoid, fmax = 200/196 (1 + 6 x 0.6/14) = 1.283 ksi."""
    tri = solve("connection.base_plate", {**B52, "design_method": "LRFD", "axial_kip": 200.0, "moment_kip_ft": 50.0,
                                          "bearing_distribution": "triangular"})  # fmt: skip
    assert tri.result["bearing_length_in"] == pytest.approx(12.0)
    assert tri.result["max_bearing_stress_ksi"] == pytest.approx(2 * 200 / (12 * 14))
    assert tri.result["anchor_tension_total_kip"] == 0.0
    trap = solve("connection.base_plate", {**B52, "design_method": "LRFD", "axial_kip": 200.0, "moment_kip_ft": 10.0,
                                           "bearing_distribution": "triangular"})  # fmt: skip
    assert trap.result["max_bearing_stress_ksi"] == pytest.approx(200 / 196 * (1 + 6 * 0.6 / 14))


def test_triangular_thickness_also_grows_with_the_moment() -> None:
    thickness = [
        solve("connection.base_plate", {**HSS45, "moment_kip_ft": m, "bearing_distribution": "triangular"}).result[
            "required_thickness_in"
        ]
        for m in (0.5, 3.0, 10.0)
    ]
    assert thickness[0] < thickness[1] < thickness[2]
