"""Schema of the ``aci318-pier`` pack: reinforcing bars and ACI 318-19 rules for drilled piers."""

from __future__ import annotations

from pydantic import Field

from apex_nb.pack_schemas.base import NonNegativeFloat, PackModel, PositiveFloat, UnitFraction


class Bar(PackModel):
    """One ASTM A615 bar size."""

    size: int = Field(ge=3, le=18)
    diameter_in: PositiveFloat
    area_in2: PositiveFloat
    weight_lb_per_ft: PositiveFloat


class Aci318PierPack(PackModel):
    """Body of the ``aci318-pier`` pack."""

    bars: list[Bar] = Field(min_length=3)
    longitudinal_sizes: list[int] = Field(min_length=1, description="Bar sizes tried for longitudinal steel")
    fy_ksi: PositiveFloat
    es_ksi: PositiveFloat
    cover_in: PositiveFloat = Field(description="Clear cover, cast against and permanently exposed to earth")
    phi_shear: UnitFraction
    phi_tension_controlled: UnitFraction
    phi_compression_controlled: UnitFraction
    min_longitudinal_ratio: float = Field(gt=0, lt=0.08)
    min_bars: int = Field(ge=4)
    max_bars: int = Field(ge=4)
    clear_spacing_db: PositiveFloat = Field(description="Clear spacing >= this x db")
    clear_spacing_min_in: PositiveFloat
    tie_size_small: int = Field(ge=3)
    tie_size_large: int = Field(ge=3)
    tie_large_from_size: int = Field(ge=3, description="Longitudinal bar size from which the larger tie is used")
    tie_lap_in: NonNegativeFloat = Field(description="Hoop lap length added to each tie")
    end_cover_in: NonNegativeFloat = Field(description="Bar end to concrete end, top and bottom")
    asd_to_strength: float = Field(ge=1, le=2, description="ASD wind effects x this = strength level (1.0W/0.6W)")
    anchor_bar_sizes: list[int] = Field(min_length=1, description="Bar sizes tried as anchor reinforcement")
    anchor_bars_per_row: list[int] = Field(min_length=1, description="Anchor reinforcement bars per tension row tried")
    anchor_bar_offset_in: PositiveFloat = Field(description="Anchor reinforcement bar to its rod, plan distance, in")
    clauses: dict[str, str]
