"""Solver ``foundation.spread_footing``: a rectangular spread footing under a sign (monuments, base plates).

Loads are nominal: ``dead_load_lb`` (sign and posts, through the footing centre),
``lateral_force_lb`` W with its height (or ``moment_at_grade_lb_ft``) and an optional wind
``uplift_force_lb``. The solver applies the ASD combinations itself: stability (overturning,
sliding, uplift) with 0.6D + 0.6W (ASCE 7 §2.4.1 comb. 7), bearing with both D + 0.6W
(comb. 5) and 0.6D + 0.6W, the larger bearing ratio governing. The overturning moment is taken
at the underside of the footing. Bearing is linear with no soil tension: a trapezoid while the
resultant stays within the kern (e <= L/6), a triangle beyond it. Safety factors default to 1.5
(IBC §1807.2.3 by analogy); every default is a named assumption.

Without dimensions the footing is auto-sized: the candidate grid (plan sizes from the minimum
to ``max_plan_ft`` and thicknesses between the limits, all in ``size_increment_ft`` steps) is
sorted by concrete volume, then thickness, length and width, and the first footing that passes
every check is chosen; plan shapes longer than ``max_aspect_ratio`` (default 2) are skipped.
Because every check only gets harder as the loads grow, a larger force never yields a smaller
footing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.asce7 import combinations
from apex_nb.equations.ibc import spread_footing as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.foundation.common import (
    exactly_one,
    ibc_foundation,
    note_soil_source,
)
from apex_nb.solvers.foundation.footing_sizing import Evaluation, Settings, auto_size, evaluate
from apex_nb.types import IbcEdition, MinimumDepthFt, SoilClass

__all__ = ["Settings", "evaluate"]  # the sizing model, importable from the solver as before

VERSION = "1.0.0"


class SpreadFootingInput(SolverInput):
    """Inputs of ``foundation.spread_footing``."""

    ibc_edition: IbcEdition = Field(description="IBC edition in force: '2018', '2021' or '2024'")
    dead_load_lb: float = Field(ge=0, le=2_000_000, description="Dead load of the sign and posts on the footing, lb")
    lateral_force_lb: float = Field(ge=0, le=1_000_000, description="Nominal wind force W on the sign (unfactored), lb")
    force_height_ft: float | None = Field(
        default=None, gt=0, le=300, description="Height of W above grade, ft (or give moment_at_grade_lb_ft)"
    )
    moment_at_grade_lb_ft: float | None = Field(
        default=None, ge=0, le=100_000_000, description="Nominal wind moment at grade, lb-ft (instead of the height)"
    )
    uplift_force_lb: float = Field(default=0.0, ge=0, le=1_000_000, description="Nominal wind uplift, lb")
    width_ft: float | None = Field(default=None, gt=0, le=60, description="Footing width B across the wind, ft")
    length_ft: float | None = Field(default=None, gt=0, le=60, description="Footing length L along the wind, ft")
    thickness_ft: float | None = Field(default=None, gt=0, le=15, description="Footing thickness, ft")
    min_width_ft: float = Field(default=2.0, gt=0, le=60, description="Auto-size: smallest width B, ft")
    min_length_ft: float = Field(default=2.0, gt=0, le=60, description="Auto-size: smallest length L, ft")
    max_plan_ft: float = Field(default=30.0, gt=0, le=60, description="Auto-size: largest B and L, ft")
    min_thickness_ft: float = Field(default=1.0, gt=0, le=15, description="Auto-size: smallest thickness, ft")
    max_thickness_ft: float = Field(default=6.0, gt=0, le=15, description="Auto-size: largest thickness, ft")
    size_increment_ft: float = Field(default=0.5, gt=0, le=2, description="Auto-size: step of every dimension, ft")
    max_aspect_ratio: float = Field(
        default=2.0, ge=1, le=10, description="Auto-size: largest ratio of the long to the short plan side"
    )
    soil_cover_ft: float = Field(default=0.0, ge=0, le=10, description="Soil over the top of the footing, ft")
    min_bottom_depth_ft: MinimumDepthFt = Field(
        default=0.0,
        description="Footing bottom at least this deep below grade (frost depth, IBC §1809.4), ft; "
        "the footing is lowered under soil cover when it is thinner",
    )
    soil_class: SoilClass | None = Field(default=None, description="IBC Table 1806.2 class of material, 1..5")
    allowable_bearing_psf: float | None = Field(
        default=None, gt=0, le=50_000, description="Allowable bearing from a soil report, psf (instead of soil_class)"
    )
    friction_coefficient: float | None = Field(
        default=None, ge=0, lt=1, description="Sliding friction coefficient (default: Table 1806.2 for soil_class)"
    )
    cohesion_psf: float | None = Field(
        default=None, ge=0, le=5000, description="Sliding cohesion, psf (default: Table 1806.2 for soil_class)"
    )
    one_third_increase: bool = Field(
        default=False,
        description="Apply the IBC §1806.1 one-third increase to the allowable bearing; bearing is then checked "
        "with the alternative ASD combinations (D + 0.6ωW and 2/3 D + 0.6ωW)",
    )
    concrete_unit_weight_pcf: float | None = Field(
        default=None, gt=0, le=200, description="Concrete unit weight, pcf (default 150 from the pack)"
    )
    soil_unit_weight_pcf: float | None = Field(
        default=None, gt=0, le=150, description="Unit weight of the soil cover, pcf (default 100 from the pack)"
    )
    overturning_safety_factor: float | None = Field(
        default=None, ge=1, le=5, description="Required overturning safety factor (default 1.5)"
    )
    sliding_safety_factor: float | None = Field(
        default=None, ge=1, le=5, description="Required sliding safety factor (default 1.5)"
    )
    uplift_safety_factor: float | None = Field(
        default=None, ge=1, le=5, description="Required uplift safety factor (default 1.0 on the 0.6D combination)"
    )
    stability_dead_load_factor: float | None = Field(
        default=None, gt=0, le=1, description="Dead-load factor for stability (default 0.6, ASCE 7 §2.4.1 comb. 7)"
    )
    wind_load_factor: float | None = Field(
        default=None, gt=0, le=1, description="Wind-load factor of the ASD combinations (default 0.6)"
    )

    @model_validator(mode="after")
    def _consistent(self) -> SpreadFootingInput:
        problems = exactly_one(self, "force_height_ft", "moment_at_grade_lb_ft")
        dims = {"width_ft": self.width_ft, "length_ft": self.length_ft, "thickness_ft": self.thickness_ft}
        given = [k for k, v in dims.items() if v is not None]
        if given and len(given) != 3:
            for name in sorted(set(dims) - set(given)):
                problems.append(FieldProblem(name, "give width, length and thickness together, or none to auto-size"))
        problems += exactly_one(self, "soil_class", "allowable_bearing_psf", "soil_class (1..5)")
        if self.soil_class is None and self.friction_coefficient is None and self.cohesion_psf is None:
            problems.append(
                FieldProblem(
                    "friction_coefficient",
                    "without soil_class give friction_coefficient or cohesion_psf for sliding",
                    "number in [0, 1)",
                )
            )
        if self.min_thickness_ft > self.max_thickness_ft:
            problems.append(FieldProblem("min_thickness_ft", "must not exceed max_thickness_ft"))
        for name in ("min_width_ft", "min_length_ft"):
            if getattr(self, name) > self.max_plan_ft:
                problems.append(FieldProblem(name, "must not exceed max_plan_ft", f"<= {self.max_plan_ft:g}"))
        if problems:
            raise InputError(problems)
        return self


def _record_footing(calc: Calc, ev: Evaluation, frost: str, stability: str, bearing: str) -> None:
    """Record the chosen footing's dimensions, weights, moments and bearing with their formulas."""
    calc.value("B", ev.width, unit="ft", description="footing width across the wind")
    calc.value("L", ev.length, unit="ft", description="footing length along the wind")
    calc.value("t", ev.thickness, unit="ft", description="footing thickness")
    rows: list[tuple[str, float, str, str, Callable[..., Any], str]] = [
        ("c_cov", ev.cover, "ft", "soil cover over the footing", eq.cover_depth_ft, ""),
        ("d_bottom", ev.cover + ev.thickness, "ft", "depth of the footing bottom below grade, at least the minimum "
         "(frost) depth by construction", eq.bottom_depth_ft, frost),
        ("W_ftg", ev.footing_weight, "lb", "footing weight", eq.footing_weight_lb, ""),
        ("W_cov", ev.cover_weight, "lb", "soil cover weight", eq.cover_weight_lb, ""),
        ("D", ev.total_dead, "lb", "total dead load", eq.total_dead_load_lb, ""),
        ("M_base", ev.base_moment_nominal, "lb-ft", "nominal wind moment at the footing base",
         eq.overturning_moment_lb_ft, ""),
        ("M_OT", ev.overturning_moment, "lb-ft", "overturning moment (ASD)", eq.factored_moment_lb_ft, stability),
        ("M_R", ev.resisting_moment, "lb-ft", "resisting moment about the toe", eq.resisting_moment_lb_ft, stability),
    ]  # fmt: skip
    for symbol, value, unit, description, fn, clause in rows:
        calc.value(symbol, value, unit=unit, description=description, formula=formula_of(fn), clause=clause)
    br = ev.bearing
    if br.e_ft is not None:
        calc.value("e", br.e_ft, unit="ft", description=f"eccentricity under {br.combination}",
                   formula=formula_of(eq.eccentricity_ft))  # fmt: skip
    calc.value("L/6", eq.kern_ft(ev.length), unit="ft", description="kern limit")
    calc.note("bearing_shape", br.shape, description="trapezoid within the kern, triangle outside it")
    if br.q_max is not None:
        formula = formula_of(eq.trapezoid_bearing_psf if br.shape == "trapezoid" else eq.triangle_bearing_psf)
        calc.value("q_max", br.q_max, unit="psf", description=f"maximum bearing under {br.combination}",
                   formula=formula, clause=bearing)  # fmt: skip


def run(inputs: SpreadFootingInput, calc: Calc) -> dict[str, Any]:
    """Spread footing for a sign: overturning, sliding, uplift, eccentric bearing; auto-size B x L x t

    Overturning, sliding, uplift and bearing of a given or auto-sized spread footing.
    """
    ibc = ibc_foundation(calc, inputs.ibc_edition, inputs.one_third_increase)
    soils, sc, fc = ibc.soils, ibc.sc, ibc.fc
    d = ibc.found.spread_footing
    note_soil_source(calc, soils, inputs.ibc_edition, inputs.soil_class, None)

    def pick(symbol: str, given: float | None, default: float, description: str, clause: str, unit: str = "") -> float:
        if given is None:
            calc.assume(f"{description} = {default:g} (default)", clause)
            return calc.value(symbol, default, unit=unit, description=f"{description} (default)", clause=clause)
        return calc.value(symbol, given, unit=unit, description=f"{description} (input)", clause=clause)

    a_stab = pick("a_D", inputs.stability_dead_load_factor, d.stability_dead_load_factor,
                  "dead-load factor for overturning, sliding and uplift", fc.stability_combination)  # fmt: skip
    w = pick("a_W", inputs.wind_load_factor, d.wind_load_factor, "wind-load factor (ASD)", fc.stability_combination)
    a_bear = calc.value("a_D,brg", d.bearing_dead_load_factor, description="dead-load factor of the bearing "
                        "combination D + 0.6W", clause=fc.bearing_combination)  # fmt: skip
    fs_ot = pick("FS_OT,req", inputs.overturning_safety_factor, d.overturning_safety_factor,
                 "required overturning safety factor", fc.safety_factor)  # fmt: skip
    fs_sl = pick("FS_SL,req", inputs.sliding_safety_factor, d.sliding_safety_factor,
                 "required sliding safety factor", fc.safety_factor)  # fmt: skip
    fs_up = pick("FS_UP,req", inputs.uplift_safety_factor, d.uplift_safety_factor,
                 "required uplift safety factor", fc.stability_combination)  # fmt: skip
    gamma_c = pick("γc", inputs.concrete_unit_weight_pcf, d.concrete_unit_weight_pcf, "concrete unit weight", "", "pcf")
    gamma_s = pick("γs", inputs.soil_unit_weight_pcf, d.soil_unit_weight_pcf, "soil cover unit weight", "", "pcf")

    # Soil values.
    row = soils.soil(inputs.soil_class) if inputs.soil_class is not None else None
    if row is not None:
        q_tab = calc.value("q_a,tab", row.vertical_psf, unit="psf", description="allowable vertical foundation "
                           f"pressure, class {row.soil_class}", clause=sc.table)  # fmt: skip
    else:
        q_tab = calc.value("q_a,tab", inputs.allowable_bearing_psf or 0.0, unit="psf",
                           description="allowable bearing from the soil report (input)")  # fmt: skip
    third = soils.adjustments.one_third_increase_factor if inputs.one_third_increase else 1.0
    q_allow = calc.apply("q_a", eq.allowable_bearing_psf, q_tab, third, unit="psf",
                         description="allowable bearing used", clause=sc.one_third_increase)  # fmt: skip
    if inputs.one_third_increase:
        omega = calc.value("ω", soils.adjustments.alternative_asd_wind_omega, description="factor on 0.6W in the "
                           "alternative ASD combinations", clause=sc.alternative_combinations)  # fmt: skip
        w_bear = calc.apply("a_W,brg", combinations.alternative_wind_factor, w, omega, description="wind factor of "
                            "the bearing combinations (0.6ωW)", clause=sc.alternative_combinations,
                            fill={"factor": w})  # fmt: skip
        a_bear_low = calc.value("a_D,brg,min", soils.adjustments.alternative_asd_counteracting_dead_fraction,
                                description="dead-load share counted against wind (two-thirds rule)",
                                clause=sc.alternative_combinations)  # fmt: skip
        combos = ("D + 0.6ωW", "2/3 D + 0.6ωW")
        calc.assume(
            "One-third increase of the allowable bearing taken: bearing is checked with the alternative ASD "
            f"combinations ({sc.alternative_combinations}); overturning and sliding keep the basic combination",
            sc.one_third_increase,
        )
    else:
        w_bear, a_bear_low, combos = w, a_stab, ("D + 0.6W", "0.6D + 0.6W")
        calc.assume("No one-third increase of the allowable bearing", sc.one_third_increase)
    mu_default = row.friction_coefficient if row is not None and row.friction_coefficient is not None else 0.0
    c_default = row.cohesion_psf if row is not None and row.cohesion_psf is not None else 0.0
    mu = inputs.friction_coefficient if inputs.friction_coefficient is not None else mu_default
    cohesion = inputs.cohesion_psf if inputs.cohesion_psf is not None else c_default
    calc.value("μ", mu, description="sliding friction coefficient (times the dead load)", clause=sc.table)
    calc.value("c", cohesion, unit="psf", description="sliding cohesion (times the contact area)", clause=sc.table)
    cap = soils.adjustments.cohesive_sliding_max_fraction_of_dead_load
    if cohesion > 0:
        calc.assume(
            f"Cohesive sliding resistance limited to {cap:g} of the dead load and taken on the compressed area only",
            sc.sliding_limit,
        )
    calc.assume("Passive soil pressure on the footing sides is neglected", sc.combined_resistance)
    calc.assume("The dead load of the sign and posts acts through the footing centre")
    calc.assume("Bearing pressures are gross (footing and soil cover included), linear, with no soil tension")

    moment_grade = (
        inputs.moment_at_grade_lb_ft
        if inputs.moment_at_grade_lb_ft is not None
        else inputs.lateral_force_lb * (inputs.force_height_ft or 0.0)
    )
    settings = Settings(
        dead_load_lb=inputs.dead_load_lb, lateral_lb=inputs.lateral_force_lb, moment_at_grade_lb_ft=moment_grade,
        uplift_lb=inputs.uplift_force_lb, cover_ft=inputs.soil_cover_ft, gamma_c=gamma_c, gamma_s=gamma_s,
        q_allow=q_allow, mu=mu, cohesion=cohesion, cohesion_cap=cap, fs_ot=fs_ot, fs_sl=fs_sl, fs_up=fs_up,
        a_stab=a_stab, a_bear=a_bear, w=w, min_bottom_ft=inputs.min_bottom_depth_ft, w_bear=w_bear,
        a_bear_low=a_bear_low, bear_combos=combos,
    )  # fmt: skip
    if inputs.min_bottom_depth_ft > 0:
        calc.assume(
            f"Footing bottom at least {inputs.min_bottom_depth_ft:g} ft below grade (frost depth / local minimum, "
            f"{fc.frost}): where the footing is thinner it is lowered under soil cover, and the sign base or a "
            "pedestal reaches down to it",
            fc.frost,
        )

    auto = inputs.width_ft is None
    found_one = True
    if auto:
        ev, tried, found_one = auto_size(settings, inputs)
        calc.note("auto_size", f"{tried} candidates tried in volume order", description="footing auto-sized")
        calc.applies(
            "a footing within the auto-size limits passes",
            found_one,
            f"none up to {inputs.max_plan_ft:g} ft in plan and {inputs.max_thickness_ft:g} ft thick passes: "
            "the largest is shown; an engineer must design this footing",
            penalty=0.5,
        )
        calc.assume(
            f"Footing auto-sized on a {inputs.size_increment_ft:g} ft grid "
            f"(plan aspect <= {inputs.max_aspect_ratio:g}): smallest concrete volume passing all checks"
        )
    else:
        ev = evaluate(settings, inputs.width_ft or 0.0, inputs.length_ft or 0.0, inputs.thickness_ft or 0.0)
        tried = 1

    _record_footing(calc, ev, fc.frost, fc.stability_combination, fc.bearing_combination)
    br = ev.bearing

    stability = (
        ("OT", "overturning", ev.fs_overturning, eq.overturning_safety_factor, fs_ot, fc.safety_factor),
        ("SL", "sliding", ev.fs_sliding, eq.sliding_safety_factor, fs_sl, f"{fc.safety_factor}; {sc.sliding_limit}"),
        ("UP", "uplift", ev.fs_uplift, eq.uplift_safety_factor, fs_up, fc.stability_combination),
    )  # fmt: skip
    for key, name, provided, factor_eq, required, clause in stability:
        if provided is None:
            continue
        if key == "SL":  # the resistance the sliding factor divides, recorded first
            calc.value("R_SL", ev.friction_part + ev.cohesion_part, unit="lb", description="sliding resistance",
                       formula=formula_of(eq.sliding_resistance_lb), clause=sc.sliding_limit)  # fmt: skip
        calc.value(f"FS_{key}", provided, description=f"{name} safety factor", formula=formula_of(factor_eq))
        calc.check(f"footing.{name}", f"required {name} safety factor <= provided", demand=required,
                   capacity=provided, unit="-", clause=clause)  # fmt: skip
    if br.e_ft is not None:
        calc.check("footing.resultant_in_base", "eccentricity within the base (e < L/2)", demand=br.e_ft,
                   capacity=ev.length / 2.0, unit="ft", clause=fc.bearing_combination)  # fmt: skip
    if br.q_max is not None:
        calc.check("footing.bearing", "maximum bearing <= allowable", demand=br.q_max, capacity=q_allow, unit="psf",
                   clause=f"{fc.bearing_combination}; {sc.table}")  # fmt: skip
    else:
        calc.warn("The resultant falls outside the footing or the net vertical load is not downward: no bearing")

    concrete = calc.apply("V_c", eq.footing_concrete_yd3, ev.width, ev.length, ev.thickness, unit="yd³",
                          description="concrete in the footing", clause="")  # fmt: skip
    passed = ev.passed and all(c.passed for c in calc.checks)
    return {
        "ibc_edition": inputs.ibc_edition,
        "auto_sized": auto,
        "auto_size_found": found_one,
        "candidates_tried": tried,
        "width_ft": ev.width,
        "length_ft": ev.length,
        "thickness_ft": ev.thickness,
        "soil_cover_ft": ev.cover,
        "bottom_depth_ft": ev.cover + ev.thickness,
        "concrete_yd3": concrete,
        "footing_weight_lb": ev.footing_weight,
        "soil_cover_weight_lb": ev.cover_weight,
        "total_dead_load_lb": ev.total_dead,
        "moment_at_grade_lb_ft": moment_grade,
        "base_moment_lb_ft": ev.base_moment_nominal,
        "overturning_moment_lb_ft": ev.overturning_moment,
        "resisting_moment_lb_ft": ev.resisting_moment,
        "overturning_safety_factor": ev.fs_overturning,
        "sliding_force_lb": ev.sliding_force,
        "sliding_resistance_lb": ev.friction_part + ev.cohesion_part,
        "sliding_safety_factor": ev.fs_sliding,
        "uplift_safety_factor": ev.fs_uplift,
        "eccentricity_ft": br.e_ft,
        "kern_ft": eq.kern_ft(ev.length),
        "bearing_shape": br.shape,
        "bearing_combination": br.combination,
        "max_bearing_psf": br.q_max,
        "min_bearing_psf": br.q_min,
        "bearing_contact_length_ft": br.contact_length_ft,
        "allowable_bearing_psf": q_allow,
        "stability_eccentricity_ft": ev.stability.e_ft,
        "passed": passed,
    }


SOLVER = Solver.of("foundation.spread_footing", VERSION, run)
