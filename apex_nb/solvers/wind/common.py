"""Input fields and pack reads shared by the ASCE 7 wind solvers."""

from __future__ import annotations

from typing import Literal

from apex_nb.calc import Calc
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
