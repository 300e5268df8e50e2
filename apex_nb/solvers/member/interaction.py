"""Combined forces of one section: AISC 360 §H1.1 (axial and flexure) and §H3.2 (with torsion)."""

from __future__ import annotations

from typing import Any

from apex_nb.equations.aisc360 import combined
from apex_nb.equations.aisc360 import torsion as eq_h3
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.solvers.member.base import Demand, Recorder
from apex_nb.solvers.strength import Strength


def interaction(
    rec: Recorder,
    f: EditionFactors,
    demand: Demand,
    mr: float,
    m_av: Strength,
    v_av: Strength,
    t_av: Strength | None,
    p_av: Strength | None,
) -> Any:
    """The H3-6 check when torsion is not negligible, else H1-1 with axial force; None without either."""
    pr_pc = demand.axial_kip / p_av.available if p_av else 0.0
    mr_mc = mr / m_av.available
    neglect = f.values["h3_torsion_neglect"]
    if t_av is not None and demand.torsion_kip_ft * 12.0 > neglect.value * t_av.available:
        value = eq_h3.h3_interaction(
            pr_pc,
            1.0,
            mr_mc,
            1.0,
            demand.shear_kip / v_av.available,
            1.0,
            demand.torsion_kip_ft * 12.0 / t_av.available,
            1.0,
        )
        value = rec.value(
            "H3-6",
            value,
            description="combined torsion, shear, flexure and axial force",
            formula=formula_of(eq_h3.h3_interaction),
            clause=f.clauses["h3_2"],
        )
        return rec.check(
            "interaction_h3",
            "combined forces with torsion (H3-6) ≤ 1.0",
            demand=value,
            capacity=1.0,
            unit="-",
            clause=f.clauses["h3_2"],
        )
    if p_av is not None:
        if t_av is not None:
            rec.note(
                "torsion_neglected",
                True,
                description=f"Tr ≤ {neglect.value:g} Tc: torsion neglected in the interaction",
                clause=neglect.clause,
            )
        switch = f.values["h1_axial_switch"].value
        value = rec.value(
            "H1-1",
            combined.h1_interaction(pr_pc, 1.0, mr_mc, 1.0, switch=switch),
            description="axial force and flexure interaction",
            formula=formula_of(combined.h1_interaction),
            clause=f.clauses["h1"],
        )
        return rec.check(
            "interaction_h1",
            "axial force and flexure (H1-1) ≤ 1.0",
            demand=value,
            capacity=1.0,
            unit="-",
            clause=f.clauses["h1"],
        )
    return None
