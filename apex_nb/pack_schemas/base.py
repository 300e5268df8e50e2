"""The base of every pack body model: unknown keys, NaN and inf are refused; loaded data is frozen."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class PackModel(BaseModel):
    """Strict, immutable pack data: a typo in a pack fails its load instead of being ignored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)
