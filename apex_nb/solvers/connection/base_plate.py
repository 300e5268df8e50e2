"""Solver ``connection.base_plate``: a post on a base plate per AISC Design Guide 1, with its rods and weld.

DG1 2nd Ed. §3.3-3.4 uniform bearing under axial compression plus moment: the moment case
(small: e <= e_crit, no rod tension; large: rods in tension), the bearing length Y, the rod
tension T, the plate thickness from the compression and tension interfaces, AISC 360 §J8
bearing. The rods get a steel tension check here (ACI 318-19 §17.6.1 in LRFD, AISC 360 §J3.6 in
ASD) and, when ``hef_in`` is given, the full ACI 318-19 Chapter 17 check through
``connection.anchor_rods`` (a part of this envelope). The post-to-plate fillet weld is checked
all around (AISC 360 §J2.4, §J4.2).

Auto-sizing, deterministic: plan size from the post and rod clearances, grown in whole inches
until the DG1 equilibrium has a solution; thickness = the smallest standard thickness >= the
required; rod = the smallest schedule diameter passing; weld = the smallest standard size >=
the Table J2.4 minimum that passes.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc
from apex_nb.equations.aci318 import anchors as aci
from apex_nb.equations.aisc_dg1 import base_plate as dg1
from apex_nb.equations.welds import aisc360_j2 as weld_eq
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.connections import AiscDg1Pack, AnchorRodSchedulePack, RodSize
from apex_nb.registry import Solver
from apex_nb.solvers.connection.common import (
    PSI_PER_KSI,
    anchors_pack,
    dg1_pack,
    grade,
    next_standard,
    rod_size,
    round_up,
    schedule_pack,
)
from apex_nb.solvers.strength import Required, strength
from apex_nb.solvers.strength import available as available_strength

VERSION = "1.1.0"
MAX_PLAN_IN = 120.0

PostShape = Literal["round", "rect"]
Method = Literal["ASD", "LRFD"]
AiscEdition = Literal["360-05", "360-10", "360-16", "360-22"]


class BasePlateInput(SolverInput):
    """Inputs of ``connection.base_plate`` (loads at the top of the plate, ASD or LRFD level)."""

    post_shape: PostShape = Field(description="'round' (pipe, round HSS) or 'rect' (square/rectangular HSS)")
    post_diameter_in: float | None = Field(default=None, gt=0, le=60, description="Round post outside diameter, in.")
    post_b_in: float | None = Field(default=None, gt=0, le=60, description="Rect post width across the moment, in.")
    post_d_in: float | None = Field(default=None, gt=0, le=60, description="Rect post depth along the moment, in.")
    post_wall_in: float = Field(gt=0, le=2, description="Post wall thickness used for the weld base metal and x, in.")
    post_grade: str | None = Field(default=None, description="Post grade id (default A500C-round / A500C-rect)")
    axial_kip: float = Field(
        default=0.0, ge=0, le=5000, description="Axial compression at the base, kip (no net uplift)"
    )
    moment_kip_ft: float = Field(ge=0, le=50000, description="Moment at the base, kip-ft")
    shear_kip: float = Field(default=0.0, ge=0, le=2000, description="Horizontal shear at the base, kip")
    torsion_kip_ft: float = Field(default=0.0, ge=0, le=20000, description="Torsion at the base (Case B), kip-ft")
    design_method: Method = Field(default="ASD", description="AISC design method of the given loads")
    bearing_distribution: Literal["uniform", "triangular"] = Field(
        default="uniform",
        description="DG1 bearing: 'uniform' (§3.3-3.4) or 'triangular' (Appendix B.4-B.5, elastic)",
    )
    aisc_edition: AiscEdition = Field(default="360-16", description="AISC 360 edition for §J8 bearing factors")
    plate_grade: str = Field(default="A36-plate", description="Plate grade id in steel-materials")
    plate_n_in: float | None = Field(
        default=None, gt=0, le=120, description="Plate length N along the moment, in. (auto)"
    )
    plate_b_in: float | None = Field(
        default=None, gt=0, le=120, description="Plate width B across the moment, in. (auto)"
    )
    plate_thickness_in: float | None = Field(default=None, gt=0, le=6, description="Plate thickness, in. (auto)")
    rods_per_row: int = Field(
        default=2, ge=2, le=8, description="Rods in each of the two rows (tension and compression)"
    )
    rod_edge_in: float = Field(default=1.5, gt=0, le=12, description="Rod centre to plate edge, in.")
    rod_clearance_in: float = Field(
        default=2.0, gt=0, le=12, description="Rod centre to post face (auto plan size), in."
    )
    rod_grade: str = Field(default="F1554-36", description="Rod grade id in steel-materials")
    rod_diameter_in: float | None = Field(
        default=None, gt=0, le=4, description="Rod diameter, in. (auto from schedule)"
    )
    fc_psi: float = Field(ge=2500, le=10000, description="Concrete (or grout-supported pier) f'c, psi")
    pedestal_n_in: float | None = Field(
        default=None, gt=0, le=600, description="Rectangular pedestal length along N, in."
    )
    pedestal_b_in: float | None = Field(
        default=None, gt=0, le=600, description="Rectangular pedestal width along B, in."
    )
    pedestal_diameter_in: float | None = Field(default=None, gt=0, le=600, description="Round pier diameter, in.")
    hef_in: float | None = Field(
        default=None, ge=2, le=25, description="Rod embedment hef, in.; enables the ACI checks"
    )
    cracked: bool = Field(default=True, description="Cracked concrete for the ACI anchor checks")
    supplementary_reinforcement: bool = Field(default=False, description="ACI Condition A for concrete breakout")
    anchor_reinforcement_in2: float | None = Field(
        default=None, gt=0, le=100, description="ACI §17.5.2.1 anchor reinforcement near the tension rods, in²"
    )
    anchor_reinforcement_db_in: float = Field(default=0.75, gt=0, le=2.5, description="Its bar diameter, in.")
    anchor_reinforcement_offset_in: float = Field(
        default=4.0, ge=0, le=60, description="Its largest distance from a tension rod, in."
    )
    asd_alpha: float | None = Field(
        default=None, ge=1, le=2, description="ASD: factor raising anchor demands to strength level (default from pack)"
    )
    weld_size_in: float | None = Field(default=None, gt=0, le=1, description="Fillet weld size all around, in. (auto)")
    weld_metal: str = Field(default="E70", description="Weld metal grade id in steel-materials")

    @model_validator(mode="after")
    def _shape(self) -> BasePlateInput:
        problems = []
        if self.post_shape == "round":
            if self.post_diameter_in is None:
                problems.append(FieldProblem("post_diameter_in", "required for a round post", "> 0 in."))
            for name in ("post_b_in", "post_d_in"):
                if getattr(self, name) is not None:
                    problems.append(FieldProblem(name, "only for a rect post", "omit with post_shape 'round'"))
        else:
            for name in ("post_b_in", "post_d_in"):
                if getattr(self, name) is None:
                    problems.append(FieldProblem(name, "required for a rect post", "> 0 in."))
            if self.post_diameter_in is not None:
                problems.append(
                    FieldProblem("post_diameter_in", "only for a round post", "omit with post_shape 'rect'")
                )
        if (self.plate_n_in is None) != (self.plate_b_in is None):
            problems.append(FieldProblem("plate_b_in", "give plate_n_in and plate_b_in together", "both or neither"))
        if (self.pedestal_n_in is None) != (self.pedestal_b_in is None):
            problems.append(
                FieldProblem("pedestal_b_in", "give pedestal_n_in and pedestal_b_in together", "both or neither")
            )
        if self.pedestal_diameter_in is not None and self.pedestal_n_in is not None:
            problems.append(
                FieldProblem("pedestal_diameter_in", "give a round or a rectangular pedestal", "one of them")
            )
        if self.asd_alpha is not None and self.design_method != "ASD":
            problems.append(FieldProblem("asd_alpha", "only used with ASD loads", "omit with 'LRFD'"))
        if problems:
            raise InputError(problems)
        return self

    @property
    def post_depth_in(self) -> float:
        """Post dimension along the moment (N direction)."""
        return self.post_diameter_in if self.post_shape == "round" else self.post_d_in  # type: ignore[return-value]

    @property
    def post_width_in(self) -> float:
        """Post dimension across the moment (B direction)."""
        return self.post_diameter_in if self.post_shape == "round" else self.post_b_in  # type: ignore[return-value]


def _a2(inputs: BasePlateInput, n_in: float, b_in: float) -> float | None:
    """Largest concentric area of the support geometrically similar to the plate (AISC 360 §J8)."""
    if inputs.pedestal_n_in is not None and inputs.pedestal_b_in is not None:
        scale = min(inputs.pedestal_n_in / n_in, inputs.pedestal_b_in / b_in)
        return n_in * b_in * scale**2
    if inputs.pedestal_diameter_in is not None:
        scale = inputs.pedestal_diameter_in / math.hypot(n_in, b_in)
        return n_in * b_in * scale**2
    return None


def _analyse(
    inputs: BasePlateInput, calc: Calc, pack: AiscDg1Pack, n_in: float, b_in: float, fy_ksi: float
) -> dict[str, Any]:
    """Bearing, moment case, Y, T and the required plate thickness for one plan size (recorded)."""
    method = inputs.design_method
    bearing = pack.bearing[inputs.aisc_edition]
    p = inputs.axial_kip
    m_kip_in = inputs.moment_kip_ft * 12.0
    d, bw = inputs.post_depth_in, inputs.post_width_in
    calc.value("N", n_in, unit="in", description="plate length along the moment")
    calc.value("B", b_in, unit="in", description="plate width across the moment")
    a1 = calc.value(
        "A1", n_in * b_in, unit="in²", description="plate bearing area", formula="B N", clause=bearing.clause
    )
    a2 = _a2(inputs, n_in, b_in)
    conf = calc.value(
        "sqrt(A2/A1)",
        1.0 if a2 is None else dg1.confinement_factor(a1, a2, bearing.confinement_max),
        description="confinement factor" + (" (no pedestal given: A2 = A1)" if a2 is None else ""),
        formula="sqrt(A2/A1), 1 <= . <= 2",
        clause=bearing.clause,
    )
    fp_n = dg1.bearing_strength_ksi(inputs.fc_psi / PSI_PER_KSI, conf, bearing.coefficient)
    fp_max = strength(
        calc, "fp", fp_n, bearing, method=method, unit="ksi", name="fp,max",
        description=f"available bearing stress ({method})",
        formula=f"{'φc' if method == 'LRFD' else '1/Ωc'} 0.85 f'c sqrt(A2/A1) (φ {bearing.phi:g}, Ω {bearing.omega:g})",
    ).available  # fmt: skip
    q_max = calc.value(
        "q_max",
        fp_max * b_in,
        unit="kip/in",
        description="bearing force per inch of N",
        formula="fp,max B",
        clause=bearing.clause,
    )
    f = calc.value(
        "f",
        n_in / 2.0 - inputs.rod_edge_in,
        unit="in",
        description="plate centre to rod row",
        formula="N/2 - rod edge",
        clause=pack.clauses["large_moment"],
    )
    k = pack.yield_line_factor[inputs.post_shape]
    m = calc.value(
        "m",
        dg1.cantilever_in(n_in, d, k),
        unit="in",
        description="bearing cantilever along N",
        formula=f"(N - {k:g} d)/2",
        clause=pack.clauses["plan_m_n"],
    )
    n_cant = calc.value(
        "n",
        dg1.cantilever_in(b_in, bw, k),
        unit="in",
        description="bearing cantilever along B",
        formula=f"(B - {k:g} b)/2",
        clause=pack.clauses["plan_m_n"],
    )
    e_crit = dg1.critical_eccentricity_in(n_in, p, q_max)
    e_text = "inf" if p == 0 else f"{m_kip_in / p:.4g}"
    small = p > 0 and m_kip_in / p <= e_crit
    calc.value(
        "e_crit",
        e_crit,
        unit="in",
        description="critical eccentricity",
        formula="N/2 - P/(2 q_max)",
        clause=pack.clauses["moment_case"],
    )
    calc.note(
        "moment_case",
        "small" if small else "large",
        description=f"e = M/P = {e_text} in. against e_crit",
        clause=pack.clauses["moment_case"],
    )
    out: dict[str, Any] = {
        "n_in": n_in,
        "b_in": b_in,
        "f_in": f,
        "m_in": m,
        "n_cant_in": n_cant,
        "fp_max_ksi": fp_max,
        "q_max": q_max,
    }
    tri = (
        _triangular(calc, pack, n_in, b_in, f, fp_max, p, m_kip_in)
        if inputs.bearing_distribution == "triangular"
        else None
    )
    if tri is not None:
        if not tri["feasible"]:
            out.update(feasible=False, disc=tri["disc"], moment_case="large")
            return out
        small, y, fp, t, disc = tri["small"], tri["a_in"], tri["fp_ksi"], tri["t_kip"], tri["disc"]
    elif small:
        e = m_kip_in / p
        y = calc.value(
            "Y",
            dg1.small_moment_bearing_length_in(n_in, e),
            unit="in",
            description="bearing length",
            formula="N - 2e",
            clause=pack.clauses["small_moment"],
        )
        fp = calc.value(
            "fp",
            p / (y * b_in),
            unit="ksi",
            description="bearing stress",
            formula="P/(B Y)",
            clause=pack.clauses["small_moment"],
        )
        t = 0.0
        disc = 0.0
    else:
        disc = dg1.large_moment_discriminant(f, n_in, p, m_kip_in, q_max)
        feasible = disc >= 0.0 and f > 0.0
        calc.value(
            "disc",
            disc,
            unit="in²",
            description="(f + N/2)² - 2(P f + M)/q_max, must be >= 0",
            clause=pack.clauses["large_moment"],
        )
        if not feasible:
            out.update(feasible=False, disc=disc, moment_case="large")
            return out
        y = calc.value(
            "Y",
            dg1.large_moment_bearing_length_in(f, n_in, p, m_kip_in, q_max),
            unit="in",
            description="bearing length",
            formula="(f + N/2) - sqrt((f + N/2)² - 2(P f + M)/q_max)",
            clause=pack.clauses["large_moment"],
        )
        fp = fp_max
        t = calc.value(
            "T",
            dg1.large_moment_rod_tension_kip(q_max, y, p),
            unit="kip",
            description="tension in the rod row",
            formula="q_max Y - P",
            clause=pack.clauses["large_moment"],
        )
    # plate thickness: compression interface along N and along B, tension interface
    flex = pack.plate_flexure
    phi_b, omega_b = (flex.phi, 1.0) if method == "LRFD" else (1.0, flex.omega)
    if tri is not None:
        f1 = dg1.triangular_stress_at_m_ksi(fp, tri["a_virtual_in"], m)
        mpl_m = calc.value(
            "Mpl,m",
            dg1.triangular_bearing_moment_per_in(fp, tri["a_virtual_in"], m),
            unit="kip-in/in",
            description="bearing moment at the m bending line (triangular bearing, peak fp over A)",
            formula="f1 m²/2 + (fp - f1) m²/3 if A >= m, else (fp A/2)(m - A/3)",
            clause=pack.clauses["triangular"],
        )
        mpl_n = calc.value(
            "Mpl,n",
            dg1.bearing_moment_across_per_in(f1, tri["a_virtual_in"], m, n_cant),
            unit="kip-in/in",
            description="bearing moment at the n bending line (stress at the m line, 0 when A <= m)",
            formula="f1 n²/2 if A > m, else 0",
            clause=pack.clauses["triangular"],
        )
    mpl_m = (
        mpl_m
        if tri is not None
        else calc.value(
            "Mpl,m",
            dg1.bearing_moment_per_in(fp, y, m),
            unit="kip-in/in",
            description="bearing moment at the m bending line (bearing fp over Y from the compression edge)",
            formula="fp m²/2 if Y >= m, else fp Y (m - Y/2)",
            clause=pack.clauses["plate_compression"],
        )
    )
    mpl_n = (
        mpl_n
        if tri is not None
        else calc.value(
            "Mpl,n",
            dg1.bearing_moment_across_per_in(fp, y, m, n_cant),
            unit="kip-in/in",
            description="bearing moment at the n bending line (0 when the bearing stays on the m overhang, Y <= m)",
            formula="fp n²/2 if Y > m, else 0",
            clause=pack.clauses["plate_compression"],
        )
    )
    x = dg1.tension_interface_lever_in(f, d, inputs.post_wall_in)
    spacing = (b_in - 2.0 * inputs.rod_edge_in) / (inputs.rods_per_row - 1)
    mpl_t = 0.0
    if t > 0.0 and x > 0.0:
        b_eff = calc.value(
            "b_eff",
            dg1.tension_effective_width_in(b_in, x, inputs.rods_per_row, spacing),
            unit="in",
            description="width resisting rod tension",
            formula="min(B, 2x + (n - 1) min(s, 2x))",
            clause=pack.clauses["plate_tension"],
        )
        calc.value(
            "x",
            x,
            unit="in",
            description="rod to post wall centre",
            formula="f - d/2 + t/2",
            clause=pack.clauses["plate_tension"],
        )
        mpl_t = calc.value(
            "Mpl,t",
            dg1.tension_moment_per_in(t, x, b_eff),
            unit="kip-in/in",
            description="tension-interface moment from the rods",
            formula="T x / b_eff",
            clause=pack.clauses["plate_tension"],
        )
    mpl = max(mpl_m, mpl_n, mpl_t)
    calc.value(
        "Mpl",
        mpl,
        unit="kip-in/in",
        description="governing plate moment per unit width (m, n or tension)",
        formula="max(Mpl,m, Mpl,n, Mpl,t)",
        clause=pack.clauses["plate_compression"],
    )
    t_req = calc.value(
        "tp,req",
        dg1.plate_thickness_required_in(mpl, fy_ksi, phi_b, omega_b),
        unit="in",
        description="required plate thickness",
        formula="sqrt(4 Mpl/(φb Fy)) (LRFD) or sqrt(4 Mpl Ωb/Fy) (ASD)",
        clause=flex.clause,
    )
    out.update(
        feasible=True,
        moment_case="small" if small else "large",
        y_in=y,
        fp_ksi=fp,
        t_kip=t,
        t_req_in=t_req,
        disc=disc,
        x_in=x,
        spacing_in=spacing,
    )
    return out


def _triangular(
    calc: Calc, pack: AiscDg1Pack, n_in: float, b_in: float, f: float, fp_max: float, p: float, m_kip_in: float
) -> dict[str, Any]:
    """DG1 Appendix B elastic bearing: trapezoid (e <= N/6), triangle without rods, or triangle with rods (B.5).

    ``a_virtual_in`` is the length over which the stress would fall to zero (N fmax/(fmax - fmin)
    for the trapezoid), so one triangular plate-moment formula serves all three.
    """
    clause = pack.clauses["triangular"]
    e = m_kip_in / p if p > 0 else math.inf
    if p > 0 and e <= n_in / 6.0:
        fmax, fmin = dg1.trapezoid_stresses_ksi(p, m_kip_in, n_in, b_in)
        calc.value("fmin", fmin, unit="ksi", description="bearing stress at the far edge", clause=clause)
        fp = calc.value("fp", fmax, unit="ksi", description="peak bearing stress (trapezoid)",
                        formula="P/(B N) (1 + 6e/N)", clause=clause)  # fmt: skip
        a_virtual = n_in * fmax / (fmax - fmin) if fmax > fmin else 1e9
        calc.note("bearing_case", "trapezoid", description="e <= N/6: full bearing, no rod tension", clause=clause)
        return {"feasible": True, "small": True, "a_in": n_in, "a_virtual_in": a_virtual, "fp_ksi": fp,
                "t_kip": 0.0, "disc": 0.0}  # fmt: skip
    if p > 0:
        a_free = dg1.triangular_no_rod_length_in(n_in, e)
        fp_free = 2.0 * p / (a_free * b_in) if a_free > 0 else math.inf
        if fp_free <= fp_max:
            a = calc.value("A", a_free, unit="in", description="triangular bearing length", formula="3 (N/2 - e)",
                           clause=clause)  # fmt: skip
            fp = calc.value("fp", fp_free, unit="ksi", description="peak bearing stress (triangle, no rod tension)",
                            formula="2P/(A B)", clause=clause)  # fmt: skip
            calc.note("bearing_case", "triangle", description="N/6 < e, no rod tension needed", clause=clause)
            return {"feasible": True, "small": True, "a_in": a, "a_virtual_in": a, "fp_ksi": fp, "t_kip": 0.0,
                    "disc": 0.0}  # fmt: skip
    n_prime = n_in / 2.0 + f
    f_term = dg1.triangular_force_term_kip(fp_max, b_in, n_prime)
    coeff = fp_max * b_in / 6.0
    need = 4.0 * coeff * (p * f + m_kip_in)
    lever = (f + n_in / 2.0) ** 2
    disc = lever * (1.0 - need / f_term**2) if f_term > 0 else -lever
    calc.note("bearing_case", "triangle with rods", description="Appendix B.5: rods in tension", clause=clause)
    if need > f_term**2 or f <= 0.0:
        return {"feasible": False, "disc": disc}
    a = calc.value(
        "A", dg1.triangular_bearing_length_in(fp_max, b_in, n_prime, p, f, m_kip_in), unit="in",
        description="triangular bearing length with rod tension",
        formula="[f' - sqrt(f'² - 4 (fp B/6)(P A' + M))]/(2 fp B/6)",
        clause=clause,
    )  # fmt: skip
    t = calc.value("T", dg1.triangular_rod_tension_kip(fp_max, a, b_in, p), unit="kip",
                   description="tension in the rod row", formula="fp A B/2 - P", clause=clause)  # fmt: skip
    return {"feasible": True, "small": False, "a_in": a, "a_virtual_in": a, "fp_ksi": fp_max, "t_kip": t,
            "disc": disc}  # fmt: skip


def _plan(
    inputs: BasePlateInput, calc: Calc, pack: AiscDg1Pack, schedule: AnchorRodSchedulePack, fy: float
) -> dict[str, Any]:
    """The given plan size, or the smallest one (whole inches, square growth) with a DG1 solution."""
    if inputs.plate_n_in is not None and inputs.plate_b_in is not None:
        return _analyse(inputs, calc, pack, inputs.plate_n_in, inputs.plate_b_in, fy)
    reach = 2.0 * (inputs.rod_clearance_in + inputs.rod_edge_in)
    inc = schedule.plate_plan_increment_in
    n_in = round_up(inputs.post_depth_in + reach, inc)
    b_in = round_up(inputs.post_width_in + reach, inc)
    while n_in <= MAX_PLAN_IN:
        trial = Calc(library=calc.library)
        if _analyse(inputs, trial, pack, n_in, b_in, fy)["feasible"]:
            break
        n_in += inc
        b_in += inc
    calc.assume(
        f"plan size auto: rods {inputs.rod_clearance_in:g} in. from the post face, {inputs.rod_edge_in:g} in. from the"
        f" plate edge, grown in {inc:g} in. steps until DG1 equilibrium has a solution",
        "aisc-dg1",
    )
    return _analyse(inputs, calc, pack, min(n_in, MAX_PLAN_IN), min(b_in, MAX_PLAN_IN), fy)


def _rod_strength_per_rod(
    inputs: BasePlateInput, calc: Calc, rod: RodSize, fu: float, fy: float, record: bool
) -> float:
    """Available rod tension: ACI 318-19 φ Ase futa (LRFD) or AISC 360 0.75 Fu Ab / Ω (ASD)."""
    if inputs.design_method == "LRFD":
        pack = anchors_pack(calc)
        futa = aci.futa_used_ksi(fu, fy, pack.steel.futa_max_over_fya, pack.steel.futa_cap_ksi)
        value = pack.phi.steel_tension_ductile * aci.steel_tension_kip(rod.tensile_stress_area_in2, futa)
        formula, clause = f"{pack.phi.steel_tension_ductile:g} Ase futa", pack.clauses["steel_tension"]
    else:
        dg = dg1_pack(calc)
        ab = math.pi * rod.diameter_in**2 / 4.0
        value = dg.rod_tension_fnt_over_fu * fu * ab / dg.rod_tension_aisc.omega
        formula, clause = (
            f"{dg.rod_tension_fnt_over_fu:g} Fu Ab / {dg.rod_tension_aisc.omega:g}",
            dg.rod_tension_aisc.clause,
        )
    if record:
        calc.value(
            "rod T avail",
            value,
            unit="kip",
            description=f"available tension of one {rod.label} in. rod ({inputs.design_method})",
            formula=formula,
            clause=clause,
        )
    return value


def _anchor_inputs(
    inputs: BasePlateInput, plan: dict[str, Any], alpha: float, diameter: float | None
) -> dict[str, Any]:
    """Inputs of connection.anchor_rods for the two-row rod pattern under this plate."""
    f, spacing = plan["f_in"], plan["spacing_in"]
    span_y = spacing * (inputs.rods_per_row - 1)
    edges: dict[str, float | None] = {
        "edge_x_neg_in": None,
        "edge_x_pos_in": None,
        "edge_y_neg_in": None,
        "edge_y_pos_in": None,
    }
    if inputs.pedestal_n_in is not None and inputs.pedestal_b_in is not None:
        ex, ey = (inputs.pedestal_n_in - 2.0 * f) / 2.0, (inputs.pedestal_b_in - span_y) / 2.0
        edges = {"edge_x_neg_in": ex, "edge_x_pos_in": ex, "edge_y_neg_in": ey, "edge_y_pos_in": ey}
    elif inputs.pedestal_diameter_in is not None:
        radial = inputs.pedestal_diameter_in / 2.0 - math.hypot(f, span_y / 2.0)
        edges = dict.fromkeys(edges, radial)
    rods = inputs.rods_per_row
    torsion_in = inputs.torsion_kip_ft * 12.0
    radius = math.hypot(f, span_y / 2.0)
    polar = 2.0 * rods * f**2 + 2.0 * sum((-span_y / 2.0 + i * spacing) ** 2 for i in range(rods))
    v_torsion_rod = torsion_in * radius / polar if polar > 0 else 0.0
    shear = (inputs.shear_kip + rods * v_torsion_rod) * alpha
    return {
        "rod_grade": inputs.rod_grade,
        "rod_diameter_in": diameter,
        "rods_x": 2,
        "rods_y": rods,
        "spacing_x_in": 2.0 * f,
        "spacing_y_in": spacing,
        **edges,
        "hef_in": inputs.hef_in,
        "fc_psi": inputs.fc_psi,
        "cracked": inputs.cracked,
        "supplementary_reinforcement": inputs.supplementary_reinforcement,
        **(
            {}
            if inputs.anchor_reinforcement_in2 is None
            else {
                "anchor_reinforcement_in2": inputs.anchor_reinforcement_in2,
                "anchor_reinforcement_db_in": inputs.anchor_reinforcement_db_in,
                "anchor_reinforcement_offset_in": inputs.anchor_reinforcement_offset_in,
            }
        ),
        "tension_per_rod_kip": plan["t_kip"] / rods * alpha,
        "tension_rows": 1,
        "shear_kip": shear,
    }


def _weld(
    inputs: BasePlateInput, calc: Calc, pack: AiscDg1Pack, schedule: AnchorRodSchedulePack, plate_t: float
) -> dict[str, Any]:
    """Post-to-plate fillet weld all around and the post wall base metal (AISC 360 §J2.4, §J4.2)."""
    method = inputs.design_method
    metal = grade(calc, "weld_metal", inputs.weld_metal, ("weld_metal",))
    post = grade(
        calc, "post_grade", inputs.post_grade or f"A500C-{inputs.post_shape}", ("round_hss", "rect_hss", "pipe")
    )
    d, bw = inputs.post_depth_in, inputs.post_width_in
    if inputs.post_shape == "round":
        length, modulus, polar = weld_eq.circle_weld_properties(d)
        shear_length, radius = length / 2.0, d / 2.0
    else:
        length, modulus, polar = weld_eq.rectangle_weld_properties(bw, d)
        shear_length, radius = 2.0 * d, math.hypot(bw, d) / 2.0
    normal, tangential = weld_eq.weld_components_kip_per_in(
        inputs.axial_kip,
        inputs.moment_kip_ft * 12.0,
        inputs.shear_kip,
        inputs.torsion_kip_ft * 12.0,
        length,
        modulus,
        shear_length,
        polar,
        radius,
    )
    normal = calc.value(
        "fw,n",
        normal,
        unit="kip/in",
        description="peak normal weld force per inch",
        formula="P/L + M/S",
        clause=pack.weld.clause,
    )
    tangential = calc.value(
        "fw,v",
        tangential,
        unit="kip/in",
        description="peak tangential force per inch",
        formula="V/Lv + T r/J",
        clause=pack.weld.clause,
    )
    force = calc.value(
        "fw",
        math.hypot(normal, tangential),
        unit="kip/in",
        description="peak resultant weld force per inch (line method)",
        formula="sqrt(fw,n² + fw,v²)",
        clause=pack.weld.clause,
    )
    calc.assume(
        "Weld line method on the post's outside dimensions; peaks of axial, bending, shear and torsion"
        " added at one point; θ = 0 (no directional strength increase)",
        pack.weld.clause,
    )
    rows = [(r.thickness_max_in, r.min_size_in) for r in pack.fillet_min_size]
    w_min = calc.value(
        "w_min",
        weld_eq.min_fillet_size_in(min(inputs.post_wall_in, plate_t), rows),
        unit="in",
        description="minimum fillet size (thinner part)",
        clause=pack.clauses["weld_min_size"],
    )

    def available(size: float) -> float:
        rn = weld_eq.fillet_strength_kip_per_in(metal.fu_ksi, size, pack.weld_fnw_over_fexx, pack.fillet_throat_factor)
        return available_strength(rn, pack.weld, method)

    if inputs.weld_size_in is not None:
        size = inputs.weld_size_in
    else:
        sizes = [s for s in schedule.fillet_weld_sizes_in if s >= w_min - 1e-9]
        size = next((s for s in sizes if available(s) >= force), sizes[-1] if sizes else w_min)
    size = calc.value("w", size, unit="in", description="fillet weld size", clause=pack.weld.clause)
    rn = weld_eq.fillet_strength_kip_per_in(metal.fu_ksi, size, pack.weld_fnw_over_fexx, pack.fillet_throat_factor)
    capacity = strength(
        calc, "Rn", rn, pack.weld, method=method, unit="kip/in", name="φRn,w" if method == "LRFD" else "Rn/Ω,w",
        description=f"available fillet weld strength per inch ({method})", formula="0.60 FEXX (0.707 w) x φ or / Ω",
        check=Required("weld.strength", "Post-to-plate fillet weld", force, pack.weld.clause),
    ).available  # fmt: skip
    calc.check(
        "weld.min_size",
        "Fillet weld at least the Table J2.4 minimum",
        demand=w_min,
        capacity=size,
        unit="in",
        clause=pack.clauses["weld_min_size"],
    )
    rupture_t = pack.base_metal_tension_rupture
    rupture_v = pack.base_metal_shear_rupture
    wall_n = strength(
        calc, "Rn", weld_eq.base_metal_tension_rupture_kip_per_in(post.fu_ksi, inputs.post_wall_in), rupture_t,
        method=method, unit="kip/in", name="wall,n avail", description="post wall tensile rupture at the weld",
        formula="Fu t x φ or / Ω",
    )  # fmt: skip
    wall_v = strength(
        calc, "Rn",
        weld_eq.base_metal_shear_rupture_kip_per_in(post.fu_ksi, inputs.post_wall_in, pack.base_metal_fnv_over_fu),
        rupture_v, method=method, unit="kip/in", name="wall,v avail", description="post wall shear rupture at the weld",
        formula="0.60 Fu t x φ or / Ω",
    )  # fmt: skip
    calc.check(
        "weld.base_metal_normal",
        "Post wall at the weld, normal force",
        demand=normal,
        capacity=wall_n.available,
        unit="kip/in",
        clause=rupture_t.clause,
    )
    calc.check(
        "weld.base_metal_shear",
        "Post wall at the weld, shear",
        demand=tangential,
        capacity=wall_v.available,
        unit="kip/in",
        clause=rupture_v.clause,
    )
    return {"weld_size_in": size, "weld_force_kip_per_in": force, "weld_capacity_kip_per_in": capacity}


def run(inputs: BasePlateInput, calc: Calc) -> dict[str, Any]:
    """Plate size and thickness, rod tension and size, weld, with every DG1/AISC/ACI check."""
    pack = dg1_pack(calc)
    schedule = schedule_pack(calc)
    plate = grade(calc, "plate_grade", inputs.plate_grade, ("plate",))
    rod_grade = grade(calc, "rod_grade", inputs.rod_grade, ("anchor_rod",))
    fy = calc.value(
        "Fy,plate",
        plate.fy_ksi or 0.0,
        unit="ksi",
        description=f"plate yield stress ({plate.specification})",
        clause=plate.source,
    )
    calc.note("design_method", inputs.design_method, description="AISC design method of the loads")
    plan = _plan(inputs, calc, pack, schedule, fy)
    if plan["f_in"] - inputs.post_depth_in / 2.0 <= 0.0:
        raise InputError(
            [
                FieldProblem(
                    "rod_edge_in",
                    "the rod row falls inside the post footprint",
                    f"< (N - d)/2 = {(plan['n_in'] - inputs.post_depth_in) / 2:g} in.",
                )
            ]
        )
    if not plan["feasible"]:
        need = calc.value(
            "2(Pf+M)/q",
            (plan["f_in"] + plan["n_in"] / 2.0) ** 2 - plan["disc"],
            unit="in²",
            description="needed (f + N/2)²",
        )
        calc.check(
            "base_plate.equilibrium",
            "DG1 large-moment equilibrium has a solution",
            demand=need,
            capacity=(plan["f_in"] + plan["n_in"] / 2.0) ** 2,
            unit="in²",
            clause=pack.clauses["large_moment"],
        )
        calc.warn("the plate is too short for this moment: no bearing length satisfies equilibrium")
        return {
            "moment_case": "large",
            "feasible": False,
            "plate_n_in": plan["n_in"],
            "plate_b_in": plan["b_in"],
            "passed": False,
            "governing_check": "base_plate.equilibrium",
            "ratio": calc.checks[-1].ratio,
        }
    if plan["moment_case"] == "small":
        calc.check(
            "base_plate.bearing",
            "Concrete bearing stress",
            demand=plan["fp_ksi"],
            capacity=plan["fp_max_ksi"],
            unit="ksi",
            clause=pack.bearing[inputs.aisc_edition].clause,
        )
    else:
        lever = (plan["f_in"] + plan["n_in"] / 2.0) ** 2
        calc.check(
            "base_plate.equilibrium",
            "DG1 large-moment equilibrium at full bearing (f + N/2)² >= 2(P f + M)/q_max",
            demand=lever - plan["disc"],
            capacity=lever,
            unit="in²",
            clause=pack.clauses["large_moment"],
        )
    # thickness
    if inputs.plate_thickness_in is not None:
        thickness = inputs.plate_thickness_in
    else:
        thickness = next_standard(schedule.plate_thicknesses_in, plan["t_req_in"]) or schedule.plate_thicknesses_in[-1]
        calc.note(
            "plate_thickness", "auto", description="smallest standard thickness >= tp,req", clause="anchor-rod-schedule"
        )
    thickness = calc.value("tp", thickness, unit="in", description="plate thickness")
    calc.check(
        "base_plate.thickness",
        "Plate thickness (compression and tension interfaces)",
        demand=plan["t_req_in"],
        capacity=thickness,
        unit="in",
        clause=pack.clauses["plate_compression"],
    )
    # rods: steel tension here, the full ACI check as a part
    t_rod = calc.value(
        "T/rod",
        plan["t_kip"] / inputs.rods_per_row,
        unit="kip",
        description="tension per rod of the tension row",
        formula="T / rods per row",
        clause=pack.clauses["large_moment"],
    )
    fu_r, fy_r = rod_grade.fu_ksi, rod_grade.fy_ksi or 0.0
    if inputs.rod_diameter_in is not None:
        rod = rod_size(schedule, "rod_diameter_in", inputs.rod_diameter_in)
    else:
        rod = next(
            (r for r in schedule.rods if _rod_strength_per_rod(inputs, calc, r, fu_r, fy_r, False) >= t_rod),
            schedule.rods[-1],
        )
    alpha = 1.0
    if inputs.design_method == "ASD":
        alpha = inputs.asd_alpha if inputs.asd_alpha is not None else pack.asd_anchor_alpha_default
    anchor_env = None
    if inputs.hef_in is not None:
        from apex_nb.registry import solve

        if inputs.rod_diameter_in is None:
            trial = solve("connection.anchor_rods", _anchor_inputs(inputs, plan, alpha, None), library=calc.library)
            rod = max(
                rod, rod_size(schedule, "rod_diameter_in", trial.result["rod_diameter_in"]), key=lambda r: r.diameter_in
            )
        if inputs.design_method == "ASD":
            calc.value(
                "α",
                alpha,
                description="ASD demands raised to strength level for ACI 318 Ch. 17",
                clause="aisc-dg1 asd_anchor_alpha_default",
            )
            calc.assume(f"ACI 318 anchor checks use ASD demands x {alpha:g} (strength level)", "ACI 318-19 §17.5")
        anchor_env = calc.solve("connection.anchor_rods", _anchor_inputs(inputs, plan, alpha, rod.diameter_in))
        no_pedestal = inputs.pedestal_n_in is None and inputs.pedestal_diameter_in is None
        calc.applies(
            "pedestal size given for the concrete edge distances",
            not no_pedestal,
            "without it the ACI checks assume no nearby edges",
            penalty=0.25,
        )
    else:
        calc.warn("concrete anchorage (ACI 318-19 Ch. 17) not checked: give hef_in (and the pedestal) to check it")
        calc.applies("concrete anchorage checked", False, "hef_in not given", penalty=0.2)
    calc.note(
        "rod", f"{rod.label} in. {rod_grade.specification}", description="anchor rod", clause="anchor-rod-schedule"
    )
    rod_avail = _rod_strength_per_rod(inputs, calc, rod, fu_r, fy_r, True)
    calc.check(
        "rod.tension",
        "Rod steel in tension (most stressed rod)",
        demand=t_rod,
        capacity=rod_avail,
        unit="kip",
        clause=pack.clauses["large_moment"],
    )
    weld = _weld(inputs, calc, pack, schedule, thickness)
    calc.applies("axial load is compression (no net uplift)", True, "net uplift is outside this DG1 procedure")
    governing = max(calc.checks, key=lambda c: c.ratio)
    passed = all(c.passed for c in calc.checks) and (anchor_env is None or all(c.passed for c in anchor_env.checks))
    return {
        "moment_case": plan["moment_case"],
        "feasible": True,
        "plate_n_in": plan["n_in"],
        "plate_b_in": plan["b_in"],
        "bearing_length_in": plan["y_in"],
        "max_bearing_stress_ksi": plan["fp_ksi"],
        "available_bearing_stress_ksi": plan["fp_max_ksi"],
        "anchor_tension_total_kip": plan["t_kip"],
        "anchor_tension_per_rod_kip": t_rod,
        "rod_diameter_in": rod.diameter_in,
        "rod_available_tension_kip": rod_avail,
        "required_thickness_in": plan["t_req_in"],
        "plate_thickness_in": thickness,
        **weld,
        "anchor_checks": None
        if anchor_env is None
        else {
            "ratio": anchor_env.result["ratio"],
            "governing_check": anchor_env.result["governing_check"],
            "passed": anchor_env.result["passed"],
        },
        "governing_check": governing.id,
        "ratio": governing.ratio,
        "passed": passed,
    }


SOLVER = Solver(
    name="connection.base_plate",
    version=VERSION,
    input_model=BasePlateInput,
    run=run,
    summary="Post base plate per AISC DG1 (small/large moment), J8 bearing, rods (ACI 318-19 Ch. 17 part), post weld",
)
