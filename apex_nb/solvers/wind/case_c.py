"""Case C of the ASCE 7 solid-sign figure for ``wind.asce7_sign``: region Cf, forces, resultant and torsion.

Case C applies when B/s >= 2: the sign is cut into regions measured from the windward edge in
multiples of s, each with its own Cf (return-corner and high-clearance factors applied); the
regions' forces give the total, its position from the windward edge and the torsion about the
sign's centre.
"""

from __future__ import annotations

from typing import Any, Protocol

from apex_nb.calc import Calc
from apex_nb.equations.asce7 import signs as eq
from apex_nb.equations.asce7.signs import case_c_coefficients, case_c_column
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.asce7_wind import SolidSigns


class SignFace(Protocol):
    """What Case C reads of the sign inputs (``asce7_sign.SignInput`` has it; no import back up)."""

    sign_width_ft: float
    sign_height_ft: float
    return_corner_ft: float | None


_TOL = 1e-9


def _case_c_columns(signs: SolidSigns) -> list[Any]:
    columns = []
    for block in signs.case_c_blocks:
        for j, b_over_s in enumerate(block.b_over_s):
            regions = [(r.from_s, r.to_s, r.cf[j], r.return_corner[j]) for r in block.regions]
            columns.append(case_c_column(b_over_s, regions))
    return columns


def case_c_forces(
    calc: Calc,
    inputs: SignFace,
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
        rc_factor = calc.apply(
            "return corner factor",
            eq.return_corner_factor,
            lr / s,
            rc.lr_over_s,
            rc.factor,
            description=f"reduction of starred Case C values, Lr/s = {lr / s:.3g}",
            clause=clauses["return_corner"],
        )
        calc.assume(
            "Return-corner factor between Lr/s = 0 and 0.3 interpolated from 1.00; between two B/s columns "
            "the starred values are reduced before interpolating",
            clauses["return_corner"],
        )
    high = s_h > signs.high_clearance_s_over_h
    hc_value = eq.case_c_high_clearance_factor(s_h, signs.high_clearance_s_over_h, signs.high_clearance_constant)
    hc = calc.value(
        "(1.8 - s/h)" if high else "Case C clearance factor",
        hc_value,
        description=f"Case C reduction when s/h > {signs.high_clearance_s_over_h:g}",
        formula=formula_of(eq.case_c_high_clearance_factor, constant=signs.high_clearance_constant)
        if high
        else formula_of(eq.case_c_no_clearance_reduction),
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
        cf = calc.apply(
            f"Cf,C{i}",
            eq.case_c_region_cf,
            r.cf,
            opening,
            hc,
            description=f"Case C, {r.from_ft:g} to {r.to_ft:g} ft from the windward edge",
            clause=clauses["case_c"],
        )
        pressure = eq.sign_design_force_lb(qh, g, cf, 1.0, kd_force)
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
        "F,C", total, unit="lb", description="Case C total force", formula=formula_of(eq.total_force_lb),
        clause=clauses["case_c"],
    )  # fmt: skip
    calc.value("F,C,ASD", total * asd, unit="lb", description="Case C total force at ASD level", clause=clauses["asd"])
    x_r = calc.value(
        "x,C",
        first_moment / total,
        unit="ft",
        description="Case C resultant from the windward edge",
        formula=formula_of(eq.case_c_resultant_ft),
    )
    torsion = calc.apply(
        "T,C",
        eq.case_c_torsion_lb_ft,
        total,
        b,
        x_r,
        unit="lb-ft",
        description="torsion about the sign centre, Case C",
        clause="",
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
