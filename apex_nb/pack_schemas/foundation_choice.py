"""Schema of the ``foundation-choice`` pack: the rules the cost-optimal footing choice obeys.

Practice limits, not code values: the deepest hole the crew's rig drills, the shallowest
footing the company builds, and how candidates are ranked. The clearance around the post stays
in ``sign-design-defaults`` (``footing_clearance_in``); prices come from the ``prices`` pack.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import PackModel


class FoundationChoicePack(PackModel):
    """Body of the ``foundation-choice`` pack."""

    max_depth_ft: float = Field(gt=0, le=60, description="Deepest drilled footing allowed (rig reach, practice)")
    min_depth_ft: float = Field(ge=0, le=20, description="Shallowest drilled footing built, whatever the soil needs")

    @model_validator(mode="after")
    def _order(self) -> FoundationChoicePack:
        if self.min_depth_ft >= self.max_depth_ft:
            raise ValueError("min_depth_ft must be below max_depth_ft")
        return self
