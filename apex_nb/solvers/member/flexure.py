"""Flexure of one section: AISC 360 Chapter F (F2/F3 W shapes, F7 rectangular HSS, F8 round HSS).

Each shape records the section properties and Table B4.1b limits it reads, then the nominal moment
of every limit state that applies (``_States``, each with its equation's formula); the least governs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apex_nb.equations.aisc360 import classification as b4
from apex_nb.equations.aisc360 import flexure
from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.sections import Section
from apex_nb.solvers.member import base
from apex_nb.solvers.member.base import NotApplicable, Options, Prop, Recorder, limit, prop, props
from apex_nb.units import IN_PER_FT

Flexure = tuple[float, str, dict[str, str]]
LTB = "lateral-torsional buckling"
LIMITING = "limiting unbraced length"
#: (limit state, symbol) of the states recorded after yielding
FLB, WLB, LTB_STATE = ("flange local buckling", "Mn,FLB"), ("web local buckling", "Mn,WLB"), (LTB, "Mn,LTB")

#: The F7 walls by bending axis: flange slenderness, web slenderness, flat flange width, Z, S, I, depth.
RECT_AXES: dict[str, tuple[Prop, ...]] = {
    "major": (
        Prop("b/t", "b_t", "", "flange slenderness b/t"),
        Prop("h/t", "h_t", "", "web slenderness h/t"),
        Prop("b", "flat_b_in", "in", "flat flange width"),
        base.ZX,
        base.SX,
        Prop("Ix", "ix_in4", "in⁴", "moment of inertia"),
        Prop("Ht", "depth_in", "in", "overall depth"),
    ),
    "minor": (
        Prop("h/t", "h_t", "", "flange slenderness (minor axis: the Ht walls)"),
        Prop("b/t", "b_t", "", "web slenderness (minor axis: the B walls)"),
        Prop("h", "flat_h_in", "in", "flat flange width (minor axis)"),
        Prop("Zy", "zy_in3", "in³", "plastic section modulus"),
        Prop("Sy", "sy_in3", "in³", "elastic section modulus"),
        Prop("Iy", "iy_in4", "in⁴", "moment of inertia"),
        Prop("B", "width_in", "in", "overall width"),
    ),
}


class _States:
    """The flexural limit states of one section: Mp (yielding) first, then each nominal moment that applies."""

    def __init__(self, rec: Recorder, fy: float, z: float, z_symbol: str, clause: str) -> None:
        self.rec = rec
        self.mp = rec.apply(
            "Mp",
            flexure.plastic_moment,
            fy,
            z,
            unit="kip-in",
            description="plastic moment",
            clause=clause,
            fill={"z": z_symbol},
        )
        self.found = [(self.mp, "yielding")]

    def add(
        self, which: tuple[str, str], fn: Callable[..., float], args: tuple[Any, ...], description: str, clause: str
    ) -> None:
        """Record one limit state's nominal moment (kip-in), formula from ``fn``; ``which`` = (state, symbol)."""
        moment = self.rec.apply(which[1], fn, *args, unit="kip-in", description=description, clause=clause)
        self.found.append((moment, which[0]))

    def governing(self) -> tuple[float, str]:
        """The least nominal moment and its limit state (the first listed on a tie)."""
        return min(self.found, key=lambda c: c[0])


def _classes(
    rec: Recorder, f: EditionFactors, kind: str, lam_f: float, lam_w: float, e: float, fy: float, opt: Options
) -> tuple[b4.FlexureClass, b4.FlexureClass, float, float]:
    """Table B4.1b classes of flange and web in flexure (``kind``: the pack's "rect" or "w" limits), noted.

    Returns the flange class, the web class, λpf and λrf.
    """
    lpf = limit(rec, f, f"{kind}_flange_flexure_lambda_p", e, fy, "λpf")
    lrf = limit(rec, f, f"{kind}_flange_flexure_lambda_r", e, fy, "λrf")
    lpw = limit(rec, f, f"{kind}_web_flexure_lambda_p", e, fy, "λpw")
    lrw = limit(rec, f, f"{kind}_web_flexure_lambda_r", e, fy, "λrw")
    flange = b4.classify_flexure(lam_f, lpf, lrf, opt.edition)
    web = b4.classify_flexure(lam_w, lpw, lrw, opt.edition)
    walls = ("HSS flanges", "HSS webs") if kind == "rect" else ("W flanges", "W web")
    rec.note("flange_class", flange, description=f"{walls[0]} in flexure", clause=f.clauses["b4_1"])
    rec.note("web_class", web, description=f"{walls[1]} in flexure", clause=f.clauses["b4_1"])
    return flange, web, lpf, lrf


def flexure_round(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> Flexure:
    """F8: yielding and, for a noncompact or slender wall, local buckling (D/t < 0.45E/Fy)."""
    (d_t,) = props(rec, sec, base.D_T)
    lam_max = limit(rec, f, "round_flexure_max", e, fy, "0.45E/Fy")
    if d_t >= lam_max:
        raise NotApplicable(f"{sec.label}: D/t = {d_t:.3g} ≥ 0.45E/Fy = {lam_max:.3g}, outside {f.clauses['f8']}")
    lam_p = limit(rec, f, "round_flexure_lambda_p", e, fy, "λp")
    lam_r = limit(rec, f, "round_flexure_lambda_r", e, fy, "λr")
    cls = b4.classify_flexure(d_t, lam_p, lam_r, opt.edition)
    rec.note("wall_class", cls, description="round HSS wall in flexure", clause=f.clauses["b4_1"])
    z = prop(rec, sec, "Z", sec.zx_in3, "in³", base.ZX.what)
    s = prop(rec, sec, "S", sec.sx_in3, "in³", base.SX.what)
    states = _States(rec, fy, z, "Z", f.clauses["f8"])
    if cls != "compact":
        fn, args = (
            (flexure.f8_noncompact, (e, d_t, fy, s)) if cls == "noncompact" else (flexure.f8_slender, (e, d_t, s))
        )
        states.add(("local buckling", "Mn,LB"), fn, args, f"local buckling, {cls} wall", f.clauses["f8"])
    mn, state = states.governing()
    return mn, state, {"flexure": cls, "wall": cls}


def flexure_rect(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> Flexure:
    """F7: yielding, flange and web local buckling, and LTB of a deep section about its major axis."""
    (t,) = props(rec, sec, base.T_DES)
    lam_f, lam_w, flat_f, z, s, inertia, depth = props(rec, sec, *RECT_AXES[opt.axis])
    flange, web, _, _ = _classes(rec, f, "rect", lam_f, lam_w, e, fy, opt)
    if web == "slender":
        raise NotApplicable(f"{sec.label}: slender webs (h/t = {lam_w:.3g}), F7.3(c) is not implemented")
    states = _States(rec, fy, z, "Z", f.clauses["f7_yield"])
    mp, flb = states.mp, f.clauses["f7_flb"]
    fn: Callable[..., float]
    args: tuple[float, ...]
    if flange == "noncompact":
        args = (mp, fy, s, lam_f, e)
        states.add(FLB, flexure.f7_flange_noncompact, args, "flange local buckling, noncompact", flb)
    elif flange == "slender":  # F7.2(c): the effective width be, then Se with b − be off both flanges
        what = "effective width of the compression flange"
        be = rec.apply(
            "be", flexure.f7_effective_width, t, flat_f, lam_f, e, fy, unit="in", description=what, clause=flb
        )
        what = "effective section modulus (ineffective width off both flanges, AISC Design Example F.8B)"
        se = rec.apply(
            "Se",
            flexure.f7_effective_section_modulus,
            depth,
            inertia,
            flat_f,
            be,
            t,
            unit="in³",
            description=what,
            clause=flb,
        )
        states.add(FLB, flexure.f7_flange_slender, (fy, se), "flange local buckling, slender", flb)
    if web == "noncompact":
        args = (mp, fy, s, lam_w, e)
        states.add(WLB, flexure.f7_web_noncompact, args, "web local buckling, noncompact", f.clauses["f7_wlb"])
    if opt.axis == "major" and sec.depth_in > sec.width_in:
        ry, j, ag = props(rec, sec, base.RY, base.J, base.AG)
        clause = f.clauses["f7_ltb"]
        lb = rec.value(
            "Lb", opt.length_ft * IN_PER_FT, unit="in", description=f"unbraced length for {LTB}", clause=clause
        )
        torsion = (e, ry, j, ag)  # F7-10..13 all read E ry √(J Ag)
        lp = rec.apply(
            "Lp", flexure.f7_ltb_lp, *torsion, mp, unit="in", description=f"{LIMITING}, yielding", clause=clause
        )
        lr = rec.apply(
            "Lr", flexure.f7_ltb_lr, *torsion, fy, s, unit="in", description=f"{LIMITING}, inelastic LTB", clause=clause
        )
        if lb > lp:
            if lb <= lr:
                fn, args = flexure.ltb_inelastic, (opt.cb, mp, fy, s, lb, lp, lr)
            else:
                fn, args = flexure.f7_ltb_elastic, (opt.cb, e, j, ag, lb, ry, mp)
            states.add(LTB_STATE, fn, args, LTB, clause)
    mn, state = states.governing()
    return mn, state, {"flexure": b4.worst(flange, web), "flange": flange, "web": web}


def flexure_w(rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, opt: Options) -> Flexure:
    """F2 (compact flanges) or F3 (noncompact or slender flanges), compact web, major axis only."""
    if opt.axis != "major":
        raise NotApplicable("W shapes are checked for major-axis bending only (F6 is not implemented)")
    lam_f, lam_w = props(rec, sec, Prop("bf/2tf", "bf_2tf", "", "flange slenderness"), base.H_TW)
    flange, web, lpf, lrf = _classes(rec, f, "w", lam_f, lam_w, e, fy, opt)
    if web != "compact":
        raise NotApplicable(f"{sec.label}: {web} web for Fy = {fy:g} ksi, F4/F5 are not implemented")
    rts_row = Prop("rts", "rts_in", "in", "effective radius of gyration rts")
    ho_row = Prop("ho", "ho_in", "in", "distance between flange centroids")
    z, s, ry, rts, j, ho = props(rec, sec, base.ZX, base.SX, base.RY, rts_row, base.J, ho_row)
    f2, f3 = f.clauses["f2"], f.clauses["f3"]
    states = _States(rec, fy, z, "Zx", f2 if flange == "compact" else f3)
    mp = states.mp
    lb = rec.value(
        "Lb",
        opt.length_ft * IN_PER_FT,
        unit="in",
        description="unbraced length",
        clause=f2 if flange == "compact" else f3,
    )
    jc = (j, s, ho)  # F2-4 and F2-6 both read Jc/(Sx ho), c = 1
    lp = rec.apply("Lp", flexure.f2_lp, ry, e, fy, unit="in", description=f"{LIMITING}, yielding", clause=f2)
    lr = rec.apply("Lr", flexure.f2_lr, rts, e, fy, *jc, unit="in", description=f"{LIMITING}, inelastic LTB", clause=f2)
    fn: Callable[..., float]
    args: tuple[float, ...]
    if lb > lp:
        if lb <= lr:
            fn, args = flexure.ltb_inelastic, (opt.cb, mp, fy, s, lb, lp, lr)
        else:
            fcr = rec.apply(
                "Fcr,LTB",
                flexure.f2_fcr,
                opt.cb,
                e,
                lb,
                rts,
                *jc,
                unit="ksi",
                description="elastic LTB stress",
                clause=f2,
            )
            fn, args = flexure.f2_ltb_elastic, (fcr, s, mp)
        states.add(LTB_STATE, fn, args, LTB, f2)
    if flange == "noncompact":
        args = (mp, fy, s, lam_f, lpf, lrf)
        states.add(FLB, flexure.f3_flange_noncompact, args, "compression flange local buckling", f3)
    elif flange == "slender":
        kc = rec.value("kc", flexure.f3_kc(lam_w), description="kc = 4/√(h/tw), 0.35..0.76", clause=f3)
        args = (e, kc, s, lam_f)
        states.add(FLB, flexure.f3_flange_slender, args, "compression flange local buckling, slender", f3)
    mn, state = states.governing()
    return mn, state, {"flexure": b4.worst(flange, web), "flange": flange, "web": web}
