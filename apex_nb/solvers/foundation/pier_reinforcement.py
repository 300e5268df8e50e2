"""Solver ``foundation.pier_reinforcement``: longitudinal bars and ties of a round drilled pier (ACI 318-19).

Demand: the lateral force P at height h above grade (ASD, as ``foundation.embedment`` takes it)
is raised to strength level (x ``asd_to_strength``, 1.0W/0.6W); the largest moment is at the
depth z0 of zero shear below grade, M = P (h + 2 z0/3), z0 = sqrt(2P/(S b)) (Broms 1964
free-head short pier, the IBC allowable lateral bearing S per ft of depth as the reaction);
the largest shear is P at grade. Capacity: strain compatibility on the circular section
(ACI 318-19 §22.2) with φ from εt (Table 21.2.2); Vc = 2 sqrt(f'c) D (0.8 D) (§22.5.2.2).
Sizing, deterministic: the lightest bar size x count (sizes and limits in ``aci318-pier``)
meeting flexure, the minimum ratio and the clear spacing; ties by §25.7.2 and, when Vu > φVc,
by Eq. 22.5.8.5.3. The bars run the pier length less the end covers; the check of development
compares ld (§25.4.2.3) with the bar length on each side of the maximum-moment section.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import Field

from apex_nb.calc import Calc, Solver
from apex_nb.equations.aci318 import pier as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.aci318_pier import Aci318PierPack, Bar
from apex_nb.solvers.strength import Phi, Required, strength

VERSION = "1.0.0"
PACK = "aci318-pier"


class PierReinforcementInput(SolverInput):
    """Inputs of ``foundation.pier_reinforcement``."""

    diameter_in: float = Field(ge=12, le=144, description="Pier diameter, in.")
    depth_ft: float = Field(gt=0, le=1.0e5, description="Pier depth below grade, ft")
    projection_ft: float = Field(default=0.0, ge=0, le=10, description="Pier top above grade, ft")
    lateral_force_lb: float = Field(gt=0, le=1_000_000, description="Lateral force P (ASD level, e.g. 0.6W), lb")
    force_height_ft: float = Field(gt=0, le=300, description="Height of P above grade, ft")
    soil_reaction_psf_per_ft: float = Field(
        gt=0, le=10000, description="Allowable lateral bearing S per ft of depth used for the footing, psf/ft"
    )
    axial_kip: float = Field(
        default=0.0, ge=0, le=5000, description="Axial dead load at the section (0 is conservative)"
    )
    fc_psi: float = Field(default=3000.0, ge=2500, le=10000, description="Pier concrete f'c, psi")
    bar_size: int | None = Field(default=None, ge=3, le=11, description="Longitudinal bar size (auto)")
    bar_count: int | None = Field(default=None, ge=4, le=48, description="Longitudinal bar count (auto)")


def _bar(pack: Aci318PierPack, size: int) -> Bar:
    return next(b for b in pack.bars if b.size == size)


def _tie_for(pack: Aci318PierPack, size: int) -> Bar:
    return _bar(pack, pack.tie_size_large if size >= pack.tie_large_from_size else pack.tie_size_small)


def _layout(inputs: PierReinforcementInput, pack: Aci318PierPack, size: int, count: int) -> dict[str, float]:
    bar, tie = _bar(pack, size), _tie_for(pack, size)
    to_centre = pack.cover_in + tie.diameter_in + bar.diameter_in / 2.0
    depths = eq.bar_depths_in(inputs.diameter_in, to_centre, count)
    mn, c = eq.nominal_moment_kip_in(
        inputs.diameter_in, depths, bar.area_in2, inputs.axial_kip, inputs.fc_psi, pack.fy_ksi, pack.es_ksi
    )
    dt = max(depths)
    eps_t = eq.net_tensile_strain(dt, c)
    phi = eq.phi_flexure(eps_t, pack.fy_ksi / pack.es_ksi, pack.phi_tension_controlled, pack.phi_compression_controlled)
    circle = math.pi * (inputs.diameter_in - 2.0 * to_centre)
    clear = circle / count - bar.diameter_in
    return {"mn": mn, "c": c, "eps_t": eps_t, "phi": phi, "clear": clear, "to_centre": to_centre, "dt": dt}


def run(inputs: PierReinforcementInput, calc: Calc) -> dict[str, Any]:
    """Drilled pier bars and ties (ACI 318-19 §22.2, §22.5, §25.4, §25.7) for the largest moment and shear

    Moment and shear at the governing section, bars and ties, development, rebar weight.
    """
    pack: Aci318PierPack = calc.pack(PACK).data
    cl = pack.clauses
    d_in, d_ft = inputs.diameter_in, inputs.diameter_in / 12.0
    factor = calc.value(
        "α",
        pack.asd_to_strength,
        description="ASD wind effects to strength level",
        clause="aci318-pier asd_to_strength",
    )
    p_lb = inputs.lateral_force_lb
    k = inputs.soil_reaction_psf_per_ft * d_ft
    m_asd_lb_ft, z0 = eq.broms_max_moment(p_lb, inputs.force_height_ft, k)
    z0 = calc.value(
        "z0", z0, unit="ft", description="depth of zero shear (largest moment)",
        formula=formula_of(eq.broms_zero_shear_depth), clause=cl["demand"],
    )  # fmt: skip
    mu = calc.apply(
        "Mu", eq.factored_moment_kip_in, factor, m_asd_lb_ft, unit="kip-in", description="largest factored pier moment",
        clause=cl["demand"],
    )  # fmt: skip
    vu = calc.apply(
        "Vu", eq.factored_shear_kip, factor, p_lb, unit="kip", description="largest factored shear (P at grade)",
        clause="",
    )  # fmt: skip
    calc.assume(
        "Largest shear taken as P at grade; the reverse shear near the toe of a short pier is not checked",
        cl["demand"],
    )
    ag = math.pi * d_in**2 / 4.0
    as_min = calc.apply(
        "As,min", eq.min_longitudinal_steel_in2, pack.min_longitudinal_ratio, ag, unit="in²",
        description="minimum longitudinal steel", clause=cl["min_steel"], fill={"ratio": pack.min_longitudinal_ratio},
    )  # fmt: skip
    options: list[tuple[float, int, int, dict[str, float]]] = []
    sizes = [inputs.bar_size] if inputs.bar_size is not None else pack.longitudinal_sizes
    counts = [inputs.bar_count] if inputs.bar_count is not None else list(range(pack.min_bars, pack.max_bars + 1))
    for size in sizes:
        bar = _bar(pack, size)
        for count in counts:
            lay = _layout(inputs, pack, size, count)
            ok = (
                lay["phi"] * lay["mn"] >= mu
                and count * bar.area_in2 >= as_min
                and lay["clear"] >= max(pack.clear_spacing_db * bar.diameter_in, pack.clear_spacing_min_in)
            )
            if ok or (inputs.bar_size is not None and inputs.bar_count is not None):
                options.append((count * bar.weight_lb_per_ft, size, count, lay))
                break
    if options:
        _, size, count, lay = min(options, key=lambda o: (o[0], o[1], o[2]))
    else:
        size = pack.longitudinal_sizes[-1]
        count = pack.max_bars
        lay = _layout(inputs, pack, size, count)
        calc.warn("no bar arrangement in the pack carries the moment: enlarge the pier")
    bar, tie = _bar(pack, size), _tie_for(pack, size)
    calc.note("bars", f"{count} #{size}", description="longitudinal bars, Grade 60", clause=cl["flexure"])
    calc.value("cover", pack.cover_in, unit="in", description="clear cover to the ties", clause=cl["cover"])
    calc.value("c", lay["c"], unit="in", description="neutral axis depth", clause=cl["flexure"])
    calc.value(
        "εt", lay["eps_t"], description="net tensile strain", formula=formula_of(eq.net_tensile_strain),
        clause=cl["flexure"],
    )  # fmt: skip
    phi_mn = strength(
        calc, "Mn", lay["mn"], Phi(lay["phi"], cl["flexure"]), method="strength", unit="kip-in",
        description="design flexural strength", formula=formula_of(eq.design_moment_kip_in),
        check=Required("pier.flexure", "Pier flexure at the largest moment", mu, cl["flexure"]),
    ).available  # fmt: skip
    as_prov = calc.value("As", count * bar.area_in2, unit="in²", description="longitudinal steel provided")
    calc.check("pier.min_steel", "Minimum longitudinal steel", demand=as_min, capacity=as_prov, unit="in²",
               clause=cl["min_steel"])  # fmt: skip
    need_clear = max(pack.clear_spacing_db * bar.diameter_in, pack.clear_spacing_min_in)
    calc.check("pier.bar_spacing", "Clear spacing of the longitudinal bars", demand=need_clear,
               capacity=lay["clear"], unit="in", clause=cl["spacing"])  # fmt: skip
    # shear and ties
    d_eff = 0.8 * d_in
    vc = calc.apply(
        "Vc",
        eq.concrete_shear_kip,
        inputs.fc_psi,
        d_in,
        d_eff,
        unit="kip",
        description="concrete shear strength",
        clause=cl["shear"],
    )
    av = 2.0 * tie.area_in2
    vs_needed = max(vu / pack.phi_shear - vc, 0.0)
    spacing = calc.apply(
        "s", eq.tie_spacing_in, bar.diameter_in, tie.diameter_in, d_in, av, pack.fy_ksi, d_eff, vs_needed, unit="in",
        description=f"#{tie.size} tie spacing (whole inches)", clause=cl["ties"],
    )  # fmt: skip
    vs = eq.shear_tie_spacing_in(av, pack.fy_ksi, d_eff, 1.0) / spacing if spacing > 0 else 0.0
    strength(
        calc, "Vn", vc + vs, Phi(pack.phi_shear, cl["shear"]), method="strength", unit="kip",
        description="design shear strength with the ties", formula=formula_of(eq.design_shear_kip),
        check=Required("pier.shear", "Pier shear", vu, cl["shear"]),
    )  # fmt: skip
    # development on each side of the largest moment section
    ld_full = calc.apply(
        "ld",
        eq.development_length_in,
        bar.diameter_in,
        pack.fy_ksi * 1000.0,
        inputs.fc_psi,
        size <= 6,
        unit="in",
        description="tension development length",
        clause=cl["development"],
    )
    ld = calc.apply(
        "ld,req", eq.required_development_in, ld_full, mu, phi_mn, unit="in",
        description="development length for the stress needed", clause=cl["development"] + ", §25.4.10.1",
    )  # fmt: skip
    available = calc.apply(
        "l_avail", eq.available_bar_length_in, inputs.projection_ft, z0, inputs.depth_ft, pack.end_cover_in, unit="in",
        description="bar length on the shorter side of z0", clause=cl["development"],
    )  # fmt: skip
    calc.check("pier.development", "Bars developed on both sides of the largest moment", demand=ld,
               capacity=available, unit="in", clause=cl["development"])  # fmt: skip
    length_ft = inputs.depth_ft + inputs.projection_ft - 2.0 * pack.end_cover_in / 12.0
    ties = math.floor(length_ft * 12.0 / spacing) + 1
    hoop_ft = (math.pi * (d_in - 2.0 * pack.cover_in - tie.diameter_in) + pack.tie_lap_in) / 12.0
    weight = calc.apply(
        "W_rebar", eq.rebar_weight_lb, count, length_ft, bar.weight_lb_per_ft, ties, hoop_ft, tie.weight_lb_per_ft,
        unit="lb", description="rebar weight of one pier", clause="",
    )  # fmt: skip
    governing = max(calc.checks, key=lambda c: c.ratio)
    return {
        "bar_size": size,
        "bar_count": count,
        "steel_area_in2": as_prov,
        "steel_ratio": as_prov / ag,
        "moment_kip_in": mu,
        "design_moment_kip_in": phi_mn,
        "zero_shear_depth_ft": z0,
        "tie_size": tie.size,
        "tie_spacing_in": spacing,
        "tie_count": ties,
        "development_length_in": ld,
        "bar_length_ft": length_ft,
        "bar_diameter_in": bar.diameter_in,
        "bar_area_in2": bar.area_in2,
        "cage_radius_in": d_in / 2.0 - lay["to_centre"],
        "rebar_lb": weight,
        "governing_check": governing.id,
        "ratio": governing.ratio,
        "passed": all(c.passed for c in calc.checks),
    }


SOLVER = Solver.of("foundation.pier_reinforcement", VERSION, run)
