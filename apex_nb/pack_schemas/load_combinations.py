"""Schema of the load combinations pack (``load-combinations``): ASCE 7 ASD and LRFD combinations
for sign structures (dead and wind only) and the service-level wind used for deflection.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import EditionsPack, PackModel, PositiveFloat
from apex_nb.types import AsceEdition

Purpose = Literal["gravity", "strength", "uplift_overturning"]


class Combination(PackModel):
    """One load combination restricted to the load types a sign carries (D, W)."""

    id: str
    expression: str = Field(description="As printed, with the omitted loads set to zero")
    factors: dict[Literal["D", "W"], float]
    purpose: Purpose
    clause: str


class ServiceWind(PackModel):
    """How to get a serviceability wind effect from the edition's wind load W."""

    factor_on_w: float = Field(gt=0, le=1.0, description="Service wind effect = factor × W (W as the edition has it)")
    w_level: Literal["nominal", "strength"] = Field(description="What W from this edition's map speed is")
    basis: str
    alternative: str = ""


class EditionCombinations(PackModel):
    """The combinations of one ASCE 7 edition."""

    edition: AsceEdition
    asd: list[Combination] = Field(min_length=1)
    lrfd: list[Combination] = Field(min_length=1)
    service_wind: ServiceWind
    omitted: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> EditionCombinations:
        ids = [c.id for c in (*self.asd, *self.lrfd)]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{self.edition}: duplicate combination ids")
        return self


class Serviceability(PackModel):
    """Default deflection limit of a cantilever post, as height / ratio."""

    default_deflection_limit_ratio: PositiveFloat
    basis: str


class LoadCombinationsPack(EditionsPack):
    """Body of the ``load-combinations`` pack."""

    editions: dict[AsceEdition, EditionCombinations]
    serviceability: Serviceability
