"""Schema of the steel materials pack (``steel-materials``): grades with Fy, Fu and their use."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from apex_nb.pack_schemas.base import PackModel, PositiveFloat

Use = Literal["round_hss", "rect_hss", "pipe", "w_shape", "plate", "anchor_rod", "weld_metal"]


class Grade(PackModel):
    """One material grade for one product use."""

    id: str = Field(description="Key used by solvers, e.g. 'A500C-round'")
    specification: str
    use: Use
    fy_ksi: float | None = Field(default=None, gt=0, description="Minimum yield stress (None for weld metal)")
    fu_ksi: PositiveFloat = Field(description="Minimum tensile strength (FEXX for weld metal)")
    design_thickness_factor: float = Field(
        default=1.0, gt=0, le=1.0, description="t_des/t_nom per AISC 360 §B4.2 (0.93 ERW HSS built into v16 props)"
    )
    source: str


class SteelMaterialsPack(PackModel):
    """Body of the steel materials pack."""

    elastic_modulus_ksi: PositiveFloat
    shear_modulus_ksi: PositiveFloat
    density_lb_per_ft3: PositiveFloat
    grades: list[Grade] = Field(min_length=1)
