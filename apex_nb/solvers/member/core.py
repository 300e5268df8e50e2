"""One member check (AISC 360 Chapters B, E, F, G, H) for one section, recorded or quiet.

``evaluate`` is the single code path behind ``member.check`` (recording into ``Calc``) and the
screening inside ``post.select`` (recording into ``Quiet``), so the section post.select picks is
checked exactly as member.check checks it. Units inside: kip, in, ksi; demands in kip-ft at
the boundary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from apex_nb.equations.aisc360 import classification as b4
from apex_nb.equations.aisc360 import combined, compression, flexure, shear, torsion
from apex_nb.equations.mechanics import cantilever
from apex_nb.pack_schemas.aisc360 import EditionFactors, Factor
from apex_nb.sections import Section
from apex_nb.solvers.strength import Required, Strength, strength


class Recorder(Protocol):
    """What ``evaluate`` needs from a recorder (``Calc`` or ``Quiet``)."""

    def value(
        self,
        symbol: str,
        value: float,
        *,
        unit: str = ...,
        description: str,
        formula: str = ...,
        clause: str = ...,
    ) -> float: ...
    def note(self, *args: Any, **kwargs: Any) -> None: ...
    def check(
        self, check_id: str, description: str, *, demand: float, capacity: float, unit: str, clause: str
    ) -> Any: ...
    def assume(self, *args: Any, **kwargs: Any) -> None: ...
    def applies(self, rule: str, ok: bool, note: str = "", penalty: float = ...) -> bool: ...
    def warn(self, text: str) -> None: ...


class NotApplicable(Exception):
    """The section lies outside the provisions implemented (e.g. D/t ≥ 0.45E/Fy, slender web)."""


@dataclass(frozen=True)
class Demand:
    """Required strengths for the design method in use (ASD or LRFD combinations)."""

    moment_kip_ft: float
    shear_kip: float
    torsion_kip_ft: float
    axial_kip: float


@dataclass(frozen=True)
class Options:
    """Edition, method and member data for one check."""

    edition: str
    method: Literal["ASD", "LRFD"]
    length_ft: float
    k_factor: float
    cb: float
    axis: str  # "major" | "minor"


def _prop(rec: Recorder, sec: Section, symbol: str, value: float | None, unit: str, what: str) -> float:
    if value is None:
        raise NotApplicable(f"{sec.label} has no {what}")
    derived = " (derived: C = 2J/OD)" if symbol == "C" and "c_in3" in sec.derived else ""
    return rec.value(symbol, value, unit=unit, description=f"{what} of {sec.label}{derived}", clause=sec.source_clause)


def _limit(rec: Recorder, f: EditionFactors, key: str, e: float, fy: float, symbol: str) -> float:
    lim = f.limits[key]
    return rec.value(
        symbol,
        lim.value(e, fy),
        description=key.replace("_", " "),
        formula=f"{lim.coefficient:g} {lim.basis}",
        clause=lim.clause,
    )


# --- flexure ------------------------------------------------------------------------------
def _flexure_round(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str, dict[str, str]]:
    d_t = _prop(rec, sec, "D/t", sec.d_t, "", "diameter-to-thickness ratio")
    lam_max = _limit(rec, f, "round_flexure_max", e, fy, "0.45E/Fy")
    if d_t >= lam_max:
        raise NotApplicable(f"{sec.label}: D/t = {d_t:.3g} ≥ 0.45E/Fy = {lam_max:.3g}, outside {f.clauses['f8']}")
    lam_p = _limit(rec, f, "round_flexure_lambda_p", e, fy, "λp")
    lam_r = _limit(rec, f, "round_flexure_lambda_r", e, fy, "λr")
    cls = b4.classify_flexure(d_t, lam_p, lam_r, opt.edition)
    rec.note("wall_class", cls, description="round HSS wall in flexure", clause=f.clauses["b4_1"])
    z = _prop(rec, sec, "Z", sec.zx_in3, "in³", "plastic section modulus")
    s = _prop(rec, sec, "S", sec.sx_in3, "in³", "elastic section modulus")
    mp = rec.value(
        "Mp",
        flexure.plastic_moment(fy, z),
        unit="kip-in",
        description="plastic moment",
        formula="Fy Z",
        clause=f.clauses["f8"],
    )
    mn, state = mp, "yielding"
    if cls == "noncompact":
        mlb = rec.value(
            "Mn,LB",
            flexure.f8_noncompact(e, d_t, fy, s),
            unit="kip-in",
            description="local buckling, noncompact wall",
            formula="(0.021E/(D/t) + Fy) S",
            clause=f.clauses["f8"],
        )
        if mlb < mn:
            mn, state = mlb, "local buckling"
    elif cls == "slender":
        mlb = rec.value(
            "Mn,LB",
            flexure.f8_slender(e, d_t, s),
            unit="kip-in",
            description="local buckling, slender wall",
            formula="0.33E/(D/t) S",
            clause=f.clauses["f8"],
        )
        if mlb < mn:
            mn, state = mlb, "local buckling"
    return mn, state, {"flexure": cls, "wall": cls}


def _effective_se(sec: Section, depth: float, inertia: float, flat_b: float, be: float, t: float) -> float:
    """Se with the ineffective part of the compression flange removed from both flanges.

    AISC Design Examples v15.0, Example F.8B: Ieff = I − Σ(b − be)t [t²/12 + ((H − t)/2)²] over
    both flanges keeps the neutral axis at mid-depth; this is conservative against removing it
    from the compression flange only (about 2 % on HSS8×8×3/16).
    """
    del sec
    lost = (flat_b - be) * t
    arm = (depth - t) / 2.0
    i_eff = inertia - 2.0 * lost * (t * t / 12.0 + arm * arm)
    return i_eff / (depth / 2.0)


def _flexure_rect(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str, dict[str, str]]:
    major = opt.axis == "major"
    t = _prop(rec, sec, "t_des", sec.t_des_in, "in", "design wall thickness")
    if major:
        lam_f = _prop(rec, sec, "b/t", sec.b_t, "", "flange slenderness b/t")
        lam_w = _prop(rec, sec, "h/t", sec.h_t, "", "web slenderness h/t")
        flat_f = _prop(rec, sec, "b", sec.flat_b_in, "in", "flat flange width")
        z = _prop(rec, sec, "Zx", sec.zx_in3, "in³", "plastic section modulus")
        s = _prop(rec, sec, "Sx", sec.sx_in3, "in³", "elastic section modulus")
        inertia = _prop(rec, sec, "Ix", sec.ix_in4, "in⁴", "moment of inertia")
        depth = _prop(rec, sec, "Ht", sec.depth_in, "in", "overall depth")
    else:
        lam_f = _prop(rec, sec, "h/t", sec.h_t, "", "flange slenderness (minor axis: the Ht walls)")
        lam_w = _prop(rec, sec, "b/t", sec.b_t, "", "web slenderness (minor axis: the B walls)")
        flat_f = _prop(rec, sec, "h", sec.flat_h_in, "in", "flat flange width (minor axis)")
        z = _prop(rec, sec, "Zy", sec.zy_in3, "in³", "plastic section modulus")
        s = _prop(rec, sec, "Sy", sec.sy_in3, "in³", "elastic section modulus")
        inertia = _prop(rec, sec, "Iy", sec.iy_in4, "in⁴", "moment of inertia")
        depth = _prop(rec, sec, "B", sec.width_in, "in", "overall width")
    lpf = _limit(rec, f, "rect_flange_flexure_lambda_p", e, fy, "λpf")
    lrf = _limit(rec, f, "rect_flange_flexure_lambda_r", e, fy, "λrf")
    lpw = _limit(rec, f, "rect_web_flexure_lambda_p", e, fy, "λpw")
    lrw = _limit(rec, f, "rect_web_flexure_lambda_r", e, fy, "λrw")
    flange = b4.classify_flexure(lam_f, lpf, lrf, opt.edition)
    web = b4.classify_flexure(lam_w, lpw, lrw, opt.edition)
    rec.note("flange_class", flange, description="HSS flanges in flexure", clause=f.clauses["b4_1"])
    rec.note("web_class", web, description="HSS webs in flexure", clause=f.clauses["b4_1"])
    if web == "slender":
        raise NotApplicable(f"{sec.label}: slender webs (h/t = {lam_w:.3g}), F7.3(c) is not implemented")
    mp = rec.value(
        "Mp",
        flexure.plastic_moment(fy, z),
        unit="kip-in",
        description="plastic moment",
        formula="Fy Z",
        clause=f.clauses["f7_yield"],
    )
    candidates = [(mp, "yielding")]
    if flange == "noncompact":
        m = flexure.f7_flange_noncompact(mp, fy, s, lam_f, e)
        candidates.append(
            (
                rec.value(
                    "Mn,FLB",
                    m,
                    unit="kip-in",
                    description="flange local buckling, noncompact",
                    formula="Mp − (Mp − Fy S)(3.57 (b/t)√(Fy/E) − 4.0)",
                    clause=f.clauses["f7_flb"],
                ),
                "flange local buckling",
            )
        )
    elif flange == "slender":
        be = rec.value(
            "be",
            flexure.f7_effective_width(t, flat_f, lam_f, e, fy),
            unit="in",
            description="effective width of the compression flange",
            formula="1.92 t √(E/Fy)[1 − 0.38/(b/t) √(E/Fy)] ≤ b",
            clause=f.clauses["f7_flb"],
        )
        se = rec.value(
            "Se",
            _effective_se(sec, depth, inertia, flat_f, be, t),
            unit="in³",
            description="effective section modulus (ineffective width off both flanges, AISC Design Example F.8B)",
            formula="[I − 2(b − be)t(t²/12 + ((H − t)/2)²)]/(H/2)",
            clause=f.clauses["f7_flb"],
        )
        candidates.append(
            (
                rec.value(
                    "Mn,FLB",
                    flexure.f7_flange_slender(fy, se),
                    unit="kip-in",
                    description="flange local buckling, slender",
                    formula="Fy Se",
                    clause=f.clauses["f7_flb"],
                ),
                "flange local buckling",
            )
        )
    if web == "noncompact":
        m = flexure.f7_web_noncompact(mp, fy, s, lam_w, e)
        candidates.append(
            (
                rec.value(
                    "Mn,WLB",
                    m,
                    unit="kip-in",
                    description="web local buckling, noncompact",
                    formula="Mp − (Mp − Fy S)(0.305 (h/t)√(Fy/E) − 0.738)",
                    clause=f.clauses["f7_wlb"],
                ),
                "web local buckling",
            )
        )
    if major and sec.depth_in > sec.width_in:
        ry = _prop(rec, sec, "ry", sec.ry_in, "in", "radius of gyration about y")
        j = _prop(rec, sec, "J", sec.j_in4, "in⁴", "torsional constant")
        ag = _prop(rec, sec, "Ag", sec.area_in2, "in²", "gross area")
        lb = rec.value(
            "Lb",
            opt.length_ft * 12.0,
            unit="in",
            description="unbraced length for lateral-torsional buckling",
            clause=f.clauses["f7_ltb"],
        )
        lp = rec.value(
            "Lp",
            flexure.f7_ltb_lp(e, ry, j, ag, mp),
            unit="in",
            description="limiting unbraced length, yielding",
            formula="0.13 E ry √(J Ag)/Mp",
            clause=f.clauses["f7_ltb"],
        )
        lr = rec.value(
            "Lr",
            flexure.f7_ltb_lr(e, ry, j, ag, fy, s),
            unit="in",
            description="limiting unbraced length, inelastic LTB",
            formula="2 E ry √(J Ag)/(0.7 Fy Sx)",
            clause=f.clauses["f7_ltb"],
        )
        if lb > lp:
            if lb <= lr:
                m = flexure.f7_ltb_inelastic(opt.cb, mp, fy, s, lb, lp, lr)
                formula = "Cb[Mp − (Mp − 0.7 Fy Sx)(Lb − Lp)/(Lr − Lp)] ≤ Mp"
            else:
                m = flexure.f7_ltb_elastic(opt.cb, e, j, ag, lb, ry, mp)
                formula = "2 E Cb √(J Ag)/(Lb/ry) ≤ Mp"
            candidates.append(
                (
                    rec.value(
                        "Mn,LTB",
                        m,
                        unit="kip-in",
                        description="lateral-torsional buckling",
                        formula=formula,
                        clause=f.clauses["f7_ltb"],
                    ),
                    "lateral-torsional buckling",
                )
            )
    mn, state = min(candidates, key=lambda c: c[0])
    return mn, state, {"flexure": b4.worst(flange, web), "flange": flange, "web": web}


def _flexure_w(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str, dict[str, str]]:
    if opt.axis != "major":
        raise NotApplicable("W shapes are checked for major-axis bending only (F6 is not implemented)")
    lam_f = _prop(rec, sec, "bf/2tf", sec.bf_2tf, "", "flange slenderness")
    lam_w = _prop(rec, sec, "h/tw", sec.h_tw, "", "web slenderness")
    lpf = _limit(rec, f, "w_flange_flexure_lambda_p", e, fy, "λpf")
    lrf = _limit(rec, f, "w_flange_flexure_lambda_r", e, fy, "λrf")
    lpw = _limit(rec, f, "w_web_flexure_lambda_p", e, fy, "λpw")
    lrw = _limit(rec, f, "w_web_flexure_lambda_r", e, fy, "λrw")
    flange = b4.classify_flexure(lam_f, lpf, lrf, opt.edition)
    web = b4.classify_flexure(lam_w, lpw, lrw, opt.edition)
    rec.note("flange_class", flange, description="W flanges in flexure", clause=f.clauses["b4_1"])
    rec.note("web_class", web, description="W web in flexure", clause=f.clauses["b4_1"])
    if web != "compact":
        raise NotApplicable(f"{sec.label}: {web} web for Fy = {fy:g} ksi, F4/F5 are not implemented")
    z = _prop(rec, sec, "Zx", sec.zx_in3, "in³", "plastic section modulus")
    s = _prop(rec, sec, "Sx", sec.sx_in3, "in³", "elastic section modulus")
    ry = _prop(rec, sec, "ry", sec.ry_in, "in", "radius of gyration about y")
    rts = _prop(rec, sec, "rts", sec.rts_in, "in", "effective radius of gyration rts")
    j = _prop(rec, sec, "J", sec.j_in4, "in⁴", "torsional constant")
    ho = _prop(rec, sec, "ho", sec.ho_in, "in", "distance between flange centroids")
    clause = f.clauses["f2"] if flange == "compact" else f.clauses["f3"]
    mp = rec.value(
        "Mp", flexure.plastic_moment(fy, z), unit="kip-in", description="plastic moment", formula="Fy Zx", clause=clause
    )
    candidates = [(mp, "yielding")]
    lb = rec.value("Lb", opt.length_ft * 12.0, unit="in", description="unbraced length", clause=clause)
    lp = rec.value(
        "Lp",
        flexure.f2_lp(ry, e, fy),
        unit="in",
        description="limiting unbraced length, yielding",
        formula="1.76 ry √(E/Fy)",
        clause=f.clauses["f2"],
    )
    lr = rec.value(
        "Lr",
        flexure.f2_lr(rts, e, fy, j, s, ho),
        unit="in",
        description="limiting unbraced length, inelastic LTB",
        formula="1.95 rts E/(0.7Fy) √(Jc/(Sx ho) + √((Jc/(Sx ho))² + 6.76(0.7Fy/E)²))",
        clause=f.clauses["f2"],
    )
    if lb > lp:
        if lb <= lr:
            m = flexure.f2_ltb_inelastic(opt.cb, mp, fy, s, lb, lp, lr)
            formula = "Cb[Mp − (Mp − 0.7 Fy Sx)(Lb − Lp)/(Lr − Lp)] ≤ Mp"
        else:
            fcr = rec.value(
                "Fcr,LTB",
                flexure.f2_fcr(opt.cb, e, lb, rts, j, s, ho),
                unit="ksi",
                description="elastic LTB stress",
                formula="Cb π²E/(Lb/rts)² √(1 + 0.078 Jc/(Sx ho)(Lb/rts)²)",
                clause=f.clauses["f2"],
            )
            m = flexure.f2_ltb_elastic(fcr, s, mp)
            formula = "Fcr Sx ≤ Mp"
        candidates.append(
            (
                rec.value(
                    "Mn,LTB",
                    m,
                    unit="kip-in",
                    description="lateral-torsional buckling",
                    formula=formula,
                    clause=f.clauses["f2"],
                ),
                "lateral-torsional buckling",
            )
        )
    if flange == "noncompact":
        m = flexure.f3_flange_noncompact(mp, fy, s, lam_f, lpf, lrf)
        candidates.append(
            (
                rec.value(
                    "Mn,FLB",
                    m,
                    unit="kip-in",
                    description="compression flange local buckling",
                    formula="Mp − (Mp − 0.7 Fy Sx)(λ − λpf)/(λrf − λpf)",
                    clause=f.clauses["f3"],
                ),
                "flange local buckling",
            )
        )
    elif flange == "slender":
        kc = rec.value("kc", flexure.f3_kc(lam_w), description="kc = 4/√(h/tw), 0.35..0.76", clause=f.clauses["f3"])
        m = flexure.f3_flange_slender(e, kc, s, lam_f)
        candidates.append(
            (
                rec.value(
                    "Mn,FLB",
                    m,
                    unit="kip-in",
                    description="compression flange local buckling, slender",
                    formula="0.9 E kc Sx/λ²",
                    clause=f.clauses["f3"],
                ),
                "flange local buckling",
            )
        )
    mn, state = min(candidates, key=lambda c: c[0])
    return mn, state, {"flexure": b4.worst(flange, web), "flange": flange, "web": web}


# --- shear, torsion, compression ----------------------------------------------------------
def _shear(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> tuple[float, Factor]:
    if sec.shape == "round":
        d_t = _prop(rec, sec, "D/t", sec.d_t, "", "diameter-to-thickness ratio")
        ag = _prop(rec, sec, "Ag", sec.area_in2, "in²", "gross area")
        lv = rec.value(
            "Lv",
            opt.length_ft * 12.0,
            unit="in",
            description="distance from maximum to zero shear (post height)",
            clause=f.clauses["g5"],
        )
        fcr = rec.value(
            "Fcr,v",
            shear.g5_fcr(e, fy, lv, sec.depth_in, d_t),
            unit="ksi",
            description="shear critical stress",
            formula="max(1.60E/(√(Lv/D)(D/t)^1.25), 0.78E/(D/t)^1.5) ≤ 0.6Fy",
            clause=f.clauses["g5"],
        )
        vn = rec.value(
            "Vn",
            shear.g5_nominal(fcr, ag),
            unit="kip",
            description="nominal shear strength",
            formula="Fcr Ag/2",
            clause=f.clauses["g5"],
        )
        return vn, f.resistance["shear_hss"]
    if sec.shape == "rect":
        t = _prop(rec, sec, "t_des", sec.t_des_in, "in", "design wall thickness")
        h = _prop(
            rec,
            sec,
            "h" if opt.axis == "major" else "b",
            sec.flat_h_in if opt.axis == "major" else sec.flat_b_in,
            "in",
            "flat web depth resisting shear",
        )
        cv2 = rec.value(
            "Cv2",
            shear.web_shear_coefficient_cv2(h / t, 5.0, e, fy),
            description="web shear buckling coefficient, kv = 5",
            clause=f.clauses["g4"],
        )
        aw = rec.value(
            "Aw",
            shear.g4_web_area(h, t),
            unit="in²",
            description="shear area of both webs",
            formula="2 h t",
            clause=f.clauses["g4"],
        )
        vn = rec.value(
            "Vn",
            shear.g2_nominal(fy, aw, cv2),
            unit="kip",
            description="nominal shear strength",
            formula="0.6 Fy Aw Cv2",
            clause=f.clauses["g4"],
        )
        return vn, f.resistance["shear_hss"]
    tw = _prop(rec, sec, "tw", sec.tw_in, "in", "web thickness")
    d = _prop(rec, sec, "d", sec.depth_in, "in", "depth")
    h_tw = _prop(rec, sec, "h/tw", sec.h_tw, "", "web slenderness")
    rolled_limit = _limit(rec, f, "w_web_shear_rolled", e, fy, "2.24√(E/Fy)")
    if h_tw <= rolled_limit:
        cv1, factor = 1.0, f.resistance["shear_rolled_i_web"]
    else:
        cv1, factor = shear.web_shear_coefficient_cv1(h_tw, 5.34, e, fy), f.resistance["shear_other"]
    cv1 = rec.value("Cv1", cv1, description="web shear strength coefficient", clause=f.clauses["g2"])
    aw = rec.value("Aw", d * tw, unit="in²", description="web area", formula="d tw", clause=f.clauses["g2"])
    vn = rec.value(
        "Vn",
        shear.g2_nominal(fy, aw, cv1),
        unit="kip",
        description="nominal shear strength",
        formula="0.6 Fy Aw Cv1",
        clause=f.clauses["g2"],
    )
    return vn, factor


def _torsion(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> float:
    if sec.shape == "w":
        raise NotApplicable("torsion of open W sections is outside AISC 360 §H3 (see AISC Design Guide 9)")
    c = _prop(rec, sec, "C", sec.c_in3, "in³", "HSS torsional constant")
    if sec.shape == "round":
        d_t = _prop(rec, sec, "D/t", sec.d_t, "", "diameter-to-thickness ratio")
        length = rec.value(
            "L_T", opt.length_ft * 12.0, unit="in", description="member length for torsion", clause=f.clauses["h3_1"]
        )
        fcr = torsion.h3_round_fcr(e, fy, length, sec.depth_in, d_t)
        formula = "max(1.23E/(√(L/D)(D/t)^1.25), 0.60E/(D/t)^1.5) ≤ 0.6Fy"
    else:
        h_t = max(sec.h_t or 0.0, sec.b_t or 0.0)
        h_t = rec.value(
            "h/t (longer wall)", h_t, description="slenderness of the longer wall", clause=sec.source_clause
        )
        fcr = torsion.h3_rect_fcr(e, fy, h_t)
        formula = "0.6Fy; 0.6Fy(2.45√(E/Fy))/(h/t); 0.458π²E/(h/t)² by h/t"
    fcr = rec.value(
        "Fcr,T", fcr, unit="ksi", description="torsional critical stress", formula=formula, clause=f.clauses["h3_1"]
    )
    return rec.value(
        "Tn",
        torsion.h3_nominal(fcr, c),
        unit="kip-in",
        description="nominal torsional strength",
        formula="Fcr C",
        clause=f.clauses["h3_1"],
    )


def _effective_area(
    rec: Recorder, sec: Section, fy: float, e: float, fcr: float, f: EditionFactors, opt: Options
) -> tuple[float, str]:
    ag = sec.area_in2
    if sec.shape == "round":
        d_t = sec.d_t or 0.0
        lam_r = _limit(rec, f, "round_compression_lambda_r", e, fy, "λr,c")
        cls = b4.classify_compression(d_t, lam_r, opt.edition)
        if cls == "slender":
            ag = rec.value(
                "Ae",
                compression.e7_round_effective_area(e, fy, d_t, ag),
                unit="in²",
                description="effective area, slender round wall",
                formula="[0.038E/(Fy D/t) + 2/3] Ag",
                clause=f.clauses["e7"],
            )
        return ag, cls
    if sec.shape == "rect":
        t = sec.t_des_in or 0.0
        lam_r = _limit(rec, f, "rect_wall_compression_lambda_r", e, fy, "λr,c")
        walls = ((sec.flat_b_in or 0.0, sec.b_t or 0.0), (sec.flat_h_in or 0.0, sec.h_t or 0.0))
        consts = f.effective_width["hss_walls"]
        lost = 0.0
        cls = "nonslender"
        for flat, lam in walls:
            if b4.classify_compression(lam, lam_r, opt.edition) == "slender":
                cls = "slender"
            if lam > lam_r * math.sqrt(fy / fcr):
                fel = compression.e7_elastic_local_stress(consts.c2, lam_r, lam, fy)
                be = min(compression.e7_effective_width(flat, consts.c1, fel, fcr), flat)
                lost += 2.0 * (flat - be) * t
        if lost > 0.0:
            ag = rec.value(
                "Ae",
                ag - lost,
                unit="in²",
                description="effective area, slender HSS walls",
                formula="Ag − Σ(b − be)t, be = b(1 − c1√(Fel/Fcr))√(Fel/Fcr)",
                clause=consts.clause,
            )
        return ag, cls
    tf, tw = sec.tf_in or 0.0, sec.tw_in or 0.0
    flange = (
        sec.width_in / 2.0,
        sec.bf_2tf or 0.0,
        tf,
        4.0,
        _limit(rec, f, "w_flange_compression_lambda_r", e, fy, "λr,f"),
        f.effective_width["other"],
    )
    web = (
        (sec.h_tw or 0.0) * tw,
        sec.h_tw or 0.0,
        tw,
        1.0,
        _limit(rec, f, "w_web_compression_lambda_r", e, fy, "λr,w"),
        f.effective_width["stiffened"],
    )
    lost, cls = 0.0, "nonslender"
    for flat, lam, t, count, lam_r, consts in (flange, web):
        if lam > lam_r:
            cls = "slender"
        if lam > lam_r * math.sqrt(fy / fcr):
            fel = compression.e7_elastic_local_stress(consts.c2, lam_r, lam, fy)
            be = min(compression.e7_effective_width(flat, consts.c1, fel, fcr), flat)
            lost += count * (flat - be) * t
    if lost > 0.0:
        ag = rec.value(
            "Ae",
            ag - lost,
            unit="in²",
            description="effective area, slender elements",
            formula="Ag − Σ(b − be)t",
            clause=f.clauses["e7"],
        )
    return ag, cls


def _compression(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str]:
    r = min(sec.rx_in, sec.ry_in)
    r = rec.value("r", r, unit="in", description="least radius of gyration", clause=sec.source_clause)
    lc = rec.value(
        "Lc",
        opt.k_factor * opt.length_ft * 12.0,
        unit="in",
        description="effective length K L",
        formula=f"{opt.k_factor:g} × L",
        clause=f.clauses["e3"],
    )
    lc_r = rec.value("Lc/r", lc / r, description="slenderness", clause=f.clauses["e3"])
    max_sl = f.values["max_slenderness_recommended"]
    rec.applies(f"Lc/r = {lc_r:.0f} ≤ {max_sl.value:g}", lc_r <= max_sl.value, note=max_sl.clause, penalty=0.05)
    fe = rec.value(
        "Fe",
        compression.e3_fe(e, lc_r),
        unit="ksi",
        description="elastic buckling stress",
        formula="π²E/(Lc/r)²",
        clause=f.clauses["e3"],
    )
    fcr = rec.value(
        "Fcr",
        compression.e3_fcr(fy, fe),
        unit="ksi",
        description="flexural buckling stress",
        formula="0.658^(Fy/Fe) Fy or 0.877 Fe",
        clause=f.clauses["e3"],
    )
    area, cls = _effective_area(rec, sec, fy, e, fcr, f, opt)
    pn = rec.value(
        "Pn",
        compression.e3_nominal(fcr, area),
        unit="kip",
        description="nominal compressive strength",
        formula="Fcr Ae",
        clause=f.clauses["e3"] if area == sec.area_in2 else f.clauses["e7"],
    )
    return pn, cls


# --- the whole check ----------------------------------------------------------------------
def _strength_result(s: Strength, key: str, what: str, suffix: str, per: float) -> dict[str, float]:
    """The φRn, Rn/Ω and available entries of the result, in its units (``per`` = 12 for kip-ft)."""
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
        mn, state, classes = _flexure_round(rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f8"]
    elif sec.shape == "rect":
        mn, state, classes = _flexure_rect(rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f7_yield"]
    else:
        mn, state, classes = _flexure_w(rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f2"]
    mr = demand.moment_kip_ft * 12.0
    m_av = strength(
        rec, "Mn", mn, f.resistance["flexure"], method=method, unit="kip-in", show="both",
        nominal_description=f"nominal flexural strength ({state})", nominal_clause=clause_m,
        check=Required(
            "flexure", f"required flexural strength vs {'φMn' if method == 'LRFD' else 'Mn/Ω'} ({state})", mr, clause_m
        ),
    )  # fmt: skip
    mn = m_av.nominal
    checks = [m_av.check]

    vn, v_factor = _shear(rec, sec, fy, e, f, opt)
    clause_v = f.clauses["g5"] if sec.shape == "round" else f.clauses["g4"] if sec.shape == "rect" else f.clauses["g2"]
    v_av = strength(
        rec, "Vn", vn, v_factor, method=method, unit="kip", show="both",
        check=Required("shear", "required shear strength vs available", demand.shear_kip, clause_v),
    )  # fmt: skip
    checks.append(v_av.check)

    result: dict[str, Any] = {
        "mn_kip_ft": mn / 12.0,
        **_strength_result(m_av, "mn", "moment", "_kip_ft", 12.0),
        "flexure_limit_state": state,
        "vn_kip": vn,
        **_strength_result(v_av, "vn", "shear", "_kip", 1.0),
    }
    t_av = None
    if demand.torsion_kip_ft > 0.0:
        tn = _torsion(rec, sec, fy, e, f, opt)
        t_av = strength(
            rec, "Tn", tn, f.resistance["torsion"], method=method, unit="kip-in", show="both",
            check=Required(
                "torsion", "required torsional strength vs available", demand.torsion_kip_ft * 12.0, f.clauses["h3_1"]
            ),
        )  # fmt: skip
        checks.append(t_av.check)
        result.update({"tn_kip_ft": tn / 12.0, **_strength_result(t_av, "tn", "torsion", "_kip_ft", 12.0)})
    p_av = None
    if demand.axial_kip > 0.0:
        pn, comp_class = _compression(rec, sec, fy, e, f, opt)
        classes["compression"] = comp_class
        p_av = strength(
            rec, "Pn", pn, f.resistance["compression"], method=method, unit="kip", show="both",
            check=Required("compression", "required axial strength vs available", demand.axial_kip, f.clauses["e3"]),
        )  # fmt: skip
        checks.append(p_av.check)
        result.update({"pn_kip": pn, **_strength_result(p_av, "pn", "axial", "_kip", 1.0)})

    pr_pc = demand.axial_kip / p_av.available if p_av else 0.0
    mr_mc = mr / m_av.available
    neglect = f.values["h3_torsion_neglect"]
    if t_av is not None and demand.torsion_kip_ft * 12.0 > neglect.value * t_av.available:
        value = torsion.h3_interaction(
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
            formula="(Pr/Pc + Mr/Mc) + (Vr/Vc + Tr/Tc)²",
            clause=f.clauses["h3_2"],
        )
        checks.append(
            rec.check(
                "interaction_h3",
                "combined forces with torsion (H3-6) ≤ 1.0",
                demand=value,
                capacity=1.0,
                unit="-",
                clause=f.clauses["h3_2"],
            )
        )
    elif p_av is not None:
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
            formula="Pr/Pc + 8/9 Mr/Mc (Pr/Pc ≥ 0.2) else Pr/2Pc + Mr/Mc",
            clause=f.clauses["h1"],
        )
        checks.append(
            rec.check(
                "interaction_h1",
                "axial force and flexure (H1-1) ≤ 1.0",
                demand=value,
                capacity=1.0,
                unit="-",
                clause=f.clauses["h1"],
            )
        )

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


def cantilever_deflection_in(
    p_loads: list[tuple[float, float]],
    w_loads: list[tuple[float, float, float]],
    length_in: float,
    e_ksi: float,
    i_in4: float,
) -> tuple[float, list[float]]:
    """Tip deflection (in) of a cantilever from point loads (kip, z in) and uniform segments (kip/in, z1, z2 in)."""
    parts = [cantilever.point_load_tip_deflection(p, z, length_in, e_ksi, i_in4) for p, z in p_loads]
    parts += [cantilever.uniform_segment_tip_deflection(w, z1, z2, length_in, e_ksi, i_in4) for w, z1, z2 in w_loads]
    return sum(parts), parts
