"""Solver ``wind.en1991_signboard``: EN 1991-1-4 §7.4.3 signboards with qp(ze) from §4.

Fw = cs cd cf qp(ze) Aref with cf = 1.80, ze = zg + h/2 and a horizontal eccentricity
e = ±0.25 b. Recommended values come from the ``en1991-1-4-signboards`` pack; every nationally
determined parameter (terrain category or z0/z_min, co, cs cd, ρ, kI) can be given as an input.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.en1991 import wind
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.en1991 import En1991SignboardsPack, TerrainCategory
from apex_nb.units import N_PER_KN

VERSION = "1.0.0"
PACK = "en1991-1-4-signboards"


class SignboardInput(SolverInput):
    """Inputs of ``wind.en1991_signboard`` (SI units)."""

    basic_wind_velocity_mps: float = Field(
        gt=0, le=80, description="Basic wind velocity vb = cdir cseason vb,0, m/s (national annex map value)"
    )
    terrain_category: TerrainCategory = Field(
        description="Terrain category 0, I, II, III or IV (EN 1991-1-4 Table 4.1)"
    )
    width_m: float = Field(gt=0, le=100, description="Width b of the signboard, m")
    height_m: float = Field(gt=0, le=50, description="Height h of the signboard, m")
    clearance_m: float = Field(ge=0, le=200, description="Clearance zg from the ground to the bottom of the board, m")
    z0_m: float | None = Field(default=None, gt=0, le=5, description="Roughness length z0, m (default: Table 4.1)")
    z_min_m: float | None = Field(default=None, gt=0, le=50, description="Minimum height z_min, m (default: Table 4.1)")
    orography_factor: float | None = Field(default=None, ge=1.0, le=3.0, description="co(ze) (default 1.0, flat)")
    structural_factor: float | None = Field(default=None, gt=0, le=2.0, description="cs cd (default 1.0)")
    air_density_kg_m3: float | None = Field(default=None, gt=0.5, le=1.5, description="ρ, kg/m³ (default 1.25)")
    turbulence_factor: float | None = Field(default=None, gt=0, le=2.0, description="kI (default 1.0)")

    @model_validator(mode="after")
    def _height(self) -> SignboardInput:
        if self.clearance_m + self.height_m > 200.0:
            raise InputError(
                [FieldProblem("clearance_m", "top of the board above z_max = 200 m", "clearance_m + height_m <= 200")]
            )
        return self


def _parameter(calc: Calc, symbol: str, given: float | None, default: float, description: str, clause: str) -> float:
    value = calc.value(symbol, given if given is not None else default, description=description, clause=clause)
    if given is None:
        calc.assume(f"{symbol} = {default:g} (recommended value; check the national annex)", clause)
    return value


def run(inputs: SignboardInput, calc: Calc) -> dict[str, Any]:
    """EN 1991-1-4 §7.4.3 signboard: qp(ze), cf = 1.80, Fw, eccentricity ±0.25 b, moment at the base

    qp(ze), cf, Fw, eccentricity and moment at the base of one signboard.
    """
    pack: En1991SignboardsPack = calc.pack(PACK).data
    c = pack.clauses
    terrain = pack.terrain_categories[inputs.terrain_category]
    calc.note(
        "terrain category", inputs.terrain_category, description="EN 1991-1-4 terrain category", clause=c["terrain"]
    )
    z0 = _parameter(calc, "z0", inputs.z0_m, terrain.z0_m, "roughness length, m", c["terrain"])
    z_min = _parameter(calc, "z_min", inputs.z_min_m, terrain.z_min_m, "minimum height, m", c["terrain"])
    co = _parameter(calc, "co", inputs.orography_factor, pack.orography_factor, "orography factor", c["mean_velocity"])
    cscd = _parameter(calc, "cs cd", inputs.structural_factor, pack.structural_factor, "structural factor", c["force"])
    rho = _parameter(
        calc, "ρ", inputs.air_density_kg_m3, pack.air_density_kg_m3, "air density, kg/m³", c["air_density"]
    )
    k_i = _parameter(calc, "kI", inputs.turbulence_factor, pack.turbulence_factor, "turbulence factor", c["turbulence"])

    b, h, zg = inputs.width_m, inputs.height_m, inputs.clearance_m
    ze = calc.apply(
        "ze", wind.signboard_reference_height_m, zg, h, unit="m", description="reference height",
        clause=c["signboard_height"],
    )  # fmt: skip
    kr = calc.apply(
        "kr", wind.terrain_factor, z0, pack.z0_ii_m, pack.terrain_factor_coefficient, pack.terrain_factor_exponent,
        description="terrain factor", clause=c["terrain_factor"],
        fill={"coefficient": pack.terrain_factor_coefficient, "z0_ii": pack.z0_ii_m,
              "exponent": pack.terrain_factor_exponent},
    )  # fmt: skip
    cr = calc.apply(
        "cr", wind.roughness_factor, ze, z0, z_min, kr, description="roughness factor at ze", clause=c["roughness"]
    )
    vm = calc.apply(
        "vm", wind.mean_wind_velocity_mps, cr, co, inputs.basic_wind_velocity_mps, unit="m/s",
        description="mean wind velocity at ze", clause=c["mean_velocity"],
    )  # fmt: skip
    iv = calc.apply(
        "Iv", wind.turbulence_intensity, ze, z0, z_min, co, k_i, description="turbulence intensity at ze",
        clause=c["turbulence"],
    )  # fmt: skip
    qp = calc.apply(
        "qp", wind.peak_velocity_pressure_pa, iv, rho, vm, pack.peak_factor, unit="Pa",
        description="peak velocity pressure at ze", clause=c["peak_pressure"], fill={"peak_factor": pack.peak_factor},
    )  # fmt: skip
    rule = wind.signboard_rule_applies(zg, h, b)
    calc.applies(
        "signboard rule §7.4.3(2): zg >= h/4, or b/h <= 1",
        rule,
        note="otherwise the board is a boundary wall (§7.4.1, not implemented); cf = 1.80 kept for reference only",
        penalty=0.5,
    )
    if not rule:
        calc.warn("zg < h/4 with b/h > 1: EN 1991-1-4 §7.4.1 (boundary walls) governs; this result is indicative")
    cf = calc.value("cf", pack.signboards.cf, description="force coefficient of a signboard", clause=c["signboard_cf"])
    area = calc.apply(
        "Aref", wind.signboard_reference_area_m2, b, h, unit="m²", description="reference area", clause=c["force"]
    )
    fw_n = calc.apply(
        "Fw", wind.wind_force_n, cscd, cf, qp, area, unit="N", description="wind force on the board", clause=c["force"]
    )
    ratio = pack.signboards.eccentricity_ratio
    e = calc.apply(
        "e", wind.signboard_eccentricity_m, b, ratio, unit="m", description="horizontal eccentricity of the "
        "resultant (±)", clause=c["signboard_eccentricity"], fill={"ratio": ratio},
    )  # fmt: skip
    m_base = calc.apply(
        "M", wind.base_moment_n_m, fw_n, ze, unit="N·m", description="overturning moment at the base", clause=""
    )
    t_base = calc.apply(
        "T", wind.base_torsion_n_m, fw_n, e, unit="N·m", description="torsion at the base (±)", clause=""
    )
    calc.assume("Wind on the posts and the board's own weight are not included", c["force"])
    return {
        "reference_height_m": ze,
        "z0_m": z0,
        "z_min_m": z_min,
        "kr": kr,
        "cr": cr,
        "vm_mps": vm,
        "iv": iv,
        "qp_pa": qp,
        "qp_kn_m2": qp / N_PER_KN,
        "cf": cf,
        "signboard_rule_applies": rule,
        "structural_factor": cscd,
        "reference_area_m2": area,
        "effective_pressure_kn_m2": cscd * cf * qp / N_PER_KN,
        "force_kn": fw_n / N_PER_KN,
        "eccentricity_m": e,
        "moment_at_base_kn_m": m_base / N_PER_KN,
        "torsion_kn_m": t_base / N_PER_KN,
        "clause": c["signboard_cf"],
    }


SOLVER = Solver.of("wind.en1991_signboard", VERSION, run)
