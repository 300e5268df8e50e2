"""Plate plan, concrete bearing and plate thickness of ``connection.base_plate``.

AISC DG1 2nd Ed. §3.3-3.4 (uniform bearing) and Appendix B (triangular), AISC 360 §J8 bearing.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

from apex_nb.calc import Calc
from apex_nb.equations.aisc_dg1 import base_plate as dg1
from apex_nb.equations.metadata import formula_of
from apex_nb.pack_schemas.connections import AiscDg1Pack, AnchorRodSchedulePack
from apex_nb.solvers.connection.base_plate_input import MAX_PLAN_IN, BasePlateInput
from apex_nb.solvers.connection.common import (
    PSI_PER_KSI,
    round_up,
)
from apex_nb.solvers.strength import strength


def _a2(inputs: BasePlateInput, n_in: float, b_in: float) -> float | None:
    """Largest concentric area of the support geometrically similar to the plate (AISC 360 §J8)."""
    if inputs.pedestal_n_in is not None and inputs.pedestal_b_in is not None:
        scale = min(inputs.pedestal_n_in / n_in, inputs.pedestal_b_in / b_in)
        return n_in * b_in * scale**2
    if inputs.pedestal_diameter_in is not None:
        scale = inputs.pedestal_diameter_in / math.hypot(n_in, b_in)
        return n_in * b_in * scale**2
    return None


def analyse(
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
    cl = pack.clauses
    # each DG1 step records under the clause of its section
    at_bearing = partial(calc.apply, clause=bearing.clause)
    large = partial(calc.apply, clause=cl["large_moment"])
    small_case = partial(calc.apply, clause=cl["small_moment"])
    plate = partial(calc.apply, clause=cl["plate_compression"])
    tension = partial(calc.apply, clause=cl["plate_tension"])
    triangle = partial(calc.apply, clause=cl["triangular"])
    a1 = at_bearing("A1", dg1.bearing_area_in2, n_in, b_in, unit="in²", description="plate bearing area")
    a2 = _a2(inputs, n_in, b_in)
    conf = calc.value(
        "sqrt(A2/A1)",
        1.0 if a2 is None else dg1.confinement_factor(a1, a2, bearing.confinement_max),
        description="confinement factor" + (" (no pedestal given: A2 = A1)" if a2 is None else ""),
        formula=formula_of(dg1.confinement_factor),
        clause=bearing.clause,
    )
    fp_n = dg1.bearing_strength_ksi(inputs.fc_psi / PSI_PER_KSI, conf, bearing.coefficient)
    fp_max = strength(
        calc, "fp", fp_n, bearing, method=method, unit="ksi", name="fp,max",
        description=f"available bearing stress ({method})",
        formula=formula_of(
            dg1.available_bearing_stress_ksi, factor="φc" if method == "LRFD" else "1/Ωc", phi=bearing.phi,
            omega=bearing.omega,
        ),
    ).available  # fmt: skip
    q_max = at_bearing(
        "q_max", dg1.bearing_force_per_in, fp_max, b_in, unit="kip/in", description="bearing force per inch of N"
    )
    f = large("f", dg1.rod_lever_in, n_in, inputs.rod_edge_in, unit="in", description="plate centre to rod row")
    k = pack.yield_line_factor[inputs.post_shape]
    m, n_cant = (
        calc.apply(
            symbol,
            dg1.cantilever_in,
            plate_dim,
            post_dim,
            k,
            unit="in",
            clause=cl["plan_m_n"],
            description=f"bearing cantilever along {along}",
            fill={"plate": along, "k": k, "post": post_name},
        )
        for symbol, plate_dim, post_dim, along, post_name in (("m", n_in, d, "N", "d"), ("n", b_in, bw, "B", "b"))
    )
    e_crit = calc.apply(
        "e_crit",
        dg1.critical_eccentricity_in,
        n_in,
        p,
        q_max,
        unit="in",
        description="critical eccentricity",
        clause=cl["moment_case"],
    )
    e_text = "inf" if p == 0 else f"{m_kip_in / p:.4g}"
    small = p > 0 and m_kip_in / p <= e_crit
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
        triangular(calc, pack, n_in, b_in, f, fp_max, p, m_kip_in)
        if inputs.bearing_distribution == "triangular"
        else None
    )
    if tri is not None:
        if not tri["feasible"]:
            out.update(feasible=False, disc=tri["disc"], moment_case="large")
            return out
        small, y, fp, t, disc = tri["small"], tri["a_in"], tri["fp_ksi"], tri["t_kip"], tri["disc"]
    elif small:
        y = small_case(
            "Y", dg1.small_moment_bearing_length_in, n_in, m_kip_in / p, unit="in", description="bearing length"
        )
        fp = small_case("fp", dg1.uniform_bearing_stress_ksi, p, y, b_in, unit="ksi", description="bearing stress")
        t = 0.0
        disc = 0.0
    else:
        disc = dg1.large_moment_discriminant(f, n_in, p, m_kip_in, q_max)
        calc.value(
            "disc",
            disc,
            unit="in²",
            description="(f + N/2)² - 2(P f + M)/q_max, must be >= 0",
            clause=pack.clauses["large_moment"],
        )
        if not (disc >= 0.0 and f > 0.0):
            out.update(feasible=False, disc=disc, moment_case="large")
            return out
        y = large(
            "Y",
            dg1.large_moment_bearing_length_in,
            f,
            n_in,
            p,
            m_kip_in,
            q_max,
            unit="in",
            description="bearing length",
        )
        fp = fp_max
        t = large("T", dg1.large_moment_rod_tension_kip, q_max, y, p, unit="kip", description="tension in the rod row")
    # plate thickness: compression interface along N and along B, tension interface
    flex = pack.plate_flexure
    phi_b, omega_b = (flex.phi, 1.0) if method == "LRFD" else (1.0, flex.omega)
    if tri is not None:
        length, fill_n, step = tri["a_virtual_in"], {"fp": "f1", "length": "A"}, triangle
        f_n = dg1.triangular_stress_at_m_ksi(fp, length, m)
        mpl_m = triangle(
            "Mpl,m",
            dg1.triangular_bearing_moment_per_in,
            fp,
            length,
            m,
            unit="kip-in/in",
            description="bearing moment at the m bending line (triangular bearing, peak fp over A)",
        )
        n_what = "stress at the m line, 0 when A <= m"
    else:
        length, f_n, fill_n, step = y, fp, {"fp": "fp", "length": "Y"}, plate
        mpl_m = plate(
            "Mpl,m",
            dg1.bearing_moment_per_in,
            fp,
            y,
            m,
            unit="kip-in/in",
            description="bearing moment at the m bending line (bearing fp over Y from the compression edge)",
        )
        n_what = "0 when the bearing stays on the m overhang, Y <= m"
    mpl_n = step(
        "Mpl,n",
        dg1.bearing_moment_across_per_in,
        f_n,
        length,
        m,
        n_cant,
        unit="kip-in/in",
        description=f"bearing moment at the n bending line ({n_what})",
        fill=fill_n,
    )
    x = dg1.tension_interface_lever_in(f, d, inputs.post_wall_in)
    spacing = (b_in - 2.0 * inputs.rod_edge_in) / (inputs.rods_per_row - 1)
    mpl_t = 0.0
    if t > 0.0 and x > 0.0:
        b_eff = tension(
            "b_eff",
            dg1.tension_effective_width_in,
            b_in,
            x,
            inputs.rods_per_row,
            spacing,
            unit="in",
            description="width resisting rod tension",
        )
        tension(
            "x",
            dg1.tension_interface_lever_in,
            f,
            d,
            inputs.post_wall_in,
            unit="in",
            description="rod to post wall centre",
        )
        mpl_t = tension(
            "Mpl,t",
            dg1.tension_moment_per_in,
            t,
            x,
            b_eff,
            unit="kip-in/in",
            description="tension-interface moment from the rods",
        )
    mpl = plate(
        "Mpl",
        dg1.governing_plate_moment,
        mpl_m,
        mpl_n,
        mpl_t,
        unit="kip-in/in",
        description="governing plate moment per unit width (m, n or tension)",
    )
    t_req = calc.apply(
        "tp,req",
        dg1.plate_thickness_required_in,
        mpl,
        fy_ksi,
        phi_b,
        omega_b,
        unit="in",
        description="required plate thickness",
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


def triangular(
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
                        formula=formula_of(dg1.trapezoid_stresses_ksi), clause=clause)  # fmt: skip
        a_virtual = n_in * fmax / (fmax - fmin) if fmax > fmin else 1e9
        calc.note("bearing_case", "trapezoid", description="e <= N/6: full bearing, no rod tension", clause=clause)
        return {"feasible": True, "small": True, "a_in": n_in, "a_virtual_in": a_virtual, "fp_ksi": fp,
                "t_kip": 0.0, "disc": 0.0}  # fmt: skip
    if p > 0:
        a_free = dg1.triangular_no_rod_length_in(n_in, e)
        fp_free = dg1.triangular_peak_stress_ksi(p, a_free, b_in) if a_free > 0 else math.inf
        if fp_free <= fp_max:
            a = calc.value("A", a_free, unit="in", description="triangular bearing length",
                           formula=formula_of(dg1.triangular_no_rod_length_in), clause=clause)  # fmt: skip
            fp = calc.value("fp", fp_free, unit="ksi", description="peak bearing stress (triangle, no rod tension)",
                            formula=formula_of(dg1.triangular_peak_stress_ksi), clause=clause)  # fmt: skip
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
    a = calc.apply(
        "A",
        dg1.triangular_bearing_length_in,
        fp_max,
        b_in,
        n_prime,
        p,
        f,
        m_kip_in,
        unit="in",
        description="triangular bearing length with rod tension",
        clause=clause,
    )
    t = calc.apply(
        "T",
        dg1.triangular_rod_tension_kip,
        fp_max,
        a,
        b_in,
        p,
        unit="kip",
        description="tension in the rod row",
        clause=clause,
    )
    return {"feasible": True, "small": False, "a_in": a, "a_virtual_in": a, "fp_ksi": fp_max, "t_kip": t,
            "disc": disc}  # fmt: skip


def plan_size(
    inputs: BasePlateInput, calc: Calc, pack: AiscDg1Pack, schedule: AnchorRodSchedulePack, fy: float
) -> dict[str, Any]:
    """The given plan size, or the smallest one (whole inches, square growth) with a DG1 solution."""
    if inputs.plate_n_in is not None and inputs.plate_b_in is not None:
        return analyse(inputs, calc, pack, inputs.plate_n_in, inputs.plate_b_in, fy)
    reach = 2.0 * (inputs.rod_clearance_in + inputs.rod_edge_in)
    inc = schedule.plate_plan_increment_in
    n_in = round_up(inputs.post_depth_in + reach, inc)
    b_in = round_up(inputs.post_width_in + reach, inc)
    while n_in <= MAX_PLAN_IN:
        trial = calc.scratch()
        if analyse(inputs, trial, pack, n_in, b_in, fy)["feasible"]:
            break
        n_in += inc
        b_in += inc
    calc.assume(
        f"plan size auto: rods {inputs.rod_clearance_in:g} in. from the post face, {inputs.rod_edge_in:g} in. from the"
        f" plate edge, grown in {inc:g} in. steps until DG1 equilibrium has a solution",
        "aisc-dg1",
    )
    return analyse(inputs, calc, pack, min(n_in, MAX_PLAN_IN), min(b_in, MAX_PLAN_IN), fy)
