"""Solver ``foundation.embedment``: IBC §1807.3.2 embedment of a pole footing (design or check).

Design mode (no ``depth_ft``) finds the smallest depth d with d >= d_req(S(d)) by bisection on
the implicit Eq. 18-1 (nonconstrained) or Eq. 18-2 (constrained), reports the iterations, then
rounds up to ``depth_increment_ft`` (default 0.5 ft, a practical drilling increment) and to at
least ``min_depth_ft`` (frost depth or local minimum). Check mode (``depth_ft`` given)
evaluates the soil pressure at that depth, the depth the equation then requires, and pass/fail;
``required_depth_ft`` <= ``depth_ft`` holds exactly when ``depth_ft`` >= ``minimum_depth_ft``.

Every plan-checker interpretation is an input and a named assumption: constrained or not, the
§1806.3.4 2x for isolated poles, the §1806.1 one-third increase, and the reading of the 12 ft
limit on d. ``lateral_force_lb`` is the ASD-level force P of the code equation (e.g. 0.6 W).
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.ibc.embedment import (
    constrained_depth_ft,
    constrained_s3_required_psf,
    lateral_bearing_at_depth_psf,
    lateral_bearing_factor,
    nonconstrained_a_for_depth_ft,
    nonconstrained_a_ft,
    nonconstrained_depth_ft,
    pressure_depth_ft,
    round_up_to_increment,
    shaft_volume_ft3,
    solve_fixed_depth,
    square_diagonal_ft,
)
from apex_nb.errors import FieldProblem, InputError, SolverError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.foundation.common import (
    IbcEdition,
    foundation_clauses,
    foundations_pack,
    note_soil_source,
    soil_clauses,
    soils_pack,
)

VERSION = "1.0.0"
TOLERANCE_FT = 1e-7
FT3_PER_YD3 = 27.0

DepthLimitRule = Literal["embedment_depth", "pressure_depth"]


class EmbedmentInput(SolverInput):
    """Inputs of ``foundation.embedment``."""

    lateral_force_lb: float = Field(
        gt=0, le=1_000_000, description="Lateral force P on the pole (ASD level, e.g. 0.6W), lb"
    )
    force_height_ft: float = Field(
        gt=0,
        le=10_000,
        description="Height h of P above the ground surface (= Mg/P for a resultant; large when a moment acts "
        "with little shear), ft",
    )
    diameter_ft: float | None = Field(
        default=None, gt=0, le=20, description="Diameter of a round footing or post, ft (b = diameter)"
    )
    square_side_ft: float | None = Field(
        default=None, gt=0, le=20, description="Side of a square footing or post, ft (b = its diagonal)"
    )
    soil_class: int | None = Field(default=None, ge=1, le=5, description="IBC Table 1806.2 class of material, 1..5")
    lateral_bearing_psf_per_ft: float | None = Field(
        default=None,
        gt=0,
        le=5000,
        description="Allowable lateral bearing from a soil report, psf per ft of depth (instead of soil_class)",
    )
    ibc_edition: IbcEdition = Field(description="IBC edition in force: '2018', '2021' or '2024'")
    isolated_pole_factor: Literal[1, 2] = Field(
        default=1, description="2 applies IBC §1806.3.4 (isolated pole tolerating 1/2 in. at grade), else 1"
    )
    one_third_increase: bool = Field(
        default=False, description="Apply the IBC §1806.1 one-third increase (alternative ASD combinations with wind)"
    )
    constrained: bool = Field(
        default=False, description="True: rigid floor or pavement at grade (§1807.3.2.2); False: §1807.3.2.1"
    )
    depth_ft: float | None = Field(
        default=None, gt=0, le=60, description="Embedment depth to check, ft; omit to design the depth"
    )
    min_depth_ft: float = Field(
        default=0.0, ge=0, le=20, description="Minimum embedment (frost depth or local rule), ft"
    )
    soil_report_depth_ft: float | None = Field(
        default=None, gt=0, le=200, description="Depth explored by the soil report, ft (applicability limit)"
    )
    depth_limit_rule: DepthLimitRule = Field(
        default="embedment_depth",
        description=(
            "Reading of the 12 ft limit on d: 'embedment_depth' (literal, S1 at min(d,12)/3) or "
            "'pressure_depth' (ICC Q&A reading, S1 at min(d/3,12))"
        ),
    )
    depth_increment_ft: float = Field(
        default=0.5, gt=0, le=2, description="Design depth is rounded up to a multiple of this, ft"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> EmbedmentInput:
        problems = []
        if (self.diameter_ft is None) == (self.square_side_ft is None):
            problems.append(
                FieldProblem(
                    "square_side_ft" if self.diameter_ft is not None else "diameter_ft",
                    "give exactly one of diameter_ft or square_side_ft",
                    "one of diameter_ft, square_side_ft",
                )
            )
        if (self.soil_class is None) == (self.lateral_bearing_psf_per_ft is None):
            problems.append(
                FieldProblem(
                    "lateral_bearing_psf_per_ft" if self.soil_class is not None else "soil_class",
                    "give exactly one of soil_class or lateral_bearing_psf_per_ft",
                    "one of soil_class (1..5), lateral_bearing_psf_per_ft",
                )
            )
        if problems:
            raise InputError(problems)
        return self


def run(inputs: EmbedmentInput, calc: Calc) -> dict[str, Any]:
    """Minimum or checked embedment by IBC Eq. 18-1 or 18-2 with the chosen interpretations."""
    soils = soils_pack(calc)
    found = foundations_pack(calc)
    sc = soil_clauses(soils, inputs.ibc_edition)
    fc = foundation_clauses(found, inputs.ibc_edition)
    k = found.embedment
    adj = soils.adjustments
    mode = "design" if inputs.depth_ft is None else "check"
    calc.note("ibc_edition", inputs.ibc_edition, description="IBC edition in force")
    calc.note("mode", mode, description="design: find the depth; check: verify depth_ft")

    # Footing width b.
    if inputs.diameter_ft is not None:
        shape = "round"
        b = calc.value("b", inputs.diameter_ft, unit="ft", description="footing diameter", clause=fc.definitions)
    else:
        shape = "square"
        side = inputs.square_side_ft or 0.0
        b = calc.value(
            "b",
            square_diagonal_ft(side),
            unit="ft",
            description=f"diagonal of the {side:g} ft square footing",
            formula="side √2",
            clause=fc.definitions,
        )

    # Lateral bearing per foot and the interpretation factors.
    note_soil_source(calc, soils, inputs.ibc_edition, inputs.soil_class, inputs.soil_report_depth_ft)
    if inputs.soil_class is not None:
        tabular = soils.soil(inputs.soil_class).lateral_psf_per_ft
        source = f"Table 1806.2 class {inputs.soil_class}"
        clause = sc.table
    else:
        tabular = inputs.lateral_bearing_psf_per_ft or 0.0
        source = "soil report (input)"
        clause = ""
    s_per_ft = calc.value(
        "S_lat",
        tabular,
        unit="psf/ft",
        description=f"allowable lateral bearing per ft of depth, {source}",
        clause=clause,
    )
    pole = adj.isolated_pole_factor if inputs.isolated_pole_factor == 2 else 1.0
    third = adj.one_third_increase_factor if inputs.one_third_increase else 1.0
    calc.value("k_pole", pole, description="isolated-pole factor on lateral bearing", clause=sc.isolated_poles)
    calc.value("k_1/3", third, description="one-third increase on lateral bearing", clause=sc.one_third_increase)
    factor = calc.value(
        "k_lat",
        lateral_bearing_factor(pole, third),
        description="total factor on the lateral bearing",
        formula="k_pole k_1/3",
    )
    if inputs.isolated_pole_factor == 2:
        calc.assume(
            "Isolated pole not adversely affected by 1/2 in. of motion at the ground surface: lateral bearing x2",
            sc.isolated_poles,
        )
    else:
        calc.assume("No 2x isolated-pole increase on lateral bearing", sc.isolated_poles)
    if inputs.one_third_increase:
        if not sc.one_third_permitted:
            raise InputError(
                [
                    FieldProblem(
                        "one_third_increase",
                        f"IBC {inputs.ibc_edition} has no alternative ASD combinations to take it with",
                        "false",
                    )
                ]
            )
        calc.assume(
            "One-third increase of lateral bearing taken: P must come from the alternative ASD combinations "
            f"({sc.alternative_combinations}), i.e. 0.6ωW with ω = {adj.alternative_asd_wind_omega:g}, "
            "never from the basic 0.6W",
            sc.one_third_increase,
        )
    else:
        calc.assume("No one-third increase of lateral bearing", sc.one_third_increase)
    if inputs.constrained:
        calc.assume(
            "Constrained at grade: a rigid floor or pavement develops the restraint force at the ground surface",
            fc.constrained,
        )
    else:
        calc.assume("Nonconstrained: no rigid floor or pavement restrains the footing at grade", fc.nonconstrained)
    limit_text = (
        "d is limited to 12 ft when computing the lateral pressure (literal reading: S1 at min(d, 12)/3)"
        if inputs.depth_limit_rule == "embedment_depth"
        else "the depth at which the pressure is evaluated is limited to 12 ft (ICC Q&A reading: S1 at min(d/3, 12))"
    )
    calc.assume(limit_text, fc.definitions)

    fraction = 1.0 if inputs.constrained else k.s1_depth_fraction
    symbol = "S3" if inputs.constrained else "S1"
    force = inputs.lateral_force_lb
    height = inputs.force_height_ft

    def pressure_at(depth: float) -> float:
        z = pressure_depth_ft(depth, fraction, k.lateral_pressure_depth_limit_ft, inputs.depth_limit_rule)
        return factor * lateral_bearing_at_depth_psf(s_per_ft, z, adj.depth_increase_max_multiple)

    def required_at(depth: float) -> float:
        s = pressure_at(depth)
        if inputs.constrained:
            return constrained_depth_ft(force, height, s, b, k.constrained_coefficient)
        a = nonconstrained_a_ft(force, s, b, k.nonconstrained_a_coefficient)
        return nonconstrained_depth_ft(a, height, k.nonconstrained_half, k.nonconstrained_h_coefficient)

    calc.value("P", force, unit="lb", description="lateral force (ASD)", clause=fc.definitions)
    calc.value("h", height, unit="ft", description="height of P above grade", clause=fc.definitions)
    calc.value("Mg", force * height, unit="lb-ft", description="moment at grade", formula="P h")

    try:
        minimum, iterations = solve_fixed_depth(required_at, tolerance_ft=TOLERANCE_FT)
    except ArithmeticError as exc:
        raise SolverError(f"foundation.embedment: {exc}") from exc
    equation = fc.constrained if inputs.constrained else fc.nonconstrained
    minimum = calc.value(
        "d_min",
        minimum,
        unit="ft",
        description=f"smallest depth satisfying the equation with {symbol} at that depth "
        f"({iterations} evaluations, tolerance {TOLERANCE_FT:g} ft)",
        formula="bisection on d − d_req(S(d)) = 0",
        clause=equation,
    )

    if inputs.depth_ft is None:
        at = minimum
        required = minimum
        provided = round_up_to_increment(max(minimum, inputs.min_depth_ft), inputs.depth_increment_ft)
        provided = calc.value(
            "d_design",
            provided,
            unit="ft",
            description=f"design depth: max(d_min, minimum depth) rounded up to {inputs.depth_increment_ft:g} ft",
            formula="ceil(max(d_min, d_frost)/Δ) Δ",
        )
    else:
        at = inputs.depth_ft
        provided = calc.value("d", inputs.depth_ft, unit="ft", description="embedment depth checked (input)")
        required = required_at(at)

    z = pressure_depth_ft(at, fraction, k.lateral_pressure_depth_limit_ft, inputs.depth_limit_rule)
    calc.value(
        f"z_{symbol}",
        z,
        unit="ft",
        description=f"depth at which {symbol} is evaluated" + (" (12 ft limit governs)" if at > 12.0 else ""),
        clause=fc.definitions,
    )
    s_used = calc.value(
        symbol,
        pressure_at(at),
        unit="psf",
        description=f"allowable lateral soil-bearing pressure at z = {z:.3f} ft",
        formula="k_lat S_lat min(z, 15)",
        clause=f"{sc.depth_increase}; {sc.isolated_poles}; {sc.one_third_increase}",
    )
    a_value: float | None = None
    if inputs.constrained:
        required = calc.value(
            "d_req",
            required,
            unit="ft",
            description=f"depth required with S3 = {s_used:.1f} psf",
            formula="[4.25 P h / (S3 b)]^½",
            clause=fc.constrained,
        )
        s_needed_at_provided = constrained_s3_required_psf(force, height, provided, b, k.constrained_coefficient)
    else:
        a_value = calc.value(
            "A",
            nonconstrained_a_ft(force, s_used, b, k.nonconstrained_a_coefficient),
            unit="ft",
            description="nonconstrained parameter A",
            formula="2.34 P / (S1 b)",
            clause=fc.nonconstrained,
        )
        required = calc.value(
            "d_req",
            required,
            unit="ft",
            description=f"depth required with S1 = {s_used:.1f} psf",
            formula="0.5 A {1 + [1 + 4.36 h/A]^½}",
            clause=fc.nonconstrained,
        )
        a_needed = nonconstrained_a_for_depth_ft(provided, height, k.nonconstrained_h_coefficient)
        s_needed_at_provided = k.nonconstrained_a_coefficient * force / (a_needed * b)
    s_available_at_provided = pressure_at(provided)
    s_needed_at_provided = calc.value(
        f"{symbol}_req",
        s_needed_at_provided,
        unit="psf",
        description=f"lateral pressure the equation needs at the provided depth {provided:g} ft",
        formula="Eq. solved for the soil pressure at d",
        clause=equation,
    )

    depth_check = calc.check(
        "embedment.depth",
        f"required embedment ({'constrained' if inputs.constrained else 'nonconstrained'}) <= provided depth",
        demand=required,
        capacity=provided,
        unit="ft",
        clause=equation,
    )
    calc.check(
        "embedment.lateral_pressure",
        f"lateral soil pressure needed <= allowable {symbol} at the provided depth",
        demand=s_needed_at_provided,
        capacity=s_available_at_provided,
        unit="psf",
        clause=f"{equation}; {sc.depth_increase}",
    )
    min_passed = True
    if inputs.min_depth_ft > 0:
        min_passed = calc.check(
            "embedment.min_depth",
            "minimum embedment (frost depth / local rule) <= provided depth",
            demand=inputs.min_depth_ft,
            capacity=provided,
            unit="ft",
            clause=fc.embedded_posts,
        ).passed
    if inputs.soil_report_depth_ft is not None:
        calc.applies(
            "foundation no deeper than the soil data",
            provided <= inputs.soil_report_depth_ft,
            f"embedment {provided:g} ft, soil report to {inputs.soil_report_depth_ft:g} ft",
            penalty=0.15,
        )
    calc.applies(
        "depth-to-width ratio typical of the pole formula (d/b >= 1)",
        provided >= b,
        f"d/b = {provided / b:.2f}; the §1807.3.2 formulas assume a slender rigid pole footing",
        penalty=0.05,
    )

    if inputs.diameter_ft is not None:
        volume = shaft_volume_ft3(provided, diameter_ft=inputs.diameter_ft)
        formula = "π D²/4 d / 27"
    else:
        volume = shaft_volume_ft3(provided, square_side_ft=inputs.square_side_ft)
        formula = "side² d / 27"
    concrete = calc.value(
        "V_c", volume / FT3_PER_YD3, unit="yd³", description="concrete in the footing", formula=formula
    )
    passed = depth_check.passed and min_passed
    if not math.isfinite(required):
        raise SolverError("foundation.embedment: non-finite required depth")
    return {
        "mode": mode,
        "ibc_edition": inputs.ibc_edition,
        "shape": shape,
        "constrained": inputs.constrained,
        "b_ft": b,
        "lateral_bearing_psf_per_ft": s_per_ft,
        "lateral_bearing_factor": factor,
        "pressure_depth_ft": z,
        "s1_psf": None if inputs.constrained else s_used,
        "s3_psf": s_used if inputs.constrained else None,
        "a_ft": a_value,
        "required_depth_ft": required,
        "minimum_depth_ft": minimum,
        "design_depth_ft": provided,
        "depth_ft": provided,
        "iterations": iterations,
        "tolerance_ft": TOLERANCE_FT,
        "moment_at_grade_lb_ft": force * height,
        "concrete_yd3": concrete,
        "passed": passed,
        "clause": equation,
    }


SOLVER = Solver(
    name="foundation.embedment",
    version=VERSION,
    input_model=EmbedmentInput,
    run=run,
    summary="IBC §1807.3.2 pole embedment depth (nonconstrained Eq. 18-1 / constrained Eq. 18-2), design or check",
)
