"""Spread footings under a vertical load and an overturning moment: statics used with IBC Ch. 18.

Eccentric bearing (rigid footing, linear soil pressure, no tension), overturning and sliding
with the §1806.2 friction/cohesion and the §1806.3.2 limit, and uplift. Lengths in ft, forces
in lb; L is the footing dimension parallel to the moment, B the one across it.
"""

from __future__ import annotations

from apex_nb.equations.metadata import equation
from apex_nb.units import FT3_PER_YD3

_STAB = "ASCE 7-16 §2.4.1"
_TABLE = "IBC Table 1806.2"


@equation("M_OT / P")
def eccentricity_ft(moment_lb_ft: float, vertical_lb: float) -> float:
    """e = M / P, ft: distance of the resultant from the footing centre."""
    return moment_lb_ft / vertical_lb


def kern_ft(length_ft: float) -> float:
    """Kern limit L/6: within it the whole base stays in compression."""
    return length_ft / 6.0


@equation("P/(B L) (1 + 6e/L)")
def trapezoid_bearing_psf(vertical_lb: float, width_ft: float, length_ft: float, e_ft: float) -> tuple[float, float]:
    """(q_max, q_min) = P/(B L) (1 ± 6e/L), psf, valid for e <= L/6 (full contact)."""
    mean = vertical_lb / (width_ft * length_ft)
    return mean * (1.0 + 6.0 * e_ft / length_ft), mean * (1.0 - 6.0 * e_ft / length_ft)


@equation("2P / (3 B (L/2 − e))")
def triangle_bearing_psf(vertical_lb: float, width_ft: float, length_ft: float, e_ft: float) -> float:
    """q_max = 2P / (3 B (L/2 − e)), psf, for L/6 < e < L/2 (partial contact, no soil tension)."""
    return 2.0 * vertical_lb / (3.0 * width_ft * (length_ft / 2.0 - e_ft))


def triangle_contact_length_ft(length_ft: float, e_ft: float) -> float:
    """Length of base in contact under triangular bearing: 3 (L/2 − e), ft."""
    return 3.0 * (length_ft / 2.0 - e_ft)


@equation("(a_D D − a_W U) L/2", clause=_STAB)
def resisting_moment_lb_ft(vertical_lb: float, length_ft: float) -> float:
    """Resisting moment of a vertical load through the centre about the toe: P L/2, lb-ft.

    In a stability check P is the net stabilising load a_D D − a_W U (never below zero).
    """
    return vertical_lb * length_ft / 2.0


@equation("M_grade + W (c + t)")
def overturning_moment_lb_ft(moment_at_grade_lb_ft: float, lateral_lb: float, lever_below_grade_ft: float) -> float:
    """Moment at the underside of the footing: M_grade + H (cover + thickness), lb-ft."""
    return moment_at_grade_lb_ft + lateral_lb * lever_below_grade_ft


def safety_factor(resisting: float, acting: float) -> float:
    """Resisting / acting (overturning, sliding or uplift); ``acting`` must be > 0."""
    return resisting / acting


def friction_resistance_lb(friction_coefficient: float, dead_load_lb: float) -> float:
    """μ times the dead load (IBC Table 1806.2, footnote a)."""
    return friction_coefficient * dead_load_lb


def cohesion_resistance_lb(
    cohesion_psf: float,
    contact_area_ft2: float,
    dead_load_lb: float,
    max_fraction_of_dead_load: float | None,
) -> float:
    """Cohesion times the contact area (Table 1806.2 footnote b), capped per IBC §1806.3.2.

    For clays and silts (class 5) the lateral sliding resistance may not exceed one-half the
    dead load; ``max_fraction_of_dead_load`` = None applies no cap.
    """
    value = cohesion_psf * contact_area_ft2
    if max_fraction_of_dead_load is not None:
        value = min(value, max_fraction_of_dead_load * dead_load_lb)
    return value


@equation("B L t γc")
def footing_weight_lb(width_ft: float, length_ft: float, thickness_ft: float, unit_weight_pcf: float) -> float:
    """Self weight B L t γc, lb."""
    return width_ft * length_ft * thickness_ft * unit_weight_pcf


@equation("B L c γs")
def cover_weight_lb(width_ft: float, length_ft: float, cover_ft: float, unit_weight_pcf: float) -> float:
    """Soil over the footing, B L c γs, lb."""
    return width_ft * length_ft * cover_ft * unit_weight_pcf


@equation("max(c, d_min − t)", clause="IBC §1809.4")
def cover_depth_ft(cover_ft: float, min_bottom_ft: float, thickness_ft: float) -> float:
    """Soil over the footing: the given cover, or more so that the bottom reaches ``min_bottom_ft`` (IBC §1809.4)."""
    return max(cover_ft, min_bottom_ft - thickness_ft)


@equation("c_cov + t", clause="IBC §1809.4")
def bottom_depth_ft(cover_ft: float, thickness_ft: float) -> float:
    """Depth of the footing bottom below grade: soil cover plus thickness, ft."""
    return cover_ft + thickness_ft


@equation("D_sign + W_ftg + W_cov")
def total_dead_load_lb(sign_dead_lb: float, footing_weight: float, cover_weight: float) -> float:
    """Dead load on the soil: the sign and posts, the footing and the soil over it, lb."""
    return sign_dead_lb + footing_weight + cover_weight


@equation("a_W M_base", clause=_STAB)
def factored_moment_lb_ft(wind_factor: float, moment_lb_ft: float) -> float:
    """The wind moment times the ASD wind-load factor (0.6 W), lb-ft."""
    return wind_factor * moment_lb_ft


@equation("M_R / M_OT", clause="IBC §1807.2.3")
def overturning_safety_factor(resisting_lb_ft: float, overturning_lb_ft: float) -> float:
    """FS against overturning: resisting over overturning moment (``overturning_lb_ft`` > 0)."""
    return safety_factor(resisting_lb_ft, overturning_lb_ft)


@equation("R_SL / (a_W W)", clause="IBC §1807.2.3")
def sliding_safety_factor(resistance_lb: float, sliding_force_lb: float) -> float:
    """FS against sliding: resistance over the factored lateral force (``sliding_force_lb`` > 0)."""
    return safety_factor(resistance_lb, sliding_force_lb)


@equation("a_D D / (a_W U)", clause=_STAB)
def uplift_safety_factor(stabilising_lb: float, uplift_lb: float) -> float:
    """FS against uplift: factored dead load over factored uplift (``uplift_lb`` > 0)."""
    return safety_factor(stabilising_lb, uplift_lb)


@equation("μ (a_D D − a_W U) + min(c A_contact, 0.5 (a_D D − a_W U))", clause="IBC §1806.3.2")
def sliding_resistance_lb(friction_lb: float, cohesion_lb: float) -> float:
    """Sliding resistance: friction plus the capped cohesion on the compressed area (Table 1806.2), lb."""
    return friction_lb + cohesion_lb


@equation("q_a,tab k_1/3", clause="IBC §1806.1")
def allowable_bearing_psf(tabular_psf: float, one_third_factor: float) -> float:
    """Allowable bearing used: the table or report value times the one-third increase (1 or 4/3), psf."""
    return tabular_psf * one_third_factor


@equation("B L t / 27")
def footing_concrete_yd3(width_ft: float, length_ft: float, thickness_ft: float) -> float:
    """Concrete in a B x L x t footing, yd³."""
    return width_ft * length_ft * thickness_ft / FT3_PER_YD3
