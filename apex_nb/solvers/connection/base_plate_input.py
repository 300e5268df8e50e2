"""Inputs of ``connection.base_plate``: the post, loads, plate, rods, concrete and weld (validated once)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.types import AiscBearingEdition as AiscEdition

MAX_PLAN_IN = 120.0

PostShape = Literal["round", "rect"]
Method = Literal["ASD", "LRFD"]
#: The post dimensions each shape takes (and the other shape must omit).
POST_DIMENSIONS: dict[PostShape, tuple[str, ...]] = {"round": ("post_diameter_in",), "rect": ("post_b_in", "post_d_in")}


class BasePlateInput(SolverInput):
    """Inputs of ``connection.base_plate`` (loads at the top of the plate, ASD or LRFD level)."""

    post_shape: PostShape = Field(description="'round' (pipe, round HSS) or 'rect' (square/rectangular HSS)")
    post_diameter_in: float | None = Field(default=None, gt=0, le=60, description="Round post outside diameter, in.")
    post_b_in: float | None = Field(default=None, gt=0, le=60, description="Rect post width across the moment, in.")
    post_d_in: float | None = Field(default=None, gt=0, le=60, description="Rect post depth along the moment, in.")
    post_wall_in: float = Field(gt=0, le=2, description="Post wall thickness used for the weld base metal and x, in.")
    post_grade: str | None = Field(default=None, description="Post grade id (default A500C-round / A500C-rect)")
    axial_kip: float = Field(
        default=0.0, ge=0, le=5000, description="Axial compression at the base, kip (no net uplift)"
    )
    moment_kip_ft: float = Field(ge=0, le=50000, description="Moment at the base, kip-ft")
    shear_kip: float = Field(default=0.0, ge=0, le=2000, description="Horizontal shear at the base, kip")
    torsion_kip_ft: float = Field(default=0.0, ge=0, le=20000, description="Torsion at the base (Case B), kip-ft")
    design_method: Method = Field(default="ASD", description="AISC design method of the given loads")
    bearing_distribution: Literal["uniform", "triangular"] = Field(
        default="uniform",
        description="DG1 bearing: 'uniform' (§3.3-3.4) or 'triangular' (Appendix B.4-B.5, elastic)",
    )
    aisc_edition: AiscEdition = Field(default="360-16", description="AISC 360 edition for §J8 bearing factors")
    plate_grade: str = Field(default="A36-plate", description="Plate grade id in steel-materials")
    plate_n_in: float | None = Field(
        default=None, gt=0, le=120, description="Plate length N along the moment, in. (auto)"
    )
    plate_b_in: float | None = Field(
        default=None, gt=0, le=120, description="Plate width B across the moment, in. (auto)"
    )
    plate_thickness_in: float | None = Field(default=None, gt=0, le=6, description="Plate thickness, in. (auto)")
    rods_per_row: int = Field(
        default=2, ge=2, le=8, description="Rods in each of the two rows (tension and compression)"
    )
    rod_edge_in: float = Field(default=1.5, gt=0, le=12, description="Rod centre to plate edge, in.")
    rod_clearance_in: float = Field(
        default=2.0, gt=0, le=12, description="Rod centre to post face (auto plan size), in."
    )
    rod_grade: str = Field(default="F1554-36", description="Rod grade id in steel-materials")
    rod_diameter_in: float | None = Field(
        default=None, gt=0, le=4, description="Rod diameter, in. (auto from schedule)"
    )
    fc_psi: float = Field(ge=2500, le=10000, description="Concrete (or grout-supported pier) f'c, psi")
    pedestal_n_in: float | None = Field(
        default=None, gt=0, le=600, description="Rectangular pedestal length along N, in."
    )
    pedestal_b_in: float | None = Field(
        default=None, gt=0, le=600, description="Rectangular pedestal width along B, in."
    )
    pedestal_diameter_in: float | None = Field(default=None, gt=0, le=600, description="Round pier diameter, in.")
    hef_in: float | None = Field(
        default=None, ge=2, le=25, description="Rod embedment hef, in.; enables the ACI checks"
    )
    cracked: bool = Field(default=True, description="Cracked concrete for the ACI anchor checks")
    supplementary_reinforcement: bool = Field(default=False, description="ACI Condition A for concrete breakout")
    anchor_reinforcement_in2: float | None = Field(
        default=None, gt=0, le=100, description="ACI §17.5.2.1 anchor reinforcement near the tension rods, in²"
    )
    anchor_reinforcement_db_in: float = Field(default=0.75, gt=0, le=2.5, description="Its bar diameter, in.")
    anchor_reinforcement_offset_in: float = Field(
        default=4.0, ge=0, le=60, description="Its largest distance from a tension rod, in."
    )
    asd_alpha: float | None = Field(
        default=None, ge=1, le=2, description="ASD: factor raising anchor demands to strength level (default from pack)"
    )
    weld_size_in: float | None = Field(default=None, gt=0, le=1, description="Fillet weld size all around, in. (auto)")
    weld_metal: str = Field(default="E70", description="Weld metal grade id in steel-materials")

    @model_validator(mode="after")
    def _shape(self) -> BasePlateInput:
        problems = []
        other: PostShape = "rect" if self.post_shape == "round" else "round"
        for shape in (self.post_shape, other):  # the post's own dimensions first, then the other shape's
            for name in POST_DIMENSIONS[shape]:
                given = getattr(self, name) is not None
                if shape == self.post_shape and not given:
                    problems.append(FieldProblem(name, f"required for a {shape} post", "> 0 in."))
                elif shape != self.post_shape and given:
                    problems.append(
                        FieldProblem(name, f"only for a {shape} post", f"omit with post_shape '{self.post_shape}'")
                    )
        for first, second in (("plate_n_in", "plate_b_in"), ("pedestal_n_in", "pedestal_b_in")):
            if (getattr(self, first) is None) != (getattr(self, second) is None):
                problems.append(FieldProblem(second, f"give {first} and {second} together", "both or neither"))
        if self.pedestal_diameter_in is not None and self.pedestal_n_in is not None:
            problems.append(
                FieldProblem("pedestal_diameter_in", "give a round or a rectangular pedestal", "one of them")
            )
        if self.asd_alpha is not None and self.design_method != "ASD":
            problems.append(FieldProblem("asd_alpha", "only used with ASD loads", "omit with 'LRFD'"))
        if problems:
            raise InputError(problems)
        return self

    @property
    def post_depth_in(self) -> float:
        """Post dimension along the moment (N direction)."""
        return self.post_diameter_in if self.post_shape == "round" else self.post_d_in  # type: ignore[return-value]

    @property
    def post_width_in(self) -> float:
        """Post dimension across the moment (B direction)."""
        return self.post_diameter_in if self.post_shape == "round" else self.post_b_in  # type: ignore[return-value]
