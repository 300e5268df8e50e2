"""Solver ``member.check``: AISC 360-16/360-22 checks of one post (flexure, shear, torsion,
compression and their interaction, ASD or LRFD) for pipe, round HSS, rectangular HSS and W shapes.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from apex_nb.calc import Calc, Solver
from apex_nb.errors import FieldProblem, InputError
from apex_nb.solvers.member.common import (
    AiscEdition,
    BendingAxis,
    DesignMethod,
    SectionChoice,
    check_bending_axis,
    factors_for,
    resolve_section,
)
from apex_nb.solvers.member.core import Demand, NotApplicable, Options, evaluate

VERSION = "1.0.0"


class MemberCheckInput(SectionChoice):
    """Inputs of ``member.check`` (required strengths from the ASD or LRFD combinations)."""

    edition: AiscEdition = Field(description="AISC 360 edition: '360-16' or '360-22'")
    design_method: DesignMethod = Field(description="'ASD' (Rn/Ω vs ASD demands) or 'LRFD' (φRn vs LRFD demands)")
    moment_kip_ft: float = Field(
        ge=0, le=1.0e5, description="Required flexural strength Mr about the bending axis, kip-ft"
    )
    shear_kip: float = Field(default=0.0, ge=0, le=1.0e4, description="Required shear strength Vr, kip")
    torsion_kip_ft: float = Field(
        default=0.0, ge=0, le=1.0e5, description="Required torsional strength Tr, kip-ft (HSS only)"
    )
    axial_kip: float = Field(default=0.0, ge=0, le=1.0e5, description="Required axial compressive strength Pr, kip")
    length_ft: float = Field(
        gt=0, le=200, description="Member (post) length L: unbraced length for buckling, Lv for G5, ft"
    )
    k_factor: float | None = Field(
        default=None, gt=0, le=5, description="Effective length factor K (default 2.1, fixed-free cantilever)"
    )
    cb: float | None = Field(
        default=None, ge=1.0, le=3.0, description="LTB modification factor Cb (default 1.0, unbraced cantilever)"
    )
    bending_axis: BendingAxis = Field(
        default="major", description="'major' (about x, depth Ht or d in the plane of bending) or 'minor' (HSS only)"
    )


def run(inputs: MemberCheckInput, calc: Calc) -> dict[str, Any]:
    """Resolve the section and grade, then run every applicable check and report the governing one."""
    factors, pack = factors_for(calc, inputs.edition)
    calc.note("edition", f"AISC {inputs.edition}", description=factors.title)
    calc.note("design_method", inputs.design_method, description="ASD: Rn/Ω; LRFD: φRn", clause=factors.clauses["b4_1"])
    section, material = resolve_section(calc, inputs)
    k = inputs.k_factor if inputs.k_factor is not None else pack.cantilever.k_factor
    cb = inputs.cb if inputs.cb is not None else pack.cantilever.cb
    calc.value(
        "K",
        k,
        description="effective length factor",
        clause=pack.cantilever.k_factor_clause if inputs.k_factor is None else "given (k_factor input)",
    )
    calc.value(
        "Cb",
        cb,
        description="lateral-torsional buckling modification factor",
        clause=pack.cantilever.cb_clause if inputs.cb is None else "given (cb input)",
    )
    if inputs.k_factor is None:
        calc.assume(f"Post fixed at the base and free at the top: K = {k:g}", pack.cantilever.k_factor_clause)
    if inputs.cb is None and section.shape != "round":
        calc.assume(f"Cb = {cb:g} for a cantilever unbraced at its tip", pack.cantilever.cb_clause)
    check_bending_axis(section, inputs.bending_axis)
    demand = Demand(inputs.moment_kip_ft, inputs.shear_kip, inputs.torsion_kip_ft, inputs.axial_kip)
    options = Options(inputs.edition, inputs.design_method, inputs.length_ft, k, cb, inputs.bending_axis)
    try:
        checked = evaluate(calc, section, material.fy_ksi, material.e_ksi, factors, demand, options)
    except NotApplicable as exc:
        field = "torsion_kip_ft" if "torsion" in str(exc) else ("custom" if section.is_custom else "section")
        raise InputError(
            [FieldProblem(field, str(exc), "a section and load within AISC 360 §F2, F7, F8, H3")]
        ) from None
    return {
        "section": section.label,
        "family": section.family,
        "weight_lb_per_ft": section.weight_lb_per_ft,
        "dimensions": section.dimensions(),
        "section_source": section.source(),
        "grade": material.grade.id,
        "fy_ksi": material.fy_ksi,
        "edition": inputs.edition,
        "design_method": inputs.design_method,
        **checked,
    }


SOLVER = Solver(
    name="member.check",
    version=VERSION,
    input_model=MemberCheckInput,
    run=run,
    summary="AISC 360-16/22 post check: flexure F2/F7/F8, shear G2/G4/G5, torsion H3, axial E3/E7, H1/H3 interaction",
)
