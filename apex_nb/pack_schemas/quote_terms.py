"""Schema of the ``quote-terms`` pack: option sell prices, validity, lead time, exclusions and terms.

These are sales policy, not engineering and not unit costs: the quick-quote document reads them so
a sales manager can change a term or an option price by adding a pack version, and every quote
records which version it used.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import DatedUsdPack, NonNegativeFloat, PackModel

OptionId = Literal["illumination", "double_face", "removal"]


class QuoteOption(PackModel):
    """One priced extra: ``base_usd + per_face_ft2_usd x face area + per_top_height_ft_usd x top height``."""

    id: OptionId
    label: str = Field(min_length=1, max_length=120, description="What the customer reads on the quote")
    base_usd: NonNegativeFloat
    per_face_ft2_usd: NonNegativeFloat
    per_top_height_ft_usd: NonNegativeFloat


class QuoteTermsPack(DatedUsdPack):
    """Body of a ``quote-terms`` pack."""

    validity_days: int = Field(ge=1, le=365, description="Days a quote stays valid")
    lead_time: str = Field(min_length=1, max_length=120, description="Lead time as the customer reads it")
    options: list[QuoteOption] = Field(min_length=1)
    exclusions: list[str] = Field(min_length=1)
    terms: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> QuoteTermsPack:
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError("option ids must be unique")
        return self

    def option(self, option_id: str) -> QuoteOption:
        """The option with this id (KeyError when the pack has none)."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)
