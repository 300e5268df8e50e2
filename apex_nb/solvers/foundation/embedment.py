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
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.ibc import embedment as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.errors import InputError, SolverError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.soils import EmbedmentConstants
from apex_nb.solvers.foundation.common import (
    exactly_one,
    ibc_foundation,
    note_soil_source,
)
from apex_nb.types import FootingWidthFt, IbcEdition, MinimumDepthFt, SoilClass

VERSION = "1.0.0"
TOLERANCE_FT = 1e-7

DepthLimitRule = Literal["embedment_depth", "pressure_depth"]


class EmbedmentInput(SolverInput):
    """Inputs of ``foundation.embedment``."""

    lateral_force_lb: float = Field(
        gt=0, le=1_000_000, description="Lateral force P on the pole (ASD level, e.g. 0.6W), lb"
    )
    force_height_ft: float = Field(
        gt=0,
        le=100_000_000,
        description="Height h of P above the ground surface (= Mg/P for a resultant; very large when a moment "
        "acts with little shear, e.g. a heavy cantilever face in light wind: Eq. 18-1 depends on P h), ft",
    )
    diameter_ft: FootingWidthFt | None = Field(
        default=None, description="Diameter of a round footing or post, ft (b = diameter)"
    )
    square_side_ft: FootingWidthFt | None = Field(
        default=None, description="Side of a square footing or post, ft (b = its diagonal)"
    )
    soil_class: SoilClass | None = Field(default=None, description="IBC Table 1806.2 class of material, 1..5")
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
    min_depth_ft: MinimumDepthFt = Field(default=0.0, description="Minimum embedment (frost depth or local rule), ft")
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
        problems = exactly_one(self, "diameter_ft", "square_side_ft")
        problems += exactly_one(self, "soil_class", "lateral_bearing_psf_per_ft", "soil_class (1..5)")
        if problems:
            raise InputError(problems)
        return self


def run(inputs: EmbedmentInput, calc: Calc) -> dict[str, Any]:
    """IBC §1807.3.2 pole embedment depth (nonconstrained Eq. 18-1 / constrained Eq. 18-2), design or check

    Minimum or checked embedment by IBC Eq. 18-1 or 18-2 with the chosen interpretations.
    """
    ibc = ibc_foundation(calc, inputs.ibc_edition, inputs.one_third_increase)
    soils, sc, fc = ibc.soils, ibc.sc, ibc.fc
    k = ibc.found.embedment
    adj = soils.adjustments
    mode = "design" if inputs.depth_ft is None else "check"
    calc.note("mode", mode, description="design: find the depth; check: verify depth_ft")

    # Footing width b.
    if inputs.diameter_ft is not None:
        shape = "round"
        b = calc.value("b", inputs.diameter_ft, unit="ft", description="footing diameter", clause=fc.definitions)
    else:
        shape = "square"
        side = inputs.square_side_ft or 0.0
        b = calc.apply(
            "b",
            eq.square_diagonal_ft,
            side,
            unit="ft",
            description=f"diagonal of the {side:g} ft square footing",
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
    factor = calc.apply(
        "k_lat", eq.lateral_bearing_factor, pole, third, description="total factor on the lateral bearing", clause=""
    )
    readings = (  # (taken, assumption when taken, when not, clause when taken, when not)
        (inputs.isolated_pole_factor == 2,
         "Isolated pole not adversely affected by 1/2 in. of motion at the ground surface: lateral bearing x2",
         "No 2x isolated-pole increase on lateral bearing", sc.isolated_poles, sc.isolated_poles),
        (inputs.one_third_increase,
         "One-third increase of lateral bearing taken: P must come from the alternative ASD combinations "
         f"({sc.alternative_combinations}), i.e. 0.6ωW with ω = {adj.alternative_asd_wind_omega:g}, "
         "never from the basic 0.6W",
         "No one-third increase of lateral bearing", sc.one_third_increase, sc.one_third_increase),
        (inputs.constrained,
         "Constrained at grade: a rigid floor or pavement develops the restraint force at the ground surface",
         "Nonconstrained: no rigid floor or pavement restrains the footing at grade", fc.constrained,
         fc.nonconstrained),
    )  # fmt: skip
    for taken, when_taken, when_not, clause_taken, clause_not in readings:
        calc.assume(when_taken if taken else when_not, clause_taken if taken else clause_not)
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

    # The bisection evaluates required_at ~30 times: the constants and functions it uses are bound
    # once here (the same equation functions with the same arguments, so the same numbers).
    limit_ft, limit_rule, max_multiple = (
        k.lateral_pressure_depth_limit_ft,
        inputs.depth_limit_rule,
        adj.depth_increase_max_multiple,
    )
    pressure_depth, allowable_pressure = eq.pressure_depth_ft, eq.allowable_lateral_pressure_psf

    def pressure_at(depth: float) -> float:
        return allowable_pressure(factor, s_per_ft, pressure_depth(depth, fraction, limit_ft, limit_rule), max_multiple)

    if inputs.constrained:
        constrained_depth, coefficient = eq.constrained_depth_ft, k.constrained_coefficient

        def required_at(depth: float) -> float:
            return constrained_depth(force, height, pressure_at(depth), b, coefficient)

    else:
        a_of, depth_of = eq.nonconstrained_a_ft, eq.nonconstrained_depth_ft
        a_coefficient, half, h_coefficient = (
            k.nonconstrained_a_coefficient,
            k.nonconstrained_half,
            k.nonconstrained_h_coefficient,
        )

        def required_at(depth: float) -> float:
            return depth_of(a_of(force, pressure_at(depth), b, a_coefficient), height, half, h_coefficient)

    calc.value("P", force, unit="lb", description="lateral force (ASD)", clause=fc.definitions)
    calc.value("h", height, unit="ft", description="height of P above grade", clause=fc.definitions)
    calc.apply("Mg", eq.moment_at_grade_lb_ft, force, height, unit="lb-ft", description="moment at grade", clause="")

    try:
        minimum, iterations = eq.solve_fixed_depth(required_at, tolerance_ft=TOLERANCE_FT)
    except ArithmeticError as exc:
        raise SolverError(f"foundation.embedment: {exc}") from exc
    equation = fc.constrained if inputs.constrained else fc.nonconstrained
    minimum = calc.value(
        "d_min",
        minimum,
        unit="ft",
        description=f"smallest depth satisfying the equation with {symbol} at that depth "
        f"({iterations} evaluations, tolerance {TOLERANCE_FT:g} ft)",
        formula=formula_of(eq.solve_fixed_depth),
        clause=equation,
    )

    if inputs.depth_ft is None:
        at = minimum
        required = minimum
        provided = calc.apply(
            "d_design",
            eq.design_depth_ft,
            minimum,
            inputs.min_depth_ft,
            inputs.depth_increment_ft,
            unit="ft",
            description=f"design depth: max(d_min, minimum depth) rounded up to {inputs.depth_increment_ft:g} ft",
            clause="",
        )
    else:
        at = inputs.depth_ft
        provided = calc.value("d", inputs.depth_ft, unit="ft", description="embedment depth checked (input)")
        required = required_at(at)

    z = eq.pressure_depth_ft(at, fraction, k.lateral_pressure_depth_limit_ft, inputs.depth_limit_rule)
    calc.value(
        f"z_{symbol}",
        z,
        unit="ft",
        description=f"depth at which {symbol} is evaluated"
        + (" (12 ft limit governs)" if at > k.lateral_pressure_depth_limit_ft else ""),
        clause=fc.definitions,
    )
    s_used = calc.value(
        symbol,
        pressure_at(at),
        unit="psf",
        description=f"allowable lateral soil-bearing pressure at z = {z:.3f} ft",
        formula=formula_of(eq.allowable_lateral_pressure_psf, max_multiple=adj.depth_increase_max_multiple),
        clause=f"{sc.depth_increase}; {sc.isolated_poles}; {sc.one_third_increase}",
    )
    a_value: float | None = None
    if inputs.constrained:
        required = calc.value(
            "d_req",
            required,
            unit="ft",
            description=f"depth required with S3 = {s_used:.1f} psf",
            formula=formula_of(eq.constrained_depth_ft, coefficient=k.constrained_coefficient),
            clause=fc.constrained,
        )
    else:
        a_value = calc.apply(
            "A",
            eq.nonconstrained_a_ft,
            force,
            s_used,
            b,
            k.nonconstrained_a_coefficient,
            unit="ft",
            description="nonconstrained parameter A",
            clause=fc.nonconstrained,
            fill={"coefficient": k.nonconstrained_a_coefficient},
        )
        required = calc.value(
            "d_req",
            required,
            unit="ft",
            description=f"depth required with S1 = {s_used:.1f} psf",
            formula=formula_of(eq.nonconstrained_depth_ft),
            clause=fc.nonconstrained,
        )
    s_available_at_provided = pressure_at(provided)
    s_needed_at_provided = calc.apply(
        f"{symbol}_req",
        eq.pressure_needed_at_depth_psf,
        force,
        height,
        provided,
        b,
        constrained=inputs.constrained,
        constrained_coefficient=k.constrained_coefficient,
        a_coefficient=k.nonconstrained_a_coefficient,
        h_coefficient=k.nonconstrained_h_coefficient,
        unit="psf",
        description=f"lateral pressure the equation needs at the provided depth {provided:g} ft",
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

    shaft, width = (
        (eq.round_shaft_concrete_yd3, inputs.diameter_ft)
        if inputs.diameter_ft is not None
        else (eq.square_shaft_concrete_yd3, inputs.square_side_ft)
    )
    concrete = calc.apply("V_c", shaft, provided, width, unit="yd³", description="concrete in the footing", clause="")
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


def wider_minimum_depth_bound_ft(
    narrower: Mapping[str, Any], k: EmbedmentConstants, force_lb: float, height_ft: float, wider_b_ft: float
) -> float:
    """A lower bound on ``minimum_depth_ft`` of a round footing ``wider_b_ft`` wide, from the design-mode
    result ``narrower`` of a narrower one under the same force, height, soil and readings.

    Why it holds: the wider footing's minimum depth d' is at most the narrower's d (its equation
    asks less at every depth), and the soil pressure S(z) never falls with depth, so S(d') <= S(d),
    the pressure ``narrower`` reports; Eq. 18-1 (18-2) with that S and b' is then at most the depth
    the wider footing requires at d' (A = 2.34P/(S b) falls as S rises, and d grows with A), and
    d' >= its requirement there. The auger search prunes with it (``pick_footing``); less 1e-6 ft
    and 1e-9 of itself for floating-point noise in the equations.
    """
    if narrower["constrained"]:
        depth = eq.constrained_depth_ft(force_lb, height_ft, narrower["s3_psf"], wider_b_ft, k.constrained_coefficient)
    else:
        a = eq.nonconstrained_a_ft(force_lb, narrower["s1_psf"], wider_b_ft, k.nonconstrained_a_coefficient)
        depth = eq.nonconstrained_depth_ft(a, height_ft, k.nonconstrained_half, k.nonconstrained_h_coefficient)
    return depth * (1.0 - 1e-9) - 1e-6


SOLVER = Solver.of("foundation.embedment", VERSION, run)
