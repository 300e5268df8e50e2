"""Compression of one section: AISC 360 Chapter E (E3 flexural buckling, E7 slender elements)."""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import classification as b4
from apex_nb.equations.aisc360 import compression as eq_e
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.sections import Section
from apex_nb.solvers.member.base import Options, Recorder, limit
from apex_nb.units import IN_PER_FT


def effective_area(
    rec: Recorder, sec: Section, fy: float, e: float, fcr: float, f: EditionFactors, opt: Options
) -> tuple[float, str]:
    ag, e7 = sec.area_in2, f.clauses["e7"]
    if sec.shape == "round":
        d_t = sec.d_t or 0.0
        lam_r = limit(rec, f, "round_compression_lambda_r", e, fy, "λr,c")
        cls = b4.classify_compression(d_t, lam_r, opt.edition)
        if cls == "slender":
            what = "effective area, slender round wall"
            ag = rec.apply("Ae", eq_e.e7_round_effective_area, e, fy, d_t, ag, unit="in²", description=what, clause=e7)
        return ag, cls
    if sec.shape == "rect":
        t = sec.t_des_in or 0.0
        lam_r = limit(rec, f, "rect_wall_compression_lambda_r", e, fy, "λr,c")
        walls = ((sec.flat_b_in or 0.0, sec.b_t or 0.0), (sec.flat_h_in or 0.0, sec.h_t or 0.0))
        consts = f.effective_width["hss_walls"]
        lost = 0.0
        cls = "nonslender"
        for flat, lam in walls:
            if b4.classify_compression(lam, lam_r, opt.edition) == "slender":
                cls = "slender"
            if lam > lam_r * math.sqrt(fy / fcr):
                fel = eq_e.e7_elastic_local_stress(consts.c2, lam_r, lam, fy)
                be = min(eq_e.e7_effective_width(flat, consts.c1, fel, fcr), flat)
                lost += 2.0 * (flat - be) * t
        if lost > 0.0:
            ag = rec.value(
                "Ae",
                eq_e.e7_reduced_area(ag, lost),
                unit="in²",
                description="effective area, slender HSS walls",
                formula=f"{formula_of(eq_e.e7_reduced_area)}, be = {formula_of(eq_e.e7_effective_width)}",
                clause=consts.clause,
            )
        return ag, cls
    tf, tw = sec.tf_in or 0.0, sec.tw_in or 0.0
    flange = (
        sec.width_in / 2.0,
        sec.bf_2tf or 0.0,
        tf,
        4.0,
        limit(rec, f, "w_flange_compression_lambda_r", e, fy, "λr,f"),
        f.effective_width["other"],
    )
    web = (
        (sec.h_tw or 0.0) * tw,
        sec.h_tw or 0.0,
        tw,
        1.0,
        limit(rec, f, "w_web_compression_lambda_r", e, fy, "λr,w"),
        f.effective_width["stiffened"],
    )
    lost, cls = 0.0, "nonslender"
    for flat, lam, t, count, lam_r, consts in (flange, web):
        if lam > lam_r:
            cls = "slender"
        if lam > lam_r * math.sqrt(fy / fcr):
            fel = eq_e.e7_elastic_local_stress(consts.c2, lam_r, lam, fy)
            be = min(eq_e.e7_effective_width(flat, consts.c1, fel, fcr), flat)
            lost += count * (flat - be) * t
    if lost > 0.0:
        what = "effective area, slender elements"
        ag = rec.apply("Ae", eq_e.e7_reduced_area, ag, lost, unit="in²", description=what, clause=e7)
    return ag, cls


def compression(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> tuple[float, str]:
    r = min(sec.rx_in, sec.ry_in)
    r = rec.value("r", r, unit="in", description="least radius of gyration", clause=sec.source_clause)
    lc = rec.value(
        "Lc",
        eq_e.e2_effective_length(opt.k_factor, opt.length_ft) * IN_PER_FT,
        unit="in",
        description="effective length K L",
        formula=formula_of(eq_e.e2_effective_length, k=opt.k_factor),
        clause=f.clauses["e3"],
    )
    lc_r = rec.value("Lc/r", lc / r, description="slenderness", clause=f.clauses["e3"])
    max_sl = f.values["max_slenderness_recommended"]
    rec.applies(f"Lc/r = {lc_r:.0f} ≤ {max_sl.value:g}", lc_r <= max_sl.value, note=max_sl.clause, penalty=0.05)
    fe = rec.apply("Fe", eq_e.e3_fe, e, lc_r, unit="ksi", description="elastic buckling stress", clause=f.clauses["e3"])
    fcr = rec.apply(
        "Fcr", eq_e.e3_fcr, fy, fe, unit="ksi", description="flexural buckling stress", clause=f.clauses["e3"]
    )
    area, cls = effective_area(rec, sec, fy, e, fcr, f, opt)
    pn = rec.apply(
        "Pn",
        eq_e.e3_nominal,
        fcr,
        area,
        unit="kip",
        description="nominal compressive strength",
        clause=f.clauses["e3"] if area == sec.area_in2 else f.clauses["e7"],
    )
    return pn, cls
