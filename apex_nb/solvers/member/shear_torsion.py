"""Shear and torsion of one section: AISC 360 Chapter G (G2, G4, G5) and §H3.1."""

from __future__ import annotations

from apex_nb.equations.aisc360 import shear as eq_g
from apex_nb.equations.aisc360 import torsion as eq_h3
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.aisc360 import EditionFactors, Factor
from apex_nb.sections import Section
from apex_nb.solvers.member.base import NotApplicable, Options, Recorder, limit, prop


def shear(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> tuple[float, Factor]:
    if sec.shape == "round":
        d_t = prop(rec, sec, "D/t", sec.d_t, "", "diameter-to-thickness ratio")
        ag = prop(rec, sec, "Ag", sec.area_in2, "in²", "gross area")
        lv = rec.value(
            "Lv",
            opt.length_ft * 12.0,
            unit="in",
            description="distance from maximum to zero shear (post height)",
            clause=f.clauses["g5"],
        )
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
            clause=f.clauses["g5"],
        )
        vn = rec.apply(
            "Vn", eq_g.g5_nominal, fcr, ag, unit="kip", description="nominal shear strength", clause=f.clauses["g5"]
        )
        return vn, f.resistance["shear_hss"]
    if sec.shape == "rect":
        t = prop(rec, sec, "t_des", sec.t_des_in, "in", "design wall thickness")
        h = prop(
            rec,
            sec,
            "h" if opt.axis == "major" else "b",
            sec.flat_h_in if opt.axis == "major" else sec.flat_b_in,
            "in",
            "flat web depth resisting shear",
        )
        cv2 = rec.value(
            "Cv2",
            eq_g.web_shear_coefficient_cv2(h / t, 5.0, e, fy),
            description="web shear buckling coefficient, kv = 5",
            clause=f.clauses["g4"],
        )
        aw = rec.apply(
            "Aw", eq_g.g4_web_area, h, t, unit="in²", description="shear area of both webs", clause=f.clauses["g4"]
        )
        vn = rec.apply(
            "Vn",
            eq_g.g2_nominal,
            fy,
            aw,
            cv2,
            unit="kip",
            description="nominal shear strength",
            clause=f.clauses["g4"],
            fill={"cv": "Cv2"},
        )
        return vn, f.resistance["shear_hss"]
    tw = prop(rec, sec, "tw", sec.tw_in, "in", "web thickness")
    d = prop(rec, sec, "d", sec.depth_in, "in", "depth")
    h_tw = prop(rec, sec, "h/tw", sec.h_tw, "", "web slenderness")
    rolled_limit = limit(rec, f, "w_web_shear_rolled", e, fy, "2.24√(E/Fy)")
    if h_tw <= rolled_limit:
        cv1, factor = 1.0, f.resistance["shear_rolled_i_web"]
    else:
        cv1, factor = eq_g.web_shear_coefficient_cv1(h_tw, 5.34, e, fy), f.resistance["shear_other"]
    cv1 = rec.value("Cv1", cv1, description="web shear strength coefficient", clause=f.clauses["g2"])
    aw = rec.apply("Aw", eq_g.g2_web_area, d, tw, unit="in²", description="web area", clause=f.clauses["g2"])
    vn = rec.apply(
        "Vn",
        eq_g.g2_nominal,
        fy,
        aw,
        cv1,
        unit="kip",
        description="nominal shear strength",
        clause=f.clauses["g2"],
        fill={"cv": "Cv1"},
    )
    return vn, factor


def torsion(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> float:
    if sec.shape == "w":
        raise NotApplicable("torsion of open W sections is outside AISC 360 §H3 (see AISC Design Guide 9)")
    c = prop(rec, sec, "C", sec.c_in3, "in³", "HSS torsional constant")
    if sec.shape == "round":
        d_t = prop(rec, sec, "D/t", sec.d_t, "", "diameter-to-thickness ratio")
        length = rec.value(
            "L_T", opt.length_ft * 12.0, unit="in", description="member length for torsion", clause=f.clauses["h3_1"]
        )
        fcr = eq_h3.h3_round_fcr(e, fy, length, sec.depth_in, d_t)
        formula = formula_of(eq_h3.h3_round_fcr)
    else:
        h_t = max(sec.h_t or 0.0, sec.b_t or 0.0)
        h_t = rec.value(
            "h/t (longer wall)", h_t, description="slenderness of the longer wall", clause=sec.source_clause
        )
        fcr = eq_h3.h3_rect_fcr(e, fy, h_t)
        formula = formula_of(eq_h3.h3_rect_fcr)
    fcr = rec.value(
        "Fcr,T", fcr, unit="ksi", description="torsional critical stress", formula=formula, clause=f.clauses["h3_1"]
    )
    return rec.apply(
        "Tn",
        eq_h3.h3_nominal,
        fcr,
        c,
        unit="kip-in",
        description="nominal torsional strength",
        clause=f.clauses["h3_1"],
    )
