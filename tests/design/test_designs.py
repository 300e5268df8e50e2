"""Complete designs: the chain equals its parts called by hand, loads come from wind, verdicts agree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import InputError, solve
from apex_nb.envelope import Envelope

WIND = {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"}
POLE = {"wind": WIND, "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}]}
TWO_POSTS = {
    "wind": {"edition": "7-22", "wind_speed_mph": 140, "exposure": "D"},
    "faces": [
        {"name": "cabinet", "width_ft": 16, "height_ft": 6, "top_height_ft": 30, "weight_lb": 1400},
        {"name": "reader board", "width_ft": 12, "height_ft": 3, "top_height_ft": 23},
    ],
    "post_count": 2,
    "post_spacing_ft": 9,
}
MONUMENT = {"wind": WIND, "sign_width_ft": 10, "sign_height_ft": 6}
CANTILEVER = {"wind": WIND, "face": {"width_ft": 6, "height_ft": 3, "top_height_ft": 16}, "arm_length_ft": 7}


@pytest.fixture(scope="module")
def pole() -> Envelope:
    return solve("design.pole_sign", POLE)


@pytest.fixture(scope="module")
def two_posts() -> Envelope:
    return solve("design.pole_sign", TWO_POSTS)


def walk(env: Envelope) -> list[Envelope]:
    found = [env]
    for part in env.parts:
        found.extend(walk(part))
    return found


@pytest.mark.parametrize(
    ("name", "inputs"),
    [
        ("design.pole_sign", POLE),
        ("design.pole_sign", TWO_POSTS),
        ("design.monument_sign", MONUMENT),
        ("design.cantilever_sign", CANTILEVER),
        ("design.quick_quote", {}),
    ],
)
def test_every_part_equals_the_part_solved_by_hand(name: str, inputs: dict) -> None:
    env = solve(name, inputs)
    assert env.verify()
    for part in walk(env)[1:]:
        by_hand = solve(part.solver.name, part.inputs)
        assert by_hand.content_sha256 == part.content_sha256, part.solver.name
    if "parts_sha256" in env.result:
        assert env.result["parts_sha256"] == [p.content_sha256 for p in env.parts]


def test_pole_post_demand_is_the_asd_combination_of_face_and_post_wind(pole: Envelope) -> None:
    face = pole.part("wind.asce7_sign").result
    post_wind = pole.part("wind.asce7_post").result
    select = pole.part("post.select")
    # Cases A and B give the same moment for one post; B adds torsion F x 0.2 B.
    moment_w = face["force_case_a_lb"] * face["resultant_height_ft"] + post_wind["moment_at_grade_lb_ft"]
    assert select.inputs["moment_kip_ft"] == pytest.approx(0.6 * moment_w / 1000, rel=1e-12)
    assert select.inputs["torsion_kip_ft"] == pytest.approx(0.6 * face["force_case_a_lb"] * 0.2 * 10 / 1000)
    assert select.inputs["shear_kip"] == pytest.approx(
        0.6 * (face["force_case_a_lb"] + post_wind["force_per_post_lb"]) / 1000
    )
    assert face["resultant_height_ft"] == pytest.approx(25 - 3)  # geometric centre of the face


def test_pole_footing_takes_the_allowable_force_and_its_height(pole: Envelope) -> None:
    footing = pole.part("foundation.embedment")
    v_w = pole.result["per_post_w"]["shear_lb"]
    m_w = pole.result["per_post_w"]["moment_lb_ft"]
    assert footing.inputs["lateral_force_lb"] == pytest.approx(0.6 * v_w)
    assert footing.inputs["force_height_ft"] == pytest.approx(m_w / v_w)
    assert pole.result["footing_depth_ft"] == footing.result["design_depth_ft"]


def test_two_posts_split_the_eccentric_case_b_resultant_by_the_lever_rule(two_posts: Envelope) -> None:
    faces = [p for p in two_posts.parts if p.solver.name == "wind.asce7_sign"]
    expected_b = sum(
        f.result["force_case_a_lb"] * (0.5 + f.result["case_b_eccentricity_ft"] / 9) * f.result["resultant_height_ft"]
        for f in faces
    )
    assert two_posts.result["cases"]["B"]["moment_lb_ft"] == pytest.approx(expected_b)
    assert two_posts.result["cases"]["B"]["torsion_lb_ft"] == 0.0
    assert len(faces) == 2


def test_seven_oh_five_wind_is_already_allowable() -> None:
    env = solve("design.pole_sign", {**POLE, "wind": {**WIND, "edition": "7-05", "wind_speed_mph": 90}})
    footing = env.part("foundation.embedment")
    assert footing.inputs["lateral_force_lb"] == pytest.approx(env.result["per_post_w"]["shear_lb"])
    assert env.result["wind_design_level"] == "allowable"


def test_monument_footing_carries_the_wind_and_weight() -> None:
    env = solve("design.monument_sign", MONUMENT)
    wind = env.part("wind.asce7_sign").result
    footing = env.part("foundation.spread_footing")
    assert wind["s_over_h"] == 1.0
    assert footing.inputs["lateral_force_lb"] == pytest.approx(wind["force_case_a_lb"])
    assert footing.inputs["dead_load_lb"] == pytest.approx(10 * 6 * 1.5 * 110)
    assert env.result["footing_width_ft"] >= 11.0


def test_cantilever_post_torsion_uses_the_offset_face() -> None:
    env = solve("design.cantilever_sign", CANTILEVER)
    wind = env.part("wind.asce7_sign").result
    lever = 0.5 + 6 / 2 + wind["case_b_eccentricity_ft"]
    assert env.result["post_torsion_w_lb_ft"] == pytest.approx(wind["force_case_a_lb"] * lever)
    over_road = solve("design.cantilever_sign", {**CANTILEVER, "over_roadway": True})
    assert over_road.result["needs_engineer_review"]
    assert over_road.confidence < env.confidence


def test_quick_quote_is_the_design_behind_it() -> None:
    quote = solve("design.quick_quote", {"sign_width_ft": 12, "top_height_ft": 24})
    design = quote.part("design.pole_sign")
    assert quote.result["design_content_sha256"] == design.content_sha256
    assert quote.result["price_total_usd"] == design.result["price_total_usd"]
    assert quote.result["post_label"] == design.result["post_label"]


@settings(max_examples=12, deadline=None)
@given(
    width=st.sampled_from([4.0, 8.0, 14.0]),
    height=st.sampled_from([2.0, 4.0, 7.0]),
    top=st.sampled_from([12.0, 20.0, 32.0]),
    speed=st.sampled_from([100.0, 130.0, 170.0]),
)
def test_a_design_passes_only_when_every_component_passes(
    width: float, height: float, top: float, speed: float
) -> None:
    inputs = {
        "wind": {"edition": "7-16", "wind_speed_mph": speed, "exposure": "C"},
        "faces": [{"width_ft": width, "height_ft": height, "top_height_ft": top}],
    }
    env = solve("design.pole_sign", inputs)
    components_pass = all(c.passed for part in walk(env) for c in part.checks)
    assert env.passed == components_pass
    if not components_pass:
        assert env.result["needs_engineer_review"]


def test_bad_design_inputs_name_the_field() -> None:
    with pytest.raises(InputError) as caught:
        solve("design.pole_sign", {**POLE, "post_count": 2})
    assert [p.path for p in caught.value.problems] == ["post_spacing_ft"]
    with pytest.raises(InputError) as caught:
        solve("design.pole_sign", {**POLE, "faces": [{"width_ft": 10, "height_ft": 30, "top_height_ft": 25}]})
    assert [p.path for p in caught.value.problems] == ["faces.0.height_ft"]
    with pytest.raises(InputError) as caught:
        solve("design.quick_quote", {"sign_type": "monument", "top_height_ft": 30})
    assert "top_height_ft" in [p.path for p in caught.value.problems]
    with pytest.raises(InputError) as caught:
        solve("design.quick_quote", {"wind_speed_mph": 250})
    assert "<= 180" in str(caught.value)


def test_every_price_pack_prices_every_scheduled_rod() -> None:
    from apex_nb.packs import PackLibrary

    library = PackLibrary()
    schedule = library.get("anchor-rod-schedule").data
    diameters = {row.diameter_in for row in schedule.rods}
    for version in library.versions("prices"):
        priced = {row.diameter_in for row in library.get("prices", version).data.anchor_rods}
        assert diameters <= priced, version
