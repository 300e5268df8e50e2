"""Solver ``connection.anchor_rods``: cast-in headed anchor rods per ACI 318-19 Chapter 17.

Plan geometry: a rectangular grid of ``rods_x`` x ``rods_y`` rods. x is the direction of the
shear (toward the edge at ``edge_x_pos_in``) and of the moment that puts ``tension_rows`` rows
at one x end in tension; both ends are checked and the weaker governs. Demands are factored
(strength level): Chapter 17 has no ASD. Rod diameter is chosen from the schedule when omitted:
the smallest standard diameter that passes every check (ascending, deterministic).
The inputs live in ``anchor_rods_input``, the concrete limit states in ``anchor_concrete``.
"""

from __future__ import annotations

from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.equations.aci318 import anchors as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.connections import Aci318AnchorsPack, RodSize
from apex_nb.solvers.connection.anchor_concrete import (
    ConcreteSide,
    anchor_reinforcement,
    breakout_shear,
    breakout_tension,
    side_face,
)
from apex_nb.solvers.connection.anchor_rods_input import (
    SHEAR_CRACKING,
    AnchorRodsInput,
    Concrete,
    EdgeReinforcement,
    ShearCrackingKey,
)
from apex_nb.solvers.connection.common import anchors_pack, grade, rod_size, schedule_pack
from apex_nb.solvers.strength import Phi, Required, strength

__all__ = [
    "SHEAR_CRACKING",
    "SOLVER",
    "VERSION",
    "AnchorRodsInput",
    "Concrete",
    "EdgeReinforcement",
    "ShearCrackingKey",
    "evaluate",
    "run",
]

VERSION = "1.1.0"


def _design(
    calc: Calc,
    pack: Aci318AnchorsPack,
    symbol: str,
    nominal: float,
    phi: float,
    results: dict[str, Any],
    ratios: dict[str, float],
    recorded: tuple[str, str, str] | None,
    description: str,
    check: Required | None,
) -> float:
    """One Chapter 17 strength: Rn (recorded when ``recorded`` = (description, formula, clause)), φRn, the check.

    Keeps ``<rn>_kip`` and ``phi_<rn>_kip`` in ``results`` and the check's ratio in ``ratios``; returns φRn.
    """
    what, text, clause = recorded if recorded is not None else (None, "", "")
    s = strength(
        calc, symbol, nominal, Phi(phi, pack.clauses["phi"]), method="strength", unit="kip",
        nominal_description=what, nominal_formula=text, nominal_clause=clause, description=description, check=check,
    )  # fmt: skip
    key = symbol.lower()
    results.update({f"{key}_kip": s.nominal, f"phi_{key}_kip": s.available})
    if check is not None:
        ratios[check.check_id.removeprefix("anchor.")] = s.ratio
    return s.available


def evaluate(inputs: AnchorRodsInput, calc: Calc, rod: RodSize) -> dict[str, Any]:
    """Every Chapter 17 check for one rod size; records into ``calc`` and returns the results."""
    pack = anchors_pack(calc)
    phi = pack.phi
    material = grade(calc, "rod_grade", inputs.rod_grade, ("anchor_rod",))
    ductile = material.id in pack.ductile_grades
    calc.note("rod", f"{rod.label} in. {material.specification}", description="anchor rod size and grade")
    da = calc.value("da", rod.diameter_in, unit="in", description="rod diameter", clause="anchor-rod-schedule")
    ase = calc.value(
        "Ase", rod.tensile_stress_area_in2, unit="in²", description="effective (tensile stress) area",
        formula=formula_of(eq.tensile_stress_area_in2), clause="ASME B1.1",
    )  # fmt: skip
    abrg = calc.value(
        "Abrg", rod.bearing_area_heavy_hex_in2, unit="in²", description="net bearing area of the heavy hex head or nut",
        formula=formula_of(eq.heavy_hex_bearing_area_in2), clause="ASME B18.2.2",
    )  # fmt: skip
    fya = material.fy_ksi or 0.0
    futa = calc.apply(
        "futa",
        eq.futa_used_ksi,
        material.fu_ksi,
        fya,
        pack.steel.futa_max_over_fya,
        pack.steel.futa_cap_ksi,
        unit="ksi",
        description="specified tensile strength used (capped)",
        clause=pack.clauses["steel_tension"],
    )
    lam = pack.lambda_concrete[inputs.concrete]
    lambda_a = calc.value(
        "λa",
        pack.lambda_a_over_lambda_cast_in * lam,
        description="lightweight modification factor, cast-in concrete failure",
        clause=pack.clauses["lambda_a"],
    )
    phi_conc = (
        phi.concrete_cast_in_condition_a if inputs.supplementary_reinforcement else phi.concrete_cast_in_condition_b
    )
    condition = "A" if inputs.supplementary_reinforcement else "B"
    calc.assume(
        f"Condition {condition} for concrete breakout and side-face blowout (φ = {phi_conc:g})", pack.clauses["phi"]
    )
    concrete = ConcreteSide(calc, pack, inputs, lambda_a, phi_conc)
    n_rod = inputs.tension_per_rod_kip
    rows = inputs.tension_rows or inputs.rods_x
    ratios_t: dict[str, float] = {}
    ratios_v: dict[str, float] = {}
    results: dict[str, Any] = {}

    # --- tension: steel (§17.6.1)
    phi_st = phi.steel_tension_ductile if ductile else phi.steel_tension_brittle
    _design(
        calc, pack, "Nsa", eq.steel_tension_kip(ase, futa), phi_st, results, ratios_t,
        ("steel strength in tension, one rod", formula_of(eq.steel_tension_kip), pack.clauses["steel_tension"]),
        "design steel strength in tension",
        Required("anchor.steel_tension", "Rod steel in tension", n_rod, pack.clauses["steel_tension"]),
    )  # fmt: skip

    # --- tension: concrete breakout of the tension group, both x ends (§17.6.2)
    if n_rod > 0:
        groups = [breakout_tension(concrete, rows, end, f"[{end}]") for end in ("x_neg", "x_pos")]
        ncbg, n_tension = min(groups, key=lambda g: g[0])
        plain = inputs.anchor_reinforcement_in2 is None
        phi_ncbg = _design(
            calc, pack, "Ncbg", ncbg, phi_conc, results, ratios_t, None,
            "design breakout strength of the weaker tension group",
            Required(
                "anchor.breakout_tension", f"Concrete breakout in tension ({n_tension:g} rods at {n_rod:g} kip)",
                n_rod * n_tension, pack.clauses["breakout_tension"],
            ) if plain else None,
        )  # fmt: skip
        if not plain:
            ratios_t["breakout_tension"] = anchor_reinforcement(concrete, n_rod * n_tension, phi_ncbg)
        calc.assume(
            "Every tension rod carries the most stressed rod's tension (ψec,N = 1.0, conservative)",
            pack.clauses["breakout_tension"],
        )

        # --- pullout (§17.6.3)
        pc = pack.pullout
        psi_cp = pc.psi_c_p_cracked if inputs.cracked else pc.psi_c_p_uncracked
        npn = eq.pullout_kip(abrg, inputs.fc_psi, psi_cp, pc.bearing_coefficient)
        npn_text = formula_of(eq.pullout_kip, psi_cp=psi_cp)
        _design(
            calc, pack, "Npn", npn, phi.pullout_cast_in, results, ratios_t,
            ("pullout strength of one headed rod", npn_text, pack.clauses["pullout"]), "design pullout strength",
            Required("anchor.pullout", "Pullout of one rod", n_rod, pack.clauses["pullout"]),
        )  # fmt: skip

        # --- side-face blowout (§17.6.4)
        results["phi_nsb_kip"] = side_face(concrete, rows, abrg, n_rod, ratios_t)

    # --- shear: steel (§17.7.1)
    v = inputs.shear_kip
    if v > 0:
        n_shear = inputs.rods_y if inputs.shear_rods == "front_row" else inputs.rods_x * inputs.rods_y
        grout = pack.steel.grout_pad_factor if inputs.grout_pad else 1.0
        phi_sv = phi.steel_shear_ductile if ductile else phi.steel_shear_brittle
        vsa_what = "steel strength in shear, one rod" + (" on a grout pad" if inputs.grout_pad else "")
        _design(
            calc, pack, "Vsa", eq.steel_shear_kip(ase, futa, pack.steel.shear_factor_cast_in, grout), phi_sv, results,
            ratios_v, (vsa_what, formula_of(eq.steel_shear_kip, grout=grout), pack.clauses["steel_shear"]),
            "design steel strength in shear",
            Required(
                "anchor.steel_shear", f"Rod steel in shear ({n_shear} rods share {v:g} kip)", v / n_shear,
                pack.clauses["steel_shear"],
            ),
        )  # fmt: skip
        calc.assume(
            "Shear taken by the front row only (oversized base plate holes)"
            if inputs.shear_rods == "front_row"
            else "Shear shared by all rods (welded plate washers)",
            pack.clauses["breakout_shear"],
        )
        results["phi_vcbg_kip"] = breakout_shear(concrete, da, v, ratios_v)

        # --- pryout (§17.7.3): breakout in tension of the whole group
        ncp, _ = breakout_tension(concrete, inputs.rods_x, "x_neg", "[all]")
        pr = pack.pryout
        _design(
            calc, pack, "Vcpg", eq.pryout_lb(ncp, inputs.hef_in, pr.kcp_shallow, pr.kcp_deep, pr.hef_split_in),
            phi.pryout_cast_in, results, ratios_v,
            ("pryout strength of the group", formula_of(eq.pryout_lb), pack.clauses["pryout"]),
            "design pryout strength",
            Required("anchor.pryout", "Concrete pryout of the group", v, pack.clauses["pryout"]),
        )  # fmt: skip

    # --- interaction (§17.8)
    t_ratio = max(ratios_t.values(), default=0.0) if n_rod > 0 else 0.0
    v_ratio = max(ratios_v.values(), default=0.0)
    inter, branch = eq.interaction_demand(t_ratio, v_ratio, pack.interaction.small_ratio)
    limit = pack.interaction.sum_limit if branch == "sum" else 1.0
    calc.check(
        "anchor.interaction",
        f"Tension-shear interaction ({branch.replace('_', ' ')})",
        demand=inter,
        capacity=limit,
        unit="",
        clause=pack.clauses["interaction"],
    )
    _detailing(calc, pack, inputs, da)
    results.update(tension_ratio=t_ratio, shear_ratio=v_ratio, interaction=inter, interaction_branch=branch)
    return results


def _detailing(calc: Calc, pack: Aci318AnchorsPack, inputs: AnchorRodsInput, da: float) -> None:
    """Spacing and edge distance rules of §17.9.2 as applicability rules."""
    det = pack.detailing
    factor = det.min_spacing_torqued_diameters if inputs.torqued else det.min_spacing_untorqued_diameters
    spacings = [
        s
        for s, n in ((inputs.spacing_x_in, inputs.rods_x), (inputs.spacing_y_in, inputs.rods_y))
        if s is not None and n > 1
    ]
    if spacings:
        calc.applies(
            f"rod spacing >= {factor:g} da",
            min(spacings) >= factor * da,
            f"min spacing {min(spacings):g} in., {factor:g} da = {factor * da:g} in.",
            penalty=0.2,
        )
    edges = [
        c
        for c in (inputs.edge_x_neg_in, inputs.edge_x_pos_in, inputs.edge_y_neg_in, inputs.edge_y_pos_in)
        if c is not None
    ]
    if inputs.torqued and edges:
        need = det.min_edge_torqued_diameters * da
        calc.applies(
            f"edge distance >= {det.min_edge_torqued_diameters:g} da (torqued)",
            min(edges) >= need,
            f"min edge {min(edges):g} in.",
            penalty=0.2,
        )
    calc.applies(
        "static or wind loads (no seismic §17.10 provisions applied)", True, "seismic anchor design is out of scope"
    )


def _passes(inputs: AnchorRodsInput, calc: Calc, rod: RodSize) -> bool:
    trial = calc.scratch()
    evaluate(inputs, trial, rod)
    return all(c.passed for c in trial.checks)


def run(inputs: AnchorRodsInput, calc: Calc) -> dict[str, Any]:
    """Cast-in headed rods, ACI 318-19 Ch. 17: steel, breakout, pullout, side-face, shear, pryout, interaction

    Check (or choose) the rods and return every Chapter 17 strength with the governing ratio.
    """
    schedule = schedule_pack(calc)
    pack = anchors_pack(calc)
    if inputs.rod_diameter_in is not None:
        rod = rod_size(schedule, "rod_diameter_in", inputs.rod_diameter_in)
        chosen_by = "input"
    else:
        rod = next((r for r in schedule.rods if _passes(inputs, calc, r)), schedule.rods[-1])
        chosen_by = "auto"
        calc.note(
            "rod_selection",
            f"smallest passing of {', '.join(r.label for r in schedule.rods)}",
            description="rod diameter chosen from the schedule (ascending)",
            clause="anchor-rod-schedule",
        )
    results = evaluate(inputs, calc, rod)
    if chosen_by == "auto" and not all(c.passed for c in calc.checks):
        calc.warn("no standard rod diameter passes every check; the largest is reported with its failing checks")
    governing = max(calc.checks, key=lambda c: c.ratio)
    calc.note("edition", pack.edition, description="ACI 318 edition", clause=pack.clauses["phi"])
    return {
        "rod_diameter_in": rod.diameter_in,
        "rod_label": rod.label,
        "rod_grade": inputs.rod_grade,
        "rod_chosen_by": chosen_by,
        "ase_in2": rod.tensile_stress_area_in2,
        "abrg_in2": rod.bearing_area_heavy_hex_in2,
        **results,
        "governing_check": governing.id,
        "ratio": governing.ratio,
        "passed": all(c.passed for c in calc.checks),
    }


SOLVER = Solver.of("connection.anchor_rods", VERSION, run)
