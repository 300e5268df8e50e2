"""Inputs of ``connection.anchor_rods``: the rod grid, edges, embedment, concrete and factored demands."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput

Concrete = Literal["normal", "sand_lightweight", "all_lightweight"]
EdgeReinforcement = Literal["none", "edge_bar", "stirrups"]
ShearCrackingKey = Literal["uncracked", "cracked_none", "cracked_edge_bar", "cracked_stirrups"]
SHEAR_CRACKING: dict[EdgeReinforcement, ShearCrackingKey] = {
    "none": "cracked_none",
    "edge_bar": "cracked_edge_bar",
    "stirrups": "cracked_stirrups",
}


class AnchorRodsInput(SolverInput):
    """Inputs of ``connection.anchor_rods`` (factored, strength-level demands)."""

    rod_grade: str = Field(default="F1554-36", description="Rod grade id in steel-materials (F1554-36, -55, -105)")
    rod_diameter_in: float | None = Field(
        default=None, gt=0, le=4, description="Rod diameter, in.; omit to choose the smallest passing standard size"
    )
    rods_x: int = Field(default=2, ge=1, le=10, description="Rods along x (rows across the shear/moment direction)")
    rods_y: int = Field(default=2, ge=1, le=10, description="Rods along y (rods in each row)")
    spacing_x_in: float | None = Field(default=None, gt=0, le=120, description="Row spacing along x, in.")
    spacing_y_in: float | None = Field(default=None, gt=0, le=120, description="Rod spacing along y in a row, in.")
    edge_x_neg_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the -x edge, in. (omit: no edge)"
    )
    edge_x_pos_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the +x edge (the shear points at it), in. (omit: no edge)"
    )
    edge_y_neg_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the -y edge, in. (omit: no edge)"
    )
    edge_y_pos_in: float | None = Field(
        default=None, gt=0, le=240, description="Outer rod to the +y edge, in. (omit: no edge)"
    )
    hef_in: float = Field(ge=2, le=25, description="Effective embedment depth hef (bearing face of head/nut), in.")
    member_thickness_in: float | None = Field(
        default=None, gt=0, le=600, description="Concrete member thickness ha along the rod, in. (omit: deep member)"
    )
    fc_psi: float = Field(ge=2500, le=10000, description="Concrete f'c, psi (ACI 318-19 §17.3.1: <= 10,000 psi)")
    concrete: Concrete = Field(default="normal", description="Concrete density class for λ (Table 19.2.4.2)")
    cracked: bool = Field(default=True, description="Cracked concrete at service loads (conservative default)")
    supplementary_reinforcement: bool = Field(
        default=False,
        description="Supplementary reinforcement present (Condition A, φ 0.75) or not (Condition B, φ 0.70)",
    )
    edge_reinforcement: EdgeReinforcement = Field(
        default="none", description="Edge reinforcement for ψc,V in cracked concrete: none, edge bar (>= #4), stirrups"
    )
    grout_pad: bool = Field(default=True, description="Base plate on a built-up grout pad (Vsa x 0.8, §17.7.1.2.1)")
    torqued: bool = Field(default=False, description="Rods are torqued (6 da minimum spacing and edge, §17.9.2)")
    tension_per_rod_kip: float = Field(ge=0, le=1000, description="Factored tension Nua on the most stressed rod, kip")
    tension_rows: int | None = Field(
        default=None, ge=1, le=10, description="Rows (from one x end) carrying that tension; default: all rows"
    )
    shear_kip: float = Field(
        default=0.0, ge=0, le=2000, description="Factored shear Vua on the group, +x direction, kip"
    )
    anchor_reinforcement_in2: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="ACI §17.5.2.1 anchor reinforcement: bar area within 0.5 hef of the tension rods, in² (omit: none)",
    )
    anchor_reinforcement_db_in: float = Field(default=0.75, gt=0, le=2.5, description="Anchor reinforcement bar size")
    anchor_reinforcement_offset_in: float = Field(
        default=4.0, ge=0, le=60, description="Largest horizontal distance from a tension rod to those bars, in."
    )
    anchor_reinforcement_top_in: float = Field(
        default=3.0, ge=0, le=24, description="Concrete top to the hooked top of those bars, in."
    )
    anchor_reinforcement_fy_ksi: float = Field(default=60.0, gt=0, le=100, description="Bar yield strength, ksi")
    shear_rods: Literal["front_row", "all"] = Field(
        default="front_row",
        description="Rods sharing shear: 'front_row' (oversized holes, row nearest +x edge) or 'all' (welded washers)",
    )

    @model_validator(mode="after")
    def _geometry(self) -> AnchorRodsInput:
        problems = []
        if self.rods_x > 1 and self.spacing_x_in is None:
            problems.append(FieldProblem("spacing_x_in", "required with more than one row", "> 0 in."))
        if self.rods_y > 1 and self.spacing_y_in is None:
            problems.append(FieldProblem("spacing_y_in", "required with more than one rod per row", "> 0 in."))
        if self.anchor_reinforcement_in2 is not None and self.anchor_reinforcement_offset_in > 0.5 * self.hef_in:
            problems.append(
                FieldProblem(
                    "anchor_reinforcement_offset_in",
                    "bars farther than 0.5 hef from the rod are not anchor reinforcement (R17.5.2.1)",
                    f"<= {0.5 * self.hef_in:g} in.",
                )
            )
        if self.tension_rows is not None and self.tension_rows > self.rods_x:
            problems.append(FieldProblem("tension_rows", "more tension rows than rows", f"<= rods_x ({self.rods_x})"))
        if problems:
            raise InputError(problems)
        return self
