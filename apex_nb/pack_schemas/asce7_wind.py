"""Schema of the ASCE 7 wind packs (one pack per edition: ``asce7-05-wind`` ... ``asce7-22-wind``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Exposure = Literal["B", "C", "D"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class ExposureConstants(_Strict):
    """Power-law terrain constants of one exposure category."""

    alpha: float = Field(gt=0)
    zg_ft: float = Field(gt=0)
    z_min_ft: float = Field(gt=0, description="Below this height Kz is taken at z_min")


class KzFormula(_Strict):
    """Kz = coefficient (max(z, z_min)/zg)^(2/alpha)."""

    coefficient: float = Field(gt=0)
    exposures: dict[Exposure, ExposureConstants]


class KzTable(_Strict):
    """The printed Kz table; values at the lowest height hold below it; linear interpolation."""

    heights_ft: list[float] = Field(min_length=2)
    B: list[float]
    C: list[float]
    D: list[float]

    @model_validator(mode="after")
    def _shape(self) -> KzTable:
        if any(b <= a for a, b in zip(self.heights_ft, self.heights_ft[1:], strict=False)):
            raise ValueError("heights_ft must increase strictly")
        for name in ("B", "C", "D"):
            if len(getattr(self, name)) != len(self.heights_ft):
                raise ValueError(f"column {name} has a different length than heights_ft")
        return self


class VelocityPressure(_Strict):
    """How the edition forms qz: which factors appear in the velocity-pressure equation."""

    coefficient: float = Field(gt=0, description="0.00256 for mph and psf")
    kd_in_qz: bool
    uses_ke: bool
    uses_importance: bool
    ke_coefficient_per_ft: float | None = Field(default=None, gt=0)
    default_importance_factor: float | None = Field(default=None, gt=0)


class Asce7WindPack(_Strict):
    """Body of an ASCE 7 wind pack."""

    edition: Literal["7-05", "7-10", "7-16", "7-22"]
    clauses: dict[str, str]
    velocity_pressure: VelocityPressure
    kz_formula: KzFormula
    kz_table: KzTable | None = Field(default=None, description="None when no verified printed table")
    kd: dict[str, float]

    @model_validator(mode="after")
    def _clauses(self) -> Asce7WindPack:
        needed = {"velocity_pressure", "kz_formula", "kz_table", "kd", "kzt"}
        missing = needed - set(self.clauses)
        if missing:
            raise ValueError(f"clauses missing: {sorted(missing)}")
        if self.velocity_pressure.uses_ke and self.velocity_pressure.ke_coefficient_per_ft is None:
            raise ValueError("uses_ke needs ke_coefficient_per_ft")
        return self
