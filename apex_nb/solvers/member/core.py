"""One member check (AISC 360 Chapters B, E, F, G, H) for one section, recorded or quiet.

``evaluate`` is the single code path behind ``member.check`` (recording into ``Calc``) and the
screening inside ``post.select`` (recording into ``Quiet``), so the section post.select picks is
checked exactly as member.check checks it. The limit states live by chapter: ``flexure`` (F),
``shear_torsion`` (G, H3.1), ``compression`` (E), ``interaction`` (H1, H3.2). Units inside: kip,
in, ksi; demands in kip-ft at the boundary.
"""

from __future__ import annotations

from typing import Any

from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.sections import Section
from apex_nb.solvers.member.base import Demand, NotApplicable, Options, Recorder
from apex_nb.solvers.member.compression import compression
from apex_nb.solvers.member.flexure import flexure_rect, flexure_round, flexure_w
from apex_nb.solvers.member.interaction import interaction
from apex_nb.solvers.member.shear_torsion import shear, torsion
from apex_nb.solvers.strength import Required, Strength, strength
from apex_nb.units import IN_PER_FT

__all__ = ["Demand", "NotApplicable", "Options", "Recorder", "evaluate"]


def _strength_result(s: Strength, key: str, what: str, suffix: str, per: float) -> dict[str, float]:
    """The φRn, Rn/Ω and available entries of the result, in its units (``per`` = IN_PER_FT for kip-ft)."""
    assert s.allowable is not None  # AISC factors carry Ω
    return {
        f"phi_{key}{suffix}": s.design / per,
        f"{key}_over_omega{suffix}": s.allowable / per,
        f"available_{what}{suffix}": s.available / per,
    }


def evaluate(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, demand: Demand, opt: Options
) -> dict[str, Any]:
    """Every applicable AISC 360 check of ``sec`` under ``demand``; returns strengths, ratios, the governing check.

    Raises NotApplicable when the section lies outside the provisions implemented.
    """
    method = opt.method
    if sec.shape == "round":
        mn, state, classes = flexure_round(rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f8"]
    elif sec.shape == "rect":
        mn, state, classes = flexure_rect(rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f7_yield"]
    else:
        mn, state, classes = flexure_w(rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f2"]
    mr = demand.moment_kip_ft * IN_PER_FT
    m_av = strength(
        rec, "Mn", mn, f.resistance["flexure"], method=method, unit="kip-in", show="both",
        nominal_description=f"nominal flexural strength ({state})", nominal_clause=clause_m,
        check=Required(
            "flexure", f"required flexural strength vs {'φMn' if method == 'LRFD' else 'Mn/Ω'} ({state})", mr, clause_m
        ),
    )  # fmt: skip
    mn = m_av.nominal
    checks = [m_av.check]

    vn, v_factor = shear(rec, sec, fy, e, f, opt)
    clause_v = f.clauses["g5"] if sec.shape == "round" else f.clauses["g4"] if sec.shape == "rect" else f.clauses["g2"]
    v_av = strength(
        rec, "Vn", vn, v_factor, method=method, unit="kip", show="both",
        check=Required("shear", "required shear strength vs available", demand.shear_kip, clause_v),
    )  # fmt: skip
    checks.append(v_av.check)

    result: dict[str, Any] = {
        "mn_kip_ft": mn / IN_PER_FT,
        **_strength_result(m_av, "mn", "moment", "_kip_ft", IN_PER_FT),
        "flexure_limit_state": state,
        "vn_kip": vn,
        **_strength_result(v_av, "vn", "shear", "_kip", 1.0),
    }
    t_av = None
    if demand.torsion_kip_ft > 0.0:
        tn = torsion(rec, sec, fy, e, f, opt)
        tr = demand.torsion_kip_ft * IN_PER_FT
        t_av = strength(
            rec, "Tn", tn, f.resistance["torsion"], method=method, unit="kip-in", show="both",
            check=Required("torsion", "required torsional strength vs available", tr, f.clauses["h3_1"]),
        )  # fmt: skip
        checks.append(t_av.check)
        result.update({"tn_kip_ft": tn / IN_PER_FT, **_strength_result(t_av, "tn", "torsion", "_kip_ft", IN_PER_FT)})
    p_av = None
    if demand.axial_kip > 0.0:
        pn, comp_class = compression(rec, sec, fy, e, f, opt)
        classes["compression"] = comp_class
        p_av = strength(
            rec, "Pn", pn, f.resistance["compression"], method=method, unit="kip", show="both",
            check=Required("compression", "required axial strength vs available", demand.axial_kip, f.clauses["e3"]),
        )  # fmt: skip
        checks.append(p_av.check)
        result.update({"pn_kip": pn, **_strength_result(p_av, "pn", "axial", "_kip", 1.0)})

    combined = interaction(rec, f, demand, mr, m_av, v_av, t_av, p_av)
    if combined is not None:
        checks.append(combined)

    governing = max(checks, key=lambda c: c.ratio)
    result.update(
        {
            "compactness": classes,
            "ratios": {c.id: c.ratio for c in checks},
            "ratio": governing.ratio,
            "governing_check": governing.id,
            "governing_clause": governing.clause,
            "passed": all(c.passed for c in checks),
        }
    )
    return result
