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

from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.ibc.embedment import round_up_to_increment
from apex_nb.equations.ibc.spread_footing import (
    cohesion_resistance_lb,
    cover_weight_lb,
    eccentricity_ft,
    footing_weight_lb,
    friction_resistance_lb,
    kern_ft,
    overturning_moment_lb_ft,
    resisting_moment_lb_ft,
    safety_factor,
    trapezoid_bearing_psf,
    triangle_bearing_psf,
    triangle_contact_length_ft,
)
from apex_nb.errors import FieldProblem, InputError
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
FT3_PER_YD3 = 27.0


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
    min_bottom_depth_ft: float = Field(
        default=0.0,
        ge=0,
        le=20,
        description="Footing bottom at least this deep below grade (frost depth, IBC §1809.4), ft; "
        "the footing is lowered under soil cover when it is thinner",
    )
    soil_class: int | None = Field(default=None, ge=1, le=5, description="IBC Table 1806.2 class of material, 1..5")
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
        problems = []
        if (self.force_height_ft is None) == (self.moment_at_grade_lb_ft is None):
            problems.append(
                FieldProblem(
                    "moment_at_grade_lb_ft" if self.force_height_ft is not None else "force_height_ft",
                    "give exactly one of force_height_ft or moment_at_grade_lb_ft",
                    "one of force_height_ft, moment_at_grade_lb_ft",
                )
            )
        dims = {"width_ft": self.width_ft, "length_ft": self.length_ft, "thickness_ft": self.thickness_ft}
        given = [k for k, v in dims.items() if v is not None]
        if given and len(given) != 3:
            for name in sorted(set(dims) - set(given)):
                problems.append(FieldProblem(name, "give width, length and thickness together, or none to auto-size"))
        if (self.soil_class is None) == (self.allowable_bearing_psf is None):
            problems.append(
                FieldProblem(
                    "allowable_bearing_psf" if self.soil_class is not None else "soil_class",
                    "give exactly one of soil_class or allowable_bearing_psf",
                    "one of soil_class (1..5), allowable_bearing_psf",
                )
            )
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


@dataclass(frozen=True)
class Settings:
    """Resolved numbers used to evaluate one footing."""

    dead_load_lb: float
    lateral_lb: float
    moment_at_grade_lb_ft: float
    uplift_lb: float
    cover_ft: float
    gamma_c: float
    gamma_s: float
    q_allow: float
    mu: float
    cohesion: float
    cohesion_cap: float
    fs_ot: float
    fs_sl: float
    fs_up: float
    a_stab: float
    a_bear: float
    w: float
    min_bottom_ft: float
    w_bear: float
    a_bear_low: float
    bear_combos: tuple[str, str]


@dataclass(frozen=True)
class Bearing:
    """Bearing under one combination."""

    combination: str
    vertical_lb: float
    moment_lb_ft: float
    e_ft: float | None
    shape: str | None
    q_max: float | None
    q_min: float | None
    contact_length_ft: float | None
    ratio: float


@dataclass(frozen=True)
class Evaluation:
    """Every quantity of one footing B x L x t."""

    width: float
    length: float
    thickness: float
    cover: float
    footing_weight: float
    cover_weight: float
    total_dead: float
    base_moment_nominal: float
    overturning_moment: float
    resisting_moment: float
    fs_overturning: float | None
    sliding_force: float
    friction_part: float
    cohesion_part: float
    fs_sliding: float | None
    fs_uplift: float | None
    stability: Bearing
    bearing: Bearing
    passed: bool


def _bearing(combination: str, vertical: float, moment: float, width: float, length: float, q_allow: float) -> Bearing:
    if vertical <= 0.0:
        return Bearing(combination, vertical, moment, None, None, None, None, None, float("inf"))
    e = eccentricity_ft(moment, vertical)
    if e >= length / 2.0:
        return Bearing(combination, vertical, moment, e, None, None, None, 0.0, float("inf"))
    if e <= kern_ft(length):
        q_max, q_min = trapezoid_bearing_psf(vertical, width, length, e)
        return Bearing(combination, vertical, moment, e, "trapezoid", q_max, q_min, length, q_max / q_allow)
    q_max = triangle_bearing_psf(vertical, width, length, e)
    contact = triangle_contact_length_ft(length, e)
    return Bearing(combination, vertical, moment, e, "triangle", q_max, 0.0, contact, q_max / q_allow)


def evaluate(s: Settings, width: float, length: float, thickness: float) -> Evaluation:
    """All checks of one footing (pure; no recording)."""
    cover = cover_depth_ft(s.cover_ft, s.min_bottom_ft, thickness)
    w_ftg = footing_weight_lb(width, length, thickness, s.gamma_c)
    w_cov = cover_weight_lb(width, length, cover, s.gamma_s)
    dead = s.dead_load_lb + w_ftg + w_cov
    base_moment = overturning_moment_lb_ft(s.moment_at_grade_lb_ft, s.lateral_lb, cover + thickness)
    m_ot = s.w * base_moment
    p_stab = s.a_stab * dead - s.w * s.uplift_lb
    m_r = resisting_moment_lb_ft(max(p_stab, 0.0), length)
    fs_ot = safety_factor(m_r, m_ot) if m_ot > 0 else None
    stability = _bearing("0.6D + 0.6W", p_stab, m_ot, width, length, s.q_allow)
    m_bear = s.w_bear * base_moment
    strong = _bearing(s.bear_combos[0], s.a_bear * dead - s.w_bear * s.uplift_lb, m_bear, width, length, s.q_allow)
    low = _bearing(s.bear_combos[1], s.a_bear_low * dead - s.w_bear * s.uplift_lb, m_bear, width, length, s.q_allow)
    bearing = strong if strong.ratio >= low.ratio else low
    h = s.w * s.lateral_lb
    friction = friction_resistance_lb(s.mu, max(p_stab, 0.0))
    contact = stability.contact_length_ft if stability.contact_length_ft is not None else 0.0
    cohesion = cohesion_resistance_lb(s.cohesion, width * contact, max(p_stab, 0.0), s.cohesion_cap)
    fs_sl = safety_factor(friction + cohesion, h) if h > 0 else None
    fs_up = safety_factor(s.a_stab * dead, s.w * s.uplift_lb) if s.uplift_lb > 0 else None
    passed = (
        (fs_ot is None or fs_ot >= s.fs_ot)
        and (fs_sl is None or fs_sl >= s.fs_sl)
        and (fs_up is None or fs_up >= s.fs_up)
        and bearing.ratio <= 1.0
    )
    return Evaluation(
        width, length, thickness, cover, w_ftg, w_cov, dead, base_moment, m_ot, m_r, fs_ot,
        h, friction, cohesion, fs_sl, fs_up, stability, bearing, passed,
    )  # fmt: skip


def cover_depth_ft(cover_ft: float, min_bottom_ft: float, thickness_ft: float) -> float:
    """Soil over the footing: the given cover, or more so that the bottom reaches ``min_bottom_ft`` (IBC §1809.4)."""
    return max(cover_ft, min_bottom_ft - thickness_ft)


def _grid(low: float, high: float, step: float) -> list[float]:
    start = round_up_to_increment(low, step)
    count = int((high - start) / step + 1e-9)
    return [round(start + i * step, 10) for i in range(count + 1)]


def auto_size(s: Settings, inputs: SpreadFootingInput) -> tuple[Evaluation, int, bool]:
    """Smallest-volume passing footing on the grid, the number of candidates tried, and whether one passed.

    When none passes, the largest footing of the grid comes back (with its failing checks) so the
    caller can report how far off it is instead of failing with no envelope.
    """
    step = inputs.size_increment_ft
    widths = _grid(inputs.min_width_ft, inputs.max_plan_ft, step)
    lengths = _grid(inputs.min_length_ft, inputs.max_plan_ft, step)
    thicknesses = _grid(inputs.min_thickness_ft, inputs.max_thickness_ft, step)
    # Every (B, L, t) on the grid within the aspect limit, ordered by (volume, t, L, B): numpy
    # sorts the tens of thousands of candidates in about a millisecond.
    b_grid, l_grid, t_grid = np.meshgrid(np.array(widths), np.array(lengths), np.array(thicknesses), indexing="ij")
    b_all, l_all, t_all = b_grid.ravel(), l_grid.ravel(), t_grid.ravel()
    keep = np.maximum(b_all, l_all) <= inputs.max_aspect_ratio * np.minimum(b_all, l_all) + 1e-9
    b_all, l_all, t_all = b_all[keep], l_all[keep], t_all[keep]
    order = np.lexsort((b_all, l_all, t_all, b_all * l_all * t_all))
    for tried, index in enumerate(order, start=1):
        b, ln, t = float(b_all[index]), float(l_all[index]), float(t_all[index])
        ev = evaluate(s, b, ln, t)
        if ev.passed:
            return ev, tried, True
    largest = int(order[-1])
    return evaluate(s, float(b_all[largest]), float(l_all[largest]), float(t_all[largest])), len(order), False


def run(inputs: SpreadFootingInput, calc: Calc) -> dict[str, Any]:
    """Overturning, sliding, uplift and bearing of a given or auto-sized spread footing."""
    soils = soils_pack(calc)
    found = foundations_pack(calc)
    sc = soil_clauses(soils, inputs.ibc_edition)
    fc = foundation_clauses(found, inputs.ibc_edition)
    d = found.spread_footing
    calc.note("ibc_edition", inputs.ibc_edition, description="IBC edition in force")
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
    if inputs.one_third_increase and not sc.one_third_permitted:
        raise InputError(
            [
                FieldProblem(
                    "one_third_increase", f"IBC {inputs.ibc_edition} has no alternative ASD combinations", "false"
                )
            ]
        )
    third = soils.adjustments.one_third_increase_factor if inputs.one_third_increase else 1.0
    q_allow = calc.value("q_a", q_tab * third, unit="psf", description="allowable bearing used",
                         formula="q_a,tab k_1/3", clause=sc.one_third_increase)  # fmt: skip
    if inputs.one_third_increase:
        omega = calc.value("ω", soils.adjustments.alternative_asd_wind_omega, description="factor on 0.6W in the "
                           "alternative ASD combinations", clause=sc.alternative_combinations)  # fmt: skip
        w_bear = calc.value("a_W,brg", w * omega, description="wind factor of the bearing combinations (0.6ωW)",
                            formula="a_W ω", clause=sc.alternative_combinations)  # fmt: skip
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

    # Record the chosen footing.
    calc.value("B", ev.width, unit="ft", description="footing width across the wind")
    calc.value("L", ev.length, unit="ft", description="footing length along the wind")
    calc.value("t", ev.thickness, unit="ft", description="footing thickness")
    calc.value("c_cov", ev.cover, unit="ft", description="soil cover over the footing", formula="max(c, d_min − t)")
    calc.value("d_bottom", ev.cover + ev.thickness, unit="ft", description="depth of the footing bottom below "
               "grade, at least the minimum (frost) depth by construction", formula="c_cov + t",
               clause=fc.frost)  # fmt: skip
    calc.value("W_ftg", ev.footing_weight, unit="lb", description="footing weight", formula="B L t γc")
    calc.value("W_cov", ev.cover_weight, unit="lb", description="soil cover weight", formula="B L c γs")
    calc.value("D", ev.total_dead, unit="lb", description="total dead load", formula="D_sign + W_ftg + W_cov")
    calc.value("M_base", ev.base_moment_nominal, unit="lb-ft", description="nominal wind moment at the footing base",
               formula="M_grade + W (c + t)")  # fmt: skip
    calc.value("M_OT", ev.overturning_moment, unit="lb-ft", description="overturning moment (ASD)",
               formula="a_W M_base", clause=fc.stability_combination)  # fmt: skip
    calc.value("M_R", ev.resisting_moment, unit="lb-ft", description="resisting moment about the toe",
               formula="(a_D D − a_W U) L/2", clause=fc.stability_combination)  # fmt: skip
    br = ev.bearing
    if br.e_ft is not None:
        calc.value("e", br.e_ft, unit="ft", description=f"eccentricity under {br.combination}", formula="M_OT / P")
    calc.value("L/6", kern_ft(ev.length), unit="ft", description="kern limit")
    calc.note("bearing_shape", br.shape, description="trapezoid within the kern, triangle outside it")
    if br.q_max is not None:
        formula = "P/(B L) (1 + 6e/L)" if br.shape == "trapezoid" else "2P / (3 B (L/2 − e))"
        calc.value("q_max", br.q_max, unit="psf", description=f"maximum bearing under {br.combination}",
                   formula=formula, clause=fc.bearing_combination)  # fmt: skip

    if ev.fs_overturning is not None:
        calc.value("FS_OT", ev.fs_overturning, description="overturning safety factor", formula="M_R / M_OT")
        calc.check("footing.overturning", "required overturning safety factor <= provided", demand=fs_ot,
                   capacity=ev.fs_overturning, unit="-", clause=fc.safety_factor)  # fmt: skip
    if ev.fs_sliding is not None:
        calc.value("R_SL", ev.friction_part + ev.cohesion_part, unit="lb", description="sliding resistance",
                   formula="μ (a_D D − a_W U) + min(c A_contact, 0.5 (a_D D − a_W U))",
                   clause=sc.sliding_limit)  # fmt: skip
        calc.value("FS_SL", ev.fs_sliding, description="sliding safety factor", formula="R_SL / (a_W W)")
        calc.check("footing.sliding", "required sliding safety factor <= provided", demand=fs_sl,
                   capacity=ev.fs_sliding, unit="-", clause=f"{fc.safety_factor}; {sc.sliding_limit}")  # fmt: skip
    if ev.fs_uplift is not None:
        calc.value("FS_UP", ev.fs_uplift, description="uplift safety factor", formula="a_D D / (a_W U)")
        calc.check("footing.uplift", "required uplift safety factor <= provided", demand=fs_up,
                   capacity=ev.fs_uplift, unit="-", clause=fc.stability_combination)  # fmt: skip
    if br.e_ft is not None:
        calc.check("footing.resultant_in_base", "eccentricity within the base (e < L/2)", demand=br.e_ft,
                   capacity=ev.length / 2.0, unit="ft", clause=fc.bearing_combination)  # fmt: skip
    if br.q_max is not None:
        calc.check("footing.bearing", "maximum bearing <= allowable", demand=br.q_max, capacity=q_allow, unit="psf",
                   clause=f"{fc.bearing_combination}; {sc.table}")  # fmt: skip
    else:
        calc.warn("The resultant falls outside the footing or the net vertical load is not downward: no bearing")

    concrete = calc.value("V_c", ev.width * ev.length * ev.thickness / FT3_PER_YD3, unit="yd³",
                          description="concrete in the footing", formula="B L t / 27")  # fmt: skip
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
        "kern_ft": kern_ft(ev.length),
        "bearing_shape": br.shape,
        "bearing_combination": br.combination,
        "max_bearing_psf": br.q_max,
        "min_bearing_psf": br.q_min,
        "bearing_contact_length_ft": br.contact_length_ft,
        "allowable_bearing_psf": q_allow,
        "stability_eccentricity_ft": ev.stability.e_ft,
        "passed": passed,
    }


SOLVER = Solver(
    name="foundation.spread_footing",
    version=VERSION,
    input_model=SpreadFootingInput,
    run=run,
    summary="Spread footing for a sign: overturning, sliding, uplift, eccentric bearing; auto-size B x L x t",
)
