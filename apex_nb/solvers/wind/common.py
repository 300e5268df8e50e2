"""Input fields and pack reads shared by the ASCE 7 wind solvers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from apex_nb.calc import Calc
from apex_nb.equations.asce7 import gust as gust_eq
from apex_nb.equations.asce7.velocity_pressure import (
    ground_elevation_factor,
    interpolate_table,
    kz_power_law,
    velocity_pressure_psf,
)
from apex_nb.errors import FieldProblem, InputError, PackError
from apex_nb.pack_schemas.asce7_wind import Asce7WindPack, DesignLevel, OtherStructures, SolidSigns

Edition = Literal["7-05", "7-10", "7-16", "7-22"]
Exposure = Literal["B", "C", "D"]
KzMethod = Literal["table", "formula"]

EDITION_PACK = {"7-05": "asce7-05-wind", "7-10": "asce7-10-wind", "7-16": "asce7-16-wind", "7-22": "asce7-22-wind"}


def wind_pack(calc: Calc, edition: Edition) -> Asce7WindPack:
    """The edition's wind pack body (recorded in the envelope)."""
    return calc.pack(EDITION_PACK[edition]).data


def kz_at(calc: Calc, pack: Asce7WindPack, exposure: Exposure, z_ft: float, method: KzMethod) -> float:
    """Kz at height z by the printed table (interpolated) or the power-law formula; traced."""
    if method == "table":
        if pack.kz_table is None:
            raise InputError(
                [
                    FieldProblem(
                        "kz_method", f"no verified printed Kz table in the ASCE {pack.edition} pack", "'formula'"
                    )
                ]
            )
        table = pack.kz_table
        value = interpolate_table(z_ft, table.heights_ft, getattr(table, exposure))
        return calc.value(
            "Kz",
            value,
            description=f"velocity pressure exposure coefficient at z = {z_ft:g} ft, exposure {exposure} (table)",
            formula="linear interpolation in the printed table",
            clause=pack.clauses["kz_table"],
        )
    constants = pack.kz_formula.exposures[exposure]
    value = kz_power_law(z_ft, constants.alpha, constants.zg_ft, pack.kz_formula.coefficient, constants.z_min_ft)
    return calc.value(
        "Kz",
        value,
        description=f"velocity pressure exposure coefficient at z = {z_ft:g} ft, exposure {exposure} (formula)",
        formula=(
            f"{pack.kz_formula.coefficient} (max(z, {constants.z_min_ft:g})/{constants.zg_ft:g})"
            f"^(2/{constants.alpha:g})"
        ),
        clause=pack.clauses["kz_formula"],
    )


def ke_for(calc: Calc, pack: Asce7WindPack, ground_elevation_ft: float) -> float:
    """Ke from the ground elevation where the edition has it, else 1.0; traced."""
    vp = pack.velocity_pressure
    if not vp.uses_ke or vp.ke_coefficient_per_ft is None:
        return calc.value(
            "Ke", 1.0, description="ground elevation factor (not in this edition)", clause=pack.clauses.get("ke", "")
        )
    value = ground_elevation_factor(ground_elevation_ft, vp.ke_coefficient_per_ft)
    return calc.value(
        "Ke",
        value,
        description=f"ground elevation factor at {ground_elevation_ft:g} ft above sea level",
        formula=f"exp(-{vp.ke_coefficient_per_ft} zg)",
        clause=pack.clauses["ke"],
    )


def qz_psf(
    calc: Calc,
    pack: Asce7WindPack,
    *,
    kz: float,
    kzt: float,
    kd: float,
    ke: float,
    wind_speed_mph: float,
    importance_factor: float,
    symbol: str = "qz",
) -> float:
    """Velocity pressure with Kd inside qz only where the edition puts it there; traced."""
    vp = pack.velocity_pressure
    kd_used = kd if vp.kd_in_qz else 1.0
    importance = importance_factor if vp.uses_importance else 1.0
    factors = (
        "Kz Kzt"
        + (" Kd" if vp.kd_in_qz else "")
        + (" Ke" if vp.uses_ke else "")
        + " V²"
        + (" I" if vp.uses_importance else "")
    )
    value = velocity_pressure_psf(kz, kzt, kd_used, ke, wind_speed_mph, importance, vp.coefficient)
    return calc.value(
        symbol,
        value,
        unit="psf",
        description="velocity pressure",
        formula=f"{vp.coefficient} {factors}",
        clause=pack.clauses["velocity_pressure"],
    )


def resolve_kz_method(calc: Calc, pack: Asce7WindPack, requested: KzMethod | None) -> KzMethod:
    """The Kz method to use: the requested one, else the printed table where the pack has a verified one."""
    if requested is not None:
        calc.note("kz_method", requested, description="Kz method (input)", clause=pack.clauses["kz_table"])
        return requested
    method: KzMethod = "table" if pack.kz_table is not None else "formula"
    calc.note("kz_method", method, description="Kz method (default for this edition)", clause=pack.clauses["kz_table"])
    if method == "formula":
        calc.assume(
            f"Kz by the power-law formula: no verified printed Kz table in the ASCE {pack.edition} pack",
            pack.clauses["kz_formula"],
        )
    return method


def design_block(pack: Asce7WindPack) -> DesignLevel:
    """G, design level, ASD factor and minimum pressure of the edition (PackError when missing)."""
    if pack.design is None:
        raise PackError(f"ASCE {pack.edition} wind pack has no 'design' block")
    return pack.design


def solid_signs_block(pack: Asce7WindPack) -> SolidSigns:
    """The solid freestanding wall and sign figure of the edition (PackError when missing)."""
    if pack.solid_signs is None:
        raise PackError(f"ASCE {pack.edition} wind pack has no 'solid_signs' block")
    return pack.solid_signs


def other_structures_block(pack: Asce7WindPack) -> OtherStructures:
    """Cf of chimneys, tanks and similar structures (PackError when missing)."""
    if pack.other_structures is None:
        raise PackError(f"ASCE {pack.edition} wind pack has no 'other_structures' block")
    return pack.other_structures


def importance_for(calc: Calc, pack: Asce7WindPack, importance_factor: float | None) -> float:
    """Importance factor I where the edition uses it (7-05), else 1.0; traced with its assumption."""
    if not pack.velocity_pressure.uses_importance:
        return 1.0
    default_i = pack.velocity_pressure.default_importance_factor or 1.0
    value = importance_factor if importance_factor is not None else default_i
    calc.value("I", value, description="importance factor", clause=pack.clauses["importance_factor"])
    if importance_factor is None:
        calc.assume("Importance factor I = 1.0 (Occupancy Category II)", pack.clauses["importance_factor"])
    return value


def importance_only_in_7_05(edition: Edition, importance_factor: float | None) -> None:
    """Raise InputError when an importance factor is given for an edition without one (7-10 on)."""
    if importance_factor is not None and edition != "7-05":
        raise InputError(
            [
                FieldProblem(
                    "importance_factor",
                    f"not used by ASCE {edition} (risk is in the map speed)",
                    "only with edition '7-05'",
                )
            ]
        )


# gR (Eq. 26.11-11) needs ln(3600 n1) > 0; well below any sign structure, refused as an input range.
MIN_NATURAL_FREQUENCY_HZ = 0.01


def flexible_input_problems(natural_frequency_hz: float | None) -> list[FieldProblem]:
    """InputError problems for a natural frequency outside what the Gf procedure can evaluate."""
    if natural_frequency_hz is not None and natural_frequency_hz < MIN_NATURAL_FREQUENCY_HZ:
        return [
            FieldProblem(
                "natural_frequency_hz",
                f"n1 = {natural_frequency_hz:g} Hz is below what the flexible gust-effect factor covers",
                f">= {MIN_NATURAL_FREQUENCY_HZ:g}",
            )
        ]
    return []


@dataclass(frozen=True)
class GustFactor:
    """The gust-effect factor a wind solver used and why (rigid 0.85 or flexible Gf)."""

    value: float
    flexible: bool
    natural_frequency_hz: float | None
    damping_ratio: float | None
    resonant_response: float | None
    rigid_gust_factor_computed: float | None


def gust_factor_for(
    calc: Calc,
    pack: Asce7WindPack,
    *,
    exposure: Exposure,
    wind_speed_mph: float,
    natural_frequency_hz: float | None,
    height_ft: float,
    width_ft: float,
    along_wind_depth_ft: float | None,
    damping_ratio: float | None,
    subject: str,
) -> GustFactor:
    """G = 0.85 for a rigid structure (n1 >= 1 Hz or not given), else Gf of §26.11.5; traced.

    ``height_ft`` is h of the whole structure (top of the sign), ``width_ft`` B normal to the
    wind, ``along_wind_depth_ft`` L (None -> 0, RL = 1, the conservative limit), ``damping_ratio``
    β (None -> the pack's policy value). Every intermediate is recorded with its equation.
    """
    design = design_block(pack)
    clauses = pack.clauses
    if natural_frequency_hz is None or natural_frequency_hz >= 1.0:
        g = calc.value(
            "G", design.gust_effect_factor_rigid, description="gust-effect factor, rigid", clause=clauses["gust"]
        )
        if natural_frequency_hz is None:
            calc.assume(f"Rigid {subject} (fundamental frequency >= 1 Hz): G = 0.85", clauses["rigid"])
        else:
            calc.value(
                "n1",
                natural_frequency_hz,
                unit="Hz",
                description="fundamental frequency (input)",
                clause=clauses["rigid"],
            )
            calc.note("flexible", False, description="n1 >= 1 Hz: rigid, G = 0.85", clause=clauses["rigid"])
        return GustFactor(g, False, natural_frequency_hz, None, None, None)
    gust = pack.gust_flexible
    if gust is None:
        raise PackError(f"ASCE {pack.edition} wind pack has no 'gust_flexible' block")
    eq = gust.equations
    terrain = gust.exposures[exposure]
    n1 = calc.value(
        "n1", natural_frequency_hz, unit="Hz", description="fundamental frequency (input)", clause=clauses["rigid"]
    )
    calc.note(
        "flexible",
        True,
        description="n1 < 1 Hz: flexible structure, gust-effect factor Gf",
        clause=clauses["gust_flexible"],
    )
    beta_default = damping_ratio is None
    beta = calc.value(
        "β",
        gust.default_damping_ratio if beta_default else damping_ratio,  # type: ignore[arg-type]
        description="damping ratio, fraction of critical" + (" (policy default)" if beta_default else " (input)"),
        clause=gust.damping_clause if beta_default else "input",
    )
    if beta_default:
        calc.assume(
            f"Structural damping β = {beta:g} of critical (steel), the commentary value; lightly damped bare steel "
            "poles may have less, which raises Gf",
            gust.damping_clause,
        )
    else:
        calc.assume(f"Structural damping β = {beta:g} of critical (input)", gust.damping_clause)
    depth = 0.0 if along_wind_depth_ft is None else along_wind_depth_ft
    if along_wind_depth_ft is None:
        calc.assume(
            "Along-wind depth L = 0 (a thin sign): RL = 1, the largest (conservative) value", clauses["gust_flexible"]
        )
    calc.assume(
        f"Gf with h = {height_ft:g} ft (top of the structure) and B = {width_ft:g} ft (width normal to the wind)",
        clauses["gust_flexible"],
    )
    calc.applies(
        "along-wind response only: §26.11.5 does not cover across-wind, vortex-shedding or galloping response of "
        "slender poles",
        True,
        note="check vortex shedding of a slender round pole separately when it governs",
    )
    ab, eb = 1.0 / terrain.alpha_bar_inverse, 1.0 / terrain.epsilon_bar_inverse
    z_bar = calc.value(
        "z̄",
        gust_eq.equivalent_height_ft(height_ft, terrain.z_min_ft, gust.height_fraction),
        unit="ft",
        description=f"equivalent height, exposure {exposure}",
        formula=f"max({gust.height_fraction:g} h, {terrain.z_min_ft:g})",
        clause=eq["z_bar"],
    )
    iz = calc.value(
        "Iz̄",
        gust_eq.turbulence_intensity(z_bar, terrain.c),
        description="turbulence intensity at z̄",
        formula=f"{terrain.c:g} (33/z̄)^(1/6)",
        clause=eq["iz"],
    )
    lz = calc.value(
        "Lz̄",
        gust_eq.integral_length_scale_ft(z_bar, terrain.ell_ft, eb),
        unit="ft",
        description="integral length scale of turbulence at z̄",
        formula=f"{terrain.ell_ft:g} (z̄/33)^(1/{terrain.epsilon_bar_inverse:g})",
        clause=eq["lz"],
    )
    q = calc.value(
        "Q",
        gust_eq.background_response(width_ft, height_ft, lz),
        description="background response",
        formula="√(1 / (1 + 0.63 ((B + h)/Lz̄)^0.63))",
        clause=eq["q"],
    )
    vz = calc.value(
        "V̄z̄",
        gust_eq.mean_hourly_speed_ft_per_s(z_bar, terrain.b_bar, ab, wind_speed_mph),
        unit="ft/s",
        description="mean hourly wind speed at z̄",
        formula=f"{terrain.b_bar:g} (z̄/33)^(1/{terrain.alpha_bar_inverse:g}) (88/60) V",
        clause=eq["vz"],
    )
    n_1 = calc.value(
        "N1",
        gust_eq.reduced_frequency(n1, lz, vz),
        description="reduced frequency",
        formula="n1 Lz̄ / V̄z̄",
        clause=eq["n1"],
    )
    rn = calc.value(
        "Rn",
        gust_eq.resonance_rn(n_1),
        description="resonance factor",
        formula="7.47 N1 / (1 + 10.3 N1)^(5/3)",
        clause=eq["rn"],
    )
    rls: dict[str, float] = {}
    for name, dim, label in (("Rh", height_ft, "h"), ("RB", width_ft, "B"), ("RL", depth, "L")):
        coefficient = gust_eq.ETA_COEFFICIENTS[name]
        eta = calc.value(
            f"η,{name[1:]}",
            gust_eq.eta(coefficient, n1, dim, vz),
            description=f"η for {name}",
            formula=f"{coefficient:g} n1 {label} / V̄z̄",
            clause=eq["rl"],
        )
        rls[name] = calc.value(
            name,
            gust_eq.size_reduction(eta),
            description=f"size reduction factor {name}",
            formula="1/η - (1 - e^(-2η))/(2η²) (1 when η = 0)",
            clause=eq["rl"],
        )
    r = calc.value(
        "R",
        gust_eq.resonant_response(beta, rn, rls["Rh"], rls["RB"], rls["RL"]),
        description="resonant response factor",
        formula="√((1/β) Rn Rh RB (0.53 + 0.47 RL))",
        clause=eq["r"],
    )
    g_r = calc.value(
        "gR",
        gust_eq.resonant_peak_factor(n1),
        description="peak factor for resonant response",
        formula="√(2 ln(3600 n1)) + 0.577/√(2 ln(3600 n1))",
        clause=eq["gr"],
    )
    g_rigid = calc.value(
        "G,rigid computed",
        gust_eq.rigid_gust_factor(iz, q, gust.g_q, gust.g_v),
        description="gust-effect factor without resonance (for comparison)",
        formula=f"0.925 (1 + 1.7 {gust.g_q:g} Iz̄ Q) / (1 + 1.7 {gust.g_v:g} Iz̄)",
        clause=eq["g_rigid"],
    )
    gf = calc.value(
        "Gf",
        gust_eq.flexible_gust_factor(iz, q, r, g_r, gust.g_q, gust.g_v),
        description="gust-effect factor, flexible structure",
        formula=f"0.925 (1 + 1.7 Iz̄ √({gust.g_q:g}² Q² + gR² R²)) / (1 + 1.7 {gust.g_v:g} Iz̄)",
        clause=eq["gf"],
    )
    calc.note("G", f"Gf = {gf:.3f}", description="gust-effect factor used (flexible)", clause=clauses["gust_flexible"])
    return GustFactor(gf, True, n1, beta, r, g_rigid)
