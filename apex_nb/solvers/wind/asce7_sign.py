"""Solver ``wind.asce7_sign``: wind on a solid freestanding sign, ASCE 7-05/7-10/7-16/7-22.

F = qh (Kd) G Cf As with qh at the top of the sign, Cf from the solid-sign figure (Cases A, B
and C), Kd applied exactly once (inside qh through 7-16, in the force in 7-22), the minimum
design force, and the edition's design level (strength from 7-10 on, allowable in 7-05) with
the ASD-level force beside it. Case C gives per-region forces and their resultant so post
forces and torsion can be built on it.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import Field

from apex_nb.calc import Calc, Solver
from apex_nb.equations.asce7 import signs as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.errors import FieldProblem
from apex_nb.solvers.wind.case_c import case_c_forces
from apex_nb.solvers.wind.common import (
    AsceWindInput,
    design_block,
    gust_factor_for,
    kz_at,
    qz_factors,
    qz_psf,
    resolve_kz_method,
    solid_signs_block,
    wind_pack,
)
from apex_nb.types import WindHeightFt

VERSION = "1.0.0"
_TOL = 1e-9


class SignInput(AsceWindInput):
    """Inputs of ``wind.asce7_sign``: the site and gust fields of AsceWindInput, then the sign."""

    sign_width_ft: float = Field(gt=0, le=1000, description="Horizontal dimension of the sign B, ft")
    sign_height_ft: WindHeightFt = Field(description="Vertical dimension of the sign s, ft (s <= h)")
    top_height_ft: WindHeightFt = Field(description="Height h of the top of the sign above grade, ft")
    sign_area_ft2: float | None = Field(
        default=None, gt=0, description="Gross face area As for shaped faces, ft² (default B·s; at most B·s)"
    )
    solidity_ratio: float = Field(
        default=1.0, gt=0, le=1.0, description="ε = solid area / gross area of the face (1.0 without openings)"
    )
    return_corner_ft: float | None = Field(
        default=None, ge=0, le=10000, description="Horizontal length Lr of a return corner at the windward end, ft"
    )

    def own_problems(self) -> list[FieldProblem]:
        """The sign must fit below its top and inside its bounding rectangle."""
        problems: list[FieldProblem] = []
        if self.sign_height_ft > self.top_height_ft * (1 + _TOL):
            problems.append(
                FieldProblem(
                    "sign_height_ft",
                    f"sign height s = {self.sign_height_ft:g} ft exceeds the top height h = {self.top_height_ft:g} ft",
                    f"<= top_height_ft ({self.top_height_ft:g})",
                )
            )
        gross = self.sign_width_ft * self.sign_height_ft
        if self.sign_area_ft2 is not None and self.sign_area_ft2 > gross * (1 + _TOL):
            problems.append(
                FieldProblem(
                    "sign_area_ft2",
                    f"face area {self.sign_area_ft2:g} ft² exceeds the bounding rectangle B·s = {gross:g} ft²",
                    f"<= {gross:g}",
                )
            )
        return problems


def run(inputs: SignInput, calc: Calc) -> dict[str, Any]:
    """ASCE 7 wind on a solid freestanding sign: Cases A, B (torsion) and C, any edition 7-05 to 7-22

    Cases A, B and C of the solid-sign figure at the edition's design level.
    """
    pack = wind_pack(calc, inputs.edition)
    design = design_block(pack)
    signs = solid_signs_block(pack)
    clauses = pack.clauses
    calc.note(
        "design_level", design.level, description="level of the wind loads of this edition", clause=clauses["asd"]
    )

    b, s, h = inputs.sign_width_ft, inputs.sign_height_ft, inputs.top_height_ft
    method = resolve_kz_method(calc, pack, inputs.kz_method)
    kz = kz_at(calc, pack, inputs.exposure, h, method)
    kzt = calc.value("Kzt", inputs.kzt, description="topographic factor (input)", clause=clauses["kzt"])
    if inputs.kzt == 1.0:
        calc.assume("Kzt = 1.0: the site is not on an isolated hill, ridge or escarpment", clauses["kzt"])
    kd = calc.value(
        "Kd",
        pack.kd["solid_freestanding_signs"],
        description="directionality factor, solid signs",
        clause=clauses["kd"],
    )
    factors = qz_factors(calc, pack, inputs, kzt=kzt, kd=kd)
    ke, importance = factors.ke, factors.importance
    qh = qz_psf(calc, pack, kz, factors, symbol="qh")
    kd_in_qz = pack.velocity_pressure.kd_in_qz
    kd_force = 1.0 if kd_in_qz else kd
    calc.note(
        "Kd applied in",
        "qz" if kd_in_qz else "force",
        description="Kd appears once: in qh through 7-16, in the force equation in 7-22",
        clause=clauses["sign_force"] if not kd_in_qz else clauses["velocity_pressure"],
    )
    gust = gust_factor_for(
        calc, pack, inputs, height_ft=inputs.top_height_ft, width_ft=inputs.sign_width_ft, subject="structure"
    )
    g = gust.value

    s_h = calc.value("s/h", eq.clearance_ratio(s, h), description="clearance ratio", clause=clauses["sign_cf"])
    b_s = calc.value("B/s", eq.aspect_ratio(b, s), description="aspect ratio", clause=clauses["sign_cf"])
    gross = b * s
    area = inputs.sign_area_ft2 if inputs.sign_area_ft2 is not None else gross
    area = calc.value(
        "As",
        area,
        unit="ft²",
        description="gross area of the sign face" + (" (input)" if inputs.sign_area_ft2 else ""),
        formula="" if inputs.sign_area_ft2 else formula_of(eq.gross_area_ft2),
        clause=clauses["sign_force"],
    )
    table = signs.case_ab
    cf_table = calc.apply(
        "Cf,A/B table",
        eq.case_ab_cf_table,
        s_h,
        b_s,
        table.row_values,
        table.column_values,
        table.cells,
        description="force coefficient, Cases A and B, from the figure",
        clause=clauses["sign_cf"],
    )
    eps = inputs.solidity_ratio
    opening = 1.0
    if eps < 1.0:
        opening = calc.apply(
            "openings factor",
            eq.opening_reduction_factor,
            eps,
            signs.opening_exponent,
            description=f"reduction for openings, ε = {eps:g}",
            clause=clauses["openings"],
            fill={"exponent": signs.opening_exponent},
        )
    calc.applies(
        f"openings below 30 % of the gross area (ε >= {signs.solid_min_solidity:g}): a solid sign",
        eps >= signs.solid_min_solidity - _TOL,
        note="an open sign takes the open-sign figure (not implemented); the solid-sign result is only indicative",
        penalty=0.5,
    )
    cf_a = calc.value(
        "Cf,A", cf_table * opening, description="force coefficient, Cases A and B", clause=clauses["sign_cf"]
    )

    force_eq, force_args = (eq.sign_force_kd_in_qh_lb, ()) if kd_in_qz else (eq.sign_force_kd_in_force_lb, (kd,))
    force_a = calc.apply(
        "F,A",
        force_eq,
        qh,
        g,
        cf_a,
        area,
        *force_args,
        unit="lb",
        description=f"design wind force, Case A ({design.level} level)",
        clause=clauses["sign_force"],
    )
    f_min = calc.apply(
        "F,min",
        eq.minimum_design_force_lb,
        design.minimum_pressure_psf,
        area,
        unit="lb",
        description=f"minimum design wind force ({design.minimum_pressure_psf:g} psf on As)",
        clause=clauses["minimum"],
        fill={"pressure": design.minimum_pressure_psf},
    )
    minimum_applied = force_a < f_min
    if minimum_applied:
        force_a = calc.value(
            "F,A",
            f_min,
            unit="lb",
            description="design wind force, Case A (minimum governs)",
            clause=clauses["minimum"],
        )
        calc.warn(f"the minimum design wind force ({design.minimum_pressure_psf:g} psf) governs Cases A and B")
    calc.assume(
        "The minimum design wind force is a separate load case through the face centroid; Cases A and B carry "
        "max(F, minimum), Case C is left as computed",
        clauses["minimum"],
    )
    asd = design.asd_factor
    force_a_asd = calc.apply(
        "F,A,ASD",
        eq.asd_level_force_lb,
        force_a,
        asd,
        unit="lb",
        description="Case A force at ASD level",
        clause=clauses["asd"],
        fill={"asd_factor": asd},
    )
    wall = math.isclose(s, h, rel_tol=1e-9)
    raise_ratio = signs.wall_resultant_raise_ratio if wall else 0.0
    y = calc.apply(
        "y",
        eq.wall_resultant_height_ft if wall else eq.resultant_height_ft,
        h,
        s,
        raise_ratio,
        unit="ft",
        description="height of the resultant above grade" + (" (s/h = 1: 0.05 s above centre)" if wall else ""),
        clause=clauses["case_c"],
        fill={"raise_ratio": raise_ratio},
    )
    moment = calc.apply(
        "M", eq.case_a_moment_lb_ft, force_a, y, unit="lb-ft", description="overturning moment at grade, Cases A/B",
        clause="",
    )  # fmt: skip
    ratio_b = signs.case_b_eccentricity_ratio
    e_b = calc.apply(
        "e,B",
        eq.case_b_eccentricity_ft,
        b,
        ratio_b,
        unit="ft",
        description="Case B offset of the resultant toward the windward edge",
        clause=clauses["case_c"],
        fill={"ratio": ratio_b},
    )
    torsion_b = calc.apply(
        "T,B", eq.case_b_torsion_lb_ft, force_a, e_b, unit="lb-ft", description="torsion, Case B", clause=""
    )

    case_c = case_c_forces(
        calc,
        inputs,
        signs,
        clauses,
        qh=qh,
        g=g,
        kd_force=kd_force,
        opening=opening,
        s_h=s_h,
        b_s=b_s,
        area=area,
        gross=gross,
        f_min=f_min,
        asd=asd,
    )
    governing = "C" if case_c["applies"] and case_c["force"] > force_a * (1 + _TOL) else "B"
    torsion_c = case_c["torsion"] or 0.0
    governing_torsion = "C" if case_c["applies"] and abs(torsion_c) > torsion_b * (1 + _TOL) else "B"
    calc.note(
        "governing case",
        governing,
        description="largest base shear and moment (Case B has Case A's force plus torsion, so it envelopes A)",
    )
    return {
        "edition": inputs.edition,
        "design_level": design.level,
        "kz_method": method,
        "kz": kz,
        "kzt": kzt,
        "ke": ke,
        "kd": kd,
        "kd_applied_in": "qz" if kd_in_qz else "force",
        "importance_factor": importance,
        "gust_factor": g,
        "flexible": gust.flexible,
        "natural_frequency_hz": gust.natural_frequency_hz,
        "damping_ratio": gust.damping_ratio,
        "resonant_response_factor": gust.resonant_response,
        "qh_psf": qh,
        "s_over_h": s_h,
        "b_over_s": b_s,
        "sign_area_ft2": area,
        "cf_table_case_a": cf_table,
        "opening_factor": opening,
        "cf_case_a": cf_a,
        "pressure_case_a_psf": force_a / area,
        "force_case_a_lb": force_a,
        "force_case_a_asd_lb": force_a_asd,
        "asd_factor": asd,
        "minimum_force_lb": f_min,
        "minimum_force_applied": minimum_applied,
        "resultant_height_ft": y,
        "moment_at_grade_lb_ft": moment,
        "moment_at_grade_asd_lb_ft": moment * asd,
        "case_b_eccentricity_ft": e_b,
        "torsion_case_b_lb_ft": torsion_b,
        "torsion_case_b_asd_lb_ft": torsion_b * asd,
        "case_c_applies": case_c["applies"],
        "case_c_regions": case_c["regions"],
        "case_c_force_lb": case_c["force"],
        "case_c_force_asd_lb": None if case_c["force"] is None else case_c["force"] * asd,
        "case_c_resultant_from_windward_ft": case_c["x_resultant"],
        "case_c_torsion_lb_ft": case_c["torsion"],
        "case_c_moment_at_grade_lb_ft": None if case_c["force"] is None else case_c["force"] * y,
        "return_corner_factor": case_c["rc_factor"],
        "case_c_clearance_factor": case_c["hc_factor"],
        "governing_case": governing,
        "governing_torsion_case": governing_torsion,
        "clause": clauses["sign_force"],
        "cf_clause": clauses["sign_cf"],
    }


SOLVER = Solver.of("wind.asce7_sign", VERSION, run)
