"""Schema of the ``sign-design-defaults`` pack: the design policy of the complete-sign solvers.

These are practice choices, not code values (face weights, standard auger sizes, the depth at
which a wider auger is preferred, the confidence below which a quote goes to an engineer), so
they live in a pack an engineering manager can review and version.
"""

from __future__ import annotations

from pydantic import Field

from apex_nb.pack_schemas.base import NonNegativeFloat, PackModel, PositiveFloat, UnitFraction


class SignDesignDefaultsPack(PackModel):
    """Body of the ``sign-design-defaults`` pack."""

    face_dead_load_psf: PositiveFloat = Field(description="Cabinet or face weight per ft² of face when not given")
    monument_unit_weight_pcf: PositiveFloat = Field(description="Monument body weight per ft³ when not given")
    auger_diameters_in: list[float] = Field(min_length=1, description="Standard auger sizes, ascending")
    footing_clearance_in: NonNegativeFloat = Field(description="Concrete around the post on each side, minimum")
    preferred_max_embedment_ft: PositiveFloat = Field(description="Use a wider auger rather than go deeper")
    post_bottom_cover_in: NonNegativeFloat = Field(description="Concrete below the embedded post end")
    max_post_iterations: int = Field(ge=1, le=20, description="Post size <-> post wind iterations")
    review_confidence_below: UnitFraction = Field(description="Quotes below this confidence need an engineer")
    base_plate_pier_fc_psi: PositiveFloat = Field(description="Pier concrete f'c for base-plated posts")
    base_plate_hef_in: PositiveFloat = Field(description="Anchor rod embedment in the pier")
    cantilever_arm_k_factor: PositiveFloat = Field(description="Effective length factor of the arm (cantilever)")
    min_wall_embedded_in: PositiveFloat = Field(description="Smallest nominal wall of a direct-buried post, in")
    min_wall_base_plate_in: PositiveFloat = Field(description="Smallest nominal wall of a base-plated post, in")
    max_round_d_over_t: PositiveFloat = Field(description="Largest D/t of a round post or arm")
    max_rect_b_over_t: PositiveFloat = Field(description="Largest b/t (and h/t) of a square or rectangular post or arm")
    max_face_overhang_ft: PositiveFloat = Field(description="Largest reach of a face beyond its outermost post, ft")
