"""Schema of the AISC 360 factors pack (``aisc360-factors``): φ/Ω, width-to-thickness limits, clauses.

One entry per edition (360-16, 360-22). Equation-intrinsic numbers (0.021 in F8-2, 3.57 in F7-2 ...)
stay in the equation functions, whose docstrings cite the equation; everything a designer looks up
in a table (resistance factors, Table B4.1 limits, switch values, clause strings) lives here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import EditionsPack, PackModel, PositiveFloat
from apex_nb.types import AiscEdition as Edition

REQUIRED_FACTORS = ("flexure", "shear_hss", "shear_rolled_i_web", "shear_other", "torsion", "compression")
REQUIRED_LIMITS = (
    "round_flexure_lambda_p",
    "round_flexure_lambda_r",
    "round_flexure_max",
    "round_compression_lambda_r",
    "rect_flange_flexure_lambda_p",
    "rect_flange_flexure_lambda_r",
    "rect_web_flexure_lambda_p",
    "rect_web_flexure_lambda_r",
    "rect_wall_compression_lambda_r",
    "w_flange_flexure_lambda_p",
    "w_flange_flexure_lambda_r",
    "w_web_flexure_lambda_p",
    "w_web_flexure_lambda_r",
    "w_flange_compression_lambda_r",
    "w_web_compression_lambda_r",
    "w_web_shear_rolled",
    "column_inelastic",
)
REQUIRED_EFFECTIVE_WIDTH = ("stiffened", "hss_walls", "other")
REQUIRED_VALUES = ("h1_axial_switch", "h3_torsion_neglect", "max_slenderness_recommended")
REQUIRED_CLAUSES = (
    "b4_1",
    "b4_2",
    "e3",
    "e7",
    "f1",
    "f2",
    "f3",
    "f7_yield",
    "f7_flb",
    "f7_wlb",
    "f7_ltb",
    "f8",
    "g1",
    "g2",
    "g4",
    "g5",
    "h1",
    "h3_1",
    "h3_2",
    "e2_user_note",
)


class Factor(PackModel):
    """Resistance factor φ (LRFD) and safety factor Ω (ASD) of one limit state."""

    phi: float = Field(gt=0, le=1.0)
    omega: float = Field(ge=1.0, le=3.0)
    clause: str


class Limit(PackModel):
    """A limit written as coefficient × E/Fy or coefficient × √(E/Fy)."""

    coefficient: PositiveFloat
    basis: Literal["E/Fy", "sqrt(E/Fy)"]
    clause: str

    def value(self, e_ksi: float, fy_ksi: float) -> float:
        """The limit for a given E and Fy."""
        ratio = e_ksi / fy_ksi
        return self.coefficient * (ratio if self.basis == "E/Fy" else ratio**0.5)


class Value(PackModel):
    """A plain number with its clause (switch points, recommended maxima)."""

    value: PositiveFloat
    clause: str


class EffectiveWidth(PackModel):
    """Effective width imperfection adjustment factors c1, c2 of one element kind (Table E7.1)."""

    c1: float = Field(gt=0, lt=1)
    c2: float = Field(gt=1)
    clause: str


class EditionFactors(PackModel):
    """Everything the member checks read for one edition of AISC 360."""

    edition: Edition
    title: str
    resistance: dict[str, Factor]
    limits: dict[str, Limit]
    values: dict[str, Value]
    effective_width: dict[str, EffectiveWidth]
    clauses: dict[str, str]

    @model_validator(mode="after")
    def _complete(self) -> EditionFactors:
        for group, required in (
            ("resistance", REQUIRED_FACTORS),
            ("limits", REQUIRED_LIMITS),
            ("values", REQUIRED_VALUES),
            ("effective_width", REQUIRED_EFFECTIVE_WIDTH),
            ("clauses", REQUIRED_CLAUSES),
        ):
            missing = [key for key in required if key not in getattr(self, group)]
            if missing:
                raise ValueError(f"{self.edition}: {group} lacks {missing}")
        return self


class CantileverDefaults(PackModel):
    """Defaults for a post fixed at its base and free at its top."""

    k_factor: PositiveFloat = Field(description="Recommended effective length factor, fixed-free")
    k_factor_clause: str
    cb: PositiveFloat = Field(description="Lateral-torsional buckling modification factor for an unbraced cantilever")
    cb_clause: str


class Aisc360Pack(EditionsPack):
    """Body of the ``aisc360-factors`` pack."""

    editions: dict[Edition, EditionFactors]
    cantilever: CantileverDefaults
