"""Solver ``design.pole_sign``: faces on one or two posts, direct embedment or base plate, priced.

Chain (every load from wind and dead load, every component a part of the envelope):
1. wind on each face (``wind.asce7_sign``: Cases A, B, C at the edition's design level W);
2. per-post forces for each case: shear, moment at grade, torsion (one post) or the lever-rule
   split of an eccentric resultant between two posts; the post is checked for the envelope of
   the cases (max V, max M, max T together: conservative);
3. wind on the exposed posts below the lowest face (``wind.asce7_post``), iterated with the post
   size until the selection is stable;
4. post selection (``post.select``) at the governing member combination, with service drift;
5. foundation per post: direct embedment (``foundation.embedment``, ASD soil combination) or a
   base plate (``connection.base_plate``) on a drilled pier sized the same way;
6. price (``cost.estimate``) from the bill of quantities.

Sizing (steps 2-4) is in ``pole_sizing``.
"""

from __future__ import annotations

from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.envelope import Envelope
from apex_nb.equations import quantities as qty
from apex_nb.equations.asce7 import combinations as combo
from apex_nb.solvers.design.common import (
    COST_FAMILY,
    LB_PER_KIP,
    check_geometry,
    defaults,
    dynamic_summary,
    face_weight_lb,
)
from apex_nb.solvers.design.footing import (
    FootingTorsion,
    anchor_reinforcement,
    embedded_post_basis,
    embedded_post_ft,
    pick_footing,
    torsion_summary,
)
from apex_nb.solvers.design.inputs import PoleSignInput
from apex_nb.solvers.design.loads import load_factors, soil_load_factors
from apex_nb.solvers.design.pole_sizing import Sizing, case_fields, size_post
from apex_nb.solvers.design.post import PostChoice
from apex_nb.solvers.design.verdict import no_post_verdict, price_and_verdict
from apex_nb.solvers.foundation.choice import CostBasis
from apex_nb.units import IN_PER_FT

VERSION = "1.3.0"


def run(inputs: PoleSignInput, calc: Calc) -> dict[str, Any]:
    """Complete pole sign: wind Cases A/B/C, post wind, post selection, embedment or base plate, price

    Design the whole pole sign; see the module docstring for the chain.
    """
    policy = defaults(calc)
    factors = soil_load_factors(calc, load_factors(calc, inputs.wind.edition, inputs.design_method), inputs.soil)
    n = inputs.post_count
    top_ft = max(face.top_height_ft for face in inputs.faces)
    post_length_ft = calc.value("L_post", top_ft, unit="ft", description="post height above grade (to the top face)")
    calc.assume("Posts run from grade to the top of the highest face and are fixed at grade")
    widest_ft = max(face.width_ft for face in inputs.faces)
    reach_ft = widest_ft / 2.0 if n == 1 else max(0.0, (widest_ft - (inputs.post_spacing_ft or 0.0)) / 2.0)
    check_geometry(calc, list(inputs.faces), reach_ft, policy)
    if n == 2:
        calc.assume(
            "Two posts: an eccentric resultant splits by the lever rule; the windward post's share "
            "(1/2 + e/S) governs its strength and its deflection; each post takes no torsion"
        )
    face_weights = [face_weight_lb(calc, face, policy) for face in inputs.faces]
    face_dead_lb = sum(face_weights) / n
    lumps = [
        {"weight_lb": weight / n, "height_ft": face.top_height_ft - face.height_ft / 2.0, "label": face.name}
        for face, weight in zip(inputs.faces, face_weights, strict=True)
        if weight > 0
    ]

    # Rigid first. A post under 1 Hz is flexible (ASCE 7 §26.2): first try to keep the sign rigid
    # with a stiffer post (I raised until f1 >= 1 Hz; G = 0.85 stays valid); only when no standard
    # post can do that is the sign sized as flexible with Gf (§26.11.5) at its frequency. A
    # stiffer post raises f1 and lowers Gf, so Gf is taken at a frequency no higher than the final
    # post's. Preferring the rigid route keeps more load from ever giving a lighter post.
    def natural_frequency(sized: Sizing) -> Envelope | None:
        choice = PostChoice.from_envelope(sized.selection)
        if not choice.found or choice.label is None:
            return None
        return calc.trial(
            "structure.natural_frequency",
            {"section": choice.label, "height_ft": post_length_ft, **({"lumped_weights": lumps} if lumps else {})},
        )

    n1_used: float | None = None
    sizing = size_post(inputs, calc, policy, factors, face_dead_lb, None)
    frequency = natural_frequency(sizing)
    stiffened = False
    if frequency is not None and frequency.result["flexible"]:
        first = frequency
        i_floor = frequency.result["i_in4"] / frequency.result["f1_hz"] ** 2
        for _ in range(policy.max_post_iterations):
            stiff = size_post(inputs, calc, policy, factors, face_dead_lb, None, i_floor * (1 + 1e-6))
            stiff_frequency = natural_frequency(stiff)
            if stiff_frequency is None:
                break
            if not stiff_frequency.result["flexible"]:
                sizing, frequency, stiffened = stiff, stiff_frequency, True
                break
            i_floor = max(i_floor * 1.05, stiff_frequency.result["i_in4"] / stiff_frequency.result["f1_hz"] ** 2)
        if not stiffened:
            frequency = first
            for _ in range(policy.max_post_iterations):
                assert frequency is not None
                f1 = frequency.result["f1_hz"]
                if n1_used is not None and f1 >= n1_used - 1e-9:
                    break
                n1_used = f1 if n1_used is None else min(f1, n1_used)
                sizing = size_post(inputs, calc, policy, factors, face_dead_lb, n1_used)
                frequency = natural_frequency(sizing)
                if frequency is None:
                    break
            else:
                calc.applies(
                    "gust factor and post size converged", False, "Gf and the post did not settle", penalty=0.2
                )
    if stiffened:
        calc.assume(
            "The lightest passing post was flexible (f1 < 1 Hz): a stiffer post keeps the sign rigid (G = 0.85) "
            "rather than designing it for the flexible gust factor",
            "ASCE 7 §26.2",
        )
    faces = [calc.adopt(env) for env in sizing.faces]
    cases = sizing.cases
    for case, forces in cases.items():
        calc.value(
            f"M_{case}", forces.moment_lb_ft, unit="lb-ft", description=f"Case {case}: moment per post at grade (W)"
        )
    calc.note("deflection_case", sizing.drift_case, description="wind case giving the largest post drift")
    width_in, shape = sizing.width_in, sizing.shape
    self_weight_lb_per_ft = sizing.self_weight_lb_per_ft
    calc.note("post_iterations", " -> ".join(sizing.history), description="post size <-> post wind iterations")
    calc.assume(
        f"Wind on the exposed posts taken on a {width_in:g} in {shape} post, at least as wide as the one selected"
    )
    calc.assume(f"Post self-weight ({self_weight_lb_per_ft:g} lb/ft over {post_length_ft:g} ft) is in the axial load")
    # Record the converged parts once (trial solves above are not parts).
    post_wind = calc.adopt(sizing.post_wind) if sizing.post_wind is not None else None
    selection = calc.adopt(sizing.selection)
    post = PostChoice.from_envelope(selection)
    calc.applies(
        "a passing post exists in the families", post.found, "no section passes: enlarge or add posts", penalty=0.5
    )
    dynamics = dynamic_summary(calc, frequency, n1_used, faces[0])

    def unfinished(member: PostChoice, which: str, label: str | None) -> dict[str, Any]:
        """The result when a member cannot be designed: what is known, no foundation, no price."""
        return {
            "sign_type": "pole",
            "post_label": label,
            "post_family": post.family,
            "post_count": n,
            "post_length_ft": post_length_ft,
            "foundation_type": inputs.foundation,
            "foundation_summary": None,
            "wind_force_total_lb": sum(env.result["force_case_a_lb"] for env in faces),
            "wind_design_level": faces[0].result["design_level"],
            "cases": {c.case: case_fields(c) for c in cases.values()},
            **dynamics,
            **no_post_verdict(calc, member, policy, which),
        }

    if not post.found:
        return unfinished(post, "post", None)

    post_force_lb = post_wind.result["force_per_post_lb"] if post_wind else 0.0
    post_moment_lb_ft = post_wind.result["moment_at_grade_lb_ft"] if post_wind else 0.0
    shear_w = calc.value(
        "V_W",
        max(c.shear_lb for c in cases.values()) + post_force_lb,
        unit="lb",
        description="governing shear per post at grade, wind on faces and post (W)",
    )
    moment_w = calc.value(
        "M_W",
        max(c.moment_lb_ft for c in cases.values()) + post_moment_lb_ft,
        unit="lb-ft",
        description="governing moment per post at grade, wind on faces and post (W)",
    )
    torsion_w = calc.value(
        "T_W",
        max(c.torsion_lb_ft for c in cases.values()),
        unit="lb-ft",
        description="governing torsion per post (W)",
    )
    axial_lb = calc.apply(
        "P_D",
        qty.dead_load_per_post_lb,
        face_dead_lb,
        post.weight_lb_per_ft,
        post_length_ft,
        unit="lb",
        description="dead load per post at grade: faces and post self-weight",
        clause="",
    )
    weight_per_ft = post.weight_lb_per_ft
    width_in = post.width_in

    soil_force_lb = factors.soil_force_lb(calc, shear_w)
    soil_moment_lb_ft = calc.apply(
        "M_soil",
        combo.factored_load,
        factors.soil_w,
        moment_w,
        unit="lb-ft",
        description="moment at grade on the footing",
        clause="",
        fill={"factor": factors.soil_w, "load": "M_W"},
    )

    def footing_torsion(post_width_in: float | None) -> FootingTorsion:
        return FootingTorsion(
            factors.soil_w * torsion_w, inputs.soil, axial_lb, post_width_in, policy.base_plate_pier_fc_psi
        )

    def torsion_ok(post_width_in: float | None) -> Any:
        return None if n != 1 else footing_torsion(post_width_in).passes(calc)

    connection: Envelope | None = None
    if inputs.foundation == "base_plate":
        calc.assume(
            f"Base plate and anchors with the smallest dead load that acts with the full wind "
            f"({factors.counteracting_d:g}D + {factors.member_w:g}W): less axial load means more anchor tension"
        )
        plate_inputs = {
            "post_shape": "round" if post.shape == "round" else "rect",
            **(
                {"post_diameter_in": width_in}
                if post.shape == "round"
                else {"post_b_in": width_in, "post_d_in": width_in}
            ),
            "post_wall_in": post.wall_in or 0.25,
            "axial_kip": factors.counteracting_d * axial_lb / LB_PER_KIP,
            "moment_kip_ft": factors.member_w * moment_w / LB_PER_KIP,
            "shear_kip": factors.member_w * shear_w / LB_PER_KIP,
            "torsion_kip_ft": factors.member_w * torsion_w / LB_PER_KIP,
            "design_method": inputs.design_method,
            "fc_psi": policy.base_plate_pier_fc_psi,
            "hef_in": policy.base_plate_hef_in,
        }
        trial_plate = calc.trial("connection.base_plate", plate_inputs)
        plate_width_in = max(trial_plate.result["plate_n_in"], trial_plate.result["plate_b_in"]) * 2**0.5
        height_ft = soil_moment_lb_ft / soil_force_lb

        def pier_inputs(embedment: Envelope) -> dict[str, Any]:
            return {
                "diameter_in": embedment.result["b_ft"] * IN_PER_FT,
                "depth_ft": embedment.result["design_depth_ft"],
                "lateral_force_lb": soil_force_lb,
                "force_height_ft": height_ft,
                "soil_reaction_psf_per_ft": embedment.result["lateral_bearing_psf_per_ft"]
                * embedment.result["lateral_bearing_factor"],
                "fc_psi": policy.base_plate_pier_fc_psi,
            }

        def pier_rebar_lb(embedment: Envelope) -> float:
            if not inputs.pier_reinforced:
                return 0.0
            return float(calc.trial("foundation.pier_reinforcement", pier_inputs(embedment)).result["rebar_lb"])

        pick = pick_footing(
            calc,
            lateral_force_lb=soil_force_lb,
            moment_lb_ft=soil_moment_lb_ft,
            post_width_in=plate_width_in,
            soil=inputs.soil,
            diameter_ft=inputs.footing_diameter_ft,
            policy=policy,
            cost_basis=CostBasis(holes=n),
            rebar_lb=pier_rebar_lb,
            also_passes=torsion_ok(None),
        )
        footing = pick.envelope
        calc.assume("Base plate on a round drilled pier; the plate diagonal plus clearance fits in the pier")
        pier_d_in = footing.result["b_ft"] * IN_PER_FT
        if pier_d_in < plate_width_in + 2 * policy.footing_clearance_in - 1e-9:
            # A pier the user sized smaller than the plate cannot hold its anchors: say so, with
            # no invented connection or price (the footing check above already fails).
            why = PostChoice(
                False, None, None, "round", 0.0, 0.0, 0.0, 0.0, float("inf"), "none",
                f"the {pier_d_in:g} in pier is smaller than the {plate_width_in:.1f} in base plate plus "
                f"{policy.footing_clearance_in:g} in of concrete each side: give a larger footing_diameter_ft",
            )  # fmt: skip
            return unfinished(why, "connection", post.label)
        rebar_each_lb = 0.0
        anchor_extra: dict[str, Any] = {}
        if inputs.pier_reinforced:
            pier = calc.solve("foundation.pier_reinforcement", pier_inputs(footing))
            rebar_each_lb += pier.result["rebar_lb"]
            _, anchor_extra, anchor_bars_lb = anchor_reinforcement(
                calc, plate_inputs, pier_d_in, policy.base_plate_hef_in
            )
            rebar_each_lb += anchor_bars_lb
            if not anchor_extra:
                calc.warn("no anchor reinforcement in the pack lets the anchor checks pass: enlarge the pier or hef")
        else:
            calc.applies(
                "pier reinforced (bars and ties)",
                False,
                "plain-concrete pier: no flexural steel, anchor breakout relies on plain concrete",
                penalty=0.1,
            )
        connection = calc.solve(
            "connection.base_plate", {**plate_inputs, "pedestal_diameter_in": pier_d_in, **anchor_extra}
        )
        embedded_ft = 0.0
    else:
        pick = pick_footing(
            calc,
            lateral_force_lb=soil_force_lb,
            moment_lb_ft=soil_moment_lb_ft,
            post_width_in=post.plan_diameter_in,
            soil=inputs.soil,
            diameter_ft=inputs.footing_diameter_ft,
            policy=policy,
            cost_basis=embedded_post_basis(n, post, policy),
            also_passes=torsion_ok(width_in),
        )
        footing = pick.envelope
        embedded_ft = embedded_post_ft(footing, policy)
        rebar_each_lb = 0.0
    torsion_part: Envelope | None = None
    if n == 1:
        torsion_part = footing_torsion(None if inputs.foundation == "base_plate" else width_in).solve(calc, footing)
    depth_ft = footing.result["design_depth_ft"]
    diameter_ft = footing.result["b_ft"]
    concrete_each = footing.result["concrete_yd3"]
    steel_lb = calc.apply(
        "W_steel",
        qty.post_steel_lb,
        weight_per_ft,
        post_length_ft,
        embedded_ft,
        n,
        unit="lb",
        description="post steel, all posts",
        clause="",
    )
    concrete_yd3 = calc.value("V_concrete", concrete_each * n, unit="yd³", description="footing concrete, all posts")
    bom: dict[str, Any] = {
        "steel": [
            {
                "family": COST_FAMILY[post.family or "pipe"],
                "weight_lb": steel_lb,
                "description": f"{n} x {post.label} post",
            }
        ],
        "concrete_yd3": concrete_yd3,
        "auger_holes": [{"count": n, "diameter_in": diameter_ft * IN_PER_FT, "depth_ft": depth_ft}],
        "rebar_lb": rebar_each_lb * n,
        "overall_height_ft": top_ft,
        "galvanized": inputs.galvanized,
        "cabinet_area_ft2": sum(f.width_ft * f.height_ft for f in inputs.faces),
    }
    if connection is not None:
        density_lb_per_in3 = calc.pack("steel-materials").data.density_lb_per_ft3 / 1728.0
        r = connection.result
        plate_lb = calc.apply(
            "W_plate",
            qty.plate_steel_lb,
            r["plate_n_in"],
            r["plate_b_in"],
            r["plate_thickness_in"],
            density_lb_per_in3,
            n,
            unit="lb",
            description="base plates, all posts",
            clause="",
        )
        bom["plate_lb"] = plate_lb
        rods_each = 2 * int(connection.inputs["rods_per_row"])
        bom["anchor_rods"] = [
            {"count": rods_each * n, "diameter_in": r["rod_diameter_in"], "length_in": policy.base_plate_hef_in + 6.0}
        ]
    if torsion_part is not None and torsion_part.result.get("lug_weight_lb"):
        bom["plate_lb"] = bom.get("plate_lb", 0.0) + torsion_part.result["lug_weight_lb"] * n
    closing = price_and_verdict(calc, bom, policy)
    foundation_summary = f"{n} x {diameter_ft * IN_PER_FT:g} in dia x {depth_ft:g} ft deep " + (
        "embedded" if inputs.foundation == "embedded" else "pier under base plate"
    )
    return {
        "sign_type": "pole",
        "post_label": post.label,
        "post_family": post.family,
        "post_count": n,
        "post_length_ft": post_length_ft,
        "post_weight_lb_per_ft": weight_per_ft,
        "post_ratio": post.ratio,
        "post_governing_check": post.governing_check,
        "foundation_type": inputs.foundation,
        "foundation_summary": foundation_summary,
        "footing_diameter_ft": diameter_ft,
        "footing_depth_ft": depth_ft,
        "concrete_yd3": concrete_yd3,
        "footing_choice": pick.choice,
        "footing_torsion": torsion_summary(torsion_part),
        "steel_lb": steel_lb,
        "wind_force_total_lb": sum(env.result["force_case_a_lb"] for env in faces),
        "wind_design_level": faces[0].result["design_level"],
        "governing_wind_case": max(cases.values(), key=lambda c: (c.moment_lb_ft, c.case)).case,
        "per_post_w": {"shear_lb": shear_w, "moment_lb_ft": moment_w, "torsion_lb_ft": torsion_w},
        "dead_load_per_post_lb": axial_lb,
        "member_combination": factors.member_combo,
        "soil_combination": factors.soil_combo,
        "cases": {c.case: case_fields(c) for c in cases.values()},
        **dynamics,
        **closing,
    }


SOLVER = Solver.of("design.pole_sign", VERSION, run)
