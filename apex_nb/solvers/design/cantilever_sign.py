"""Solver ``design.cantilever_sign``: one post with a horizontal arm carrying an offset face.

Geometry: the arm leaves the post at the top of the face; the face hangs below it from
``face_offset_ft`` to ``face_offset_ft + width`` measured from the post centreline.

Chain: wind on the face (``wind.asce7_sign``); the arm (``post.select`` used as a cantilever
member) carries the horizontal wind and the vertical dead load, checked conservatively with
|M_wind| + |M_dead| about one axis (exact for the linear H1 interaction of a square or round
section with equal axes) and the torsion F·s/2 of a face hung below it; the post carries the
moment at grade, the shear and the torsion F·x (x the arm of the resultant from the post, the
worse of Cases A, B and C), plus wind on itself; the foundation is a direct embedment; price.
"""

from __future__ import annotations

from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.equations import quantities as qty
from apex_nb.equations.asce7 import combinations as combo
from apex_nb.solvers.design.common import (
    COST_FAMILY,
    LB_PER_KIP,
    check_geometry,
    defaults,
    face_weight_lb,
    face_wind,
    wind_inputs,
)
from apex_nb.solvers.design.footing import (
    FootingTorsion,
    embedded_post_basis,
    embedded_post_ft,
    pick_footing,
    torsion_summary,
)
from apex_nb.solvers.design.inputs import CantileverSignInput
from apex_nb.solvers.design.loads import load_factors, soil_load_factors
from apex_nb.solvers.design.post import PostChoice, iterate_post, wall_limits
from apex_nb.solvers.design.verdict import no_post_verdict, price_and_verdict
from apex_nb.units import IN_PER_FT

VERSION = "1.3.0"


def torsion_arm_ft(inputs: CantileverSignInput, wind: dict[str, Any]) -> tuple[float, float, str]:
    """(force W, lever arm from the post in ft, case) giving the largest post torsion.

    Case A: face centre; Case B: centre + 0.2 B toward the far end (either end may be
    windward, the far one is worse); Case C: the region resultant measured from either end.
    """
    width = inputs.face.width_ft
    near = inputs.face_offset_ft
    centre = near + width / 2.0
    options = [
        (wind["force_case_a_lb"], centre, "A"),
        (wind["force_case_a_lb"], centre + wind["case_b_eccentricity_ft"], "B"),
    ]
    if wind["case_c_applies"]:
        x_r = wind["case_c_resultant_from_windward_ft"]
        options.append((wind["case_c_force_lb"], max(near + x_r, near + width - x_r), "C"))
    return max(options, key=lambda o: (o[0] * o[1], o[2]))


def run(inputs: CantileverSignInput, calc: Calc) -> dict[str, Any]:
    """Complete cantilever sign: face wind, arm and post (torsion from the offset face), embedment, price

    Design arm, post and footing of a cantilever sign, and price it.
    """
    policy = defaults(calc)
    factors = soil_load_factors(calc, load_factors(calc, inputs.wind.edition, inputs.design_method), inputs.soil)
    calc.applies(
        "not over a roadway (AASHTO LTS fatigue is out of scope)",
        not inputs.over_roadway,
        "signs over traffic need AASHTO LTS fatigue design by an engineer",
        penalty=0.5,
    )
    wind_env = face_wind(calc, inputs.wind, inputs.face)
    w = wind_env.result
    face = inputs.face
    dead_lb = face_weight_lb(calc, face, policy)
    force_w, lever_ft, case = torsion_arm_ft(inputs, w)
    calc.value("x_T", lever_ft, unit="ft", description=f"lever arm of the wind resultant from the post, Case {case}")
    torsion_w = calc.apply(
        "T_W", qty.torsion_from_lever, force_w, lever_ft, unit="lb-ft", description="post torsion (W)"
    )
    centre_ft = inputs.face_offset_ft + face.width_ft / 2.0
    top_ft = face.top_height_ft
    check_geometry(calc, [face], inputs.face_offset_ft + face.width_ft, policy)

    force_a = w["force_case_a_lb"]
    moment_cases = [(force_a, force_a * w["resultant_height_ft"], "A")]
    if w["case_c_applies"]:
        moment_cases.append((w["case_c_force_lb"], w["case_c_moment_at_grade_lb_ft"], "C"))
    face_shear_w = calc.value(
        "V_face", max(f for f, _, _ in moment_cases), unit="lb", description="largest face force, Cases A to C (W)"
    )
    face_force, face_moment_w, moment_case = max(moment_cases, key=lambda c: (c[1], c[2]))
    face_moment_w = calc.value(
        "M_face",
        face_moment_w,
        unit="lb-ft",
        description=f"largest face moment at grade, Case {moment_case} (W); torsion takes its own worst case",
    )
    arm_m_wind = force_w * lever_ft
    arm_torsion = face_shear_w * face.height_ft / 2.0
    calc.assume("Arm checked with |M_wind| + |M_dead| about one axis (conservative biaxial bending)")
    calc.applies(
        "arm of equal axes (square or round)",
        "hss-rect" not in inputs.arm_families,
        "a rectangular arm is checked about its major axis only",
        penalty=0.3,
    )
    calc.assume("Arm at the top of the face; the face hangs below it (arm torsion F s/2)")
    calc.assume("Arm and post demands are the largest over every member combination (1.4D included for LRFD)")

    def arm_inputs(arm_w_lb_per_ft: float) -> dict[str, Any]:
        arm_m_dead = dead_lb * centre_ft + arm_w_lb_per_ft * inputs.arm_length_ft**2 / 2.0
        arm_v_dead = dead_lb + arm_w_lb_per_ft * inputs.arm_length_ft
        return {
            **wall_limits(policy, base_plated=True),
            "edition": inputs.aisc_edition,
            "design_method": inputs.design_method,
            "families": list(inputs.arm_families),
            "moment_kip_ft": factors.member_demand(arm_m_dead, arm_m_wind) / LB_PER_KIP,
            "shear_kip": factors.member_demand(arm_v_dead, force_w) / LB_PER_KIP,
            "torsion_kip_ft": factors.member_demand(0.0, arm_torsion) / LB_PER_KIP,
            "length_ft": inputs.arm_length_ft,
            "k_factor": policy.cantilever_arm_k_factor,
            "point_loads": [{"force_kip": force_w / LB_PER_KIP, "height_ft": min(lever_ft, inputs.arm_length_ft)}],
            "loads_level": "W",
            "asce7_edition": inputs.wind.edition,
            "deflection_limit_ratio": inputs.deflection_limit_ratio,
        }

    # The arm's own weight bends it too: select, then re-select with the chosen arm's weight
    # until the weight taken is at least the weight selected.
    arm_self = 0.0
    arm_trial = calc.trial("post.select", arm_inputs(arm_self))
    for _ in range(policy.max_post_iterations):
        chosen = PostChoice.from_envelope(arm_trial)
        if not chosen.found or chosen.weight_lb_per_ft <= arm_self + 1e-9:
            break
        arm_self = chosen.weight_lb_per_ft
        arm_trial = calc.trial("post.select", arm_inputs(arm_self))
    arm = calc.adopt(arm_trial)
    calc.assume(f"Arm self-weight ({arm_self:g} lb/ft) in the arm's dead-load moment and shear")
    arm_choice = PostChoice.from_envelope(arm)
    if not arm_choice.found:
        return _no_member(calc, inputs, arm_choice, "arm", w, force_w, policy)
    arm_weight_lb = arm_choice.weight_lb_per_ft * inputs.arm_length_ft
    axial_lb = dead_lb + arm_weight_lb
    bottom_ft = top_ft - face.height_ft
    calc.assume("The post is fixed at grade; the face is clear of the post (no wind shielding)")
    dead_moment = calc.value(
        "M_D",
        dead_lb * centre_ft + arm_weight_lb * inputs.arm_length_ft / 2.0,
        unit="lb-ft",
        description="post moment from the eccentric dead load (perpendicular to the wind moment)",
    )

    def post_inputs(post_wind: dict[str, Any], self_weight_lb_per_ft: float) -> dict[str, Any]:
        shear = face_shear_w + post_wind["force_per_post_lb"]
        moment = face_moment_w + post_wind["moment_at_grade_lb_ft"]
        return {
            "edition": inputs.aisc_edition,
            "design_method": inputs.design_method,
            "families": list(inputs.post_families),
            "moment_kip_ft": factors.member_demand(dead_moment, moment) / LB_PER_KIP,
            "shear_kip": factors.member_demand(0.0, shear) / LB_PER_KIP,
            "torsion_kip_ft": factors.member_demand(0.0, torsion_w) / LB_PER_KIP,
            "axial_kip": factors.member_demand(axial_lb + self_weight_lb_per_ft * top_ft, 0.0) / LB_PER_KIP,
            "length_ft": top_ft,
            **wall_limits(policy, base_plated=False),
            "point_loads": [{"force_kip": face_force / LB_PER_KIP, "height_ft": face_moment_w / face_force}],
            "loads_level": "W",
            "asce7_edition": inputs.wind.edition,
            "deflection_limit_ratio": inputs.deflection_limit_ratio,
        }

    wind_post_inputs: dict[str, Any] = {}

    def select(width_in: float, shape: str, self_weight: float) -> PostChoice:
        nonlocal wind_post_inputs
        wind_post_inputs = {
            **wind_inputs(inputs.wind),
            "post_shape": shape,
            "post_width_in": width_in,
            "exposed_height_ft": top_ft,
        }
        trial_wind = calc.trial("wind.asce7_post", wind_post_inputs)
        return PostChoice.from_envelope(calc.trial("post.select", post_inputs(trial_wind.result, self_weight)))

    width_in, shape, self_weight = iterate_post(calc, policy.max_post_iterations, select)
    post_wind = calc.solve("wind.asce7_post", wind_post_inputs)
    calc.assume(
        f"Wind on the post over its full height, on a {width_in:g} in {shape} post at least as wide as selected"
    )
    post_env = calc.solve("post.select", post_inputs(post_wind.result, self_weight))
    post = PostChoice.from_envelope(post_env)
    calc.assume(f"Post self-weight ({self_weight:g} lb/ft over {top_ft:g} ft) is in the axial load")
    if not post.found:
        return _no_member(calc, inputs, post, "post", w, force_w, policy)
    lumps = [{"weight_lb": arm_weight_lb, "height_ft": top_ft, "label": "arm"}] if arm_weight_lb > 0 else []
    if dead_lb > 0:
        lumps.append({"weight_lb": dead_lb, "height_ft": top_ft - face.height_ft / 2.0, "label": face.name})
    frequency = calc.solve(
        "structure.natural_frequency",
        {"section": post.label, "height_ft": top_ft, **({"lumped_weights": lumps} if lumps else {})},
    )
    f1 = calc.value("f1", frequency.result["f1_hz"], unit="Hz", description="first natural frequency (rigid base)")
    calc.applies(
        "rigid structure: f1 >= 1 Hz (G = 0.85)",
        not frequency.result["flexible"],
        f"f1 = {f1:.2f} Hz: a flexible cantilever sign (torsional and lateral modes of the offset face) needs a "
        "dynamic design by an engineer; the flexible Gf is applied to pole signs only",
        penalty=0.5,
    )
    shear_w = calc.value(
        "V_W", face_shear_w + post_wind.result["force_per_post_lb"], unit="lb", description="post shear (W)"
    )
    moment_w = calc.value(
        "M_W",
        face_moment_w + post_wind.result["moment_at_grade_lb_ft"],
        unit="lb-ft",
        description="post moment at grade from wind (W)",
    )
    calc.note("post_shape", post.shape, description="post shape")
    soil_force_lb = factors.soil_force_lb(calc, shear_w)
    soils = calc.pack("ibc-soils").data
    k_sustained = (soils.adjustments.isolated_pole_factor if inputs.soil.isolated_pole_factor == 2 else 1.0) * (
        soils.adjustments.one_third_increase_factor if inputs.soil.one_third_increase else 1.0
    )
    soil_dead_moment = calc.apply(
        "M_D,soil",
        combo.sustained_soil_moment,
        factors.soil_d,
        dead_moment,
        k_sustained,
        unit="lb-ft",
        description="permanent moment at grade from the face and arm hung off the post (dead-load eccentricity), "
        "times the soil increases taken, which apply to short-term wind only",
        clause=f"{factors.soil_combo}; IBC §1806.3.4 and §1806.1 (short-term lateral loads)",
        fill={"dead_factor": factors.soil_d, "increase": k_sustained},
    )
    if k_sustained > 1.0:
        calc.assume(
            f"The soil increases taken (x{k_sustained:g}) apply to short-term wind only: the permanent dead-load "
            f"moment is multiplied by {k_sustained:g} so that it meets the unincreased soil values"
        )
    soil_moment = calc.apply(
        "M_soil",
        combo.perpendicular_moments,
        factors.soil_w,
        moment_w,
        soil_dead_moment,
        unit="lb-ft",
        description="moment at grade on the footing: wind and dead-load moments act about perpendicular axes",
        clause=factors.soil_combo,
        fill={"wind_factor": factors.soil_w},
    )
    calc.applies(
        "the permanent dead-load moment is at most half the footing moment",
        soil_dead_moment <= 0.5 * soil_moment + 1e-9,
        f"sustained moment {soil_dead_moment:,.0f} of {soil_moment:,.0f} lb-ft: soil creep under a permanent "
        "lateral load is outside IBC §1807.3 (short-term loads); an engineer should check the footing",
        penalty=0.25,
    )
    calc.assume(
        "The dead-load moment of the offset face and arm (M_D) reaches the footing with the wind moment in "
        f"{factors.soil_combo}; the two act about perpendicular axes and a round shaft resists their vector sum"
    )
    footing_torsion = FootingTorsion(
        factors.soil_w * torsion_w,
        inputs.soil,
        axial_lb + post.weight_lb_per_ft * top_ft,
        post.width_in,
        policy.base_plate_pier_fc_psi,
    )
    pick = pick_footing(
        calc,
        lateral_force_lb=soil_force_lb,
        moment_lb_ft=soil_moment,
        post_width_in=post.plan_diameter_in,
        soil=inputs.soil,
        diameter_ft=inputs.footing_diameter_ft,
        policy=policy,
        cost_basis=embedded_post_basis(1, post, policy),
        also_passes=footing_torsion.passes(calc),
    )
    footing = pick.envelope
    torsion_part = footing_torsion.solve(calc, footing)
    post_steel = post.weight_lb_per_ft * (top_ft + embedded_post_ft(footing, policy))
    steel_lb = calc.value("W_steel", post_steel + arm_weight_lb, unit="lb", description="post and arm steel")
    bom = {
        "steel": [
            {
                "family": COST_FAMILY[post.family or "pipe"],
                "weight_lb": post_steel,
                "description": f"{post.label} post",
            },
            {
                "family": COST_FAMILY[arm_choice.family or "pipe"],
                "weight_lb": arm_weight_lb,
                "description": f"{arm_choice.label} arm",
            },
        ],
        "concrete_yd3": footing.result["concrete_yd3"],
        "auger_holes": [
            {
                "count": 1,
                "diameter_in": footing.result["b_ft"] * IN_PER_FT,
                "depth_ft": footing.result["design_depth_ft"],
            }
        ],
        "overall_height_ft": top_ft,
        "galvanized": inputs.galvanized,
        "cabinet_area_ft2": face.width_ft * face.height_ft,
    }
    if torsion_part.result.get("lug_weight_lb"):
        bom["plate_lb"] = torsion_part.result["lug_weight_lb"]
    closing = price_and_verdict(calc, bom, policy)
    return {
        "sign_type": "cantilever",
        "post_label": post.label,
        "post_family": post.family,
        "post_count": 1,
        "arm_label": arm_choice.label,
        "foundation_type": "embedded",
        "foundation_summary": (
            f"1 x {footing.result['b_ft'] * IN_PER_FT:g} in dia x {footing.result['design_depth_ft']:g} ft deep"
        ),
        "footing_diameter_ft": footing.result["b_ft"],
        "footing_depth_ft": footing.result["design_depth_ft"],
        "concrete_yd3": footing.result["concrete_yd3"],
        "footing_choice": pick.choice,
        "footing_torsion": torsion_summary(torsion_part),
        "steel_lb": steel_lb,
        "wind_force_total_lb": force_w,
        "wind_design_level": w["design_level"],
        "governing_wind_case": case,
        "post_torsion_w_lb_ft": torsion_w,
        "dead_load_moment_lb_ft": dead_moment,
        "natural_frequency_hz": f1,
        "flexible": bool(frequency.result["flexible"]),
        "gust_factor": w["gust_factor"],
        "footing_moment_lb_ft": soil_moment,
        "clear_height_ft": bottom_ft,
        **closing,
    }


def _no_member(
    calc: Calc,
    inputs: CantileverSignInput,
    member: PostChoice,
    which: str,
    wind: dict[str, Any],
    force_w: float,
    policy: Any,
) -> dict[str, Any]:
    """The result when no standard arm or post passes: no foundation, no price, an engineer's review."""
    calc.applies(
        f"a passing {which} exists in the families", False, member.reason or f"no {which} section passes", penalty=0.5
    )
    return {
        "sign_type": "cantilever",
        "post_label": None,
        "post_count": 1,
        "arm_label": None,
        "failing_member": which,
        "foundation_type": "embedded",
        "foundation_summary": None,
        "wind_force_total_lb": force_w,
        "wind_design_level": wind["design_level"],
        **no_post_verdict(calc, member, policy, which),
    }


SOLVER = Solver.of("design.cantilever_sign", VERSION, run)
