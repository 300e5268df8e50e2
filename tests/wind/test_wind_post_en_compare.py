"""wind.asce7_post (bands, Cf by h/D and D√qz, Kd once), wind.en1991_signboard inputs, compare_editions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import InputError, compare_editions, solve
from apex_nb.packs import PackLibrary

LIB = PackLibrary()
POST = {"wind_speed_mph": 115, "exposure": "C", "post_shape": "round", "post_width_in": 8.625, "exposed_height_ft": 22}


def post(**kw):
    return solve("wind.asce7_post", {**POST, **kw}, library=LIB)


def test_post_hand_calculation_7_16_round() -> None:
    """Bands 0-15, 15-20, 20-22 ft; qz at each band top from Table 26.10-1; Kd = 1.00 round (7-16)."""
    r = post(edition="7-16").result
    d = 8.625 / 12
    assert [(b["from_ft"], b["to_ft"]) for b in r["bands"]] == [(0, 15), (15, 20), (20, 22)]
    expected_kz = [0.85, 0.90, 0.90 + 0.4 * 0.04]
    total = 0.0
    for band, kz in zip(r["bands"], expected_kz, strict=True):
        qz = 0.00256 * kz * 1.0 * 115**2
        assert band["qz_psf"] == pytest.approx(qz)
        assert d * math.sqrt(qz) > 2.5  # supercritical: moderately smooth row
        assert band["cf_row"] == "round_moderately_smooth"
        assert band["cf"] == pytest.approx(0.7)  # h/D = 30.6 >= 25
        force = qz * 0.85 * 0.7 * (band["to_ft"] - band["from_ft"]) * d
        assert band["force_lb"] == pytest.approx(force)
        total += force
    assert r["force_per_post_lb"] == pytest.approx(total)
    assert r["moment_at_grade_lb_ft"] == pytest.approx(
        sum(b["force_lb"] * (b["from_ft"] + b["to_ft"]) / 2 for b in r["bands"])
    )
    assert r["resultant_height_ft"] == pytest.approx(r["moment_at_grade_lb_ft"] / r["total_force_lb"])
    assert r["total_force_asd_lb"] == pytest.approx(0.6 * total)


def test_post_square_7_22_kd_in_force_and_two_posts() -> None:
    env = solve(
        "wind.asce7_post",
        {
            **POST,
            "edition": "7-22",
            "post_shape": "square",
            "post_width_in": 8,
            "exposed_height_ft": 12,
            "number_of_posts": 2,
        },
        library=LIB,
    )
    r = env.result
    assert r["kd_applied_in"] == "force" and r["kd"] == 0.90
    band = r["bands"][0]
    kz = 2.41 * (15 / 2460) ** (2 / 9.8)
    assert band["qz_psf"] == pytest.approx(0.00256 * kz * 115**2)
    h_d = 12 / (8 / 12)
    assert h_d == pytest.approx(18.0)
    assert band["cf"] == pytest.approx(1.4 + (2.0 - 1.4) * (18 - 7) / (25 - 7))  # square, normal to a face
    assert band["force_lb"] == pytest.approx(band["qz_psf"] * 0.90 * 0.85 * band["cf"] * 8)
    assert r["total_force_lb"] == pytest.approx(2 * r["force_per_post_lb"])


def test_post_subcritical_round_uses_the_subcritical_row() -> None:
    r = post(edition="7-10", wind_speed_mph=60, post_width_in=2.375, exposed_height_ft=8).result
    band = r["bands"][0]
    assert (2.375 / 12) * math.sqrt(band["qz_psf"]) <= 2.5
    assert band["cf_row"] == "round_subcritical"


def test_post_7_05_kd_round_0_95_and_importance() -> None:
    r = post(edition="7-05", importance_factor=1.15).result
    assert r["kd"] == 0.95 and r["design_level"] == "allowable"
    assert r["bands"][0]["qz_psf"] == pytest.approx(0.00256 * 0.85 * 0.95 * 115**2 * 1.15)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["7-05", "7-10", "7-16", "7-22"]),
    st.floats(min_value=60, max_value=150),
    st.floats(min_value=4, max_value=60),
    st.sampled_from(["round", "square"]),
)
def test_post_force_grows_with_speed_and_height(edition: str, v: float, h: float, shape: str) -> None:
    """Monotone within one Cf row of the figure; the subcritical/supercritical step is tested below."""
    base = post(edition=edition, wind_speed_mph=v, exposed_height_ft=h, kd=0.85, post_shape=shape).result
    faster = post(edition=edition, wind_speed_mph=v * 1.2, exposed_height_ft=h, kd=0.85, post_shape=shape).result
    taller = post(edition=edition, wind_speed_mph=v, exposed_height_ft=h * 1.3, kd=0.85, post_shape=shape).result
    rows = {b["cf_row"] for b in base["bands"]}
    if rows == {b["cf_row"] for b in faster["bands"]}:
        assert faster["total_force_lb"] >= base["total_force_lb"]
    if rows == {b["cf_row"] for b in taller["bands"]}:
        assert taller["total_force_lb"] >= base["total_force_lb"]
    assert all(b2["kz"] >= b1["kz"] for b1, b2 in zip(base["bands"], base["bands"][1:], strict=False))


def test_round_post_force_steps_down_where_the_figure_turns_supercritical() -> None:
    """ASCE 7 Fig. 29.4-1 (7-16): round members switch to the lower Cf row once D√qz > 2.5 (drag crisis)."""
    slow = post(edition="7-05", wind_speed_mph=73, exposed_height_ft=18, kd=0.85).result
    fast = post(edition="7-05", wind_speed_mph=73 * 1.2, exposed_height_ft=18, kd=0.85).result
    assert {b["cf_row"] for b in slow["bands"]} == {"round_subcritical"}
    assert {b["cf_row"] for b in fast["bands"]} != {"round_subcritical"}
    assert max(b["cf"] for b in fast["bands"]) < min(b["cf"] for b in slow["bands"])


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"post_width_in": 0}, "post_width_in"),
        ({"exposed_height_ft": -5}, "exposed_height_ft"),
        ({"post_shape": "hexagon"}, "post_shape"),
        ({"exposure": "E"}, "exposure"),
        ({"post_shape": "square", "surface": "rough"}, "surface"),
        ({"importance_factor": 1.0}, "importance_factor"),
        ({"number_of_posts": 0}, "number_of_posts"),
    ],
)
def test_post_bad_inputs(override: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        solve("wind.asce7_post", {**POST, "edition": "7-16", **override})
    assert field in [p.path for p in info.value.problems]


EN = {"basic_wind_velocity_mps": 26, "terrain_category": "III", "width_m": 4, "height_m": 2, "clearance_m": 3}


def test_en_national_parameters_are_inputs() -> None:
    base = solve("wind.en1991_signboard", EN, library=LIB)
    assert {a.text.split(" =")[0] for a in base.assumptions} >= {"z0", "z_min", "co", "cs cd", "ρ", "kI"}
    dense = solve("wind.en1991_signboard", {**EN, "air_density_kg_m3": 1.225, "structural_factor": 0.9}, library=LIB)
    assert dense.result["force_kn"] == pytest.approx(base.result["force_kn"] * 1.225 / 1.25 * 0.9)
    low = solve("wind.en1991_signboard", {**EN, "clearance_m": 0.1}, library=LIB)  # ze = 1.1 m < z_min = 5 m
    assert low.result["cr"] == pytest.approx(base.result["kr"] * math.log(5 / 0.3))


def test_en_boundary_wall_case_is_flagged() -> None:
    env = solve("wind.en1991_signboard", {**EN, "width_m": 10, "height_m": 3, "clearance_m": 0.5}, library=LIB)
    assert env.result["signboard_rule_applies"] is False
    assert env.confidence == pytest.approx(0.5)
    assert env.warnings


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"terrain_category": "V"}, "terrain_category"),
        ({"width_m": -1}, "width_m"),
        ({"basic_wind_velocity_mps": 0}, "basic_wind_velocity_mps"),
        ({"clearance_m": 199, "height_m": 5}, "clearance_m"),
    ],
)
def test_en_bad_inputs(override: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        solve("wind.en1991_signboard", {**EN, **override})
    assert field in [p.path for p in info.value.problems]


def test_compare_editions_table() -> None:
    inputs = {
        "wind_speed_mph": 115,
        "exposure": "C",
        "sign_width_ft": 20,
        "sign_height_ft": 8,
        "top_height_ft": 25,
        "importance_factor": 1.0,
    }
    df = compare_editions(inputs, editions=["7-05", "7-10", "7-16", "7-22"])
    assert list(df.index) == ["7-05", "7-10", "7-16", "7-22"]  # tidy: one row per edition
    assert {"qh (psf)", "force case a (lb)", "moment at grade (lb-ft)", "governing check"} <= set(df.columns)
    assert df.loc["7-22", "kd applied in"] == "force" and df.loc["7-16", "kd applied in"] == "qz"
    assert "kd applied in" in df.attrs["changed"] and "gust factor" not in df.attrs["changed"]
    assert df.loc["7-05", "design level"] == "allowable"
    single = solve("wind.asce7_sign", {**inputs, "edition": "7-16", "importance_factor": None})
    assert df.loc["7-16", "force case a (lb)"] == pytest.approx(single.result["force_case_a_lb"])
    assert set(df.attrs["envelopes"]) == {"7-05", "7-10", "7-16", "7-22"}
    # 7-10 and 7-16 at sea level agree column for column except the clause strings
    for column in ("kz", "qh (psf)", "force case a (lb)"):
        assert df.loc["7-10", column] == df.loc["7-16", column]


def test_compare_editions_takes_a_design() -> None:
    """The README's pole sign (wind nested under ``wind.edition``) compares like a bare sign."""
    pole = {
        "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
        "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
    }
    df = compare_editions(pole, editions=["7-10", "7-22"])
    assert df.attrs["solver"] == "design.pole_sign"
    assert {"price total (USD)", "footing depth (ft)", "governing ratio", "needs engineer review"} <= set(df.columns)
    direct = solve("design.pole_sign", {**pole, "wind": {**pole["wind"], "edition": "7-22"}})
    assert df.loc["7-22", "content sha256"] == direct.content_sha256
    assert df.loc["7-22", "governing check"] == direct.result["governing_check"]
    with pytest.raises(InputError, match="edition"):
        compare_editions({"lateral_force_lb": 1000}, editions=["7-16"], solver="foundation.embedment")
