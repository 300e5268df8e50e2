"""The base of every pack body model and the checks several pack schemas share.

Unknown keys, NaN and inf are refused and loaded data is frozen (``PackModel``); the helpers
raise ``ValueError`` with the message a pack author sees from ``apex-nb packs verify``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, ClassVar, Literal, Protocol, Self

from pydantic import BaseModel, ConfigDict, Field, NonNegativeFloat, PositiveFloat, model_validator

__all__ = ["NonNegativeFloat", "PositiveFloat", "UnitFraction"]

# The ranges most pack numbers share, written once: a coefficient, length or price above zero
# (``PositiveFloat``), a cost or cover that may be zero (``NonNegativeFloat``), and a strength
# reduction factor, ψ factor or share in (0, 1] (``UnitFraction``).
UnitFraction = Annotated[float, Field(gt=0, le=1)]


class PackModel(BaseModel):
    """Strict, immutable pack data: a typo in a pack fails its load instead of being ignored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class DatedUsdPack(PackModel):
    """A commercial pack (prices, quote terms): the date it takes effect and its currency."""

    effective_date: dt.date
    currency: Literal["USD"]


def require_keys(present: Iterable[str], needed: Iterable[str], what: str = "clauses missing:") -> None:
    """Fail with ``"<what> [sorted missing names]"`` when ``present`` lacks any of ``needed``."""
    missing = set(needed) - set(present)
    if missing:
        raise ValueError(f"{what} {sorted(missing)}")


def require_increasing(name: str, values: Iterable[float], rule: str = "must increase strictly") -> None:
    """Fail with ``"<name> <rule>"`` unless each value is above the one before."""
    if any(b <= a for a, b in itertools.pairwise(values)):
        raise ValueError(f"{name} {rule}")


class _Edition(Protocol):
    @property
    def edition(self) -> Any: ...


def require_edition_keys(editions: Mapping[Any, _Edition]) -> None:
    """Each ``editions`` entry must name the edition it is filed under (a copy-paste slip otherwise)."""
    for key, entry in editions.items():
        if entry.edition != key:
            raise ValueError(f"editions.{key} says edition {entry.edition}")


class ClausedPack(PackModel):
    """A pack whose ``clauses`` must name the clause of every provision it carries."""

    REQUIRED_CLAUSES: ClassVar[frozenset[str]] = frozenset()

    def required_clauses(self) -> set[str]:
        """The clause keys this pack must have (a subclass may add some for optional sections)."""
        return set(self.REQUIRED_CLAUSES)

    @model_validator(mode="after")
    def _clauses_complete(self) -> Self:
        require_keys(self.clauses, self.required_clauses())  # type: ignore[attr-defined]
        return self


class EditionsPack(PackModel):
    """A pack with one entry per code edition in ``editions``, each naming the edition it is filed under."""

    @model_validator(mode="after")
    def _keys_match(self) -> Self:
        require_edition_keys(self.editions)  # type: ignore[attr-defined]
        return self
