"""Solver ``member.check``: AISC 360-16/360-22 checks of one post (flexure, shear, torsion,
compression and their interaction, ASD or LRFD) for pipe, round HSS, rectangular HSS and W shapes.
"""

from __future__ import annotations

from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.errors import FieldProblem, InputError
from apex_nb.solvers.member.common import (
    MemberDemand,
    SectionChoice,
    check_bending_axis,
    factors_for,
    resolve_section,
)
from apex_nb.solvers.member.core import NotApplicable, evaluate

VERSION = "1.0.0"


class MemberCheckInput(MemberDemand, SectionChoice):
    """Inputs of ``member.check``: one section and grade, required strengths from the ASD or LRFD combinations."""


def run(inputs: MemberCheckInput, calc: Calc) -> dict[str, Any]:
    """AISC 360-16/22 post check: flexure F2/F7/F8, shear G2/G4/G5, torsion H3, axial E3/E7, H1/H3 interaction

    Resolve the section and grade, then run every applicable check and report the governing one.
    """
    factors, pack = factors_for(calc, inputs.edition)
    calc.note("edition", f"AISC {inputs.edition}", description=factors.title)
    calc.note("design_method", inputs.design_method, description="ASD: Rn/Ω; LRFD: φRn", clause=factors.clauses["b4_1"])
    section, material = resolve_section(calc, inputs)
    options = inputs.options(pack.cantilever)
    k, cb = options.k_factor, options.cb
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
    try:
        checked = evaluate(calc, section, material.fy_ksi, material.e_ksi, factors, inputs.demand(), options)
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


SOLVER = Solver.of("member.check", VERSION, run)
