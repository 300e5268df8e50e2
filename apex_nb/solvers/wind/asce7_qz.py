"""Solver ``wind.asce7_qz``: ASCE 7 velocity pressure qz at one height, any edition in use."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.wind.common import Edition, Exposure, KzMethod, ke_for, kz_at, qz_psf, wind_pack

VERSION = "1.0.0"


class QzInput(SolverInput):
    """Inputs of ``wind.asce7_qz``."""

    edition: Edition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: float = Field(
        ge=50, le=300, description="Basic wind speed V, 3-s gust at 33 ft, mph (strength level from 7-10 on)"
    )
    exposure: Exposure = Field(description="Exposure category B, C or D")
    height_ft: float = Field(gt=0, le=500, description="Height z above grade at which qz is wanted, ft")
    kzt: float = Field(default=1.0, ge=1.0, le=3.0, description="Topographic factor Kzt (1.0 on flat sites)")
    ground_elevation_ft: float = Field(
        default=0.0, ge=-300, le=15000, description="Ground elevation above sea level, ft (gives Ke in 7-16 and 7-22)"
    )
    kd: float | None = Field(
        default=None,
        ge=0.5,  # ASCE 7 Table 26.6-1 lists 0.85 to 0.95; below 0.5 is a typo, not a structure
        le=1.0,
        description="Directionality factor Kd; default: solid freestanding signs from the pack",
    )
    importance_factor: float | None = Field(
        default=None, ge=0.77, le=1.15, description="Importance factor I (ASCE 7-05 only; default 1.0, Category II)"
    )
    kz_method: KzMethod = Field(default="table", description="'table' (printed table, interpolated) or 'formula'")

    @model_validator(mode="after")
    def _importance_only_in_7_05(self) -> QzInput:
        if self.importance_factor is not None and self.edition != "7-05":
            raise InputError(
                [
                    FieldProblem(
                        "importance_factor",
                        f"not used by ASCE {self.edition} (risk is in the map speed)",
                        "only with edition '7-05'",
                    )
                ]
            )
        return self


def run(inputs: QzInput, calc: Calc) -> dict[str, Any]:
    """Kz, Ke, Kd and qz at ``height_ft`` for the chosen edition."""
    pack = wind_pack(calc, inputs.edition)
    calc.note("edition", inputs.edition, description="ASCE 7 edition in force")
    kz = kz_at(calc, pack, inputs.exposure, inputs.height_ft, inputs.kz_method)
    kzt = calc.value("Kzt", inputs.kzt, description="topographic factor (input)", clause=pack.clauses["kzt"])
    kd = inputs.kd if inputs.kd is not None else pack.kd["solid_freestanding_signs"]
    kd = calc.value("Kd", kd, description="wind directionality factor", clause=pack.clauses["kd"])
    if inputs.kd is None:
        calc.assume("Kd = 0.85 for solid freestanding signs", pack.clauses["kd"])
    ke = ke_for(calc, pack, inputs.ground_elevation_ft)
    importance = 1.0
    if pack.velocity_pressure.uses_importance:
        default_i = pack.velocity_pressure.default_importance_factor or 1.0
        importance = inputs.importance_factor if inputs.importance_factor is not None else default_i
        calc.value("I", importance, description="importance factor", clause=pack.clauses["importance_factor"])
        if inputs.importance_factor is None:
            calc.assume("Importance factor I = 1.0 (Occupancy Category II)", pack.clauses["importance_factor"])
    qz = qz_psf(
        calc, pack, kz=kz, kzt=kzt, kd=kd, ke=ke, wind_speed_mph=inputs.wind_speed_mph, importance_factor=importance
    )
    if inputs.kzt == 1.0:
        calc.assume("Kzt = 1.0: the site is not on an isolated hill, ridge or escarpment", pack.clauses["kzt"])
    return {
        "edition": inputs.edition,
        "kz": kz,
        "kzt": kzt,
        "kd": kd,
        "kd_in_qz": pack.velocity_pressure.kd_in_qz,
        "ke": ke,
        "importance_factor": importance,
        "qz_psf": qz,
        "clause": pack.clauses["velocity_pressure"],
    }


SOLVER = Solver(
    name="wind.asce7_qz",
    version=VERSION,
    input_model=QzInput,
    run=run,
    summary="ASCE 7 velocity pressure qz (7-05, 7-10, 7-16, 7-22) at one height",
)
