"""Solver ``connection.anchor_rods``: cast-in headed anchor rods per ACI 318-19 Chapter 17.

Plan geometry: a rectangular grid of ``rods_x`` x ``rods_y`` rods. x is the direction of the
shear (toward the edge at ``edge_x_pos_in``) and of the moment that puts ``tension_rows`` rows
at one x end in tension; both ends are checked and the weaker governs. Demands are factored
(strength level): Chapter 17 has no ASD. Rod diameter is chosen from the schedule when omitted:
the smallest standard diameter that passes every check (ascending, deterministic).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc
from apex_nb.equations.aci318 import anchors as eq
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.connections import Aci318AnchorsPack, RodSize
from apex_nb.registry import Solver
from apex_nb.solvers.connection.common import LB_PER_KIP, anchors_pack, grade, rod_size, schedule_pack
from apex_nb.solvers.strength import Phi, Required, strength

VERSION = "1.1.0"

Concrete = Literal["normal", "sand_lightweight", "all_lightweight"]
EdgeReinforcement = Literal["none", "edge_bar", "stirrups"]
ShearCrackingKey = Literal["uncracked", "cracked_none", "cracked_edge_bar", "cracked_stirrups"]
SHEAR_CRACKING: dict[EdgeReinforcement, ShearCrackingKey] = {
    "none": "cracked_none",
    "edge_bar": "cracked_edge_bar",
    "stirrups": "cracked_stirrups",
}


class AnchorRodsInput(SolverInput):
    """Inputs of ``connection.anchor_rods`` (factored, strength-level demands)."""

    rod_grade: str = Field(default="F1554-36", description="Rod grade id in steel-materials (F1554-36, -55, -105)")
    rod_diameter_in: float | None = Field(
        default=None, gt=0, le=4, description="Rod diameter, in.; omit to choose the smallest passing standard size"
    )
    rods_x: int = Field(default=2, ge=1, le=10, description="Rods along x (rows across the shear/moment direction)")
    rods_y: int = Field(default=2, ge=1, le=10, description="Rods along y (rods in each row)")
    spacing_x_in: float | None = Field(default=None, gt=0, le=120, description="Row spacing along x, in.")
    spacing_y_in: float | None = Field(default=None, gt=0, le=120, description="Rod spacing along y in a row, in.")
    edge_x_neg_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the -x edge, in. (omit: no edge)"
    )
    edge_x_pos_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the +x edge (the shear points at it), in. (omit: no edge)"
    )
    edge_y_neg_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the -y edge, in. (omit: no edge)"
    )
    edge_y_pos_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the +y edge, in. (omit: no edge)"
    )
    hef_in: float = Field(ge=2, le=25, description="Effective embedment depth hef (bearing face of head/nut), in.")
    member_thickness_in: float | None = Field(
        default=None, gt=0, le=600, description="Concrete member thickness ha along the rod, in. (omit: deep member)"
    )
    fc_psi: float = Field(ge=2500, le=10000, description="Concrete f'c, psi (ACI 318-19 §17.3.1: <= 10,000 psi)")
    concrete: Concrete = Field(default="normal", description="Concrete density class for λ (Table 19.2.4.2)")
    cracked: bool = Field(default=True, description="Cracked concrete at service loads (conservative default)")
    supplementary_reinforcement: bool = Field(
        default=False,
        description="Supplementary reinforcement present (Condition A, φ 0.75) or not (Condition B, φ 0.70)",
    )
    edge_reinforcement: EdgeReinforcement = Field(
        default="none", description="Edge reinforcement for ψc,V in cracked concrete: none, edge bar (>= #4), stirrups"
    )
    grout_pad: bool = Field(default=True, description="Base plate on a built-up grout pad (Vsa x 0.8, §17.7.1.2.1)")
    torqued: bool = Field(default=False, description="Rods are torqued (6 da minimum spacing and edge, §17.9.2)")
    tension_per_rod_kip: float = Field(ge=0, le=1000, description="Factored tension Nua on the most stressed rod, kip")
    tension_rows: int | None = Field(
        default=None, ge=1, le=10, description="Rows (from one x end) carrying that tension; default: all rows"
    )
    shear_kip: float = Field(
        default=0.0, ge=0, le=2000, description="Factored shear Vua on the group, +x direction, kip"
    )
    anchor_reinforcement_in2: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="ACI §17.5.2.1 anchor reinforcement: bar area within 0.5 hef of the tension rods, in² (omit: none)",
    )
    anchor_reinforcement_db_in: float = Field(default=0.75, gt=0, le=2.5, description="Anchor reinforcement bar size")
    anchor_reinforcement_offset_in: float = Field(
        default=4.0, ge=0, le=60, description="Largest horizontal distance from a tension rod to those bars, in."
    )
    anchor_reinforcement_top_in: float = Field(
        default=3.0, ge=0, le=24, description="Concrete top to the hooked top of those bars, in."
    )
    anchor_reinforcement_fy_ksi: float = Field(default=60.0, gt=0, le=100, description="Bar yield strength, ksi")
    shear_rods: Literal["front_row", "all"] = Field(
        default="front_row",
        description="Rods sharing shear: 'front_row' (oversized holes, row nearest +x edge) or 'all' (welded washers)",
    )

    @model_validator(mode="after")
    def _geometry(self) -> AnchorRodsInput:
        problems = []
        if self.rods_x > 1 and self.spacing_x_in is None:
            problems.append(FieldProblem("spacing_x_in", "required with more than one row", "> 0 in."))
        if self.rods_y > 1 and self.spacing_y_in is None:
            problems.append(FieldProblem("spacing_y_in", "required with more than one rod per row", "> 0 in."))
        if self.anchor_reinforcement_in2 is not None and self.anchor_reinforcement_offset_in > 0.5 * self.hef_in:
            problems.append(
                FieldProblem(
                    "anchor_reinforcement_offset_in",
                    "bars farther than 0.5 hef from the rod are not anchor reinforcement (R17.5.2.1)",
                    f"<= {0.5 * self.hef_in:g} in.",
                )
            )
        if self.tension_rows is not None and self.tension_rows > self.rods_x:
            problems.append(FieldProblem("tension_rows", "more tension rows than rows", f"<= rods_x ({self.rods_x})"))
        if problems:
            raise InputError(problems)
        return self


def _edges_of_group(inputs: AnchorRodsInput, rows: int, end: str) -> tuple[float | None, float | None, float]:
    """(outer x edge, inner x edge seen past the other rows, x span) of a tension group at one end."""
    sx = inputs.spacing_x_in or 0.0
    outer = inputs.edge_x_neg_in if end == "x_neg" else inputs.edge_x_pos_in
    far = inputs.edge_x_pos_in if end == "x_neg" else inputs.edge_x_neg_in
    inner = None if far is None else far + (inputs.rods_x - rows) * sx
    return outer, inner, (rows - 1) * sx


def _breakout_tension(
    calc: Calc, pack: Aci318AnchorsPack, inputs: AnchorRodsInput, lambda_a: float, rows: int, end: str, tag: str
) -> tuple[float, float]:
    """Ncbg (kip) of ``rows`` rows at one x end, with every factor traced; returns (Ncbg, n rods)."""
    bt = pack.breakout_tension
    clause = pack.clauses["breakout_tension"]
    outer, inner, span_x = _edges_of_group(inputs, rows, end)
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
            formula="max(ca,max/1.5, s_max/3)",
            clause="ACI 318-19 §17.6.2.1.2",
        )
        reach = bt.projection_factor * hef
    length_x = eq.projected_length_in(outer, span_x, inner, reach)
    length_y = eq.projected_length_in(inputs.edge_y_neg_in, span_y, inputs.edge_y_pos_in, reach)
    anc = calc.value(
        f"ANc{tag}",
        length_x * length_y,
        unit="in²",
        description=f"projected breakout area of {rows} row(s) at the {end} end",
        formula=f"({length_x:.3f}) ({length_y:.3f})",
        clause=clause,
    )
    anco = calc.value(
        f"ANco{tag}",
        eq.anco_in2(hef, bt.anco_coefficient),
        unit="in²",
        description="one anchor, no edges",
        formula="9 hef²",
        clause=clause,
    )
    ca_min = min(sides) if sides else None
    psi_ed = calc.value(
        f"ψed,N{tag}",
        eq.psi_edge(ca_min, reach, bt.psi_ed_base, bt.psi_ed_slope),
        description="edge effect factor, tension",
        formula="1.0 if ca,min >= 1.5 hef else 0.7 + 0.3 ca,min/(1.5 hef)",
        clause=clause,
    )
    psi_c = bt.psi_c_cracked if inputs.cracked else bt.psi_c_uncracked_cast_in
    deep = (bt.deep_coefficient, bt.deep_hef_min_in, bt.deep_hef_max_in)
    nb = calc.value(
        f"Nb{tag}",
        eq.basic_breakout_tension_lb(bt.kc_cast_in, lambda_a, inputs.fc_psi, hef, deep) / LB_PER_KIP,
        unit="kip",
        description="basic breakout strength of one anchor in cracked concrete",
        formula=f"{bt.kc_cast_in:g} λa sqrt(f'c) hef^1.5 (<= 16 λa sqrt(f'c) hef^(5/3) for 11 <= hef <= 25 in.) / 1000",
        clause=clause,
    )
    ncbg = calc.value(
        f"Ncbg{tag}",
        eq.breakout_tension_group_lb(anc, anco, 1.0, psi_ed, psi_c, bt.psi_cp_cast_in, nb),
        unit="kip",
        description=f"concrete breakout strength in tension of the {end} tension group",
        formula=f"(ANc/ANco) ψec,N ψed,N ψc,N ({psi_c:g}) ψcp,N ({bt.psi_cp_cast_in:g}) Nb",
        clause=clause,
    )
    return ncbg, float(rows * inputs.rods_y)


def evaluate(inputs: AnchorRodsInput, calc: Calc, rod: RodSize) -> dict[str, Any]:
    """Every Chapter 17 check for one rod size; records into ``calc`` and returns the results."""
    pack = anchors_pack(calc)
    phi = pack.phi
    material = grade(calc, "rod_grade", inputs.rod_grade, ("anchor_rod",))
    ductile = material.id in pack.ductile_grades
    calc.note("rod", f"{rod.label} in. {material.specification}", description="anchor rod size and grade")
    da = calc.value("da", rod.diameter_in, unit="in", description="rod diameter", clause="anchor-rod-schedule")
    ase = calc.value(
        "Ase",
        rod.tensile_stress_area_in2,
        unit="in²",
        description="effective (tensile stress) area",
        formula="0.7854 (da - 0.9743/n)²",
        clause="ASME B1.1",
    )
    abrg = calc.value(
        "Abrg",
        rod.bearing_area_heavy_hex_in2,
        unit="in²",
        description="net bearing area of the heavy hex head or nut",
        formula="(√3/2) F² - π da²/4",
        clause="ASME B18.2.2",
    )
    fya = material.fy_ksi or 0.0
    futa = calc.value(
        "futa",
        eq.futa_used_ksi(material.fu_ksi, fya, pack.steel.futa_max_over_fya, pack.steel.futa_cap_ksi),
        unit="ksi",
        description="specified tensile strength used (capped)",
        formula="min(futa, 1.9 fya, 125 ksi)",
        clause=pack.clauses["steel_tension"],
    )
    lam = pack.lambda_concrete[inputs.concrete]
    lambda_a = calc.value(
        "λa",
        pack.lambda_a_over_lambda_cast_in * lam,
        description="lightweight modification factor, cast-in concrete failure",
        clause=pack.clauses["lambda_a"],
    )
    phi_conc = (
        phi.concrete_cast_in_condition_a if inputs.supplementary_reinforcement else phi.concrete_cast_in_condition_b
    )
    condition = "A" if inputs.supplementary_reinforcement else "B"
    calc.assume(
        f"Condition {condition} for concrete breakout and side-face blowout (φ = {phi_conc:g})", pack.clauses["phi"]
    )
    n_rod = inputs.tension_per_rod_kip
    rows = inputs.tension_rows or inputs.rods_x
    ratios_t: dict[str, float] = {}
    ratios_v: dict[str, float] = {}
    results: dict[str, Any] = {}

    # --- tension: steel (§17.6.1)
    phi_st = phi.steel_tension_ductile if ductile else phi.steel_tension_brittle
    nsa = calc.value(
        "Nsa",
        eq.steel_tension_kip(ase, futa),
        unit="kip",
        description="steel strength in tension, one rod",
        formula="Ase futa",
        clause=pack.clauses["steel_tension"],
    )
    s_nsa = strength(
        calc, "Nsa", nsa, Phi(phi_st, pack.clauses["phi"]), method="strength", unit="kip",
        description="design steel strength in tension",
        check=Required("anchor.steel_tension", "Rod steel in tension", n_rod, pack.clauses["steel_tension"]),
    )  # fmt: skip
    phi_nsa = s_nsa.available
    ratios_t["steel_tension"] = s_nsa.ratio
    results.update(nsa_kip=nsa, phi_nsa_kip=phi_nsa)

    # --- tension: concrete breakout of the tension group, both x ends (§17.6.2)
    if n_rod > 0:
        groups = [_breakout_tension(calc, pack, inputs, lambda_a, rows, end, f"[{end}]") for end in ("x_neg", "x_pos")]
        ncbg, n_tension = min(groups, key=lambda g: g[0])
        plain = inputs.anchor_reinforcement_in2 is None
        s_ncbg = strength(
            calc, "Ncbg", ncbg, Phi(phi_conc, pack.clauses["phi"]), method="strength", unit="kip",
            description="design breakout strength of the weaker tension group",
            check=Required(
                "anchor.breakout_tension", f"Concrete breakout in tension ({n_tension:g} rods at {n_rod:g} kip)",
                n_rod * n_tension, pack.clauses["breakout_tension"],
            ) if plain else None,
        )  # fmt: skip
        phi_ncbg = s_ncbg.available
        if plain:
            ratios_t["breakout_tension"] = s_ncbg.ratio
        else:
            ratios_t["breakout_tension"] = _anchor_reinforcement(calc, pack, inputs, n_rod * n_tension, phi_ncbg)
        results.update(ncbg_kip=ncbg, phi_ncbg_kip=phi_ncbg)
        calc.assume(
            "Every tension rod carries the most stressed rod's tension (ψec,N = 1.0, conservative)",
            pack.clauses["breakout_tension"],
        )

        # --- pullout (§17.6.3)
        pc = pack.pullout
        psi_cp = pc.psi_c_p_cracked if inputs.cracked else pc.psi_c_p_uncracked
        npn = calc.value(
            "Npn",
            eq.pullout_lb(eq.pullout_basic_lb(abrg, inputs.fc_psi, pc.bearing_coefficient), psi_cp) / LB_PER_KIP,
            unit="kip",
            description="pullout strength of one headed rod",
            formula=f"ψc,P ({psi_cp:g}) 8 Abrg f'c / 1000",
            clause=pack.clauses["pullout"],
        )
        s_npn = strength(
            calc, "Npn", npn, Phi(phi.pullout_cast_in, pack.clauses["phi"]), method="strength", unit="kip",
            description="design pullout strength",
            check=Required("anchor.pullout", "Pullout of one rod", n_rod, pack.clauses["pullout"]),
        )  # fmt: skip
        phi_npn = s_npn.available
        ratios_t["pullout"] = s_npn.ratio
        results.update(npn_kip=npn, phi_npn_kip=phi_npn)

        # --- side-face blowout (§17.6.4)
        results["phi_nsb_kip"] = _side_face(calc, pack, inputs, rows, abrg, lambda_a, phi_conc, n_rod, ratios_t)

    # --- shear: steel (§17.7.1)
    v = inputs.shear_kip
    if v > 0:
        n_shear = inputs.rods_y if inputs.shear_rods == "front_row" else inputs.rods_x * inputs.rods_y
        grout = pack.steel.grout_pad_factor if inputs.grout_pad else 1.0
        phi_sv = phi.steel_shear_ductile if ductile else phi.steel_shear_brittle
        vsa = calc.value(
            "Vsa",
            eq.steel_shear_kip(ase, futa, pack.steel.shear_factor_cast_in, grout),
            unit="kip",
            description="steel strength in shear, one rod" + (" on a grout pad" if inputs.grout_pad else ""),
            formula=f"0.6 Ase futa x {grout:g}",
            clause=pack.clauses["steel_shear"],
        )
        s_vsa = strength(
            calc, "Vsa", vsa, Phi(phi_sv, pack.clauses["phi"]), method="strength", unit="kip",
            description="design steel strength in shear",
            check=Required(
                "anchor.steel_shear", f"Rod steel in shear ({n_shear} rods share {v:g} kip)", v / n_shear,
                pack.clauses["steel_shear"],
            ),
        )  # fmt: skip
        phi_vsa = s_vsa.available
        ratios_v["steel_shear"] = s_vsa.ratio
        calc.assume(
            "Shear taken by the front row only (oversized base plate holes)"
            if inputs.shear_rods == "front_row"
            else "Shear shared by all rods (welded plate washers)",
            pack.clauses["breakout_shear"],
        )
        results.update(vsa_kip=vsa, phi_vsa_kip=phi_vsa)
        results["phi_vcbg_kip"] = _breakout_shear(calc, pack, inputs, da, lambda_a, phi_conc, v, ratios_v)

        # --- pryout (§17.7.3): breakout in tension of the whole group
        ncp, _ = _breakout_tension(calc, pack, inputs, lambda_a, inputs.rods_x, "x_neg", "[all]")
        pr = pack.pryout
        vcpg = calc.value(
            "Vcpg",
            eq.pryout_lb(ncp, inputs.hef_in, pr.kcp_shallow, pr.kcp_deep, pr.hef_split_in),
            unit="kip",
            description="pryout strength of the group",
            formula="kcp Ncpg",
            clause=pack.clauses["pryout"],
        )
        s_vcpg = strength(
            calc, "Vcpg", vcpg, Phi(phi.pryout_cast_in, pack.clauses["phi"]), method="strength", unit="kip",
            description="design pryout strength",
            check=Required("anchor.pryout", "Concrete pryout of the group", v, pack.clauses["pryout"]),
        )  # fmt: skip
        phi_vcpg = s_vcpg.available
        ratios_v["pryout"] = s_vcpg.ratio
        results.update(vcpg_kip=vcpg, phi_vcpg_kip=phi_vcpg)

    # --- interaction (§17.8)
    t_ratio = max(ratios_t.values(), default=0.0) if n_rod > 0 else 0.0
    v_ratio = max(ratios_v.values(), default=0.0)
    inter, branch = eq.interaction_demand(t_ratio, v_ratio, pack.interaction.small_ratio)
    limit = pack.interaction.sum_limit if branch == "sum" else 1.0
    calc.check(
        "anchor.interaction",
        f"Tension-shear interaction ({branch.replace('_', ' ')})",
        demand=inter,
        capacity=limit,
        unit="",
        clause=pack.clauses["interaction"],
    )
    _detailing(calc, pack, inputs, da)
    results.update(tension_ratio=t_ratio, shear_ratio=v_ratio, interaction=inter, interaction_branch=branch)
    return results


def _side_face(
    calc: Calc,
    pack: Aci318AnchorsPack,
    inputs: AnchorRodsInput,
    rows: int,
    abrg: float,
    lambda_a: float,
    phi_conc: float,
    n_rod: float,
    ratios: dict[str, float],
) -> float | None:
    """Side-face blowout of the tension rods nearest an edge, single or along the edge (§17.6.4)."""
    sf = pack.side_face_blowout
    clause = pack.clauses["side_face_blowout"]
    best: float | None = None
    for end in ("x_neg", "x_pos"):
        outer, _, _ = _edges_of_group(inputs, rows, end)
        y_edges = [c for c in (inputs.edge_y_neg_in, inputs.edge_y_pos_in) if c is not None]
        candidates: list[tuple[float, float | None, int, float]] = []  # (ca1, ca2, rods along edge, spacing)
        if outer is not None:
            candidates.append((outer, min(y_edges) if y_edges else None, inputs.rods_y, inputs.spacing_y_in or 0.0))
        for c in y_edges:
            candidates.append((c, outer, rows, inputs.spacing_x_in or 0.0))
        for ca1, ca2, along, spacing in candidates:
            if inputs.hef_in <= sf.applies_when_hef_over_ca1 * ca1:
                continue
            nsb = (
                eq.side_face_blowout_lb(
                    ca1, abrg, lambda_a, inputs.fc_psi, sf.coefficient, ca2, sf.corner_ratio_limit, sf.corner_divisor
                )
                / LB_PER_KIP
            )
            if along > 1 and spacing < sf.group_spacing_divisor * ca1:
                nsb = eq.side_face_blowout_group_lb(nsb, spacing * (along - 1), ca1, sf.group_spacing_divisor)
            per_rod = nsb / along
            if best is None or per_rod < best:
                best = per_rod
                calc.value(
                    "Nsb",
                    nsb,
                    unit="kip",
                    description=f"side-face blowout of {along} rod(s) at ca1 = {ca1:g} in.",
                    formula="160 ca1 sqrt(Abrg) λa sqrt(f'c) [x (1 + ca2/ca1)/4] [x (1 + s/(6 ca1))] / 1000",
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


def _anchor_reinforcement(
    calc: Calc, pack: Aci318AnchorsPack, inputs: AnchorRodsInput, demand: float, phi_ncbg: float
) -> float:
    """ACI 318-19 §17.5.2.1: anchor reinforcement replaces the concrete breakout in tension; returns its ratio.

    The plain-concrete breakout ratio stays in the trace for comparison. The bars must be developed
    on both sides of the breakout surface: above it by a standard hook (§25.4.3.1, conservative ψ
    factors of Table 25.4.3.2), below it straight into the pier (the pier's length, checked there).
    """
    ar = pack.anchor_reinforcement
    clause = pack.clauses.get("anchor_reinforcement", "ACI 318-19 §17.5.2.1")
    if ar is None:
        raise InputError(
            [FieldProblem("anchor_reinforcement_in2", "this anchors pack has no anchor reinforcement data", "omit")]
        )
    plain = calc.value(
        "ratio,plain",
        demand / phi_ncbg,
        description="plain-concrete breakout ratio (shown for comparison; replaced by anchor reinforcement)",
        formula="Nua,g / φNcbg",
        clause=pack.clauses["breakout_tension"],
    )
    calc.note(
        "breakout_tension_plain",
        f"{'passes' if plain <= 1.0 else 'fails'} at ratio {plain:.2f} without anchor reinforcement",
        description="unreinforced concrete breakout in tension",
        clause=pack.clauses["breakout_tension"],
    )
    phi_nrb = calc.value(
        "φNrb",
        ar.phi * eq.anchor_reinforcement_tension_kip(inputs.anchor_reinforcement_in2 or 0.0,
                                                     inputs.anchor_reinforcement_fy_ksi),
        unit="kip",
        description="design strength of the anchor reinforcement in tension",
        formula=f"{ar.phi:g} As fy",
        clause=clause,
    )  # fmt: skip
    ratio = calc.check(
        "anchor.reinforcement_tension",
        "Anchor reinforcement in tension (replaces concrete breakout, §17.5.2.1)",
        demand=demand,
        capacity=phi_nrb,
        unit="kip",
        clause=clause,
    ).ratio
    db = inputs.anchor_reinforcement_db_in
    fc = inputs.fc_psi
    psi_c = min(fc / ar.psi_c_divisor_psi + ar.psi_c_intercept, 1.0)
    ldh = calc.value(
        "ldh",
        eq.hooked_development_length_in(
            db, inputs.anchor_reinforcement_fy_ksi * 1000.0, fc, ar.psi_r * ar.psi_o * psi_c,
            divisor=ar.hook_divisor, min_db=ar.ldh_min_db, min_in=ar.ldh_min_in,
        ),
        unit="in",
        description="hooked development length of the anchor reinforcement above the breakout surface",
        formula=f"fy ψr ψo ψc db^1.5/(55 sqrt(f'c)), ψr {ar.psi_r:g}, ψo {ar.psi_o:g}, ψc {psi_c:.3g}",
        clause=clause,
    )  # fmt: skip
    available = calc.value(
        "l_above",
        eq.breakout_surface_depth_in(inputs.hef_in, inputs.anchor_reinforcement_offset_in, ar.cone_run_over_rise)
        - inputs.anchor_reinforcement_top_in,
        unit="in",
        description="bar length from its hooked top down to where it crosses the breakout surface",
        formula="hef - offset/1.5 - top",
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


def _breakout_shear(
    calc: Calc,
    pack: Aci318AnchorsPack,
    inputs: AnchorRodsInput,
    da: float,
    lambda_a: float,
    phi_conc: float,
    v: float,
    ratios: dict[str, float],
) -> float | None:
    """Concrete breakout in shear toward the +x edge (§17.7.2); None when there is no +x edge."""
    bs = pack.breakout_shear
    clause = pack.clauses["breakout_shear"]
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
    avc = calc.value(
        "AVc",
        width * depth,
        unit="in²",
        description="projected shear breakout area",
        formula=f"({width:.3f}) ({depth:.3f})",
        clause=clause,
    )
    avco = calc.value(
        "AVco",
        eq.avco_in2(ca1, bs.avco_coefficient),
        unit="in²",
        description="one anchor, deep member, no side edges",
        formula="4.5 ca1²",
        clause=clause,
    )
    psi_ed = calc.value(
        "ψed,V",
        eq.psi_edge(min(y_edges) if y_edges else None, reach, bs.psi_ed_base, bs.psi_ed_slope),
        description="edge effect factor, shear",
        formula="0.7 + 0.3 ca2/(1.5 ca1) <= 1",
        clause=clause,
    )
    key: ShearCrackingKey = "uncracked" if not inputs.cracked else SHEAR_CRACKING[inputs.edge_reinforcement]
    psi_c = calc.value(
        "ψc,V", bs.psi_c[key], description=f"cracking factor, shear ({key.replace('_', ' ')})", clause=clause
    )
    psi_h = calc.value(
        "ψh,V",
        eq.psi_h_shear(ca1, ha, bs.projection_factor),
        description="thin member factor",
        formula="sqrt(1.5 ca1/ha) >= 1",
        clause=clause,
    )
    le = min(inputs.hef_in, bs.le_max_diameters * da)
    vb = calc.value(
        "Vb",
        eq.basic_breakout_shear_lb(le, da, lambda_a, inputs.fc_psi, ca1, bs.vb_coefficient, bs.vb_cap_coefficient)
        / LB_PER_KIP,
        unit="kip",
        description="basic shear breakout strength of one anchor",
        formula="min(7 (le/da)^0.2 sqrt(da), 9) λa sqrt(f'c) ca1^1.5 / 1000, le = min(hef, 8 da)",
        clause=clause,
    )
    vcbg = calc.value(
        "Vcbg",
        eq.breakout_shear_group_lb(avc, avco, 1.0, psi_ed, psi_c, psi_h, vb),
        unit="kip",
        description="concrete breakout strength in shear",
        formula="(AVc/AVco) ψec,V ψed,V ψc,V ψh,V Vb",
        clause=clause,
    )
    s_vcbg = strength(
        calc, "Vcbg", vcbg, Phi(phi_conc, pack.clauses["phi"]), method="strength", unit="kip",
        description="design shear breakout strength",
        check=Required("anchor.breakout_shear", "Concrete breakout in shear toward the +x edge", v, clause),
    )  # fmt: skip
    ratios["breakout_shear"] = s_vcbg.ratio
    return s_vcbg.available


def _detailing(calc: Calc, pack: Aci318AnchorsPack, inputs: AnchorRodsInput, da: float) -> None:
    """Spacing and edge distance rules of §17.9.2 as applicability rules."""
    det = pack.detailing
    factor = det.min_spacing_torqued_diameters if inputs.torqued else det.min_spacing_untorqued_diameters
    spacings = [
        s
        for s, n in ((inputs.spacing_x_in, inputs.rods_x), (inputs.spacing_y_in, inputs.rods_y))
        if s is not None and n > 1
    ]
    if spacings:
        calc.applies(
            f"rod spacing >= {factor:g} da",
            min(spacings) >= factor * da,
            f"min spacing {min(spacings):g} in., {factor:g} da = {factor * da:g} in.",
            penalty=0.2,
        )
    edges = [
        c
        for c in (inputs.edge_x_neg_in, inputs.edge_x_pos_in, inputs.edge_y_neg_in, inputs.edge_y_pos_in)
        if c is not None
    ]
    if inputs.torqued and edges:
        need = det.min_edge_torqued_diameters * da
        calc.applies(
            f"edge distance >= {det.min_edge_torqued_diameters:g} da (torqued)",
            min(edges) >= need,
            f"min edge {min(edges):g} in.",
            penalty=0.2,
        )
    calc.applies(
        "static or wind loads (no seismic §17.10 provisions applied)", True, "seismic anchor design is out of scope"
    )


def _passes(inputs: AnchorRodsInput, calc: Calc, rod: RodSize) -> bool:
    trial = Calc(library=calc.library)
    evaluate(inputs, trial, rod)
    return all(c.passed for c in trial.checks)


def run(inputs: AnchorRodsInput, calc: Calc) -> dict[str, Any]:
    """Check (or choose) the rods and return every Chapter 17 strength with the governing ratio."""
    schedule = schedule_pack(calc)
    pack = anchors_pack(calc)
    if inputs.rod_diameter_in is not None:
        rod = rod_size(schedule, "rod_diameter_in", inputs.rod_diameter_in)
        chosen_by = "input"
    else:
        rod = next((r for r in schedule.rods if _passes(inputs, calc, r)), schedule.rods[-1])
        chosen_by = "auto"
        calc.note(
            "rod_selection",
            f"smallest passing of {', '.join(r.label for r in schedule.rods)}",
            description="rod diameter chosen from the schedule (ascending)",
            clause="anchor-rod-schedule",
        )
    results = evaluate(inputs, calc, rod)
    if chosen_by == "auto" and not all(c.passed for c in calc.checks):
        calc.warn("no standard rod diameter passes every check; the largest is reported with its failing checks")
    governing = max(calc.checks, key=lambda c: c.ratio)
    calc.note("edition", pack.edition, description="ACI 318 edition", clause=pack.clauses["phi"])
    return {
        "rod_diameter_in": rod.diameter_in,
        "rod_label": rod.label,
        "rod_grade": inputs.rod_grade,
        "rod_chosen_by": chosen_by,
        "ase_in2": rod.tensile_stress_area_in2,
        "abrg_in2": rod.bearing_area_heavy_hex_in2,
        **results,
        "governing_check": governing.id,
        "ratio": governing.ratio,
        "passed": all(c.passed for c in calc.checks),
    }


SOLVER = Solver(
    name="connection.anchor_rods",
    version=VERSION,
    input_model=AnchorRodsInput,
    run=run,
    summary="Cast-in headed rods, ACI 318-19 Ch. 17: steel, breakout, pullout, side-face, shear, pryout, interaction",
)
