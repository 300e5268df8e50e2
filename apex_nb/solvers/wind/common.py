"""Input fields and pack reads shared by the ASCE 7 wind solvers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc
from apex_nb.equations.asce7 import gust as gust_eq
from apex_nb.equations.asce7.velocity_pressure import (
    ground_elevation_factor,
    kz_from_table,
    kz_power_law,
    velocity_pressure_form,
)
from apex_nb.errors import FieldProblem, InputError, PackError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.asce7_wind import (
    Asce7WindPack,
    DesignLevel,
    OtherStructures,
    SolidSigns,
    VelocityPressure,
)
from apex_nb.types import AsceEdition, Exposure, GroundElevationFt, ImportanceFactor, Kzt, WindSpeedMph

KzMethod = Literal["table", "formula"]

EDITION_PACK = {"7-05": "asce7-05-wind", "7-10": "asce7-10-wind", "7-16": "asce7-16-wind", "7-22": "asce7-22-wind"}


class AsceWindInput(SolverInput):
    """Site and gust fields every ASCE 7 force solver takes (declared once, checked once).

    A subclass adds its geometry and lists its own problems in ``own_problems``; they are
    reported together with the edition and natural-frequency checks in one InputError.
    """

    edition: AsceEdition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: WindSpeedMph = Field(
        description="Basic wind speed V, 3-s gust at 33 ft, mph (strength level from 7-10 on)"
    )
    exposure: Exposure = Field(description="Exposure category B, C or D")
    kzt: Kzt = Field(default=1.0, description="Topographic factor Kzt (1.0 on flat sites)")
    ground_elevation_ft: GroundElevationFt = Field(
        default=0.0, description="Ground elevation above sea level, ft (gives Ke in 7-16 and 7-22)"
    )
    importance_factor: ImportanceFactor | None = Field(
        default=None, description="Importance factor I (ASCE 7-05 only; default 1.0, Category II)"
    )
    kz_method: KzMethod | None = Field(
        default=None,
        description="'table' or 'formula'; default: the printed table where the edition has a verified one",
    )
    natural_frequency_hz: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Fundamental frequency n1 of the sign structure, Hz, if known (rigid: >= 1; below 1 Hz the "
        "flexible gust-effect factor Gf is used)",
    )
    damping_ratio: float | None = Field(
        default=None,
        gt=0,
        le=0.2,
        description="Structural damping ratio β, fraction of critical, for Gf (default: the wind pack's policy, 0.01)",
    )
    along_wind_depth_ft: float | None = Field(
        default=None,
        ge=0,
        le=500,
        description="Along-wind depth L of the structure (sign cabinet depth), ft, for Gf (default 0: RL = 1)",
    )

    def own_problems(self) -> list[FieldProblem]:
        """Problems of the subclass's own fields (none here)."""
        return []

    @model_validator(mode="after")
    def _wind_checks(self) -> AsceWindInput:
        problems = self.own_problems()
        try:
            importance_only_in_7_05(self.edition, self.importance_factor)
        except InputError as exc:
            problems.extend(exc.problems)
        problems.extend(flexible_input_problems(self.natural_frequency_hz))
        if problems:
            raise InputError(problems)
        return self


@dataclass(frozen=True)
class QzFactors:
    """The factors of qz other than Kz, read once per solve (Ke and I traced when taken)."""

    kzt: float
    kd: float
    ke: float
    importance: float
    wind_speed_mph: float

    def form_args(self, vp: VelocityPressure) -> tuple[float, float, float, float, float]:
        """(Kzt, Kd, Ke, V, I) as the edition's qz form takes them: Kd and I as 1.0 where qz leaves them out."""
        kd = self.kd if vp.kd_in_qz else 1.0
        importance = self.importance if vp.uses_importance else 1.0
        return self.kzt, kd, self.ke, self.wind_speed_mph, importance


def qz_factors(calc: Calc, pack: Asce7WindPack, inputs: AsceWindInput, *, kzt: float, kd: float) -> QzFactors:
    """Ke and I of the edition (traced, in that order) with the given Kzt and Kd."""
    ke = ke_for(calc, pack, inputs.ground_elevation_ft)
    importance = importance_for(calc, pack, inputs.importance_factor)
    return QzFactors(kzt, kd, ke, importance, inputs.wind_speed_mph)


def wind_pack(calc: Calc, edition: AsceEdition) -> Asce7WindPack:
    """The edition's wind pack body (recorded in the envelope), with the edition noted in the trace."""
    pack: Asce7WindPack = calc.pack(EDITION_PACK[edition]).data
    calc.note("edition", edition, description="ASCE 7 edition in force")
    return pack


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
        return calc.apply(
            "Kz",
            kz_from_table,
            z_ft,
            table.heights_ft,
            getattr(table, exposure),
            description=f"velocity pressure exposure coefficient at z = {z_ft:g} ft, exposure {exposure} (table)",
            clause=pack.clauses["kz_table"],
        )
    k = pack.kz_formula.exposures[exposure]
    coefficient = pack.kz_formula.coefficient
    return calc.apply(
        "Kz",
        kz_power_law,
        z_ft,
        k.alpha,
        k.zg_ft,
        coefficient,
        k.z_min_ft,
        description=f"velocity pressure exposure coefficient at z = {z_ft:g} ft, exposure {exposure} (formula)",
        clause=pack.clauses["kz_formula"],
        fill={"coefficient": coefficient, "z_min": k.z_min_ft, "zg": k.zg_ft, "alpha": k.alpha},
    )


def ke_for(calc: Calc, pack: Asce7WindPack, ground_elevation_ft: float) -> float:
    """Ke from the ground elevation where the edition has it, else 1.0; traced."""
    vp = pack.velocity_pressure
    if not vp.uses_ke or vp.ke_coefficient_per_ft is None:
        return calc.value(
            "Ke", 1.0, description="ground elevation factor (not in this edition)", clause=pack.clauses.get("ke", "")
        )
    return calc.apply(
        "Ke",
        ground_elevation_factor,
        ground_elevation_ft,
        vp.ke_coefficient_per_ft,
        description=f"ground elevation factor at {ground_elevation_ft:g} ft above sea level",
        clause=pack.clauses["ke"],
        fill={"coefficient": vp.ke_coefficient_per_ft},
    )


def qz_psf(calc: Calc, pack: Asce7WindPack, kz: float, factors: QzFactors, symbol: str = "qz") -> float:
    """Velocity pressure with Kd inside qz only where the edition puts it there; traced."""
    vp = pack.velocity_pressure
    try:
        form = velocity_pressure_form(vp.kd_in_qz, vp.uses_ke, vp.uses_importance)
    except KeyError:
        raise PackError(f"ASCE {pack.edition} wind pack: no edition prints qz with these factors") from None
    return calc.apply(
        symbol,
        form,
        kz,
        *factors.form_args(vp),
        vp.coefficient,
        unit="psf",
        description="velocity pressure",
        clause=pack.clauses["velocity_pressure"],
        fill={"coefficient": vp.coefficient},
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


def importance_only_in_7_05(edition: AsceEdition, importance_factor: float | None) -> None:
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
    calc: Calc, pack: Asce7WindPack, inputs: AsceWindInput, *, height_ft: float, width_ft: float, subject: str
) -> GustFactor:
    """G = 0.85 for a rigid structure (n1 >= 1 Hz or not given), else Gf of §26.11.5; traced.

    ``height_ft`` is h of the whole structure (top of the sign), ``width_ft`` B normal to the
    wind; from ``inputs`` come n1, L (None -> 0, RL = 1, the conservative limit) and β (None ->
    the pack's policy value). Every intermediate is recorded with its equation.
    """
    exposure, wind_speed_mph = inputs.exposure, inputs.wind_speed_mph
    natural_frequency_hz, damping_ratio = inputs.natural_frequency_hz, inputs.damping_ratio
    along_wind_depth_ft = inputs.along_wind_depth_ft
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
    z_bar = calc.apply(
        "z̄", gust_eq.equivalent_height_ft, height_ft, terrain.z_min_ft, gust.height_fraction, unit="ft",
        description=f"equivalent height, exposure {exposure}", clause=eq["z_bar"],
        fill={"fraction": gust.height_fraction, "z_min": terrain.z_min_ft},
    )  # fmt: skip
    iz = calc.apply(
        "Iz̄", gust_eq.turbulence_intensity, z_bar, terrain.c, description="turbulence intensity at z̄",
        clause=eq["iz"], fill={"c": terrain.c},
    )  # fmt: skip
    lz = calc.apply(
        "Lz̄", gust_eq.integral_length_scale_ft, z_bar, terrain.ell_ft, eb, unit="ft",
        description="integral length scale of turbulence at z̄", clause=eq["lz"],
        fill={"ell": terrain.ell_ft, "epsilon_bar_inverse": terrain.epsilon_bar_inverse},
    )  # fmt: skip
    q = calc.apply(
        "Q", gust_eq.background_response, width_ft, height_ft, lz, description="background response", clause=eq["q"]
    )
    vz = calc.apply(
        "V̄z̄", gust_eq.mean_hourly_speed_ft_per_s, z_bar, terrain.b_bar, ab, wind_speed_mph, unit="ft/s",
        description="mean hourly wind speed at z̄", clause=eq["vz"],
        fill={"b_bar": terrain.b_bar, "alpha_bar_inverse": terrain.alpha_bar_inverse},
    )  # fmt: skip
    n_1 = calc.apply("N1", gust_eq.reduced_frequency, n1, lz, vz, description="reduced frequency", clause=eq["n1"])
    rn = calc.apply("Rn", gust_eq.resonance_rn, n_1, description="resonance factor", clause=eq["rn"])
    rls: dict[str, float] = {}
    for name, dim, label in (("Rh", height_ft, "h"), ("RB", width_ft, "B"), ("RL", depth, "L")):
        coefficient = gust_eq.ETA_COEFFICIENTS[name]
        eta = calc.apply(
            f"η,{name[1:]}", gust_eq.eta, coefficient, n1, dim, vz, description=f"η for {name}", clause=eq["rl"],
            fill={"k": coefficient, "dimension": label},
        )  # fmt: skip
        rls[name] = calc.apply(
            name, gust_eq.size_reduction, eta, description=f"size reduction factor {name}", clause=eq["rl"]
        )
    r = calc.apply(
        "R", gust_eq.resonant_response, beta, rn, rls["Rh"], rls["RB"], rls["RL"],
        description="resonant response factor", clause=eq["r"],
    )  # fmt: skip
    g_r = calc.apply(
        "gR", gust_eq.resonant_peak_factor, n1, description="peak factor for resonant response", clause=eq["gr"]
    )
    peak = {"g_q": gust.g_q, "g_v": gust.g_v}
    g_rigid = calc.apply(
        "G,rigid computed", gust_eq.rigid_gust_factor, iz, q, gust.g_q, gust.g_v,
        description="gust-effect factor without resonance (for comparison)", clause=eq["g_rigid"], fill=peak,
    )  # fmt: skip
    gf = calc.apply(
        "Gf", gust_eq.flexible_gust_factor, iz, q, r, g_r, gust.g_q, gust.g_v,
        description="gust-effect factor, flexible structure", clause=eq["gf"], fill=peak,
    )  # fmt: skip
    calc.note("G", f"Gf = {gf:.3f}", description="gust-effect factor used (flexible)", clause=clauses["gust_flexible"])
    return GustFactor(gf, True, n1, beta, r, g_rigid)
