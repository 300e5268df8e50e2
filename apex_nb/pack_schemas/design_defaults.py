"""Schema of the ``sign-design-defaults`` pack: the design policy of the complete-sign solvers.

These are practice choices, not code values (face weights, standard auger sizes, the depth at
which a wider auger is preferred, the confidence below which a quote goes to an engineer), so
they live in a pack an engineering manager can review and version.
"""

from __future__ import annotations

from pydantic import Field

from apex_nb.pack_schemas.base import PackModel


class SignDesignDefaultsPack(PackModel):
    """Body of the ``sign-design-defaults`` pack."""

    face_dead_load_psf: float = Field(gt=0, description="Cabinet or face weight per ft² of face when not given")
    monument_unit_weight_pcf: float = Field(gt=0, description="Monument body weight per ft³ when not given")
    auger_diameters_in: list[float] = Field(min_length=1, description="Standard auger sizes, ascending")
    footing_clearance_in: float = Field(ge=0, description="Concrete around the post on each side, minimum")
    preferred_max_embedment_ft: float = Field(gt=0, description="Use a wider auger rather than go deeper")
    post_bottom_cover_in: float = Field(ge=0, description="Concrete below the embedded post end")
    max_post_iterations: int = Field(ge=1, le=20, description="Post size <-> post wind iterations")
    review_confidence_below: float = Field(gt=0, le=1, description="Quotes below this confidence need an engineer")
    base_plate_pier_fc_psi: float = Field(gt=0, description="Pier concrete f'c for base-plated posts")
    base_plate_hef_in: float = Field(gt=0, description="Anchor rod embedment in the pier")
    cantilever_arm_k_factor: float = Field(gt=0, description="Effective length factor of the arm (cantilever)")
    min_wall_embedded_in: float = Field(gt=0, description="Smallest nominal wall of a direct-buried post, in")
    min_wall_base_plate_in: float = Field(gt=0, description="Smallest nominal wall of a base-plated post, in")
    max_round_d_over_t: float = Field(gt=0, description="Largest D/t of a round post or arm")
    max_rect_b_over_t: float = Field(gt=0, description="Largest b/t (and h/t) of a square or rectangular post or arm")
    max_face_overhang_ft: float = Field(gt=0, description="Largest reach of a face beyond its outermost post, ft")
