"""Flexure of one section: AISC 360 Chapter F (F2/F3 W shapes, F7 rectangular HSS, F8 round HSS)."""

from __future__ import annotations

from apex_nb.equations.aisc360 import classification as b4
from apex_nb.equations.aisc360 import flexure
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.sections import Section
from apex_nb.solvers.member.base import NotApplicable, Options, Recorder, limit, prop


def _candidate(
    candidates: list[tuple[float, str]],
    rec: Recorder,
    symbol: str,
    moment: float,
    description: str,
    formula: str,
    clause: str,
    state: str,
) -> None:
    """Record one flexural limit state's nominal moment (kip-in) and add it, named, to the candidates."""
    candidates.append(
        (rec.value(symbol, moment, unit="kip-in", description=description, formula=formula, clause=clause), state)
    )


def flexure_round(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str, dict[str, str]]:
    d_t = prop(rec, sec, "D/t", sec.d_t, "", "diameter-to-thickness ratio")
    lam_max = limit(rec, f, "round_flexure_max", e, fy, "0.45E/Fy")
    if d_t >= lam_max:
        raise NotApplicable(f"{sec.label}: D/t = {d_t:.3g} ≥ 0.45E/Fy = {lam_max:.3g}, outside {f.clauses['f8']}")
    lam_p = limit(rec, f, "round_flexure_lambda_p", e, fy, "λp")
    lam_r = limit(rec, f, "round_flexure_lambda_r", e, fy, "λr")
    cls = b4.classify_flexure(d_t, lam_p, lam_r, opt.edition)
    rec.note("wall_class", cls, description="round HSS wall in flexure", clause=f.clauses["b4_1"])
    z = prop(rec, sec, "Z", sec.zx_in3, "in³", "plastic section modulus")
    s = prop(rec, sec, "S", sec.sx_in3, "in³", "elastic section modulus")
    mp = rec.apply(
        "Mp",
        flexure.plastic_moment,
        fy,
        z,
        unit="kip-in",
        description="plastic moment",
        clause=f.clauses["f8"],
        fill={"z": "Z"},
    )
    mn, state = mp, "yielding"
    if cls == "noncompact":
        mlb = rec.apply(
            "Mn,LB",
            flexure.f8_noncompact,
            e,
            d_t,
            fy,
            s,
            unit="kip-in",
            description="local buckling, noncompact wall",
            clause=f.clauses["f8"],
        )
        if mlb < mn:
            mn, state = mlb, "local buckling"
    elif cls == "slender":
        mlb = rec.apply(
            "Mn,LB",
            flexure.f8_slender,
            e,
            d_t,
            s,
            unit="kip-in",
            description="local buckling, slender wall",
            clause=f.clauses["f8"],
        )
        if mlb < mn:
            mn, state = mlb, "local buckling"
    return mn, state, {"flexure": cls, "wall": cls}


def flexure_rect(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str, dict[str, str]]:
    major = opt.axis == "major"
    t = prop(rec, sec, "t_des", sec.t_des_in, "in", "design wall thickness")
    if major:
        lam_f = prop(rec, sec, "b/t", sec.b_t, "", "flange slenderness b/t")
        lam_w = prop(rec, sec, "h/t", sec.h_t, "", "web slenderness h/t")
        flat_f = prop(rec, sec, "b", sec.flat_b_in, "in", "flat flange width")
        z = prop(rec, sec, "Zx", sec.zx_in3, "in³", "plastic section modulus")
        s = prop(rec, sec, "Sx", sec.sx_in3, "in³", "elastic section modulus")
        inertia = prop(rec, sec, "Ix", sec.ix_in4, "in⁴", "moment of inertia")
        depth = prop(rec, sec, "Ht", sec.depth_in, "in", "overall depth")
    else:
        lam_f = prop(rec, sec, "h/t", sec.h_t, "", "flange slenderness (minor axis: the Ht walls)")
        lam_w = prop(rec, sec, "b/t", sec.b_t, "", "web slenderness (minor axis: the B walls)")
        flat_f = prop(rec, sec, "h", sec.flat_h_in, "in", "flat flange width (minor axis)")
        z = prop(rec, sec, "Zy", sec.zy_in3, "in³", "plastic section modulus")
        s = prop(rec, sec, "Sy", sec.sy_in3, "in³", "elastic section modulus")
        inertia = prop(rec, sec, "Iy", sec.iy_in4, "in⁴", "moment of inertia")
        depth = prop(rec, sec, "B", sec.width_in, "in", "overall width")
    lpf = limit(rec, f, "rect_flange_flexure_lambda_p", e, fy, "λpf")
    lrf = limit(rec, f, "rect_flange_flexure_lambda_r", e, fy, "λrf")
    lpw = limit(rec, f, "rect_web_flexure_lambda_p", e, fy, "λpw")
    lrw = limit(rec, f, "rect_web_flexure_lambda_r", e, fy, "λrw")
    flange = b4.classify_flexure(lam_f, lpf, lrf, opt.edition)
    web = b4.classify_flexure(lam_w, lpw, lrw, opt.edition)
    rec.note("flange_class", flange, description="HSS flanges in flexure", clause=f.clauses["b4_1"])
    rec.note("web_class", web, description="HSS webs in flexure", clause=f.clauses["b4_1"])
    if web == "slender":
        raise NotApplicable(f"{sec.label}: slender webs (h/t = {lam_w:.3g}), F7.3(c) is not implemented")
    mp = rec.apply(
        "Mp",
        flexure.plastic_moment,
        fy,
        z,
        unit="kip-in",
        description="plastic moment",
        clause=f.clauses["f7_yield"],
        fill={"z": "Z"},
    )
    candidates = [(mp, "yielding")]
    if flange == "noncompact":
        m = flexure.f7_flange_noncompact(mp, fy, s, lam_f, e)
        _candidate(candidates, rec, "Mn,FLB", m, "flange local buckling, noncompact",
                   formula_of(flexure.f7_flange_noncompact), f.clauses["f7_flb"], "flange local buckling")  # fmt: skip
    elif flange == "slender":
        be = rec.apply(
            "be",
            flexure.f7_effective_width,
            t,
            flat_f,
            lam_f,
            e,
            fy,
            unit="in",
            description="effective width of the compression flange",
            clause=f.clauses["f7_flb"],
        )
        se = rec.apply(
            "Se",
            flexure.f7_effective_section_modulus,
            depth,
            inertia,
            flat_f,
            be,
            t,
            unit="in³",
            description="effective section modulus (ineffective width off both flanges, AISC Design Example F.8B)",
            clause=f.clauses["f7_flb"],
        )
        _candidate(candidates, rec, "Mn,FLB", flexure.f7_flange_slender(fy, se), "flange local buckling, slender",
                   formula_of(flexure.f7_flange_slender), f.clauses["f7_flb"], "flange local buckling")  # fmt: skip
    if web == "noncompact":
        m = flexure.f7_web_noncompact(mp, fy, s, lam_w, e)
        _candidate(candidates, rec, "Mn,WLB", m, "web local buckling, noncompact",
                   formula_of(flexure.f7_web_noncompact), f.clauses["f7_wlb"], "web local buckling")  # fmt: skip
    if major and sec.depth_in > sec.width_in:
        ry = prop(rec, sec, "ry", sec.ry_in, "in", "radius of gyration about y")
        j = prop(rec, sec, "J", sec.j_in4, "in⁴", "torsional constant")
        ag = prop(rec, sec, "Ag", sec.area_in2, "in²", "gross area")
        lb = rec.value(
            "Lb",
            opt.length_ft * 12.0,
            unit="in",
            description="unbraced length for lateral-torsional buckling",
            clause=f.clauses["f7_ltb"],
        )
        lp = rec.apply(
            "Lp",
            flexure.f7_ltb_lp,
            e,
            ry,
            j,
            ag,
            mp,
            unit="in",
            description="limiting unbraced length, yielding",
            clause=f.clauses["f7_ltb"],
        )
        lr = rec.apply(
            "Lr",
            flexure.f7_ltb_lr,
            e,
            ry,
            j,
            ag,
            fy,
            s,
            unit="in",
            description="limiting unbraced length, inelastic LTB",
            clause=f.clauses["f7_ltb"],
        )
        if lb > lp:
            if lb <= lr:
                m = flexure.f7_ltb_inelastic(opt.cb, mp, fy, s, lb, lp, lr)
                formula = formula_of(flexure.f7_ltb_inelastic)
            else:
                m = flexure.f7_ltb_elastic(opt.cb, e, j, ag, lb, ry, mp)
                formula = formula_of(flexure.f7_ltb_elastic)
            _candidate(candidates, rec, "Mn,LTB", m, "lateral-torsional buckling",
                       formula, f.clauses["f7_ltb"], "lateral-torsional buckling")  # fmt: skip
    mn, state = min(candidates, key=lambda c: c[0])
    return mn, state, {"flexure": b4.worst(flange, web), "flange": flange, "web": web}


def flexure_w(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options
) -> tuple[float, str, dict[str, str]]:
    if opt.axis != "major":
        raise NotApplicable("W shapes are checked for major-axis bending only (F6 is not implemented)")
    lam_f = prop(rec, sec, "bf/2tf", sec.bf_2tf, "", "flange slenderness")
    lam_w = prop(rec, sec, "h/tw", sec.h_tw, "", "web slenderness")
    lpf = limit(rec, f, "w_flange_flexure_lambda_p", e, fy, "λpf")
    lrf = limit(rec, f, "w_flange_flexure_lambda_r", e, fy, "λrf")
    lpw = limit(rec, f, "w_web_flexure_lambda_p", e, fy, "λpw")
    lrw = limit(rec, f, "w_web_flexure_lambda_r", e, fy, "λrw")
    flange = b4.classify_flexure(lam_f, lpf, lrf, opt.edition)
    web = b4.classify_flexure(lam_w, lpw, lrw, opt.edition)
    rec.note("flange_class", flange, description="W flanges in flexure", clause=f.clauses["b4_1"])
    rec.note("web_class", web, description="W web in flexure", clause=f.clauses["b4_1"])
    if web != "compact":
        raise NotApplicable(f"{sec.label}: {web} web for Fy = {fy:g} ksi, F4/F5 are not implemented")
    z = prop(rec, sec, "Zx", sec.zx_in3, "in³", "plastic section modulus")
    s = prop(rec, sec, "Sx", sec.sx_in3, "in³", "elastic section modulus")
    ry = prop(rec, sec, "ry", sec.ry_in, "in", "radius of gyration about y")
    rts = prop(rec, sec, "rts", sec.rts_in, "in", "effective radius of gyration rts")
    j = prop(rec, sec, "J", sec.j_in4, "in⁴", "torsional constant")
    ho = prop(rec, sec, "ho", sec.ho_in, "in", "distance between flange centroids")
    clause = f.clauses["f2"] if flange == "compact" else f.clauses["f3"]
    mp = rec.apply(
        "Mp",
        flexure.plastic_moment,
        fy,
        z,
        unit="kip-in",
        description="plastic moment",
        clause=clause,
        fill={"z": "Zx"},
    )
    candidates = [(mp, "yielding")]
    lb = rec.value("Lb", opt.length_ft * 12.0, unit="in", description="unbraced length", clause=clause)
    lp = rec.apply(
        "Lp",
        flexure.f2_lp,
        ry,
        e,
        fy,
        unit="in",
        description="limiting unbraced length, yielding",
        clause=f.clauses["f2"],
    )
    lr = rec.apply(
        "Lr",
        flexure.f2_lr,
        rts,
        e,
        fy,
        j,
        s,
        ho,
        unit="in",
        description="limiting unbraced length, inelastic LTB",
        clause=f.clauses["f2"],
    )
    if lb > lp:
        if lb <= lr:
            m = flexure.f2_ltb_inelastic(opt.cb, mp, fy, s, lb, lp, lr)
            formula = formula_of(flexure.f2_ltb_inelastic)
        else:
            fcr = rec.apply(
                "Fcr,LTB",
                flexure.f2_fcr,
                opt.cb,
                e,
                lb,
                rts,
                j,
                s,
                ho,
                unit="ksi",
                description="elastic LTB stress",
                clause=f.clauses["f2"],
            )
            m = flexure.f2_ltb_elastic(fcr, s, mp)
            formula = formula_of(flexure.f2_ltb_elastic)
        _candidate(candidates, rec, "Mn,LTB", m, "lateral-torsional buckling", formula, f.clauses["f2"],
                   "lateral-torsional buckling")  # fmt: skip
    if flange == "noncompact":
        m = flexure.f3_flange_noncompact(mp, fy, s, lam_f, lpf, lrf)
        _candidate(candidates, rec, "Mn,FLB", m, "compression flange local buckling",
                   formula_of(flexure.f3_flange_noncompact), f.clauses["f3"], "flange local buckling")  # fmt: skip
    elif flange == "slender":
        kc = rec.value("kc", flexure.f3_kc(lam_w), description="kc = 4/√(h/tw), 0.35..0.76", clause=f.clauses["f3"])
        m = flexure.f3_flange_slender(e, kc, s, lam_f)
        _candidate(candidates, rec, "Mn,FLB", m, "compression flange local buckling, slender",
                   formula_of(flexure.f3_flange_slender), f.clauses["f3"], "flange local buckling")  # fmt: skip
    mn, state = min(candidates, key=lambda c: c[0])
    return mn, state, {"flexure": b4.worst(flange, web), "flange": flange, "web": web}
