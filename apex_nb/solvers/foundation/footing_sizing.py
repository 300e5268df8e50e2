"""Spread-footing sizing for ``foundation.spread_footing``: one footing's checks and the auto-size search.

``evaluate`` computes every quantity of one B x L x t footing without recording anything (the
auto-size search calls it tens of thousands of times); ``auto_size`` walks the candidate grid in
volume order. The solver records the chosen footing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from apex_nb.equations.ibc import spread_footing as eq
from apex_nb.equations.ibc.embedment import round_up_to_increment


class SizingGrid(Protocol):
    """The grid limits ``auto_size`` reads (``spread_footing.SpreadFootingInput`` has them; no import back up)."""

    size_increment_ft: float
    min_width_ft: float
    min_length_ft: float
    min_thickness_ft: float
    max_plan_ft: float
    max_thickness_ft: float
    max_aspect_ratio: float


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
    e = eq.eccentricity_ft(moment, vertical)
    if e >= length / 2.0:
        return Bearing(combination, vertical, moment, e, None, None, None, 0.0, float("inf"))
    if e <= eq.kern_ft(length):
        q_max, q_min = eq.trapezoid_bearing_psf(vertical, width, length, e)
        return Bearing(combination, vertical, moment, e, "trapezoid", q_max, q_min, length, q_max / q_allow)
    q_max = eq.triangle_bearing_psf(vertical, width, length, e)
    contact = eq.triangle_contact_length_ft(length, e)
    return Bearing(combination, vertical, moment, e, "triangle", q_max, 0.0, contact, q_max / q_allow)


def evaluate(s: Settings, width: float, length: float, thickness: float) -> Evaluation:
    """All checks of one footing (pure; no recording)."""
    cover = eq.cover_depth_ft(s.cover_ft, s.min_bottom_ft, thickness)
    w_ftg = eq.footing_weight_lb(width, length, thickness, s.gamma_c)
    w_cov = eq.cover_weight_lb(width, length, cover, s.gamma_s)
    dead = eq.total_dead_load_lb(s.dead_load_lb, w_ftg, w_cov)
    base_moment = eq.overturning_moment_lb_ft(s.moment_at_grade_lb_ft, s.lateral_lb, cover + thickness)
    m_ot = eq.factored_moment_lb_ft(s.w, base_moment)
    p_stab = s.a_stab * dead - s.w * s.uplift_lb
    m_r = eq.resisting_moment_lb_ft(max(p_stab, 0.0), length)
    fs_ot = eq.overturning_safety_factor(m_r, m_ot) if m_ot > 0 else None
    stability = _bearing("0.6D + 0.6W", p_stab, m_ot, width, length, s.q_allow)
    m_bear = s.w_bear * base_moment
    strong = _bearing(s.bear_combos[0], s.a_bear * dead - s.w_bear * s.uplift_lb, m_bear, width, length, s.q_allow)
    low = _bearing(s.bear_combos[1], s.a_bear_low * dead - s.w_bear * s.uplift_lb, m_bear, width, length, s.q_allow)
    bearing = strong if strong.ratio >= low.ratio else low
    h = s.w * s.lateral_lb
    friction = eq.friction_resistance_lb(s.mu, max(p_stab, 0.0))
    contact = stability.contact_length_ft if stability.contact_length_ft is not None else 0.0
    cohesion = eq.cohesion_resistance_lb(s.cohesion, width * contact, max(p_stab, 0.0), s.cohesion_cap)
    fs_sl = eq.sliding_safety_factor(eq.sliding_resistance_lb(friction, cohesion), h) if h > 0 else None
    fs_up = eq.uplift_safety_factor(s.a_stab * dead, s.w * s.uplift_lb) if s.uplift_lb > 0 else None
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


cover_depth_ft = eq.cover_depth_ft  # kept importable from the solver for callers of the earlier name


def _grid(low: float, high: float, step: float) -> list[float]:
    start = round_up_to_increment(low, step)
    count = int((high - start) / step + 1e-9)
    return [round(start + i * step, 10) for i in range(count + 1)]


def auto_size(s: Settings, inputs: SizingGrid) -> tuple[Evaluation, int, bool]:
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
