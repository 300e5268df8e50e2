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

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.asce7.signs import (
    aspect_ratio,
    case_b_eccentricity_ft,
    case_c_coefficients,
    case_c_column,
    case_c_high_clearance_factor,
    clearance_ratio,
    interpolate_2d,
    minimum_design_force_lb,
    opening_reduction_factor,
    resultant_height_ft,
    return_corner_factor,
    sign_design_force_lb,
)
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.asce7_wind import SolidSigns
from apex_nb.solvers.wind.common import (
    Edition,
    Exposure,
    KzMethod,
    design_block,
    flexible_input_problems,
    gust_factor_for,
    importance_for,
    importance_only_in_7_05,
    ke_for,
    kz_at,
    qz_psf,
    resolve_kz_method,
    solid_signs_block,
    wind_pack,
)

VERSION = "1.0.0"
_TOL = 1e-9


class SignInput(SolverInput):
    """Inputs of ``wind.asce7_sign``."""

    edition: Edition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: float = Field(
        ge=50, le=300, description="Basic wind speed V, 3-s gust at 33 ft, mph (strength level from 7-10 on)"
    )
    exposure: Exposure = Field(description="Exposure category B, C or D")
    sign_width_ft: float = Field(gt=0, le=1000, description="Horizontal dimension of the sign B, ft")
    sign_height_ft: float = Field(gt=0, le=500, description="Vertical dimension of the sign s, ft (s <= h)")
    top_height_ft: float = Field(gt=0, le=500, description="Height h of the top of the sign above grade, ft")
    sign_area_ft2: float | None = Field(
        default=None, gt=0, description="Gross face area As for shaped faces, ft² (default B·s; at most B·s)"
    )
    kzt: float = Field(default=1.0, ge=1.0, le=3.0, description="Topographic factor Kzt (1.0 on flat sites)")
    ground_elevation_ft: float = Field(
        default=0.0, ge=-300, le=15000, description="Ground elevation above sea level, ft (gives Ke in 7-16 and 7-22)"
    )
    importance_factor: float | None = Field(
        default=None, ge=0.77, le=1.15, description="Importance factor I (ASCE 7-05 only; default 1.0, Category II)"
    )
    solidity_ratio: float = Field(
        default=1.0, gt=0, le=1.0, description="ε = solid area / gross area of the face (1.0 without openings)"
    )
    return_corner_ft: float | None = Field(
        default=None, ge=0, le=10000, description="Horizontal length Lr of a return corner at the windward end, ft"
    )
    kz_method: KzMethod | None = Field(
        default=None,
        description="'table' or 'formula'; default: the printed table where the edition has a verified one",
    )
    natural_frequency_hz: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Fundamental frequency n1 of the sign structure, Hz, if known (rigid: >= 1; below 1 Hz the "
        "flexible gust-effect factor Gf is used)",
    )
    damping_ratio: float | None = Field(
        default=None,
        gt=0,
        le=0.2,
        description="Structural damping ratio β, fraction of critical, for Gf (default: the wind pack's policy, 0.01)",
    )
    along_wind_depth_ft: float | None = Field(
        default=None,
        ge=0,
        le=500,
        description="Along-wind depth L of the structure (sign cabinet depth), ft, for Gf (default 0: RL = 1)",
    )

    @model_validator(mode="after")
    def _geometry(self) -> SignInput:
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
        try:
            importance_only_in_7_05(self.edition, self.importance_factor)
        except InputError as exc:
            problems.extend(exc.problems)
        problems.extend(flexible_input_problems(self.natural_frequency_hz))
        if problems:
            raise InputError(problems)
        return self


def _case_c_columns(signs: SolidSigns) -> list[Any]:
    columns = []
    for block in signs.case_c_blocks:
        for j, b_over_s in enumerate(block.b_over_s):
            regions = [(r.from_s, r.to_s, r.cf[j], r.return_corner[j]) for r in block.regions]
            columns.append(case_c_column(b_over_s, regions))
    return columns


def run(inputs: SignInput, calc: Calc) -> dict[str, Any]:
    """Cases A, B and C of the solid-sign figure at the edition's design level."""
    pack = wind_pack(calc, inputs.edition)
    design = design_block(pack)
    signs = solid_signs_block(pack)
    clauses = pack.clauses
    calc.note("edition", inputs.edition, description="ASCE 7 edition in force")
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
    ke = ke_for(calc, pack, inputs.ground_elevation_ft)
    importance = importance_for(calc, pack, inputs.importance_factor)
    qh = qz_psf(
        calc,
        pack,
        kz=kz,
        kzt=kzt,
        kd=kd,
        ke=ke,
        wind_speed_mph=inputs.wind_speed_mph,
        importance_factor=importance,
        symbol="qh",
    )
    kd_in_qz = pack.velocity_pressure.kd_in_qz
    kd_force = 1.0 if kd_in_qz else kd
    calc.note(
        "Kd applied in",
        "qz" if kd_in_qz else "force",
        description="Kd appears once: in qh through 7-16, in the force equation in 7-22",
        clause=clauses["sign_force"] if not kd_in_qz else clauses["velocity_pressure"],
    )
    gust = gust_factor_for(
        calc,
        pack,
        exposure=inputs.exposure,
        wind_speed_mph=inputs.wind_speed_mph,
        natural_frequency_hz=inputs.natural_frequency_hz,
        height_ft=inputs.top_height_ft,
        width_ft=inputs.sign_width_ft,
        along_wind_depth_ft=inputs.along_wind_depth_ft,
        damping_ratio=inputs.damping_ratio,
        subject="structure",
    )
    g = gust.value

    s_h = calc.value("s/h", clearance_ratio(s, h), description="clearance ratio", clause=clauses["sign_cf"])
    b_s = calc.value("B/s", aspect_ratio(b, s), description="aspect ratio", clause=clauses["sign_cf"])
    gross = b * s
    area = inputs.sign_area_ft2 if inputs.sign_area_ft2 is not None else gross
    area = calc.value(
        "As",
        area,
        unit="ft²",
        description="gross area of the sign face" + (" (input)" if inputs.sign_area_ft2 else ""),
        formula="" if inputs.sign_area_ft2 else "B s",
        clause=clauses["sign_force"],
    )
    table = signs.case_ab
    cf_table = calc.value(
        "Cf,A/B table",
        interpolate_2d(s_h, b_s, table.row_values, table.column_values, table.cells),
        description="force coefficient, Cases A and B, from the figure",
        formula="bilinear interpolation in s/h and B/s",
        clause=clauses["sign_cf"],
    )
    eps = inputs.solidity_ratio
    opening = 1.0
    if eps < 1.0:
        opening = calc.value(
            "openings factor",
            opening_reduction_factor(eps, signs.opening_exponent),
            description=f"reduction for openings, ε = {eps:g}",
            formula=f"1 - (1 - ε)^{signs.opening_exponent:g}",
            clause=clauses["openings"],
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

    force_formula = "qh " + ("" if kd_in_qz else "Kd ") + "G Cf As"
    force_a = calc.value(
        "F,A",
        sign_design_force_lb(qh, g, cf_a, area, kd_force),
        unit="lb",
        description=f"design wind force, Case A ({design.level} level)",
        formula=force_formula,
        clause=clauses["sign_force"],
    )
    f_min = calc.value(
        "F,min",
        minimum_design_force_lb(design.minimum_pressure_psf, area),
        unit="lb",
        description=f"minimum design wind force ({design.minimum_pressure_psf:g} psf on As)",
        formula=f"{design.minimum_pressure_psf:g} As",
        clause=clauses["minimum"],
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
    force_a_asd = calc.value(
        "F,A,ASD",
        force_a * asd,
        unit="lb",
        description="Case A force at ASD level",
        formula=f"{asd:g} F,A",
        clause=clauses["asd"],
    )
    wall = math.isclose(s, h, rel_tol=1e-9)
    raise_ratio = signs.wall_resultant_raise_ratio if wall else 0.0
    y = calc.value(
        "y",
        resultant_height_ft(h, s, raise_ratio),
        unit="ft",
        description="height of the resultant above grade" + (" (s/h = 1: 0.05 s above centre)" if wall else ""),
        formula="h - s/2" + (f" + {raise_ratio:g} s" if wall else ""),
        clause=clauses["case_c"],
    )
    moment = calc.value(
        "M", force_a * y, unit="lb·ft", description="overturning moment at grade, Cases A/B", formula="F,A y"
    )
    e_b = calc.value(
        "e,B",
        case_b_eccentricity_ft(b, signs.case_b_eccentricity_ratio),
        unit="ft",
        description="Case B offset of the resultant toward the windward edge",
        formula=f"{signs.case_b_eccentricity_ratio:g} B",
        clause=clauses["case_c"],
    )
    torsion_b = calc.value("T,B", force_a * e_b, unit="lb·ft", description="torsion, Case B", formula="F,A e,B")

    case_c = _case_c(
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


def _case_c(
    calc: Calc,
    inputs: SignInput,
    signs: SolidSigns,
    clauses: dict[str, str],
    *,
    qh: float,
    g: float,
    kd_force: float,
    opening: float,
    s_h: float,
    b_s: float,
    area: float,
    gross: float,
    f_min: float,
    asd: float,
) -> dict[str, Any]:
    """Case C regions (B/s >= 2): Cf per region, pressures, forces, resultant and torsion."""
    applies = b_s >= signs.case_c_min_b_over_s - _TOL
    calc.note(
        "Case C",
        applies,
        description=f"Case C required when B/s >= {signs.case_c_min_b_over_s:g}",
        clause=clauses["case_c"],
    )
    empty: dict[str, Any] = {
        "applies": applies,
        "regions": [],
        "force": None,
        "x_resultant": None,
        "torsion": None,
        "rc_factor": None,
        "hc_factor": None,
    }
    if not applies:
        if inputs.return_corner_ft:
            calc.warn("return_corner_ft has no effect: Case C does not apply (B/s < 2)")
        return empty
    b, s = inputs.sign_width_ft, inputs.sign_height_ft
    lr = inputs.return_corner_ft or 0.0
    rc_factor = 1.0
    if lr > 0:
        rc = signs.return_corner
        rc_factor = calc.value(
            "return corner factor",
            return_corner_factor(lr / s, rc.lr_over_s, rc.factor),
            description=f"reduction of starred Case C values, Lr/s = {lr / s:.3g}",
            formula="interpolated in Lr/s (0 -> 1.00, 0.3 -> 0.90, 1.0 -> 0.75, >= 2 -> 0.60)",
            clause=clauses["return_corner"],
        )
        calc.assume(
            "Return-corner factor between Lr/s = 0 and 0.3 interpolated from 1.00; between two B/s columns "
            "the starred values are reduced before interpolating",
            clauses["return_corner"],
        )
    hc = case_c_high_clearance_factor(s_h, signs.high_clearance_s_over_h, signs.high_clearance_constant)
    hc = calc.value(
        "(1.8 - s/h)" if s_h > signs.high_clearance_s_over_h else "Case C clearance factor",
        hc,
        description=f"Case C reduction when s/h > {signs.high_clearance_s_over_h:g}",
        formula=f"{signs.high_clearance_constant:g} - s/h" if s_h > signs.high_clearance_s_over_h else "1.0",
        clause=clauses["case_c"],
    )
    if b_s > max(col for block in signs.case_c_blocks for col in block.b_over_s):
        calc.note("Case C columns", "B/s beyond the last column: its values hold", description="Case C table range")
    regions_cf = case_c_coefficients(b_s, s, _case_c_columns(signs), rc_factor)
    calc.assume(
        "Case C between two B/s columns: a region absent from the lower column takes that column's trailing value",
        clauses["case_c"],
    )
    scale = area / gross
    if scale < 1.0 - _TOL:
        calc.assume("Shaped face: region areas are the rectangle strips scaled by As / (B s)", clauses["sign_force"])
    regions: list[dict[str, float]] = []
    total = 0.0
    first_moment = 0.0
    for i, r in enumerate(regions_cf, start=1):
        cf = calc.value(
            f"Cf,C{i}",
            r.cf * opening * hc,
            description=f"Case C, {r.from_ft:g} to {r.to_ft:g} ft from the windward edge",
            formula="Cf,table x openings x clearance factor",
            clause=clauses["case_c"],
        )
        pressure = sign_design_force_lb(qh, g, cf, 1.0, kd_force)
        strip = (r.to_ft - r.from_ft) * s * scale
        force = pressure * strip
        total += force
        first_moment += force * 0.5 * (r.from_ft + r.to_ft)
        regions.append(
            {
                "from_ft": r.from_ft,
                "to_ft": r.to_ft,
                "cf": cf,
                "pressure_psf": pressure,
                "area_ft2": strip,
                "force_lb": force,
            }
        )
    if total < f_min:
        calc.note(
            "Case C below minimum",
            True,
            description="Case C total is below the minimum force; the minimum is its own load case (enveloped by A/B)",
            clause=clauses["minimum"],
        )
    total = calc.value(
        "F,C", total, unit="lb", description="Case C total force", formula="Σ Fi", clause=clauses["case_c"]
    )
    calc.value("F,C,ASD", total * asd, unit="lb", description="Case C total force at ASD level", clause=clauses["asd"])
    x_r = calc.value(
        "x,C",
        first_moment / total,
        unit="ft",
        description="Case C resultant from the windward edge",
        formula="Σ Fi xi / Σ Fi",
    )
    torsion = calc.value(
        "T,C",
        total * (0.5 * b - x_r),
        unit="lb·ft",
        description="torsion about the sign centre, Case C",
        formula="F,C (B/2 - x,C)",
    )
    return {
        "applies": True,
        "regions": regions,
        "force": total,
        "x_resultant": x_r,
        "torsion": torsion,
        "rc_factor": rc_factor,
        "hc_factor": hc,
    }


SOLVER = Solver(
    name="wind.asce7_sign",
    version=VERSION,
    input_model=SignInput,
    run=run,
    summary="ASCE 7 wind on a solid freestanding sign: Cases A, B (torsion) and C, any edition 7-05 to 7-22",
)
