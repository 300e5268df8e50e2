"""Solver ``wind.asce7_qz``: ASCE 7 velocity pressure qz at one height, any edition in use."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from apex_nb import types as ft
from apex_nb.calc import Calc, Solver
from apex_nb.inputs import SolverInput
from apex_nb.solvers.wind import common as wind
from apex_nb.solvers.wind.common import KzMethod

VERSION = "1.0.0"


class QzInput(SolverInput):
    """Inputs of ``wind.asce7_qz``."""

    edition: ft.AsceEdition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: ft.WindSpeedMph = Field(
        description="Basic wind speed V, 3-s gust at 33 ft, mph (strength level from 7-10 on)"
    )
    exposure: ft.Exposure = Field(description="Exposure category B, C or D")
    height_ft: ft.WindHeightFt = Field(description="Height z above grade at which qz is wanted, ft")
    kzt: ft.Kzt = Field(default=1.0, description="Topographic factor Kzt (1.0 on flat sites)")
    ground_elevation_ft: ft.GroundElevationFt = Field(
        default=0.0, description="Ground elevation above sea level, ft (gives Ke in 7-16 and 7-22)"
    )
    kd: ft.Kd | None = Field(
        default=None,
        description="Directionality factor Kd; default: solid freestanding signs from the pack",
    )
    importance_factor: ft.ImportanceFactor | None = Field(
        default=None, description="Importance factor I (ASCE 7-05 only; default 1.0, Category II)"
    )
    kz_method: KzMethod = Field(default="table", description="'table' (printed table, interpolated) or 'formula'")

    @model_validator(mode="after")
    def _importance_only_in_7_05(self) -> QzInput:
        wind.importance_only_in_7_05(self.edition, self.importance_factor)
        return self


def run(inputs: QzInput, calc: Calc) -> dict[str, Any]:
    """ASCE 7 velocity pressure qz (7-05, 7-10, 7-16, 7-22) at one height

    Kz, Ke, Kd and qz at ``height_ft`` for the chosen edition.
    """
    pack = wind.wind_pack(calc, inputs.edition)
    kz = wind.kz_at(calc, pack, inputs.exposure, inputs.height_ft, inputs.kz_method)
    kzt = calc.value("Kzt", inputs.kzt, description="topographic factor (input)", clause=pack.clauses["kzt"])
    kd = inputs.kd if inputs.kd is not None else pack.kd["solid_freestanding_signs"]
    kd = calc.value("Kd", kd, description="wind directionality factor", clause=pack.clauses["kd"])
    if inputs.kd is None:
        calc.assume("Kd = 0.85 for solid freestanding signs", pack.clauses["kd"])
    ke = wind.ke_for(calc, pack, inputs.ground_elevation_ft)
    importance = wind.importance_for(calc, pack, inputs.importance_factor)
    qz = wind.qz_psf(calc, pack, kz, wind.QzFactors(kzt, kd, ke, importance, inputs.wind_speed_mph))
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


SOLVER = Solver.of("wind.asce7_qz", VERSION, run)
