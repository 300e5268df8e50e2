"""wind.asce7_sign: edition rules, Kd once, Case C scope, minimum force, openings, bad inputs, properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import InputError, solve
from apex_nb.equations.asce7.velocity_pressure import kz_power_law
from apex_nb.packs import PackLibrary

LIB = PackLibrary()  # shared: packs are parsed once, keyed by file size and mtime

BASE = {"wind_speed_mph": 115, "exposure": "C", "sign_width_ft": 20, "sign_height_ft": 8, "top_height_ft": 25}


def run(**kw):
    return solve("wind.asce7_sign", {**BASE, **kw}, library=LIB)


def test_7_16_with_ke_1_equals_7_10() -> None:
    a = run(edition="7-10").result
    b = run(edition="7-16", ground_elevation_ft=0).result
    assert b["ke"] == 1.0
    for key in ("qh_psf", "force_case_a_lb", "moment_at_grade_lb_ft", "torsion_case_b_lb_ft", "case_c_force_lb"):
        assert b[key] == pytest.approx(a[key], rel=1e-12), key


def test_7_16_ke_lowers_the_force_at_altitude() -> None:
    high = run(edition="7-16", ground_elevation_ft=5000).result
    low = run(edition="7-16").result
    assert high["ke"] == pytest.approx(math.exp(-0.0000362 * 5000))
    assert high["force_case_a_lb"] == pytest.approx(low["force_case_a_lb"] * high["ke"])


def test_7_22_applies_kd_exactly_once() -> None:
    env = run(edition="7-22")
    r = env.result
    kz = kz_power_law(25, 9.8, 2460, 2.41, 15)
    assert r["kz"] == pytest.approx(kz)
    assert r["kd_applied_in"] == "force"
    assert r["qh_psf"] == pytest.approx(0.00256 * kz * 115**2)  # no Kd in qh
    assert r["force_case_a_lb"] == pytest.approx(r["qh_psf"] * 0.85 * 0.85 * r["cf_case_a"] * 160)  # Kd G Cf As
    # The 7-22 / 7-16 force ratio is the Kz ratio alone: Kd neither dropped nor doubled.
    r16 = run(edition="7-16", kz_method="formula").result
    assert r["force_case_a_lb"] / r16["force_case_a_lb"] == pytest.approx(kz / r16["kz"])
    kd_items = [t for t in env.trace if t.symbol == "Kd"]
    assert len(kd_items) == 1
    assert "Kd" not in next(t for t in env.trace if t.symbol == "qh").formula
    assert "Kd" in next(t for t in env.trace if t.symbol == "F,A").formula


@pytest.mark.parametrize("edition", ["7-05", "7-10", "7-16"])
def test_kd_inside_qh_before_7_22(edition: str) -> None:
    env = run(edition=edition)
    assert env.result["kd_applied_in"] == "qz"
    assert "Kd" in next(t for t in env.trace if t.symbol == "qh").formula
    assert "Kd" not in next(t for t in env.trace if t.symbol == "F,A").formula


def test_design_levels_and_asd() -> None:
    r05 = run(edition="7-05").result
    r10 = run(edition="7-10").result
    assert (r05["design_level"], r05["asd_factor"]) == ("allowable", 1.0)
    assert r05["force_case_a_asd_lb"] == pytest.approx(r05["force_case_a_lb"])
    assert (r10["design_level"], r10["asd_factor"]) == ("strength", 0.6)
    assert r10["force_case_a_asd_lb"] == pytest.approx(0.6 * r10["force_case_a_lb"])
    assert r10["moment_at_grade_asd_lb_ft"] == pytest.approx(0.6 * r10["moment_at_grade_lb_ft"])


def test_7_05_importance_factor_scales_the_force() -> None:
    one = run(edition="7-05").result
    more = run(edition="7-05", importance_factor=1.15).result
    assert more["force_case_a_lb"] == pytest.approx(1.15 * one["force_case_a_lb"])


def test_case_c_only_when_b_over_s_at_least_2() -> None:
    below = run(edition="7-16", sign_width_ft=15.9).result
    at = run(edition="7-16", sign_width_ft=16.0).result
    assert below["case_c_applies"] is False
    assert below["case_c_regions"] == [] and below["case_c_force_lb"] is None
    assert at["case_c_applies"] is True
    assert [(r["from_ft"], r["to_ft"]) for r in at["case_c_regions"]] == [(0, 8), (8, 16)]


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0.2, max_value=60), st.floats(min_value=1, max_value=15))
def test_case_c_iff_b_over_s_ge_2(b_over_s: float, s: float) -> None:
    r = run(edition="7-16", sign_width_ft=b_over_s * s, sign_height_ft=s, top_height_ft=s + 10).result
    assert r["case_c_applies"] is (r["b_over_s"] >= 2.0)
    if r["case_c_applies"]:
        regions = r["case_c_regions"]
        assert regions[0]["from_ft"] == 0.0
        assert regions[-1]["to_ft"] == pytest.approx(b_over_s * s)
        assert sum(x["force_lb"] for x in regions) == pytest.approx(r["case_c_force_lb"])
        x = sum(x["force_lb"] * 0.5 * (x["from_ft"] + x["to_ft"]) for x in regions) / r["case_c_force_lb"]
        assert r["case_c_resultant_from_windward_ft"] == pytest.approx(x)
        assert r["case_c_torsion_lb_ft"] == pytest.approx(r["case_c_force_lb"] * (0.5 * b_over_s * s - x))


def _force(edition: str, v: float, h: float, s: float = 6.0, b: float = 10.0) -> float:
    return run(edition=edition, wind_speed_mph=v, sign_width_ft=b, sign_height_ft=s, top_height_ft=h).result


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["7-05", "7-10", "7-16", "7-22"]),
    st.floats(min_value=60, max_value=200),
    st.floats(min_value=1.01, max_value=1.5),
    st.floats(min_value=6, max_value=200),
)
def test_force_grows_with_wind_speed(edition: str, v: float, factor: float, h: float) -> None:
    slow, fast = _force(edition, v, h), _force(edition, v * factor, h)
    if not slow["minimum_force_applied"]:
        assert fast["force_case_a_lb"] == pytest.approx(slow["force_case_a_lb"] * factor**2)
    assert fast["force_case_a_lb"] >= slow["force_case_a_lb"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["7-05", "7-10", "7-16", "7-22"]),
    st.sampled_from(["B", "C", "D"]),
    st.floats(min_value=6, max_value=200),
    st.floats(min_value=1, max_value=100),
)
def test_force_and_kz_grow_with_height(edition: str, exposure: str, h: float, dh: float) -> None:
    """Raise the whole sign: Kz (formula and table) does not fall, nor the force at the same s/h."""
    for method in ("formula", "table") if edition != "7-22" else ("formula",):
        lo = run(edition=edition, exposure=exposure, kz_method=method, sign_height_ft=6, top_height_ft=h).result
        hi = run(
            edition=edition,
            exposure=exposure,
            kz_method=method,
            sign_height_ft=6 * (h + dh) / h,
            sign_width_ft=20 * (h + dh) / h,
            top_height_ft=h + dh,
        ).result
        assert hi["kz"] >= lo["kz"] - 1e-12
        assert hi["force_case_a_lb"] >= lo["force_case_a_lb"]


def test_pressure_is_taken_at_the_top_of_the_sign() -> None:
    r = run(edition="7-10", top_height_ft=40, sign_height_ft=10).result
    assert r["kz"] == pytest.approx(1.04)  # Table 29.3-1 at h = 40 ft, not at the centroid (35 ft)


def test_minimum_force_governs_small_pressure() -> None:
    r = run(edition="7-10", wind_speed_mph=60, exposure="B", top_height_ft=10, sign_height_ft=4).result
    assert r["minimum_force_applied"] is True
    assert r["force_case_a_lb"] == pytest.approx(16 * 20 * 4)
    r05 = run(edition="7-05", wind_speed_mph=60, exposure="B", top_height_ft=10, sign_height_ft=4).result
    assert r05["force_case_a_lb"] == pytest.approx(10 * 20 * 4)


def test_openings_reduce_cf_and_large_openings_lower_confidence() -> None:
    solid = run(edition="7-16")
    holes = run(edition="7-16", solidity_ratio=0.8)
    assert holes.result["opening_factor"] == pytest.approx(1 - 0.2**1.5)
    assert holes.result["force_case_a_lb"] == pytest.approx(solid.result["force_case_a_lb"] * (1 - 0.2**1.5))
    for a, b in zip(holes.result["case_c_regions"], solid.result["case_c_regions"], strict=True):
        assert a["cf"] == pytest.approx(b["cf"] * (1 - 0.2**1.5))
    assert holes.confidence == solid.confidence == 1.0
    open_sign = run(edition="7-16", solidity_ratio=0.5)
    assert open_sign.confidence < 1.0
    assert any(not a.ok and "30 %" in a.rule for a in open_sign.applicability)


def test_return_corner_reduces_only_starred_leading_values() -> None:
    plain = run(edition="7-16", sign_width_ft=48, sign_height_ft=8).result  # B/s = 6
    corner = run(edition="7-16", sign_width_ft=48, sign_height_ft=8, return_corner_ft=8).result  # Lr/s = 1
    assert corner["return_corner_factor"] == pytest.approx(0.75)
    assert corner["case_c_regions"][0]["cf"] == pytest.approx(plain["case_c_regions"][0]["cf"] * 0.75)
    for a, b in zip(corner["case_c_regions"][1:], plain["case_c_regions"][1:], strict=True):
        assert a["cf"] == pytest.approx(b["cf"])
    assert corner["cf_case_a"] == plain["cf_case_a"]  # Cases A/B untouched


def test_high_clearance_reduction_only_above_0_8() -> None:
    low = run(edition="7-16", sign_width_ft=40, sign_height_ft=8, top_height_ft=10).result  # s/h = 0.8
    high = run(edition="7-16", sign_width_ft=40, sign_height_ft=9, top_height_ft=10).result  # s/h = 0.9
    assert low["case_c_clearance_factor"] == pytest.approx(1.0)
    assert high["case_c_clearance_factor"] == pytest.approx(0.9)


def test_shaped_face_scales_forces_and_case_c_areas() -> None:
    full = run(edition="7-16").result
    shaped = run(edition="7-16", sign_area_ft2=120).result
    assert shaped["sign_area_ft2"] == 120
    assert shaped["force_case_a_lb"] == pytest.approx(full["force_case_a_lb"] * 120 / 160)
    assert sum(r["area_ft2"] for r in shaped["case_c_regions"]) == pytest.approx(120)


def test_7_22_default_kz_method_is_formula_and_is_recorded() -> None:
    env = run(edition="7-22")
    assert env.result["kz_method"] == "formula"
    assert any("formula" in a.text for a in env.assumptions)
    with pytest.raises(InputError, match="kz_method"):
        run(edition="7-22", kz_method="table")


def test_flexible_sign_uses_gf_instead_of_lowering_confidence() -> None:
    """Before issue 12 a flexible sign kept G = 0.85 and only lost confidence; now it takes Gf."""
    assert run(edition="7-16", natural_frequency_hz=2.0).result["gust_factor"] == 0.85
    flexible = run(edition="7-16", natural_frequency_hz=0.6)
    assert flexible.result["flexible"] is True
    assert flexible.result["gust_factor"] > 1.0
    assert flexible.confidence == 1.0


def test_every_numeric_result_is_in_the_trace_with_a_clause() -> None:
    env = run(edition="7-16", return_corner_ft=2)
    symbols = {t.symbol for t in env.trace}
    for needed in ("Kz", "Kd", "qh", "G", "s/h", "B/s", "Cf,A", "F,A", "F,min", "y", "M", "e,B", "T,B", "F,C", "x,C"):
        assert needed in symbols, needed
    assert all(t.clause for t in env.trace if t.symbol in {"qh", "Cf,A", "F,A", "G", "Kd", "F,C"})


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"sign_height_ft": 30}, "sign_height_ft"),  # s > h
        ({"sign_width_ft": -2}, "sign_width_ft"),
        ({"sign_height_ft": 0}, "sign_height_ft"),
        ({"top_height_ft": -1}, "top_height_ft"),
        ({"exposure": "A"}, "exposure"),
        ({"solidity_ratio": 0}, "solidity_ratio"),
        ({"solidity_ratio": 1.2}, "solidity_ratio"),
        ({"sign_area_ft2": 200}, "sign_area_ft2"),  # larger than B s = 160
        ({"importance_factor": 1.15}, "importance_factor"),  # not in 7-16
        ({"edition": "7-98"}, "edition"),
        ({"wind_speed_mph": float("nan")}, "wind_speed_mph"),
        ({"return_corner_ft": -3}, "return_corner_ft"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_inputs_name_the_field(override: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        solve("wind.asce7_sign", {**BASE, "edition": "7-16", **override})
    assert field in [p.path for p in info.value.problems]
