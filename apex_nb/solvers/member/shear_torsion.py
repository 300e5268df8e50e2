"""Shear and torsion of one section: AISC 360 Chapter G (G2, G4, G5) and §H3.1."""

from __future__ import annotations

from collections.abc import Callable

from apex_nb.equations.aisc360 import shear as eq_g
from apex_nb.equations.aisc360 import torsion as eq_h3
from apex_nb.pack_schemas.aisc360 import EditionFactors, Factor
from apex_nb.sections import Section
from apex_nb.solvers.member import base
from apex_nb.solvers.member.base import NotApplicable, Options, Prop, Recorder, limit, prop, props
from apex_nb.units import IN_PER_FT

NOMINAL = "nominal shear strength"


def _g2_nominal(rec: Recorder, fy: float, aw: float, cv: float, cv_symbol: str, clause: str) -> float:
    """Vn = 0.6 Fy Aw Cv (Eq. G2-1, also G4-1 with Cv2), recorded with the Cv it uses."""
    fill = {"cv": cv_symbol}
    return rec.apply("Vn", eq_g.g2_nominal, fy, aw, cv, unit="kip", description=NOMINAL, clause=clause, fill=fill)


def shear(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> tuple[float, Factor]:
    """Nominal shear strength and its φ/Ω: G5 (round HSS), G4 (rectangular HSS webs) or G2 (W web)."""
    if sec.shape == "round":
        g5 = f.clauses["g5"]
        d_t, ag = props(rec, sec, base.D_T, base.AG)
        what = "distance from maximum to zero shear (post height)"
        lv = rec.value("Lv", opt.length_ft * IN_PER_FT, unit="in", description=what, clause=g5)
        fcr = rec.apply(
            "Fcr,v",
            eq_g.g5_fcr,
            e,
            fy,
            lv,
            sec.depth_in,
            d_t,
            unit="ksi",
            description="shear critical stress",
            clause=g5,
        )
        vn = rec.apply("Vn", eq_g.g5_nominal, fcr, ag, unit="kip", description=NOMINAL, clause=g5)
        return vn, f.resistance["shear_hss"]
    if sec.shape == "rect":
        g4 = f.clauses["g4"]
        (t,) = props(rec, sec, base.T_DES)
        major = opt.axis == "major"
        flat = sec.flat_h_in if major else sec.flat_b_in
        h = prop(rec, sec, "h" if major else "b", flat, "in", "flat web depth resisting shear")
        what = "web shear buckling coefficient, kv = 5"
        cv2 = rec.value("Cv2", eq_g.web_shear_coefficient_cv2(h / t, 5.0, e, fy), description=what, clause=g4)
        aw = rec.apply("Aw", eq_g.g4_web_area, h, t, unit="in²", description="shear area of both webs", clause=g4)
        return _g2_nominal(rec, fy, aw, cv2, "Cv2", g4), f.resistance["shear_hss"]
    g2 = f.clauses["g2"]
    tw, d, h_tw = props(
        rec, sec, Prop("tw", "tw_in", "in", "web thickness"), Prop("d", "depth_in", "in", "depth"), base.H_TW
    )
    rolled_limit = limit(rec, f, "w_web_shear_rolled", e, fy, "2.24√(E/Fy)")
    if h_tw <= rolled_limit:
        cv1, factor = 1.0, f.resistance["shear_rolled_i_web"]
    else:
        cv1, factor = eq_g.web_shear_coefficient_cv1(h_tw, 5.34, e, fy), f.resistance["shear_other"]
    cv1 = rec.value("Cv1", cv1, description="web shear strength coefficient", clause=g2)
    aw = rec.apply("Aw", eq_g.g2_web_area, d, tw, unit="in²", description="web area", clause=g2)
    return _g2_nominal(rec, fy, aw, cv1, "Cv1", g2), factor


def torsion(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> float:
    """Nominal torsional strength Tn = Fcr C of a round or rectangular HSS (§H3.1)."""
    if sec.shape == "w":
        raise NotApplicable("torsion of open W sections is outside AISC 360 §H3 (see AISC Design Guide 9)")
    h3 = f.clauses["h3_1"]
    c = prop(rec, sec, "C", sec.c_in3, "in³", "HSS torsional constant")
    fn: Callable[..., float]
    args: tuple[float, ...]
    if sec.shape == "round":
        (d_t,) = props(rec, sec, base.D_T)
        length = rec.value(
            "L_T", opt.length_ft * IN_PER_FT, unit="in", description="member length for torsion", clause=h3
        )
        fn, args = eq_h3.h3_round_fcr, (e, fy, length, sec.depth_in, d_t)
    else:
        h_t = max(sec.h_t or 0.0, sec.b_t or 0.0)
        what = "slenderness of the longer wall"
        h_t = rec.value("h/t (longer wall)", h_t, description=what, clause=sec.source_clause)
        fn, args = eq_h3.h3_rect_fcr, (e, fy, h_t)
    fcr = rec.apply("Fcr,T", fn, *args, unit="ksi", description="torsional critical stress", clause=h3)
    return rec.apply("Tn", eq_h3.h3_nominal, fcr, c, unit="kip-in", description="nominal torsional strength", clause=h3)
