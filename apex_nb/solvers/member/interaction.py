"""Combined forces of one section: AISC 360 §H1.1 (axial and flexure) and §H3.2 (with torsion)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apex_nb.equations.aisc360 import combined
from apex_nb.equations.aisc360 import torsion as eq_h3
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.solvers.member.base import Demand, Recorder
from apex_nb.solvers.strength import Strength
from apex_nb.units import IN_PER_FT


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
    if t_av is not None and demand.torsion_kip_ft * IN_PER_FT > neglect.value * t_av.available:
        value = eq_h3.h3_interaction(
            pr_pc,
            1.0,
            mr_mc,
            1.0,
            demand.shear_kip / v_av.available,
            1.0,
            demand.torsion_kip_ft * IN_PER_FT / t_av.available,
            1.0,
        )
        text = "combined torsion, shear, flexure and axial force"
        return _unity(rec, "H3-6", value, text, eq_h3.h3_interaction, f.clauses["h3_2"], "interaction_h3", "torsion")
    if p_av is not None:
        if t_av is not None:
            rec.note(
                "torsion_neglected",
                True,
                description=f"Tr ≤ {neglect.value:g} Tc: torsion neglected in the interaction",
                clause=neglect.clause,
            )
        switch = f.values["h1_axial_switch"].value
        value = combined.h1_interaction(pr_pc, 1.0, mr_mc, 1.0, switch=switch)
        text = "axial force and flexure interaction"
        return _unity(rec, "H1-1", value, text, combined.h1_interaction, f.clauses["h1"], "interaction_h1", "axial")
    return None


def _unity(
    rec: Recorder,
    symbol: str,
    value: float,
    description: str,
    fn: Callable[..., float],
    clause: str,
    check_id: str,
    kind: str,
) -> Any:
    """Record an interaction value (its formula from ``fn``) and check it against 1.0."""
    value = rec.value(symbol, value, description=description, formula=formula_of(fn), clause=clause)
    what = "combined forces with torsion" if kind == "torsion" else "axial force and flexure"
    return rec.check(check_id, f"{what} ({symbol}) ≤ 1.0", demand=value, capacity=1.0, unit="-", clause=clause)
