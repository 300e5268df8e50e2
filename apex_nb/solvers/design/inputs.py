"""Input models of the complete sign designs (``design.pole_sign``, ``design.monument_sign``,
``design.cantilever_sign``).

Each groups what an engineer states about a sign: the site wind (edition explicit), the faces
(size, elevation, weight), the structure (posts or arm) and the foundation. Every load in the
chain is computed from these: no moment or force is taken from the user.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.types import (
    AiscEdition,
    ArmLengthFt,
    Exposure,
    FaceHeightFt,
    FaceOffsetFt,
    FaceWeightLb,
    FaceWidthFt,
    GroundElevationFt,
    IbcEdition,
    ImportanceFactor,
    Kzt,
    MinimumDepthFt,
    MonumentDepthFt,
    PostSpacingFt,
    StructureHeightFt,
    WindSpeedMph,
)
from apex_nb.types import AsceEdition as Edition
from apex_nb.types import PostFamily as Family


def unique_families(field: str, families: list[Family]) -> list[FieldProblem]:
    """A family listed twice is a typo, not a preference: name the design's own field."""
    if len(set(families)) != len(families):
        allowed = "each of pipe, hss-round, hss-square, hss-rect, w once"
        return [FieldProblem(field, "a family is listed twice", allowed)]
    return []


def default_post_families() -> list[Family]:
    """Round and square families, lightest first in practice (W shapes and rectangles opt-in)."""
    return ["pipe", "hss-round", "hss-square"]


def default_arm_families() -> list[Family]:
    """Square tubes first for an arm (flat faces for the face clamps), then round."""
    return ["hss-square", "pipe", "hss-round"]


class SiteWind(SolverInput):
    """Site wind data with its edition."""

    edition: Edition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: WindSpeedMph = Field(description="Basic wind speed V for the risk category, mph")
    exposure: Exposure = Field(description="Exposure category")
    kzt: Kzt = Field(default=1.0, description="Topographic factor Kzt")
    ground_elevation_ft: GroundElevationFt = Field(default=0.0, description="Ground elevation, ft (Ke)")
    importance_factor: ImportanceFactor | None = Field(default=None, description="ASCE 7-05 only")
    wind_speed_source: str = Field(default="", max_length=200, description="Where V comes from (map, hazard tool)")


class Face(SolverInput):
    """One sign face or cabinet, its elevation and weight."""

    name: str = Field(default="face", max_length=60, description="Label used in reports")
    width_ft: FaceWidthFt = Field(description="Face width B, ft")
    height_ft: FaceHeightFt = Field(description="Face height s, ft")
    top_height_ft: StructureHeightFt = Field(description="Height of the top of the face above grade, ft")
    weight_lb: FaceWeightLb | None = Field(
        default=None, description="Face or cabinet dead weight, lb (default: area x the pack's psf)"
    )
    solidity_ratio: float = Field(default=1.0, gt=0, le=1.0, description="Solid area / gross area")
    return_corner_ft: float | None = Field(default=None, gt=0, le=100, description="Return corner length Lr, ft")

    @model_validator(mode="after")
    def _fits(self) -> Face:
        if self.height_ft > self.top_height_ft:
            raise InputError(
                [
                    FieldProblem(
                        "height_ft", "face taller than its top height", f"<= top_height_ft ({self.top_height_ft:g})"
                    )
                ]
            )
        return self


class Soil(SolverInput):
    """Soil and foundation interpretation (each choice becomes a named assumption)."""

    ibc_edition: IbcEdition = Field(default="2021", description="IBC edition in force")
    soil_class: Literal[1, 2, 3, 4, 5] | None = Field(
        default=5, description="IBC Table 1806.2 class (default 5, the weakest, without a report)"
    )
    lateral_bearing_psf_per_ft: float | None = Field(
        default=None, gt=0, le=2000, description="From a geotechnical report, overrides the class"
    )
    isolated_pole_factor: Literal[1, 2] = Field(default=1, description="§1806.3.4 2x for isolated poles (opt-in)")
    one_third_increase: bool = Field(default=False, description="§1806.1 one-third increase with wind (opt-in)")
    constrained: bool = Field(default=False, description="Rigid slab or pavement at grade (§1807.3.2.2)")
    min_depth_ft: MinimumDepthFt = Field(default=3.0, description="Frost depth or local minimum embedment, ft")


class PoleSignInput(SolverInput):
    """``design.pole_sign``: one or two posts carrying one or more faces."""

    wind: SiteWind = Field(description="Site wind: ASCE 7 edition, speed, exposure, Kzt, elevation")
    faces: list[Face] = Field(min_length=1, max_length=6, description="Faces or cabinets, any order")
    post_count: Literal[1, 2] = Field(default=1, description="Number of posts")
    post_spacing_ft: PostSpacingFt | None = Field(default=None, description="Centre-to-centre (two posts)")
    post_families: list[Family] = Field(
        default_factory=default_post_families, min_length=1, description="Families to choose from"
    )
    design_method: Literal["ASD", "LRFD"] = Field(default="ASD", description="AISC 360 design method")
    aisc_edition: AiscEdition = Field(default="360-16", description="AISC 360 edition")
    deflection_limit_ratio: float = Field(default=100, ge=20, le=1000, description="Service tip drift limit L/n")
    foundation: Literal["embedded", "base_plate"] = Field(
        default="embedded", description="Direct embedment (IBC 1807.3) or base plate on a drilled pier/footing"
    )
    pier_reinforced: bool = Field(
        default=True, description="Base plate: reinforce the pier (ACI 318-19 bars and ties, anchor reinforcement)"
    )
    footing_diameter_ft: float | None = Field(default=None, gt=0, le=12, description="Auger diameter (default auto)")
    soil: Soil = Field(default_factory=Soil, description="Soil class and the IBC interpretations chosen")
    galvanized: bool = Field(default=True, description="Hot-dip galvanized steel (priced)")

    @model_validator(mode="after")
    def _posts(self) -> PoleSignInput:
        problems = unique_families("post_families", self.post_families)
        if self.post_count == 2 and self.post_spacing_ft is None:
            problems.append(FieldProblem("post_spacing_ft", "required with two posts", "> 0 ft"))
        if self.post_count == 1 and self.post_spacing_ft is not None:
            problems.append(FieldProblem("post_spacing_ft", "only used with two posts", "omit for one post"))
        if self.post_count == 2 and self.post_spacing_ft is not None:
            widest = max(f.width_ft for f in self.faces)
            if self.post_spacing_ft > widest:
                problems.append(
                    FieldProblem("post_spacing_ft", "posts fall outside the faces", f"<= widest face ({widest:g} ft)")
                )
        if problems:
            raise InputError(problems)
        return self


class MonumentSignInput(SolverInput):
    """``design.monument_sign``: a monument (faces on a solid base from grade) on a spread footing."""

    wind: SiteWind = Field(description="Site wind: ASCE 7 edition, speed, exposure, Kzt, elevation")
    sign_width_ft: float = Field(gt=0, le=40, description="Monument width B, ft")
    sign_height_ft: float = Field(gt=0, le=20, description="Monument height above grade (top height h), ft")
    sign_thickness_ft: MonumentDepthFt = Field(default=1.5, description="Monument depth in plan, ft")
    weight_lb: float | None = Field(
        default=None, ge=0, le=200000, description="Monument dead weight, lb (default: volume x the pack's pcf)"
    )
    footing_width_ft: float | None = Field(default=None, gt=0, le=40, description="Footing B (default auto)")
    footing_length_ft: float | None = Field(default=None, gt=0, le=40, description="Footing L along the wind (auto)")
    footing_thickness_ft: float | None = Field(default=None, gt=0, le=6, description="Footing thickness (auto)")
    soil: Soil = Field(default_factory=Soil, description="Soil class and the IBC interpretations chosen")

    @model_validator(mode="after")
    def _footing_all_or_none(self) -> MonumentSignInput:
        given = [self.footing_width_ft, self.footing_length_ft, self.footing_thickness_ft]
        if any(v is not None for v in given) and any(v is None for v in given):
            raise InputError(
                [FieldProblem("footing_width_ft", "give all three footing dimensions or none", "all or none")]
            )
        return self


class CantileverSignInput(SolverInput):
    """``design.cantilever_sign``: one post with a horizontal arm carrying a face off to one side."""

    wind: SiteWind = Field(description="Site wind: ASCE 7 edition, speed, exposure, Kzt, elevation")
    face: Face = Field(description="The face hung from the arm")
    arm_length_ft: ArmLengthFt = Field(description="Post centreline to the far end of the face, ft")
    face_offset_ft: FaceOffsetFt = Field(default=0.5, description="Post centreline to the near edge of the face, ft")
    post_families: list[Family] = Field(
        default_factory=default_post_families, min_length=1, description="Post families"
    )
    arm_families: list[Family] = Field(default_factory=default_arm_families, min_length=1, description="Arm families")
    design_method: Literal["ASD", "LRFD"] = Field(default="ASD", description="AISC 360 design method")
    aisc_edition: AiscEdition = Field(default="360-16", description="AISC 360 edition")
    deflection_limit_ratio: float = Field(default=100, ge=20, le=1000, description="Service tip drift limit L/n")
    footing_diameter_ft: float | None = Field(default=None, gt=0, le=12, description="Auger diameter (default auto)")
    over_roadway: bool = Field(default=False, description="Over a traffic lane (AASHTO LTS fatigue: out of scope)")
    soil: Soil = Field(default_factory=Soil, description="Soil class and the IBC interpretations chosen")
    galvanized: bool = Field(default=True, description="Hot-dip galvanized steel (priced)")

    @model_validator(mode="after")
    def _face_on_arm(self) -> CantileverSignInput:
        problems = unique_families("post_families", self.post_families)
        problems += unique_families("arm_families", self.arm_families)
        if self.face_offset_ft + self.face.width_ft > self.arm_length_ft:
            problems.append(
                FieldProblem(
                    "arm_length_ft",
                    "the face does not fit on the arm",
                    f">= face_offset_ft + face width ({self.face_offset_ft + self.face.width_ft:g} ft)",
                )
            )
        if problems:
            raise InputError(problems)
        return self
