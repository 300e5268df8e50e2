"""Concrete limit states of ``connection.anchor_rods`` (ACI 318-19 Ch. 17).

Breakout in tension and shear, side-face blowout, and anchor reinforcement replacing breakout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from apex_nb.calc import Calc
from apex_nb.equations.aci318 import anchors as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.errors import FieldProblem, InputError
from apex_nb.pack_schemas.connections import Aci318AnchorsPack
from apex_nb.solvers.connection.anchor_rods_input import SHEAR_CRACKING, AnchorRodsInput, ShearCrackingKey
from apex_nb.solvers.connection.common import LB_PER_KIP
from apex_nb.solvers.strength import Phi, Required, strength


@dataclass(frozen=True)
class ConcreteSide:
    """What every concrete limit state of one rod group reads: recorder, pack, inputs, λa and φ (Condition A/B)."""

    calc: Calc
    pack: Aci318AnchorsPack
    inputs: AnchorRodsInput
    lambda_a: float
    phi_conc: float


def edges_of_group(inputs: AnchorRodsInput, rows: int, end: str) -> tuple[float | None, float | None, float]:
    """(outer x edge, inner x edge seen past the other rows, x span) of a tension group at one end."""
    sx = inputs.spacing_x_in or 0.0
    outer = inputs.edge_x_neg_in if end == "x_neg" else inputs.edge_x_pos_in
    far = inputs.edge_x_pos_in if end == "x_neg" else inputs.edge_x_neg_in
    inner = None if far is None else far + (inputs.rods_x - rows) * sx
    return outer, inner, (rows - 1) * sx


def breakout_tension(side: ConcreteSide, rows: int, end: str, tag: str) -> tuple[float, float]:
    """Ncbg (kip) of ``rows`` rows at one x end, with every factor traced; returns (Ncbg, n rods)."""
    calc, pack, inputs, lambda_a = side.calc, side.pack, side.inputs, side.lambda_a
    bt = pack.breakout_tension
    clause = pack.clauses["breakout_tension"]
    at = partial(calc.apply, clause=clause)  # every factor of §17.6.2 records under its clause
    outer, inner, span_x = edges_of_group(inputs, rows, end)
    span_y = (inputs.rods_y - 1) * (inputs.spacing_y_in or 0.0)
    reach = bt.projection_factor * inputs.hef_in
    sides = [c for c in (outer, inner, inputs.edge_y_neg_in, inputs.edge_y_pos_in) if c is not None]
    near = [c for c in sides if c < reach]
    hef = inputs.hef_in
    if len(near) >= 3:
        spacings = [s for s in (inputs.spacing_x_in if rows > 1 else None, inputs.spacing_y_in) if s is not None]
        hef = eq.reduced_hef_in(
            inputs.hef_in, max(near), max(spacings, default=0.0), bt.projection_factor, bt.three_edge_spacing_divisor
        )
        hef = calc.value(
            f"hef'{tag}",
            hef,
            unit="in",
            description="hef reduced: rods within 1.5 hef of three or more edges",
            formula=formula_of(eq.reduced_hef_in),
            clause="ACI 318-19 §17.6.2.1.2",
        )
        reach = bt.projection_factor * hef
    length_x = eq.projected_length_in(outer, span_x, inner, reach)
    length_y = eq.projected_length_in(inputs.edge_y_neg_in, span_y, inputs.edge_y_pos_in, reach)
    anc = at(
        f"ANc{tag}",
        eq.projected_area_in2,
        length_x,
        length_y,
        unit="in²",
        description=f"projected breakout area of {rows} row(s) at the {end} end",
        fill={"length_1": length_x, "length_2": length_y},
    )
    anco = at(f"ANco{tag}", eq.anco_in2, hef, bt.anco_coefficient, unit="in²", description="one anchor, no edges")
    ca_min = min(sides) if sides else None
    psi_ed = at(
        f"ψed,N{tag}",
        eq.psi_ed_tension,
        ca_min,
        reach,
        bt.psi_ed_base,
        bt.psi_ed_slope,
        description="edge effect factor, tension",
    )
    psi_c = bt.psi_c_cracked if inputs.cracked else bt.psi_c_uncracked_cast_in
    deep = (bt.deep_coefficient, bt.deep_hef_min_in, bt.deep_hef_max_in)
    nb = calc.value(
        f"Nb{tag}",
        eq.basic_breakout_tension_lb(bt.kc_cast_in, lambda_a, inputs.fc_psi, hef, deep) / LB_PER_KIP,
        unit="kip",
        description="basic breakout strength of one anchor in cracked concrete",
        formula=formula_of(eq.basic_breakout_tension_lb, kc=bt.kc_cast_in),
        clause=clause,
    )
    ncbg = at(
        f"Ncbg{tag}",
        eq.breakout_tension_group_lb,
        anc,
        anco,
        1.0,
        psi_ed,
        psi_c,
        bt.psi_cp_cast_in,
        nb,
        unit="kip",
        description=f"concrete breakout strength in tension of the {end} tension group",
        fill={"psi_c": psi_c, "psi_cp": bt.psi_cp_cast_in},
    )
    return ncbg, float(rows * inputs.rods_y)


def side_face(side: ConcreteSide, rows: int, abrg: float, n_rod: float, ratios: dict[str, float]) -> float | None:
    """Side-face blowout of the tension rods nearest an edge, single or along the edge (§17.6.4)."""
    calc, pack, inputs, lambda_a, phi_conc = side.calc, side.pack, side.inputs, side.lambda_a, side.phi_conc
    sf = pack.side_face_blowout
    clause = pack.clauses["side_face_blowout"]
    best: float | None = None
    for end in ("x_neg", "x_pos"):
        outer, _, _ = edges_of_group(inputs, rows, end)
        y_edges = [c for c in (inputs.edge_y_neg_in, inputs.edge_y_pos_in) if c is not None]
        candidates: list[tuple[float, float | None, int, float]] = []  # (ca1, ca2, rods along edge, spacing)
        if outer is not None:
            candidates.append((outer, min(y_edges) if y_edges else None, inputs.rods_y, inputs.spacing_y_in or 0.0))
        for c in y_edges:
            candidates.append((c, outer, rows, inputs.spacing_x_in or 0.0))
        for ca1, ca2, along, spacing in candidates:
            if inputs.hef_in <= sf.applies_when_hef_over_ca1 * ca1:
                continue
            nsb = eq.side_face_blowout_kip(
                ca1, ca2, abrg, lambda_a, inputs.fc_psi, along, spacing, sf.coefficient, sf.corner_ratio_limit,
                sf.corner_divisor, sf.group_spacing_divisor,
            )  # fmt: skip
            per_rod = nsb / along
            if best is None or per_rod < best:
                best = per_rod
                calc.value(
                    "Nsb",
                    nsb,
                    unit="kip",
                    description=f"side-face blowout of {along} rod(s) at ca1 = {ca1:g} in.",
                    formula=formula_of(eq.side_face_blowout_kip),
                    clause=clause,
                )
    if best is None:
        calc.note("side_face_blowout", "not applicable", description="hef <= 2.5 ca1 at every edge", clause=clause)
        return None
    s_nsb = strength(
        calc, "Nsb", best, Phi(phi_conc, pack.clauses["phi"]), method="strength", unit="kip", name="φNsb/rod",
        description="design side-face blowout strength per rod", formula="",
        check=Required("anchor.side_face_blowout", "Side-face blowout", n_rod, clause),
    )  # fmt: skip
    ratios["side_face_blowout"] = s_nsb.ratio
    return s_nsb.available


def anchor_reinforcement(side: ConcreteSide, demand: float, phi_ncbg: float) -> float:
    """ACI 318-19 §17.5.2.1: anchor reinforcement replaces the concrete breakout in tension; returns its ratio.

    The plain-concrete breakout ratio stays in the trace for comparison. The bars must be developed
    on both sides of the breakout surface: above it by a standard hook (§25.4.3.1, conservative ψ
    factors of Table 25.4.3.2), below it straight into the pier (the pier's length, checked there).
    """
    calc, pack, inputs = side.calc, side.pack, side.inputs
    ar = pack.anchor_reinforcement
    clause = pack.clauses.get("anchor_reinforcement", "ACI 318-19 §17.5.2.1")
    if ar is None:
        raise InputError(
            [FieldProblem("anchor_reinforcement_in2", "this anchors pack has no anchor reinforcement data", "omit")]
        )
    plain = calc.apply(
        "ratio,plain", eq.plain_breakout_ratio, demand, phi_ncbg,
        description="plain-concrete breakout ratio (shown for comparison; replaced by anchor reinforcement)",
        clause=pack.clauses["breakout_tension"],
    )  # fmt: skip
    calc.note(
        "breakout_tension_plain",
        f"{'passes' if plain <= 1.0 else 'fails'} at ratio {plain:.2f} without anchor reinforcement",
        description="unreinforced concrete breakout in tension",
        clause=pack.clauses["breakout_tension"],
    )
    nominal = eq.anchor_reinforcement_tension_kip(
        inputs.anchor_reinforcement_in2 or 0.0, inputs.anchor_reinforcement_fy_ksi
    )
    ratio = strength(
        calc, "Nrb", nominal, Phi(ar.phi, clause), method="strength", unit="kip",
        description="design strength of the anchor reinforcement in tension",
        formula=formula_of(eq.design_anchor_reinforcement_tension_kip, phi=ar.phi),
        check=Required(
            "anchor.reinforcement_tension", "Anchor reinforcement in tension (replaces concrete breakout, §17.5.2.1)",
            demand, clause,
        ),
    ).ratio  # fmt: skip
    db = inputs.anchor_reinforcement_db_in
    fc = inputs.fc_psi
    psi_c = min(fc / ar.psi_c_divisor_psi + ar.psi_c_intercept, 1.0)
    ldh = calc.apply(
        "ldh",
        eq.hooked_development_length_in,
        db,
        inputs.anchor_reinforcement_fy_ksi * 1000.0,
        fc,
        ar.psi_r * ar.psi_o * psi_c,
        divisor=ar.hook_divisor,
        min_db=ar.ldh_min_db,
        min_in=ar.ldh_min_in,
        unit="in",
        description="hooked development length of the anchor reinforcement above the breakout surface",
        clause=clause,
        fill={"psi_r": ar.psi_r, "psi_o": ar.psi_o, "psi_c": psi_c},
    )
    available = calc.apply(
        "l_above",
        eq.bar_length_above_breakout_in,
        inputs.hef_in,
        inputs.anchor_reinforcement_offset_in,
        ar.cone_run_over_rise,
        inputs.anchor_reinforcement_top_in,
        unit="in",
        description="bar length from its hooked top down to where it crosses the breakout surface",
        clause=clause,
    )
    calc.check(
        "anchor.reinforcement_development",
        "Anchor reinforcement developed above the breakout surface (standard hook)",
        demand=ldh,
        capacity=available,
        unit="in",
        clause=clause,
    )
    calc.assume(
        "Anchor reinforcement: pier bars within 0.5 hef of the tension rods, hooked at the top, running straight"
        " into the pier below the breakout surface (developed there by the pier's length)",
        clause,
    )
    return ratio


def breakout_shear(side: ConcreteSide, da: float, v: float, ratios: dict[str, float]) -> float | None:
    """Concrete breakout in shear toward the +x edge (§17.7.2); None when there is no +x edge."""
    calc, pack, inputs, lambda_a, phi_conc = side.calc, side.pack, side.inputs, side.lambda_a, side.phi_conc
    bs = pack.breakout_shear
    clause = pack.clauses["breakout_shear"]
    at = partial(calc.apply, clause=clause)  # every factor of §17.7.2 records under its clause
    if inputs.edge_x_pos_in is None:
        calc.note(
            "breakout_shear", "not applicable", description="no concrete edge in the shear direction", clause=clause
        )
        return None
    ca1 = inputs.edge_x_pos_in
    if inputs.shear_rods == "all":
        ca1 += (inputs.rods_x - 1) * (inputs.spacing_x_in or 0.0)
    y_edges = [c for c in (inputs.edge_y_neg_in, inputs.edge_y_pos_in) if c is not None]
    span_y = (inputs.rods_y - 1) * (inputs.spacing_y_in or 0.0)
    ha = inputs.member_thickness_in
    if (
        len(y_edges) == 2
        and ha is not None
        and max(y_edges) < bs.projection_factor * ca1
        and ha < bs.projection_factor * ca1
    ):
        ca1 = eq.reduced_ca1_in(ca1, max(y_edges), ha, span_y, bs.three_edge_spacing_divisor)
        calc.note(
            "ca1_limited", True, description="ca1 limited in a narrow, thin member", clause="ACI 318-19 §17.7.2.1.2"
        )
    ca1 = calc.value(
        "ca1", ca1, unit="in", description="edge distance in the shear direction (loaded row)", clause=clause
    )
    reach = bs.projection_factor * ca1
    width = eq.projected_length_in(inputs.edge_y_neg_in, span_y, inputs.edge_y_pos_in, reach)
    depth = reach if ha is None else min(reach, ha)
    avc = at(
        "AVc",
        eq.projected_area_in2,
        width,
        depth,
        unit="in²",
        description="projected shear breakout area",
        fill={"length_1": width, "length_2": depth},
    )
    avco = at(
        "AVco", eq.avco_in2, ca1, bs.avco_coefficient, unit="in²", description="one anchor, deep member, no side edges"
    )
    psi_ed = at(
        "ψed,V",
        eq.psi_ed_shear,
        min(y_edges) if y_edges else None,
        reach,
        bs.psi_ed_base,
        bs.psi_ed_slope,
        description="edge effect factor, shear",
    )
    key: ShearCrackingKey = "uncracked" if not inputs.cracked else SHEAR_CRACKING[inputs.edge_reinforcement]
    psi_c = calc.value(
        "ψc,V", bs.psi_c[key], description=f"cracking factor, shear ({key.replace('_', ' ')})", clause=clause
    )
    psi_h = at("ψh,V", eq.psi_h_shear, ca1, ha, bs.projection_factor, description="thin member factor")
    le = min(inputs.hef_in, bs.le_max_diameters * da)
    vb = calc.value(
        "Vb",
        eq.basic_breakout_shear_lb(le, da, lambda_a, inputs.fc_psi, ca1, bs.vb_coefficient, bs.vb_cap_coefficient)
        / LB_PER_KIP,
        unit="kip",
        description="basic shear breakout strength of one anchor",
        formula=formula_of(eq.basic_breakout_shear_lb),
        clause=clause,
    )
    vcbg = at(
        "Vcbg",
        eq.breakout_shear_group_lb,
        avc,
        avco,
        1.0,
        psi_ed,
        psi_c,
        psi_h,
        vb,
        unit="kip",
        description="concrete breakout strength in shear",
    )
    s_vcbg = strength(
        calc, "Vcbg", vcbg, Phi(phi_conc, pack.clauses["phi"]), method="strength", unit="kip",
        description="design shear breakout strength",
        check=Required("anchor.breakout_shear", "Concrete breakout in shear toward the +x edge", v, clause),
    )  # fmt: skip
    ratios["breakout_shear"] = s_vcbg.ratio
    return s_vcbg.available
