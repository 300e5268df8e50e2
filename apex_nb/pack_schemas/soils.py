"""Schemas of the IBC soil and foundation packs (``ibc-soils``, ``ibc-foundations``).

``ibc-soils``: IBC Table 1806.2 presumptive values and the §1806 adjustments (one-third
increase, 15x depth cap, 2x isolated poles, cohesive sliding limit), one table shared by the
editions listed, clause strings per edition. ``ibc-foundations``: the §1807.3 embedment
constants, the 12 ft depth limit and the spread-footing stability defaults.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import PackModel, PositiveFloat, UnitFraction, require_keys
from apex_nb.types import IbcEdition


class SoilClass(PackModel):
    """One row of IBC Table 1806.2."""

    soil_class: int = Field(ge=1, le=5)
    description: str
    usc_symbols: list[str]
    vertical_psf: PositiveFloat = Field(description="Vertical foundation pressure, psf")
    lateral_psf_per_ft: PositiveFloat = Field(description="Lateral bearing pressure, psf per ft below natural grade")
    friction_coefficient: float | None = Field(default=None, gt=0, lt=1, description="Footnote a: times the dead load")
    cohesion_psf: float | None = Field(default=None, gt=0, description="Footnote b: times the contact area")

    @model_validator(mode="after")
    def _one_sliding_resistance(self) -> SoilClass:
        if (self.friction_coefficient is None) == (self.cohesion_psf is None):
            raise ValueError(f"class {self.soil_class}: give exactly one of friction_coefficient or cohesion_psf")
        return self


class SoilAdjustments(PackModel):
    """The §1806 modifications of the tabular values."""

    one_third_increase_factor: float = Field(gt=1, le=1.5, description="§1806.1")
    depth_increase_max_multiple: float = Field(gt=1, description="§1806.3.3: at most this times the tabular value")
    isolated_pole_factor: float = Field(gt=1, description="§1806.3.4")
    isolated_pole_ground_motion_in: PositiveFloat
    cohesive_sliding_max_fraction_of_dead_load: UnitFraction = Field(description="§1806.3.2")
    cohesive_sliding_limit_classes: list[int]
    alternative_asd_wind_omega: float = Field(
        ge=1, le=2, description="ω on 0.6W in the alternative ASD combinations that carry the one-third increase"
    )
    alternative_asd_counteracting_dead_fraction: float = Field(
        gt=0, le=1, description="Share of the dead load counted against wind in the alternative ASD combinations"
    )


class SoilClauses(PackModel):
    """Clause strings of one edition."""

    table: str
    one_third_increase: str
    sliding_limit: str
    depth_increase: str
    isolated_poles: str
    combined_resistance: str
    alternative_combinations: str
    one_third_permitted: bool = Field(description="Whether the edition keeps the alternative ASD combinations")


class IbcSoilsPack(PackModel):
    """Body of ``ibc-soils``."""

    editions: list[IbcEdition] = Field(min_length=1)
    classes: list[SoilClass] = Field(min_length=5, max_length=5)
    adjustments: SoilAdjustments
    clauses: dict[IbcEdition, SoilClauses]

    @model_validator(mode="after")
    def _complete(self) -> IbcSoilsPack:
        if [c.soil_class for c in self.classes] != [1, 2, 3, 4, 5]:
            raise ValueError("classes must be 1..5 in order")
        require_keys(self.clauses, self.editions, "clauses missing for editions")
        return self

    def soil(self, soil_class: int) -> SoilClass:
        """The Table 1806.2 row of ``soil_class`` (1..5)."""
        return self.classes[soil_class - 1]


class EmbedmentConstants(PackModel):
    """§1807.3.2 constants."""

    nonconstrained_half: PositiveFloat
    nonconstrained_a_coefficient: PositiveFloat
    nonconstrained_h_coefficient: PositiveFloat
    constrained_coefficient: PositiveFloat
    s1_depth_fraction: float = Field(gt=0, lt=1)
    lateral_pressure_depth_limit_ft: PositiveFloat


class SpreadFootingDefaults(PackModel):
    """Default safety factors, ASD load factors and unit weights for spread footings."""

    overturning_safety_factor: float = Field(ge=1)
    sliding_safety_factor: float = Field(ge=1)
    uplift_safety_factor: float = Field(ge=1)
    stability_dead_load_factor: UnitFraction
    wind_load_factor: UnitFraction
    bearing_dead_load_factor: UnitFraction
    concrete_unit_weight_pcf: PositiveFloat
    soil_unit_weight_pcf: PositiveFloat


class FoundationClauses(PackModel):
    """Clause strings of one edition."""

    embedded_posts: str
    limitations: str
    nonconstrained: str
    constrained: str
    constrained_moment: str
    definitions: str
    safety_factor: str
    stability_combination: str
    bearing_combination: str
    frost: str


class IbcFoundationsPack(PackModel):
    """Body of ``ibc-foundations``."""

    editions: list[IbcEdition] = Field(min_length=1)
    embedment: EmbedmentConstants
    spread_footing: SpreadFootingDefaults
    clauses: dict[IbcEdition, FoundationClauses]

    @model_validator(mode="after")
    def _complete(self) -> IbcFoundationsPack:
        require_keys(self.clauses, self.editions, "clauses missing for editions")
        return self
