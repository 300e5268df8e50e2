"""Solver ``design.monument_sign``: a monument sign (solid from grade) on a spread footing, priced.

Chain: wind on the monument as a sign at grade (``wind.asce7_sign`` with s = h, so s/h = 1 and
the resultant sits 0.05 s above the face centre per the Ch. 29 note), dead load of the body,
``foundation.spread_footing`` (overturning, sliding, eccentric bearing; auto-sized around the
monument), then ``cost.estimate``. The monument body itself (masonry, cabinet framing) is not
designed here: that is stated as an assumption.
"""

from __future__ import annotations

from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.equations import quantities as qty
from apex_nb.solvers.design.common import defaults, wind_inputs
from apex_nb.solvers.design.inputs import MonumentSignInput
from apex_nb.solvers.design.loads import load_factors
from apex_nb.solvers.design.verdict import price_and_verdict

VERSION = "1.2.0"
FOOTING_PROJECTION_FT = 0.5
DEFAULT_MAX_PLAN_FT = 30.0  # the spread-footing search's own default reach
MAX_FOOTING_PLAN_FT = 60.0  # the largest plan the spread-footing solver accepts


def run(inputs: MonumentSignInput, calc: Calc) -> dict[str, Any]:
    """Complete monument sign: wind at grade (s/h = 1), dead load, spread footing, price

    Design the monument's footing from wind and dead load, and price it.
    """
    policy = defaults(calc)
    factors = load_factors(calc, inputs.wind.edition, "ASD")
    wind = calc.solve(
        "wind.asce7_sign",
        {
            **wind_inputs(inputs.wind),
            "sign_width_ft": inputs.sign_width_ft,
            "sign_height_ft": inputs.sign_height_ft,
            "top_height_ft": inputs.sign_height_ft,
        },
    )
    r = wind.result
    cases = [(r["force_case_a_lb"], r["moment_at_grade_lb_ft"], "A")]
    if r["case_c_applies"]:
        cases.append((r["case_c_force_lb"], r["case_c_moment_at_grade_lb_ft"], "C"))
    force_lb, moment_lb_ft, case = max(cases, key=lambda c: (c[1], c[0]))
    calc.value("W", force_lb, unit="lb", description=f"wind force on the monument, Case {case} (W)")
    calc.value("M_W", moment_lb_ft, unit="lb-ft", description=f"wind moment at grade, Case {case} (W)")
    if inputs.weight_lb is not None:
        dead_lb = inputs.weight_lb
    else:
        volume = inputs.sign_width_ft * inputs.sign_height_ft * inputs.sign_thickness_ft
        dead_lb = volume * policy.monument_unit_weight_pcf
        calc.assume(
            f"Monument weight {dead_lb:.0f} lb = {volume:g} ft³ x {policy.monument_unit_weight_pcf:g} pcf "
            "(typical; give the weight when known)"
        )
    calc.value("D", dead_lb, unit="lb", description="monument dead load")
    calc.assume("The monument body (masonry, framing, connections to the footing) is designed by others")
    calc.assume(
        "A monument is solid from grade on a spread footing: a rigid structure (f1 well above 1 Hz), G = 0.85",
        r.get("gust_clause", "ASCE 7 §26.2"),
    )
    calc.assume("Case B torsion on the footing is resisted by base friction and is not checked")
    footing_inputs: dict[str, Any] = {
        "ibc_edition": inputs.soil.ibc_edition,
        "dead_load_lb": dead_lb,
        "lateral_force_lb": force_lb,
        "moment_at_grade_lb_ft": moment_lb_ft,
        "one_third_increase": inputs.soil.one_third_increase,
        "wind_load_factor": factors.soil_w,
        "min_bottom_depth_ft": inputs.soil.min_depth_ft,
    }
    if inputs.soil.lateral_bearing_psf_per_ft is None:
        footing_inputs["soil_class"] = inputs.soil.soil_class
    else:
        calc.warn("a lateral bearing value does not apply to a spread footing: soil class 5 values are used")
        footing_inputs["soil_class"] = 5
    if inputs.footing_width_ft is not None:
        footing_inputs.update(
            width_ft=inputs.footing_width_ft,
            length_ft=inputs.footing_length_ft,
            thickness_ft=inputs.footing_thickness_ft,
        )
    else:
        min_width = inputs.sign_width_ft + 2 * FOOTING_PROJECTION_FT
        footing_inputs.update(
            min_width_ft=min_width,
            min_length_ft=inputs.sign_thickness_ft + 2 * FOOTING_PROJECTION_FT,
            # The search reaches past the monument's own width (a 40 ft monument needs more than 30 ft).
            max_plan_ft=min(MAX_FOOTING_PLAN_FT, max(DEFAULT_MAX_PLAN_FT, min_width + DEFAULT_MAX_PLAN_FT / 3)),
        )
        calc.assume(f"Footing projects at least {FOOTING_PROJECTION_FT:g} ft beyond the monument on every side")
    footing = calc.solve("foundation.spread_footing", footing_inputs)
    f = footing.result
    if not f["auto_size_found"]:
        from apex_nb.solvers.design.post import PostChoice
        from apex_nb.solvers.design.verdict import no_post_verdict

        nothing = PostChoice(
            False,
            None,
            None,
            "square",
            0.0,
            0.0,
            0.0,
            0.0,
            float("inf"),
            "none",
            (f"none up to {f['width_ft']:g} x {f['length_ft']:g} x {f['thickness_ft']:g} ft passes"),
        )
        return {
            "sign_type": "monument",
            "post_label": None,
            "post_count": 0,
            "foundation_type": "spread_footing",
            "foundation_summary": None,
            "wind_force_total_lb": force_lb,
            "wind_design_level": r["design_level"],
            "governing_wind_case": case,
            "dead_load_lb": dead_lb,
            "soil_combination": factors.soil_combo,
            **no_post_verdict(calc, nothing, policy, "footing"),
        }
    excavation_yd3 = calc.apply(
        "V_exc",
        qty.excavation_yd3,
        f["width_ft"],
        f["length_ft"],
        f["bottom_depth_ft"],
        unit="yd³",
        description="excavation down to the footing bottom",
        clause="",
    )
    bom = {
        "concrete_yd3": f["concrete_yd3"],
        "excavation_yd3": excavation_yd3,
        "overall_height_ft": inputs.sign_height_ft,
        "cabinet_area_ft2": inputs.sign_width_ft * inputs.sign_height_ft,
        "galvanized": False,
    }
    closing = price_and_verdict(calc, bom, policy)
    summary = f"spread footing {f['width_ft']:g} x {f['length_ft']:g} x {f['thickness_ft']:g} ft" + (
        f", bottom {f['bottom_depth_ft']:g} ft below grade" if f["soil_cover_ft"] > 0 else ""
    )
    return {
        "sign_type": "monument",
        "post_label": "none (monument)",
        "post_count": 0,
        "foundation_type": "spread_footing",
        "foundation_summary": summary,
        "footing_width_ft": f["width_ft"],
        "footing_length_ft": f["length_ft"],
        "footing_thickness_ft": f["thickness_ft"],
        "footing_bottom_depth_ft": f["bottom_depth_ft"],
        "concrete_yd3": f["concrete_yd3"],
        "steel_lb": 0.0,
        "wind_force_total_lb": force_lb,
        "wind_design_level": r["design_level"],
        "governing_wind_case": case,
        "dead_load_lb": dead_lb,
        "overturning_safety_factor": f["overturning_safety_factor"],
        "sliding_safety_factor": f["sliding_safety_factor"],
        "max_bearing_psf": f["max_bearing_psf"],
        "soil_combination": factors.soil_combo,
        **closing,
    }


SOLVER = Solver.of("design.monument_sign", VERSION, run)
