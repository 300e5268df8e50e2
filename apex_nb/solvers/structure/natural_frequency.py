"""Solver ``structure.natural_frequency``: first natural frequency of a sign on its post.

The post is a vertical cantilever fixed at its base carrying its own weight per foot and lumped
weights (the sign cabinet at its centroid, lights, a catwalk) at their heights. f₁ by Rayleigh's
method with the static deflected shape under lateral loads equal to the weights (Chopra,
*Dynamics of Structures*, §8.5; Clough & Penzien §8-4); see
``apex_nb/equations/mechanics/dynamics.py``. A structure with f₁ < 1 Hz is flexible in the
sense of ASCE 7 §26.2 and its wind load needs the gust-effect factor Gf (§26.11.5).
"""

from __future__ import annotations

from typing import Any, TypedDict

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.mechanics.dynamics import (
    STANDARD_GRAVITY_IN_PER_S2,
    base_moment_kip_in,
    base_rotation_rad,
    natural_period_s,
    rayleigh_frequency_hz,
    total_weight_lb,
)
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.member.common import BendingAxis, CustomTube, SectionChoice, resolve_section
from apex_nb.types import StructureHeightFt
from apex_nb.units import IN_PER_FT, LB_PER_KIP

VERSION = "1.0.0"

# ASCE 7-05 §6.2, 7-10/7-16/7-22 §26.2: "rigid" means a fundamental frequency of at least 1 Hz.
RIGID_LIMIT_HZ = 1.0
RIGID_CLAUSE = "ASCE 7-16/7-22 §26.2 (7-10 §26.2, 7-05 §6.2): flexible when n1 < 1 Hz"
METHOD_CLAUSE = "Rayleigh's method, static deflected shape (Chopra, Dynamics of Structures, §8.5)"


class NaturalFrequencyResult(TypedDict):
    """The result of ``structure.natural_frequency`` (typed for the designs that read it)."""

    f1_hz: float
    period_s: float
    flexible: bool
    method: str
    base: str
    section: str
    e_ksi: float
    i_in4: float
    height_ft: float
    post_weight_lb_per_ft: float
    total_weight_lb: float
    gravity_in_per_s2: float
    clause: str
    rigid_limit_clause: str


class LumpedWeight(SolverInput):
    """One weight carried by the post, at the height of its centroid above the fixed base."""

    weight_lb: float = Field(gt=0, le=1.0e6, description="Weight, lb (a sign cabinet, lights, a catwalk)")
    height_ft: StructureHeightFt = Field(description="Height of its centroid above the fixed base, ft")
    label: str = Field(default="", max_length=60, description="What it is (for the report)")


class NaturalFrequencyInput(SolverInput):
    """Inputs of ``structure.natural_frequency``: a section label (or custom tube) or E and I directly."""

    section: str | None = Field(
        default=None, min_length=2, max_length=60, description="AISC v16 label of the post, e.g. 'HSS16.000X0.312'"
    )
    custom: CustomTube | None = Field(default=None, description="A custom round or rectangular tube instead")
    grade: str | None = Field(default=None, description="Material grade id (default by family), for E")
    bending_axis: BendingAxis = Field(default="major", description="Axis of the I used: 'major' or 'minor' (HSS)")
    e_ksi: float | None = Field(default=None, gt=0, le=50000, description="Modulus of elasticity E, ksi (with i_in4)")
    i_in4: float | None = Field(default=None, gt=0, le=1.0e6, description="Moment of inertia I, in⁴ (with e_ksi)")
    height_ft: StructureHeightFt = Field(description="Post height above the fixed base (top of the post), ft")
    post_weight_lb_per_ft: float | None = Field(
        default=None, ge=0, le=5000, description="Post weight per ft (default: the section's; required with E and I)"
    )
    lumped_weights: list[LumpedWeight] = Field(
        default_factory=list, max_length=50, description="Weights carried by the post at their centroid heights"
    )
    rotational_spring_kip_ft_per_rad: float | None = Field(
        default=None,
        gt=0,
        le=1.0e9,
        description="Rotational stiffness of the foundation kθ, kip-ft/rad (default: a rigid base)",
    )

    @model_validator(mode="after")
    def _one_stiffness(self) -> NaturalFrequencyInput:
        problems: list[FieldProblem] = []
        given = (self.section is not None) + (self.custom is not None) + (self.e_ksi is not None)
        if given != 1:
            problems.append(
                FieldProblem("section", "give exactly one of section, custom, or e_ksi with i_in4", "one of the three")
            )
        if (self.e_ksi is None) != (self.i_in4 is None):
            problems.append(FieldProblem("i_in4", "e_ksi and i_in4 go together", "both or neither"))
        if self.e_ksi is not None and self.post_weight_lb_per_ft is None:
            problems.append(
                FieldProblem("post_weight_lb_per_ft", "required when E and I are given directly", "number >= 0")
            )
        for i, lump in enumerate(self.lumped_weights):
            if lump.height_ft > self.height_ft * (1 + 1e-9):
                problems.append(
                    FieldProblem(
                        f"lumped_weights[{i}].height_ft",
                        f"{lump.height_ft:g} ft is above the top of the post ({self.height_ft:g} ft)",
                        f"<= {self.height_ft:g}",
                    )
                )
        if self.post_weight_lb_per_ft == 0 and not self.lumped_weights:
            problems.append(FieldProblem("lumped_weights", "no mass at all: nothing vibrates", "at least one weight"))
        if problems:
            raise InputError(problems)
        return self


def run(inputs: NaturalFrequencyInput, calc: Calc) -> dict[str, Any]:
    """First natural frequency of a sign on its post (Rayleigh's method), and whether ASCE 7 calls it flexible

    f₁ by Rayleigh's method; the flexible/rigid verdict of ASCE 7 §26.2.
    """
    label = "E, I (input)"
    if inputs.e_ksi is not None and inputs.i_in4 is not None:
        e = calc.value("E", inputs.e_ksi, unit="ksi", description="modulus of elasticity (input)")
        i = calc.value("I", inputs.i_in4, unit="in⁴", description="moment of inertia (input)")
        w_default = None
    else:
        choice = SectionChoice(section=inputs.section, custom=inputs.custom, grade=inputs.grade)
        section, material = resolve_section(calc, choice)
        label = section.label
        if inputs.bending_axis == "minor" and section.shape != "rect":
            raise InputError(
                [FieldProblem("bending_axis", f"'minor' applies to rectangular HSS, not {section.family}", "'major'")]
            )
        e = material.e_ksi
        i_value = section.ix_in4 if inputs.bending_axis == "major" else section.iy_in4
        i = calc.value(
            "I",
            i_value,
            unit="in⁴",
            description=f"moment of inertia of {section.label}, {inputs.bending_axis} axis",
            clause=section.source_clause,
        )
        w_default = section.weight_lb_per_ft
    w_input = inputs.post_weight_lb_per_ft
    w = calc.value(
        "w",
        w_input if w_input is not None else (w_default or 0.0),
        unit="lb/ft",
        description="post weight per ft" + (" (input)" if w_input is not None else " (section table)"),
    )
    h = calc.value("L", inputs.height_ft, unit="ft", description="post height above the fixed base (input)")
    lumps = [(lump.weight_lb, lump.height_ft) for lump in inputs.lumped_weights]
    for n, lump in enumerate(inputs.lumped_weights, start=1):
        calc.value(
            f"W{n}",
            lump.weight_lb,
            unit="lb",
            description=f"lumped weight {lump.label or n} at z = {lump.height_ft:g} ft",
        )
    total = calc.apply("W,total", total_weight_lb, w, h, lumps, unit="lb", description="total weight", clause="")
    spring_kip_in = None
    if inputs.rotational_spring_kip_ft_per_rad is not None:
        k_theta = calc.value(
            "kθ",
            inputs.rotational_spring_kip_ft_per_rad,
            unit="kip-ft/rad",
            description="rotational stiffness of the foundation (input)",
        )
        spring_kip_in = k_theta * IN_PER_FT
        calc.assume(
            f"Flexible base: a rotational spring kθ = {k_theta:g} kip-ft/rad adds the rotation M_base/kθ to the shape",
            METHOD_CLAUSE,
        )
    else:
        calc.assume(
            "Rigid (fixed) base at the bottom of the given height: soil and foundation flexibility lower f1, so the "
            "true frequency is lower; give rotational_spring_kip_ft_per_rad, or measure the height from an "
            "effective fixity depth below grade, to include it",
            METHOD_CLAUSE,
        )
    calc.assume(
        "Rayleigh's quotient with the static shape under lateral loads equal to the weights: an upper bound on f1, "
        "0.4 % high for a uniform cantilever and exact for a tip mass on a massless post",
        METHOD_CLAUSE,
    )
    calc.assume("Linear-elastic, prismatic post; the sign cabinet is a point mass at its centroid", METHOD_CLAUSE)
    f1 = calc.apply(
        "f1",
        rayleigh_frequency_hz,
        e_ksi=e,
        i_in4=i,
        height_ft=h,
        post_weight_lb_per_ft=w,
        lumped_weights_lb=lumps,
        rotational_spring_kip_in_per_rad=spring_kip_in,
        unit="Hz",
        description="first natural frequency",
        clause=METHOD_CLAUSE,
    )
    period = calc.apply("T1", natural_period_s, f1, unit="s", description="first natural period", clause="")
    flexible = f1 < RIGID_LIMIT_HZ
    calc.note(
        "flexible",
        flexible,
        description="n1 < 1 Hz: flexible (wind needs Gf)" if flexible else "n1 >= 1 Hz: rigid (G = 0.85)",
        clause=RIGID_CLAUSE,
    )
    if spring_kip_in is not None:
        lumps_kip_in = [(p / LB_PER_KIP, z * IN_PER_FT) for p, z in lumps]
        calc.apply(
            "θ,base",
            base_rotation_rad,
            base_moment_kip_in(h * IN_PER_FT, w / (IN_PER_FT * LB_PER_KIP), lumps_kip_in),
            spring_kip_in,
            unit="rad",
            description="base rotation under lateral loads equal to the weights",
            clause="",
        )
    result = NaturalFrequencyResult(
        f1_hz=f1,
        period_s=period,
        flexible=flexible,
        method="Rayleigh, static deflected shape under lateral loads equal to the weights",
        base="rotational spring" if spring_kip_in is not None else "rigid",
        section=label,
        e_ksi=e,
        i_in4=i,
        height_ft=h,
        post_weight_lb_per_ft=w,
        total_weight_lb=total,
        gravity_in_per_s2=STANDARD_GRAVITY_IN_PER_S2,
        clause=METHOD_CLAUSE,
        rigid_limit_clause=RIGID_CLAUSE,
    )
    return dict(result)


SOLVER = Solver.of("structure.natural_frequency", VERSION, run)
