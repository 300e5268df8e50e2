"""Input model of ``design.quick_quote``: the bounded, sales-safe inputs of the quick-quote app.

Ranges are deliberately narrower than the engineering solvers: a quote outside them needs an
engineer, so the form cannot be pushed there. Defaults are conservative (IBC soil class 5,
exposure C). The geometry rules are the ones batch rows obey (``site_rules``): one validation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.design.site_rules import sign_geometry_problems

MONUMENT_MAX_TOP_HEIGHT_FT = 12.0


class QuickQuoteInput(SolverInput):
    """What a salesperson knows about a sign and its site, and the extras the customer wants."""

    sign_type: Literal["pole", "monument", "cantilever"] = Field(
        default="pole", description="Pole sign, monument sign, or cantilever sign (face hung from an arm)"
    )
    sign_width_ft: float = Field(default=8.0, ge=2.0, le=30.0, description="Sign face width B, ft")
    sign_height_ft: float = Field(default=4.0, ge=1.0, le=15.0, description="Sign face height s, ft")
    top_height_ft: float = Field(
        default=20.0, ge=4.0, le=60.0, description="Height of the top of the sign above grade h, ft"
    )
    wind_speed_mph: float = Field(
        default=115.0, ge=90.0, le=180.0, description="Site basic wind speed V (ASCE 7 map), mph"
    )
    exposure: Literal["B", "C", "D"] = Field(default="C", description="Exposure category B, C or D")
    soil_class: Literal[1, 2, 3, 4, 5] = Field(
        default=5, description="IBC Table 1806.2 soil class (5 = clay, the conservative default without a report)"
    )
    edition: Literal["7-10", "7-16", "7-22"] = Field(default="7-16", description="ASCE 7 edition in force at the site")
    post_count: Literal[1, 2] = Field(default=1, description="Number of posts")
    illumination: bool = Field(default=False, description="Option: internal LED illumination")
    double_face: bool = Field(default=False, description="Option: a second face (double-sided sign)")
    removal: bool = Field(default=False, description="Option: remove the existing sign")

    @model_validator(mode="after")
    def _geometry(self) -> QuickQuoteInput:
        problems = sign_geometry_problems(self.sign_type, self.sign_height_ft, self.top_height_ft, self.post_count)
        if self.sign_type == "monument" and self.top_height_ft > MONUMENT_MAX_TOP_HEIGHT_FT:
            problems.append(
                FieldProblem(
                    "top_height_ft",
                    "too tall for a monument sign",
                    f"at most {MONUMENT_MAX_TOP_HEIGHT_FT:g} ft for a monument (taller: a pole sign)",
                )
            )
        if problems:
            raise InputError(problems)
        return self
