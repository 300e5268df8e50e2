"""Schema of the ``shaft-torsion`` pack: constants of the drilled-shaft torsion check."""

from __future__ import annotations

from pydantic import Field

from apex_nb.pack_schemas.base import PackModel, PositiveFloat, UnitFraction


class ShaftTorsionPack(PackModel):
    """Body of the ``shaft-torsion`` pack."""

    k0: UnitFraction = Field(description="At-rest earth pressure coefficient on the shaft side")
    soil_unit_weight_pcf: PositiveFloat = Field(description="Soil unit weight for the at-rest normal stress")
    concrete_unit_weight_pcf: PositiveFloat = Field(description="Shaft concrete unit weight (base normal force)")
    dead_load_factor: UnitFraction = Field(description="Factor on dead load resisting torsion (ASD)")
    bearing_phi: UnitFraction = Field(description="ACI 318-19 φ for bearing on concrete")
    bearing_coefficient: PositiveFloat = Field(description="0.85 in Bn = 0.85 f'c A1")
    asd_to_strength: float = Field(ge=1, le=2, description="ASD torsion x this = strength-level demand on the lugs")
    lug_count: int = Field(ge=2, le=8, description="Default lugs welded to an embedded post")
    lug_projection_in: float = Field(gt=0, le=6, description="Default lug projection from the post face, in")
    lug_height_in: float = Field(gt=0, le=24, description="Default lug height along the post, in")
    lug_thickness_in: float = Field(gt=0, le=2, description="Lug plate thickness (weight in the bill of materials), in")
    clauses: dict[str, str]
