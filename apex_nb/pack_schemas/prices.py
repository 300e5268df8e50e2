"""Schema of the dated price packs (``prices``): unit prices that turn a bill of quantities into money.

A price pack is not engineering: re-pricing a design means pinning another ``prices`` version
and running ``cost.estimate`` again on the same bill of quantities, never re-running a design.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import DatedUsdPack, NonNegativeFloat, PackModel, PositiveFloat, require_increasing

SteelFamily = Literal["pipe", "hss_round", "hss_rect", "w_shape"]


class SteelPrices(PackModel):
    """Structural steel, material plus shop fabrication, USD per lb, by family."""

    pipe: PositiveFloat
    hss_round: PositiveFloat
    hss_rect: PositiveFloat
    w_shape: PositiveFloat


class AnchorRodPrice(PackModel):
    """One anchor-rod diameter: price = each_usd + per_ft_usd x length (rod, nuts, washers)."""

    diameter_in: PositiveFloat
    each_usd: NonNegativeFloat
    per_ft_usd: NonNegativeFloat


class AugerPrice(PackModel):
    """Drilled shaft excavation by auger diameter, USD per ft of depth."""

    diameter_in: PositiveFloat
    usd_per_ft: PositiveFloat


class LaborBand(PackModel):
    """Installation labor and equipment for signs up to ``max_height_ft`` overall."""

    label: str
    max_height_ft: PositiveFloat
    labor_usd: NonNegativeFloat
    equipment_usd: NonNegativeFloat


class PricesPack(DatedUsdPack):
    """Body of a ``prices`` pack."""

    basis: str = Field(description="What the prices include and where they apply")
    steel_usd_per_lb: SteelPrices
    plate_usd_per_lb: PositiveFloat
    anchor_rods: list[AnchorRodPrice] = Field(min_length=1)
    concrete_usd_per_yd3: PositiveFloat
    excavation_usd_per_yd3: PositiveFloat
    auger_usd_per_ft: list[AugerPrice] = Field(min_length=1)
    galvanizing_usd_per_lb: PositiveFloat
    rebar_usd_per_lb: float | None = Field(
        default=None, gt=0, description="Rebar furnished, cut, bent and placed, USD per lb (None: not priced)"
    )
    labor_bands: list[LaborBand] = Field(min_length=1)
    cabinet_install_usd_per_ft2: NonNegativeFloat
    engineering_fee_usd: NonNegativeFloat
    overhead_fraction: float = Field(ge=0, lt=1, description="Overhead as a fraction of the direct cost")
    margin_fraction: float = Field(ge=0, lt=1, description="Margin as a fraction of direct cost plus overhead")

    @model_validator(mode="after")
    def _sorted(self) -> PricesPack:
        for name, values in (
            ("anchor_rods", [r.diameter_in for r in self.anchor_rods]),
            ("auger_usd_per_ft", [a.diameter_in for a in self.auger_usd_per_ft]),
            ("labor_bands", [b.max_height_ft for b in self.labor_bands]),
        ):
            require_increasing(name, values, "must be sorted by strictly increasing size")
        return self
