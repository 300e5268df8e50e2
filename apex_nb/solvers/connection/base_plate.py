"""Solver ``connection.base_plate``: a post on a base plate per AISC Design Guide 1, with its rods and weld.

DG1 2nd Ed. §3.3-3.4 uniform bearing under axial compression plus moment: the moment case
(small: e <= e_crit, no rod tension; large: rods in tension), the bearing length Y, the rod
tension T, the plate thickness from the compression and tension interfaces, AISC 360 §J8
bearing. The rods get a steel tension check here (ACI 318-19 §17.6.1 in LRFD, AISC 360 §J3.6 in
ASD) and, when ``hef_in`` is given, the full ACI 318-19 Chapter 17 check through
``connection.anchor_rods`` (a part of this envelope). The post-to-plate fillet weld is checked
all around (AISC 360 §J2.4, §J4.2). Modules: ``base_plate_input`` (the inputs),
``base_plate_bearing`` (plan, bearing, thickness), ``post_weld`` (the weld); this one runs them.

Auto-sizing, deterministic: plan size from the post and rod clearances, grown in whole inches
until the DG1 equilibrium has a solution; thickness = the smallest standard thickness >= the
required; rod = the smallest schedule diameter passing; weld = the smallest standard size >=
the Table J2.4 minimum that passes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.equations.aci318 import anchors as aci
from apex_nb.equations.aisc_dg1 import base_plate as dg1
from apex_nb.errors import FieldProblem, InputError
from apex_nb.pack_schemas.connections import RodSize
from apex_nb.solvers.connection.base_plate_bearing import plan_size
from apex_nb.solvers.connection.base_plate_input import AiscEdition, BasePlateInput, Method, PostShape
from apex_nb.solvers.connection.common import (
    anchors_pack,
    dg1_pack,
    grade,
    next_standard,
    rod_size,
    schedule_pack,
)
from apex_nb.solvers.connection.post_weld import post_weld

__all__ = ["SOLVER", "VERSION", "AiscEdition", "BasePlateInput", "Method", "PostShape", "run"]

VERSION = "1.1.0"


def _rod_strength_per_rod(
    inputs: BasePlateInput, calc: Calc, rod: RodSize, fu: float, fy: float, record: bool
) -> float:
    """Available rod tension: ACI 318-19 φ Ase futa (LRFD) or AISC 360 0.75 Fu Ab / Ω (ASD)."""
    fn: Callable[..., float]
    args: tuple[float, ...]
    if inputs.design_method == "LRFD":
        pack = anchors_pack(calc)
        futa = aci.futa_used_ksi(fu, fy, pack.steel.futa_max_over_fya, pack.steel.futa_cap_ksi)
        phi = pack.phi.steel_tension_ductile
        fn, args = aci.design_steel_tension_kip, (phi, rod.tensile_stress_area_in2, futa)
        fill, clause = {"phi": phi}, pack.clauses["steel_tension"]
    else:
        dg = dg1_pack(calc)
        fnt, omega = dg.rod_tension_fnt_over_fu, dg.rod_tension_aisc.omega
        fn, args = dg1.rod_tension_allowable_kip, (fu, rod.diameter_in, fnt, omega)
        fill = {"fnt_over_fu": fnt, "omega": omega}
        clause = dg.rod_tension_aisc.clause
    if not record:
        return fn(*args)
    return calc.apply(
        "rod T avail", fn, *args, unit="kip", clause=clause, fill=fill,
        description=f"available tension of one {rod.label} in. rod ({inputs.design_method})",
    )  # fmt: skip


def _anchor_inputs(
    inputs: BasePlateInput, plan: dict[str, Any], alpha: float, diameter: float | None
) -> dict[str, Any]:
    """Inputs of connection.anchor_rods for the two-row rod pattern under this plate."""
    f, spacing = plan["f_in"], plan["spacing_in"]
    span_y = spacing * (inputs.rods_per_row - 1)
    edges: dict[str, float | None] = {
        "edge_x_neg_in": None,
        "edge_x_pos_in": None,
        "edge_y_neg_in": None,
        "edge_y_pos_in": None,
    }
    if inputs.pedestal_n_in is not None and inputs.pedestal_b_in is not None:
        ex, ey = (inputs.pedestal_n_in - 2.0 * f) / 2.0, (inputs.pedestal_b_in - span_y) / 2.0
        edges = {"edge_x_neg_in": ex, "edge_x_pos_in": ex, "edge_y_neg_in": ey, "edge_y_pos_in": ey}
    elif inputs.pedestal_diameter_in is not None:
        radial = inputs.pedestal_diameter_in / 2.0 - math.hypot(f, span_y / 2.0)
        edges = dict.fromkeys(edges, radial)
    rods = inputs.rods_per_row
    torsion_in = inputs.torsion_kip_ft * 12.0
    radius = math.hypot(f, span_y / 2.0)
    polar = 2.0 * rods * f**2 + 2.0 * sum((-span_y / 2.0 + i * spacing) ** 2 for i in range(rods))
    v_torsion_rod = torsion_in * radius / polar if polar > 0 else 0.0
    shear = (inputs.shear_kip + rods * v_torsion_rod) * alpha
    return {
        "rod_grade": inputs.rod_grade,
        "rod_diameter_in": diameter,
        "rods_x": 2,
        "rods_y": rods,
        "spacing_x_in": 2.0 * f,
        "spacing_y_in": spacing,
        **edges,
        "hef_in": inputs.hef_in,
        "fc_psi": inputs.fc_psi,
        "cracked": inputs.cracked,
        "supplementary_reinforcement": inputs.supplementary_reinforcement,
        **(
            {}
            if inputs.anchor_reinforcement_in2 is None
            else {
                "anchor_reinforcement_in2": inputs.anchor_reinforcement_in2,
                "anchor_reinforcement_db_in": inputs.anchor_reinforcement_db_in,
                "anchor_reinforcement_offset_in": inputs.anchor_reinforcement_offset_in,
            }
        ),
        "tension_per_rod_kip": plan["t_kip"] / rods * alpha,
        "tension_rows": 1,
        "shear_kip": shear,
    }


def run(inputs: BasePlateInput, calc: Calc) -> dict[str, Any]:
    """Post base plate per AISC DG1 (small/large moment), J8 bearing, rods (ACI 318-19 Ch. 17 part), post weld

    Plate size and thickness, rod tension and size, weld, with every DG1/AISC/ACI check.
    """
    pack = dg1_pack(calc)
    schedule = schedule_pack(calc)
    plate = grade(calc, "plate_grade", inputs.plate_grade, ("plate",))
    rod_grade = grade(calc, "rod_grade", inputs.rod_grade, ("anchor_rod",))
    fy = calc.value(
        "Fy,plate",
        plate.fy_ksi or 0.0,
        unit="ksi",
        description=f"plate yield stress ({plate.specification})",
        clause=plate.source,
    )
    calc.note("design_method", inputs.design_method, description="AISC design method of the loads")
    plan = plan_size(inputs, calc, pack, schedule, fy)
    if plan["f_in"] - inputs.post_depth_in / 2.0 <= 0.0:
        raise InputError(
            [
                FieldProblem(
                    "rod_edge_in",
                    "the rod row falls inside the post footprint",
                    f"< (N - d)/2 = {(plan['n_in'] - inputs.post_depth_in) / 2:g} in.",
                )
            ]
        )
    if not plan["feasible"]:
        need = calc.value(
            "2(Pf+M)/q",
            (plan["f_in"] + plan["n_in"] / 2.0) ** 2 - plan["disc"],
            unit="in²",
            description="needed (f + N/2)²",
        )
        calc.check(
            "base_plate.equilibrium",
            "DG1 large-moment equilibrium has a solution",
            demand=need,
            capacity=(plan["f_in"] + plan["n_in"] / 2.0) ** 2,
            unit="in²",
            clause=pack.clauses["large_moment"],
        )
        calc.warn("the plate is too short for this moment: no bearing length satisfies equilibrium")
        return {
            "moment_case": "large",
            "feasible": False,
            "plate_n_in": plan["n_in"],
            "plate_b_in": plan["b_in"],
            "passed": False,
            "governing_check": "base_plate.equilibrium",
            "ratio": calc.checks[-1].ratio,
        }
    if plan["moment_case"] == "small":
        calc.check(
            "base_plate.bearing",
            "Concrete bearing stress",
            demand=plan["fp_ksi"],
            capacity=plan["fp_max_ksi"],
            unit="ksi",
            clause=pack.bearing[inputs.aisc_edition].clause,
        )
    else:
        lever = (plan["f_in"] + plan["n_in"] / 2.0) ** 2
        calc.check(
            "base_plate.equilibrium",
            "DG1 large-moment equilibrium at full bearing (f + N/2)² >= 2(P f + M)/q_max",
            demand=lever - plan["disc"],
            capacity=lever,
            unit="in²",
            clause=pack.clauses["large_moment"],
        )
    # thickness
    if inputs.plate_thickness_in is not None:
        thickness = inputs.plate_thickness_in
    else:
        thickness = next_standard(schedule.plate_thicknesses_in, plan["t_req_in"]) or schedule.plate_thicknesses_in[-1]
        calc.note(
            "plate_thickness", "auto", description="smallest standard thickness >= tp,req", clause="anchor-rod-schedule"
        )
    thickness = calc.value("tp", thickness, unit="in", description="plate thickness")
    calc.check(
        "base_plate.thickness",
        "Plate thickness (compression and tension interfaces)",
        demand=plan["t_req_in"],
        capacity=thickness,
        unit="in",
        clause=pack.clauses["plate_compression"],
    )
    # rods: steel tension here, the full ACI check as a part
    t_rod = calc.apply(
        "T/rod", dg1.rod_tension_per_rod_kip, plan["t_kip"], inputs.rods_per_row, unit="kip",
        description="tension per rod of the tension row", clause=pack.clauses["large_moment"],
    )  # fmt: skip
    fu_r, fy_r = rod_grade.fu_ksi, rod_grade.fy_ksi or 0.0
    if inputs.rod_diameter_in is not None:
        rod = rod_size(schedule, "rod_diameter_in", inputs.rod_diameter_in)
    else:
        rod = next(
            (r for r in schedule.rods if _rod_strength_per_rod(inputs, calc, r, fu_r, fy_r, False) >= t_rod),
            schedule.rods[-1],
        )
    alpha = 1.0
    if inputs.design_method == "ASD":
        alpha = inputs.asd_alpha if inputs.asd_alpha is not None else pack.asd_anchor_alpha_default
    anchor_env = None
    if inputs.hef_in is not None:
        if inputs.rod_diameter_in is None:
            trial = calc.trial("connection.anchor_rods", _anchor_inputs(inputs, plan, alpha, None))
            rod = max(
                rod, rod_size(schedule, "rod_diameter_in", trial.result["rod_diameter_in"]), key=lambda r: r.diameter_in
            )
        if inputs.design_method == "ASD":
            calc.value(
                "α",
                alpha,
                description="ASD demands raised to strength level for ACI 318 Ch. 17",
                clause="aisc-dg1 asd_anchor_alpha_default",
            )
            calc.assume(f"ACI 318 anchor checks use ASD demands x {alpha:g} (strength level)", "ACI 318-19 §17.5")
        anchor_env = calc.solve("connection.anchor_rods", _anchor_inputs(inputs, plan, alpha, rod.diameter_in))
        no_pedestal = inputs.pedestal_n_in is None and inputs.pedestal_diameter_in is None
        calc.applies(
            "pedestal size given for the concrete edge distances",
            not no_pedestal,
            "without it the ACI checks assume no nearby edges",
            penalty=0.25,
        )
    else:
        calc.warn("concrete anchorage (ACI 318-19 Ch. 17) not checked: give hef_in (and the pedestal) to check it")
        calc.applies("concrete anchorage checked", False, "hef_in not given", penalty=0.2)
    calc.note(
        "rod", f"{rod.label} in. {rod_grade.specification}", description="anchor rod", clause="anchor-rod-schedule"
    )
    rod_avail = _rod_strength_per_rod(inputs, calc, rod, fu_r, fy_r, True)
    calc.check(
        "rod.tension",
        "Rod steel in tension (most stressed rod)",
        demand=t_rod,
        capacity=rod_avail,
        unit="kip",
        clause=pack.clauses["large_moment"],
    )
    weld = post_weld(inputs, calc, pack, schedule, thickness)
    calc.applies("axial load is compression (no net uplift)", True, "net uplift is outside this DG1 procedure")
    governing = max(calc.checks, key=lambda c: c.ratio)
    passed = all(c.passed for c in calc.checks) and (anchor_env is None or all(c.passed for c in anchor_env.checks))
    return {
        "moment_case": plan["moment_case"],
        "feasible": True,
        "plate_n_in": plan["n_in"],
        "plate_b_in": plan["b_in"],
        "bearing_length_in": plan["y_in"],
        "max_bearing_stress_ksi": plan["fp_ksi"],
        "available_bearing_stress_ksi": plan["fp_max_ksi"],
        "anchor_tension_total_kip": plan["t_kip"],
        "anchor_tension_per_rod_kip": t_rod,
        "rod_diameter_in": rod.diameter_in,
        "rod_available_tension_kip": rod_avail,
        "required_thickness_in": plan["t_req_in"],
        "plate_thickness_in": thickness,
        **weld,
        "anchor_checks": None
        if anchor_env is None
        else {
            "ratio": anchor_env.result["ratio"],
            "governing_check": anchor_env.result["governing_check"],
            "passed": anchor_env.result["passed"],
        },
        "governing_check": governing.id,
        "ratio": governing.ratio,
        "passed": passed,
    }


SOLVER = Solver.of("connection.base_plate", VERSION, run)
